import Testing
@testable import DossierReport

/// A Markdown report's values are code spans: read as the value in plain text, inert rendered.
@Suite("Markdown code spans")
struct MarkdownCodeTests {
    @Test("a value is a code span that shows it whole in a table cell: backticks fenced longer, a pipe escaped as tables read it, line breaks as spaces", arguments: [
        ("192[.]0[.]2[.]44", "`192[.]0[.]2[.]44`"),
        ("<b>&lt;", "`<b>&lt;`"),
        ("a`b", "``a`b``"),
        ("a``b`", "``` a``b` ```"),
        ("`x", "`` `x ``"),
        ("a|b", #"`a\|b`"#),
        (#"a\|b"#, #"`a\\|b`"#),
        ("line\r\nbreak\nand\rmore", "`line break and more`"),
        ("  padded  ", "`   padded   `"),
        ("   ", "`   `"),
    ])
    func spans(_ value: String, _ span: String) {
        #expect(MarkdownCode.span(value) == span)
    }
}
