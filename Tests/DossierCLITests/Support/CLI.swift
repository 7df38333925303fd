import Foundation

/// Runs the built `dossier` binary as a user would, capturing what it prints and its exit code.
enum CLI {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The `dossier` executable next to the test bundle (both live in the build folder).
    static var executable: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("dossier").path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return "dossier"
    }

    /// The repository's root folder (for sample-projects and templates).
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    @discardableResult
    static func run(_ arguments: [String], in folder: String? = nil, input: String? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let errData = errBox.data
        return Result(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus)
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
