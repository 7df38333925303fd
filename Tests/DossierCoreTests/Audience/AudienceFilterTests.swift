import DossierTestSupport
import Testing
@testable import DossierCore

@Suite("Audience filter")
struct AudienceFilterTests {
    func workspace() throws -> (TemporaryWorkspace, Workspace) {
        let temp = try TemporaryWorkspace()
        try temp.addProject("open-case", visibility: "public", tlp: "clear", indicators: """
            { "indicators": [
              { "value": "192.0.2.1", "type": "ipv4", "tags": ["Company Name", "C2"], "source": "proxy", "x-note": "internal" },
              { "value": "192.0.2.2", "type": "ipv4", "private": true },
              { "value": "evil.example", "type": "domain", "tags": ["Blocked"] }
            ] }
            """)
        try temp.write("open-case/notes/01-public.md", "# Public\n\nSeen <!-- came from the IR ticket, ask Dana --> today.\n<!--\nreviewer: secret-infra.example\n-->\n```html\n<!-- kit v2 -->\n```\n")
        try temp.write("open-case/notes/02-private.md", "---\nvisibility: private\n---\n# Private\n")
        try temp.addProject("secret-case", visibility: "private", tlp: "red", indicators: """
            { "indicators": [ { "value": "evil.example", "type": "domain", "classification": "malicious" } ] }
            """)
        let loaded = temp.load()
        #expect(!loaded.diagnostics.hasErrors)
        return (temp, loaded.workspace)
    }

    @Test("public: only public projects, without private indicators, notes, tags, sources or unknown fields")
    func publicView() throws {
        let (_, workspace) = try workspace()
        let view = AudienceFilter.view(of: workspace, for: .public)
        #expect(view.projects.map(\.slug) == ["open-case"])
        let project = view.projects[0]
        #expect(project.indicators.map(\.value) == ["192.0.2.1", "evil.example"])
        #expect(project.indicators[0].tags == ["C2"])
        #expect(project.indicators[0].source == nil)
        #expect(project.indicators[0].extra.isEmpty)
        // The private tag's classification still counts: it was the analysts' decision.
        #expect(project.indicators[0].classification == .nonMalicious)
        #expect(project.notes.map(\.fileName) == ["01-public.md"])
        // HTML comments are remarks between writers: no public output holds one; in code, one is code.
        #expect(project.notes[0].body == "\nSeen  today.\n\n```html\n<!-- kit v2 -->\n```\n")
        #expect(view.vocabulary.definition(of: "Company Name") == nil)
        // Correlation on the filtered workspace cannot see the private project.
        let index = IndicatorIndex(view)
        #expect(index.occurrences(of: IndicatorKey(type: .domain, value: "evil.example")).count == 1)
    }

    @Test("a public view holds no Markdown comment (a reference definition leading nowhere, `[//]: # (remark)`, its title on the next lines too), as it holds no HTML comment; one in code, one that is a paragraph's text, and a used definition, stay")
    func markdownCommentsAreLeftOut() {
        let body = "Text.\n\n[//]: # (REMARK-1)\n  [comment]: <> \"REMARK-2\"\n[_]: #\n> [//]: # (REMARK-4)\n[//]: # (\nREMARK-5\n)\n[//]: #\n  \"REMARK-6\"\n\n```\n[//]: # (kept in code)\n```\n\nSee [the report][r].\n[//]: # (a paragraph's text, shown)\n\n[r]: https://vendor.example/report\n"
        let project = Project(slug: "p", folder: "/w/p", title: "P", summary: "Summary.\n\n[//]: # (REMARK-3)", visibility: .public, tlp: .clear,
            notes: [Note(fileName: "01.md", path: "/w/p/notes/01.md", body: body)])
        let workspace = Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [project])
        let view = AudienceFilter.view(of: workspace, for: .public).projects[0]
        #expect(view.notes[0].body == "Text.\n\n\n```\n[//]: # (kept in code)\n```\n\nSee [the report][r].\n[//]: # (a paragraph's text, shown)\n\n[r]: https://vendor.example/report\n", "\(view.notes[0].body)")
        #expect(view.summary == "Summary.\n")
        #expect(AudienceFilter.view(of: workspace, for: .internal).projects[0].notes[0].body == body)
        // In a Windows checkout's line breaks too, which stay as they were.
        let windows = Project(slug: "w", folder: "/w/w", title: "W", summary: nil, visibility: .public, tlp: .clear,
            notes: [Note(fileName: "01.md", path: "/w/w/notes/01.md", body: "Intro.\r\n\r\n[//]: # (REMARK-7)\r\n\r\nMore.\r\n")])
        let windowsView = AudienceFilter.view(of: Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [windows]), for: .public)
        #expect(windowsView.projects[0].notes[0].body == "Intro.\r\n\r\n\r\nMore.\r\n", "\(windowsView.projects[0].notes[0].body)")
    }

    @Test("internal: everything")
    func internalView() throws {
        let (_, workspace) = try workspace()
        let view = AudienceFilter.view(of: workspace, for: .internal)
        #expect(view == workspace)
    }

    @Test("a tag written as a source's, however spelled, is left out of a public view as a source is, and check warns of it; internal views keep it")
    func sourceTagsAreProvenance() throws {
        let temp = try TemporaryWorkspace()
        let spellings = [#"dossier:source="mail gateway""#, #" Dossier : Source = "x""#, "dossier:\u{200B}source=\"zw\"", "DOSSIER:SOURCE:colon",
                         "\u{FF44}ossier:source=\"full\"", #""dossier:source"="quoted""#]
        let tags = (spellings + ["C2", "dossier:sources", "tlp:amber"]).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ", ")
        try temp.addProject("open-case", visibility: "public", tlp: "clear", indicators: """
            { "indicators": [ { "value": "192.0.2.1", "type": "ipv4", "tags": [\(tags)] } ] }
            """)
        let loaded = temp.load()
        let view = AudienceFilter.view(of: loaded.workspace, for: .public)
        #expect(view.projects[0].indicators[0].tags == ["C2", "dossier:sources", "tlp:amber"])
        #expect(AudienceFilter.view(of: loaded.workspace, for: .internal).projects[0].indicators[0].tags.count == spellings.count + 3)
        let warnings = WorkspaceChecker.check(loaded).items.filter { $0.code == SourceTagRule.code }
        #expect(warnings.count == spellings.count && warnings.allSatisfy { $0.severity == .warning }, "\(warnings.map(\.message))")
        #expect(spellings.allSatisfy(Tag.isSourceTag) && !Tag.isSourceTag("dossier:sources") && !Tag.isSourceTag("source:x"))
    }
}
