import ArgumentParser
import DossierCore
import Foundation

/// The `-o FILE` of `export` and `report`: written whole (`AtomicWriter`), and never over a file
/// the workspace is read from, which the output of either would silently replace with less.
enum OutputFile {
    /// Writes `bytes` to `output` (relative to the current folder); gives the absolute path, or
    /// prints why it cannot and exits 1.
    static func write(_ bytes: [UInt8], to output: String, workspaceRoot root: String) throws -> String {
        let path = WorkspaceLocator.absolute(output, from: FileManager.default.currentDirectoryPath)
        if ProjectFiles.isInput(resolved(path), workspaceRoot: resolved(root)) {
            Console.error("refusing to write to \(Console.printer.displayPath(path)): it is one of the workspace's own files; choose another -o")
            throw ExitCode(1)
        }
        do {
            try AtomicWriter.write(bytes, to: path)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        return path
    }

    /// `path` with symbolic links resolved in its folder, which exists when a write can succeed
    /// (the file itself may not exist yet).
    private static func resolved(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        guard let real = realpath(folder, nil) else { return path }
        defer { free(real) }
        return String(cString: real) + "/" + (path as NSString).lastPathComponent
    }
}
