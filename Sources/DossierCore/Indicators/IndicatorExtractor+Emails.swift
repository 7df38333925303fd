/// Pass 2 of `IndicatorExtractor`: e-mail addresses outside URLs.
extension IndicatorExtractor {
    static func isLocalByte(_ b: UInt8) -> Bool {
        IndicatorBytes.isAlphanumeric(b) || b == IndicatorBytes.dot || b == IndicatorBytes.hyphen || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "+") || b == UInt8(ascii: "%")
    }

    mutating func findEmails() {
        let n = bytes.count
        var claimIndex = 0
        var lowestStart = 0
        var i = 0
        var emails: [Range<Int>] = []
        while i < n {
            guard bytes[i] == IndicatorBytes.at else { i += 1; continue }
            while claimIndex < claimed.count && claimed[claimIndex].upperBound <= i {
                lowestStart = claimed[claimIndex].upperBound
                claimIndex += 1
            }
            if claimIndex < claimed.count && claimed[claimIndex].contains(i) {
                i = claimed[claimIndex].upperBound
                continue
            }
            var start = i
            while start > lowestStart && i - start <= 64 {
                if Self.isLocalByte(bytes[start - 1]) { start -= 1; continue }
                // An apostrophe within a name (`o'brien@`), not one that quotes the address
                // (`'alice@`): RFC 5322 lets a local part hold it, and mail systems do.
                if bytes[start - 1] == UInt8(ascii: "'"), start - 2 >= lowestStart, start < i,
                   IndicatorBytes.isAlphanumeric(bytes[start - 2]), IndicatorBytes.isAlphanumeric(bytes[start]) {
                    start -= 1
                    continue
                }
                break
            }
            while start < i && bytes[start] == IndicatorBytes.dot { start += 1 }
            var end = i + 1
            while end < n && end - i <= 254, let length = hostCharacterLength(at: end) { end += length }
            let scanned = end
            while end > i + 1 && (bytes[end - 1] == IndicatorBytes.dot || bytes[end - 1] == IndicatorBytes.hyphen) { end -= 1 }
            defer { i = max(scanned, i + 1) }
            guard i - start <= 64, start < i, end > i + 1 else { continue }
            let text = IndicatorBytes.string(bytes, start..<end)
            guard case .success(let email) = EmailAddress.normalize(text), Indicators.hasKnownTopLevel(email) else { continue }
            found.append(Found(start: start, end: end, type: .email, value: email))
            emails.append(start..<end)
            lowestStart = end
        }
        claimed = (claimed + emails).sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Length of a letter, digit, `-`, `_` or `.` (of any script) at `k`, or nil (a domain may hold
    /// `_` below its top level).
    func hostCharacterLength(at k: Int) -> Int? {
        let b = bytes[k]
        if b < 0x80 {
            return IndicatorBytes.isAlphanumeric(b) || b == IndicatorBytes.hyphen || b == IndicatorBytes.dot || b == UInt8(ascii: "_") ? 1 : nil
        }
        guard let (scalar, length) = IndicatorBytes.scalar(bytes, at: k), IndicatorBytes.isWordScalar(scalar) else { return nil }
        return length
    }
}
