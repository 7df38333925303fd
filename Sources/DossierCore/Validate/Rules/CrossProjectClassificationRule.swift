/// The same indicator classified differently in two projects: the team decided twice and the
/// decisions disagree. A warning on each recording, naming the other projects. `unknown` (not
/// assessed yet, as every indicator starts) is no decision and disagrees with nothing.
public struct CrossProjectClassificationRule: WorkspaceRule {
    public static let code = "classification-differs"
    public init() {}

    public func check(_ workspace: Workspace, index: IndicatorIndex) -> [Diagnostic] {
        let vocabulary = workspace.vocabulary
        var diagnostics: [Diagnostic] = []
        for (_, occurrences) in index.repeated {
            // Read in place (`Workspace.withIndicators`), field by field: a method called on the
            // indicator copied it all the same.
            let classified = occurrences.map { occurrence in
                (occurrence, workspace.withIndicators(ofProjectAt: occurrence.project) { indicators in
                    Classification.effective(written: indicators[occurrence.indicator].classification,
                        implied: vocabulary.impliedClassification(of: indicators[occurrence.indicator].tags))
                })
            }
            guard Classification.disagree(classified.map(\.1)) else { continue }
            for (occurrence, classification) in classified where classification.isDecision {
                // Each project and verdict once: a project that records it twice (a duplicate,
                // reported as such) is named once.
                var named: Set<String> = []
                let others = classified
                    .filter { $0.0.project != occurrence.project && $0.1 != classification && $0.1.isDecision }
                    .map { "\($0.1.rawValue) in \(index.project($0.0).slug)" }
                    .filter { named.insert($0).inserted }
                guard !others.isEmpty else { continue }
                diagnostics.append(index.warning(at: occurrence, code: Self.code) { indicator, _ in
                    "\(indicator.value) is \(classification.rawValue) here but \(others.joined(separator: ", "))"
                })
            }
        }
        return diagnostics
    }
}
