import DossierTestSupport
import DossierCore
import DossierReport
import Testing

/// PRODUCT.md §4: network indicators are shown defanged unless `--no-defang`. That holds for the
/// prose of a report (summary, notes, comments) as for its tables, and a note's link to a recorded
/// threat is no link.
@Suite("Defanged prose")
struct DefangTests {
    static func workspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace()
        try workspace.write("loader/project.json", """
            { "title": "Loader on gate.evil.example", "summary": "Gates on gate.evil.example since August.", "visibility": "private", "tlp": "amber" }
            """)
        try workspace.write("loader/indicators.json", """
            { "indicators": [
              { "value": "https://gate.evil.example/g.php", "type": "url", "classification": "malicious", "comment": "Resolves to 198.51.100.7" },
              { "value": "https://research.example.org/post", "type": "url", "classification": "non-malicious", "comment": "Write-up" }
            ] }
            """)
        try workspace.write("loader/notes/01-c2.md", """
            # C2

            The [gate](https://gate.evil.example/g.php) answers on 198.51.100.7; see [the write-up](https://research.example.org/post).
            Its [panel](//gate.evil.example/panel) is on the same host.

            ```
            Host: gate.evil.example
            ```
            """)
        return workspace
    }

    @Test("HTML and Markdown reports defang summary, notes and comments; --no-defang shows them as written")
    func reports() throws {
        let workspace = try Self.workspace()
        for format in [ReportFormat.html, .md] {
            let text = try ReportBuild.run(root: workspace.root, slug: "loader", format: format, audience: .internal, options: ReportOptions()).text
            #expect(!text.contains("gate.evil.example"), "\(format)")
            #expect(!text.contains("198.51.100.7"), "\(format)")
            #expect(!text.contains("(https://gate."), "\(format)")
            #expect(!text.contains("(//gate."), "a link without a scheme to the threat's host is no link (\(format))")
            #expect(text.contains("https://research.example.org/post"), "a reference stays a link (\(format))")
            let plain = try ReportBuild.run(root: workspace.root, slug: "loader", format: format, audience: .internal,
                options: ReportOptions(defang: false)).text
            #expect(plain.contains("Gates on gate.evil.example"), "\(format)")
            #expect(plain.contains("Loader on gate.evil.example"), "\(format)")
            #expect(plain.contains("Resolves to 198.51.100.7"), "\(format)")
            #expect(plain.contains("Host: gate.evil.example"), "\(format)")
        }
    }
}
