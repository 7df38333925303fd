/// `dossier check`: what loading found plus every workspace rule.
public enum WorkspaceChecker {
    public static let rules: [any WorkspaceRule] = [
        DuplicateIndicatorRule(),
        ClassificationContradictionRule(),
        PublicProjectTLPRule(),
        CrossProjectClassificationRule(),
        UnrecordedNoteIndicatorRule(),
    ]

    public static func check(_ loaded: LoadedWorkspace, index: IndicatorIndex? = nil) -> DiagnosticList {
        let index = index ?? IndicatorIndex(loaded.workspace)
        var diagnostics = loaded.diagnostics
        let found = rules.concurrentMap { $0.check(loaded.workspace, index: index) }
        for list in found { diagnostics.append(contentsOf: list) }
        return diagnostics
    }

    /// "3 errors, 5 warnings in 42 files".
    public static func summary(_ diagnostics: DiagnosticList, fileCount: Int) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning")) in \(count(fileCount, "file"))"
    }
}
