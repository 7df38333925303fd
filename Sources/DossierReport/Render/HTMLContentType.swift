import Mustache

/// HTML escaping for every `.html` template and partial. swift-mustache's own escapes by
/// `Character`, so a quote followed by a combining mark (one grapheme) passed through unescaped
/// and could end an attribute; this escapes by byte, and is several times faster.
struct HTMLContentType: MustacheContentType {
    static let name = "DOSSIER_HTML"

    static func register() {
        MustacheContentTypes.register(HTMLContentType(), named: name)
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        var result = ""
        escape(text, into: &result)
        return result
    }

    /// Appends `text` to `output` with `< > & " '` replaced by entities.
    static func escape(_ text: String, into output: inout String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                if start < index { output.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                output.append(entity.description)
                start = index + 1
            }
            if start < bytes.count { output.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
        }
    }
}
