import Foundation

/// HTML comments in Markdown (`<!-- ... -->`): the remarks writers leave for each other, which
/// reports drop, and no public output holds. One rule for the renderer that drops them, for the
/// audience filter and for the check of what the public site shows.
///
/// Read as CommonMark reads them: a `<!--` in code (a code span, a fenced or indented block) is
/// code, shown as written; one left open runs to the end of the text when it starts a line (an
/// HTML block), and is plain text inside a line.
public enum HTMLComments {
    /// Where the comments of `text` stand, in order.
    public static func ranges(in text: String) -> [Range<String.Index>] {
        var text = text
        let offsets: [Range<Int>] = text.withUTF8 { bytes in
            guard find("<!--", in: bytes, from: 0) != nil else { return [] }
            return CommentScanner(bytes: bytes).comments()
        }
        let utf8 = text.utf8
        return offsets.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    private static func find(_ marker: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        ByteSearch.firstOffset(of: UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount), in: bytes, from: start)
    }

    /// Line by line: fenced and indented code skipped, code spans skipped within a paragraph.
    private struct CommentScanner {
        let bytes: UnsafeBufferPointer<UInt8>
        static let backtick = UInt8(ascii: "`"), newline = UInt8(0x0A)

        func lineEnd(from i: Int) -> Int {
            var end = i
            while end < bytes.count, bytes[end] != Self.newline { end += 1 }
            return end
        }

        func isBlank(_ range: Range<Int>) -> Bool {
            range.allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0D }
        }

        /// The fence (its character and length) that the line at `content` opens, if any.
        func fence(at content: Int, end: Int) -> (UInt8, Int)? {
            guard content < end, bytes[content] == Self.backtick || bytes[content] == UInt8(ascii: "~") else { return nil }
            var n = 0
            while content + n < end, bytes[content + n] == bytes[content] { n += 1 }
            return n >= 3 ? (bytes[content], n) : nil
        }

        /// Where the paragraph holding `from` ends: at its first blank line.
        func paragraphEnd(from: Int) -> Int {
            var i = from
            while i < bytes.count {
                if bytes[i] == Self.newline, isBlank(i + 1..<lineEnd(from: i + 1)) { return i }
                i += 1
            }
            return bytes.count
        }

        /// Where a run of exactly `n` backticks starts at or after `from`, within the paragraph.
        func closingRun(_ n: Int, from: Int) -> Int? {
            var i = from
            while i < bytes.count {
                if bytes[i] == Self.newline, isBlank(i + 1..<lineEnd(from: i + 1)) { return nil }
                if bytes[i] == Self.backtick {
                    var run = 0
                    while i + run < bytes.count, bytes[i + run] == Self.backtick { run += 1 }
                    if run == n { return i }
                    i += run
                    continue
                }
                i += 1
            }
            return nil
        }

        func comments() -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var i = 0
            var previousBlank = true
            var inIndentedCode = false
            var openFence: (UInt8, Int)?
            while i < bytes.count {
                var end = lineEnd(from: i)
                var indent = 0, content = i
                while content < end, bytes[content] == 0x20 || bytes[content] == 0x09 {
                    indent += bytes[content] == 0x09 ? 4 : 1
                    content += 1
                }
                let blank = isBlank(i..<end)
                if let fence = openFence {
                    if indent < 4, let closing = self.fence(at: content, end: end), closing.0 == fence.0, closing.1 >= fence.1 { openFence = nil }
                    (i, previousBlank) = (end + 1, blank)
                    continue
                }
                if indent < 4, let fence = self.fence(at: content, end: end) {
                    (openFence, i, previousBlank) = (fence, end + 1, false)
                    continue
                }
                if !blank, indent >= 4, previousBlank || inIndentedCode {
                    (inIndentedCode, i, previousBlank) = (true, end + 1, false)
                    continue
                }
                if !blank { inIndentedCode = false }
                var j = content
                while j < end {
                    // `\`` is a backtick, not a code span's.
                    if bytes[j] == UInt8(ascii: "\\"), j + 1 < end, bytes[j + 1] == Self.backtick {
                        j += 2
                        continue
                    }
                    if bytes[j] == Self.backtick {
                        var n = 0
                        while j + n < bytes.count, bytes[j + n] == Self.backtick { n += 1 }
                        if let close = closingRun(n, from: j + n) {
                            j = close + n
                            if j > end { end = lineEnd(from: j) }
                        } else {
                            j += n
                        }
                        continue
                    }
                    if bytes[j] == UInt8(ascii: "<"), j + 3 < bytes.count, bytes[j + 1] == UInt8(ascii: "!"), bytes[j + 2] == UInt8(ascii: "-"), bytes[j + 3] == UInt8(ascii: "-") {
                        // One that starts a line is an HTML block, closed wherever `-->` is; one
                        // inside a line is inline, and ends within its paragraph or is text.
                        let limit = j == content && indent < 4 ? bytes.count : paragraphEnd(from: j)
                        if let close = HTMLComments.find("-->", in: UnsafeBufferPointer(rebasing: bytes[..<limit]), from: j + 4) {
                            ranges.append(j..<close + 3)
                            j = close + 3
                            if j > end { end = lineEnd(from: j) }
                            continue
                        }
                        if j == content && indent < 4 {
                            ranges.append(j..<bytes.count)
                            return ranges
                        }
                    }
                    j += 1
                }
                (i, previousBlank) = (end + 1, blank)
            }
            return ranges
        }
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

    /// `text` as a page shows it: each comment taken out, the text on both sides joined
    /// (`vpn.acme<!-- -->.example` shows `vpn.acme.example`), and its line breaks moved to the end
    /// of the line it ends on: every line after it stays where it was.
    public static func spliced(in text: String) -> String {
        let ranges = ranges(in: text)
        guard !ranges.isEmpty else { return text }
        var result = ""
        var pendingBreaks = 0
        func copy(_ part: Substring) {
            guard pendingBreaks > 0, let lineBreak = part.utf8.firstIndex(of: 0x0A) else { return result += part }
            result += part[..<lineBreak]
            result += String(repeating: "\n", count: pendingBreaks)
            pendingBreaks = 0
            result += part[lineBreak...]
        }
        var start = text.startIndex
        for range in ranges {
            copy(text[start..<range.lowerBound])
            // Line feeds, as positions count lines (`TextPlace`); a CR LF is one.
            pendingBreaks += text[range].utf8.count(where: { $0 == 0x0A })
            start = range.upperBound
        }
        copy(text[start...])
        return result + String(repeating: "\n", count: pendingBreaks)
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
