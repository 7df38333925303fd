extension Array where Element == String {
    /// The words as a sentence lists them: `a`, `a and b`, `a, b and c` (with `conjunction`
    /// "and" or "or"); empty for none.
    public func listed(_ conjunction: String) -> String {
        guard let last, count > 1 else { return first ?? "" }
        return dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
