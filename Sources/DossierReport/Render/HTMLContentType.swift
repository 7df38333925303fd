import DossierCore

/// HTML escaping for every `.html` template and partial. swift-mustache's own escapes by
/// `Character`, so a quote followed by a combining mark (one grapheme) passed through unescaped
/// and could end an attribute; this escapes by byte, and is several times faster.
struct HTMLContentType: EscapingContentType {
    static let name = "DOSSIER_HTML"

    /// Appends `text` to `output` with `< > & " '` replaced by entities, and its defanged words
    /// isolated when it is right-to-left text (`DefangedIsolation`).
    @discardableResult
    static func escape(_ text: String, into output: inout [UInt8]) -> Bool {
        let start = output.count
        let changed = escapeMarkup(text, into: &output)
        guard DefangedIsolation.holdsRightToLeft(text.utf8) else { return changed }
        return DefangedIsolation.isolate(&output, from: start) || changed
    }

    /// `text` with only `< > & " '` replaced by entities: for HTML that is isolated as a whole
    /// afterwards (a note, `DefangedIsolation.isolatingText(ofHTML:)`).
    static func escapedMarkup(_ text: String) -> String {
        var bytes: [UInt8] = []
        return escapeMarkup(text, into: &bytes) ? String(decoding: bytes, as: UTF8.self) : text
    }

    @discardableResult
    private static func escapeMarkup(_ text: String, into output: inout [UInt8]) -> Bool {
        ByteEscaping.escape(text, into: &output, plain: isPlain) { bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            case UInt8(ascii: "&"): ("&amp;", 1)
            case UInt8(ascii: "\""): ("&quot;", 1)
            case UInt8(ascii: "'"): ("&#39;", 1)
            default: nil
            }
        }
    }

    /// Eight bytes of printable ASCII none of which is `< > & " '`.
    @inline(__always)
    private static func isPlain(_ word: UInt64) -> Bool {
        ByteWords.isPrintableASCII(word)
            && (ByteWords.bytes(word, equalTo: UInt8(ascii: "<")) | ByteWords.bytes(word, equalTo: UInt8(ascii: ">"))
                | ByteWords.bytes(word, equalTo: UInt8(ascii: "&")) | ByteWords.bytes(word, equalTo: UInt8(ascii: "\""))
                | ByteWords.bytes(word, equalTo: UInt8(ascii: "'"))) == 0
    }
}

/// In right-to-left text (a comment in Hebrew or Arabic), the brackets of a defanged value are
/// neutral characters the bidirectional algorithm orders with the text around them:
/// `1[.]2[.]3[.]4` shows as `4[.]3[.]2[.]1`, and a reader copies the wrong address. Each defanged
/// word is put in a left-to-right isolate (U+2066 ... U+2069), which keeps it as written.
enum DefangedIsolation {
    /// Whether `text` holds a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
    /// N'Ko and their presentation forms), told by its UTF-8 lead bytes.
    static func holdsRightToLeft(_ text: String.UTF8View) -> Bool {
        text.withContiguousStorageIfAvailable(holdsRightToLeft) ?? Array(text).withUnsafeBufferPointer(holdsRightToLeft)
    }

    /// Eight bytes of ASCII at a time are passed whole: nearly every text a site escapes is.
    static func holdsRightToLeft(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count, let base = bytes.baseAddress,
               UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                previous = 0
                index += 8
                continue
            }
            let byte = bytes[index]
            if (0xD6...0xDF).contains(byte) { return true }
            if previous == 0xEF && (0xAC...0xBB).contains(byte) { return true }
            if previous == 0xE0 && (0xA2...0xA3).contains(byte) { return true }
            previous = byte
            index += 1
        }
        return false
    }

    /// Wraps each blank-separated word of `output[start...]` that is written defanged (`[.]`,
    /// `[@]`, `[:]`, `hxxp`) in an isolate; true when one was.
    static func isolate(_ output: inout [UInt8], from start: Int) -> Bool {
        let written = Array(output[start...])
        var result: [UInt8] = []
        result.reserveCapacity(written.count + 16)
        var isolated = false
        var index = 0
        while index < written.count {
            guard !isBlank(written[index]) else {
                result.append(written[index])
                index += 1
                continue
            }
            var end = index
            while end < written.count, !isBlank(written[end]) { end += 1 }
            let word = written[index..<end]
            // From its first ASCII letter, digit or bracket to its last ASCII byte: a prefix of
            // the right-to-left text joined to it (Hebrew's `ו-`) stays outside.
            if isDefanged(word), let first = word.firstIndex(where: { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0 | 0x20) || $0 == UInt8(ascii: "[") }),
               let last = word.lastIndex(where: { $0 < 0x80 }), first <= last {
                result += word[..<first] + [0xE2, 0x81, 0xA6] + word[first...last] + [0xE2, 0x81, 0xA9] + word[(last + 1)...]
                isolated = true
            } else {
                result += word
            }
            index = end
        }
        guard isolated else { return false }
        output.replaceSubrange(start..., with: result)
        return true
    }

    /// `html` with the defanged words of its text isolated (what stands between its tags; a
    /// tag's attributes are left as they are), but in code (`<code>`, `<pre>`), which the style
    /// sheet sets left to right as a whole, and whose text a reader copies to run: an invisible
    /// isolate there would break the command.
    static func isolatingText(ofHTML html: String) -> String {
        var bytes = Array(html.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var index = 0
        var inCode = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
                let tag = bytes[index..<end]
                if tag.starts(with: "<code".utf8) || tag.starts(with: "<pre".utf8) { inCode += 1 }
                if tag.starts(with: "</code".utf8) || tag.starts(with: "</pre".utf8) { inCode = max(0, inCode - 1) }
                result += tag
                index = end
                continue
            }
            let end = bytes[index...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
            var text = Array(bytes[index..<end])
            if inCode == 0 { _ = isolate(&text, from: 0) }
            result += text
            index = end
        }
        bytes = result
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func isDefanged(_ word: ArraySlice<UInt8>) -> Bool {
        for marker in ["[.]", "[@]", "[:]", "hxxp", "fxp://"] {
            let bytes = Array(marker.utf8)
            if word.count >= bytes.count, word.indices.dropLast(bytes.count - 1).contains(where: { word[$0..<($0 + bytes.count)].elementsEqual(bytes) }) {
                return true
            }
        }
        return false
    }
}
