import DossierCore
import Foundation

/// Failures of the benchmark itself (I/O, missing tools), with a message for the user.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Plain file writes for generated content: no fsync, since a half-written synthetic workspace is
/// simply generated again (the marker file is written last).
enum FileOutput {
    static func write(_ bytes: [UInt8], to path: String) throws(BenchError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        if let failure = FileDescriptorOutput.writeAll(bytes, to: fd) { throw BenchError("cannot write \(path): \(failure)") }
    }

    static func write(_ text: String, to path: String) throws(BenchError) {
        try write(Array(text.utf8), to: path)
    }

    static func read(_ path: String) throws(BenchError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        return [UInt8](data)
    }

    static func makeFolder(_ path: String) throws(BenchError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw BenchError("cannot create \(path): \(error.localizedDescription)")
        }
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A new empty folder under the system's temporary folder.
    static func temporaryFolder(_ prefix: String) throws(BenchError) -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template = Array((base + "/" + prefix + "-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw BenchError("cannot create a temporary folder in \(base)")
        }
        return String(cString: made)
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// How many files under `folder` end with `suffix` ("" for all).
    static func countFiles(in folder: String, suffix: String = "") -> Int {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var count = 0
        while let name = walker.nextObject() as? String {
            if name.hasSuffix(suffix), !isFolder(folder + "/" + name) { count += 1 }
        }
        return count
    }

    static func isFolder(_ path: String) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    static func isEmptyOrMissing(_ path: String) -> Bool {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).isEmpty
    }
}
