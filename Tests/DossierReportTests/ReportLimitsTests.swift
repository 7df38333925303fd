import DossierCore
import DossierTestSupport
import Foundation
import Testing
@testable import DossierReport

/// Issue 7's limits for reports and the site: what a page shows per indicator is bounded, so that
/// one indicator with 100,000 tags, or recorded in 100,000 projects, gives output linear in the
/// data (measured figures in SECURITY.md), and a build that is killed or fails never loses the
/// previous site.
@Suite("Report limits")
struct ReportLimitsTests {
    static func workspace(projects: Int, tags: Int) -> Workspace {
        let list = (0..<projects).map { n in
            Project(slug: "p\(n)", folder: "/w/p\(n)", title: "Project \(n)", visibility: .public, tlp: .clear,
                indicators: [Indicator(value: "shared.example", type: .domain, tags: (0..<tags).map { "tag-\($0)" })])
        }
        return Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: list)
    }

    @Test("a row shows 50 tags, then how many more; groups still list every tag")
    func tagCap() {
        let workspace = Self.workspace(projects: 1, tags: 120)
        let report = ProjectReport(project: workspace.projects[0], workspace: workspace, index: IndicatorIndex(workspace),
            audience: .public, options: ReportOptions())
        let row = report.classificationGroups.first?.rows.first
        #expect(row?.tags.count == 51)
        #expect(row?.tags.last == "+70 more")
        #expect(row?.tags.first == "tag-0")
        #expect(report.tagGroups.count == 120)
    }

    @Test("on a tag's page of the site, a row past 50 tags shows that tag among them")
    func tagPageShowsItsTag() throws {
        let workspace = Self.workspace(projects: 1, tags: 120)
        let model = SiteModel(workspace: workspace, audience: .public, options: ReportOptions())
        for position in 0..<model.listingCount {
            let (path, page) = model.listing(at: position)
            guard let tag = page.tag else { continue }
            let tags = try #require(page.rows.first?.tags, "\(path)")
            #expect(tags.count == 51 && tags.last == "+70 more" && tags.contains(tag), "\(path): \(tags.suffix(3))")
        }
        #expect((0..<model.listingCount).contains { model.listing(at: $0).page.tag == "tag-99" })
    }

    @Test("a pager links the first, last and nearby pages, with gaps for the rest", arguments: [
        (1, 1, "[1]"), (3, 6, "1 2 [3] 4 5 6"),
        (5, 10, "1 … 3 4 [5] 6 7 … 10"), (1, 300, "[1] 2 3 … 300"), (300, 300, "1 … 298 299 [300]"), (150, 300, "1 … 148 149 [150] 151 152 … 300"),
    ])
    func pager(_ current: Int, _ count: Int, _ expected: String) {
        let links = SiteModel.pageLinks(current: current, count: count) { "page-\($0).html" }
        let shown = links.map { $0.isGap ? "…" : $0.isCurrent ? "[\($0.number)]" : "\($0.number)" }.joined(separator: " ")
        #expect(shown == expected)
        #expect(links.allSatisfy { $0.isGap ? $0.href.isEmpty : $0.href == "page-\($0.number).html" })
    }

    @Test("also seen in lists 20 projects, then how many more; the site counts them once")
    func alsoSeenCap() {
        let workspace = Self.workspace(projects: 30, tags: 0)
        let index = IndicatorIndex(workspace)
        let report = ProjectReport(project: workspace.projects[3], workspace: workspace, index: index, audience: .public,
            options: ReportOptions(), position: 3, projectCounts: AlsoSeen.projectCounts(index.repeated))
        let links = report.classificationGroups.first?.rows.first?.alsoSeenIn ?? []
        #expect(links.count == 21)
        #expect(links.prefix(20).map(\.slug) == (0..<21).filter { $0 != 3 }.map { "p\($0)" })
        #expect(links.last?.title == "and 9 more")
        // The same without the site's precomputed counts (a single report).
        let single = ProjectReport(project: workspace.projects[3], workspace: workspace, index: index, audience: .public, options: ReportOptions())
        #expect(single.classificationGroups.first?.rows.first?.alsoSeenIn == links)
        // Few enough: every project, no "more".
        let small = Self.workspace(projects: 21, tags: 0)
        let all = ProjectReport(project: small.projects[0], workspace: small, index: IndicatorIndex(small), audience: .public, options: ReportOptions())
        #expect(all.classificationGroups.first?.rows.first?.alsoSeenIn.map(\.slug) == (1..<21).map { "p\($0)" })
    }

    @Test("shares by classification add up to 100 by largest remainder, but equal counts always show equal shares, and a larger count never a smaller one", arguments: [
        ([1, 1, 1], [33, 33, 33]),
        ([2, 5, 2, 5], [14, 36, 14, 36]),
        ([1, 2], [33, 67]),
        ([1, 1, 2], [25, 25, 50]),
        ([3, 3, 1], [43, 43, 14]),
        ([1, 0, 199], [0, 0, 100]),
        ([0, 0, 0], [0, 0, 0]),
    ])
    func equalCountsEqualShares(_ counts: [Int], _ expected: [Int]) {
        let shares = [CountRow].largestRemainder(counts, total: counts.reduce(0, +))
        #expect(shares == expected)
        var random = SplitMix64(seed: UInt64(counts.count))
        for _ in 0..<500 {
            let counts = (0..<random.int(1...5)).map { _ in random.int(0...12) }
            let shares = [CountRow].largestRemainder(counts, total: counts.reduce(0, +))
            for a in counts.indices {
                for b in counts.indices where counts[a] >= counts[b] {
                    #expect(counts[a] == counts[b] ? shares[a] == shares[b] : shares[a] >= shares[b], "\(counts) \(shares)")
                }
            }
            // Without equal counts, exactly 100.
            let positive = counts.filter { $0 > 0 }
            #expect(positive.isEmpty || Set(positive).count < positive.count || shares.reduce(0, +) == 100, "\(counts) \(shares)")
        }
    }

    @Test("deeply nested emphasis renders in linear time, keeping its text")
    func deepEmphasis() {
        func note(_ n: Int) -> String { String(repeating: "*a **b ", count: n) + String(repeating: " c** d*", count: n) }
        let growth = Growth.ratio(from: 2_000) { n in
            _ = CommonMark.commonMark(note(n))
            _ = CommonMark.html(note(n))
        }
        #expect(growth.ratio < 8, "\(4 * growth.n) levels took \(growth.ratio)x as long as \(growth.n)")
        let html = CommonMark.html(note(40))
        #expect(html.components(separatedBy: "<em>").count - 1 + html.components(separatedBy: "<strong>").count - 1 == CommonMark.maximumEmphasisDepth)
        #expect(html.components(separatedBy: "b").count - 1 == 40)
        #expect(CommonMark.html("*a **b** c*") == "<p><em>a <strong>b</strong> c</em></p>\n")
    }

    @Test("one row of many tags is grouped in linear time, each tag once whatever its case")
    func manyTagsOneRow() {
        func tags(_ n: Int) -> [String] { (0..<n).map { "Tag \($0)" } }
        func seconds(_ n: Int) -> Double {
            let row = tags(n)
            let start = DispatchTime.now().uptimeNanoseconds
            _ = TagGrouping([(row, 0)], vocabulary: Vocabulary([]))
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        // Timed in turn, three times over, the lowest ratio kept (other suites share the cores);
        // looking back over every earlier tag made this one grow as the square.
        let ratio = (0..<3).map { _ in seconds(20_000) / max(seconds(5_000), 1e-6) }.min() ?? 0
        #expect(ratio < 8, "20,000 tags took \(ratio)x as long as 5,000")
        // Four tags are looked back over, 25 go through a set: the same groups either way, under
        // the first spelling met.
        let few = TagGrouping([(["Blocked", "blocked", "C2", "BLOCKED"], 7)], vocabulary: Vocabulary([]))
        #expect(few.groups.map(\.name) == ["Blocked", "C2"])
        let many = TagGrouping([(["Blocked", "blocked"] + tags(20) + ["c2", "C2", "TAG 3"], 7)], vocabulary: Vocabulary([]))
        #expect(many.groups.map(\.name) == ["Blocked", "c2"] + tags(20).sorted { Tag.key($0) < Tag.key($1) })
        #expect((few.groups + many.groups).allSatisfy { $0.rows == [7] })
    }

    @Test("a slug spells accented and non-Latin letters in Latin ones", arguments: [
        ("Ünïcødé tag", "unicode-tag"), ("Crème brûlée", "creme-brulee"), ("Łódź", "lodz"), ("日本", "ri-ben"),
        ("misp-galaxy:threat-actor=\"Sednit\"", "misp-galaxy-threat-actor-sednit"), ("☃", "tag"),
    ])
    func slugs(_ name: String, _ expected: String) {
        #expect(Anchors.slug(name) == expected)
    }

    @Test("a tag that comes or goes moves no other tag's page name, unless it is written as the name or held it: a clash is told apart by the name's own hash, not by numbers in order")
    func slugsStayPut() {
        func hashed(_ name: String, _ length: Int = 6) -> String { "feed-bulk-" + SHA256.hex(Array(name.utf8)).prefix(length) }
        let before = Anchors.uniqueSlugs(["feed bulk", "feed-bulk", "feed: bulk"])
        // The tag written as the page name has it, whichever sorts first.
        #expect(before == ["feed-bulk": "feed-bulk", "feed bulk": hashed("feed bulk"), "feed: bulk": hashed("feed: bulk")])
        // "Feed bulk 2" slugs as feed-bulk-2: it took the second name's page when they were numbered.
        let added = Anchors.uniqueSlugs(["feed bulk", "feed bulk 2", "feed-bulk", "feed: bulk"])
        #expect(added["feed bulk 2"] == "feed-bulk-2")
        for name in before.keys { #expect(added[name] == before[name], "\(name)") }
        // One that sorts first, coming or going, moves none either.
        let first = Anchors.uniqueSlugs(["feed  bulk", "feed bulk", "feed-bulk", "feed: bulk"])
        for name in before.keys { #expect(first[name] == before[name], "\(name)") }
        let gone = Anchors.uniqueSlugs(["feed-bulk", "feed: bulk"])
        #expect(gone["feed: bulk"] == before["feed: bulk"] && gone["feed-bulk"] == "feed-bulk")
        // Without the one written as the name, the first has it.
        #expect(Anchors.uniqueSlugs(["feed bulk", "feed: bulk"]) == ["feed bulk": "feed-bulk", "feed: bulk": hashed("feed: bulk")])
        // A name slugged as another's suffix keeps it; that other takes a longer one.
        let taken = Anchors.uniqueSlugs([hashed("feed: bulk"), "feed-bulk", "feed: bulk"])
        #expect(taken[hashed("feed: bulk")] == hashed("feed: bulk") && taken["feed: bulk"] == hashed("feed: bulk", 8), "\(taken)")
    }

    @Test("unique slugs for many clashing tags take linear time")
    func clashingSlugs() {
        // Names that differ only in characters a slug drops (private-use ones have no Latin
        // letters): all of them slug to "tag".
        let clashing = (0..<3_000).map { "tag" + String(UnicodeScalar(0xE000 + $0) ?? "x") }
        let slugs = Anchors.uniqueSlugs(clashing)
        #expect(Set(slugs.values).count == clashing.count)
        #expect(slugs[clashing[0]] == "tag" && slugs[clashing[1]] == "tag-" + SHA256.hex(Array(clashing[1].utf8)).prefix(6))
        let start = DispatchTime.now().uptimeNanoseconds
        _ = Anchors.uniqueSlugs((0..<40_000).map { "tag" + String(UnicodeScalar(0xE000 + $0 % 6_000) ?? "x") + String(repeating: "\u{2603}", count: $0 / 6_000) })
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        #expect(seconds < 10, "40,000 clashing slugs took \(seconds) s")
    }

    @Test("a build removes what interrupted builds of the same site left (their process is gone), not a running build's folder nor another site's")
    func abandonedStagingRemoved() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A pid no process has (above the kernel's limit), this process's parent (running), and
        // another site's leftover.
        let gone = Int32(Int(try String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))! + 1)
        let names = [".site.dossier-build-\(gone)", ".site.dossier-build-\(gone)-old", ".site.dossier-build-\(getppid())",
                     ".other.dossier-build-\(gone)", "site"]
        for name in names { try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true) }
        OutputFolder.removeAbandoned(besides: folder + "/site")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == [".site.dossier-build-\(getppid())", ".other.dossier-build-\(gone)", "site"])
        // A crash between the two renames of a swap left the old site aside and none in place: it is put back.
        try FileManager.default.removeItem(atPath: folder + "/site")
        try FileManager.default.createDirectory(atPath: folder + "/.site.dossier-build-\(gone)-old", withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: folder + "/.site.dossier-build-\(gone)-old/index.html"))
        OutputFolder.removeAbandoned(besides: folder + "/site")
        #expect(FileManager.default.contents(atPath: folder + "/site/index.html") == Data("old".utf8))
    }

    @Test("a build's staging folder is its owner's alone while written (a killed build leaves it beside a site a web server may serve); the site it becomes has a new folder's mode")
    func stagingIsPrivateUntilItIsTheSite() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func mode(_ path: String) throws -> Int {
            ((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? Int ?? -1) & 0o777
        }
        let out = folder + "/site"
        let staging = try OutputFolder.makeStaging(for: out)
        #expect(try mode(staging) == 0o700)
        try OutputFolder.replace(out, with: staging)
        let mask = umask(0)
        umask(mask)
        #expect(try mode(out) == 0o755 & ~Int(mask))
    }

    @Test("replacing the output folder swaps it whole: new content, nothing of the old left beside it but its emptied folders, kept for the next build")
    func replaceSwaps() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/site", staging = folder + "/.site.dossier-build-1"
        for (path, text) in [(out, "old"), (staging, "new")] {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/index.html"))
        }
        try OutputFolder.replace(out, with: staging)
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/index.html")), as: UTF8.self) == "new")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == ["site", ".site.dossier-spare"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/.site.dossier-spare").isEmpty)
        #if os(Linux)
        #expect(OutputFolder.exchange(folder + "/missing", out) == false)
        #endif
    }

    @Test("removing a site removes every file and folder at every depth, and follows no link out of it")
    func removeTree() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outside = folder + "/keep"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: URL(fileURLWithPath: outside + "/file"))
        let site = folder + "/site"
        for path in ["", "/projects/a", "/projects/b/deeper/still", "/tags", "/empty/empty"] {
            try FileManager.default.createDirectory(atPath: site + path, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: site + path + "/index.html"))
        }
        try FileManager.default.removeItem(atPath: site + "/empty/empty/index.html")
        try FileManager.default.createSymbolicLink(atPath: site + "/projects/link", withDestinationPath: outside)
        OutputFolder.remove(site)
        #expect(!FileManager.default.fileExists(atPath: site))
        #expect(try String(contentsOfFile: outside + "/file", encoding: .utf8) == "kept")
    }

    @Test("a page that cannot be written fails the build with the system's reason, naming the file")
    func writeFailure() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/projects"))
        #expect {
            try OutputFolder.writeFile(Array("page".utf8), at: folder + "/projects/p/index.html")
        } throws: { error in
            let message = (error as? BuildFailure)?.message ?? ""
            return message.contains(folder + "/projects") && message.contains("a file of that name exists")
        }
    }
}
