/// A check over the loaded workspace. Problems within a single file (syntax, types, values) are
/// found while loading; rules look at what only the whole model shows.
public protocol WorkspaceRule: Sendable {
    /// Stable identifier, used as the diagnostics' code.
    static var code: String { get }
    func check(_ workspace: Workspace, index: IndicatorIndex) -> [Diagnostic]
}

extension Indicator {
    /// Where a rule should point for this indicator: the value, else the object.
    func location(in project: Project, at position: SourcePosition? = nil) -> SourceLocation {
        SourceLocation(path: project.indicatorsFile, position: position ?? origin?.value ?? .start)
    }
}
