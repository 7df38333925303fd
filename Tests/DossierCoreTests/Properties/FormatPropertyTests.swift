import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// Properties of writing and formatting over generated workspaces (deterministic seeds):
/// load(write(x)) == x; `fmt` of messy files that mean x gives x (meaning-preserving), in
/// canonical bytes, and a second `fmt` changes nothing (idempotent).
@Suite("Properties: load, write and fmt")
struct FormatPropertyTests {
    static let seeds: [UInt64] = Array(1...8)

    @Test("load(write(x)) == x for generated workspaces", arguments: seeds)
    func loadWrite(_ seed: UInt64) throws {
        var generator = PropertyGenerator(seed: seed)
        let workspace = try TemporaryWorkspace([:], withSettings: false)
        let settings = generator.settings()
        let projects = (0..<4).map { generator.project($0, root: workspace.root) }
        try workspace.writeBytes(ProjectFiles.workspace, CanonicalJSON.workspaceFile(settings))
        for project in projects {
            try workspace.writeBytes(project.slug + "/project.json", CanonicalJSON.projectFile(project))
            try workspace.writeBytes(project.slug + "/indicators.json", CanonicalJSON.indicatorsFile(project))
        }
        let loaded = workspace.load()
        #expect(loaded.diagnostics.items.filter { $0.severity == .error }.isEmpty, "seed \(seed): \(loaded.diagnostics.items)")
        #expect(Stripped.settings(loaded.workspace.settings) == settings, "seed \(seed)")
        try #require(loaded.workspace.projects.count == projects.count)
        for (actual, expected) in zip(loaded.workspace.projects, projects) {
            #expect(Stripped.project(actual) == expected, "seed \(seed) \(expected.slug): \(difference(Stripped.project(actual), expected))")
        }
        #expect(FormatPlan(loaded).changes.isEmpty, "seed \(seed): files dossier wrote are not canonical")
    }

    @Test("fmt is meaning-preserving and idempotent on messy files", arguments: seeds)
    func fmt(_ seed: UInt64) throws {
        var generator = PropertyGenerator(seed: seed)
        let workspace = try TemporaryWorkspace([:], withSettings: false)
        let settings = generator.settings()
        let projects = (0..<4).map { generator.project($0, root: workspace.root) }
        // Each file as written, whose line breaks (CR LF when its first is one) fmt keeps.
        var messyFiles: [String: ContentDigest] = [:]
        func write(_ path: String, _ text: String) throws {
            try workspace.write(path, text)
            messyFiles[path] = ContentDigest(Array(text.utf8))
        }
        try write(ProjectFiles.workspace, generator.messySettingsFile(settings))
        for project in projects {
            try write(project.slug + "/project.json", generator.messyProjectFile(project))
            try write(project.slug + "/indicators.json", generator.messyIndicatorsFile(project))
        }
        func canonical(_ path: String, _ bytes: [UInt8]) -> [UInt8] { CanonicalJSON.lineBreaks(bytes, as: messyFiles[path]) }
        let messy = workspace.load()
        #expect(messy.diagnostics.items.filter { $0.severity == .error }.isEmpty, "seed \(seed): \(messy.diagnostics.items)")
        // The messy files already mean x.
        #expect(Stripped.settings(messy.workspace.settings) == settings, "seed \(seed)")
        for (actual, expected) in zip(messy.workspace.projects, projects) {
            #expect(Stripped.project(actual) == expected, "seed \(seed) \(expected.slug): \(difference(Stripped.project(actual), expected))")
        }

        let written = try FormatPlan(messy).apply()
        #expect(!written.isEmpty, "seed \(seed): messy files should need formatting")
        let formatted = workspace.load()
        #expect(formatted.diagnostics.items.isEmpty, "seed \(seed): \(formatted.diagnostics.items)")
        #expect(Stripped.settings(formatted.workspace.settings) == Stripped.settings(messy.workspace.settings), "seed \(seed)")
        #expect(formatted.workspace.projects.map(Stripped.project) == messy.workspace.projects.map(Stripped.project), "seed \(seed)")
        #expect(FormatPlan(formatted).changes.isEmpty, "seed \(seed): a second fmt changes \(FormatPlan(formatted).changes.map(\.path))")
        // Compared as booleans: a failure printed both files byte by byte.
        for project in projects {
            let indicators = project.slug + "/indicators.json", projectFile = project.slug + "/project.json"
            #expect(Array(workspace.read(indicators).utf8) == canonical(indicators, CanonicalJSON.indicatorsFile(project)) ? true : false, "seed \(seed) \(indicators)")
            #expect(Array(workspace.read(projectFile).utf8) == canonical(projectFile, CanonicalJSON.projectFile(project)) ? true : false, "seed \(seed) \(projectFile)")
        }
        #expect(Array(workspace.read(ProjectFiles.workspace).utf8) == canonical(ProjectFiles.workspace, CanonicalJSON.workspaceFile(settings)) ? true : false, "seed \(seed)")
    }

    /// The first field that differs, for a readable failure.
    func difference(_ a: Project, _ b: Project) -> String {
        if a.indicators.count != b.indicators.count { return "\(a.indicators.count) vs \(b.indicators.count) indicators" }
        for (x, y) in zip(a.indicators, b.indicators) where x != y { return "\(x) vs \(y)" }
        return "project fields: \(a) vs \(b)".prefix(2000).description
    }
}
