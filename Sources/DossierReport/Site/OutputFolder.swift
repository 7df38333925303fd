import DossierCore
import Foundation

/// The build's output folder: staged beside the target, swapped in whole, never anything else
/// replaced. A folder is replaced only if it is empty or a site dossier built (it has dossier's
/// `index.json`), so a mistyped `--out` cannot delete someone's files.
enum OutputFolder {
    static func checkReplaceable(_ out: String, workspaceRoot: String) throws(BuildFailure) {
        if Paths.isInside(workspaceRoot, folder: out) {
            throw BuildFailure(.write, message: "the output folder \(out) holds the workspace itself; choose another --out", naming: [out])
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) else { return }
        guard isFolder.boolValue else { throw BuildFailure(.write, message: "\(out) exists and is not a folder", naming: [out]) }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        guard !contents.isEmpty else { return }
        guard SiteManifest.isDossierSite(out + "/" + SiteLayout.manifestFile) else {
            throw BuildFailure(.write, message: "refusing to replace \(out): it is not a site built by dossier (no dossier index.json); choose another --out or empty it", naming: [out])
        }
    }

    /// The folder `out` stands for: the target of a symbolic link (a site served from elsewhere
    /// and linked into the workspace), which is what must be replaced; replacing the link itself
    /// would leave the served site as it was. Anything else as it is.
    static func followingLink(_ out: String) -> String {
        var status = stat()
        guard lstat(out, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return out }
        return FileReader.realPath(out) ?? out
    }

    static func makeStaging(for out: String) throws(BuildFailure) -> String {
        let parent = (out as NSString).deletingLastPathComponent
        let name = (out as NSString).lastPathComponent
        let staging = parent + "/.\(name).dossier-build-\(ProcessInfo.processInfo.processIdentifier)"
        removeAbandoned(besides: out)
        remove(staging)
        // The empty folders the last build left (`recycle`), taken whole (a build running beside
        // this one cannot take them too), else a new folder. Only a folder of this user's is
        // taken: a symbolic link put there would lead the build, and the removal of what it does
        // not need (`keepOnly`), into another folder.
        func isOwnFolder() -> Bool {
            var status = stat()
            return lstat(staging, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR && status.st_uid == geteuid()
        }
        if rename(spare(for: out), staging) == 0, !isOwnFolder() { remove(staging) }
        var status = stat()
        if lstat(staging, &status) != 0, let failure = makeFolder(staging) {
            throw BuildFailure(.write, message: "cannot create \(staging): \(failure)", naming: [staging])
        }
        // What could not be removed is not built in.
        guard isOwnFolder() else { throw BuildFailure(.write, message: "cannot use \(staging): it is not a folder of this user's; remove it", naming: [staging]) }
        // Readable by its owner alone until it is the site (`replace`): a build killed midway
        // leaves it beside the output folder, which may be a web server's, holding internal pages.
        chmod(staging, 0o700)
        return staging
    }

    /// Where the folders of the site a build replaced are kept, emptied of every file, for the
    /// next build of `out` to stage in (`recycle`): ext4 makes a folder slowly while many were
    /// removed in the last minute (it passes over each inode freed lately), and a site has a
    /// folder per project, which made making them anew a tenth of a rebuild. Hidden, beside the
    /// output folder, and readable by its owner only: its folders are named after projects.
    static func spare(for out: String) -> String {
        (out as NSString).deletingLastPathComponent + "/.\((out as NSString).lastPathComponent).dossier-spare"
    }

    /// Empties `old` (a site just replaced) of every file and keeps its folders as the spare of
    /// `out`; removes it whole where there is one already.
    static func recycle(_ old: String, for out: String) {
        // Its folders are named after projects: none of an internal site is kept beside a public
        // one (a private project's name would stand there), nor one of a public site beside an
        // internal one; the next build of that audience makes its folders anew.
        if BuildRecord.read(from: old)?.audience != BuildRecord.read(from: out)?.audience {
            remove(old)
            return
        }
        let folders = tree(of: old)
        _ = folders.concurrentMap { folder in
            for name in folder.files { unlink(folder.path + "/" + name) }
        }
        chmod(old, 0o700)
        if rename(old, spare(for: out)) != 0 { remove(old) }
    }

    /// Takes out of `staging` (a spare taken for it) every file, and every folder that is not
    /// one of `folders` (paths relative to it) or above one: a staging folder holds nothing of
    /// an earlier build, not even a folder named after a project this build does not show.
    static func keepOnly(_ folders: Set<String>, in staging: String) {
        // A kept folder gets the mode a new one would (the umask may have changed since).
        let mask = umask(0)
        umask(mask)
        var kept: Set<String> = []
        for folder in folders {
            var path = folder
            while !path.isEmpty, kept.insert(path).inserted { path = (path as NSString).deletingLastPathComponent }
        }
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? staging : staging + "/" + relative
            for entry in entries(of: folder) {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isFolder && kept.contains(path) {
                    chmod(staging + "/" + path, 0o755 & ~mask)
                    pending.append(path)
                } else {
                    remove(staging + "/" + path)
                }
            }
        }
    }

