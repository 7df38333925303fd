import Foundation

/// What a finished child process printed, and how it exited.
public struct ProcessResult: Sendable {
    public var stdout: String
    public var stderr: String
    public var status: Int32
}

/// Runs programs as a user would (the built `dossier`, or a tool such as `mount`), capturing both
/// output streams.
public enum ProcessRunner {
    /// The `dossier` executable beside the test bundle (both live in the build folder).
    public static var dossier: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("dossier").path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return "dossier"
    }

    /// The project cache of every command the tests run, one folder per test process: never the
    /// user's own cache, and shared by the tests so that most runs after the first take it.
    public static let cacheFolder: String = {
        atexit { try? FileManager.default.removeItem(atPath: ProcessRunner.cacheFolder) }
        return NSTemporaryDirectory() + "dossier-test-cache-\(getpid())"
    }()

    /// Runs `executable` to its end with `input` on its standard input (none: end of file at once).
    public static func run(_ executable: String, _ arguments: [String], in folder: String? = nil, input: String? = nil,
        environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        process.environment = ProcessInfo.processInfo.environment
            .merging(["DOSSIER_CACHE_DIR": cacheFolder]) { _, new in new }
            .merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read both pipes concurrently so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errors = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(stdout: String(decoding: output, as: UTF8.self), stderr: String(decoding: errors.data, as: UTF8.self),
            status: process.terminationStatus)
    }
}
