import Foundation

/// Reads the files of one workspace, refusing anything a symbolic link takes outside it, so that a
/// crafted repository cannot make dossier publish `/etc/passwd` or a neighbour's private folder.
struct FileReader: Sendable {
    /// The workspace folder with symbolic links resolved.
    let resolvedRoot: String

    init(root: String) {
        resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    }

    enum Failure: Error {
        case missing
        case problem(String)
    }

    /// Bytes of the file at `path`, or why it cannot be read.
    func read(_ path: String) -> Result<[UInt8], Failure> {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard Paths.isInside(resolved, folder: resolvedRoot) else {
            return .failure(.problem("refused: a symbolic link points outside the workspace (to \(resolved))"))
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .failure(.missing) }
        guard !isFolder.boolValue else { return .failure(.problem("expected a file, found a folder")) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(.problem("cannot be read (permission denied?)"))
        }
        defer { try? handle.close() }
        do {
            return .success(Array(try handle.readToEnd() ?? Data()))
        } catch {
            return .failure(.problem("cannot be read: \(error.localizedDescription)"))
        }
    }

    /// Whether `path` (a folder or file) stays inside the workspace once links are followed.
    func isInside(_ path: String) -> Bool {
        Paths.isInside(URL(fileURLWithPath: path).resolvingSymlinksInPath().path, folder: resolvedRoot)
    }
}
