/// The comments Markdown writers make of a link reference definition no text uses, since
/// CommonMark has no comment of its own (`[//]: # (remark)`, `[comment]: <> (remark)`): remarks
/// for each other, as HTML comments are, which no page shows; no public output holds one (a
/// machine export carries a note's text). Only a line that is one whole, outside code.
public enum MarkdownComments {
    /// `text` without its comment lines.
    public static func removed(from text: String) -> String {
        guard text.contains("]:") else { return text }
        let code = MarkdownLinks.codeRanges(in: text, htmlBlocks: false)
        var kept: [Substring] = []
        var offset = 0
        var removedAny = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { offset += line.utf8.count + 1 }
            if isComment(line), !code.contains(where: { $0.contains(offset) }) {
                removedAny = true
                continue
            }
            kept.append(line)
        }
        return removedAny ? kept.joined(separator: "\n") : text
    }

    /// `[//]: # (text)`, `[//]: # "text"`, `[comment]: <> (text)`, `[_]: #`: a definition whose
    /// label is a comment's and whose destination leads nowhere (`#`, `<>`).
    static func isComment(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count <= 3, trimmed.first == "[", let close = trimmed.firstIndex(of: "]") else { return false }
        let label = trimmed[trimmed.index(after: trimmed.startIndex)..<close].lowercased()
        guard ["//", "comment", "_", "#"].contains(label) else { return false }
        var rest = trimmed[trimmed.index(after: close)...]
        guard rest.first == ":" else { return false }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("#") || rest.hasPrefix("<>") else { return false }
        rest = rest.dropFirst(rest.hasPrefix("<>") ? 2 : 1)
        let title = rest.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\r", with: "")
        guard let first = title.first else { return true }
        let closing: [Character: Character] = ["(": ")", "\"": "\"", "'": "'"]
        return title.count >= 2 && closing[first] == title.last
    }
}
