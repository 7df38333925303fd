import Foundation

/// Load → change → write for one project: what every editing command (`add`, `tag`, `untag`,
/// `classify`, `import`) goes through.
///
/// Opening reads `dossier.json` and the project's files only (not the other projects), and refuses
/// a project whose `project.json` or `indicators.json`, or the workspace's `dossier.json`, has
/// errors: rewriting a file dossier could not read fully could lose what the user meant. Saving
/// writes canonical bytes atomically, refreshes `updated`, and refuses (writing nothing) when a
/// file changed on disk since it was read. From opening to saving, another dossier run editing
/// the project waits (`FolderLock`).
public struct ProjectEdit: Sendable {
    public let root: String
    public let settings: WorkspaceSettings
    /// The project as read.
    public let project: Project
    /// Warnings found while reading the files (errors make `open` fail).
    public let warnings: [Diagnostic]
    /// Fingerprints of the files as read.
    let digests: [String: ContentDigest]
    /// Held from reading the project to writing it (`open`): the workspace's folder shared, the
    /// project's whole. Another dossier editing it, or formatting the workspace, waits.
    let locks: [FolderLock]

    public var vocabulary: Vocabulary { settings.vocabulary }

    /// Reads `dossier.json` and the project `slug` of the workspace at `root`.
    /// The folder of the project `slug` in the workspace at `root`, or why there is none (with
    /// the projects there are).
    public static func folder(of slug: String, root: String, reader: FileReader? = nil) throws(Failure) -> String {
        var ignored: [Diagnostic] = []
        let folders = WorkspaceLoader.projectFolders(root: root, reader: reader ?? FileReader(root: root), into: &ignored)
        // The folder as the file system names it: a name typed in another Unicode form (`café`
        // decomposed, as macOS gives it) is equal as Swift compares, not as the kernel opens.
        guard let folder = folders.first(where: { $0 == root + "/" + slug }) else {
            let names = folders.map { ($0 as NSString).lastPathComponent }
            throw .unknownProject(slug, projects: names, closest: ClosestName.find(slug, in: names))
        }
        return folder
    }

    /// - Parameter reading: for a command that only reads the project (an internal `export`):
    ///   any error `check` finds in the project's files is a refusal (but those that stop only
    ///   public outputs), and no lock is taken (another run's edit is not waited for).
    /// - Parameter waiting: called when another run holds a lock this one must wait for.
    public static func open(root: String, slug: String, reading: Bool = false, waiting: () -> Void = {}) throws(Failure) -> ProjectEdit {
        let reader = FileReader(root: root)
        let folder = try folder(of: slug, root: root, reader: reader)
        // Said once, though both may be waited for.
        var said = false
        func wait() {
            if !said { waiting() }
            said = true
        }
        let locks = reading ? [] : [FolderLock(root, shared: true, waiting: wait), FolderLock(folder, waiting: wait)]
        var diagnostics: [Diagnostic] = []
        var digests: [String: ContentDigest] = [:]
        let settingsPath = root + "/" + ProjectFiles.workspace
        var settings = WorkspaceSettings(title: (root as NSString).lastPathComponent)
        switch reader.read(settingsPath) {
        case .success(let bytes):
            digests[settingsPath] = ContentDigest(bytes)
            settings = SettingsDecoder.decode(bytes, path: settingsPath, folderName: settings.title, into: &diagnostics) ?? settings
        case .failure(let failure):
            diagnostics.append(WorkspaceLoader.readFailure(failure, path: settingsPath))
        }
        let loaded = ProjectLoader.load(slug: (folder as NSString).lastPathComponent, folder: folder, reader: reader.reader(ofProject: folder))
        diagnostics += loaded.diagnostics
        digests.merge(loaded.digests) { a, _ in a }
        let edited: Set<String> = [settingsPath, folder + "/" + ProjectFiles.project, folder + "/" + ProjectFiles.indicators]
        var errors = diagnostics.filter { $0.severity == .error && edited.contains($0.location?.path ?? settingsPath) }
        if let project = loaded.project {
            let twice = duplicates(in: project, settings: settings, root: root)
            // What reads the project (an internal export) refuses what `check` finds wrong in any
            // of its files, as an internal report does (a note's front matter, conflict markers);
            // not what stops only a public output.
            errors = reading
                ? (diagnostics + twice + WorkspaceChecker.check(project, in: Workspace(root: root, settings: settings, projects: [project])).diagnostics)
                    .filter { $0.severity == .error && !WorkspaceChecker.publicOnlyCodes.contains($0.code ?? "") }
                : errors + twice
        }
        guard errors.isEmpty, let project = loaded.project else {
            throw .invalidFiles(slug, diagnostics: errors.sorted())
        }
        return ProjectEdit(
            root: root, settings: settings, project: project,
            warnings: diagnostics.filter { $0.severity == .warning && edited.contains($0.location?.path ?? "") }.sorted(),
            digests: digests, locks: locks)
    }

