/// An indicator written in a note but missing from the project's `indicators.json`: reports,
/// lookups and exports would not know about it.
public struct UnrecordedNoteIndicatorRule: ProjectRule {
    public static let code = "unrecorded-indicator"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        // With indicators.json unreadable, every mention would look unrecorded: say nothing.
        guard !project.notes.isEmpty, project.hasAllIndicators else { return [] }
        var diagnostics: [Diagnostic] = []
        // By value alone: a 40-hex hash may be recorded as sha1 or x509-sha1.
        let recorded = Set(project.indicators.map(\.value))
        for note in project.notes {
            var reported: Set<String> = []
            for found in Indicators.extract(from: note.body) where !recorded.contains(found.value) {
                guard reported.insert(found.value).inserted else { continue }
                let position = SourcePosition(line: note.bodyLine + found.line - 1, column: found.column)
                diagnostics.append(.warning(at: SourceLocation(path: note.path, position: position),
                    "\(found.type.rawValue) \(found.value) is written in this note but not recorded; add it with `dossier add \(project.slug) \(found.value)`",
                    code: Self.code))
            }
        }
        return diagnostics
    }
}