    /// Removes the staging folders (and put-aside old sites) of builds of `out` that were
    /// interrupted (Ctrl-C, a crash): their process is gone. Each may be gigabytes, and holds
    /// what the site holds; a folder of a build still running is left alone.
    static func removeAbandoned(besides out: String) {
        let parent = (out as NSString).deletingLastPathComponent
        let prefix = ".\((out as NSString).lastPathComponent).dossier-build-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(prefix) {
            var rest = name.dropFirst(prefix.count)
            let isOldSite = rest.hasSuffix("-old")
            if isOldSite { rest = rest.dropLast(4) }
            guard let pid = pid_t(rest), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            // A crash between `replace`'s two renames leaves the old site put aside and no site:
            // it is put back, not removed.
            if isOldSite, !FileManager.default.fileExists(atPath: out), rename(parent + "/" + name, out) == 0 { continue }
            remove(parent + "/" + name)
        }
    }

    /// Writes one page into the staging folder. Failures say why in the system's words ("No space
    /// left on device", "File too large"): Foundation's messages for them are vague or only an
    /// error number.
    static func writeFile(_ bytes: [UInt8], at path: String) throws(BuildFailure) {
        let folder = (path as NSString).deletingLastPathComponent
        if let failure = makeFolder(folder) { throw BuildFailure(.write, message: "cannot create \(folder): \(failure)", naming: [folder]) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BuildFailure(.write, message: "cannot write \(path): \(String(cString: strerror(errno)))", naming: [path]) }
        var failure = FileDescriptorOutput.writeAll(bytes, to: fd)
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure { throw BuildFailure(.write, message: "cannot write \(path): \(failure)", naming: [path]) }
    }

    /// Puts `staging` in place of `out`, so `out` is either the old site or the new one, never a
    /// mix and never missing: one atomic exchange of the two folders where the system has it
    /// (Linux `renameat2` with `RENAME_EXCHANGE`), else two renames, the old site put back if the
    /// second fails (a crash between those two renames leaves the old site beside `out`).
    static func replace(_ out: String, with staging: String) throws(BuildFailure) {
        // The mode any new folder gets (`makeStaging` kept it to its owner while written).
        let mask = umask(0)
        umask(mask)
        chmod(staging, 0o755 & ~mask)
        if FileManager.default.fileExists(atPath: out), exchange(staging, out) {
            recycle(staging, for: out)
            return
        }
        if FileManager.default.fileExists(atPath: out) {
            let old = staging + "-old"
            remove(old)
            guard rename(out, old) == 0 else {
                throw BuildFailure(.write, message: "cannot replace \(out): \(String(cString: strerror(errno)))", naming: [out])
            }
            guard rename(staging, out) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old, out)
                throw BuildFailure(.write, message: "cannot replace \(out): \(reason)", naming: [out])
            }
            recycle(old, for: out)
        } else {
            if let failure = makeFolder((out as NSString).deletingLastPathComponent) {
                throw BuildFailure(.write, message: "cannot create \(out): \(failure)", naming: [out])
            }
            guard rename(staging, out) == 0 else {
                throw BuildFailure(.write, message: "cannot move the build to \(out): \(String(cString: strerror(errno)))", naming: [out])
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

    /// Creates `path` and the folders above it; nil, or why it cannot (in the system's words).
    /// Tried at once, and the folders above only when it cannot be: a build asks this for the
    /// folder of every file it writes or links, and the folder is there for all but the first.
    static func makeFolder(_ path: String) -> String? {
        if mkdir(path, 0o755) == 0 { return nil }
        let failure = errno
        switch failure {
        case EEXIST:
            var status = stat()
            return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR ? nil : "a file of that name exists"
        case ENOENT, ENOTDIR:
            // A folder above is missing, or is a file (which the call for it names).
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { return String(cString: strerror(failure)) }
            if let problem = makeFolder(parent) { return problem }
            return mkdir(path, 0o755) == 0 || errno == EEXIST ? nil : String(cString: strerror(errno))
        default:
            return String(cString: strerror(failure))
        }
    }

    /// Removes `path` and everything under it (symbolic links are removed, never followed). The
    /// files of the folders are removed on every core, each folder's by one: a site holds
    /// thousands, and removing the previous one is the last step of every build.
    static func remove(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        let folders = tree(of: path)
        _ = folders.concurrentMap { folder in
            for name in folder.files { unlink(folder.path + "/" + name) }
        }
        // Deepest first, one at a time: the folders of one depth share a parent (a site's project
        // folders), whose lock each removal takes, so removing them side by side only made the
        // cores wait on each other.
        for folder in folders.sorted(by: { $0.depth > $1.depth }) { rmdir(folder.path) }
    }

    /// Every folder of the tree at `path` with its depth and its files (all that is not a
    /// folder), parents before their children: each folder is listed once.
    private static func tree(of path: String) -> [(path: String, depth: Int, files: [String])] {
        var folders: [(path: String, depth: Int, files: [String])] = []
        var pending = [(path: path, depth: 0)]
        while let (folder, depth) = pending.popLast() {
            let listed = entries(of: folder)
            folders.append((folder, depth, listed.filter { !$0.isFolder }.map(\.name)))
            pending += listed.filter(\.isFolder).map { (folder + "/" + $0.name, depth + 1) }
        }
        return folders
    }

    /// The names in `folder` (without `.` and `..`), and whether each is a folder (not a link to one).
    private static func entries(of folder: String) -> [(name: String, isFolder: Bool)] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var result: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard name != ".", name != ".." else { continue }
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var status = stat()
                isFolder = lstat(folder + "/" + name, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
            }
            result.append((name, isFolder))
        }
        return result
    }
}
