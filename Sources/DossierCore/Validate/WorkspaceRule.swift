/// A check over the loaded workspace. Problems within a single file (syntax, types, values) are
/// found while loading; rules look at what only the whole model shows.
public protocol WorkspaceRule: Sendable {
    /// Stable identifier, used as the diagnostics' code (a rule may have more for other findings).
    static var code: String { get }
    func check(_ workspace: Workspace, index: IndicatorIndex) -> [Diagnostic]
    /// The rule's work in parts that run side by side with the other rules' (a rule running a
    /// parallel loop of its own inside the checker's would run it one iteration at a time). By
    /// default, one part: `check`.
    func parts(_ workspace: Workspace, index: IndicatorIndex) -> [@Sendable () -> [Diagnostic]]
}

extension WorkspaceRule {
    public func parts(_ workspace: Workspace, index: IndicatorIndex) -> [@Sendable () -> [Diagnostic]] {
        [{ check(workspace, index: index) }]
    }
}

/// A rule that looks at one project at a time (with the workspace's settings), so that projects
/// are checked in parallel and without the index.
public protocol ProjectRule: WorkspaceRule {
    func check(_ project: Project, in workspace: Workspace) -> [Diagnostic]
}

extension ProjectRule {
    public func check(_ workspace: Workspace, index: IndicatorIndex) -> [Diagnostic] {
        workspace.projects.concurrentMap { check($0, in: workspace) }.flatMap { $0 }
    }
}

extension IndicatorIndex {
    /// A warning at the value of the recording `occurrence` names, saying `message` of it: how
    /// the rules across projects speak of one recording.
    func warning(at occurrence: Occurrence, code: String, _ message: (_ indicator: Indicator, _ project: Project) -> String) -> Diagnostic {
        let project = self.project(occurrence)
        let indicator = self.indicator(occurrence)
        return .warning(at: indicator.location(in: project), message(indicator, project), code: code)
    }
}

extension Indicator {
    /// Where a rule should point for this indicator: the value, else the object.
    func location(in project: Project, at position: SourcePosition? = nil) -> SourceLocation {
        SourceLocation(path: project.indicatorsFile, position: position ?? origin?.value ?? .start)
    }
}
