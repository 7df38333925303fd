import Foundation

/// The few questions dossier asks git about a workspace's files (it never changes a repository):
/// what a merge's sides were, whether a file is tracked. Each a `git` run in the file's folder.
public enum Git {
    /// `git ARGUMENTS` run in `folder`: its exit status and standard output; nil when git cannot
    /// be run at all.
    public static func run(_ arguments: [String], in folder: String) -> (status: Int32, output: [UInt8])? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, Array(bytes))
    }

    /// Whether git keeps a copy of the file at `path` (its index names it): false when git is
    /// missing, the folder is in no repository, or the file was never added.
    public static func isTracked(_ path: String) -> Bool {
        run(["ls-files", "--error-unmatch", "--", (path as NSString).lastPathComponent], in: (path as NSString).deletingLastPathComponent)?.status == 0
    }
}
