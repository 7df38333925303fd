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
    /// Fingerprint of each file as read, so a write can refuse if it changed meanwhile.
    public var digests: [String: ContentDigest]
    /// SHA-256 of each file as read (hexadecimal), when asked for (`hashingContent`): what a build
    /// keys its pages on. A project is a function of its files' bytes.
    public var contentHashes: [String: String] = [:]

    public var fileCount: Int { files.count }
}

/// Loads a workspace: `dossier.json`, every project folder, its `indicators.json` and `notes/*.md`.
/// Each file is read once; a file that fails becomes diagnostics and loading goes on, so one run
/// reports every problem. Projects load in parallel.
public enum WorkspaceLoader {
    /// - Parameter hashingContent: also take the SHA-256 of every file (`contentHashes`).
    public static func load(root: String, hashingContent: Bool = false) -> LoadedWorkspace {
        let reader = FileReader(root: root)
        var diagnostics: [Diagnostic] = []
        var files = [root + "/" + ProjectFiles.workspace]
        let folderName = (root as NSString).lastPathComponent
        var settings = WorkspaceSettings(title: folderName)
        var digests: [String: ContentDigest] = [:]
        var hashes: [String: String] = [:]
        switch reader.read(files[0]) {
        case .success(let bytes):
            digests[files[0]] = ContentDigest(bytes)
            if hashingContent { hashes[files[0]] = SHA256.hex(bytes) }
            settings = SettingsDecoder.decode(bytes, path: files[0], folderName: folderName, into: &diagnostics) ?? settings
        case .failure(let failure):
            diagnostics.append(readFailure(failure, path: files[0]))
        }
        let folders = projectFolders(root: root, reader: reader, into: &diagnostics)
        let loaded = folders.concurrentMap { folder in
            ProjectLoader.load(slug: (folder as NSString).lastPathComponent, folder: folder, reader: reader, hashingContent: hashingContent)
        }
        var projects: [Project] = []
        for result in loaded {
            diagnostics.append(contentsOf: result.diagnostics)
            files.append(contentsOf: result.files)
            digests.merge(result.digests) { a, _ in a }
            hashes.merge(result.hashes) { a, _ in a }
            if let project = result.project { projects.append(project) }
        }
        let withErrors = Set(diagnostics.filter { $0.severity == .error }.compactMap { $0.location?.path })
        return LoadedWorkspace(
            workspace: Workspace(root: root, settings: settings, projects: projects),
            diagnostics: DiagnosticList(diagnostics), files: files, filesWithErrors: withErrors,
            digests: digests, contentHashes: hashes)
    }

    /// Direct subfolders holding `project.json`, sorted by name. Hidden folders and the build
    /// output are skipped; a symbolic link leading outside the workspace is refused.
    static func projectFolders(root: String, reader: FileReader, into diagnostics: inout [Diagnostic]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        var folders: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let folder = root + "/" + name
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
                FileManager.default.fileExists(atPath: folder + "/" + ProjectFiles.project)
            else { continue }
            guard reader.isInside(folder) else {
                diagnostics.append(.error(at: SourceLocation(path: folder + "/" + ProjectFiles.project),
                    "refused: project folder \(name) is a symbolic link to a place outside the workspace", code: "outside-workspace"))
                continue
            }
            folders.append(folder)
        }
        return folders
    }

    static func readFailure(_ failure: FileReader.Failure, path: String) -> Diagnostic {
        switch failure {
        case .missing: .error(at: SourceLocation(path: path), "file is missing", code: "missing-file")
        case .problem(let message): .error(at: SourceLocation(path: path), message, code: "unreadable")
        }
    }
}

/// Loads one project folder.
enum ProjectLoader {
    struct Result: Sendable {
        var project: Project?
        var diagnostics: [Diagnostic] = []
        var files: [String] = []
        var digests: [String: ContentDigest] = [:]
        var hashes: [String: String] = [:]
        var hashingContent = false

        mutating func read(_ path: String, with reader: FileReader) -> Swift.Result<[UInt8], FileReader.Failure> {
            let result = reader.read(path)
            if case .success(let bytes) = result {
                digests[path] = ContentDigest(bytes)
                if hashingContent { hashes[path] = SHA256.hex(bytes) }
            }
            return result
        }
    }

    static func load(slug: String, folder: String, reader: FileReader, hashingContent: Bool = false) -> Result {
        var result = Result(hashingContent: hashingContent)
        let projectPath = folder + "/" + ProjectFiles.project
        result.files.append(projectPath)
        var project: Project?
        switch result.read(projectPath, with: reader) {
        case .success(let bytes):
            project = ProjectDecoder.decode(bytes, slug: slug, folder: folder, into: &result.diagnostics)
        case .failure(let failure):
            result.diagnostics.append(WorkspaceLoader.readFailure(failure, path: projectPath))
        }
        let indicatorsPath = folder + "/" + ProjectFiles.indicators
        var indicators: IndicatorsDecoder.Result?
        switch result.read(indicatorsPath, with: reader) {
        case .success(let bytes):
            result.files.append(indicatorsPath)
            indicators = IndicatorsDecoder.decode(bytes, path: indicatorsPath, into: &result.diagnostics)
        case .failure(.missing):
            indicators = IndicatorsDecoder.Result(indicators: [], extra: [])
        case .failure(let failure):
            result.files.append(indicatorsPath)
            result.diagnostics.append(WorkspaceLoader.readFailure(failure, path: indicatorsPath))
        }
        let notes = loadNotes(folder: folder + "/" + ProjectFiles.notes, reader: reader, into: &result)
        guard var project else { return result }
        project.indicators = indicators?.indicators ?? []
        project.hasAllIndicators = indicators?.isComplete ?? false
        project.indicatorsExtra = indicators?.extra ?? []
        project.notes = notes
        result.project = project
        return result
    }

    static func loadNotes(folder: String, reader: FileReader, into result: inout Result) -> [Note] {
        var status = stat()
        if lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, !reader.isInside(folder) {
            result.diagnostics.append(.error(at: SourceLocation(path: folder),
                "refused: the notes folder is a symbolic link to a place outside the workspace", code: "outside-workspace"))
            return []
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .sorted()
        var notes: [Note] = []
        for name in names {
            let path = folder + "/" + name
            result.files.append(path)
            switch result.read(path, with: reader) {
            case .success(let bytes):
                if let note = NoteDecoder.decode(bytes, fileName: name, path: path, into: &result.diagnostics) {
                    notes.append(note)
                }
            case .failure(let failure):
                result.diagnostics.append(WorkspaceLoader.readFailure(failure, path: path))
            }
        }
        return notes
    }
}
