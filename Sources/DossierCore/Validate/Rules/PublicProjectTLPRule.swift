/// A public project must be TLP:CLEAR: publishing anything marked GREEN, AMBER or RED breaks the
/// sharing terms under which it was received.
public struct PublicProjectTLPRule: ProjectRule {
    public static let code = "public-not-clear"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        guard project.visibility == .public, project.tlp != .clear else { return [] }
        let position = project.origin?.tlp ?? project.origin?.visibility ?? .start
        return [.error(at: SourceLocation(path: project.projectFile, position: position),
            "public project \"\(project.slug)\" is \(project.tlp.label); a public project must be TLP:CLEAR (set \"tlp\": \"clear\", or make it private)",
            code: Self.code)]
    }
}
