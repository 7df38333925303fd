import Foundation

/// Problems writing a file: I/O faults, not findings in the user's files.
public enum WriteError: Error, CustomStringConvertible, Equatable {
    case changedOnDisk(String)
    case cannotWrite(String, reason: String)
    case exists(String)

    public var description: String { description(showingPaths: { $0 }) }

    /// The message with its path as `show` gives it (the command line's, relative to the
    /// current folder).
    public func description(showingPaths show: (String) -> String) -> String {
        switch self {
        case .changedOnDisk(let path):
            "\(show(path)) changed on disk since dossier read it (an editor or a git checkout?); nothing was written, run the command again"
        case .cannotWrite(let path, let reason):
            "cannot write \(show(path)): \(reason)"
        case .exists(let path):
            "\(show(path)) already exists; dossier does not overwrite it"
        }
    }
}

/// Writes files so that a reader, or a crash, only ever sees the complete old or the complete new
/// file: a temporary file in the same folder, flushed to disk, then renamed over the target.
///
/// An edit of several files prepares all of them (`prepare`) before putting any in place
/// (`commit`): a failure while writing (a full disk, a read-only folder, a file size limit) then
/// leaves every file as it was, and a crash can only fall in the instant between two renames.
public enum AtomicWriter {
    /// Writes `bytes` to `path`. With `expected`, the current file must still have that content
    /// (as read earlier), so a concurrent change is refused rather than overwritten.
    public static func write(_ bytes: [UInt8], to path: String, expected: ContentDigest? = nil) throws(WriteError) {
        try prepare(bytes, to: path, expected: expected).commit()
    }

    /// Writes each file under its temporary name, then puts them in place in order (`alongWith`,
    /// files already prepared, last: an import's note after the indicators it came with). If any
    /// cannot be written, none is put in place (the temporary files are removed).
    public static func write(_ files: [(path: String, bytes: [UInt8], expected: ContentDigest?)], alongWith ready: [Prepared] = [])
        throws(WriteError) {
        var prepared: [Prepared] = []
        for file in files {
            do {
                prepared.append(try prepare(file.bytes, to: file.path, expected: file.expected))
            } catch {
                for done in prepared + ready { done.discard() }
                throw error
            }
        }
        prepared += ready
        // Every target still as it was read, before the first one is replaced.
        for file in prepared where !file.targetIsAsExpected {
            for done in prepared { done.discard() }
            throw .changedOnDisk(file.path)
        }
        // Each target kept under a second name (a hard link, no copy) until all are in place, so
        // that a rename refused midway (an immutable file) puts back the ones already replaced.
        let kept = prepared.map { $0.keepTarget() }
        defer {
            for case .kept(let path) in kept { unlink(path) }
        }
        for (index, file) in prepared.enumerated() {
            do {
                try file.commit()
            } catch {
                for rest in prepared[(index + 1)...] { rest.discard() }
                for (done, old) in zip(prepared[..<index], kept[..<index]) {
                    switch old {
                    case .kept(let path): rename(path, done.path)
                    case .none: unlink(done.path)
                    case .unkept: break
                    }
                }
                throw error
            }
        }
    }

    /// What was done to keep a target while the others are put in place.
    enum KeptTarget {
        /// There was none: the file is new.
        case none
        /// Under this second name.
        case kept(String)
        /// It could not be kept (no hard links there): it cannot be put back.
        case unkept
    }

    /// A file written under a temporary name beside its target and flushed, not yet in place.
    public struct Prepared: Sendable {
        public let path: String
        let temporary: String
        let expected: ContentDigest?

        /// True unless the target changed since it was read (when that content is known).
        var targetIsAsExpected: Bool {
            guard let expected else { return true }
            return FileManager.default.contents(atPath: path).map { ContentDigest(Array($0)) } == expected
        }

        /// Renames the file over its target (refusing if the target changed since it was read).
        public func commit() throws(WriteError) {
            guard targetIsAsExpected else {
                discard()
                throw .changedOnDisk(path)
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw .cannotWrite(path, reason: reason)
            }
            // Make the rename itself durable.
            let folder = (path as NSString).deletingLastPathComponent
            let folderFD = open(folder.isEmpty ? "." : folder, O_RDONLY)
            if folderFD >= 0 {
                fsync(folderFD)
                close(folderFD)
            }
        }

