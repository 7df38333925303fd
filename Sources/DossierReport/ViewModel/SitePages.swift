import DossierCore

/// The site's front page: projects with their counts, the classification chart, tags.
public struct SiteIndexPage: Sendable, Hashable, Encodable {
    public struct ProjectSummary: Sendable, Hashable, Encodable {
        public var slug: String
        public var title: String
        public var href: String
        public var tlp: TLPBanner
        public var status: String?
        public var updated: String?
        public var total: Int
        public var counts: [CountRow]
        public var tags: [String]
        /// True for a private project (on an internal site): what the public site leaves out.
        public var isPrivate: Bool
    }

    public struct TagSummary: Sendable, Hashable, Encodable {
        /// As the vocabulary writes them (for `index.json`).
        public var name: String
        public var description: String?
        public var count: Int
        public var href: String
        /// As the pages show them (defanged unless the options say otherwise).
        public var shownName: String
        public var shownDescription: String?
        /// A private tag (on an internal site): the public site drops it.
        public var isPrivate = false
    }

    public struct ClassificationSummary: Sendable, Hashable, Encodable {
        public var key: String
        public var label: String
        public var count: Int
        public var href: String?
    }

    public var workspaceTitle: String
    public var audience: AudienceBanner
    /// The most restrictive TLP of the projects the site holds.
    public var tlp: TLPBanner
    public var projects: [ProjectSummary]
    public var total: Int
    public var classificationCounts: [CountRow]
    public var classifications: [ClassificationSummary]
    public var tags: [TagSummary]
    public var generator: String
}

/// All indicators with one tag, or of one classification, across projects; one page of them.
public struct ListingPage: Sendable, Hashable, Encodable {
    public struct PageLink: Sendable, Hashable, Encodable {
        public var number: Int
        public var href: String
        public var isCurrent: Bool
        /// Stands for pages left out of the pager (`number` and `href` are then empty).
        public var isGap = false
    }

    public var workspaceTitle: String
    public var audience: AudienceBanner
    /// The most restrictive TLP of the projects this page's rows come from.
    public var tlp: TLPBanner
    public var kind: String
    public var title: String
    public var description: String?
    public var classification: String?
    /// For a tag's page, the tag as the workspace writes it (`title` is as the page shows it).
    public var tag: String? = nil
    /// A private tag's page (on an internal site): the public site drops the tag.
    public var isPrivateTag = false
    /// How many rows the listing has, on all its pages, and how many projects they come from:
    /// said on its first page alone, so that an indicator added to one project makes again only
    /// the pages whose rows it moves, not every page of a listing of hundreds (each said the
    /// count that had changed).
    public var total: Int?
    public var projectCount: Int?
    /// This page's rows, by project: one section each, under the project's title, so that no row
    /// repeats it.
    public var groups: [Group]
    public var page: Int
    public var pageCount: Int
    public var pages: [PageLink]
    public var previous: String?
    public var next: String?
    public var firstRow: Int
    public var lastRow: Int
    public var generator: String
    public var isPaginated: Bool { pageCount > 1 }
    /// A classification's page leaves the column out: every row would say the page's title.
    public var withClassification: Bool { classification == nil }

    /// One project's rows on a listing page. A project whose rows run over from one page to the
    /// next has a section on each, saying which of its rows each shows.
    public struct Group: Sendable, Hashable, Encodable {
        public var project: ProjectLink
        /// The section's `id`, which a report whose table cannot show all of the project's rows links to.
        public var anchor: String
        /// The strictest TLP of the project's rows in the list (on all its pages alike): what
        /// the rows of this section may be shared as, where the page's bears the strictest of all.
        public var tlp: TLPBanner
        /// The project's rows in the whole listing, and which of them (from 1) this page shows.
        public var total: Int
        public var firstRow: Int
        public var lastRow: Int
        public var rows: [IndicatorRow] = []
        /// The rows' `rendered` texts joined, as in `IndicatorGroup.renderedRows`.
        public var renderedRows: String? = nil
        /// The page shows some of the project's rows only.
        public var isPartial: Bool { firstRow > 1 || lastRow < total }
    }

    /// Every row of the page, in order (the sections' rows one after the other).
    public var rows: [IndicatorRow] { groups.flatMap(\.rows) }
}
