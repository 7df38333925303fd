import DossierCore
import Foundation
import Testing

/// Issue 7's limits end to end: hostile sizes finish, in time linear in the data, with output
/// bounded per indicator; files over the size bound are refused with a clear error. (The 100,000
/// tags and 100,000 projects figures, measured on a release build, are in SECURITY.md; CI runs
/// smaller sizes of the same shapes on a debug build.)
@Suite("Limits, end to end")
struct LimitsEndToEndTests {
    /// 300 public projects sharing one indicator, one indicator with 5,000 tags, a 1 MB single-line note.
    static func hostileWorkspace(_ root: String) throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data(CanonicalJSON.workspaceFile(WorkspaceSettings(title: "Hostile"))).write(to: URL(fileURLWithPath: root + "/dossier.json"))
        for n in 0..<300 {
            let slug = String(format: "p%03d", n)
            let tags = n == 0 ? (0..<5_000).map { "tag-\($0)" } : ["Blocked"]
            let project = Project(slug: slug, folder: root + "/" + slug, title: "Project \(n)", visibility: .public, tlp: .clear,
                indicators: [Indicator(value: "shared.example", type: .domain, tags: tags),
                             Indicator(value: "10.0.\(n / 256).\(n % 256)", type: .ipv4)])
            try FileManager.default.createDirectory(atPath: project.notesFolder, withIntermediateDirectories: true)
            try Data(CanonicalJSON.projectFile(project)).write(to: URL(fileURLWithPath: project.projectFile))
            try Data(CanonicalJSON.indicatorsFile(project)).write(to: URL(fileURLWithPath: project.indicatorsFile))
        }
        var line = ""
        var i = 0
        while line.utf8.count < 1 << 20 {
            line += "hxxp://evil\(i)[.]example/a 192.0.2.\(i % 250) shared.example word "
            i += 1
        }
        try Data(("# Long\n\n" + line + "\n").utf8).write(to: URL(fileURLWithPath: root + "/p000/notes/01-long.md"))
    }

    @Test("a hostile workspace checks, builds and reports in bounded time and size")
    func hostile() throws {
        let folder = try TemporaryCopy()
        try Self.hostileWorkspace(folder.root)
        let started = Date()
        let check = try CLI.run(["check", "--quiet"], in: folder.root)
        #expect(check.status == 0, "\(check.stderr.suffix(500))")
        let build = try CLI.run(["build", "--quiet"], in: folder.root)
        #expect(build.status == 0, "\(build.stderr.suffix(500))")
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 120, "check and build took \(seconds) s")
        // Per indicator, a page shows 50 tags and 20 other projects at most.
        let page = folder.read("site/projects/p000/index.html")
        #expect(page.contains("+4950 more"))
        #expect(page.contains("and 279 more"))
        #expect(page.utf8.count < 40 << 20, "\(page.utf8.count) bytes")
        let add = try CLI.run(["add", "p000", "shared.example", "--tag", "One more"], in: folder.root)
        #expect(add.status == 0, "\(add.stderr)")
    }

    @Test("a file to import over the size bound is refused, naming it, and nothing is written")
    func oversizedImport() throws {
        let folder = try TemporaryCopy(of: CLI.repository + "/sample-projects")
        let file = (folder.root as NSString).deletingLastPathComponent + "/huge.txt"
        _ = FileManager.default.createFile(atPath: file, contents: nil)
        let fd = open(file, O_WRONLY)
        ftruncate(fd, off_t(Limits.fileSize + 1))
        close(fd)
        let before = Snapshot(folder.root)
        let result = try CLI.run(["import", "acme-payroll-phish", file], in: folder.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read \(file): file is too large (257 MB); dossier reads files of up to 256 MB"), "\(result.stderr)")
        #expect(Snapshot(folder.root) == before)
    }
}
