/// What a note's text says about the project's indicators, found by scanning each note once:
/// - an indicator written in a note but missing from the project's `indicators.json` (a warning):
///   reports, lookups and exports would not know about it;
/// - an indicator recorded as private but written in a note the public site shows (an error): the
///   audience filter drops private indicators, not their values written in a public note's text.
public struct NoteMentionRule: ProjectRule {
    public static let code = "unrecorded-indicator"
    public static let privateMentionCode = "private-indicator-in-public-note"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        // With indicators.json unreadable, every mention would look unrecorded: say nothing.
        guard !project.notes.isEmpty, project.hasAllIndicators else { return [] }
        let mentions = project.notes.map { Indicators.extract(from: $0.body) }
        let (recorded, onlyPrivate) = Self.recorded(among: mentions, in: project)
        var diagnostics: [Diagnostic] = []
        for (note, mentioned) in zip(project.notes, mentions) {
            // What the public site shows: a public note of a public project (`AudienceFilter`).
            let published = project.visibility == .public && note.effectiveVisibility(in: project) == .public
            var reported: Set<String> = []
            for found in mentioned {
                let isRecorded = recorded.contains(found.value)
                guard !isRecorded || published && onlyPrivate.contains(found.value), reported.insert(found.value).inserted else { continue }
                let position = SourcePosition(line: note.bodyLine + found.line - 1, column: found.column)
                let location = SourceLocation(path: note.path, position: position)
                if isRecorded {
                    diagnostics.append(.error(at: location,
                        "\(found.type.rawValue) \(found.value) is recorded as private, but this note is public and the public site would show it; make the note private (visibility: private in its front matter) or the indicator public",
                        code: Self.privateMentionCode))
                } else {
                    diagnostics.append(.warning(at: location,
                        "\(found.type.rawValue) \(found.value) is written in this note but not recorded; add it with `dossier add \(project.slug) \(found.value)`",
                        code: Self.code))
                }
            }
        }
        return diagnostics
    }

    /// The values mentioned in the notes that the project records, and those of them recorded
    /// only as private indicators; by value alone (a 40-hex hash may be recorded as sha1 or
    /// x509-sha1) and as Swift compares strings (canonically equivalent spellings are one value).
    /// The notes mention a few dozen values and the project may record thousands: each recorded
    /// value is looked up among the mentioned ones, which spares making a set of every recorded value.
    static func recorded(among mentions: [[ExtractedIndicator]], in project: Project) -> (recorded: Set<String>, onlyPrivate: Set<String>) {
        let mentioned = Set(mentions.joined().map(\.value))
        guard !mentioned.isEmpty else { return ([], []) }
        var recorded: Set<String> = []
        var publicly: Set<String> = []
        for i in project.indicators.indices where mentioned.contains(project.indicators[i].value) {
            recorded.insert(project.indicators[i].value)
            if !project.indicators[i].isPrivate { publicly.insert(project.indicators[i].value) }
        }
        return (recorded, recorded.subtracting(publicly))
    }
}
