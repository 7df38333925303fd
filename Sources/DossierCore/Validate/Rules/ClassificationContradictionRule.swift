/// An explicit classification that disagrees with what the indicator's vocabulary tags imply
/// (e.g. classified non-malicious but tagged Blocked). The explicit value wins; this is a warning.
/// A tag that implies unknown (`Newly Observed`) says "not assessed yet", which an assessment
/// written down answers rather than contradicts (`Vocabulary.contradiction`).
public struct ClassificationContradictionRule: ProjectRule {
    public static let code = "classification-contradiction"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let vocabulary = workspace.vocabulary
        // By position: only an indicator whose tags contradict its classification is copied (a
        // copy of each retained and released all of its strings).
        for i in project.indicators.indices {
            guard let explicit = project.indicators[i].classification,
                let implied = vocabulary.contradiction(of: explicit, tags: project.indicators[i].tags)
            else { continue }
            let indicator = project.indicators[i]
            // Each tag once, as first written (`Blocked` and `blocked ` are one tag).
            var seen: Set<String> = []
            let tags = indicator.tags.filter { vocabulary.definition(of: $0)?.classification == implied && seen.insert(Tag.key($0)).inserted }
            let names = tags.map { "\"\($0)\"" }
            let said = (names.count == 1 ? "tag " : "tags ") + names.listed("and") + (names.count == 1 ? " implies" : " imply")
            diagnostics.append(.warning(at: indicator.location(in: project, at: indicator.origin?.classification),
                "\(indicator.value) is classified \(explicit.rawValue) but \(said) \(implied.rawValue); the explicit classification wins",
                code: Self.code))
        }
        return diagnostics
    }
}
