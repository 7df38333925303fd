/// `dossier check`: what loading found plus every workspace rule.
public enum WorkspaceChecker {
    /// Rules that compare indicators across the workspace, through the index.
    public static let indexRules: [any WorkspaceRule] = [
        DuplicateIndicatorRule(),
        CrossProjectClassificationRule(),
        PrivateElsewhereRule(),
    ]

    /// Rules that look at one project at a time.
    public static let projectRules: [any ProjectRule] = [
        ClassificationContradictionRule(),
        BlankTagRule(),
        SourceTagRule(),
        RepeatedTagRule(),
        MisspelledTagRule(),
        PublicProjectTLPRule(),
        NoteMentionRule(),
        StarterNoteRule(),
        HeadingLinkRule(),
    ]

    /// A rule across projects with a part on each project alone (its survey), done with the
    /// project rules and kept in the cache with their findings.
    static let publishedPrivateValues = PublishedPrivateValueRule()

    /// The codes of the errors of what a public output would show (a private value it would
    /// publish, a public project not TLP:CLEAR, a link to a private note, a private tag
    /// misspelled): they stop a public output, not an internal one, which publishes nothing, so
    /// that an analyst can read the internal site while mending them.
    public static let publicOnlyCodes: Set<String> = [
        PublishedPrivateValueRule.code, PublicProjectTLPRule.code, BrokenLinkRule.privateNoteCode, MisspelledTagRule.privateCode,
    ]

    public static func check(_ loaded: LoadedWorkspace) -> DiagnosticList {
        checkKeepingIndex(loaded).diagnostics
    }

    /// The findings, and the index the rules used (a caller may have more use for it, or keep it
    /// alive rather than pay for freeing it). A project taken from the cache brings its rules'
    /// findings and survey; one loaded from its files is stored there once checked.
    ///
    /// The steps run one after the other, each on every core: the project rules, the index (in
    /// shards), the index rules. Running two of them side by side would nest parallel loops,
    /// which the dispatch library runs one iteration at a time.
    public static func checkKeepingIndex(_ loaded: LoadedWorkspace) -> (diagnostics: DiagnosticList, index: IndicatorIndex) {
        let workspace = loaded.workspace
        let states = loaded.cacheStates.count == workspace.projects.count ? loaded.cacheStates : []
        let local = workspace.projects.indices.map { $0 }.concurrentMap { position in
            let project = workspace.projects[position]
            switch states.isEmpty ? nil : states[position] {
            case .hit(let findings, let original, _)? where original == project:
                return findings
            case .miss(let key, let original, let diagnostics)? where original == project:
                let checked = check(project, in: workspace)
                loaded.cache?.store(ProjectCache.Entry(project: project, diagnostics: diagnostics, findings: checked), key: key)
                return checked
            default:
                return check(project, in: workspace)
            }
        }
        let index = IndicatorIndex(workspace, scope: .correlations)
        let parts = indexRules.flatMap { $0.parts(workspace, index: index) }
            + publishedPrivateValues.parts(workspace, index: index, mentions: local.map(\.mentions))
        let indexed = parts.concurrentMap { $0() }
        var diagnostics = loaded.diagnostics
        diagnostics.append(contentsOf: indexed.flatMap { $0 })
        diagnostics.append(contentsOf: local.flatMap(\.diagnostics))
        diagnostics.append(contentsOf: BrokenLinkRule.findings(workspace))
        return (diagnostics, index)
    }

    /// What checking `project` alone finds.
    static func check(_ project: Project, in workspace: Workspace) -> ProjectFindings {
        let survey = PublishedPrivateValueRule.survey(project)
        return ProjectFindings(diagnostics: projectRules.flatMap { $0.check(project, in: workspace) } + survey.findings,
            mentions: survey.mentions)
    }

    /// "3 errors, 5 warnings in 42 files".
    public static func summary(_ diagnostics: DiagnosticList, fileCount: Int) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning")) in \(count(fileCount, "file"))"
    }
}

/// What checking one project alone found (kept in the project cache): the project rules'
/// findings, and the published-value rule's survey of it for the check across projects.
public struct ProjectFindings: Sendable {
    public var diagnostics: [Diagnostic]
    /// Nil for a private project.
    public var mentions: PublishedPrivateValueRule.Mentions?
}
