import ArgumentParser
import DossierCore
import DossierReport
import Foundation

/// The `-o FILE` of `export` and `report`: written whole (`AtomicWriter`), and never over a file
/// the workspace is read from, which the output of either would silently replace with less.
enum OutputFile {
    /// Writes `bytes` to `output` (relative to the current folder); gives the absolute path, or
    /// prints why it cannot and exits 1. Internal output (`internalOutput`: "this internal report") is
    /// never written into a public site, which a deployment publishes whole.
    static func write(_ bytes: [UInt8], to output: String, workspaceRoot root: String, internalOutput: String? = nil) throws -> String {
        let path = WorkspaceLocator.absolute(output, from: FileManager.default.currentDirectoryPath)
        // Both sides with their symbolic links resolved, as `FileReader` sees the workspace: the
        // root given may be a link, and the file's folder (the file itself may not exist yet).
        // The file too, when it is a link: writing through it would replace what it points to.
        // As the system follows them (`FileReader.realPath`): a link it follows and Foundation's
        // resolver gives up on (a padded target) would pass for a folder outside the workspace.
        guard let folder = FileReader.realPath((path as NSString).deletingLastPathComponent) else {
            Console.error("cannot write to \(Console.printer.displayPath(path)): its folder does not exist, or a symbolic link on the way leads nowhere")
            throw ExitCode(1)
        }
        let target = folder + "/" + (path as NSString).lastPathComponent
        var status = stat()
        let isLink = lstat(target, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
        guard let linked = isLink ? FileReader.realPath(target) : target else {
            Console.error("refusing to write to \(Console.printer.displayPath(path)): it is a symbolic link that leads nowhere; choose another -o")
            throw ExitCode(1)
        }
        if let internalOutput, let site = publicSite(holding: folder) {
            Console.error("refusing to write \(internalOutput) to \(Console.printer.displayPath(path)): it is in \(Console.printer.displayPath(site))/, the public site, which a deployment publishes whole; choose another -o")
            throw ExitCode(1)
        }
        let workspace = FileReader.realPath(root) ?? root
        if ProjectFiles.isInput(target, workspaceRoot: workspace) || ProjectFiles.isInput(linked, workspaceRoot: workspace) {
            // Named as what it would be: a new file there is read as one of the workspace's (a
            // report in notes/ would be a note).
            let what = FileManager.default.fileExists(atPath: target) ? "it is one of the workspace's own files" : "a file there would be read as one of the workspace's own (a note, a project's file, a template)"
            Console.error("refusing to write to \(Console.printer.displayPath(path)): \(what); choose another -o")
            throw ExitCode(1)
        }
        do {
            try AtomicWriter.write(bytes, to: path)
        } catch {
            Console.error(error)
            throw ExitCode(1)
        }
        return path
    }

    /// Writes `bytes` to standard output. Internal output that the shell sends to a file
    /// (`> phish.json`) is held to `-o`'s rules as far as they can still hold: refused in a public
    /// site (before a byte of it is written there), and warned of where git would commit it.
    static func writeToStandardOutput(_ bytes: [UInt8], workspaceRoot root: String, internalOutput: String? = nil) throws {
        var status = stat()
        guard let internalOutput, fstat(STDOUT_FILENO, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
              let file = path(ofDescriptor: STDOUT_FILENO) else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        if let site = publicSite(holding: (file as NSString).deletingLastPathComponent) {
            Console.error("refusing to write \(internalOutput) to \(Console.printer.displayPath(file)): it is in \(Console.printer.displayPath(site))/, the public site, which a deployment publishes whole; "
                + "send it elsewhere, and delete the file the shell made there")
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data(bytes))
        Build.warnIfCommitted(file, what: internalOutput, root: FileReader.realPath(root) ?? root)
    }

    /// The path of the file open as `descriptor`, as the system names it.
    private static func path(ofDescriptor descriptor: Int32) -> String? {
        #if canImport(Darwin)
        var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN))
        guard fcntl(descriptor, F_GETPATH, &buffer) != -1 else { return nil }
        return String(cString: buffer)
        #else
        return FileReader.realPath("/proc/self/fd/\(descriptor)")
        #endif
    }

    /// The folder of a public site (`dossier build`'s) that `folder` is or is in: internal
    /// output there would be published with it (`site/team/`, a deployment's subfolder).
    static func publicSite(holding folder: String) -> String? {
        var path = folder
        while true {
            if SiteBuild.audience(ofSiteIn: path) == .public { return path }
            let parent = (path as NSString).deletingLastPathComponent
            guard parent != path, !parent.isEmpty else { return nil }
            path = parent
        }
    }
}
