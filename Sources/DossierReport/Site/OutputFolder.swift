import DossierCore
import Foundation

/// The build's output folder: staged beside the target, swapped in whole, never anything else
/// replaced. A folder is replaced only if it is empty or a site dossier built (it has dossier's
/// `index.json`), so a mistyped `--out` cannot delete someone's files.
enum OutputFolder {
    static func checkReplaceable(_ out: String, workspaceRoot: String) throws(BuildFailure) {
        if Paths.isInside(workspaceRoot, folder: out) {
            throw BuildFailure(.write, message: "the output folder \(out) holds the workspace itself; choose another --out")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw BuildFailure(.write, message: "\(out) exists and is not a folder") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        guard !contents.isEmpty else { return }
        guard SiteManifest.isDossierSite(out + "/" + SiteLayout.manifestFile) else {
            throw BuildFailure(.write, message: "refusing to replace \(out): it is not a site built by dossier (no dossier index.json); choose another --out or empty it")
        }
    }

    static func makeStaging(for out: String) throws(BuildFailure) -> String {
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        let staging = parent + "/.\(name).dossier-build-\(ProcessInfo.processInfo.processIdentifier)"
        remove(staging)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure(.write, message: "cannot create \(staging): \(error.localizedDescription)")
        }
        return staging
    }

    static func writeFile(_ bytes: [UInt8], at path: String) throws(BuildFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw BuildFailure(.write, message: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Puts `staging` in place of `out`, so `out` is either the old site or the new one, never a
    /// mix and never missing: one atomic exchange of the two folders where the system has it
    /// (Linux `renameat2` with `RENAME_EXCHANGE`), else two renames, the old site put back if the
    /// second fails (a crash between those two renames leaves the old site beside `out`).
    static func replace(_ out: String, with staging: String) throws(BuildFailure) {
        if FileManager.default.fileExists(atPath: out), exchange(staging, out) {
            remove(staging)
            return
        }
        if FileManager.default.fileExists(atPath: out) {
            let old = staging + "-old"
            remove(old)
            guard rename(out, old) == 0 else {
                throw BuildFailure(.write, message: "cannot replace \(out): \(String(cString: strerror(errno)))")
            }
            guard rename(staging, out) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old, out)
                throw BuildFailure(.write, message: "cannot replace \(out): \(reason)")
            }
            remove(old)
        } else {
            do {
                try FileManager.default.createDirectory(atPath: (out as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            } catch {
                throw BuildFailure(.write, message: "cannot create \(out): \(error.localizedDescription)")
            }
            guard rename(staging, out) == 0 else {
                throw BuildFailure(.write, message: "cannot move the build to \(out): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Swaps two folders in one step; false where the system or the file system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // glibc has renameat2 since 2.28 but Swift's Glibc module does not show it: look it up.
        guard let symbol = dlsym(nil, "renameat2") else { return false }  // nil: RTLD_DEFAULT
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
