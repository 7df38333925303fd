/// A value one project records private (`"private": true`: a victim's host, a partner's
/// sensor) that a public project records public, so the public site shows it. Either may be
/// meant (the public project found it on its own), so a warning, at the public recording,
/// with the command that keeps it off the site. A value of a private project that is not marked
/// private is no such statement: public and private investigations share infrastructure.
public struct PrivateElsewhereRule: WorkspaceRule {
    public static let code = "private-elsewhere"
    public init() {}

    public func check(_ workspace: Workspace, index: IndicatorIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (_, occurrences) in index.repeated {
            // Read in place: `index.indicator(_:)` would copy each indicator with all of its strings.
            func recorded(_ occurrence: IndicatorIndex.Occurrence) -> Indicator {
                workspace.projects[occurrence.project].indicators[occurrence.indicator]
            }
            let keeping = occurrences.filter { recorded($0).isPrivate }
            guard !keeping.isEmpty else { continue }
            var named: Set<String> = []
            let slugs = keeping.map { index.project($0).slug }.filter { named.insert($0).inserted }
            for occurrence in occurrences where !recorded(occurrence).isPrivate && index.project(occurrence).visibility == .public {
                let project = index.project(occurrence)
                let indicator = recorded(occurrence)
                diagnostics.append(.warning(at: indicator.location(in: project),
                    "\(indicator.value) is recorded private in \(slugs.joined(separator: ", ")) but public here, so the public site shows it; if it may not be published: dossier add \(ShellWord.quoted(project.slug)) \(ShellWord.quoted(indicator.value)) --private",
                    code: Self.code))
            }
        }
        return diagnostics
    }
}
