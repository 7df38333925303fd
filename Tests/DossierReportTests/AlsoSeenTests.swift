import DossierCore
import DossierTestSupport
import Testing
@testable import DossierReport

/// "Also seen in" names the other projects that record an indicator; one that decided otherwise
/// says how, so that a reader weighing a verdict sees who disagrees.
@Suite("Also seen in")
struct AlsoSeenTests {
    /// `shared.example` in five projects: malicious here, non-malicious in `fp`, suspicious by a
    /// tag in `abuse`, not assessed in `open`, malicious in `agree`.
    static let workspace: Workspace = {
        func project(_ slug: String, _ indicator: Indicator) -> Project {
            Project(slug: slug, folder: "/w/" + slug, title: slug.capitalized + " case", visibility: .public, tlp: .clear,
                indicators: [indicator])
        }
        return Workspace(root: "/w", settings: WorkspaceSettings(title: "W", vocabulary: .starter), projects: [
            project("here", Indicator(value: "shared.example", type: .domain, classification: .malicious)),
            project("fp", Indicator(value: "shared.example", type: .domain, classification: .nonMalicious)),
            project("abuse", Indicator(value: "shared.example", type: .domain, tags: ["Abuse Box"])),
            project("open", Indicator(value: "shared.example", type: .domain)),
            project("agree", Indicator(value: "shared.example", type: .domain, classification: .malicious)),
        ])
    }()

    static func report(at position: Int, options: ReportOptions = ReportOptions()) -> ProjectReport {
        ProjectReport(project: workspace.projects[position], workspace: workspace, index: IndicatorIndex(workspace),
            audience: .internal, options: options, position: position)
    }

    @Test("a project that decided otherwise says how; one that agrees, or has not assessed it, says nothing more")
    func classifiedOtherwise() throws {
        let links = try #require(Self.report(at: 0).classificationGroups.first?.rows.first?.alsoSeenIn)
        #expect(links.map(\.slug) == ["fp", "abuse", "open", "agree"])
        #expect(links.map(\.otherClassificationLabel) == ["Non-malicious", "Suspicious", nil, nil])
        #expect(links.map(\.otherClassification) == ["non-malicious", "suspicious", nil, nil])
        // Not assessed here: every decision elsewhere is news.
        let open = try #require(Self.report(at: 3).classificationGroups.first?.rows.first?.alsoSeenIn)
        #expect(open.map(\.otherClassificationLabel) == ["Malicious", "Non-malicious", "Suspicious", "Malicious"])
    }

    @Test("the HTML row shows the other verdict as a badge after the project's link, the Markdown row in parentheses")
    func rendered() throws {
        let (loaded, _) = TemplateSet.load(workspaceRoot: nil)
        let templates = try #require(loaded)
        let html = templates.render(RowRendering.prerendered(Self.report(at: 0, options: ReportOptions(linksToSite: true)), with: templates),
            page: "report.html")
        #expect(html.contains(#"<a href="../fp/index.html">Fp case</a> <span class="badge non-malicious">Non-malicious</span>, <a href="../abuse/index.html">Abuse case</a> <span class="badge suspicious">Suspicious</span>, <a href="../open/index.html">Open case</a>, "#))
        let markdown = templates.render(RowRendering.prerenderedMarkdown(Self.report(at: 0), with: templates), page: "report.md")
        #expect(markdown.contains("| Fp case (Non-malicious), Abuse case (Suspicious), Open case, Agree case |"))
    }

    @Test("in an internal report, a project named that is private, or records the value private, says which (private project, private there); a public report names neither")
    func privateThereIsSaid() throws {
        var workspace = Self.workspace
        workspace.projects[1].visibility = .private
        workspace.projects[2].indicators[0].privateFlag = true
        let report = ProjectReport(project: workspace.projects[0], workspace: workspace, index: IndicatorIndex(workspace),
            audience: .internal, options: ReportOptions(), position: 0)
        let links = try #require(report.classificationGroups.first?.rows.first?.alsoSeenIn)
        #expect(links.map(\.isPrivateThere) == [true, true, false, false])
        #expect(links.map(\.privateLabel) == ["private project", "private there", nil, nil])
        let (loaded, _) = TemplateSet.load(workspaceRoot: nil)
        let templates = try #require(loaded)
        let markdown = templates.render(RowRendering.prerenderedMarkdown(report, with: templates), page: "report.md")
        #expect(markdown.contains("| Fp case (private project, Non-malicious), Abuse case (private there, Suspicious), Open case, Agree case |"), "\(markdown)")
        let html = templates.render(RowRendering.prerendered(report, with: templates), page: "report.html")
        #expect(html.contains(#"Fp case<span class="private">private project</span> <span class="badge non-malicious">"#), "\(html)")
        let visible = AudienceFilter.view(of: workspace, for: .public)
        let shown = ProjectReport(project: visible.projects[0], workspace: visible, index: IndicatorIndex(visible), audience: .public,
            options: ReportOptions(), position: 0)
        #expect(shown.classificationGroups.first?.rows.first?.alsoSeenIn.map(\.slug) == ["open", "agree"])
    }

    @Test("without correlations a report names no other project: no \"also seen in\" column in HTML or Markdown, and the project's own TLP, where with them a shared value with a TLP:RED project makes it TLP:RED")
    func withoutCorrelations() throws {
        for format in [ReportFormat.html, .md] {
            let named = try ReportBuild.run(root: SiteBuildTests.sampleRoot, slug: "acme-payroll-phish", format: format, audience: .internal,
                options: ReportOptions()).text
            #expect(named.contains("TLP:RED") && named.contains("Also seen in") && named.contains("Tampered"), "\(format)")
            let alone = try ReportBuild.run(root: SiteBuildTests.sampleRoot, slug: "acme-payroll-phish", format: format, audience: .internal,
                options: ReportOptions(correlations: false)).text
            #expect(!alone.contains("TLP:RED") && alone.contains("TLP:AMBER") && !alone.contains("Also seen in") && !alone.contains("Tampered"), "\(format)")
            // Every Markdown table row has as many cells as its header.
            if format == .md {
                var columns: Int?
                for line in alone.split(separator: "\n", omittingEmptySubsequences: false) {
                    guard line.hasPrefix("| ") || line.hasPrefix("|---") else { columns = nil; continue }
                    let cells = line.replacingOccurrences(of: "\\|", with: "").count { $0 == "|" }
                    if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
                }
            }
        }
    }

    @Test("a report none of whose values another project records has no \"also seen in\" column, empty in every row")
    func noColumnWhenNothingIsSeenElsewhere() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("a", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "only-here.example", "type": "domain" } ] }"#)
        try workspace.addProject("b", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "elsewhere.example", "type": "domain" } ] }"#)
        for format in [ReportFormat.html, .md] {
            let alone = try ReportBuild.run(root: workspace.root, slug: "a", format: format, audience: .public, options: ReportOptions()).text
            #expect(alone.contains("only-here") && !alone.contains("Also seen in"), "\(format)")
        }
        try workspace.write("b/indicators.json", #"{ "indicators": [ { "value": "only-here.example", "type": "domain" } ] }"#)
        let shared = try ReportBuild.run(root: workspace.root, slug: "a", format: .html, audience: .public, options: ReportOptions()).text
        #expect(shared.contains("Also seen in"))
    }
}
