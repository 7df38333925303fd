import DossierTestSupport
import DossierCore
import Foundation
import Testing
@testable import DossierReport

@Suite("Site build")
struct SiteBuildTests {
    static var sampleRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/sample-projects"
    }

    @Test("an internal report that names a project of a stricter TLP bears that TLP and says why; the public report its own")
    func strictestTLP() throws {
        // commodity-loader-c2 is TLP:CLEAR; an indicator of it is also recorded in the TLP:RED
        // build-plugin-supply-chain, which only the internal report names.
        for format in [ReportFormat.html, .md] {
            let internalReport = try ReportBuild.run(root: Self.sampleRoot, slug: "commodity-loader-c2", format: format, audience: .internal,
                options: ReportOptions()).text
            #expect(internalReport.contains("Tampered release plugin"), "the internal report names the TLP:RED project (\(format))")
            #expect(internalReport.contains("TLP:RED") && !internalReport.contains("TLP:CLEAR ·") && !internalReport.contains("**TLP:CLEAR**"), "\(format)")
            // The banner names the project that raised it.
            #expect(internalReport.contains("The project is marked TLP:CLEAR; this report shows material marked TLP:RED: its \u{201C}also seen in\u{201D} names Tampered release plugin in the internal artifact mirror (TLP:RED)."), "\(format)")
            let published = try ReportBuild.run(root: Self.sampleRoot, slug: "commodity-loader-c2", format: format, audience: .public,
                options: ReportOptions()).text
            #expect(published.contains("TLP:CLEAR") && !published.contains("TLP:RED") && !published.contains("The project is marked"), "\(format)")
        }
    }

    @Test("internal output holding private material of a TLP:CLEAR project is marked TLP:GREEN at least, and says why: its report, its index line, the listing page of a private row; the public output stays TLP:CLEAR")
    func privateMaterialIsNeverClear() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear", indicators: """
            { "indicators": [ { "value": "evil.example", "type": "domain", "tags": ["Seen"] },
                              { "value": "user-pattern:first.last", "type": "other", "tags": ["Pattern"], "private": true } ] }
            """)
        try workspace.addProject("q", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "other.example", "type": "domain" } ] }"#)
        try workspace.addProject("s", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "s.example", "type": "domain", "source": "mail gateway" } ] }"#)
        try workspace.addProject("t", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "own.example", "type": "domain", "tags": ["company name"] } ] }"#)
        for format in [ReportFormat.html, .md] {
            let internalReport = try ReportBuild.run(root: workspace.root, slug: "p", format: format, audience: .internal, options: ReportOptions()).text
            #expect(internalReport.contains("TLP:GREEN") && !internalReport.contains("TLP:CLEAR:"), "\(format)")
            #expect(internalReport.contains("The project is marked TLP:CLEAR; this output shows private material (kept out of public output), marked TLP:GREEN at least."), "\(format)")
            let published = try ReportBuild.run(root: workspace.root, slug: "p", format: format, audience: .public, options: ReportOptions()).text
            #expect(published.contains("TLP:CLEAR") && !published.contains("TLP:GREEN"), "\(format)")
            // Nothing private, nothing raised.
            let plain = try ReportBuild.run(root: workspace.root, slug: "q", format: format, audience: .internal, options: ReportOptions()).text
            #expect(plain.contains("TLP:CLEAR") && !plain.contains("TLP:GREEN"), "\(format)")
            // A source is internal provenance: private material too.
            let sourced = try ReportBuild.run(root: workspace.root, slug: "s", format: format, audience: .internal, options: ReportOptions()).text
            #expect(sourced.contains("TLP:GREEN") && sourced.contains("mail gateway"), "\(format)")
        }
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: folder + "/site")
        let site = SiteFiles(folder + "/site")
        func page(_ path: String) -> String { String(decoding: site.bytes(path), as: UTF8.self) }
        #expect(page("tags/pattern.html").contains(#"<span class="tlp-label">TLP:GREEN</span>"#))
        #expect(page("tags/seen.html").contains(#"<span class="tlp-label">TLP:CLEAR</span>"#))
        // A private tag (the starter vocabulary's Company Name, in any case) is private material.
        #expect(page("tags/company-name.html").contains(#"<span class="tlp-label">TLP:GREEN</span>"#))
        let line = page("index.html").split(separator: "\n").first { $0.contains(">p</a>") || $0.contains("projects/p/") }
        #expect(line.map { $0.contains("TLP:GREEN") } == true, "\(String(describing: line))")
    }

    @Test("a project's line on the site's index bears its report's TLP (raised by a project it names on an internal site), not only the project's own")
    func indexBearsReportTLP() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func row(_ audience: Audience) throws -> String {
            _ = try SiteBuild.run(root: Self.sampleRoot, audience: audience, out: folder + "/\(audience)")
            let index = String(decoding: SiteFiles(folder + "/\(audience)").bytes("index.html"), as: UTF8.self)
            let line = index.split(separator: "\n").first { $0.contains(">HollowPost loader command-and-control infrastructure</a>") }
            return String(try #require(line))
        }
        // As `strictestTLP` above: the internal report of this TLP:CLEAR project is TLP:RED.
        let internalRow = try row(.internal)
        #expect(internalRow.contains(#"<span class="tlp-label" title="The project is marked TLP:CLEAR; this report shows material marked TLP:RED"#))
        #expect(internalRow.contains(">TLP:RED</span>") && internalRow.contains(">raised from TLP:CLEAR</div>"), "\(internalRow)")
        // On a phone each project is a card, its cells named (the table's head is hidden there).
        #expect(internalRow.contains(#"<td class="num" data-label="Indicators">85</td><td class="num" data-label="Malicious">69</td>"#), "\(internalRow)")
        #expect(internalRow.contains(#"<td data-label="Sharing"><span class="tlp-label""#) && internalRow.contains(#"<td class="date" data-label="Updated">"#))
        #expect(try row(.public).contains(#"<span class="tlp-label">TLP:CLEAR</span>"#))
    }

    @Test("an internal site says which projects are private, on the index and in each report; a public one says nothing of it")
    func internalSiteShowsVisibility() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuild.run(root: Self.sampleRoot, audience: .internal, out: folder + "/internal")
        let site = SiteFiles(folder + "/internal")
        let index = String(decoding: site.bytes("index.html"), as: UTF8.self)
        #expect(index.contains(#"Payroll phishing kit targeting ACME finance staff</a><span class="private">private</span>"#))
        // The sample's four private projects, not its two public ones.
        #expect(index.components(separatedBy: #"</a><span class="private">private</span>"#).count - 1 == 4)
        let report = String(decoding: site.bytes("projects/acme-payroll-phish/index.html"), as: UTF8.self)
        #expect(report.contains(#"<dt>Visibility</dt><dd>private <span class="private">not on the public site</span>"#))
        // The facts read as a sentence each: "Sharing TLP:RED", not "TLP TLP:RED".
        #expect(report.contains(#"<dt>Sharing</dt><dd>TLP:RED</dd>"#) && !report.contains("<dt>TLP</dt>"))
        let markdown = String(decoding: site.bytes("projects/commodity-loader-c2/report.md"), as: UTF8.self)
        #expect(markdown.contains("| Visibility | public |"))
        let published = try ReportBuild.run(root: Self.sampleRoot, slug: "commodity-loader-c2", format: .html, audience: .public, options: ReportOptions()).text
        #expect(!published.contains("Visibility"))
        // So of a private tag (the sample's `Company Name`): on the index, its page and each report's section.
        #expect(index.contains(#"Company Name</a><span class="private">private tag</span>"#))
        #expect(String(decoding: site.bytes("tags/company-name.html"), as: UTF8.self).contains(#"Company Name<span class="private">private tag</span></h1>"#))
        #expect(report.contains(#"Company Name<span class="private">private tag</span> <span class="muted">(4)</span>"#))
        #expect(String(decoding: site.bytes("projects/acme-payroll-phish/report.md"), as: UTF8.self).contains("### Company Name (private tag) (4)"))
        #expect(index.components(separatedBy: "private tag").count - 1 == 1)
    }

    @Test("a row's tags link to their sections of the report, alone and in a site (where a section is named as its tag's page); a listing's rows' tags to their tag pages")
    func rowTagsLinkToTheirSections() throws {
        let html = try ReportBuild.run(root: Self.sampleRoot, slug: "commodity-loader-c2", format: .html, audience: .public, options: ReportOptions()).text
        #expect(html.contains(##"<a class="tag" href="#tag-c2">C2</a>"##) && html.contains(#"<h3 id="tag-c2">"#))
        let links = html.components(separatedBy: ##"<a class="tag" href="#"##).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!links.isEmpty && links.allSatisfy { html.contains(#"<h3 id="\#($0)">"#) }, "\(Set(links))")
        let out = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try SiteBuild.run(root: Self.sampleRoot, audience: .public, out: out + "/site")
        let site = SiteFiles(out + "/site")
        let page = String(decoding: site.bytes("projects/commodity-loader-c2/index.html"), as: UTF8.self)
        let pageLinks = page.components(separatedBy: ##"<a class="tag" href="#"##).dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!pageLinks.isEmpty && pageLinks.allSatisfy { page.contains(#"<h3 id="\#($0)">"#) })
        for path in ["tags/c2.html", "classifications/malicious.html"] {
            let listing = String(decoding: site.bytes(path), as: UTF8.self)
            #expect(listing.contains(#"<a class="tag" href="../tags/c2.html">C2</a>"#), "\(path)")
            let targets = Set(listing.components(separatedBy: #"<a class="tag" href="../"#).dropFirst().map { String($0.prefix { $0 != "\"" }) })
            #expect(!targets.isEmpty && targets.allSatisfy { !site.bytes($0).isEmpty }, "\(path): \(targets)")
        }
    }

    @Test("two builds of the same workspace are byte-identical")
    func deterministic() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for audience in Audience.allCases {
            _ = try SiteBuild.run(root: Self.sampleRoot, audience: audience, out: folder + "/a")
            _ = try SiteBuild.run(root: Self.sampleRoot, audience: audience, out: folder + "/b")
            let a = SiteFiles(folder + "/a"), b = SiteFiles(folder + "/b")
            #expect(a.paths == b.paths)
            for path in a.files { #expect(a.bytes(path) == b.bytes(path), "\(path)") }
        }
    }

    @Test("the site has an index, a page set per project, tag and classification pages, and index.json")
    func layout() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = try SiteBuild.run(root: Self.sampleRoot, audience: .public, out: folder + "/site")
        let site = SiteFiles(folder + "/site")
        // Every file but the incremental build's record (IncrementalBuildTests).
        #expect(site.files.filter { $0 != BuildRecord.fileName } == summary.files)
        for file in ["index.html", "index.json", "projects/commodity-loader-c2/index.html", "projects/commodity-loader-c2/report.md",
            "projects/commodity-loader-c2/indicators.csv", "classifications/malicious.html", "tags/blocked.html"] {
            #expect(site.files.contains(file), "\(file)")
        }
        #expect(!site.paths.contains { $0.contains("acme-payroll-phish") })
        let manifest = try JSONParser.parse(Array(site.bytes("index.json")))
        let projects = manifest.value.objectValue?["projects"]?.value.arrayValue ?? []
        #expect(projects.compactMap { $0.value.objectValue?["slug"]?.value.stringValue } == ["commodity-loader-c2", "vpn-bruteforce-2026"])
    }

    @Test("links to a project whose folder name has spaces, a # or letters outside ASCII are percent-encoded and lead to its page")
    func encodedProjectLinks() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("apt 29 #2", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "evil.example", "type": "domain", "tags": ["C2"] } ] }"#)
        try workspace.addProject("caf\u{E9}", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "evil.example", "type": "domain" } ] }"#)
        let out = workspace.path("site")
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        let site = SiteFiles(out)
        #expect(site.text("index.html").contains(#"href="projects/apt%2029%20%232/index.html""#))
        #expect(site.text("tags/c2.html").contains(#"href="../projects/apt%2029%20%232/index.html""#))
        #expect(site.text("projects/apt 29 #2/index.html").contains(#"href="../caf%C3%A9/index.html""#))
        for href in ["apt 29 #2", "caf\u{E9}"] { #expect(site.files.contains("projects/\(href)/index.html")) }
    }

    @Test("a rebuild leaves no stale file, and a folder dossier did not build is never replaced")
    func replacesOutput() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        let out = workspace.path("site")
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        try "stale".write(toFile: out + "/stale.html", atomically: true, encoding: .utf8)
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        #expect(!FileManager.default.fileExists(atPath: out + "/stale.html"))
        let foreign = workspace.path("documents")
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "keep me".write(toFile: foreign + "/thesis.txt", atomically: true, encoding: .utf8)
        #expect(throws: BuildFailure.self) { try SiteBuild.run(root: workspace.root, audience: .public, out: foreign) }
        #expect(FileManager.default.fileExists(atPath: foreign + "/thesis.txt"))
        #expect(throws: BuildFailure.self) { try SiteBuild.run(root: workspace.root, audience: .public, out: workspace.root) }
    }

    @Test("an output folder that is a symbolic link: the site it leads to is replaced, the link stays")
    func linkedOutput() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        let served = try TemporaryFolder.make() + "/www"
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: served)
        try FileManager.default.createSymbolicLink(atPath: workspace.path("site"), withDestinationPath: served)
        try workspace.write("p/project.json", #"{ "title": "p", "visibility": "private", "tlp": "amber" }"#)
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: workspace.path("site"))
        #expect(!FileManager.default.fileExists(atPath: served + "/projects/p/index.html"), "the served site still publishes p")
        #expect(FileManager.default.fileExists(atPath: served + "/index.html"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: workspace.path("site"))) == served)
    }

    @Test("a workspace with errors builds nothing and says which step stopped")
    func stopsOnErrors() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "amber")
        let out = workspace.path("site")
        #expect {
            try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        } throws: { error in
            (error as? BuildFailure)?.step == .validate && (error as? BuildFailure)?.diagnostics.isEmpty == false
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("the errors of what a public output would show (a public project not TLP:CLEAR, a private value published) stop a public build and report, not an internal one, which hands them on; any other error stops both")
    func publicOnlyErrors() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "amber")
        try workspace.addProject("s", indicators: #"{ "indicators": [ { "value": "hidden.example", "type": "domain", "private": true } ] }"#)
        try workspace.write("p/notes/01.md", "Seen at hidden.example.\n")
        func stops(_ audience: Audience) -> Bool {
            (try? SiteBuild.run(root: workspace.root, audience: audience, out: workspace.path("site-\(audience)"))) == nil
        }
        #expect(stops(.public))
        let summary = try SiteBuild.run(root: workspace.root, audience: .internal, out: workspace.path("site-internal"))
        #expect(Set(summary.publicOnlyErrors.compactMap(\.code)) == [PublicProjectTLPRule.code, PublishedPrivateValueRule.code])
        #expect(FileManager.default.fileExists(atPath: workspace.path("site-internal/index.html")))
        let report = try ReportBuild.run(root: workspace.root, slug: "p", format: .md, audience: .internal, options: ReportOptions())
        #expect(report.publicOnlyErrors.count == 2 && report.text.contains("hidden"))
        #expect((try? ReportBuild.run(root: workspace.root, slug: "p", format: .md, audience: .public, options: ReportOptions())) == nil)
        // Another error stops an internal build too.
        try workspace.write("s/indicators.json", #"{ "indicators": [ { "value": "hidden.example", "type": "domain", "private": true }, ] }"#)
        #expect(stops(.internal))
    }

    @Test("listings past 1,000 rows are split into linked pages")
    func pagination() throws {
        // And a tag whose page name is what page 2 of Blocked's once was.
        let rows = (0..<2_345).map { "{ \"value\": \"192.0.\($0 / 250).\($0 % 250)\", \"type\": \"ipv4\", \"tags\": [\"Blocked\"] }" }
            + [#"{ "value": "198.51.100.1", "type": "ipv4", "tags": ["Blocked 2"] }"#]
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("big", visibility: "public", tlp: "clear", indicators: "{ \"indicators\": [\(rows.joined(separator: ","))] }")
        let out = workspace.path("site")
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        let site = SiteFiles(out)
        #expect(site.files.filter { $0.hasPrefix("tags/blocked") }
            == ["tags/blocked-2.html", "tags/blocked.2.html", "tags/blocked.3.html", "tags/blocked.html"])
        let second = site.text("tags/blocked.2.html")
        #expect(second.contains(#"href="blocked.html" rel="prev""#))
        #expect(second.contains(#"href="blocked.3.html" rel="next""#))
        #expect(second.contains("showing 1,001–2,000, page 2 of 3"))
        #expect(second.contains("<title>Tag: Blocked (page 2 of 3) · TLP:CLEAR · "), "each page has a title of its own, with its marking")
        #expect(site.text("index.html").contains("<title>") && site.text("index.html").contains(" · TLP:CLEAR</title>"), "the index's title bears its marking")
        #expect(site.text("tags/blocked-2.html").contains("198[.]51[.]100[.]1"))
        // A value added to a project listed after them leaves the pages before its row as they
        // were (reused, the same file): the listing's count is said on its first page alone.
        func file(_ page: String) throws -> Int? { try FileManager.default.attributesOfItem(atPath: out + "/" + page)[.systemFileNumber] as? Int }
        let pageTwo = try file("tags/blocked.2.html")
        try workspace.addProject("later", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "203.0.113.9", "type": "ipv4", "tags": ["Blocked"] } ] }"#)
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        #expect(try file("tags/blocked.2.html") == pageTwo, "page 2, all of whose rows come before the new one, is reused")
        #expect(SiteFiles(out).text("tags/blocked.html").contains("2,346 indicators in 2 projects"))
    }

    @Test("a listing shows its rows under their project's title, one section per project, saying which of a project's rows a page shows and the strictest TLP of the project's rows; a classification's page has no classification column")
    func listingSections() throws {
        let rows = (0..<1_500).map { "{ \"value\": \"192.0.\($0 / 250).\($0 % 250)\", \"type\": \"ipv4\", \"tags\": [\"Watch\"] }" }
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("a-big", visibility: "public", tlp: "clear", indicators: "{ \"indicators\": [\(rows.joined(separator: ","))] }")
        try workspace.addProject("z-private", visibility: "private", tlp: "amber",
            indicators: #"{ "indicators": [ { "value": "203.0.113.9", "type": "ipv4", "tags": ["Watch"], "classification": "malicious" } ] }"#)
        let out = workspace.path("site")
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: out)
        let site = SiteFiles(out)
        func sections(_ page: String) -> [String] {
            site.text(page).components(separatedBy: #"<section class="listing-group" id="project-"#).dropFirst().map { section in
                let heading = section.components(separatedBy: "<h2>").dropFirst().first?.components(separatedBy: "</h2>").first ?? ""
                let rows = section.components(separatedBy: "<tr><td class=\"value\">").count - 1
                let partial = section.components(separatedBy: "</h2>\n<p class=\"muted\">").dropFirst().first?.components(separatedBy: "</p>").first
                return heading.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression) + " rows \(rows)" + (partial.map { " | \($0)" } ?? "")
            }
        }
        #expect(sections("tags/watch.html") == ["a-big (1,500) TLP:CLEAR rows 1000 | 1–1,000 of its 1,500 indicators on this page"])
        #expect(sections("tags/watch.2.html") == ["a-big (1,500) TLP:CLEAR rows 500 | 1,001–1,500 of its 1,500 indicators on this page",
            "z-privateprivate project (1) TLP:AMBER rows 1"])
        // The page bears the strictest marking of all its rows; each section, its own rows'.
        #expect(site.text("tags/watch.html").contains(#"<span class="tlp-label">TLP:AMBER</span>"#))
        #expect(!site.text("tags/watch.html").contains(#"<th scope="col">Project</th>"#), "no row repeats its project")
        #expect(site.text("tags/watch.html").contains(#"<th scope="col">Classification</th>"#))
        let malicious = site.text("classifications/malicious.html")
        #expect(sections("classifications/malicious.html") == ["z-privateprivate project (1) TLP:AMBER rows 1"])
        #expect(!malicious.contains(#"<th scope="col">Classification</th>"#) && !malicious.contains(#"<span class="badge malicious">Malicious</span></td>"#),
            "every row of the page is malicious: none says so")
        #expect(malicious.contains(#"<a href="../projects/z-private/index.html" dir="auto">z-private</a><span class="private">private project</span>"#))
        // The public site has the public project alone, and no private mark.
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: workspace.path("public"))
        let published = SiteFiles(workspace.path("public"))
        #expect(published.text("tags/watch.html").contains("1,500 indicators in 1 project · showing 1–1,000, page 1 of 2"))
        #expect(published.text("tags/watch.2.html").contains(#"<p class="muted">showing 1,001–1,500, page 2 of 2</p>"#))
        #expect(!published.text("tags/watch.2.html").contains(#"class="private""#))
    }

    @Test("a table of a site's report shows its first 1,000 rows, and links to the page where the project's section of the list across projects starts, and to the CSV export; a report made alone shows every row; an incremental build follows the section when other projects move it")
    func longTablesCut() throws {
        func rows(_ count: Int, _ prefix: String, tagged: Int) -> String {
            "{ \"indicators\": [" + (0..<count).map { i in
                "{ \"value\": \"\(prefix)\(i).example\", \"type\": \"domain\"" + (i < tagged ? ", \"tags\": [\"Watch\"]" : "") + " }"
            }.joined(separator: ",") + "] }"
        }
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("a-small", visibility: "public", tlp: "clear", indicators: rows(1_200, "a", tagged: 1_200))
        // 2,000 rows tagged, 500 untagged (no list of their own, and short enough to show whole).
        try workspace.addProject("b-big", visibility: "public", tlp: "clear", indicators: rows(2_500, "b", tagged: 2_000))
        let out = workspace.path("site")
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        var site = SiteFiles(out)
        var report = site.text("projects/b-big/index.html")
        #expect(report.components(separatedBy: "<tr><td class=\"value\">").count - 1 == 1_000 + 1_000 + 500)
        #expect(report.contains(#"<p class="muted">The first 1,000 of 2,500 are shown. All of them are on <a href="../../classifications/unknown.2.html#project-b-big">the Unknown pages across projects</a>, in this project's section, and in <a href="indicators.csv">the CSV export</a>.</p>"#))
        #expect(report.contains(#"The first 1,000 of 2,000 are shown. All of them are on <a href="../../tags/watch.2.html#project-b-big">the Watch pages across projects</a>"#))
        #expect(report.components(separatedBy: "The first 1,000 of").count - 1 == 2, "the 500 untagged rows are shown whole")
        #expect(site.text("classifications/unknown.2.html").contains(#"<section class="listing-group" id="project-b-big">"#))
        #expect(site.text("projects/b-big/report.md").contains("All of them are on [the Unknown pages across projects](../../classifications/unknown.2.html#project-b-big), in this project's section, and in [the CSV export](indicators.csv)."))
        #expect(site.text("projects/a-small/index.html").contains(#"<a href="../../classifications/unknown.html#project-a-small">"#))
        #expect(site.text("projects/b-big/indicators.csv").utf8.count { $0 == UInt8(ascii: "\n") } == 2_501, "exports keep every row")
        let alone = try ReportBuild.run(root: workspace.root, slug: "b-big", format: .html, audience: .public, options: ReportOptions()).text
        #expect(alone.components(separatedBy: "<tr><td class=\"value\">").count - 1 == 2_500 + 2_000 + 500 && !alone.contains("The first 1,000"))
        // Fewer rows before it: the project's sections start on the first pages.
        try workspace.addProject("a-small", visibility: "public", tlp: "clear", indicators: rows(900, "a", tagged: 900))
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        site = SiteFiles(out)
        report = site.text("projects/b-big/index.html")
        #expect(report.contains(#"<a href="../../classifications/unknown.html#project-b-big">"#) && report.contains(#"<a href="../../tags/watch.html#project-b-big">"#))
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: workspace.path("clean"), incremental: false)
        #expect(SiteFiles(workspace.path("clean")).text("projects/b-big/index.html") == report)
        // A report template of the workspace's that does not say where a table is cut (written
        // before) shows every row, as its counts say.
        let builtIn = try String(contentsOfFile: try #require(TemplateSet.builtInFolder) + "/report.html.mustache", encoding: .utf8)
        try workspace.write("templates/report.html.mustache", builtIn.split(separator: "\n").filter { !$0.contains("isCut") }.joined(separator: "\n"))
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        report = SiteFiles(out).text("projects/b-big/index.html")
        #expect(report.components(separatedBy: "<tr><td class=\"value\">").count - 1 == 2_500 + 2_000 + 500 && !report.contains("The first 1,000"))
    }

    @Test("dates read alike on every page however the workspace writes them: a day as it is, an instant in UTC to the minute (or second); exports keep them as written")
    func datesShownAlike() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/project.json", #"{ "title": "p", "visibility": "public", "tlp": "clear", "created": "2026-11-01", "updated": "2026-11-20T09:05:00+01:00" }"#)
        try workspace.write("p/indicators.json", #"""
            { "indicators": [
              { "value": "192.0.2.1", "type": "ipv4", "tags": ["Watch"], "firstSeen": "2026-11-03T15:22:00+01:00", "lastSeen": "2026-11-04T10:00:30Z" },
              { "value": "192.0.2.2", "type": "ipv4", "tags": ["Watch"], "firstSeen": "2026-11-02", "lastSeen": "2026-11-05 07:45" }
            ] }
            """#)
        try workspace.write("p/notes/01.md", "---\ntitle: Timeline\ndate: 2026-11-05T23:30:00-02:00\n---\nText.\n")
        let out = workspace.path("site")
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        let site = SiteFiles(out)
        let report = site.text("projects/p/index.html"), markdown = site.text("projects/p/report.md")
        for page in [report, site.text("tags/watch.html")] {
            #expect(page.contains(#"<td class="date">2026-11-03 14:22 UTC</td><td class="date">2026-11-04 10:00:30 UTC</td>"#), "\(page)")
            #expect(page.contains(#"<td class="date">2026-11-02</td><td class="date">2026-11-05 07:45</td>"#))
        }
        #expect(markdown.contains("| 2026-11-03 14:22 UTC | 2026-11-04 10:00:30 UTC |"), "\(markdown)")
        #expect(report.contains("2026-11-20 08:05 UTC") && markdown.contains("2026-11-20 08:05 UTC"))
        #expect(site.text("index.html").contains(#"<td class="date" data-label="Updated">2026-11-20</td>"#), "the index's column has days alone")
        #expect(report.contains("2026-11-06 01:30 UTC"), "the note's date")
        #expect(site.text("index.json").contains(#""updated": "2026-11-20T09:05:00+01:00""#), "\(site.text("index.json").prefix(600))")
        #expect(site.text("projects/p/indicators.csv").contains("2026-11-03T15:22:00+01:00"))
    }

    @Test("the index lists projects by title, whatever their folders are named: in any case and accent, numbers by value, from the first letter or digit")
    func indexByTitle() throws {
        let workspace = try TemporaryWorkspace()
        for (slug, title) in [("a-case", "Zulu loader"), ("b-case", "alpha phish"), ("c-case", "Mike beacon"), ("d-case", "10 Downing"),
            ("e-case", "9 lives"), ("f-case", "\u{201C}Quoted\u{201D} kit"), ("g-case", "  \u{C9}cho")] {
            try workspace.addProject(slug, visibility: "public", tlp: "clear")
            try workspace.write("\(slug)/project.json", #"{ "title": "\#(title)", "visibility": "public", "tlp": "clear" }"#)
        }
        let out = workspace.path("site")
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        let index = SiteFiles(out).text("index.html")
        let places = ["9 lives", "10 Downing", "alpha phish", "\u{C9}cho", "Mike beacon", "\u{201C}Quoted\u{201D} kit", "Zulu loader"]
            .map { index.range(of: "\($0)</a>")?.lowerBound }
        #expect(places.allSatisfy { $0 != nil } && places.map { $0! } == places.map { $0! }.sorted(), "\(index)")
        // index.json keeps each project's own counts, in folder order.
        try workspace.write("b-case/indicators.json", #"{ "indicators": [ { "value": "b1.example", "type": "domain" }, { "value": "b2.example", "type": "domain" } ] }"#)
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        let manifest = try JSONParser.parse(Array(SiteFiles(out).bytes("index.json")))
        let listed = (manifest.value.objectValue?["projects"]?.value.arrayValue ?? []).compactMap { $0.value.objectValue }
        #expect(listed.map { $0["slug"]?.value.stringValue } == ["a-case", "b-case", "c-case", "d-case", "e-case", "f-case", "g-case"])
        #expect(listed.map { $0["indicators"].map { "\($0.value)" } } == listed.indices.map { $0 == 1 ? "number(\"2\")" : "number(\"0\")" }, "\(listed)")
    }

    @Test("every page of a paginated listing bears the strictest TLP of all its rows; counts are said in words, one in the singular; titles, summaries and notes take their direction from their text")
    func listingTLPAndWords() throws {
        let rows = (0..<1_500).map { "{ \"value\": \"192.0.\($0 / 250).\($0 % 250)\", \"type\": \"ipv4\", \"tags\": [\"Blocked\"] }" }
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("a-big", visibility: "public", tlp: "clear", indicators: "{ \"indicators\": [\(rows.joined(separator: ","))] }")
        // Its one row comes last, on page 2.
        try workspace.addProject("z-amber", visibility: "private", tlp: "amber", indicators: #"{ "indicators": [ { "value": "203.0.113.9", "type": "ipv4", "tags": ["Blocked", "Lone"] } ] }"#)
        try workspace.write("z-amber/notes/01.md", "---\ntitle: \u{05D4}\u{05E2}\u{05E8}\u{05D4}\n---\n\u{05E9}\u{05DC}\u{05D5}\u{05DD}.\n")
        let out = workspace.path("site")
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: out)
        let site = SiteFiles(out)
        for page in ["tags/blocked.html", "tags/blocked.2.html"] {
            #expect(site.text(page).contains(#"<span class="tlp-label">TLP:AMBER</span>"#), "\(page)")
        }
        #expect(site.text("tags/blocked.html").contains("1,501 indicators in 2 projects"))
        #expect(site.text("tags/lone.html").contains("<p class=\"muted\">1 indicator in 1 project</p>"))
        #expect(site.text("index.html").contains("<p class=\"muted\">2 projects · 1,501 indicators</p>"))
        let report = site.text("projects/z-amber/index.html")
        // Each group of a report links to its tag's or classification's page in every project.
        #expect(report.contains(#"(1)</span> <a class="across" href="../../tags/blocked.html">in every project</a></h3>"#), "\(report)")
        #expect(report.contains(#"<a class="across" href="../../classifications/malicious.html">"#))
        #expect(report.contains("<h3 dir=\"auto\">\u{05D4}\u{05E2}\u{05E8}\u{05D4}") && report.contains("<div dir=\"auto\">\n<p>\u{05E9}"), "\(report)")
    }

    @Test("a note whose leading heading became its title numbers its headings after it, as a git host does: a link to the title leads to the note, one to the repeated heading to that heading, and check warns only of the one that names none")
    func headingsNumberedAfterTitle() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("a")
        try workspace.write("a/notes/01-timeline.md", "# Timeline\n\n## Timeline\n\nSee [the top](#timeline), [the second](#timeline-1) and [none](#timeline-2).\n")
        try workspace.write("a/notes/02-other.md", "# Other\n\nBack to [its second](01-timeline.md#timeline-1).\n")
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: folder)
        let report = String(decoding: SiteFiles(folder).bytes("projects/a/index.html"), as: UTF8.self)
        #expect(report.contains(#"<h4 id="note-1-timeline-1">"#))
        #expect(!report.contains(#"id="note-1-timeline""#))
        for link in [##"<a href="#note-1">the top</a>"##, ##"<a href="#note-1-timeline-1">the second</a>"##, ##"<a href="#note-1-timeline-1">its second</a>"##] {
            #expect(report.contains(link), "\(link)")
        }
        #expect(report.contains("and none."))
        let findings = WorkspaceChecker.check(workspace.load()).items.filter { $0.code == HeadingLinkRule.code }.sorted().rendered(relativeTo: workspace.root)
        #expect(findings == [
            "a/notes/01-timeline.md:5:64: warning: the link to #timeline-2 leads to no heading of this note, so a report shows only the link's text; did you mean #timeline-1?",
        ], "\(findings)")
    }

    @Test("a note's relative links lead where the site shows their target: a note of its project to its anchor, another project's note to that page's anchor, a project's files to their sections; an image, an attachment, a missing note and what the audience does not see stay as text")
    func relativeLinksInNotes() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("a", visibility: "public", tlp: "clear")
        try workspace.addProject("b", visibility: "public", tlp: "clear")
        try workspace.addProject("c")
        try workspace.write("a/notes/01-links.md", """
            # Links

            See [the follow-up](02-follow-up.md#details), [the list](../indicators.json), [the case](../),
            [the detail](../../b/notes/02-detail.md), [b](../../b/project.json), [every case](../../),
            [gone](09-gone.md), [the log](attachments/log.txt), ![the panel](img/panel.png) and ![](img/x.png),
            [the draft](03-draft.md) and [the vendor](https://www.example.com/report).

            ## Time line: first steps

            Back to [the top](#links), on to [the next steps](#next-steps), [the details](02-follow-up.md#the-details)
            and [nowhere](#nowhere).

            ## Next steps

            ## Next steps
            """)
        try workspace.write("a/notes/02-follow-up.md", "# Follow-up\n\n## The details\n\nDetails.\n")
        try workspace.write("a/notes/03-draft.md", "---\nvisibility: private\n---\n# Draft\n\nSecret plans.\n")
        try workspace.write("b/notes/01-summary.md", "# Summary\n\nSummary.\n")
        try workspace.write("b/notes/02-detail.md", "# Detail\n\nDetail.\n")
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Internal first: the public build is refused while the public note links the draft.
        for audience in [Audience.internal, .public] {
            if audience == .public {
                // The link to the private draft would publish its file name (public exports
                // carry the note as written): refused, until the public note names it no more.
                #expect(throws: BuildFailure.self) { try SiteBuild.run(root: workspace.root, audience: .public, out: folder + "/refused") }
                let links = try String(contentsOfFile: workspace.path("a/notes/01-links.md"), encoding: .utf8)
                try workspace.write("a/notes/01-links.md", links.replacingOccurrences(of: "[the draft](03-draft.md)", with: "the draft"))
            }
            _ = try SiteBuild.run(root: workspace.root, audience: audience, out: folder + "/\(audience)")
            let report = String(decoding: SiteFiles(folder + "/\(audience)").bytes("projects/a/index.html"), as: UTF8.self)
            for link in [##"<a href="#note-2">the follow-up</a>"##, ##"<a href="#by-classification">the list</a>"##, ##"<a href="#">the case</a>"##,
                ##"<a href="../b/index.html#note-2">the detail</a>"##, ##"<a href="../b/index.html">b</a>"##, ##"<a href="../../index.html">every case</a>"##,
                ##"<a href="https://www.example.com/report">the vendor</a>"##] {
                #expect(report.contains(link), "\(audience): \(link)")
            }
            #expect(report.contains("gone, the log, the panel and img/x.png,"), "\(audience)")
            // Headings get the ids a git host gives them, under the note's: links to them lead there.
            for heading in [#"<h4 id="note-1-time-line-first-steps">"#, #"<h4 id="note-1-next-steps">"#, #"<h4 id="note-1-next-steps-1">"#,
                #"<h4 id="note-2-the-details">"#] {
                #expect(report.contains(heading), "\(audience): \(heading)")
            }
            for link in [##"<a href="#note-1-next-steps">the next steps</a>"##, ##"<a href="#note-2-the-details">the details</a>"##] {
                #expect(report.contains(link), "\(audience): \(link)")
            }
            // The note's leading heading is its title, shown apart: a link to it leads to the note.
            #expect(report.contains("and nowhere.") && report.contains(##"Back to <a href="#note-1">the top</a>,"##), "\(audience)")
            for gone in ["09-gone", "attachments/", "img/panel"] { #expect(!report.contains(gone), "\(audience): \(gone)") }
            // A private note is a link only where it is shown, and never named where it is not.
            #expect(report.contains(##"<a href="#note-3">the draft</a>"##) == (audience == .internal), "\(audience)")
            #expect(report.contains("03-draft") == false, "\(audience)")
            let markdown = String(decoding: SiteFiles(folder + "/\(audience)").bytes("projects/a/report.md"), as: UTF8.self)
            #expect(markdown.contains("[the follow-up](#note-2)") && markdown.contains(##"<a id="note-2"></a>"##), "\(audience)")
            #expect(markdown.contains("[the next steps](#note-1)") && markdown.contains("[the details](#note-2)"), "\(audience)")
        }
        // A report alone has no other project's page to lead to.
        let alone = try ReportBuild.run(root: workspace.root, slug: "a", format: .html, audience: .internal, options: ReportOptions()).text
        #expect(alone.contains(##"<a href="#note-2">the follow-up</a>"##) && alone.contains("the detail, b,") && !alone.contains("../b/"), "\(alone)")
    }

    @Test("a link written with no text shows what it leads to: the note's or the project's title (with the project's, in another project), as the audience sees it; else its destination as written")
    func textlessLinksShowTheirTarget() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("a", visibility: "public", tlp: "clear")
        try workspace.addProject("b", visibility: "public", tlp: "clear")
        try workspace.write("a/project.json", #"{ "title": "Case A", "visibility": "public", "tlp": "clear" }"#)
        try workspace.write("b/project.json", #"{ "title": "Case B", "visibility": "public", "tlp": "clear" }"#)
        try workspace.write("a/notes/01-links.md", """
            # Links

            See [](02-follow-up.md), [](../indicators.json), [](../../b/notes/01-detail.md), [](../../b/) and [](09-gone.md).
            """)
        try workspace.write("a/notes/02-follow-up.md", "---\ntitle: The follow-up\n---\nDetails.\n")
        try workspace.write("b/notes/01-detail.md", "# Detail of B\n\nDetail.\n")
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: folder)
        let report = String(decoding: SiteFiles(folder).bytes("projects/a/index.html"), as: UTF8.self)
        #expect(report.contains(##"See <a href="#note-2">The follow-up</a>, <a href="#by-classification">Indicators</a>, "##
            + ##"<a href="../b/index.html#note-1">Case B: Detail of B</a>, <a href="../b/index.html">Case B</a> and 09-gone.md."##), "\(report)")
        let markdown = String(decoding: SiteFiles(folder).bytes("projects/a/report.md"), as: UTF8.self)
        #expect(markdown.contains("See [The follow-up](#note-2), [Indicators](#by-classification), "), "\(markdown)")
        // A report alone leads nowhere in another project, and names it by its title, not its path.
        let alone = try ReportBuild.run(root: workspace.root, slug: "a", format: .md, audience: .public, options: ReportOptions()).text
        #expect(alone.contains("Case B: Detail of B, Case B and 09-gone.md.") && !alone.contains("../b/"), "\(alone)")
    }

    @Test("a build stages in the emptied folders of the site it last replaced, kept beside it (not an internal site's beside a public one); the site holds nothing of them but the folders it needs, none named after a project it does not show")
    func spareFolders() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("open-case", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "evil.example", "type": "domain", "tags": ["Seen"] } ] }"#)
        try workspace.addProject("secret-case", indicators: #"{ "indicators": [ { "value": "other.example", "type": "domain", "tags": ["Hidden tag"] } ] }"#)
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/site"
        let spare = folder + "/.site.dossier-spare"
        func paths(_ root: String) throws -> Set<String> { Set(try FileManager.default.subpathsOfDirectory(atPath: root)) }
        func isFolder(_ path: String) -> Bool {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        }
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: out)
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        // An internal site a public one replaced is not kept: its folders are named after private projects.
        #expect(!FileManager.default.fileExists(atPath: spare))
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out)
        // The public site, emptied: its folders only, its owner's alone.
        let kept = try paths(spare)
        #expect(kept.contains("projects/open-case") && !kept.contains { $0.contains("secret-case") } && kept.allSatisfy { isFolder(spare + "/" + $0) }, "\(kept)")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: spare)[.posixPermissions] as? Int)
        #expect(mode == 0o700)
        // Whatever else a spare holds is not taken either.
        try FileManager.default.createDirectory(atPath: spare + "/projects/planted", withIntermediateDirectories: true)
        try Data("planted".utf8).write(to: URL(fileURLWithPath: spare + "/projects/open-case/planted.html"))
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out, incremental: false)
        let site = try paths(out)
        #expect(!site.contains { $0.contains("secret-case") || $0.contains("hidden-tag") || $0.contains("planted") }, "\(site)")
        let clean = folder + "/clean"
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: clean)
        #expect(site == (try paths(clean)))
        #expect(try paths(spare).allSatisfy { isFolder(spare + "/" + $0) })
    }

    @Test("a symbolic link where the spare folders would be is not followed: the folder it leads to keeps every file")
    func spareLinkNotFollowed() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("open-case", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "evil.example", "type": "domain" } ] }"#)
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let elsewhere = folder + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere + "/projects", withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: elsewhere + "/precious.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/.site.dossier-spare", withDestinationPath: elsewhere)
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: folder + "/site")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: elsewhere)) == ["precious.txt", "projects"])
        #expect(FileManager.default.fileExists(atPath: folder + "/site/projects/open-case/index.html"))
    }

    @Test("a relative path is resolved from the note's folder as a git host does: decoded once (a plus is a plus), climbing no higher than the workspace; a prose that may climb is told by every form CommonMark or a path decodes")
    func relativePaths() {
        let base = ["acme", "notes"]
        #expect(RelativeLink.resolve("c++-notes.md#Top%20part", from: base)! == (["acme", "notes", "c++-notes.md"], "Top part"))
        #expect(RelativeLink.resolve("./../../other/notes/%30%31.md", from: base)!.path == ["other", "notes", "01.md"])
        #expect(RelativeLink.resolve("../../../etc/passwd", from: base) == nil)
        for absolute in ["https://x.example/a", "mailto:a@x.example", "/acme/notes/01.md", "//x.example/a", "#top"] {
            #expect(RelativeLink.resolve(absolute, from: base) == nil, "\(absolute)")
        }
        func climbs(_ body: String) -> Bool {
            var project = Project(slug: "acme", folder: "/w/acme", title: "Acme")
            project.notes = [Note(fileName: "01.md", path: "/w/acme/notes/01.md", body: body)]
            return NoteLinks.mayLinkElsewhere(project)
        }
        for written in ["[b](../../b/)", #"[b](..\/..\/b/)"#, #"[b](.\./.\./b/)"#, "[b](&#46;&#46;/&#46;&#46;/b/)", "[b](&period;&period;&sol;b)", "[b](%2E%2E/%2E%2E/b/)", "[b](..%2F..%2Fb)",
                        "[b](&percnt;2E&percnt;2E/&percnt;2E&percnt;2E/b/)"] {
            #expect(climbs(written), "\(written)")
        }
        #expect(!climbs("An ellipsis... and [a note](02.md)."))
    }
}
