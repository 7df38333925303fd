/// The same indicator (type and normalized value) recorded twice in one project: the records
/// would contradict each other, and merges would not know which to keep.
public struct DuplicateIndicatorRule: WorkspaceRule {
    public static let code = "duplicate-indicator"
    public init() {}

    public func check(_ workspace: Workspace, index: IndicatorIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for project in workspace.projects {
            var first: [IndicatorKey: Indicator] = [:]
            for indicator in project.indicators {
                guard let earlier = first[indicator.key] else {
                    first[indicator.key] = indicator
                    continue
                }
                let line = earlier.origin.map { " at line \($0.value.line)" } ?? ""
                diagnostics.append(.error(at: indicator.location(in: project),
                    "duplicate \(indicator.type.rawValue) \"\(indicator.value)\": already recorded\(line) of this file; merge the two entries into one",
                    code: Self.code))
            }
        }
        return diagnostics
    }
}
