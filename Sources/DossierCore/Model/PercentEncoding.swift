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

    /// `bytes` with each `%XX` escape that `decodes` accepts (given the byte it stands for and
    /// the escape's offset) written as that byte, and each `+` a space where `plusIsSpace` (a
    /// query as a form sends it). The one decoder of every place that reads escapes.
    public static func decoded(_ bytes: [UInt8], plusIsSpace: Bool = false,
        decoding decodes: (_ byte: UInt8, _ offset: Int) -> Bool = { _, _ in true }) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let high = IndicatorBytes.hexValue(bytes[i + 1]),
               let low = IndicatorBytes.hexValue(bytes[i + 2]), decodes(high << 4 | low, i) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(plusIsSpace && bytes[i] == UInt8(ascii: "+") ? IndicatorBytes.space : bytes[i])
                i += 1
            }
        }
        return out
    }

    /// `bytes` decoded (`plusIsSpace`) until no escape is left, at most three times: a link
    /// rewritten by a gateway then quoted again (`%253A`) as a page that follows the redirects
    /// reads it.
    public static func decodedFully(_ bytes: [UInt8]) -> [UInt8] {
        var text = bytes
        for _ in 0..<3 {
            guard text.contains(UInt8(ascii: "%")) || text.contains(UInt8(ascii: "+")) else { break }
            let decoded = decoded(text, plusIsSpace: true)
            if decoded == text { break }
            text = decoded
        }
        return text
    }

    /// Letters, digits and `-._~`: what a path segment holds as written.
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        IndicatorBytes.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    public static func isHexDigit(_ byte: UInt8) -> Bool { IndicatorBytes.hexValue(byte) != nil }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
