/// What characters a bare value is made of, gathered in one pass, so `detect` tries only the types that can fit.
struct ValueShape {
    var count = 0
    var dots = 0
    var hasSpace = false
    var hasSchemeSeparator = false
    var hasSlash = false
    var hasAt = false
    var hasColon = false
    var allHex = true
    var onlyDigitsAndDots = true
    /// Hex digits, `:`, `.` and `/`.
    var onlyIPCharacters = true
    /// Letters, digits, `-`, `_`, `.` and non-ASCII characters.
    var onlyHostCharacters = true
    var looksLikeCVE = false
    var looksLikeASN = false

    var isEmpty: Bool { count == 0 }
    var hasDot: Bool { dots > 0 }

    init(_ value: String) {
        IndicatorBytes.withBytes(value) { bytes in
            count = bytes.count
            for (i, b) in bytes.enumerated() {
                let isDigit = IndicatorBytes.isDigit(b)
                let isHex = IndicatorBytes.hexValue(b) != nil
                switch b {
                case IndicatorBytes.dot: dots += 1
                case IndicatorBytes.space, 0x09: hasSpace = true
                case IndicatorBytes.slash: hasSlash = true
                case IndicatorBytes.at: hasAt = true
                case IndicatorBytes.colon:
                    hasColon = true
                    if IndicatorBytes.matches(bytes, at: i, "://") { hasSchemeSeparator = true }
                default: break
                }
                if !isHex { allHex = false }
                if !(isDigit || b == IndicatorBytes.dot) { onlyDigitsAndDots = false }
                if !(isHex || b == IndicatorBytes.colon || b == IndicatorBytes.dot || b == IndicatorBytes.slash) { onlyIPCharacters = false }
                if !(IndicatorBytes.isAlphanumeric(b) || b == IndicatorBytes.hyphen || b == IndicatorBytes.dot || b == UInt8(ascii: "_") || b >= 0x80) {
                    onlyHostCharacters = false
                }
            }
            looksLikeCVE = IndicatorBytes.matches(bytes, at: 0, "cve-")
            var digitsAt = IndicatorBytes.matches(bytes, at: 0, "asn") ? 3 : IndicatorBytes.matches(bytes, at: 0, "as") ? 2 : 0
            if digitsAt > 0 && digitsAt < bytes.count && (bytes[digitsAt] == IndicatorBytes.space || bytes[digitsAt] == IndicatorBytes.hyphen) {
                digitsAt += 1
            }
            looksLikeASN = digitsAt > 0 && digitsAt < bytes.count && IndicatorBytes.isDigit(bytes[digitsAt])
        }
    }
}
