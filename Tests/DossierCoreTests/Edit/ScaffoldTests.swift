import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

@Suite("init and new")
struct ScaffoldTests {
    @Test("init where a file stands, or below one, says the file is no folder and writes nothing")
    func initOverAFile() throws {
        let root = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/notes.txt"
        try "kept\n".write(toFile: file, atomically: true, encoding: .utf8)
        for folder in [file, file + "/cti"] {
            #expect(throws: Scaffold.Failure.notAFolder(file)) { try Scaffold.initialize(folder: folder) }
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "kept\n")
        #expect(Scaffold.Failure.notAFolder("notes.txt").description == "notes.txt is a file, not a folder: give the name of a new folder or of an existing one; nothing was changed")
    }

    @Test("init writes the starter vocabulary and a .gitignore, and refuses to run twice")
    func initWorkspace() throws {
        let folder = try TemporaryFolder.make() + "/cti"
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        try Scaffold.initialize(folder: folder, title: "ACME Threat Intelligence")
        let loaded = WorkspaceLoader.load(root: folder)
        #expect(loaded.diagnostics.items.isEmpty)
        #expect(loaded.workspace.settings.title == "ACME Threat Intelligence")
        let vocabulary = loaded.workspace.vocabulary
        #expect(vocabulary.definitions.map(\.name) == ["Abuse Box", "Blocked", "Company Name", "Newly Observed", "Quarantine"])
        #expect(vocabulary.definition(of: "blocked")?.classification == .malicious)
        #expect(vocabulary.isPrivate("Company Name"))
        let ignore = try String(contentsOfFile: folder + "/.gitignore", encoding: .utf8)
        #expect(ignore.contains("/site/"))
        #expect(throws: Scaffold.Failure.alreadyWorkspace(folder)) { try Scaffold.initialize(folder: folder) }
        // Nor inside a workspace: in a project folder, or any folder below the workspace.
        try Scaffold.newProject(in: folder, slug: "case-1", title: nil, visibility: .private, tlp: .amber, owner: nil, today: "2026-11-29")
        for inner in [folder + "/case-1", folder + "/case-1/notes/drafts", folder + "/archive"] {
            #expect(throws: Scaffold.Failure.insideWorkspace(inner, workspace: folder)) { try Scaffold.initialize(folder: inner) }
            #expect(!FileManager.default.fileExists(atPath: inner + "/dossier.json"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/archive"), "nothing was created")
        // Nor through a symbolic link outside the workspace that leads into it.
        let link = (folder as NSString).deletingLastPathComponent + "/case-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder + "/case-1")
        #expect(throws: Scaffold.Failure.insideWorkspace(link, workspace: folder)) { try Scaffold.initialize(folder: link) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/case-1/dossier.json"))
    }

    @Test("init adds to a .gitignore of the repository only the lines it lacks, in the file's own line breaks")
    func existingIgnoreFile() throws {
        let lf = Array("node_modules/\n/site/\n".utf8)
        #expect(Scaffold.ignoreLines(adding: lf).map { String(decoding: $0, as: UTF8.self) }
            == "node_modules/\n/site/\n# dossier build output\n.*.dossier-*.tmp\n.*.dossier-build-*\n")
        // A Windows checkout's: its lines are found, and the ones added break as they do.
        let crlf = Array("node_modules/\r\n/site/\r\n.*.dossier-*.tmp\r\n".utf8)
        #expect(Scaffold.ignoreLines(adding: crlf).map { String(decoding: $0, as: UTF8.self) }
            == "node_modules/\r\n/site/\r\n.*.dossier-*.tmp\r\n# dossier build output\r\n.*.dossier-build-*\r\n")
        #expect(Scaffold.ignoreLines(adding: Array("/site/\r\n.*.dossier-*.tmp\r\n.*.dossier-build-*\r\n".utf8)) == nil)
        // No line break at the end: one is put before the comment.
        #expect(Scaffold.ignoreLines(adding: Array("*.log".utf8)).map { String(decoding: $0, as: UTF8.self) }
            == "*.log\n# dossier build output\n/site/\n.*.dossier-*.tmp\n.*.dossier-build-*\n")

        let folder = try TemporaryFolder.make() + "/cti"
        defer { try? FileManager.default.removeItem(atPath: (folder as NSString).deletingLastPathComponent) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(crlf).write(to: URL(fileURLWithPath: folder + "/.gitignore"))
        try Scaffold.initialize(folder: folder)
        let written = try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/.gitignore")))
        #expect(written == Scaffold.ignoreLines(adding: crlf))
    }

    @Test("new makes a project that passes check, and refuses to overwrite; a public one's starter note is a warning until written")
    func newProject() throws {
        let workspace = try TemporaryWorkspace()
        try Scaffold.newProject(in: workspace.root, slug: "acme-payroll-phish", title: nil, visibility: .public, tlp: .clear, owner: "jdoe", today: "2026-11-29")
        let diagnostics = workspace.check()
        #expect(diagnostics.map(\.code) == [StarterNoteRule.code], "\(diagnostics)")
        try Scaffold.newProject(in: workspace.root, slug: "internal-one", title: nil, visibility: .private, tlp: .amber, owner: nil, today: "2026-11-29")
        #expect(workspace.check().map(\.code) == [StarterNoteRule.code], "a private project's starter note is no warning")
        let project = try #require(workspace.load().workspace.project("acme-payroll-phish"))
        #expect(project.title == "Acme payroll phish")
        #expect(project.visibility == .public)
        #expect(project.created == "2026-11-29")
        #expect(project.notes.map(\.fileName) == ["01-overview.md"])
        #expect(throws: Scaffold.Failure.projectExists("acme-payroll-phish")) {
            try Scaffold.newProject(in: workspace.root, slug: "acme-payroll-phish", title: nil, visibility: .private, tlp: .amber, owner: nil, today: "2026-11-29")
        }
        // A folder that is no project is said to be none.
        try FileManager.default.createDirectory(atPath: workspace.root + "/attachments", withIntermediateDirectories: true)
        #expect(throws: Scaffold.Failure.nameTaken("attachments")) {
            try Scaffold.newProject(in: workspace.root, slug: "attachments", title: nil, visibility: .private, tlp: .amber, owner: nil, today: "2026-11-29")
        }
        #expect(Scaffold.Failure.nameTaken("attachments").description.contains("which is no project (it has no project.json)"))
    }

    @Test("unsafe slugs are refused, and those a Windows checkout cannot hold", arguments: ["", "../escape", "a/b", "Upper", ".hidden", "templates", "with space",
        String(repeating: "a", count: 65), "con", "nul.txt", "lpt1", "case.", "com9.x"])
    func unsafeSlug(_ slug: String) {
        #expect(Scaffold.slugProblem(slug) != nil)
    }

    @Test("safe slugs are accepted", arguments: ["acme-payroll-phish", "apt28_2026", "case.17", "x", "console", "aux-loader", "com10"])
    func safeSlug(_ slug: String) {
        #expect(Scaffold.slugProblem(slug) == nil)
    }

    @Test("a title made from a slug writes the field's abbreviations and actors' names in capitals", arguments: [
        ("vpn-bruteforce-2026", "VPN bruteforce 2026"), ("apt29-c2-infra", "APT29 C2 infra"), ("fin7_carbanak", "FIN7 carbanak"),
        ("ta505-pt-proj", "TA505 PT proj"), ("acme-payroll-phish", "Acme payroll phish"), ("aptitude-test", "Aptitude test"),
        ("it-helpdesk-lure", "IT helpdesk lure"), ("cve-2024-3400-exploitation", "CVE-2024-3400 exploitation"), ("ms17-010", "MS17-010"),
        ("ios-spyware", "iOS spyware"), ("2fa-bypass", "2FA bypass"), ("t-macos-stealer", "T macOS stealer"),
    ])
    func titleFromSlug(_ slug: String, _ title: String) {
        #expect(Scaffold.defaultTitle(slug) == title)
    }

}
