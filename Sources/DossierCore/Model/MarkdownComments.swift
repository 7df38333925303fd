/// The comments Markdown writers make of a link reference definition no text uses, since
/// CommonMark has no comment of its own (`[//]: # (remark)`, `[comment]: <> (remark)`): remarks
/// for each other, as HTML comments are, which no page shows; no public output holds one (a
/// machine export carries a note's text). Only lines that are one whole, outside code, in a
/// block quote too, its title on several lines too.
public enum MarkdownComments {
    /// `text` without its comment lines.
    public static func removed(from text: String) -> String {
        guard text.contains("]:") else { return text }
        let code = MarkdownLinks.codeRanges(in: text, htmlBlocks: false)
        // Split at line breaks as `Character`s: a Windows checkout's CR LF is one, which `"\n"`
        // is not (its comments were kept whole). Kept lines are joined by their own breaks.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let starts = lines.map { text.utf8.distance(from: text.startIndex, to: $0.startIndex) }
        func lineBreak(after i: Int) -> Substring { text[lines[i].endIndex..<(i + 1 < lines.count ? lines[i + 1].startIndex : text.endIndex)] }
        var kept: [Int] = []
        var i = 0
        // A definition cannot go on a paragraph (its line would be the paragraph's text): one
        // starts the text, or follows a blank line, a heading or another definition.
        var mayStart = true
        while i < lines.count {
            if mayStart, !code.contains(where: { $0.contains(starts[i]) }), let count = commentLines(lines[i...]) {
                i += count
                continue
            }
            let content = content(of: lines[i])
            mayStart = content.allSatisfy(\.isWhitespace) || content.hasPrefix("#")
            kept.append(i)
            i += 1
        }
        guard kept.count < lines.count else { return text }
        return kept.enumerated().map { n, i in n + 1 < kept.count ? lines[i] + lineBreak(after: i) : lines[i] }.joined()
    }

    /// How many lines from the first of `lines` a comment takes: `[//]: # (text)`, `[//]: # "text"`,
    /// `[comment]: <> (text)`, `[_]: #`, the title closed on a later line; nil when none starts there.
    static func commentLines(_ lines: ArraySlice<Substring>) -> Int? {
        guard let first = lines.first else { return nil }
        var rest = content(of: first)
        guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
        guard ["//", "comment", "_", "#"].contains(rest[rest.index(after: rest.startIndex)..<close].lowercased()) else { return nil }
        rest = rest[rest.index(after: close)...]
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("#") || rest.hasPrefix("<>") else { return nil }
        var title = rest.dropFirst(rest.hasPrefix("<>") ? 2 : 1).trimmingCharacters(in: .whitespaces)
        var count = 1
        // Its title may start on the next line, which is then the definition's too.
        if title.isEmpty, lines.count > 1, case let next = content(of: lines[lines.startIndex + 1]).trimmingCharacters(in: .whitespaces),
           let first = next.first, "(\"'".contains(first) {
            title = next
            count = 2
        }
        guard let open = title.first else { return 1 }
        let pairs: [Character: Character] = ["(": ")", "\"": "\"", "'": "'"]
        guard let closing = pairs[open] else { return nil }
        // A title may go on over lines, but not over a blank one.
        var closed = title.count >= 2 && title.last == closing
        while !closed {
            guard lines.count > count, case let next = content(of: lines[lines.startIndex + count]), !next.allSatisfy(\.isWhitespace) else { return nil }
            title = next.trimmingCharacters(in: .whitespaces)
            closed = title.last == closing
            count += 1
        }
        return count
    }

    /// A line without its indent, the markers of block quotes it is in, and a CR.
    static func content(of line: Substring) -> Substring {
        var rest = line.hasSuffix("\r") ? line.dropLast() : line
        rest = rest.drop { $0 == " " }
        while rest.first == ">" { rest = rest.dropFirst().drop { $0 == " " } }
        return rest
    }
}
