import DossierCore
import DossierTestSupport
import Foundation
import Testing
@testable import DossierReport

/// Incremental builds (issue 6): after any kind of input change, a build that reuses the previous
/// output must equal a clean build byte for byte, and must still reuse what did not change.
@Suite("Incremental build")
struct IncrementalBuildTests {
    /// One kind of input change, made to a copy of the sample workspace.
    struct Change: Sendable, CustomTestStringConvertible {
        var testDescription: String
        /// Whether some files should still be reused after it, per audience.
        var reusesSome: @Sendable (Audience) -> Bool = { _ in true }
        /// What the workspace is made to hold before the first build, if anything.
        var prepare: @Sendable (Sample) throws -> Void = { _ in }
        var apply: @Sendable (Sample) throws -> Void
    }

    /// A copy of sample-projects in a temporary folder, and a folder for sites beside it.
    final class Sample: Sendable {
        let folder: String
        var root: String { folder + "/workspace" }

        init() throws {
            folder = try TemporaryFolder.make()
            try FileManager.default.copyItem(atPath: SiteBuildTests.sampleRoot, toPath: root)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        func replace(_ old: String, with new: String, in relative: String) throws {
            let path = root + "/" + relative
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(old), "\(relative) does not contain \(old)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }

        func write(_ text: String, to relative: String) throws {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// An incremental build also takes unchanged projects from a project cache beside the
        /// workspace, so that every kind of change below is held against the cache too; a clean
        /// build loads everything from the files.
        func build(_ audience: Audience, _ site: String, incremental: Bool = true) throws -> SiteBuild.Summary {
            try SiteBuild.run(root: root, audience: audience, out: folder + "/" + site, incremental: incremental,
                cache: incremental ? ProjectCache(base: folder + "/cache", root: root) : nil)
        }

        /// Every file of a built site, the build record included (it is as deterministic as the pages).
        func files(_ site: String) -> [String: Data] {
            let files = SiteFiles(folder + "/" + site)
            var result: [String: Data] = [:]
            for path in files.files { result[path] = files.bytes(path) }
            return result
        }
    }

    static let changes: [Change] = [
        Change(testDescription: "an indicator's comment in a public project") {
            try $0.replace("Research sinkhole; a connection to it means an infected host", with: "Sinkhole run by a researcher",
                in: "commodity-loader-c2/indicators.json")
        },
        Change(testDescription: "an indicator's classification") {
            try $0.replace(#""classification": "suspicious""#, with: #""classification": "unknown""#, in: "commodity-loader-c2/indicators.json")
        },
        Change(testDescription: "a private indicator's comment (the public site does not show it)") {
            try $0.replace("Seen from one internal host only; no third-party confirmation yet", with: "Seen on two hosts",
                in: "commodity-loader-c2/indicators.json")
        },
        Change(testDescription: "a project's title (shown in other projects' \"also seen in\" and on listings)") {
            try $0.replace(#""title": ""#, with: #""title": "Renamed: "#, in: "vpn-bruteforce-2026/project.json")
        },
        Change(testDescription: "a note's text") {
            try $0.replace("# HollowPost loader", with: "# HollowPost loader, revised", in: "commodity-loader-c2/notes/01-overview.md")
        },
        Change(testDescription: "a private note's text") {
            try $0.replace("title: Internal sightings", with: "title: Internal sightings, revised",
                in: "commodity-loader-c2/notes/04-internal-sightings.md")
        },
        // The settings are part of every key: all is made again.
        Change(testDescription: "a tag's description in the vocabulary", reusesSome: { _ in false }) {
            try $0.replace("Host or IP blocked by a web or email gateway", with: "Blocked at the gateway", in: "dossier.json")
        },
        Change(testDescription: "the workspace's title", reusesSome: { _ in false }) {
            try $0.replace("ACME Threat Intelligence", with: "ACME CTI", in: "dossier.json")
        },
        Change(testDescription: "a template of the workspace (every page again; exports reused)") {
            let builtIn = try String(contentsOfFile: TemplateSet.builtInFolder! + "/report.md.mustache", encoding: .utf8)
            try $0.write(builtIn + "\nEdited template.\n", to: "templates/report.md.mustache")
        },
        Change(testDescription: "a private project made public") {
            try $0.replace(#""visibility": "private""#, with: #""visibility": "public""#, in: "typosquat-watch/project.json")
            try $0.replace(#""tlp": "green""#, with: #""tlp": "clear""#, in: "typosquat-watch/project.json")
        },
        Change(testDescription: "a new project") {
            try $0.write(#"{ "title": "New case", "visibility": "public", "tlp": "clear" }"#, to: "new-case/project.json")
            try $0.write(#"{ "indicators": [ { "value": "cdn-update.test", "type": "domain", "tags": ["C2"] } ] }"#, to: "new-case/indicators.json")
        },
        Change(testDescription: "an indicator recorded in a second project (a new \"also seen in\" elsewhere)") {
            try $0.replace(#""indicators": ["#, with: #""indicators": [ { "value": "192.0.2.250", "type": "ipv4", "tags": ["Scanner"] },"#,
                in: "vpn-bruteforce-2026/indicators.json")
        },
        Change(testDescription: "a shared indicator reclassified in another project (its \"also seen in\" says how)") {
            try $0.replace(#""value": "198.51.100.200",\#n      "type": "ipv4",\#n      "classification": "malicious""#,
                with: #""value": "198.51.100.200",\#n      "type": "ipv4",\#n      "classification": "non-malicious""#,
                in: "ransomware-negotiation-portal/indicators.json")
        },
        Change(testDescription: "a domain another project's note links into recorded as malicious (the link becomes text)") {
            try $0.replace(#""indicators": ["#, with: #""indicators": [ { "value": "example.com", "type": "domain", "classification": "malicious" },"#,
                in: "commodity-loader-c2/indicators.json")
        },
        Change(testDescription: "a tag whose page name clashes with another tag's") {
            try $0.replace(#""Abuse Box","#, with: #""Abuse Box", "(Quarantine)","#, in: "vpn-bruteforce-2026/indicators.json")
        },
        Change(testDescription: "a project's TLP (the banner of an internal report naming it is raised to it)") {
            try $0.replace(#""tlp": "red""#, with: #""tlp": "amber""#, in: "build-plugin-supply-chain/project.json")
        },
        Change(testDescription: "a note added before the note another project's note links to (its anchor moves)") {
            try $0.write("---\ntitle: First\n---\nFirst.\n", to: "vpn-bruteforce-2026/notes/00-first.md")
        },
        Change(testDescription: "a note another project's note links to renamed (the link becomes text)") {
            try FileManager.default.moveItem(atPath: $0.root + "/vpn-bruteforce-2026/notes/01-summary.md", toPath: $0.root + "/vpn-bruteforce-2026/notes/01-overview.md")
        },
        Change(testDescription: "the title of a note another project's note links to with no text (the link shows it)", prepare: {
            try $0.replace("[VPN brute-force summary](../../vpn-bruteforce-2026/notes/01-summary.md)", with: "[](../../vpn-bruteforce-2026/notes/01-summary.md)",
                in: "commodity-loader-c2/notes/01-overview.md")
        }) {
            try $0.replace("title: Summary", with: "title: Summary, revised", in: "vpn-bruteforce-2026/notes/01-summary.md")
        },
        Change(testDescription: "an image a public note shows (its bytes, in the HTML report)") {
            let path = $0.root + "/commodity-loader-c2/notes/images/sinkhole-connections.png"
            var bytes = try #require(FileManager.default.contents(atPath: path))
            bytes.append(contentsOf: [0, 1, 2])
            try bytes.write(to: URL(fileURLWithPath: path))
        },
        Change(testDescription: "a project removed") {
            try FileManager.default.removeItem(atPath: $0.root + "/vpn-bruteforce-2026")
        },
    ]

    @Test("after each kind of change, an incremental build equals a clean build byte for byte", arguments: changes, Audience.allCases)
    func equalsCleanBuild(_ change: Change, _ audience: Audience) throws {
        let sample = try Sample()
        try change.prepare(sample)
        let first = try sample.build(audience, "site")
        #expect(first.reused == 0)
        try change.apply(sample)
        let incremental = try sample.build(audience, "site")
        let clean = try sample.build(audience, "clean", incremental: false)
        #expect(clean.reused == 0)
        let built = sample.files("site"), expected = sample.files("clean")
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, bytes) in expected where built[path] != bytes {
            Issue.record("\(path) differs from a clean build after \(change.testDescription)")
        }
        #expect(incremental.files == clean.files)
        #expect(incremental.warnings == clean.warnings)
        if change.reusesSome(audience) {
            #expect(incremental.reused > 0, "nothing reused after \(change.testDescription)")
        } else {
            // Nothing but the copies of the notes' images, named and keyed by their content.
            #expect(incremental.reused == incremental.files.count { $0.contains("/images/") })
        }
    }

    @Test("a listing's key names each row's place in decimal, as text would", arguments: [0, 1, 9, 10, 99, 100, 101, 999_999, Int32.max])
    func rowPlaces(_ place: Int32) {
        var bytes: [UInt8] = []
        PageKey.appendDecimal(place, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == String(place))
    }

    @Test("an unchanged workspace rebuilds from the previous build: every page reused")
    func unchangedReusesAll() throws {
        let sample = try Sample()
        let first = try sample.build(.internal, "site")
        let before = sample.files("site")
        let second = try sample.build(.internal, "site")
        // index.json is always written (it lists the files); every other file is reused.
        #expect(second.reused == first.files.count - 1)
        #expect(sample.files("site") == before)
    }

    @Test("each project's listing rows are kept beside its cache entry, per audience; a damaged one is worked out again, and the site is the same")
    func listingRowsKept() throws {
        let sample = try Sample()
        let cache = ProjectCache(base: sample.folder + "/cache", root: sample.root)
        for audience in Audience.allCases { _ = try sample.build(audience, "site-\(audience)") }
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.folder)
        let projects = try FileManager.default.contentsOfDirectory(atPath: sample.root).filter { FileManager.default.fileExists(atPath: sample.root + "/" + $0 + "/project.json") }
        #expect(names.filter { $0.hasSuffix(".entry.rows-internal") }.count == projects.count, "\(names)")
        // The public site's rows are of its projects only.
        #expect(names.filter { $0.hasSuffix(".entry.rows-public") }.count == 2, "\(names)")
        let damaged = cache.folder + "/commodity-loader-c2.entry.rows-internal"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: damaged))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: damaged))
        _ = try sample.build(.internal, "again", incremental: true)
        _ = try sample.build(.internal, "clean", incremental: false)
        #expect(sample.files("again") == sample.files("clean"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: damaged)).count == bytes.count, "written again, whole")
    }

    @Test("a change to one project renders only the pages that show it")
    func oneProjectChange() throws {
        let sample = try Sample()
        let first = try sample.build(.public, "site")
        try sample.replace("# HollowPost loader", with: "# HollowPost loader, revised", in: "commodity-loader-c2/notes/01-overview.md")
        let second = try sample.build(.public, "site")
        // The project's two reports show the note, and its three exports are keyed on its notes
        // too: those 5 files and index.json are written; every other file is reused.
        #expect(second.reused == first.files.count - 6)
    }

    @Test("a public site does not change, record included, when only private material does (a private indicator's comment, a public indicator's source, a private note)")
    func privateChangesLeaveThePublicSite() throws {
        let sample = try Sample()
        _ = try sample.build(.public, "site")
        let before = sample.files("site")
        try sample.replace("Seen from one internal host only", with: "Seen from two internal hosts", in: "commodity-loader-c2/indicators.json")
        try sample.replace("\"source\": \"sandbox\"", with: "\"source\": \"sandbox, ticket 4711\"", in: "commodity-loader-c2/indicators.json")
        try sample.replace("# Internal sightings", with: "# Internal sightings, updated", in: "commodity-loader-c2/notes/04-internal-sightings.md")
        let second = try sample.build(.public, "site")
        #expect(second.reused == second.files.count - 1, "only index.json is written")
        #expect(sample.files("site") == before, "no byte of the public site, .dossier-build included, tells that private material changed")
    }

    @Test("a public build never reuses a file of an internal build in the same folder")
    func publicNeverReusesInternal() throws {
        let sample = try Sample()
        _ = try sample.build(.internal, "site")
        let public1 = try sample.build(.public, "site")
        #expect(public1.reused == 0)
        _ = try sample.build(.public, "clean", incremental: false)
        #expect(sample.files("site") == sample.files("clean"))
        // And back: an internal build after a public one renders everything again.
        #expect(try sample.build(.internal, "site").reused == 0)
    }

    @Test("a site built by another version of dossier is not reused")
    func otherVersion() throws {
        let sample = try Sample()
        _ = try sample.build(.public, "site")
        let record = sample.folder + "/site/" + BuildRecord.fileName
        let text = try String(contentsOfFile: record, encoding: .utf8)
        try text.replacingOccurrences(of: "tool dossier \(DossierVersion.current)", with: "tool dossier 0.0.1")
            .write(toFile: record, atomically: true, encoding: .utf8)
        #expect(try sample.build(.public, "site").reused == 0)
    }

    @Test("a page edited by hand in the site (another size), or deleted, is rendered again; a damaged record reuses nothing")
    func editedSite() throws {
        let sample = try Sample()
        let first = try sample.build(.public, "site")
        let clean = sample.files("site")
        let page = sample.folder + "/site/projects/commodity-loader-c2/report.md"
        let handle = try #require(FileHandle(forWritingAtPath: page))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\nedited by hand\n".utf8))
        try handle.close()
        try FileManager.default.removeItem(atPath: sample.folder + "/site/tags/blocked.html")
        let second = try sample.build(.public, "site")
        #expect(second.reused == first.files.count - 3)
        #expect(sample.files("site") == clean)

        try "dossier build record 1\ngarbage".write(toFile: sample.folder + "/site/" + BuildRecord.fileName, atomically: true, encoding: .utf8)
        #expect(try sample.build(.public, "site").reused == 0)
        #expect(sample.files("site") == clean)

        // A site built by another build of dossier, even of the same version: its pages may
        // follow other code, so none is reused.
        let recordPath = sample.folder + "/site/" + BuildRecord.fileName
        let record = try String(contentsOfFile: recordPath, encoding: .utf8)
        let tool = try #require(BuildRecord.currentTool)
        #expect(record.contains("tool \(tool)\n"))
        try record.replacingOccurrences(of: "tool \(tool)\n", with: "tool dossier \(DossierVersion.current) build 0123\n")
            .write(toFile: recordPath, atomically: true, encoding: .utf8)
        #expect(try sample.build(.public, "site").reused == 0)
        #expect(try sample.build(.public, "site").reused == first.files.count - 1)
    }

    @Test("the build record reads back what was written, paths with spaces and any script included; a malformed one is no record")
    func recordRoundTrip() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var entries: [String: BuildRecord.Entry] = [:]
        for (index, path) in ["index.html", "projects/a b/index.html", "tags/сеть 2.html", "tags/x.2.html"].enumerated() {
            entries[path] = BuildRecord.Entry(key: String(repeating: "\(index)", count: 64), bytes: index * 1_000 + 7)
        }
        let record = BuildRecord(audience: .internal, entries: entries)
        try record.text().write(toFile: folder + "/" + BuildRecord.fileName, atomically: true, encoding: .utf8)
        let read = try #require(BuildRecord.read(from: folder))
        #expect(read.entries == entries)
        #expect(read.audience == .internal && read.tool == record.tool)
        for broken in ["dossier build record 1\ntool x\naudience internal\nkey notanumber path\n", "dossier build record 2\n", ""] {
            try broken.write(toFile: folder + "/" + BuildRecord.fileName, atomically: true, encoding: .utf8)
            #expect(BuildRecord.read(from: folder) == nil, "\(broken)")
        }
    }

    @Test("clean renders everything")
    func cleanBuild() throws {
        let sample = try Sample()
        _ = try sample.build(.public, "site")
        #expect(try sample.build(.public, "site", incremental: false).reused == 0)
    }

    @Test("keys: the same model gives the same key; any field, template or audience changes it")
    func keys() throws {
        let templates = try #require(TemplateSet.load(workspaceRoot: "/nonexistent").0)
        let settings = WorkspaceSettings(title: "T", vocabulary: .starter)
        let publicKeys = PageKey(audience: .public, templates: templates, options: ReportOptions(), settings: settings, tagSlugs: ["c2": "c2"])
        let internalKeys = PageKey(audience: .internal, templates: templates, options: ReportOptions(), settings: settings, tagSlugs: ["c2": "c2"])
        let retitled = PageKey(audience: .public, templates: templates, options: ReportOptions(), settings: WorkspaceSettings(title: "U", vocabulary: .starter), tagSlugs: ["c2": "c2"])
        let renamed = PageKey(audience: .public, templates: templates, options: ReportOptions(), settings: settings, tagSlugs: ["c2": "c2-2"])
        let link = ProjectLink(slug: "a", title: "A", href: nil)
        let other = ProjectLink(slug: "a", title: "A ", href: nil)
        #expect(PageKey.digest(of: link) == PageKey.digest(of: link))
        #expect(PageKey.digest(of: link) != PageKey.digest(of: other))
        let digest = PageKey.digest(of: link)
        #expect(publicKeys.page(template: "report.html", model: digest) != internalKeys.page(template: "report.html", model: digest))
        #expect(publicKeys.page(template: "report.html", model: digest) != publicKeys.page(template: "report.md", model: digest))
        #expect(publicKeys.page(template: "report.html", model: digest) != retitled.page(template: "report.html", model: digest))
        #expect(publicKeys.page(template: "report.html", model: digest) != renamed.page(template: "report.html", model: digest))
        #expect(publicKeys.export(.stix, project: digest) != retitled.export(.stix, project: digest))
    }
}

/// The byte stream behind every page key: different values never give the same digest.
@Suite("Digest encoder")
struct DigestEncoderTests {
    struct Sample: Encodable {
        var lists: [[String]]
        var note: String?
        var count: Int
    }

    @Test("values that a naive concatenation would confuse get different digests")
    func unambiguous() {
        let samples = [
            Sample(lists: [["a"], ["b"]], note: nil, count: 1),
            Sample(lists: [["a", "b"]], note: nil, count: 1),
            Sample(lists: [["ab"]], note: nil, count: 1),
            Sample(lists: [["a"], ["b"]], note: "", count: 1),
            Sample(lists: [["a"], ["b"]], note: nil, count: 2),
            Sample(lists: [[], ["a", "b"]], note: nil, count: 1),
            Sample(lists: [], note: nil, count: 1),
        ]
        let digests = samples.map(DigestEncoder.digest(of:))
        #expect(Set(digests).count == samples.count)
        #expect(DigestEncoder.digest(of: samples[0]) == DigestEncoder.digest(of: Sample(lists: [["a"], ["b"]], note: nil, count: 1)))
    }
}

extension DigestEncoderTests {
    /// One change per stored property of `IndicatorRow` (and of `ProjectLink` inside it).
    static let rowChanges: [String: @Sendable (inout IndicatorRow) -> Void] = [
        "value": { $0.value += "x" },
        "type": { $0.type += "x" },
        "classification": { $0.classification += "x" },
        "classificationLabel": { $0.classificationLabel += "x" },
        "tags": { $0.tags.append("x") },
        "tagLinks": { $0.tagLinks[0].href = "#tag-x" },
        "firstSeen": { $0.firstSeen = nil },
        "lastSeen": { $0.lastSeen = nil },
        "comment": { $0.comment = nil },
        "source": { $0.source = nil },
        "isPrivate": { $0.isPrivate.toggle() },
        "alsoSeenIn": { $0.alsoSeenIn[0].href = nil },
        "project": { $0.project?.title += "x" },
        "rendered": { $0.rendered = "<tr></tr>" },
    ]

    @Test("a row's digest covers every stored property: changing any one changes it")
    func rowDigestCoversEveryField() {
        let row = IndicatorRow(
            value: "evil.example", type: "domain", classification: "malicious", classificationLabel: "Malicious", tags: ["C2"], tagLinks: [TagLink(name: "C2", href: "#tag-c2")],
            firstSeen: "2026-01-01", lastSeen: "2026-02-01", comment: "c", source: "s", isPrivate: false,
            alsoSeenIn: [ProjectLink(slug: "a", title: "A", href: "../a/index.html")],
            project: ProjectLink(slug: "b", title: "B", href: "../b/index.html"), rendered: nil)
        let labels = Set(Mirror(reflecting: row).children.compactMap(\.label))
        #expect(labels == Set(Self.rowChanges.keys), "rowChanges must list every stored property of IndicatorRow")
        #expect(Set(Mirror(reflecting: ProjectLink(slug: "", title: "", href: nil)).children.compactMap(\.label))
            == ["slug", "title", "href", "otherClassification", "otherClassificationLabel", "isPrivateThere", "privateLabel"])
        var labelled = row
        labelled.alsoSeenIn[0].privateLabel = "private there"
        #expect(DigestEncoder.digest(of: labelled) != DigestEncoder.digest(of: row))
        let digest = DigestEncoder.digest(of: row)
        for (field, change) in Self.rowChanges {
            var changed = row
            change(&changed)
            #expect(DigestEncoder.digest(of: changed) != digest, "\(field)")
        }
        var swapped = row
        swapped.firstSeen = row.lastSeen
        swapped.lastSeen = row.firstSeen
        #expect(DigestEncoder.digest(of: swapped) != digest)
    }
}
