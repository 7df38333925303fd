import Testing
@testable import DossierCore

/// HTML comments are found as CommonMark reads them: never in code, and an open one runs to the
/// end only where it starts a line.
@Suite("HTML comments")
struct HTMLCommentsTests {
    @Test("comments in text and blocks are found; in code spans, fenced and indented code they are code")
    func commentsOutsideCode() {
        let text = """
            Seen <!-- ask Dana --> today.
            <!--
            reviewer: secret.example
            -->
            The marker `<!--` starts every page, and ``a `<!-- b --> c`` too.

            ```html
            <!-- saved from url=(0014)about:internet -->
            ```

                <!-- indented code -->

            ~~~
            <!-- tilde fence -->
            ~~~
            End.
            """
        // Only the two comments in text go; every `<!--` in code stays.
        let expected = text.replacingOccurrences(of: "<!-- ask Dana -->", with: "")
            .replacingOccurrences(of: "<!--\nreviewer: secret.example\n-->", with: "")
        #expect(HTMLComments.removed(from: text) == expected)
        #expect(expected.components(separatedBy: "<!--").count == 6)
    }

    @Test("an open comment runs to the end where it starts a line, and is text inside a line")
    func openComments() {
        #expect(HTMLComments.removed(from: "Before.\n\n<!-- draft\nnever closed\n") == "Before.\n\n")
        #expect(HTMLComments.removed(from: "A literal <!-- in a sentence.\n\nMore text.\n") == "A literal <!-- in a sentence.\n\nMore text.\n")
        // Inside a line, a comment ends within its paragraph or is text: a later `-->` in code is code.
        let later = "writes <!-- first\n\n```\n-->\n```\n"
        #expect(HTMLComments.removed(from: later) == later)
        // An escaped backtick opens no code span.
        #expect(HTMLComments.removed(from: "Escaped \\`<!-- secret --> visible\\`\n") == "Escaped \\` visible\\`\n")
        // A code span left open is literal backticks: the comment after it is one.
        #expect(HTMLComments.removed(from: "a ` b <!-- c --> d\n") == "a ` b  d\n")
        #expect(HTMLComments.blanked(in: "x <!-- a\nb --> y") == "x" + String(repeating: " ", count: 7) + "\n" + String(repeating: " ", count: 6) + "y")
    }

    @Test("spliced as a page shows it: the text around a comment joined, its line breaks at the end of its line, later lines where they were")
    func spliced() {
        #expect(HTMLComments.spliced(in: "vpn.acme<!-- -->.example and 192.0.<!-- x -->2.130\nnext\n") == "vpn.acme.example and 192.0.2.130\nnext\n")
        #expect(HTMLComments.spliced(in: "a vpn.acme<!--\nsplit\n-->.example b\nline 4\n") == "a vpn.acme.example b\n\n\nline 4\n")
        #expect(HTMLComments.spliced(in: "end<!-- a\nb -->") == "end\n")
        #expect(HTMLComments.spliced(in: "no comment\n") == "no comment\n")
    }
}
