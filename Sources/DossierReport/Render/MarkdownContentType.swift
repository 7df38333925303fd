/// Escaping for Markdown templates: a value can never start a table cell, code span, link, HTML
/// tag or emphasis, so it shows as the text it is (and a `|` cannot break a table row).
struct MarkdownContentType: EscapingContentType {
    static let name = "MARKDOWN"

    /// Markdown's punctuation backslash-escaped, `< > &` as entities, line breaks as spaces (a
    /// value must stay within its table cell). By byte, as `ByteEscaping` says why.
    ///
    /// `_` between two letters or digits, `#` within a line (not before a digit, which GitLab
    /// takes for an issue), and `&` that cannot start an entity reference are left as they are:
    /// there they mean nothing to CommonMark, and GitHub's links made of bare URLs take the
    /// escapes into the address (`login\_form.php` linked `login%5C_form.php`). What starts a
    /// block where a template puts the value at the start of a line is escaped there: `#`, a list
    /// marker (`- `, `+ `, `1. `) and a rule or underline (`---`, `===`).
    @discardableResult
    static func escape(_ text: String, into output: inout [UInt8]) -> Bool {
        ByteEscaping.escape(text, into: &output) { bytes, index in
            switch bytes[index] {
            case UInt8(ascii: "\\"): ("\\\\", 1)
            case UInt8(ascii: "`"): ("\\`", 1)
            case UInt8(ascii: "*"): ("\\*", 1)
            case UInt8(ascii: "_"): isWithinWord(bytes, index) ? nil : ("\\_", 1)
            case UInt8(ascii: "["): ("\\[", 1)
            case UInt8(ascii: "]"): ("\\]", 1)
            case UInt8(ascii: "|"): ("\\|", 1)
            case UInt8(ascii: "~"): ("\\~", 1)
            case UInt8(ascii: "#"): startsLine(bytes, index) || isBeforeDigit(bytes, index) ? ("\\#", 1) : nil
            case UInt8(ascii: "-"): startsLine(bytes, index) && isMarkerEnd(bytes, index, orRepeated: true) ? ("\\-", 1) : nil
            case UInt8(ascii: "+"): startsLine(bytes, index) && isMarkerEnd(bytes, index) ? ("\\+", 1) : nil
            case UInt8(ascii: "="): startsLine(bytes, index) && isMarkerEnd(bytes, index, orRepeated: true) ? ("\\=", 1) : nil
            case UInt8(ascii: "."): endsListNumber(bytes, index) ? ("\\.", 1) : nil
            case UInt8(ascii: ")"): endsListNumber(bytes, index) ? ("\\)", 1) : nil
            case UInt8(ascii: "!"): ("\\!", 1)
            case UInt8(ascii: "{"): ("\\{", 1)
            case UInt8(ascii: "}"): ("\\}", 1)
            case UInt8(ascii: "<"): ("&lt;", 1)
            case UInt8(ascii: ">"): ("&gt;", 1)
            case UInt8(ascii: "&"): mayStartReference(bytes, index) ? ("&amp;", 1) : nil
            case 0x0D: (" ", index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1)
            case 0x0A: (" ", 1)
            default: nil
            }
        }
    }

    /// An `_` with a letter or digit (ASCII) on both sides can neither open nor close emphasis.
    private static func isWithinWord(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index > 0 && index + 1 < bytes.count && isAlphanumeric(bytes[index - 1]) && isAlphanumeric(bytes[index + 1])
    }

    /// True where only blanks come before `index` in the value: a template may put the value at
    /// the start of a line, and a line break inside it becomes a space, so a `#` there may start
    /// a heading (`-` a list item, `=` a heading's underline).
    private static func startsLine(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var i = index
        while i > 0 {
            i -= 1
            guard isBlank(bytes[i]) else { return false }
        }
        return true
    }

    /// A `.` or `)` after digits that start the line, and before a blank: an ordered list item
    /// (`1. `, `2)`); not an address (`192.0.2.1`).
    private static func endsListNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var i = index
        while i > 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i - 1]) { i -= 1 }
        return i < index && isMarkerEnd(bytes, index) && startsLine(bytes, i)
    }

    /// True when a blank or the end of the value follows `index`, as after a list marker (`- `),
    /// or (`orRepeated`) the same character, as in a rule or a heading's underline (`---`, `==`).
    private static func isMarkerEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, orRepeated: Bool = false) -> Bool {
        index + 1 == bytes.count || isBlank(bytes[index + 1]) || orRepeated && bytes[index + 1] == bytes[index]
    }

    /// A `#` before a digit, which GitLab takes for a reference to an issue (`#12`).
    private static func isBeforeDigit(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index + 1 < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1])
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0A || byte == 0x0D
    }

    /// An `&` may start an entity reference when `#` or a run of letters and digits follows it
    /// that ends in `;` or at the end of the value (where a template may write a `;`): `&amp;`,
    /// `&#38;`, `&amp`. A URL's `&id=5` cannot.
    private static func mayStartReference(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var i = index + 1
        guard i < bytes.count else { return true }
        if bytes[i] == UInt8(ascii: "#") { return true }
        while i < bytes.count, isAlphanumeric(bytes[i]) { i += 1 }
        return i > index + 1 && (i == bytes.count || bytes[i] == UInt8(ascii: ";"))
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
