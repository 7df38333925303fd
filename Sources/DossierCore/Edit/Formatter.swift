/// `dossier fmt`: the canonical bytes of every JSON file of the workspace, compared with what is on
/// disk. Files with errors are left alone: rewriting them could lose what the user meant.
public struct FormatPlan: Sendable {
    public struct Change: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var digest: ContentDigest?
    }

    /// Files whose canonical form differs from their content.
    public var changes: [Change] = []
    /// Files that cannot be formatted because they have errors.
    public var skipped: [String] = []
    /// With `mergingDuplicates`: each indicator recorded more than once in a file, merged or
    /// left apart (and why).
    public var duplicates: [(path: String, outcome: DuplicateMerge.Outcome)] = []
    /// With `mergingDuplicates`: each indicator (or project) that had a tag written twice, and
    /// the spellings dropped.
    public var repeatedTags: [(path: String, repeated: DuplicateMerge.RepeatedTags)] = []

    /// The files `loaded` read as their conflicts' resolution (`ConflictResolution`), by the
    /// content on disk they replace: each is written, whatever its resolution's form.
    private let replacing: [String: ContentDigest]

    /// - Parameters:
    ///   - mergingDuplicates: merge the entries of an indicator recorded more than once in a
    ///     project, and a tag written twice on one (`DuplicateMerge`), besides the layout.
    ///   - resolved: the conflicted files `loaded` was read with the resolution of.
    public init(_ loaded: LoadedWorkspace, mergingDuplicates: Bool = false, resolved: [String: ConflictResolution.Resolved] = [:]) {
        replacing = resolved.mapValues(\.replacing)
        let workspace = loaded.workspace
        consider(workspace.settingsFile, CanonicalJSON.workspaceFile(workspace.settings), loaded)
        for var project in workspace.projects {
            if mergingDuplicates, !loaded.filesWithErrors.contains(project.projectFile) {
                let (kept, repeats) = Tag.once(project.tags)
                if !repeats.isEmpty {
                    project.tags = kept
                    repeatedTags.append((project.projectFile, DuplicateMerge.RepeatedTags(key: nil, dropped: repeats.map(\.again))))
                }
            }
            consider(project.projectFile, CanonicalJSON.projectFile(project), loaded)
            guard loaded.digests[project.indicatorsFile] != nil else { continue }
            if mergingDuplicates, !loaded.filesWithErrors.contains(project.indicatorsFile) {
                // Each entry's own repeated tags first, so that all are told: a merge joins the
                // entries' tags as one list.
                let (tidied, repeated) = DuplicateMerge.withoutRepeatedTags(project.indicators)
                repeatedTags += repeated.map { (project.indicatorsFile, $0) }
                let (indicators, outcomes) = DuplicateMerge.merged(tidied, vocabulary: workspace.vocabulary)
                project.indicators = indicators
                duplicates += outcomes.map { (project.indicatorsFile, $0) }
            }
            consider(project.indicatorsFile, CanonicalJSON.indicatorsFile(project), loaded)
        }
        let formatted = Set(changes.map(\.path))
        let considered = Set([workspace.settingsFile] + workspace.projects.flatMap { [$0.projectFile, $0.indicatorsFile] })
        skipped = loaded.files.filter { $0.hasSuffix(".json") && loaded.filesWithErrors.contains($0) && !formatted.contains($0) }
        let withErrors = Set(skipped)
        skipped += loaded.files.filter { $0.hasSuffix(".json") && !considered.contains($0) && !withErrors.contains($0) }
    }

    private mutating func consider(_ path: String, _ canonical: [UInt8], _ loaded: LoadedWorkspace) {
        guard !loaded.filesWithErrors.contains(path) else { return }
        let digest = replacing[path] ?? loaded.digests[path]
        let canonical = CanonicalJSON.lineBreaks(canonical, as: digest)
        guard digest != ContentDigest(canonical) else { return }
        changes.append(Change(path: path, bytes: canonical, digest: digest))
    }

    /// Writes every change atomically, all of them out before any replaces its file (so a failed
    /// write, such as a full disk, changes nothing); returns the paths written.
    public func apply() throws(WriteError) -> [String] {
        try AtomicWriter.write(changes.map { (path: $0.path, bytes: $0.bytes, expected: $0.digest) })
        return changes.map(\.path)
    }
}
