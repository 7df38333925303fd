extension Int {
    /// The number as a reader is shown it, its digits grouped by thousands with commas, as
    /// English prose writes them: `1,483`, `1,000,000`; `999` and `-12,000` alike.
    public var grouped: String {
        let digits = String(magnitude)
        var text = ""
        text.reserveCapacity(digits.utf8.count + digits.utf8.count / 3 + 1)
        if self < 0 { text.append("-") }
        for (place, digit) in digits.enumerated() {
            if place > 0, (digits.count - place) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
