import DossierCore

/// Every page of a site, built from one audience-filtered workspace. Project reports are made one
/// at a time, when their page is written (`report(at:)`): all of them at once held every row of
/// the workspace in memory a second time.
public struct SiteModel: Sendable {
    public var index: SiteIndexPage
    /// Tag and classification pages, each with its path in the site.
    public var listings: [(path: String, page: ListingPage)]
    public var tagSlugs: [String: String]
    let workspace: Workspace
    let correlations: IndicatorIndex
    let projectCounts: [IndicatorKey: Int]
    let audience: Audience
    let siteOptions: ReportOptions

    /// - Parameter workspace: the audience-filtered workspace.
    public init(workspace: Workspace, audience: Audience, options: ReportOptions) {
        let index = IndicatorIndex(workspace)
        let vocabulary = workspace.vocabulary
        let generator = "dossier \(DossierVersion.current)"
        let banner = AudienceBanner(audience)
        let siteOptions = ReportOptions(defang: options.defang, linksToSite: true)

        // Every indicator once per project, with its row as listings show it.
        var all: [(tags: [String], row: IndicatorRow)] = []
        for project in workspace.projects {
            let link = ProjectLink(slug: project.slug, title: project.title, href: SiteLayout.projectHref(from: .listing, project.slug))
            for indicator in project.indicators.sorted(by: Indicator.canonicalOrder) {
                let classification = indicator.effectiveClassification(in: vocabulary)
                all.append((indicator.tags, IndicatorRow(indicator, classification: classification, options: siteOptions, alsoSeenIn: [], project: link)))
            }
        }
        let grouping = TagGrouping(all.map { ($0.tags, $0.row) }, vocabulary: vocabulary)
        tagSlugs = Anchors.uniqueSlugs(grouping.groups.map { Tag.key($0.name) })
        let slugs = tagSlugs

        self.workspace = workspace
        correlations = index
        projectCounts = AlsoSeen.projectCounts(index)
        self.audience = audience
        self.siteOptions = siteOptions

        var listings: [(String, ListingPage)] = []
        var classificationSummaries: [SiteIndexPage.ClassificationSummary] = []
        for classification in Classification.allCases {
            let rows = all.map(\.row).filter { $0.classification == classification.rawValue }
            let pages = Self.paginate(rows, kind: "Classification", title: classification.label + " indicators", description: nil,
                classification: classification.rawValue, workspace: workspace, banner: banner, generator: generator) {
                SiteLayout.classificationPage(classification, page: $0)
            }
            listings += pages
            classificationSummaries.append(.init(key: classification.rawValue, label: classification.label, count: rows.count,
                href: rows.isEmpty ? nil : SiteLayout.classificationPage(classification)))
        }
        var tagSummaries: [SiteIndexPage.TagSummary] = []
        for group in grouping.groups {
            let slug = slugs[Tag.key(group.name)] ?? Anchors.slug(group.name)
            listings += Self.paginate(group.rows, kind: "Tag", title: group.name, description: group.description,
                classification: nil, workspace: workspace, banner: banner, generator: generator) { SiteLayout.tagPage(slug, page: $0) }
            tagSummaries.append(.init(name: group.name, description: group.description, count: group.rows.count, href: SiteLayout.tagPage(slug)))
        }
        self.listings = listings

        let summaries = workspace.projects.map { project in
            SiteIndexPage.ProjectSummary(
                slug: project.slug, title: project.title, href: SiteLayout.projectHref(from: .index, project.slug),
                tlp: TLPBanner(project.tlp), status: project.status?.rawValue, updated: project.updated,
                total: project.indicators.count, counts: ProjectReport.classificationCounts(of: project, vocabulary: vocabulary),
                tags: project.tags)
        }
        self.index = SiteIndexPage(
            workspaceTitle: workspace.settings.title, audience: banner, projects: summaries, total: all.count,
            classificationCounts: [CountRow](classificationSummaries.map { ($0.key, $0.label, $0.count) }),
            classifications: classificationSummaries, tags: tagSummaries, generator: generator)
    }

    /// The report of the project at `position` in the workspace, as its page in the site shows it.
    public func report(at position: Int) -> ProjectReport {
        ProjectReport(project: workspace.projects[position], workspace: workspace, index: correlations, audience: audience,
            options: siteOptions, tagSlugs: tagSlugs, position: position, projectCounts: projectCounts)
    }

    /// Splits `rows` into pages of `SiteLayout.pageSize`, each knowing its neighbours.
    static func paginate(_ rows: [IndicatorRow], kind: String, title: String, description: String?, classification: String?,
        workspace: Workspace, banner: AudienceBanner, generator: String, path: (Int) -> String) -> [(String, ListingPage)] {
        guard !rows.isEmpty else { return [] }
        let size = SiteLayout.pageSize
        let pageCount = (rows.count + size - 1) / size
        // Links are relative to the listing's own folder: strip it from the paths.
        func href(_ page: Int) -> String { String(path(page).split(separator: "/").last ?? "") }
        return (1...pageCount).map { page in
            let start = (page - 1) * size
            let end = min(rows.count, start + size)
            let listing = ListingPage(
                workspaceTitle: workspace.settings.title, audience: banner, kind: kind, title: title, description: description,
                classification: classification, total: rows.count, rows: Array(rows[start..<end]), page: page, pageCount: pageCount,
                pages: (1...pageCount).map { ListingPage.PageLink(number: $0, href: href($0), isCurrent: $0 == page) },
                previous: page > 1 ? href(page - 1) : nil, next: page < pageCount ? href(page + 1) : nil,
                firstRow: start + 1, lastRow: end, generator: generator)
            return (path(page), listing)
        }
    }
}
