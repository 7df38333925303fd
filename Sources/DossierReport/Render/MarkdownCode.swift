/// A value as a Markdown table cell shows it: in a code span, where `[.]` and `<` need no escape
/// (`` `192[.]0[.]2[.]44` `` rather than `192\[.\]0\[.\]2\[.\]44`), so the Markdown reads as the
/// value and a refang tool reads it back, pasted into a ticket or a mail as plain text.
enum MarkdownCode {
    /// `text` as a code span for a table cell: fenced by one backtick more than its longest run of
    /// them, padded with a space where it starts or ends with a backtick or a space (which the
    /// span would take off), its line breaks as spaces, and each `|` as `\|`, which a table
    /// reads as the pipe inside a code span too (so does `\\|`, a backslash and an escaped pipe).
    static func span(_ text: String) -> String {
        // No code span is empty (two backticks show as such): nothing shows nothing.
        guard !text.isEmpty else { return "" }
        var body = ""
        body.reserveCapacity(text.utf8.count + 2)
        var longest = 0
        var run = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longest = max(longest, run)
            switch scalar {
            case "|": body += "\\|"
            case "\r": body += " "
            case "\n": if !previousWasCR { body += " " }
            default: body.unicodeScalars.append(scalar)
            }
            previousWasCR = scalar == "\r"
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = body.hasPrefix("`") || body.hasSuffix("`") || (body.hasPrefix(" ") && body.hasSuffix(" ") && body.contains { $0 != " " })
        return padded ? fence + " " + body + " " + fence : fence + body + fence
    }
}
