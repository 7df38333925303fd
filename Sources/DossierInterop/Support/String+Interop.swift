extension StringProtocol {
    /// Without surrounding spaces, tabs and line breaks.
    var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }

    /// Trimmed (`trimmingSpaces`), its CR LF line breaks read as LF: a note's text as an import
    /// compares it, so that a Windows checkout's line breaks do not make a note it wrote new again.
    var comparedText: String {
        trimmingSpaces.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Without the characters of `set` at either end.
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }

    /// `non_malicious` → `non-malicious`: PassiveTotal and some feeds write classifications so.
    var replacingUnderscores: String { String(map { $0 == "_" ? "-" : $0 }) }
}
