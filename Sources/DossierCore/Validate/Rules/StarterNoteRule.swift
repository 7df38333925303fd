/// A note the public site would publish that still holds the placeholder `dossier new` wrote
/// ("What happened, how it was found..."): a stakeholder would read it as the analysts' words. A
/// warning, at the placeholder's line; internal output is the team's own draft and says nothing.
public struct StarterNoteRule: ProjectRule {
    public static let code = "starter-note"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        project.notes.compactMap { note in
            guard AudienceFilter.publishes(note, of: project), let offset = ByteSearch.firstOffset(of: Scaffold.placeholder, in: note.body) else { return nil }
            // Counted in bytes: a CR LF is one `Character`.
            let line = note.body.utf8.prefix(offset).count { $0 == 0x0A }
            return .warning(at: SourceLocation(path: note.path, position: SourcePosition(line: note.bodyLine + line, column: 1)),
                "this note still holds the placeholder of `dossier new` (\"\(Scaffold.placeholder)\"), and the public site would publish it as written; write the note, or make it private",
                code: Self.code)
        }
    }
}
