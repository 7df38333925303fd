/// Writes JSON in dossier's canonical layout (PRODUCT.md §3): UTF-8, two-space indent, one member
/// or element per line, `": "` after keys, `[]`/`{}` when empty, trailing newline. Member order is
/// the caller's (see `CanonicalForm`); this type only lays values out.
public enum JSONWriter {
    public static func write(_ node: JSONNode) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(node.value, indent: 0, into: &output)
        output.append(0x0A)
        return output
    }

    /// `node` laid out as if it stood `indent` levels deep, without the final line break: a part
    /// of a larger document, for a writer that needs the part's bytes before the whole.
    public static func write(_ node: JSONNode, indent: Int) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(node.value, indent: indent, into: &output)
        return output
    }

    public static func string(_ node: JSONNode) -> String {
        String(decoding: write(node), as: UTF8.self)
    }

    static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let b): output.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let s): writeString(s, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else { return output.append(contentsOf: "[]".utf8) }
            output.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &output)
                write(element.value, indent: indent + 1, into: &output)
            }
            newline(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.members.isEmpty else { return output.append(contentsOf: "{}".utf8) }
            output.append(UInt8(ascii: "{"))
            for (i, member) in object.members.enumerated() {
                if i > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1, into: &output)
                writeString(member.key, into: &output)
                output.append(contentsOf: ": ".utf8)
                write(member.value.value, indent: indent + 1, into: &output)
            }
            newline(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and the indent of `level`, copied from a constant (a table of indents as
    /// arrays retained and released one at every line: 3% of a site build).
    static func newline(_ level: Int, into output: inout [UInt8]) {
        let length = 1 + level * 2
        if length <= indent.utf8CodeUnitCount {
            output.append(contentsOf: UnsafeBufferPointer(start: indent.utf8Start, count: length))
        } else {
            output.append(0x0A)
            for _ in 0..<(level * 2) { output.append(0x20) }
        }
    }

    /// A line break and the indent of 24 levels.
    private static let indent: StaticString = "\n                                                "

    /// Minimal escaping: quote, backslash and control characters, and the characters that show
    /// as nothing or reorder the text around them (`invisible`); everything else as raw UTF-8.
    public static func writeString(_ string: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole: most strings are one run.
            var start = 0
            while start < bytes.count {
                let index = firstToEscape(in: bytes, from: start)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                guard index < bytes.count else { break }
                if let (scalar, length) = invisible(in: bytes, at: index) {
                    escape(scalar: scalar, into: &output)
                    start = index + length
                } else {
                    escape(bytes[index], into: &output)
                    start = index + 1
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// At `index`, a character that shows as nothing or reorders the text around it, and its
    /// length in bytes: a zero-width space or joiner, a direction mark, embedding, override or
    /// isolate (U+200B-U+200F, U+202A-U+202E, U+2066-U+2069, U+061C), a word joiner or invisible
    /// operator (U+2060-U+2064), the byte order mark (U+FEFF), the line and paragraph separators
    /// (U+2028, U+2029), a soft hyphen, the grapheme joiner, Hangul fillers, Khmer and Mongolian
    /// invisible marks, and tag characters (U+E0000-U+E007F). Written as `\u` escapes, so that `cat` and `git diff` show a
    /// value as it is: `invoice\u202efdp.exe`, not a file name that reads `invoiceexe.pdf`.
    static func invisible(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int)? {
        let lead = bytes[index]
        guard lead >= 0xC2, index + 1 < bytes.count else { return nil }
        let second = bytes[index + 1]
        switch (lead, second) {
        case (0xC2, 0xAD): return (0x00AD, 2)  // soft hyphen
        case (0xCD, 0x8F): return (0x034F, 2)  // grapheme joiner
        case (0xD8, 0x9C): return (0x061C, 2)  // Arabic letter mark
        default: break
        }
        if lead == 0xF3, second == 0xA0, index + 3 < bytes.count, bytes[index + 2] == 0x80 || bytes[index + 2] == 0x81 {
            // Tag characters (U+E0000-U+E007F).
            return (0xE0000 | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F), 4)
        }
        guard lead & 0xF0 == 0xE0, index + 2 < bytes.count else { return nil }
        let third = bytes[index + 2]
        let scalar = (UInt32(lead & 0x0F) << 12) | (UInt32(second & 0x3F) << 6) | UInt32(third & 0x3F)
        switch scalar {
        case 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x2069,
             0x3164, 0xFEFF, 0xFFA0:
            return (scalar, 3)
        default: return nil
        }
    }

    private static func escape(scalar: UInt32, into output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        // Beyond the basic plane, as JSON writes it: a surrogate pair.
        let units = scalar > 0xFFFF ? [0xD800 + ((scalar - 0x10000) >> 10), 0xDC00 + ((scalar - 0x10000) & 0x3FF)] : [scalar]
        for unit in units {
            output.append(contentsOf: #"\u"#.utf8)
            for shift in stride(from: 12, through: 0, by: -4) { output.append(hex[Int((unit >> UInt32(shift)) & 0xF)]) }
        }
    }

    private static func escape(_ byte: UInt8, into output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
        case 0x0A: output.append(contentsOf: #"\n"#.utf8)
        case 0x0D: output.append(contentsOf: #"\r"#.utf8)
        case 0x09: output.append(contentsOf: #"\t"#.utf8)
        case 0x08: output.append(contentsOf: #"\b"#.utf8)
        case 0x0C: output.append(contentsOf: #"\f"#.utf8)
        default:
            let hex = Array("0123456789abcdef".utf8)
            output.append(contentsOf: #"\u00"#.utf8)
            output.append(hex[Int(byte >> 4)])
            output.append(hex[Int(byte & 0xF)])
        }
    }

    /// The position of the first quote, backslash, control or `invisible` character at or after
    /// `start`, else the end. Eight bytes are tested at a time (exports write gigabytes of
    /// strings): a word of ASCII with none of them is passed whole, and the byte loop finds which
    /// one a word holds.
    static func firstToEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count, !mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            if byte >= 0xC2, invisible(in: bytes, at: index) != nil { return index }
            index += 1
        }
        return index
    }

    /// True when one of the eight bytes of `word` is below 0x20, a quote, a backslash or not
    /// ASCII (never false when one is).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        ByteWords.controlOrNonASCII(word) | ByteWords.bytes(word, equalTo: UInt8(ascii: "\"")) | ByteWords.bytes(word, equalTo: UInt8(ascii: "\\")) != 0
    }
}
