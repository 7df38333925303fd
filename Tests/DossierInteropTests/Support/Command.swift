import Foundation

/// Runs the built `dossier` binary (beside the test bundle in the build folder) as a user would.
enum Command {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static var executable: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("dossier").path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return "dossier"
    }

    static func run(_ arguments: [String], in folder: String, input: String = "") throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        inp.fileHandleForWriting.write(Data(input.utf8))
        try inp.fileHandleForWriting.close()
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: errors.data, as: UTF8.self), status: process.terminationStatus)
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
