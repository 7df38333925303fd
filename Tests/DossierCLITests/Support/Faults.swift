import DossierTestSupport
import Foundation

/// Every file under a folder (hidden ones too), by relative path: "unchanged" is equality of two
/// snapshots, and "the previous site is intact" is equality of the site folder's.
struct Snapshot: Equatable {
    var files: [String: Data]

    init(_ root: String, skipping skipped: Set<String> = []) {
        files = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return }
        while let relative = enumerator.nextObject() as? String {
            if skipped.contains(where: { relative == $0 || relative.hasPrefix($0 + "/") }) { continue }
            var isFolder: ObjCBool = false
            let path = root + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[relative] = FileManager.default.contents(atPath: path) ?? Data()
        }
    }

    /// What differs, for a failure message.
    func difference(from other: Snapshot) -> String {
        let keys = Set(files.keys).union(other.files.keys).sorted()
        let changed = keys.filter { files[$0] != other.files[$0] }
        return changed.prefix(10).map { "\($0): \(other.files[$0]?.count ?? -1) → \(files[$0]?.count ?? -1) bytes" }.joined(separator: ", ")
    }
}

/// File systems made for a test: a small tmpfs (a disk that fills up), read-only mounts. Mounting
/// needs root; without it, tests that need a mount are skipped and the fallbacks (a file size limit,
/// folders without write permission) are used.
enum Mounts {
    static let isRoot = getuid() == 0

    /// True when this process may mount a tmpfs (root in a namespace that allows it).
    static let canMount: Bool = {
        guard isRoot, let folder = try? TemporaryCopy() else { return false }
        let path = folder.root
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", path]) else { return false }
        _ = run("/bin/umount", [path])
        return true
    }()

    /// Mounts a tmpfs of `kilobytes` at `path`.
    static func tmpfs(at path: String, kilobytes: Int) -> Bool {
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
    }

    static func remountReadOnly(_ path: String) -> Bool { run("/bin/mount", ["-o", "remount,ro", path]) }

    static func unmount(_ path: String) { _ = run("/bin/umount", ["-l", path]) }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Writes zeros into `path` until the file system is full.
    static func fill(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        var one: UInt8 = 0
        while write(fd, &one, 1) > 0 {}
    }
}

extension CLI {
    /// Runs `dossier` with a limit on the size of any file it writes (RLIMIT_FSIZE, `ulimit -f`, in
    /// blocks of 512 bytes) and SIGXFSZ ignored, so that a write past the limit fails with EFBIG
    /// ("File too large"): a write that fails, as on a full disk, for any user.
    static func run(_ arguments: [String], in folder: String, fileSizeLimit blocks: Int) throws -> Result {
        let script = "ulimit -f \(blocks); trap '' XFSZ; exec \"$0\" \"$@\""
        return try ProcessRunner.run("/bin/sh", ["-c", script, executable] + arguments, in: folder)
    }

    /// How a run that may have been killed went.
    struct Watched {
        /// Nil when it was killed.
        var status: Int32?
        var duration: Double
        /// Seconds from the moment `trigger` first held to the end of the run (0 if it never held).
        var afterTrigger: Double
    }

    /// Runs `dossier`, and kills it with SIGKILL `delay` seconds after it started, or after
    /// `trigger` first held (polled every half millisecond) when there is one; never, with a nil
    /// delay.
    static func watched(_ arguments: [String], in folder: String, kill delay: Double?, trigger: (() -> Bool)? = nil) -> Watched {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let started = Date()
        guard (try? process.run()) != nil else { return Watched(status: -1, duration: 0, afterTrigger: 0) }
        var triggered: Date?
        if let trigger {
            while process.isRunning, triggered == nil {
                if trigger() { triggered = Date() } else { usleep(500) }
            }
        }
        if let delay {
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let ended = Date()
        return Watched(
            status: process.terminationReason == .uncaughtSignal ? nil : process.terminationStatus,
            duration: ended.timeIntervalSince(started), afterTrigger: triggered.map { ended.timeIntervalSince($0) } ?? 0)
    }
}