    /// The project `slug` of a workspace loaded as a whole (e.g. by a command that also needs the
    /// other projects), with the same refusals as `open`; `refusingDuplicates: false` for a
    /// command that only reads it (`export`).
    public init(loaded: LoadedWorkspace, slug: String, refusingDuplicates: Bool = true) throws(Failure) {
        guard let project = loaded.workspace.project(slug) else {
            let names = loaded.workspace.projects.map(\.slug)
            throw .unknownProject(slug, projects: names, closest: ClosestName.find(slug, in: names))
        }
        let edited: Set<String> = [loaded.workspace.settingsFile, project.projectFile, project.indicatorsFile]
        let errors = loaded.diagnostics.items.filter { $0.severity == .error && edited.contains($0.location?.path ?? "") }
            + (refusingDuplicates ? Self.duplicates(in: project, settings: loaded.workspace.settings, root: loaded.workspace.root) : [])
        guard errors.isEmpty else { throw .invalidFiles(slug, diagnostics: errors.sorted()) }
        self.init(
            root: loaded.workspace.root, settings: loaded.workspace.settings, project: project,
            warnings: loaded.diagnostics.items.filter { $0.severity == .warning && edited.contains($0.location?.path ?? "") }.sorted(),
            digests: loaded.digests, locks: [])
    }

    /// The indicators `project` records twice: an edit would change one entry and leave the
    /// other, and a count would count both (`dossier fmt --merge` joins them first).
    static func duplicates(in project: Project, settings: WorkspaceSettings, root: String) -> [Diagnostic] {
        let alone = Workspace(root: root, settings: settings, projects: [project])
        return DuplicateIndicatorRule().check(alone, index: IndicatorIndex(alone, scope: .correlations))
    }

    /// The errors that checking `changed` (this project after an edit) finds and the project as
    /// read did not (by message: an edit moves positions). An edit that would leave the project
    /// so that `check` fails is refused: a public comment naming the project's private file path
    /// or address, a public indicator of a public project tagged `tlp:red`. Whether a value a text
    /// writes is private is the whole workspace's to say (another public project may publish it):
    /// when the project alone shows such an error, the edit brings notes, or it takes a value out of a public
    /// project (removed, or made private: another project's text that writes it may then publish
    /// a value only private projects record), the workspace is loaded (through `cache`) and
    /// checked with the edit to confirm it, wherever the error falls. A private value of another
    /// project written in the project is `check`'s alone to find.
    public func newErrors(in changed: Project, cache: ProjectCache? = nil) -> [Diagnostic] {
        // The project rules, and the published-value rule's part across projects on the project's
        // own survey (made once, with the rules).
        func alone(_ project: Project) -> (rules: [Diagnostic], published: [Diagnostic]) {
            let workspace = Workspace(root: root, settings: settings, projects: [project])
            let findings = WorkspaceChecker.check(project, in: workspace)
            let parts = WorkspaceChecker.publishedPrivateValues.parts(workspace, index: IndicatorIndex(workspace, scope: .correlations),
                mentions: [findings.mentions])
            return (findings.diagnostics, parts.flatMap { $0() })
        }
        let (before, after) = (alone(project), alone(changed))
        var found = Self.added(after.rules, to: before.rules)
        let withdrawn = Self.withdraws(changed, from: project)
        // New notes (an import's) may write what only other projects record.
        guard withdrawn || changed.notes != project.notes || !Self.added(after.published, to: before.published).isEmpty else { return found }
        var loaded = WorkspaceLoader.load(root: root, cache: cache, fingerprinting: false)
        guard let position = loaded.workspace.projects.firstIndex(where: { $0.slug == project.slug }) else { return found }
        let folder = (project.projectFile as NSString).deletingLastPathComponent + "/"
        func published(_ loaded: LoadedWorkspace) -> [Diagnostic] {
            WorkspaceChecker.check(loaded).items.filter {
                $0.code == PublishedPrivateValueRule.code && (withdrawn || ($0.location?.path.hasPrefix(folder) ?? false))
            }
        }
        let whole = published(loaded)
        loaded.workspace.projects[position] = changed
        found += Self.added(published(loaded), to: whole)
        return found
    }

