import Foundation

/// What loading a workspace gives: the model (with every file that loaded cleanly), the findings
/// of every file, and which files had errors (so that editing commands can refuse to rewrite them).
public struct LoadedWorkspace: Sendable {
    public var workspace: Workspace
    public var diagnostics: DiagnosticList
    /// Absolute paths of the files read.
    public var files: [String]
    /// Absolute paths of files with at least one error.
    public var filesWithErrors: Set<String>
    /// Fingerprint of each file as read, so a write can refuse if it changed meanwhile (none when
    /// loaded without `fingerprinting`, for a command that writes nothing back).
    public var digests: [String: ContentDigest]
    /// SHA-256 of each file as read (hexadecimal), when asked for (`hashingContent`): what a build
    /// keys its pages on. A project is a function of its files' bytes.
    public var contentHashes: [String: String] = [:]
    /// The cache the projects were looked up in, and what it said of each project of `workspace`
    /// (by position; nil: not cached). Folder names are not keys: two names Swift deems equal
    /// (é composed or not) are two folders.
    public var cache: ProjectCache?
    public var cacheStates: [ProjectCache.State?] = []

    public var fileCount: Int { files.count }

    /// The cache key of each project of `workspace` (by position; nil: not cached): what a later
    /// step keeps of a project beside its entry is kept under it (`ProjectCache.companion`).
    public var cacheKeys: [String?] {
        cacheStates.map { state in
            switch state {
            case .hit(_, _, let key)?, .miss(let key, _, _)?: key
            case nil: nil
            }
        }
    }
}

/// Loads a workspace: `dossier.json`, every project folder, its `indicators.json` and `notes/*.md`.
/// Each file is read once; a file that fails becomes diagnostics and loading goes on, so one run
/// reports every problem. Projects load in parallel.
public enum WorkspaceLoader {
    /// - Parameters:
    ///   - hashingContent: also take the SHA-256 of every file (`contentHashes`).
    ///   - cache: take unchanged projects from this cache (the check stores the others).
    ///   - fingerprinting: take each file's fingerprint (`digests`), which only an edit needs.
    ///   - overlay: content read in place of these files' (`FileReader.overlay`).
    public static func load(root: String, hashingContent: Bool = false, cache: ProjectCache? = nil,
        fingerprinting: Bool = true, overlay: [String: [UInt8]] = [:]) -> LoadedWorkspace {
        let reader = FileReader(root: root, overlay: overlay)
        var diagnostics: [Diagnostic] = []
        var files = [root + "/" + ProjectFiles.workspace]
        let folderName = (root as NSString).lastPathComponent
        var settings = WorkspaceSettings(title: folderName)
        var digests: [String: ContentDigest] = [:]
        var hashes: [String: String] = [:]
        var settingsHash = "unread"
        switch reader.read(files[0]) {
        case .success(let bytes):
            if fingerprinting { digests[files[0]] = ContentDigest(bytes) }
            settingsHash = SHA256.hex(bytes)
            if hashingContent { hashes[files[0]] = settingsHash }
            settings = SettingsDecoder.decode(bytes, path: files[0], folderName: folderName, into: &diagnostics) ?? settings
        case .failure(let failure):
            diagnostics.append(readFailure(failure, path: files[0]))
        }
        let folders = projectFolders(root: root, reader: reader, into: &diagnostics)
        let scope = cache.flatMap { cache in
            ProjectCache.scope(settings: settingsHash).map { ProjectLoader.CacheScope(cache: cache, scope: $0) }
        }
        let loaded = folders.concurrentMap { folder in
            ProjectLoader.load(slug: (folder as NSString).lastPathComponent, folder: folder, reader: reader.reader(ofProject: folder),
                hashingContent: hashingContent,
                cache: scope, fingerprinting: fingerprinting)
        }
        cache?.prune(keeping: Set(folders.map { ($0 as NSString).lastPathComponent }))
        var projects: [Project] = []
        var cacheStates: [ProjectCache.State?] = []
        for result in loaded {
            diagnostics.append(contentsOf: result.diagnostics)
            files.append(contentsOf: result.files)
            digests.merge(result.digests) { a, _ in a }
            if hashingContent { hashes.merge(result.hashes) { a, _ in a } }
            if let project = result.project {
                projects.append(project)
                cacheStates.append(result.cacheState)
            }
        }
        diagnostics += sharedFiles(projects, root: root)
        let withErrors = Set(diagnostics.filter { $0.severity == .error }.compactMap { $0.location?.path })
        return LoadedWorkspace(
            workspace: Workspace(root: root, settings: settings, projects: projects),
            diagnostics: DiagnosticList(diagnostics), files: files, filesWithErrors: withErrors,
            digests: digests, contentHashes: hashes, cache: cache, cacheStates: cacheStates)
    }

