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
            // Read in place: a copy of each indicator (`index.indicator(_:)`) would retain all of
            // its strings, for the hundred thousand values a large workspace shares.
            func isPrivate(_ occurrence: IndicatorIndex.Occurrence) -> Bool {
                workspace.projects[occurrence.project].indicators[occurrence.indicator].privateFlag == true
            }
            guard occurrences.contains(where: isPrivate) else { continue }
            var named: Set<String> = []
            let slugs = occurrences.filter(isPrivate).map { index.project($0).slug }.filter { named.insert($0).inserted }
            for occurrence in occurrences where !isPrivate(occurrence) && workspace.projects[occurrence.project].visibility == .public {
                diagnostics.append(index.warning(at: occurrence, code: Self.code) { indicator, project in
                    "\(indicator.value) is recorded private in \(slugs.joined(separator: ", ")) but public here, so the public site shows it; if it may not be published: dossier add \(ShellWord.quoted(project.slug)) \(ShellWord.quoted(indicator.value)) --private"
                })
            }
        }
        return diagnostics
    }
}
