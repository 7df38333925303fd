import DossierCore
import DossierTestSupport
import Foundation
import Testing
@testable import DossierReport

/// `BuiltInRow` is the built-in row templates compiled by hand: it must give the same bytes as
/// the templates rendered by Mustache, for any row, in reports and listings, HTML and Markdown, for
/// both audiences.
@Suite("Built-in row")
struct BuiltInRowTests {
    /// Strings a row may hold, hostile ones included: markup, quotes, a quote followed by a
    /// combining mark (one grapheme, which swift-mustache's own escaping let through), emoji.
    static let texts = [
        "evil.example", "hxxps://evil[.]example/a?b=1&c=2", "<script>alert(1)</script>", #"" onmouseover="x"#,
        "'single'", "\"\u{301} onclick=x", "<\u{338}", "Ünïcödé 🛰️", "a & b", "", " spaced ", "{{mustache}}", "line\nbreak",
        "`tick", "a``b`", "pipe | cell", #"back\|slash"#, "crlf\r\nline", "` ",
    ]

    static func row(_ random: inout SplitMix64, withProject: Bool) -> IndicatorRow {
        func text() -> String { random.pick(texts) + (random.chance(50) ? "" : random.hex(random.int(1...8))) }
        func optional() -> String? { random.chance(30) ? nil : text() }
        func link() -> ProjectLink {
            ProjectLink(slug: random.hex(6), title: text(), href: random.chance(70) ? "../\(random.hex(6))/index.html" : nil,
                classifiedOtherwise: random.chance(40) ? random.pick(Classification.allCases) : nil,
                privateProject: random.chance(20), privateIndicator: random.chance(20))
        }
        let classification = random.pick(Classification.allCases)
        // A report's tags link to their sections; a listing's do not.
        let tags = (0..<random.int(0...4)).map { _ in TagLink(name: text(), href: !withProject && random.chance(80) ? "#tag-" + random.hex(4) : nil) }
        return IndicatorRow(
            value: text(), type: random.pick(IndicatorType.allCases).rawValue, classification: classification.rawValue,
            classificationLabel: classification.label, tags: tags.map(\.name), tagLinks: tags,
            firstSeen: optional(), lastSeen: optional(), comment: optional(), source: optional(), isPrivate: random.chance(20),
            alsoSeenIn: withProject ? [] : (0..<random.int(0...4)).map { _ in link() },
            project: withProject ? ProjectLink(slug: random.hex(6), title: text(), href: "../projects/\(random.hex(6))/index.html") : nil)
    }

