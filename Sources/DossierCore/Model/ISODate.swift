/// ISO 8601 dates as the workspace writes them: `2026-11-02`, or a timestamp such as
/// `2026-11-02T10:15:00Z`, `2026-11-02T10:15:00.250+01:00`. Kept as text; compared by instant
/// only as far as the text allows (dates sort before timestamps of the same day).
public enum ISODate {
    public static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 10, digits(b, 0, 4), b[4] == 0x2D, digits(b, 5, 2), b[7] == 0x2D, digits(b, 8, 2) else {
            return false
        }
        let month = number(b, 5, 2), day = number(b, 8, 2), year = number(b, 0, 4)
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return false }
        if b.count == 10 { return true }
        // Time part: THH:MM[:SS[.fraction]] then Z or ±HH:MM.
        guard b.count >= 16, b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20, digits(b, 11, 2), b[13] == 0x3A, digits(b, 14, 2),
            number(b, 11, 2) < 24, number(b, 14, 2) < 60
        else { return false }
        var i = 16
        if i < b.count, b[i] == 0x3A {
            guard digits(b, i + 1, 2), number(b, i + 1, 2) < 61 else { return false }
            i += 3
            if i < b.count, b[i] == 0x2E {
                i += 1
                let start = i
                while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
                guard i > start else { return false }
            }
        }
        if i == b.count { return true }
        if b[i] == 0x5A || b[i] == 0x7A { return i + 1 == b.count }
        guard b[i] == 0x2B || b[i] == 0x2D, b.count == i + 6, digits(b, i + 1, 2), b[i + 3] == 0x3A, digits(b, i + 4, 2) else {
            return false
        }
        return true
    }

    /// Earlier of two dates (by their text, which sorts chronologically for this format in UTC).
    public static func earlier(_ a: String?, _ b: String?) -> String? {
        guard let a, let b else { return a ?? b }
        return b < a ? b : a
    }

    public static func later(_ a: String?, _ b: String?) -> String? {
        guard let a, let b else { return a ?? b }
        return b > a ? b : a
    }

    private static func digits(_ b: [UInt8], _ at: Int, _ count: Int) -> Bool {
        at + count <= b.count && b[at..<(at + count)].allSatisfy { (0x30...0x39).contains($0) }
    }

    private static func number(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        b[at..<(at + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
