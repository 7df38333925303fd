import Foundation

/// Loaded and checked projects kept between runs, so that `check` and `build` after an edit decode
/// and check again only the projects whose files changed.
///
/// An entry holds one project as loaded (the model, with every source position), the findings of
/// loading it and those of the project rules. Its key is the SHA-256 of everything they are made
/// of: the build of dossier (the executable's own hash), the workspace settings, the project's
/// folder and, for each of its files in reading order, its path and the SHA-256 of its bytes. Never
/// a modification time: a key changes exactly when the entry could. A project with a file that
/// could not be read is not cached.
///
/// The cache lives in the user's cache folder, not in the workspace: a cache committed to a
/// repository would be input nobody checks (a crafted entry could mark private material public).
/// Its folders and files are readable by their owner only, since entries hold private material.
/// Anything wrong with an entry (missing, damaged, another build's) makes it a miss; a cache that
/// cannot be written costs only the time it would have saved.
public struct ProjectCache: Sendable {
    /// This workspace's folder in the cache.
    public let folder: String
    /// The workspace, its symbolic links resolved; written in the folder as `workspace`, so that
    /// the folders of workspaces that are gone can be told and removed.
    let root: String

    static let header = Array("dossier project cache 2\n".utf8)
    static let entryExtension = ".entry"

    /// The cache of the workspace at `root` inside `base` (made absolute from the current folder).
    public init(base: String, root: String) {
        self.root = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let base = URL(fileURLWithPath: base).standardizedFileURL.path
        folder = base + "/workspaces/" + String(SHA256.hex(Array(self.root.utf8)).prefix(32))
    }

    /// The cache of the workspace at `root` where the environment puts it: `DOSSIER_CACHE_DIR`,
    /// else `$XDG_CACHE_HOME/dossier`, else `~/.cache/dossier`; nil when `DOSSIER_CACHE` is `off`
    /// or no folder is known, or the running executable cannot be read (`toolIdentity`).
    public static func standard(root: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> ProjectCache? {
        if environment["DOSSIER_CACHE"] == "off" || toolIdentity == nil { return nil }
        if let base = environment["DOSSIER_CACHE_DIR"], !base.isEmpty { return ProjectCache(base: base, root: root) }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return ProjectCache(base: xdg + "/dossier", root: root) }
        if let home = environment["HOME"], home.hasPrefix("/") { return ProjectCache(base: home + "/.cache/dossier", root: root) }
        return nil
    }

    /// What the cache says of one loaded project.
    /// Each holds the project as loaded, so that its findings are used, or stored, only for that
    /// very project (not one changed meanwhile, which is no longer what the files hold).
    public enum State: Sendable {
        /// Taken from the cache, with what checking it alone found, and its key.
        case hit(ProjectFindings, loaded: Project, key: String)
        /// Loaded from its files: to be stored under `key` once checked.
        case miss(key: String, loaded: Project, diagnostics: [Diagnostic])
    }

    struct Entry {
        var project: Project
        var diagnostics: [Diagnostic]
        var findings: ProjectFindings
    }

    /// The build of dossier running, so that no build reads another's entries (the format
    /// follows the model, which changes between builds). Nil: the cache is not used at all.
    static var toolIdentity: String? { DossierVersion.buildIdentity }

    /// The first part of every key of a run: the tool and the settings (`dossier.json`'s hash);
    /// nil when the tool cannot be told apart from other builds.
    static func scope(settings: String) -> String? {
        toolIdentity.map { "tool \($0)\nsettings \(settings)\n" }
    }

    /// The key of a project read from these files (path and SHA-256 each, in reading order).
    static func key(scope: String, folder: String, files: [(path: String, hash: String)]) -> String {
        var hasher = SHA256()
        hasher.update(scope)
        hasher.update("folder \(folder.utf8.count) \(folder)\n")
        for file in files {
            hasher.update("file \(file.path.utf8.count) \(file.path) \(file.hash)\n")
        }
        return hasher.finalize()
    }

    private func path(of slug: String) -> String { folder + "/" + slug + Self.entryExtension }

    /// The entry of `slug` if it was stored under `key` and is whole: its payload's checksum
    /// (`Checksum64`), written after the key, must match, so that a damaged entry is a miss. Read into memory, not
    /// mapped: a mapped file truncated meanwhile would crash the reader.
    func entry(slug: String, key: String) -> Entry? {
        Self.read(path(of: slug), key: key) { reader throws(CacheReader.Malformed) in
            let entry = Entry(project: try reader.project(), diagnostics: try reader.diagnostics(),
                findings: ProjectFindings(diagnostics: try reader.diagnostics(),
                    mentions: try reader.optional { reader throws(CacheReader.Malformed) in try reader.mentions() }))
            return entry.project.slug == slug ? entry : nil
        } ?? nil
    }