    /// A file as the system knows it, whatever its names: its device and inode.
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64

        /// The regular file at `path` when it has other names (hard links), else nil.
        init?(linked path: String) {
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_nlink > 1 else { return nil }
            (device, inode) = (UInt64(status.st_dev), UInt64(status.st_ino))
        }
    }

    /// Files of public output (any file in a public project's folder, the workspace's templates)
    /// that are one file (a hard link: `ln`, `cp -al`, a deduplicating tool) with a file kept out
    /// of it: a private project's, a note of the public project its name or front matter keeps
    /// private, a hidden file. The public site would publish it under the public name: an error
    /// there (a symbolic link is refused as it is read). Only files with other names are looked
    /// at further, and the private projects' folders only when there are some.
    static func sharedFiles(_ projects: [Project], root: String) -> [Diagnostic] {
        let published = projects.filter { $0.visibility == .public }
        let folders = published.map(\.folder) + [root + "/" + ProjectFiles.templates]
        var names: [FileID: [String]] = [:]
        for files in folders.concurrentMap({ folder in filePaths(under: folder).compactMap { path in FileID(linked: path).map { ($0, path) } } }) {
            for (id, path) in files { names[id, default: []].append(path) }
        }
        guard !names.isEmpty else { return [] }
        // Why each name kept out of public output is: a public project's notes it does not
        // publish, hidden files, and every file of a private project.
        var kept: [String: String] = [:]
        for project in published {
            for note in project.notes where !AudienceFilter.publishes(note, of: project) { kept[note.path] = "a note kept out of public output" }
        }
        for paths in names.values {
            for path in paths where (path as NSString).lastPathComponent.hasPrefix(".") { kept[path] = "a hidden file" }
        }
        let privateFiles = projects.filter { $0.visibility == .private }.concurrentMap { project in
            filePaths(under: project.folder).compactMap { path in FileID(linked: path).map { ($0, path, project.slug) } }
        }.flatMap { $0 }
        for (id, path, slug) in privateFiles where names[id] != nil {
            names[id]?.append(path)
            kept[path] = "a file of the private project \(slug)"
        }
        var diagnostics: [Diagnostic] = []
        for paths in names.values {
            guard let keeping = paths.first(where: { kept[$0] != nil }), let why = kept[keeping] else { continue }
            for path in paths where kept[path] == nil {
                diagnostics.append(.error(at: SourceLocation(path: path),
                    "this file is the same file as \(keeping) (a hard link), \(why), and the public site would publish it under this name; give it a file of its own (cp), or take it out",
                    code: "shared-file"))
            }
        }
        return diagnostics
    }

    /// Every file under `folder`, in its subfolders too; not through a symbolic link.
    static func filePaths(under folder: String) -> [String] {
        var paths: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: current)) ?? [] {
                let path = current + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG: paths.append(path)
                default: break
                }
            }
        }
        return paths
    }

    /// Direct subfolders holding `project.json`, sorted by name. Hidden folders and the build
    /// output are skipped; a folder that is a symbolic link, or that cannot be read, is refused.
    static func projectFolders(root: String, reader: FileReader, into diagnostics: inout [Diagnostic]) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root)
        } catch {
            diagnostics.append(.error(at: SourceLocation(path: root), "the workspace folder cannot be read: \(Self.reason(root))", code: "unreadable"))
            return []
        }
        var folders: [String] = []
        var byKey: [String: String] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let folder = root + "/" + name
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else { continue }
            // A folder dossier cannot open would vanish from every report and the site unseen.
            guard access(folder, R_OK | X_OK) == 0 else {
                let reason = String(cString: strerror(errno))
                diagnostics.append(.error(at: SourceLocation(path: folder),
                    "\(name)/ cannot be read (\(reason)), so if it is a project it is left out of every report and of the site; give it read and search permission (chmod u+rx)",
                    code: "unreadable"))
                continue
            }
            guard FileManager.default.fileExists(atPath: folder + "/" + ProjectFiles.project) else {
                // What looks like a project without its project.json is skipped, not silently.
                if FileManager.default.fileExists(atPath: folder + "/" + ProjectFiles.indicators) {
                    diagnostics.append(.warning(at: SourceLocation(path: folder + "/" + ProjectFiles.indicators),
                        "\(name)/ holds indicators.json but no project.json, so it is not loaded as a project; restore project.json (or move the folder out of the workspace)",
                        code: "missing-file"))
                }
                continue
            }
            guard reader.isInside(folder) else {
                diagnostics.append(.error(at: SourceLocation(path: folder + "/" + ProjectFiles.project),
                    "refused: project folder \(name) is a symbolic link to a place outside the workspace", code: "outside-workspace"))
                continue
            }
            var status = stat()
            if lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
                let target = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
                diagnostics.append(.error(at: SourceLocation(path: folder + "/" + ProjectFiles.project),
                    "refused: project folder \(name) is a symbolic link (to \(target)): the same files would be a second project, with its own visibility; make it a folder of its own or remove it",
                    code: "symbolic-link"))
                continue
            }
            // `VPN-Case` beside `vpn-case` (or é composed beside é decomposed): one folder on macOS
            // and Windows, so a checkout there merges them, and two site pages that collide.
            let key = name.lowercased().precomposedStringWithCanonicalMapping
            if let other = byKey[key] {
                diagnostics.append(.warning(at: SourceLocation(path: folder + "/" + ProjectFiles.project),
                    "project folders \(other) and \(name) differ only in letter case or Unicode form: on macOS and Windows they are one folder, and their site pages would collide; rename one",
                    code: "folder-name"))
            } else {
                byKey[key] = name
            }
            // Commands run inside the project would take that folder for their workspace.
            if FileManager.default.fileExists(atPath: folder + "/" + ProjectFiles.workspace) {
                diagnostics.append(.warning(at: SourceLocation(path: folder + "/" + ProjectFiles.workspace),
                    "project \(name) holds a dossier.json: commands run inside the project take it for a workspace of its own and miss this one; remove it (a workspace goes beside this one, not in it)",
                    code: "nested-workspace"))
            }
            folders.append(folder)
        }
        return folders
    }

    /// Why `path` cannot be opened, as the system says it.
    static func reason(_ path: String) -> String {
        opendir(path).map { closedir($0); return "unknown reason" } ?? String(cString: strerror(errno))
    }

    static func readFailure(_ failure: FileReader.Failure, path: String) -> Diagnostic {
        switch failure {
        case .missing: .error(at: SourceLocation(path: path), "file is missing", code: "missing-file")
        case .problem(let message): .error(at: SourceLocation(path: path), message, code: "unreadable")
        }
    }
}

