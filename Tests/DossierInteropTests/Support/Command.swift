import DossierTestSupport
import Foundation

/// Runs the built `dossier` binary (beside the test bundle in the build folder) as a user would.
enum Command {
    typealias Result = ProcessResult

    static var executable: String { ProcessRunner.dossier }

    static func run(_ arguments: [String], in folder: String, input: String = "") throws -> Result {
        try ProcessRunner.run(executable, arguments, in: folder, input: input)
    }
}

/// A copy of the sample workspace in a temporary folder, removed on deinit.
final class SampleWorkspace {
    let root: String

    init() throws {
        root = NSTemporaryDirectory() + "dossier-interop-ws-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: TestFiles.samples, toPath: root)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func read(_ relative: String) -> String {
        (try? String(contentsOfFile: root + "/" + relative, encoding: .utf8)) ?? ""
    }

    func files(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []).sorted()
    }
}