    /// Whether `changed` (a public project after an edit) no longer publishes a value `project`
    /// published: removed, or made private.
    static func withdraws(_ changed: Project, from project: Project) -> Bool {
        guard project.visibility == .public else { return false }
        var published = Set(changed.indicators.lazy.filter { !$0.isPrivate }.map(\.key))
        return project.indicators.contains { !$0.isPrivate && published.insert($0.key).inserted }
    }

    /// The errors of `after` that `before` has not, by message (each as many times as it is there).
    static func added(_ after: [Diagnostic], to before: [Diagnostic]) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        for error in before where error.severity == .error { counts[error.message, default: 0] += 1 }
        return after.filter { error in
            guard error.severity == .error else { return false }
            guard let count = counts[error.message], count > 0 else { return true }
            counts[error.message] = count - 1
            return false
        }
    }

    /// The project's files break their lines with CR LF (a Windows checkout with
    /// `core.autocrlf`): a note written into it takes them too, or git warns of each.
    public var usesCRLF: Bool {
        (digests[project.projectFile] ?? digests[project.indicatorsFile])?.usesCRLF ?? false
    }

    init(root: String, settings: WorkspaceSettings, project: Project, warnings: [Diagnostic], digests: [String: ContentDigest],
        locks: [FolderLock]) {
        self.root = root
        self.settings = settings
        self.project = project
        self.warnings = warnings
        self.digests = digests
        self.locks = locks
    }

    /// Writes `changed` (this project after an edit): `indicators.json`, then `project.json` with
    /// `updated` moved on to `now` (`updated(over:at:)`), each only when its bytes differ; both are
    /// written out before either replaces its file, so a failed write changes nothing. Returns the
    /// paths written; empty when `changed` equals the project as read. Before writing anything
    /// both files are checked against what was read, so a concurrent change is refused with no
    /// file written (short of a change in the instant between the two renames).
    ///
    /// `alongWith`: files already written out (an import's note), put in place in the same go, so
    /// that a failure leaves none of them either.
    @discardableResult
    public func save(_ changed: Project, at now: Date = Date(), alongWith ready: [AtomicWriter.Prepared] = []) throws(WriteError) -> [String] {
        guard changed != project else {
            try AtomicWriter.write([], alongWith: ready)
            return ready.map(\.path)
        }
        var updated = changed
        updated.updated = Self.updated(over: changed.updated, at: now)
        let files = [
            (updated.indicatorsFile, CanonicalJSON.indicatorsFile(updated)),
            (updated.projectFile, CanonicalJSON.projectFile(updated)),
        ].map { path, bytes in (path, CanonicalJSON.lineBreaks(bytes, as: digests[path])) }
            .filter { path, bytes in digests[path] != ContentDigest(bytes) }
        for (path, _) in files {
            let current = FileManager.default.contents(atPath: path).map { ContentDigest(Array($0)) }
            guard current == digests[path] else { throw .changedOnDisk(path) }
        }
        // Both files are written before either is put in place: a failed write changes nothing.
        try AtomicWriter.write(files.map { (path: $0.0, bytes: $0.1, expected: digests[$0.0]) }, alongWith: ready)
        return files.map(\.0) + ready.map(\.path)
    }

    /// The `updated` an edit at `now` writes over `recorded`: always later than it, so that each
    /// saved version of a project is a new version to the STIX and MISP consumers of its exports
    /// (`modified` and `timestamp` come from it; an object with one they already have is taken as
    /// unchanged). The day's first edit writes today's date (UTC), as `new` does, so that two
    /// branches' edits of one day agree on it; a later edit that day the time, to the second
    /// (`2026-11-30T14:05:09Z`). Never back in time: a date recorded up to a day ahead (another
    /// time zone's tomorrow, a clock behind) is followed by its next second; one further ahead
    /// is a mistyped date, and today's is written.
    public static func updated(over recorded: String?, at now: Date) -> String {
        let today = Scaffold.today(now)
        guard let recorded, let last = ISODate.instant(recorded), let midnight = ISODate.instant(today)?.seconds,
              (midnight..<midnight + 2 * 86_400).contains(last.seconds) else { return today }
        let time = Scaffold.timestamp(now)
        return ISODate.precedes(recorded, time) ? time : Scaffold.timestamp(Date(timeIntervalSince1970: Double(last.seconds + 1)))
    }
}
