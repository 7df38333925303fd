/// Fragments a mutation may insert: the syntax and field names each target's input is made of,
/// plus values known to be awkward (lone surrogates, huge numbers, defanged forms, deep nesting).
enum Tokens {
    static func all(for target: FuzzTarget) -> [String] {
        switch target {
        case .json: json + fields
        case .frontMatter: frontMatter + indicators
        case .indicators: indicators
        case .text: indicators + ["\n", "\r\n", "# ", "```", "\t"]
        case .csv: csv + indicators
        case .misp: json + misp + indicators
        case .stix: json + stix + indicators
        case .passivetotal: json + passiveTotal + indicators
        case .images: images
        }
    }

    /// Chunk and segment names, and the lengths and headers that frame them.
    static let images = [
        "IHDR", "IDAT", "IEND", "tEXt", "iTXt", "eXIf", "acTL", "VP8X", "VP8L", "EXIF", "XMP ", "ANMF", "RIFF", "WEBP",
        "NETSCAPE2.0", "XMP DataXMP", "Exif\u{0}\u{0}", "JFIF\u{0}", "ICC_PROFILE\u{0}", "MM\u{0}*", "II*\u{0}", "Adobe",
        "\u{0}\u{0}\u{0}\u{0}", "\u{0}\u{0}\u{0}\u{8}", "\u{7F}\u{7F}\u{7F}\u{7F}", "\u{1}\u{12}\u{0}\u{3}", "!", ",", ";", "\u{0}",
    ]

    static let json = [
        "{", "}", "[", "]", "\"", ":", ",", "true", "false", "null", "0", "-0", "1e999", "-1e-999", "1.5E+3",
        "12345678901234567890", "\\u0000", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\\"", "\\\\", "\\/", "\u{FEFF}",
        "\"\":\"\"", "[[[[[[[[", "]]]]]]]]", "{\"a\":{\"a\":{\"a\":", "<<<<<<< HEAD\n", "=======\n", ">>>>>>> b\n",
    ]
    static let fields = [
        "\"indicators\"", "\"value\"", "\"type\"", "\"classification\"", "\"tags\"", "\"firstSeen\"", "\"lastSeen\"",
        "\"source\"", "\"comment\"", "\"private\"", "\"title\"", "\"summary\"", "\"visibility\"", "\"tlp\"", "\"status\"",
        "\"created\"", "\"updated\"", "\"owner\"", "\"description\"", "\"public\"", "\"amber+strict\"", "\"clear\"",
        "\"malicious\"", "\"non-malicious\"", "\"domain\"", "\"ipv6\"", "\"url\"", "\"sha256\"", "\"other\"",
        "\"2026-11-02\"", "\"2026-11-02T10:15:00Z\"", "\"Blocked\"", "\"Company Name\"",
    ]
    static let frontMatter = [
        "---\n", "...\n", "title: ", "author: ", "date: ", "visibility: ", "private", "public", "2026-11-02", "\n",
        "\r\n", ": ", "- ", "&a ", "*a", "!!binary ", "!!str ", "<<: ", "{", "}", "[", "]", "'", "\"", "|\n  ", ">\n  ",
        "? ", "%YAML 1.2\n", "\t", "<<<<<<< HEAD\n", "<script>", "```\n",
    ]
    static let indicators = [
        "[.]", "(.)", "{.}", "[dot]", " dot ", "\\.", "[@]", "(at)", "[at]", "[:]", "[://]", "[/]", "hxxp", "hXXps",
        "fxp", "://", "http://", "https://", "ftp://", ".", "..", "@", "/", "%2e", "%", ":", "::", "::ffff:", "[", "]",
        "xn--", "xn--bcher-kva", "bücher", "\u{200B}", "\u{FEFF}", "\u{0130}", "\u{212A}", "ß", "ﬀ", "\u{0301}",
        "example.com", "192.0.2.1", "2001:db8::1", "/24", "/128", "AS64500", "CVE-2026-12345", "user@", "?q=", "#",
        "d41d8cd98f00b204e9800998ecf8427e", "0x", "255", "999", " ", "\t", "\n", ".com", ".zip", "localhost",
    ]
    static let csv = [",", ";", "\t", "\"", "\"\"", "\r\n", "\n", "value", "indicator", "type", "classification", "tags", "comment", "firstSeen", "lastSeen"]
    static let misp = [
        "\"Event\"", "\"response\"", "\"Attribute\"", "\"Object\"", "\"Tag\"", "\"name\"", "\"category\"", "\"to_ids\"",
        "\"domain|ip\"", "\"filename|sha256\"", "\"ip-dst|port\"", "\"ip-src\"", "\"hostname\"", "\"link\"", "\"comment\"",
        "\"tlp:red\"", "\"tlp:amber+strict\"", "\"passivetotal:class=\\\"malicious\\\"\"", "\"first_seen\"", "\"timestamp\"",
        "\"1700000000\"", "\"distribution\"",
    ]
    static let stix = [
        "\"bundle\"", "\"objects\"", "\"indicator\"", "\"pattern\"", "\"pattern_type\"", "\"stix\"", "\"labels\"",
        "\"object_marking_refs\"", "\"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82\"",
        "\"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed\"", "\"domain-name\"", "\"ipv4-addr\"", "\"file\"",
        "\"[domain-name:value = 'evil.example']\"", "[url:value = '", "[file:hashes.'SHA-256' = '", "' OR ", " AND ",
        " MATCHES ", "']", "\\'", "\"valid_from\"", "\"report\"", "\"note\"", "\"relationship\"", "\"id\"", "\"spec_version\"",
    ]
    static let passiveTotal = [
        "\"artifacts\"", "\"query\"", "\"type\"", "\"tags\"", "\"user_tags\"", "\"classification\"", "\"non_malicious\"",
        "\"\"", "\"visibility\"", "\"community\"", "\"analyst\"", "\"first_seen\"", "\"certificate\"", "\"hash\"", "\"ip\"",
    ]

    /// A token as a line of a libFuzzer dictionary: `"..."` with `\\`, `\"` and non-printable bytes
    /// written `\xNN`.
    static func libFuzzerLine(_ token: String) -> String {
        var line = "\""
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): line += "\\\\"
            case UInt8(ascii: "\""): line += "\\\""
            case 0x20...0x7E: line += String(UnicodeScalar(byte))
            default: line += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return line + "\""
    }
}