    /// What `read` makes of the payload of the file at `path`, if it was stored under `key`
    /// and is whole: its checksum (`Checksum64`), written after the key, must match and `read`
    /// must take every byte, so that a damaged file is a miss.
    private static func read<T>(_ path: String, key: String, _ read: (inout CacheReader) throws(CacheReader.Malformed) -> T) -> T? {
        guard case .success(let bytes) = FileReader.readAll(path) else { return nil }
        let expected = Self.header + Array((key + "\n").utf8)
        let start = expected.count + Self.checksumLength
        guard bytes.count >= start, bytes.prefix(expected.count).elementsEqual(expected) else { return nil }
        return bytes.withUnsafeBytes { (all: UnsafeRawBufferPointer) -> T? in
            let payload = UnsafeRawBufferPointer(rebasing: all[start...])
            guard Array(Checksum64.hex(payload).utf8) == Array(bytes[expected.count..<start - 1]) else { return nil }
            var reader = CacheReader(payload)
            do throws(CacheReader.Malformed) {
                let value = try read(&reader)
                return reader.isAtEnd ? value : nil
            } catch {
                return nil
            }
        }
    }

    /// What a later step made of a project (a site's listing rows), kept beside its entry under
    /// the entry's key (`LoadedWorkspace.cacheKeys`) and a `kind` of its own: taken only for the
    /// project as its files are now, by the build of dossier that wrote it.
    public func companion<T>(_ kind: String, slug: String, key: String, _ read: (inout CacheReader) throws(CacheReader.Malformed) -> T) -> T? {
        Self.read(companionPath(kind, slug: slug), key: key, read)
    }

    /// Stores a companion (`companion(_:slug:key:_:)`) as `write` writes it.
    public func storeCompanion(_ kind: String, slug: String, key: String, _ write: (inout CacheWriter) -> Void) {
        var writer = CacheWriter()
        write(&writer)
        store(writer, key: key, at: companionPath(kind, slug: slug))
    }

    /// `<slug>.entry.<kind>`: pruned with the entry (`prune`).
    private func companionPath(_ kind: String, slug: String) -> String { path(of: slug) + "." + kind }

    /// 16 hexadecimal digits and a newline.
    static let checksumLength = 17

    /// Writes an entry under a temporary name and renames it into place, so that a reader (or a
    /// second dossier) sees the whole old entry or the whole new one. Failures are ignored.
    func store(_ entry: Entry, key: String) {
        var writer = CacheWriter(capacity: 256 + entry.project.indicators.count * 160)
        writer.project(entry.project)
        writer.diagnostics(entry.diagnostics)
        writer.diagnostics(entry.findings.diagnostics)
        writer.optional(entry.findings.mentions) { $0.mentions($1) }
        store(writer, key: key, at: path(of: entry.project.slug))
    }

    /// Writes what `writer` holds at `path`, after the header, `key` and its checksum.
    private func store(_ writer: CacheWriter, key: String, at path: String) {
        let checksum = writer.bytes.withUnsafeBytes(Checksum64.hex)
        let bytes = Self.header + Array((key + "\n" + checksum + "\n").utf8) + writer.bytes
        guard makeFolder() else { return }
        write(bytes, to: path)
    }

    /// Writes `bytes` under a temporary name beside `target`, then renames it into place; on any
    /// failure nothing is left.
    private func write(_ bytes: [UInt8], to target: String) {
        let temporary = target + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return }
        let failure = FileDescriptorOutput.writeAll(bytes, to: fd)
        close(fd)
        if failure != nil || rename(temporary, target) != 0 { unlink(temporary) }
    }

    /// Removes the entries of projects no longer in the workspace, and the folders of workspaces
    /// that are gone (moved, deleted, or temporary), which nothing would ever read again.
    func prune(keeping slugs: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            // An entry (`<slug>.entry`), or a companion of one (`<slug>.entry.<kind>`).
            let slug = name.hasSuffix(Self.entryExtension) ? name.dropLast(Self.entryExtension.count)
                : name.range(of: Self.entryExtension + ".", options: .backwards).map { name[..<$0.lowerBound] }
            if let slug, !slugs.contains(String(slug)) { unlink(folder + "/" + name) }
        }
        let workspaces = (folder as NSString).deletingLastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: workspaces)) ?? [] where Self.isFolderName(name) {
            let sibling = workspaces + "/" + name
            // A folder without a whole `workspace` file is left alone: it may be being made.
            guard sibling != folder, let recorded = FileManager.default.contents(atPath: sibling + "/" + Self.workspaceFile)
            else { continue }
            let path = String(decoding: recorded, as: UTF8.self)
            guard path.hasPrefix("/"), !FileManager.default.fileExists(atPath: path + "/" + ProjectFiles.workspace) else { continue }
            // Only what the cache itself writes is removed, and the folder if that emptied it.
            for file in (try? FileManager.default.contentsOfDirectory(atPath: sibling)) ?? []
            where file.hasSuffix(Self.entryExtension) || file.contains(Self.entryExtension + ".") || file.hasSuffix(".tmp") || file == Self.workspaceFile {
                unlink(sibling + "/" + file)
            }
            rmdir(sibling)
        }
    }

    /// A workspace's folder name in the cache: 32 lowercase hexadecimal digits.
    static func isFolderName(_ name: String) -> Bool {
        name.utf8.count == 32 && name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    static let workspaceFile = "workspace"

    private func makeFolder() -> Bool {
        var status = stat()
        if stat(folder, &status) == 0 { return true }
        // Each level owner-only; an existing parent (~/.cache) is left as it is.
        var path = ""
        for component in folder.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o700) != 0, errno != EEXIST { return false }
        }
        write(Array(root.utf8), to: folder + "/" + Self.workspaceFile)
        return true
    }
}
