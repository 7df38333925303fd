/// The same indicator (type and normalized value) recorded twice in one project: the records
/// would contradict each other, and merges would not know which to keep.
public struct DuplicateIndicatorRule: WorkspaceRule {
    public static let code = "duplicate-indicator"
    public init() {}

    public func check(_ workspace: Workspace, index: IndicatorIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The index already groups recordings by indicator; a project appearing twice is a duplicate.
        for (_, occurrences) in index.repeated {
            var first: [Int: IndicatorIndex.Occurrence] = [:]
            for occurrence in occurrences {
                guard let earlier = first[occurrence.project] else {
                    first[occurrence.project] = occurrence
                    continue
                }
                let project = index.project(occurrence)
                let indicator = index.indicator(occurrence)
                let line = index.indicator(earlier).origin.map { " at line \($0.value.line)" } ?? ""
                diagnostics.append(.error(at: indicator.location(in: project),
                    "duplicate \(indicator.type.rawValue) \"\(indicator.value)\": already recorded\(line) of this file; merge the two entries into one (`dossier fmt --merge` does where they agree)",
                    code: Self.code))
            }
        }
        return diagnostics
    }
}
