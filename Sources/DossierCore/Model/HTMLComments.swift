import Foundation

/// HTML comments in Markdown (`<!-- ... -->`, to the end of the text when one is left open): the
/// remarks writers leave for each other, which reports drop. One rule for the renderer that drops
/// them and for the check of what the public site shows.
public enum HTMLComments {
    /// Where the comments of `text` stand, in order.
    public static func ranges(in text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var rest = text[...]
        while let open = rest.range(of: "<!--") {
            guard let close = rest[open.upperBound...].range(of: "-->") else {
                ranges.append(open.lowerBound..<text.endIndex)
                break
            }
            ranges.append(open.lowerBound..<close.upperBound)
            rest = rest[close.upperBound...]
        }
        return ranges
    }

    /// `text` without its comments.
    public static func removed(from text: String) -> String {
        replacing(in: text) { _ in "" }
    }

    /// `text` with each comment's characters as spaces, its line breaks kept: positions of what
    /// follows stay where they were.
    public static func blanked(in text: String) -> String {
        replacing(in: text) { comment in String(comment.map { $0.isNewline ? $0 : " " }) }
    }

    private static func replacing(in text: String, with replacement: (Substring) -> String) -> String {
        let ranges = ranges(in: text)
        guard !ranges.isEmpty else { return text }
        var result = ""
        var start = text.startIndex
        for range in ranges {
            result += text[start..<range.lowerBound]
            result += replacement(text[range])
            start = range.upperBound
        }
        return result + text[start...]
    }
}