/// Loads one project folder: reads its files, then decodes them, or takes the project from the
/// cache (`ProjectCache`) when the files are those it was decoded from.
enum ProjectLoader {
    struct Result: Sendable {
        var project: Project?
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        var digests: [String: ContentDigest] = [:]
        var hashes: [String: String] = [:]
        var hashingContent = false
        var fingerprinting = true
        var cacheState: ProjectCache.State?

        mutating func read(_ path: String, with reader: FileReader) -> Swift.Result<[UInt8], FileReader.Failure> {
            let result = reader.read(path)
            if case .success(let bytes) = result {
                if fingerprinting { digests[path] = ContentDigest(bytes) }
                if hashingContent { hashes[path] = SHA256.hex(bytes) }
            }
            return result
        }
    }

    /// Where a project's cache entry is and what its key starts with (`ProjectCache.scope`).
    struct CacheScope: Sendable {
        var cache: ProjectCache
        var scope: String
    }

    static func load(slug: String, folder: String, reader: FileReader, hashingContent: Bool = false, cache: CacheScope? = nil,
        fingerprinting: Bool = true) -> Result {
        var result = Result(hashingContent: hashingContent || cache != nil, fingerprinting: fingerprinting)
        let projectPath = folder + "/" + ProjectFiles.project
        result.files.append(projectPath)
        let projectFile = result.read(projectPath, with: reader)
        let indicatorsPath = folder + "/" + ProjectFiles.indicators
        let indicatorsFile = result.read(indicatorsPath, with: reader)
        if case .failure(.missing) = indicatorsFile {} else { result.files.append(indicatorsPath) }
        let noteFiles = readNotes(folder: folder + "/" + ProjectFiles.notes, reader: reader, into: &result)

        let key = cache.flatMap { cacheKey(scope: $0.scope, folder: folder, of: result) }
        if let cache, let key, let entry = cache.cache.entry(slug: slug, key: key) {
            result.project = entry.project
            result.diagnostics += entry.diagnostics
            result.cacheState = .hit(entry.findings, loaded: entry.project, key: key)
            return result
        }
        let diagnosticsBefore = result.diagnostics.count
        var project: Project?
        switch projectFile {
        case .success(let bytes):
            project = ProjectDecoder.decode(bytes, slug: slug, folder: folder, into: &result.diagnostics)
        case .failure(let failure):
            result.diagnostics.append(WorkspaceLoader.readFailure(failure, path: projectPath))
        }
        var indicators: IndicatorsDecoder.Result?
        switch indicatorsFile {
        case .success(let bytes):
            indicators = IndicatorsDecoder.decode(bytes, path: indicatorsPath, into: &result.diagnostics)
        case .failure(.missing):
            // A project without the file records nothing; said, since a file deleted by mistake
            // would otherwise make its indicators vanish without a word.
            indicators = IndicatorsDecoder.Result(indicators: [], extra: [])
            result.diagnostics.append(.warning(at: SourceLocation(path: indicatorsPath),
                "indicators.json is missing: the project records no indicators (`dossier new` writes an empty one; restore it with git if it was deleted)",
                code: "missing-file"))
        case .failure(let failure):
            result.diagnostics.append(WorkspaceLoader.readFailure(failure, path: indicatorsPath))
        }
        var notes: [Note] = []
        for (name, path, file) in noteFiles {
            switch file {
            case .success(let bytes):
                if let note = NoteDecoder.decode(bytes, fileName: name, path: path, into: &result.diagnostics) {
                    notes.append(note)
                }
            case .failure(let failure):
                result.diagnostics.append(WorkspaceLoader.readFailure(failure, path: path))
            }
        }
        guard var project else { return result }
        project.indicators = indicators?.indicators ?? []
        project.hasAllIndicators = indicators?.isComplete ?? false
        project.indicatorsExtra = indicators?.extra ?? []
        project.notes = notes
        result.project = project
        if let key {
            result.cacheState = .miss(key: key, loaded: project, diagnostics: Array(result.diagnostics[diagnosticsBefore...]))
        }
        return result
    }

