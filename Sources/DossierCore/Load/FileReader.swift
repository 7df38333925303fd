import Foundation

/// Reads the files of one workspace, refusing anything a symbolic link takes outside it, so that a
/// crafted repository cannot make dossier publish `/etc/passwd` or a neighbour's private folder.
/// A project's files are read through a reader of the project's own folder: a link from a public
/// project to a private one's note (or to `.git/config`) would publish it as the public project's.
public struct FileReader: Sendable {
    /// The workspace (or project) folder with symbolic links resolved.
    let resolvedRoot: String
    /// "the workspace", "the project's folder".
    let scopeName: String
    /// Content read in place of a file's (by its path as the loader names it): a conflicted
    /// file's resolution, before it is written (`ConflictResolution`).
    let overlay: [String: [UInt8]]

    public init(root: String, overlay: [String: [UInt8]] = [:]) {
        resolvedRoot = Self.realPath(root) ?? URL(fileURLWithPath: root).standardizedFileURL.path
        scopeName = "the workspace"
        self.overlay = overlay
    }

    private init(resolvedRoot: String, scopeName: String, overlay: [String: [UInt8]]) {
        self.resolvedRoot = resolvedRoot
        self.scopeName = scopeName
        self.overlay = overlay
    }

    /// A reader of `folder` (a project's), refusing what a link takes out of it.
    func reader(ofProject folder: String) -> FileReader {
        FileReader(resolvedRoot: Self.realPath(folder) ?? URL(fileURLWithPath: folder).standardizedFileURL.path, scopeName: "the project's folder",
            overlay: overlay)
    }

    public enum Failure: Error {
        case missing
        case problem(String)
    }

    /// Bytes of the file at `path`, or why it cannot be read. Only a symbolic link is resolved (the
    /// folders above were checked when listed), which keeps reading many small files cheap.
    public func read(_ path: String) -> Result<[UInt8], Failure> {
        if !overlay.isEmpty, let bytes = overlay[path] { return .success(bytes) }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            return errno == ENOENT ? .failure(.missing) : .failure(.problem("cannot be read: \(String(cString: strerror(errno)))"))
        }
        if status.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = Self.realPath(path) else {
                // A link to nothing is a missing file; one the system gives up on cannot be told
                // inside or out.
                if errno == ENOENT || errno == ENOTDIR { return .failure(.missing) }
                return .failure(.problem("refused: a symbolic link that the system cannot follow to its end (a loop, or too long a path)"))
            }
            guard Paths.isInside(resolved, folder: resolvedRoot) else {
                return .failure(.problem("refused: a symbolic link points outside \(scopeName) (to \(resolved))"))
            }
        }
        return Self.readAll(path)
    }

    /// Bytes of the file at `path`, or why it cannot be read, with no check of where it is.
    static func readAll(_ path: String) -> Result<[UInt8], Failure> {
        var status = stat()
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            return errno == ENOENT ? .failure(.missing) : .failure(.problem("cannot be read: \(String(cString: strerror(errno)))"))
        }
        defer { close(fd) }
        guard fstat(fd, &status) == 0 else { return .failure(.problem("cannot be read: \(String(cString: strerror(errno)))")) }
        guard status.st_mode & S_IFMT != S_IFDIR else { return .failure(.problem("expected a file, found a folder")) }
        guard status.st_size <= Limits.fileSize else { return .failure(.problem(Limits.tooLarge(Int(status.st_size)))) }
        // Read the size fstat gave into memory that is not zeroed first (the read fills it), then
        // probe for more through a small buffer (the file may have grown meanwhile): growing the
        // array by a zeroed block before every end-of-file read cost more than the read itself for
        // small files.
        var readFailure: Int32?
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, initialized in
            while initialized < buffer.count {
                let got = Foundation.read(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
                if got < 0 {
                    if errno == EINTR { continue }
                    readFailure = errno
                    break
                }
                if got == 0 { break }
                initialized += got
            }
        }
        if let readFailure { return .failure(.problem("cannot be read: \(String(cString: strerror(readFailure)))")) }
        let failure = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk -> Failure? in
            while true {
                let got = Foundation.read(fd, chunk.baseAddress, chunk.count)
                if got < 0 {
                    if errno == EINTR { continue }
                    return .problem("cannot be read: \(String(cString: strerror(errno)))")
                }
                if got == 0 { return nil }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<got]))
                if bytes.count > Limits.fileSize { return .problem(Limits.tooLarge(bytes.count)) }
            }
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }

    /// Whether `path` (a folder or file) stays inside the workspace once links are followed.
    public func isInside(_ path: String) -> Bool {
        Self.realPath(path).map { Paths.isInside($0, folder: resolvedRoot) } ?? false
    }

    /// `path` with every symbolic link followed, as the system follows them (`realpath`); nil
    /// when it cannot be (a loop, too many links, a path too long, a file that is not there).
    /// Never Foundation's `resolvingSymlinksInPath`, which gives up sooner than the system
    /// (after 20 links, or 1,026 bytes) and then returns the path as written: a link the system
    /// still follows out of the workspace would pass for a file inside it.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The project folder that `path` is in once links are followed (a folder of the workspace
    /// holding a `project.json`), by its name; nil outside every project.
    public func project(holding path: String) -> String? {
        guard let resolved = Self.realPath(path), Paths.isInside(resolved, folder: resolvedRoot), resolved.count > resolvedRoot.count + 1 else { return nil }
        let relative = resolved.dropFirst(resolvedRoot.count + 1).split(separator: "/")
        guard relative.count > 1, let folder = relative.first,
              FileManager.default.fileExists(atPath: resolvedRoot + "/" + folder + "/" + ProjectFiles.project) else { return nil }
        return String(folder)
    }
}
