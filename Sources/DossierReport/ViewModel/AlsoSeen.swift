import DossierCore

/// "Also seen in": the other projects of the audience that record an indicator, at most `limit` of
/// them (in project order) and then how many more. Without the limit, one indicator recorded in
/// 100,000 projects would give each of their reports 100,000 links: output quadratic in the
/// number of projects.
enum AlsoSeen {
    static let limit = 20

    /// How many distinct projects record each key, for the keys recorded more than `limit` times:
    /// computed once for a whole site, so that no report has to count them again.
    static func projectCounts(_ repeated: [(key: IndicatorKey, occurrences: [IndicatorIndex.Occurrence])]) -> [IndicatorKey: Int] {
        var counts: [IndicatorKey: Int] = [:]
        for (key, occurrences) in repeated where occurrences.count > limit {
            counts[key] = Set(occurrences.map(\.project)).count
        }
        return counts
    }

    /// The links for `key` in the report of the project at `position` of the index's workspace,
    /// where the indicator is classified `classification`: a project that decided otherwise says
    /// how (an analyst weighing a verdict wants to know who disagrees; `unknown` is no decision,
    /// as for `CrossProjectClassificationRule`). `strictest` is raised
    /// to the TLP of each project they name, and `cause` then names it.
    static func links(_ key: IndicatorKey, classification: Classification, position: Int?, index: IndicatorIndex,
        counts: [IndicatorKey: Int]?, options: ReportOptions, strictest: inout TLP, cause: inout String?) -> [ProjectLink] {
        // The key is one of the report's own indicators: recorded once, it is recorded only there.
        guard index.occurrenceCount(of: key) > 1 else { return [] }
        let linked = linkedProjects(index.occurrences(of: key), position: position) { counts?[key] }
        let vocabulary = index.workspace.vocabulary
        var links = linked.occurrences.map { occurrence in
            let other = index.project(occurrence)
            if other.markingInOutputs > strictest {
                strictest = other.markingInOutputs
                cause = "its \u{201C}also seen in\u{201D} names \(options.shown(other.title)) (\(strictest.label))"
            }
            let recorded = index.indicator(occurrence)
            let otherwise = recorded.effectiveClassification(in: vocabulary)
            // Only an internal output shows a private project or indicator: it says so, as its
            // index does, so that a reader does not take the name for one to pass on.
            return ProjectLink(slug: other.slug, title: options.shown(other.title),
                href: options.linksToSite ? SiteLayout.projectHref(from: .project, other.slug) : nil,
                classifiedOtherwise: otherwise.isDecision && otherwise != classification ? otherwise : nil,
                privateProject: other.visibility == .private, privateIndicator: recorded.isPrivate)
        }
        if linked.more > 0 { links.append(ProjectLink(slug: "", title: "and \(linked.more) more", href: nil)) }
        return links
    }

    /// Which projects the links name: those of `occurrences` (in project order, as the index keeps
    /// them) other than `position`, each once by its first occurrence, at most `limit`; and how
    /// many more projects record the key. `projectCount` may give the number of distinct projects
    /// when known.
    static func linkedProjects(_ occurrences: [IndicatorIndex.Occurrence], position: Int?, projectCount: () -> Int?)
        -> (occurrences: [IndicatorIndex.Occurrence], more: Int) {
        var linked: [IndicatorIndex.Occurrence] = []
        var distinct = 0
        var previous = -1
        for occurrence in occurrences where occurrence.project != previous {
            previous = occurrence.project
            distinct += 1
            if occurrence.project != position && linked.count < limit { linked.append(occurrence) }
            // Past the limit only the count matters, and it may be known already.
            if linked.count == limit, let known = projectCount() {
                distinct = known
                break
            }
        }
        guard linked.count == limit else { return (linked, 0) }
        return (linked, max(0, distinct - (position == nil ? 0 : 1) - linked.count))
    }
}
