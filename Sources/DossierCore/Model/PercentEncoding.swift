/// `%XX` escapes (RFC 3986), one rule for every place dossier writes a URL: a site's links to
/// folders and a STIX export's URL values.
public enum PercentEncoding {
    /// `text` with every byte `keeps` refuses written `%XX` (upper-case hex); `text` itself when
    /// nothing is.
    public static func encoded(_ text: String, keeping keeps: (_ byte: UInt8, _ offset: Int) -> Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var changed = false
        for (offset, byte) in text.utf8.enumerated() {
            if keeps(byte, offset) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
                changed = true
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    /// Letters, digits and `-._~`: what a path segment holds as written.
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        IndicatorBytes.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    public static func isHexDigit(_ byte: UInt8) -> Bool { IndicatorBytes.hexValue(byte) != nil }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
