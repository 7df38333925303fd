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

    /// The links for `key` in the report of the project at `position` of the index's workspace.
    static func links(_ key: IndicatorKey, position: Int?, index: IndicatorIndex, counts: [IndicatorKey: Int]?,
        options: ReportOptions) -> [ProjectLink] {
        // The key is one of the report's own indicators: recorded once, it is recorded only there.
        guard index.occurrenceCount(of: key) > 1 else { return [] }
        let occurrences = index.occurrences(of: key)
        var seen = Set<Int>()
        var links: [ProjectLink] = []
        for occurrence in occurrences where occurrence.project != position && seen.insert(occurrence.project).inserted {
            guard links.count < limit else { break }
            let other = index.project(occurrence)
            links.append(ProjectLink(slug: other.slug, title: other.title,
                href: options.linksToSite ? SiteLayout.projectHref(from: .project, other.slug) : nil))
        }
        guard links.count == limit else { return links }
        let projects = counts?[key] ?? Set(occurrences.map(\.project)).count
        let more = projects - (position == nil ? 0 : 1) - links.count
        if more > 0 { links.append(ProjectLink(slug: "", title: "and \(more) more", href: nil)) }
        return links
    }
}
