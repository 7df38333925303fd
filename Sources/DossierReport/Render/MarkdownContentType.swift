import Mustache

/// Escaping for Markdown templates: a value can never start a table cell, code span, link, HTML
/// tag or emphasis, so it shows as the text it is (and a `|` cannot break a table row).
struct MarkdownContentType: MustacheContentType {
    static let name = "MARKDOWN"

    static func register() {
        MustacheContentTypes.register(MarkdownContentType(), named: name)
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "~", "#", "!", "{", "}":
                result.append("\\")
                result.append(character)
            case "<": result.append("&lt;")
            case ">": result.append("&gt;")
            case "&": result.append("&amp;")
            case "\n", "\r", "\r\n": result.append(" ")
            default: result.append(character)
            }
        }
        return result
    }
}