    /// The cache key of the files read into `result`, or nil when one could not be read (or a
    /// refusal was reported while reading): such a project is always loaded from its files.
    private static func cacheKey(scope: String, folder: String, of result: Result) -> String? {
        guard result.diagnostics.isEmpty else { return nil }
        var files: [(path: String, hash: String)] = []
        for path in result.files {
            guard let hash = result.hashes[path] else { return nil }
            files.append((path, hash))
        }
        return ProjectCache.key(scope: scope, folder: folder, files: files)
    }

    /// Reads the notes folder's `*.md` files, sorted by name.
    /// A `.md` file whose name starts with a dot (`.draft.md`): not read, and said to be, as one
    /// may have meant it as a note. An editor's lock file (`.#01.md`) and macOS's resource file
    /// (`._01.md`) are nobody's notes.
    static func isHiddenNote(_ name: String) -> Bool {
        name.hasPrefix(".") && !name.hasPrefix(".#") && !name.hasPrefix("._") && ProjectFiles.isNoteName(name) && name.count > 4
    }

    static func readNotes(folder: String, reader: FileReader, into result: inout Result)
        -> [(name: String, path: String, file: Swift.Result<[UInt8], FileReader.Failure>)] {
        var status = stat()
        if lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, !reader.isInside(folder) {
            result.diagnostics.append(.error(at: SourceLocation(path: folder),
                "refused: the notes folder is a symbolic link to a place outside \(reader.scopeName)", code: "outside-workspace"))
            return []
        }
        let listed: [String]
        do {
            listed = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            // No notes folder is no notes; one that cannot be read would drop them unseen.
            if lstat(folder, &status) == 0 {
                result.diagnostics.append(.error(at: SourceLocation(path: folder),
                    "the notes folder cannot be read (\(WorkspaceLoader.reason(folder))), so its notes would be left out; give it read and search permission (chmod u+rx)",
                    code: "unreadable"))
            }
            return []
        }
        // `.md` in any case (`06-upper.MD`, saved so by an editor). What looks meant as a note but
        // is not read (a Markdown or text file by another name, a folder of notes) is said to be
        // left out, not skipped unseen; attachments (a screenshot) are nobody's note.
        let names = listed.filter { ProjectFiles.isNoteName($0) && !$0.hasPrefix(".") }.sorted()
        for name in listed.sorted() where !name.hasPrefix(".") && !ProjectFiles.isNoteName(name) || Self.isHiddenNote(name) {
            let path = folder + "/" + name
            var isFolder: ObjCBool = false
            let reason: String
            if name.hasPrefix(".") {
                reason = "its name starts with a dot, as a hidden file's does"
            } else if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                guard ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).contains(where: ProjectFiles.isNoteName) else { continue }
                reason = "a folder: notes are the .md files of notes/ itself"
            } else if [".markdown", ".mdown", ".mkd", ".txt"].contains(where: name.lowercased().hasSuffix) {
                reason = "notes are .md files"
            } else {
                continue
            }
            result.diagnostics.append(.warning(at: SourceLocation(path: path),
                "\(name) in notes/ is left out of every report (\(reason)); move or rename it if it is a note", code: "not-a-note"))
        }
        return names.map { name in
            let path = folder + "/" + name
            result.files.append(path)
            if let refusal = linkedNoteRefusal(path, notesFolder: folder) { return (name, path, .failure(.problem(refusal))) }
            return (name, path, result.read(path, with: reader))
        }
    }

    /// Why a note that is a symbolic link is not read, if it is refused: it may lead only to a
    /// note of the same notes folder. A link to the project's `indicators.json` or `project.json`
    /// would publish, as a note's text, the sources, private indicators and fields a report leaves
    /// out.
    static func linkedNoteRefusal(_ path: String, notesFolder: String) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return nil }
        // Where the system leads it; one it cannot follow, the reader refuses.
        guard let real = FileReader.realPath(path) else { return nil }
        let target = URL(fileURLWithPath: real)
        let notes = FileReader.realPath(notesFolder) ?? notesFolder
        // A hidden note (`.draft.md`) is read by no report, and one its name keeps private
        // (`_draft-sightings.md`) by no public one: a link would publish it.
        if target.deletingLastPathComponent().path == notes, let word = NoteDecoder.hidingWord(in: target.lastPathComponent),
           NoteDecoder.hidingWord(in: (path as NSString).lastPathComponent) == nil {
            return "refused: this note is a symbolic link to \(target.lastPathComponent), kept private by its name (which \(NoteDecoder.describe(hidingWord: word))), and would publish it under its own name; link a note whose name does not keep it private"
        }
        guard target.deletingLastPathComponent().path != notes || !ProjectFiles.isNoteName(target.lastPathComponent)
            || target.lastPathComponent.hasPrefix(".") else { return nil }
        // Outside the project, the reader's own refusal says so.
        guard FileReader(root: (notesFolder as NSString).deletingLastPathComponent).isInside(target.path) else { return nil }
        return "refused: a note that is a symbolic link must lead to another note of notes/, and this one leads to \(target.lastPathComponent)"
    }
}
