import DossierTestSupport
import Foundation

/// Runs the built `dossier` binary as a user would, capturing what it prints and its exit code.
enum CLI {
    typealias Result = ProcessResult

    /// The `dossier` executable next to the test bundle (both live in the build folder).
    static var executable: String { ProcessRunner.dossier }

    /// The repository's root folder (for sample-projects and templates).
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    @discardableResult
    static func run(_ arguments: [String], in folder: String? = nil, input: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try ProcessRunner.run(executable, arguments, in: folder, input: input, environment: environment)
    }
}

/// A copy of a folder (e.g. sample-projects) in a fresh temporary folder, removed on deinit.
final class TemporaryCopy {
    let root: String

    init(of source: String) throws {
        let parent = NSTemporaryDirectory() + "dossier-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: parent).resolvingSymlinksInPath().path + "/workspace"
        try FileManager.default.copyItem(atPath: source, toPath: root)
    }

    init() throws {
        let parent = NSTemporaryDirectory() + "dossier-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        root = URL(fileURLWithPath: parent).resolvingSymlinksInPath().path + "/workspace"
    }

    deinit { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }

    func path(_ relative: String) -> String { root + "/" + relative }

    func read(_ relative: String) -> String { (try? String(contentsOfFile: path(relative), encoding: .utf8)) ?? "" }

    func write(_ relative: String, _ content: String) throws {
        try Data(content.utf8).write(to: URL(fileURLWithPath: path(relative)))
    }
}
