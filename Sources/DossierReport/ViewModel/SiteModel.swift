import DossierCore

/// Every page of a site, built from one audience-filtered workspace. Pages are made one at a time,
/// when they are written (`report(at:)`, `listing(at:)`): held all at once, reports and listings
/// kept every row of the workspace in memory several times over (2.2 GB for a million).
public struct SiteModel: Sendable {
    public var index: SiteIndexPage
    public var tagSlugs: [String: String]
    /// Every indicator once per project, as listings show it.
    let rows: [IndicatorRow]
    /// Tag and classification pages, each with its path in the site, and its rows (places in
    /// `rows`) apart.
    let listingPages: [(path: String, page: ListingPage, rows: ArraySlice<Int32>)]
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

        var all: [IndicatorRow] = []
        var tags: [[String]] = []
        for project in workspace.projects {
            let link = ProjectLink(slug: project.slug, title: project.title, href: SiteLayout.projectHref(from: .listing, project.slug))
            for indicator in project.indicators.sorted(by: Indicator.canonicalOrder) {
                let classification = indicator.effectiveClassification(in: vocabulary)
                all.append(IndicatorRow(indicator, classification: classification, options: siteOptions, alsoSeenIn: [], project: link))
                tags.append(indicator.tags)
            }
        }
        rows = all
        let grouping = TagGrouping(tags.enumerated().map { ($0.element, Int32($0.offset)) }, vocabulary: vocabulary)
        tagSlugs = Anchors.uniqueSlugs(grouping.groups.map { Tag.key($0.name) })
        let slugs = tagSlugs

        self.workspace = workspace
        correlations = index
        projectCounts = AlsoSeen.projectCounts(index)
        self.audience = audience
        self.siteOptions = siteOptions

        var listings: [(String, ListingPage, ArraySlice<Int32>)] = []
        var classificationSummaries: [SiteIndexPage.ClassificationSummary] = []
        for classification in Classification.allCases {
            let rows = all.indices.filter { all[$0].classification == classification.rawValue }.map { Int32($0) }
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
        listingPages = listings

        let summaries = workspace.projects.map { project in
            SiteIndexPage.ProjectSummary(
                slug: project.slug, title: project.title, href: SiteLayout.projectHref(from: .index, project.slug),
                tlp: TLPBanner(project.tlp), status: project.status?.rawValue, updated: project.updated,
                total: project.indicators.count, counts: ProjectReport.classificationCounts(of: project, vocabulary: vocabulary),
                tags: project.tags)
        }
        self.index = SiteIndexPage(
            workspaceTitle: workspace.settings.title, audience: banner, projects: summaries, total: rows.count,
            classificationCounts: [CountRow](classificationSummaries.map { ($0.key, $0.label, $0.count) }),
            classifications: classificationSummaries, tags: tagSummaries, generator: generator)
    }

    /// The report of the project at `position` in the workspace, as its page in the site shows it.
    public func report(at position: Int) -> ProjectReport {
        ProjectReport(project: workspace.projects[position], workspace: workspace, index: correlations, audience: audience,
            options: siteOptions, tagSlugs: tagSlugs, position: position, projectCounts: projectCounts)
    }

    /// How many tag and classification pages the site has.
    public var listingCount: Int { listingPages.count }

    /// The tag or classification page at `position`, with its path in the site.
    public func listing(at position: Int) -> (path: String, page: ListingPage) {
        var (path, page, places) = listingPages[position]
        page.rows = places.map { rows[Int($0)] }
        return (path, page)
    }

    /// Splits `rows` into pages of `SiteLayout.pageSize`, each knowing its neighbours (and its rows
    /// apart, filled in by `listing(at:)`).
    static func paginate(_ rows: [Int32], kind: String, title: String, description: String?, classification: String?,
        workspace: Workspace, banner: AudienceBanner, generator: String, path: (Int) -> String) -> [(String, ListingPage, ArraySlice<Int32>)] {
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
                classification: classification, total: rows.count, rows: [], page: page, pageCount: pageCount,
                pages: (1...pageCount).map { ListingPage.PageLink(number: $0, href: href($0), isCurrent: $0 == page) },
                previous: page > 1 ? href(page - 1) : nil, next: page < pageCount ? href(page + 1) : nil,
                firstRow: start + 1, lastRow: end, generator: generator)
            return (path(page), listing, rows[start..<end])
        }
    }
}