        /// The target as it is, under a second name that `rename` puts back.
        func keepTarget() -> KeptTarget {
            // Named as the temporary files are, so that one a crash leaves is known as such.
            let kept = String(temporary.dropLast(".tmp".count)) + "-old.tmp"
            if link(path, kept) == 0 { return .kept(kept) }
            return errno == ENOENT ? .none : .unkept
        }

        /// Removes the temporary file: the target stays as it was.
        public func discard() {
            unlink(temporary)
        }
    }

    /// Writes `bytes` to a temporary file beside `path` and flushes it; `commit` puts it in place.
    public static func prepare(_ bytes: [UInt8], to path: String, expected: ContentDigest? = nil) throws(WriteError) -> Prepared {
        // Through a symbolic link to the file it leads to (as `>` in a shell writes): replacing
        // the link with a file would leave its target unchanged and git a type change.
        var link = stat()
        let path = lstat(path, &link) == 0 && link.st_mode & S_IFMT == S_IFLNK ? FileReader.realPath(path) ?? path : path
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = folder + "/.\(name).dossier-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max)).tmp"
        removeLeftovers(of: name, in: folder)
        // A file replaced keeps its permissions (a file kept owner-only stays so), and one made
        // read-only is not replaced: the rename would go through where a write would not.
        var existing = stat()
        let replacing = stat(path, &existing) == 0
        if replacing && existing.st_mode & 0o222 == 0 {
            throw .cannotWrite(path, reason: "it is read-only; make it writable (chmod u+w) to edit it")
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            // The file is replaced by a new one beside it: its folder must take one.
            let code = errno
            let reason = code == EACCES || code == EROFS
                ? "its folder takes no new file (\(String(cString: strerror(code)))); \(code == EACCES ? "make the folder writable (chmod u+w) to edit it" : "the file system is read-only")"
                : String(cString: strerror(code))
            throw .cannotWrite(path, reason: reason)
        }
        if replacing {
            // Best effort for the owner, which only root may give away.
            _ = fchown(fd, existing.st_uid, existing.st_gid)
            _ = fchmod(fd, existing.st_mode & 0o7777)
        }
        var failure = FileDescriptorOutput.writeAll(bytes, to: fd)
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path, reason: failure)
        }
        return Prepared(path: path, temporary: temporary, expected: expected)
    }

    /// Removes the temporary files of `name` that an edit killed midway left (`.NAME.dossier-PID-N.tmp`
    /// and `-old.tmp`, a second name of the file as it was), told by their process no longer
    /// running and by their age: the file itself was replaced whole or not at all. One of a
    /// running process (another edit, or a process that took a dead one's number) is left, and so
    /// is one less than a minute old (another machine's or container's, whose processes this one
    /// does not see, writing the same folder).
    static func removeLeftovers(of name: String, in folder: String) {
        let prefix = ".\(name).dossier-"
        guard let listed = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for file in listed where file.hasPrefix(prefix) && file.hasSuffix(".tmp") {
            let path = folder + "/" + file
            var status = stat()
            guard let process = file.dropFirst(prefix.count).split(separator: "-").first.flatMap({ pid_t($0) }), process > 0,
                  kill(process, 0) != 0, errno == ESRCH,
                  lstat(path, &status) == 0, time(nil) - status.st_mtim.tv_sec >= 60 else { continue }
            unlink(path)
        }
    }

    /// Creates a new file, refusing to replace an existing one.
    public static func create(_ bytes: [UInt8], at path: String) throws(WriteError) {
        guard !FileManager.default.fileExists(atPath: path) else { throw .exists(path) }
        try write(bytes, to: path)
    }

    public static func createFolder(_ path: String) throws(WriteError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path, reason: error.localizedDescription)
        }
    }
}

/// A fast 64-bit fingerprint of a file's content, to notice that it changed (not a security hash).
public struct ContentDigest: Sendable, Hashable {
    public let value: UInt64
    public let count: Int
    /// The file breaks its lines with CR LF (its first line break is one), as a Windows checkout
    /// with `core.autocrlf` has it: a rewrite keeps them (`CanonicalJSON.lineBreaks`).
    public let usesCRLF: Bool

    public init(_ bytes: [UInt8]) {
        value = bytes.withUnsafeBytes(Checksum64.of)
        count = bytes.count
        usesCRLF = bytes.firstIndex(of: 0x0A).map { $0 > 0 && bytes[$0 - 1] == 0x0D } ?? false
    }
}
