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

    /// What a URI may hold as written (RFC 3986): letters, digits, `-._~` and the delimiters
    /// (`[` and `]` only around an IPv6 host).
    public static func isURIByte(_ byte: UInt8) -> Bool { uriBytes[Int(byte)] }

    private static let uriBytes: [Bool] = (0...255).map {
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=".utf8.contains(UInt8($0))
    }

    /// True for the escape of a byte that a URI cannot hold as written but a URL is recorded with
    /// (visible ASCII outside RFC 3986's set, `<`, `|`, `"`; a bracket after the host): the escape
    /// and the byte are one spelling of the URL, as a browser sends it.
    /// - Parameter authorityEnd: where the URL's scheme and host end (`urlAuthorityEnd`).
    public static func escapesUnsafeASCII(_ byte: UInt8, at offset: Int, authorityEnd: Int) -> Bool {
        let isBracket = byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
        let isVisibleASCII = byte > 0x20 && byte < 0x7F
        return isVisibleASCII && (!isURIByte(byte) && byte != UInt8(ascii: "%") || isBracket && offset >= authorityEnd)
    }

    /// Where a URL's scheme and host end: the first `/`, `?` or `#` after `://` (0 without one).
    public static func urlAuthorityEnd(_ bytes: [UInt8]) -> Int {
        guard let scheme = (0..<max(0, bytes.count - 2)).first(where: {
            bytes[$0] == UInt8(ascii: ":") && bytes[$0 + 1] == UInt8(ascii: "/") && bytes[$0 + 2] == UInt8(ascii: "/")
        }) else { return 0 }
        var end = scheme + 3
        while end < bytes.count, !"/?#".utf8.contains(bytes[end]) { end += 1 }
        return end
    }

    /// Letters, digits and `-._~`: what a path segment holds as written.
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        IndicatorBytes.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    public static func isHexDigit(_ byte: UInt8) -> Bool { IndicatorBytes.hexValue(byte) != nil }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
