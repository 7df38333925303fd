/// A free tag that is a misspelling of a vocabulary tag (`Blokced` for `Blocked`,
/// `Vocabulary.misspelling`): it implies no classification, so a blocked host written so reads as
/// unknown in every report. `tag` warns as it writes one; this finds those written by hand or by
/// another tool. A warning, once per tag and project, at the first place it is written.
public struct MisspelledTagRule: ProjectRule {
    public static let code = "misspelled-tag"
    public init() {}

    private struct Finding {
        var tag: String
        var meant: TagDefinition
        var location: SourceLocation
        var count = 1
    }

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        let vocabulary = workspace.vocabulary
        guard !vocabulary.definitions.isEmpty else { return [] }
        var findings: [Finding] = []
        // Each distinct tag is asked about once, and remembered with its finding's place (or -1).
        // A project has a few dozen, looked among one by one, told apart by their length first:
        // a dictionary would hash each of a million tags.
        var asked: [String] = []
        var lengths: [Int] = []
        var answers: [Int] = []
        func note(_ tag: String, at location: () -> SourceLocation) {
            let length = tag.utf8.count
            for k in asked.indices where lengths[k] == length && asked[k] == tag {
                if answers[k] >= 0 { findings[answers[k]].count += 1 }
                return
            }
            asked.append(tag)
            lengths.append(length)
            guard let meant = vocabulary.misspelling(tag) else { return answers.append(-1) }
            answers.append(findings.count)
            findings.append(Finding(tag: tag, meant: meant, location: location()))
        }
        for tag in project.tags {
            note(tag) { SourceLocation(path: project.projectFile, position: project.origin?.tags ?? .start) }
        }
        // By position: an indicator is copied only for the place of a tag found.
        for i in project.indicators.indices {
            for tag in project.indicators[i].tags {
                note(tag) { project.indicators[i].location(in: project, at: project.indicators[i].origin?.tags) }
            }
        }
        return findings.map { finding in
            let implies = finding.meant.classification.map { " (which implies \($0.rawValue))" } ?? ""
            let more = finding.count > 1 ? " It is written \(finding.count) times in the project." : ""
            return .warning(at: finding.location,
                "tag \"\(finding.tag)\" is not in the workspace's vocabulary; did you mean \"\(finding.meant.name)\"\(implies)? As a free tag it implies nothing.\(more) Correct it, or define it in dossier.json if it is a tag of its own",
                code: Self.code)
        }
    }
}