    @Test("generated rows: the same bytes as the template, in reports and listings, for both audiences", arguments: Audience.allCases)
    func sameAsTemplate(_ audience: Audience) throws {
        let (templates, _) = TemplateSet.load(workspaceRoot: nil)
        let set = try #require(templates)
        let workspace = AudienceFilter.view(of: WorkspaceLoader.load(root: SiteBuildTests.sampleRoot).workspace, for: audience)
        let model = SiteModel(workspace: workspace, audience: audience, options: ReportOptions())
        let report = model.report(at: 0)
        // A report without correlations (`--no-correlations`): no "also seen in" cell.
        var alone = report
        alone.withAlsoSeen = false
        // A classification's page (no classification column) and a tag's (one).
        let listings = try [#require((0..<model.listingCount).first { model.listing(at: $0).page.classification != nil }),
            #require((0..<model.listingCount).first { model.listing(at: $0).page.tag != nil })].map { model.listing(at: $0).page }
        #expect(listings.map(\.withClassification) == [false, true])
        var random = SplitMix64(seed: audience == .public ? 1 : 2)
        for _ in 0..<2_000 {
            let reportRow = Self.row(&random, withProject: false)
            for page in [report, alone] {
                let (isInternal, also) = (audience == .internal, page.withAlsoSeen)
                #expect(BuiltInRow.html(reportRow, isInternal: isInternal, withClassification: true, withAlsoSeen: also)
                    == set.render(RowContext(row: reportRow, page: page), page: "indicator-row"), "\(reportRow)")
                #expect(BuiltInRow.markdown(reportRow, isInternal: isInternal, withAlsoSeen: also)
                    == set.render(RowContext(row: reportRow, page: page), page: "indicator-row.md"), "\(reportRow)")
                #expect(BuiltInRow.markdownTagRow(reportRow, isInternal: isInternal, withAlsoSeen: also)
                    == set.render(RowContext(row: reportRow, page: page), page: "indicator-tag-row.md"), "\(reportRow)")
            }
            let listingRow = Self.row(&random, withProject: true)
            for listing in listings {
                #expect(BuiltInRow.html(listingRow, isInternal: audience == .internal, withClassification: listing.withClassification, withAlsoSeen: false)
                    == set.render(RowContext(row: listingRow, page: listing), page: "indicator-row"), "\(listingRow)")
            }
        }
    }

    @Test("a site built with a copy of a built-in row template as an override is byte-identical",
        arguments: Audience.allCases, ["indicator-row", "indicator-row.md", "indicator-tag-row.md"])
    func siteSameAsTemplate(_ audience: Audience, _ template: String) throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let root = folder + "/workspace"
        try FileManager.default.copyItem(atPath: SiteBuildTests.sampleRoot, toPath: root)
        _ = try SiteBuild.run(root: root, audience: audience, out: folder + "/built-in", incremental: false)
        try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TemplateSet.builtInFolder! + "/\(template).mustache", toPath: root + "/templates/\(template).mustache")
        let (overridden, _) = TemplateSet.load(workspaceRoot: root)
        #expect(overridden?.isBuiltIn(template) == false)
        _ = try SiteBuild.run(root: root, audience: audience, out: folder + "/template", incremental: false)
        let a = SiteFiles(folder + "/built-in"), b = SiteFiles(folder + "/template")
        #expect(a.paths == b.paths)
        for path in a.files { #expect(a.bytes(path) == b.bytes(path), "\(path)") }
    }

    @Test("two indicators shown alike (a tab, and the text a tab is shown as) keep their own rows in every table of both reports")
    func rowsShownAlikeStayApart() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("mutexes", indicators: #"""
            { "indicators": [
              { "value": "a\tb", "type": "mutex", "classification": "malicious", "tags": ["zz"], "comment": "first one" },
              { "value": "a<U+0009>b", "type": "mutex", "classification": "malicious", "tags": ["aa"], "comment": "second one" }
            ] }
            """#)
        let loaded = workspace.load()
        #expect(WorkspaceChecker.check(loaded).errorCount == 0)
        let model = SiteModel(workspace: loaded.workspace, audience: .internal, options: ReportOptions())
        func count(_ text: String, in body: String?) -> Int { (body ?? "").components(separatedBy: text).count - 1 }
        // The built-in templates show each table's rows joined.
        let builtIn = try #require(TemplateSet.load(workspaceRoot: nil).0)
        for report in [RowRendering.prerendered(model.report(at: 0), with: builtIn), RowRendering.prerenderedMarkdown(model.report(at: 0), with: builtIn)] {
            let malicious = try #require(report.classificationGroups.first { $0.key == "malicious" })
            #expect(count("first one", in: malicious.renderedRows) == 1 && count("second one", in: malicious.renderedRows) == 1)
            let aa = try #require(report.tagGroups.first { $0.key == "aa" }), zz = try #require(report.tagGroups.first { $0.key == "zz" })
            #expect(aa.renderedRows?.contains("second one") == true && aa.renderedRows?.contains("first one") == false)
            #expect(zz.renderedRows?.contains("first one") == true && zz.renderedRows?.contains("second one") == false)
        }
        // A workspace's own table template may show each row's text: every row has its own.
        try workspace.write("templates/indicator-table.mustache", "{{#rows}}{{{rendered}}}\n{{/rows}}")
        let own = try #require(TemplateSet.load(workspaceRoot: workspace.root).0)
        for report in [RowRendering.prerendered(model.report(at: 0), with: own), RowRendering.prerenderedMarkdown(model.report(at: 0), with: own)] {
            let rows = report.classificationGroups.flatMap(\.rows) + report.tagGroups.flatMap(\.rows)
            #expect(rows.count == 4)
            for row in rows {
                let own = row.comment == "first one" ? "first one" : "second one"
                let other = own == "first one" ? "second one" : "first one"
                #expect(row.rendered?.contains(own) == true && row.rendered?.contains(other) == false, "\(row)")
            }
        }
    }

    @Test("HTML escaping replaces markup characters by byte, a quote before a combining mark included")
    func escaping() {
        #expect(HTMLContentType.escape(#"<a href="x" title='y'>&</a>"#) == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTMLContentType.escape("\"\u{301}") == "&quot;\u{301}")
        #expect(HTMLContentType.escape("Ünïcödé 🛰️") == "Ünïcödé 🛰️")
    }

    @Test("in right-to-left text a defanged value is isolated left to right, so that 1[.]2[.]3[.]4 does not show reversed; elsewhere nothing changes")
    func defangedValuesIsolatedInRightToLeftText() {
        let (lri, pdi) = ("\u{2066}", "\u{2069}")
        #expect(HTMLContentType.escape("תגובה עם 1[.]2[.]3[.]4 ו-hxxps://evil[.]example/a?b=1&c=2 סוף")
            == "תגובה עם \(lri)1[.]2[.]3[.]4\(pdi) ו-\(lri)hxxps://evil[.]example/a?b=1&amp;c=2\(pdi) סוף")
        #expect(HTMLContentType.escape("تعليق user[@]evil[.]example") == "تعليق \(lri)user[@]evil[.]example\(pdi)")
        #expect(HTMLContentType.escape("comment 1[.]2[.]3[.]4") == "comment 1[.]2[.]3[.]4", "left-to-right text is left alone")
        #expect(HTMLContentType.escape("שלום [x] עולם") == "שלום [x] עולם")
        // An isolate written in the input is still shown, not obeyed.
        #expect(HTMLContentType.escape("שלום \u{2066}x").contains("&lt;U+2066&gt;") || HTMLContentType.escape("שלום \u{2066}x").contains("<U+2066>"))
    }
}
