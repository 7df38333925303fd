/// HTML character references in Markdown (`&#46;`, `&#x2E;`, `&period;`), which CommonMark
/// decodes in text and in link destinations: `198&#46;51&#46;100&#46;7` is shown as
/// `198.51.100.7`, and `[x](..&#47;acme-phish/)` links to `../acme-phish/`. The check of what the
/// public site shows reads prose as it is shown.
public enum CharacterReferences {
    /// `text` with its numeric references, the named ones that stand for ASCII, for a Latin-1
    /// letter or for an invisible character decoded (`namedBeyondASCII`: what spells a value or
    /// a path; a reference to any other character is left as it is); nil when it holds none. A
    /// line feed or a carriage return decoded is a space: lines stay where they were, for the
    /// positions of what is found. A reference to no character (`&#0;`, a surrogate, past
    /// U+10FFFF) is U+FFFD, as CommonMark has it.
    public static func decoded(_ text: String) -> String? {
        guard text.containsByte(ampersand) else { return nil }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var changed = false
        var i = 0
        while i < bytes.count {
            if bytes[i] == ampersand, let (scalar, length) = reference(bytes, at: i) {
                let shown = scalar == "\n" || scalar == "\r" ? " " : scalar
                out += String(shown).utf8
                i += length
                changed = true
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : nil
    }

    private static let ampersand = UInt8(ascii: "&")

    /// The character of the reference at `i` (an `&`) and its length in bytes, if one stands there.
    private static func reference(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        guard i + 3 < bytes.count else { return nil }
        if bytes[i + 1] == UInt8(ascii: "#") {
            let hex = bytes[i + 2] | 0x20 == UInt8(ascii: "x")
            let start = i + (hex ? 3 : 2)
            var end = start
            var value: UInt32 = 0
            // At most 7 decimal or 6 hex digits, as CommonMark reads them.
            while end < bytes.count, end - start < (hex ? 6 : 7) {
                if hex, let digit = IndicatorBytes.hexValue(bytes[end]) {
                    value = value * 16 + UInt32(digit)
                } else if !hex, IndicatorBytes.isDigit(bytes[end]) {
                    value = value * 10 + UInt32(bytes[end] - 0x30)
                } else {
                    break
                }
                end += 1
            }
            guard end > start, end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return nil }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (scalar ?? "\u{FFFD}", end + 1 - i)
        }
        var end = i + 1
        while end < bytes.count, end - i <= longestName, IndicatorBytes.isAlphanumeric(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"),
              let scalar = named[String(decoding: bytes[(i + 1)..<end], as: UTF8.self)]
                ?? namedBeyondASCII[String(decoding: bytes[(i + 1)..<end], as: UTF8.self)] else { return nil }
        return (scalar, end + 1 - i)
    }

    /// HTML5's named references that stand for one ASCII character.
    private static let named: [String: Unicode.Scalar] = [
        "Tab": "\t", "NewLine": "\n", "excl": "!", "QUOT": "\"", "quot": "\"", "num": "#", "dollar": "$", "percnt": "%",
        "AMP": "&", "amp": "&", "apos": "'", "lpar": "(", "rpar": ")", "ast": "*", "midast": "*", "plus": "+", "comma": ",",
        "period": ".", "sol": "/", "colon": ":", "semi": ";", "LT": "<", "lt": "<", "equals": "=", "GT": ">", "gt": ">",
        "quest": "?", "commat": "@", "lbrack": "[", "lsqb": "[", "bsol": "\\", "rbrack": "]", "rsqb": "]", "Hat": "^",
        "lowbar": "_", "UnderBar": "_", "DiacriticalGrave": "`", "grave": "`", "lbrace": "{", "lcub": "{", "verbar": "|",
        "vert": "|", "VerticalLine": "|", "rbrace": "}", "rcub": "}",
    ]

    /// HTML5's names of the invisible characters a page shows as nothing (a soft hyphen, a
    /// zero-width joiner) and of the Latin-1 letters (`&uuml;`), which spell a name outside ASCII
    /// (`m&uuml;nchen-acme.example` shows `münchen-acme.example`).
    private static let namedBeyondASCII: [String: Unicode.Scalar] = {
        var names: [String: Unicode.Scalar] = [
            "shy": "\u{AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "ZeroWidthSpace": "\u{200B}", "NegativeVeryThinSpace": "\u{200B}",
            "NegativeThinSpace": "\u{200B}", "NegativeMediumSpace": "\u{200B}", "NegativeThickSpace": "\u{200B}", "NoBreak": "\u{2060}",
            "lrm": "\u{200E}", "rlm": "\u{200F}", "af": "\u{2061}", "ApplyFunction": "\u{2061}", "it": "\u{2062}",
            "InvisibleTimes": "\u{2062}", "ic": "\u{2063}", "InvisibleComma": "\u{2063}",
            // A space that does not break a line separates words as a space does.
            "nbsp": " ", "NonBreakingSpace": " ",
        ]
        // U+00C0 to U+00FF in order, but for the signs of times and division.
        let latin1 = "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde "
            + "Ograve Oacute Ocirc Otilde Ouml - Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring "
            + "aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml - oslash ugrave "
            + "uacute ucirc uuml yacute thorn yuml"
        for (offset, name) in latin1.split(separator: " ").enumerated() where name != "-" {
            names[String(name)] = Unicode.Scalar(UInt32(0xC0 + offset))
        }
        return names
    }()

    private static let longestName = (Array(named.keys) + Array(namedBeyondASCII.keys)).map(\.utf8.count).max() ?? 0
}
