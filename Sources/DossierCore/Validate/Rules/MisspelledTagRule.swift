/// A free tag that is a misspelling of a vocabulary tag (`Blokced` for `Blocked`,
/// `Vocabulary.misspelling`): it implies no classification, so a blocked host written so reads as
/// unknown in every report. `tag` warns as it writes one; this finds those written by hand or by
/// another tool. A warning, once per tag and project, at the first place it is written; an error
/// (`misspelled-private-tag`, of public output) when the tag meant is private and the misspelling
/// is on what the public site shows: a private tag's name may name a client, and as a free tag it
/// would be published.
public struct MisspelledTagRule: ProjectRule {
    public static let code = "misspelled-tag"
    public static let privateCode = "misspelled-private-tag"
    public init() {}

    private struct Finding {
        var tag: String
        var meant: TagDefinition
        var location: SourceLocation
        /// Where it is first on public material, when the tag meant is private.
        var published: SourceLocation?
        var count = 1
    }

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        let vocabulary = workspace.vocabulary
        guard !vocabulary.definitions.isEmpty else { return [] }
        var findings: [Finding] = []
        // Each distinct tag is asked about once, and remembered with its finding's place (or -1).
        // A project's first few dozen are looked among one by one, told apart by their length
        // first (a dictionary would hash each of a million tags); any more by a dictionary.
        var asked: [String] = []
        var lengths: [Int] = []
        var answers: [Int] = []
        var askedMany: [String: Int] = [:]
        func note(_ tag: String, isPublic: Bool, at location: () -> SourceLocation) {
            let length = tag.utf8.count
            var answer = asked.indices.first { lengths[$0] == length && asked[$0] == tag }.map { answers[$0] }
            if answer == nil, asked.count == Self.linearLimit { answer = askedMany[tag] }
            if let answer {
                guard answer >= 0 else { return }
                findings[answer].count += 1
                if isPublic, findings[answer].published == nil, vocabulary.isPrivate(findings[answer].meant.name) {
                    findings[answer].published = location()
                }
                return
            }
            var found = -1
            if let meant = vocabulary.misspelling(tag) {
                let here = location()
                let published = isPublic && vocabulary.isPrivate(meant.name) ? here : nil
                // Another spelling of a tag already found (`blokced` beside `Blokced`) is the same
                // tag to a report: one finding. Asked only of misspellings, which are few.
                if let same = findings.firstIndex(where: { Tag.key($0.tag) == Tag.key(tag) }) {
                    found = same
                    findings[same].count += 1
                    if findings[same].published == nil { findings[same].published = published }
                } else {
                    found = findings.count
                    findings.append(Finding(tag: tag, meant: meant, location: here, published: published))
                }
            }
            if asked.count < Self.linearLimit {
                asked.append(tag)
                lengths.append(length)
                answers.append(found)
            } else {
                askedMany[tag] = found
            }
        }
        let isPublic = project.visibility == .public
        for tag in project.tags {
            note(tag, isPublic: isPublic) { SourceLocation(path: project.projectFile, position: project.origin?.tags ?? .start) }
        }
        // By position: an indicator is copied only for the place of a tag found.
        for i in project.indicators.indices {
            for tag in project.indicators[i].tags {
                note(tag, isPublic: isPublic && !project.indicators[i].isPrivate) {
                    project.indicators[i].location(in: project, at: project.indicators[i].origin?.tags)
                }
            }
        }
        return findings.map { finding in
            let more = finding.count > 1 ? " It is written \(finding.count) times in the project." : ""
            if let published = finding.published {
                return .error(at: published,
                    "tag \"\(finding.tag)\" is a misspelling of the private tag \"\(finding.meant.name)\", and as a free tag the public site would publish it.\(more) Correct it, or make what it tags private",
                    code: Self.privateCode)
            }
            let implies = finding.meant.classification.map { " (which implies \($0.rawValue))" } ?? ""
            return .warning(at: finding.location,
                "tag \"\(finding.tag)\" is not in the workspace's vocabulary; did you mean \"\(finding.meant.name)\"\(implies)? As a free tag it implies nothing.\(more) Correct it, or define it in dossier.json if it is a tag of its own",
                code: Self.code)
        }
    }

    /// How many distinct tags are looked among one by one before a dictionary takes the rest.
    private static let linearLimit = 32
}
