/// `dossier check`: what loading found plus every workspace rule.
public enum WorkspaceChecker {
    /// Rules that compare indicators across the workspace, through the index.
    public static let indexRules: [any WorkspaceRule] = [
        DuplicateIndicatorRule(),
        CrossProjectClassificationRule(),
    ]

    /// Rules that look at one project at a time.
    public static let projectRules: [any ProjectRule] = [
        ClassificationContradictionRule(),
        PublicProjectTLPRule(),
        UnrecordedNoteIndicatorRule(),
    ]

    public static func check(_ loaded: LoadedWorkspace) -> DiagnosticList {
        checkKeepingIndex(loaded).diagnostics
    }

    /// The findings, and the index the rules used (a caller may have more use for it, or keep it
    /// alive rather than pay for freeing it). The index is built while the project rules run:
    /// these do not need it, and building it is one sequential pass.
    public static func checkKeepingIndex(_ loaded: LoadedWorkspace) -> (diagnostics: DiagnosticList, index: IndicatorIndex) {
        let workspace = loaded.workspace
        let (indexed, local) = concurrently {
            let index = IndicatorIndex(workspace, scope: .correlations)
            return (index, indexRules.flatMap { $0.check(workspace, index: index) })
        } and: {
            workspace.projects.concurrentMap { project in
                projectRules.flatMap { $0.check(project, in: workspace) }
            }.flatMap { $0 }
        }
        var diagnostics = loaded.diagnostics
        diagnostics.append(contentsOf: indexed.1)
        diagnostics.append(contentsOf: local)
        return (diagnostics, indexed.0)
    }

    /// "3 errors, 5 warnings in 42 files".
    public static func summary(_ diagnostics: DiagnosticList, fileCount: Int) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning")) in \(count(fileCount, "file"))"
    }
}
