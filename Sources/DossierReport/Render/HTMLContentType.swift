/// HTML escaping for every `.html` template and partial. swift-mustache's own escapes by
/// `Character`, so a quote followed by a combining mark (one grapheme) passed through unescaped
/// and could end an attribute; this escapes by byte, and is several times faster.
struct HTMLContentType: EscapingContentType {
    static let name = "DOSSIER_HTML"

    /// Appends `text` to `output` with `< > & " '` replaced by entities.
    @discardableResult
    static func escape(_ text: String, into output: inout [UInt8]) -> Bool {
        ByteEscaping.escape(text, into: &output) { bytes, index in
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
}
