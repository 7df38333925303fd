/// Escaping for Markdown templates: a value can never start a table cell, code span, link, HTML
/// tag or emphasis, so it shows as the text it is (and a `|` cannot break a table row).
struct MarkdownContentType: EscapingContentType {
    static let name = "MARKDOWN"

    /// Markdown's punctuation backslash-escaped, `< > &` as entities, line breaks as spaces (a
    /// value must stay within its table cell). By byte, as `ByteEscaping` says why.
    @discardableResult
    static func escape(_ text: String, into output: inout [UInt8]) -> Bool {
        ByteEscaping.escape(text, into: &output) { byte, next in
            switch byte {
            case UInt8(ascii: "\\"): ("\\\\", 1)
            case UInt8(ascii: "`"): ("\\`", 1)
            case UInt8(ascii: "*"): ("\\*", 1)
            case UInt8(ascii: "_"): ("\\_", 1)
            case UInt8(ascii: "["): ("\\[", 1)
            case UInt8(ascii: "]"): ("\\]", 1)
            case UInt8(ascii: "|"): ("\\|", 1)
            case UInt8(ascii: "~"): ("\\~", 1)
            case UInt8(ascii: "#"): ("\\#", 1)
            case UInt8(ascii: "!"): ("\\!", 1)
            case UInt8(ascii: "{"): ("\\{", 1)
            case UInt8(ascii: "}"): ("\\}", 1)
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            case UInt8(ascii: "&"): ("&amp;", 1)
            case 0x0D: (" ", next == 0x0A ? 2 : 1)
            case 0x0A: (" ", 1)
            default: nil
            }
        }
    }
}
