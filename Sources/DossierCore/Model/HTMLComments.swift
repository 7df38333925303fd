import Foundation

/// HTML comments in Markdown (`<!-- ... -->`, to the end of the text when one is left open): the
/// remarks writers leave for each other, which reports drop. One rule for the renderer that drops
/// them and for the check of what the public site shows.
public enum HTMLComments {
    /// Where the comments of `text` stand, in order.
    public static func ranges(in text: String) -> [Range<String.Index>] {
        var text = text
        let offsets: [Range<Int>] = text.withUTF8 { bytes in
            var offsets: [Range<Int>] = []
            var start = 0
            while let open = find("<!--", in: bytes, from: start) {
                guard let close = find("-->", in: bytes, from: open + 4) else {
                    offsets.append(open..<bytes.count)
                    break
                }
                offsets.append(open..<close + 3)
                start = close + 3
            }
            return offsets
        }
        let utf8 = text.utf8
        return offsets.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    private static func find(_ marker: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        ByteSearch.firstOffset(of: UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount), in: bytes, from: start)
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
