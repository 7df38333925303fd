import Testing
@testable import DossierReport

@Suite("Pipe tables in notes")
struct PipeTablesTests {
    @Test("a note's table becomes an HTML table, cells rendered inline, cleaned and defanged; the text around it stays")
    func table() {
        let note = """
            # Gates

            Seen so far:
            | period | gate | hits |
            |:-------|:----:|-----:|
            | August | `hxxps://cdn-update[.]test/gate.php` | 12 |
            | October | 203.0.113.9 and <script>x</script> | 3 |
            | # not a heading | a \\| pipe |
            trailing text without a pipe ends the table

            After.
            """
        let html = CommonMark.html(note, defanging: CommonMark.Defanging())
        #expect(html.contains("<h1>Gates</h1>"))
        #expect(html.contains("<p>Seen so far:</p>"))
        #expect(html.contains(#"<tr><th style="text-align: left">period</th><th style="text-align: center">gate</th><th style="text-align: right">hits</th></tr>"#))
        #expect(html.contains(#"<td style="text-align: left">October</td><td style="text-align: center">203[.]0[.]113[.]9 and <code>&lt;script&gt;</code>x<code>&lt;/script&gt;</code></td>"#))
        #expect(html.contains(#"<td style="text-align: left"># not a heading</td><td style="text-align: center">a | pipe</td><td style="text-align: right"></td>"#))
        #expect(html.contains("<p>trailing text without a pipe ends the table</p>"))
        #expect(html.contains("<p>After.</p>"))
        #expect(!html.contains("<script>"))
        // The Markdown report keeps the table as written, for a git host to render.
        #expect(CommonMark.commonMark(note).contains("| period | gate | hits |"))
    }

    @Test("no table: in fenced or indented code, without a delimiter row, or with a delimiter of another width", arguments: [
        "```\n| a | b |\n|---|---|\n```",
        "~~~~\n| a | b |\n|---|---|\n~~~~",
        "    | a | b |\n    |---|---|",
        "| a | b |\nnot a delimiter",
        "| a | b |\n|---|",
        "a | b\n---",
        "no pipe at all",
    ])
    func noTable(_ markdown: String) {
        #expect(PipeTables.parts(of: markdown) == nil)
    }

    @Test("cells: outer pipes hold no cell, escaped pipes stay in theirs, short rows are filled")
    func cells() throws {
        #expect(PipeTables.cells(of: "| a | b \\| c |") == ["a", "b | c"])
        #expect(PipeTables.cells(of: "a | b") == ["a", "b"])
        #expect(PipeTables.delimiterRow("| :-- | --: | :-: | --- |") == [.left, .right, .center, nil])
        let parts = try #require(PipeTables.parts(of: "| a | b |\n|---|---|\n| 1 |"))
        #expect(parts == [.table(PipeTables.Table(alignments: [nil, nil], header: ["a", "b"], rows: [["1", ""]]))])
    }
}
