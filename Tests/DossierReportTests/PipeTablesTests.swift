import Foundation
import Testing
@testable import DossierReport

@Suite("Pipe tables in notes")
struct PipeTablesTests {
    @Test("a cell is trimmed of the white space Foundation's trimming takes off, and of nothing else")
    func trimming() {
        let samples = [
            "", " ", "\t x \t", "\u{A0}no-break\u{A0}", "\u{3000}ideographic\u{2003}", "x", " \u{301}combining ",
            "inner  space kept", "\u{200B}zero width\u{200B}", "\n line feed \n", " 👩‍💻 ", "\u{202F}\u{205F}\u{1680}\u{2000}a\u{200A}",
        ]
        for sample in samples {
            #expect(PipeTables.trimmed(sample) == sample.trimmingCharacters(in: .whitespaces), "\(sample.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(Array(PipeTables.trimmed(sample).utf8) == Array(sample.trimmingCharacters(in: .whitespaces).utf8))
        }
    }

    @Test("a note's table becomes a table, cells rendered inline, cleaned and defanged; the text around it stays")
    func table() {
        let note = """
            # Gates

            Seen so far, see [the write-up][w]:
            | period | gate | hits |
            |:-------|:----:|-----:|
            | August | `hxxps://cdn-update[.]test/gate.php` | 12 |
            | October | 203.0.113.9 and <script>x</script> | 3 |
            | # not a heading | a \\| pipe, [ref][w] |
            a last row without pipes

            After, [ref][w].

            [w]: https://docs.example.org/write-up
            """
        let (html, markdown) = CommonMark.rendered(note, defanging: CommonMark.Defanging())
        #expect(html.contains("<h4>Gates</h4>"))
        #expect(html.contains(#"<p>Seen so far, see <a href="https://docs.example.org/write-up">the write-up</a>:</p>"#))
        #expect(html.contains(#"<tr><th style="text-align: left">period</th><th style="text-align: center">gate</th><th style="text-align: right">hits</th></tr>"#))
        #expect(html.contains(#"<td style="text-align: left">October</td><td style="text-align: center">203[.]0[.]113[.]9 and <code>&lt;script&gt;</code>x<code>&lt;/script&gt;</code></td>"#))
        #expect(html.contains(#"<td style="text-align: left"># not a heading</td><td style="text-align: center">a | pipe, <a href="https://docs.example.org/write-up">ref</a></td><td style="text-align: right"></td>"#))
        #expect(html.contains(#"<td style="text-align: left">a last row without pipes</td>"#))
        #expect(html.contains(#"<p>After, <a href="https://docs.example.org/write-up">ref</a>.</p>"#))
        #expect(!html.contains("<script>"))
        // The Markdown report has the table as a GitHub table, each cell in its own column.
        #expect(markdown.contains("| period | gate | hits |\n|:---|:---:|---:|\n"), "\(markdown)")
        #expect(markdown.contains("| \\# not a heading | a \\| pipe, [ref](https://docs.example.org/write-up) |  |"), "\(markdown)")
        #expect(markdown.contains("`<script>`"))
        #expect(markdown.contains("After, [ref](https://docs.example.org/write-up)."))
    }

    @Test("no table in code, lists, quotes, without a delimiter row, or with a delimiter of another width", arguments: [
        "```\n| a | b |\n|---|---|\n```",
        "~~~~\n| a | b |\n|---|---|\n~~~~",
        "    | a | b |\n    |---|---|",
        "1. ```sh\n   | a | b |\n   |---|---|\n   ```\n2. then",
        "- item\n  | a | b |\n  |---|---|",
        "> | a | b |\n> |---|---|",
        "| a | b |\nnot a delimiter",
        "| a | b |\n|---|",
        "a | b\n---",
        "no pipe at all",
    ])
    func noTable(_ markdown: String) {
        #expect(!CommonMark.html(markdown).contains("<table>"))
    }

    @Test("Windows line ends, and a fence opened in a list item, leave later tables tables")
    func laterTables() {
        #expect(CommonMark.html("| a | b |\r\n|---|---|\r\n| 1 | 2 |\r\n").contains("<td>1</td><td>2</td>"))
        let note = "1. ```sh\n   dig x\n   ```\n2. then\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Next\n\ntext\n"
        let html = CommonMark.html(note)
        #expect(html.contains("<td>1</td><td>2</td>"))
        #expect(html.contains("<h4>Next</h4>"))
        #expect(html.contains("<code class=\"language-sh\">dig x\n</code>"))
    }

    @Test("cells: outer pipes hold no cell, escaped pipes stay in theirs")
    func cells() {
        #expect(PipeTables.cells(of: "| a | b \\| c |") == ["a", "b | c"])
        // In a code span too, as GitHub reads it: the command as written, in both reports.
        let (html, markdown) = CommonMark.rendered("| s | c |\n|---|---|\n| r | `net user \\| findstr admin` |\n")
        #expect(html.contains("<code>net user | findstr admin</code>"), "\(html)")
        #expect(markdown.contains("`net user \\| findstr admin`"), "\(markdown)")
        #expect(PipeTables.cells(of: "a | b") == ["a", "b"])
        #expect(PipeTables.delimiterRow("| :-- | --: | :-: | --- |") == [.left, .right, .center, nil])
    }
}
