import DossierCore
import DossierInterop

/// Everything one project's report shows, for either format (PRODUCT.md §4). Built only from an
/// audience-filtered workspace, so it cannot hold what the audience may not see.
public struct ProjectReport: Sendable, Hashable, Encodable {
    public var workspaceTitle: String
    public var slug: String
    public var title: String
    public var audience: AudienceBanner
    public var tlp: TLPBanner
    public var status: String?
    public var created: String?
    public var updated: String?
    public var owner: String?
    /// `public` or `private`: an internal report says whether the public site shows the project.
    public var visibility: String
    public var projectTags: [String]
    public var summaryHTML: String?
    public var summaryMarkdown: String?
    public var total: Int
    public var classificationCounts: [CountRow]
    public var typeCounts: [CountRow]
    public var tagCounts: [CountRow]
    public var classificationGroups: [IndicatorGroup]
    public var tagGroups: [IndicatorGroup]
    public var notes: [NoteView]
    /// Whether its tables name the other projects that record a row's value (`ReportOptions.correlations`), some row having one.
    public var withAlsoSeen: Bool
    public var links: SiteLinks?
    public var generator: String

    /// Links from a project page to the rest of the site.
    public struct SiteLinks: Sendable, Hashable, Encodable {
        public var index = "../../index.html"
        public var markdown = "report.md"
        public var exports: [ExportLink]
    }

    public struct ExportLink: Sendable, Hashable, Encodable {
        public var label: String
        public var href: String
    }
}

extension ProjectReport {
    /// - Parameters:
    ///   - workspace: the audience-filtered workspace (`AudienceFilter.view`).
    ///   - index: the index of that same filtered workspace.
    ///   - position: the project's place in `workspace.projects`, when the caller knows it (a site
    ///     builds every report: looking each up would cost time quadratic in the projects).
    ///   - projectCounts: `AlsoSeen.projectCounts(index)`, computed once for a whole site.
    ///   - threats: `ThreatsElsewhere` of `index` for the project's links, found once for a whole site.
    public init(project: Project, workspace: Workspace, index: IndicatorIndex, audience: Audience, options: ReportOptions,
        tagSlugs: [String: String] = [:], position: Int? = nil, projectCounts: [IndicatorKey: Int]? = nil) {
        self.init(project: project, workspace: workspace, index: index, audience: audience, options: options, tagSlugs: tagSlugs,
            position: position, projectCounts: projectCounts, threats: options.defang ? ThreatsElsewhere(index, linksOf: project) : nil)
    }

    init(project: Project, workspace: Workspace, index: IndicatorIndex, audience: Audience, options: ReportOptions,
        tagSlugs: [String: String], position: Int?, projectCounts: [IndicatorKey: Int]?, threats: ThreatsElsewhere?) {
        let vocabulary = workspace.vocabulary
        let projectIndex = position ?? workspace.projects.firstIndex { $0.slug == project.slug }
        // Names and descriptions the workspace gives are prose too: shown defanged.
        workspaceTitle = options.shown(workspace.settings.title)
        slug = project.slug
        title = options.shown(project.title)
        self.audience = AudienceBanner(audience)
        status = project.status?.rawValue
        created = project.created.map(DateSpelling.shown)
        updated = project.updated.map(DateSpelling.shown)
        owner = project.owner.map(options.shown)
        visibility = project.visibility.rawValue
        projectTags = project.tags.map(options.shown)
        let defanging = options.defang ? CommonMark.Defanging(for: project, vocabulary: vocabulary) { value, type in
            threats?.reached(byLinkTo: value, type: type, from: projectIndex) == true
        } : nil
        let proseLinks = NoteLinks(workspace: workspace, project: project, linksToSite: options.linksToSite, markdownImages: options.markdownImages)
        let summary = project.summary.map { CommonMark.rendered($0, defanging: defanging, links: proseLinks.ofSummary) }
        summaryHTML = summary?.html
        summaryMarkdown = summary?.commonMark
        generator = "dossier \(DossierVersion.current)"
        links = options.linksToSite ? SiteLinks(exports: SiteLayout.exportLinks) : nil

        // One pass over the indicators in canonical order makes every row once and files it in
        // its classification, under its tags and in its type's count (a pass per classification
        // and per type copied every indicator a score of times).
        var byClassification = [[IndicatorRow]](repeating: [], count: SiteModel.classifications.count)
        var typeTotals = [Int](repeating: 0, count: Self.types.count)
        var grouping = TagGrouping<IndicatorRow>()
        // What the report names of other projects bears their marking (internal reports name
        // projects of any TLP), and so does an indicator tagged with one (data imported private
        // with its marking), and private material (`TLP.privateMaterial`): the banner shows the
        // most restrictive.
        var strictest = project.tlp
        var cause: String?
        var holdsPrivate = project.showsPrivateMaterial(vocabulary: vocabulary)
        var seenElsewhere = false
        for position in Indicator.canonicalPositions(of: project.indicators) {
            let indicator = project.indicators[position]
            let classification = indicator.effectiveClassification(in: vocabulary)
            let links = options.correlations ? AlsoSeen.links(indicator.key, classification: classification, position: projectIndex, index: index,
                counts: projectCounts, options: options, strictest: &strictest, cause: &cause) : []
            if let marked = TLP.marked(by: indicator.tags), marked > strictest {
                strictest = marked
                cause = "an indicator is tagged \(TLP.markingTag(among: indicator.tags) ?? marked.tag)"
            }
            if !holdsPrivate, indicator.showsPrivateMaterial { holdsPrivate = true }
            if !links.isEmpty { seenElsewhere = true }
            let row = IndicatorRow(indicator, classification: classification, options: options, alsoSeenIn: links)
            byClassification[SiteModel.classifications.firstIndex(of: classification)!].append(row)
            typeTotals[Self.types.firstIndex(of: indicator.type)!] += 1
            grouping.add(row, tags: indicator.tags, vocabulary: vocabulary)
        }
        grouping.sortGroups()
        // A column empty in every row is no column: it took a table's width on screen and paper.
        withAlsoSeen = seenElsewhere
        // A private tag, asked once per tag (its group), not once per indicator.
        if !holdsPrivate { holdsPrivate = grouping.groups.contains { vocabulary.isPrivate($0.name) } }
        total = project.indicators.count
        let shown = holdsPrivate ? max(strictest, TLP.privateMaterial) : strictest
        tlp = TLPBanner(shown, raisedFrom: shown > project.tlp ? project.tlp : nil, byPrivateMaterial: shown > strictest, cause: cause)

        // In a site, tag anchors match the tag pages' names; alone, they only need to be unique.
        let slugs = tagSlugs.isEmpty ? Anchors.uniqueSlugs(grouping.groups.map { Tag.key($0.name) }) : tagSlugs
        func anchorSlug(_ name: String) -> String { slugs[Tag.key(name)] ?? Anchors.slug(name) }
        // A row's tags link to their sections of the report: each link made once, and set in
        // place (a row is in its classification's table and in each of its tags').
        var hrefs: [String: String] = [:]
        func linkTags(_ rows: inout [IndicatorRow]) {
            for row in rows.indices {
                for index in rows[row].tagLinks.indices {
                    guard let key = rows[row].tagLinks[index].key else { continue }
                    let href = hrefs[key] ?? "#tag-" + (slugs[key] ?? Anchors.slug(rows[row].tagLinks[index].name))
                    hrefs[key] = href
                    rows[row].tagLinks[index].href = href
                }
            }
        }
        for index in byClassification.indices { linkTags(&byClassification[index]) }
        for index in grouping.groups.indices { linkTags(&grouping.groups[index].rows) }

        classificationGroups = zip(SiteModel.classifications, byClassification).compactMap { classification, members in
            guard !members.isEmpty else { return nil }
            return IndicatorGroup(key: classification.rawValue, title: classification.label, description: nil,
                anchor: "class-" + classification.rawValue, rows: members, classification: classification.rawValue,
                acrossHref: options.linksToSite ? "../../" + SiteLayout.classificationPage(classification) : nil)
        }
        classificationCounts = Self.classificationCounts(byClassification.map(\.count))
        typeCounts = [CountRow](zip(Self.types, typeTotals).compactMap { type, count in
            count == 0 ? nil : (type.rawValue, type.rawValue, count)
        }, partition: true)

        tagGroups = grouping.groups.map { group in
            IndicatorGroup(key: group.name, title: options.shown(group.name), description: group.description.map(options.shown),
                anchor: "tag-" + anchorSlug(group.name), rows: group.rows, classification: nil,
                acrossHref: options.linksToSite ? "../../" + SiteLayout.tagPage(anchorSlug(group.name)) : nil, isPrivate: vocabulary.isPrivate(group.name))
        } + (grouping.untagged.isEmpty ? [] : [
            IndicatorGroup(key: "", title: "Untagged", description: "Indicators without any tag.", anchor: Self.untaggedAnchor,
                rows: grouping.untagged, classification: nil),
        ])
        tagCounts = [CountRow](grouping.groups.map { (anchorSlug($0.name), options.shown($0.name), $0.rows.count) })
        notes = project.notes.enumerated().map { offset, note in
            NoteView(note, in: project, anchor: NoteLinks.noteAnchor(offset), defanging: defanging, links: proseLinks.ofNote(at: offset))
        }
    }
}

extension ProjectReport {
    /// The `id` of the untagged rows' section.
    static let untaggedAnchor = "untagged"

    /// The indicator types in the order reports count them (`allCases` is made anew at each use).
    static let types = IndicatorType.allCases

    /// The rows of `counts`, one per classification in the order of `Classification.allCases`
    /// (tags implying a classification included); a report and the site's index show the same.
    static func classificationCounts(_ counts: [Int]) -> [CountRow] {
        [CountRow](zip(Classification.allCases, counts).map { ($0.rawValue, $0.label, $1) }, partition: true)
    }
}

/// Rows grouped by tag, case-insensitively, each tag under the spelling of the vocabulary (or the
/// first spelling met), sorted by name; untagged rows apart.
struct TagGrouping<Row> {
    struct Group {
        var name: String
        var description: String?
        var rows: [Row]
    }

    var groups: [Group] = []
    var untagged: [Row] = []
    private var byKey: [String: Int] = [:]
    /// Each tag as written to its group, found without folding it again (a million rows).
    private var byTag: [String: Int] = [:]
    /// Up to this many tags, a row's repeated tags are found by looking back.
    static var lookBackLimit: Int { 8 }

    init() {}

    init(_ rows: [([String], Row)], vocabulary: Vocabulary) {
        for (tags, row) in rows { add(row, tags: tags, vocabulary: vocabulary) }
        sortGroups()
    }

    /// Puts `row` in the group of each of its tags.
    mutating func add(_ row: Row, tags: [String], vocabulary: Vocabulary) {
        add(row, toGroups: groups(of: tags, vocabulary: vocabulary))
    }

    /// Puts `row` in each of `groups` (`groups(of:vocabulary:)`), or with the untagged if none.
    mutating func add(_ row: Row, toGroups groups: [Int]) {
        if groups.isEmpty { untagged.append(row) }
        for at in groups { self.groups[at].rows.append(row) }
    }

    /// The positions of the groups a row with `tags` goes in, each once, made (empty) as needed:
    /// the same for every row with these tags, so a caller may keep them by tag list (until
    /// `sortGroups()`, which moves the groups).
    mutating func groups(of tags: [String], vocabulary: Vocabulary) -> [Int] {
        // A tag written twice (in any case) puts the row in its group once. An indicator usually
        // has a few tags, and looking back over them is cheaper than a set per row (a million
        // rows); past a few, a set keeps a row of 100,000 tags linear.
        var seen: Set<Int>?
        if tags.count > Self.lookBackLimit { seen = [] }
        var positions: [Int] = []
        for (position, tag) in tags.enumerated() {
            let at = group(of: tag, vocabulary: vocabulary)
            if seen != nil {
                guard seen!.insert(at).inserted else { continue }
            } else if position > 0, tags[..<position].contains(where: { byTag[$0] == at }) {
                continue
            }
            positions.append(at)
        }
        return positions
    }

    /// The position of `tag`'s group, made (empty) if it is the first of its key.
    private mutating func group(of tag: String, vocabulary: Vocabulary) -> Int {
        if let at = byTag[tag] { return at }
        let key = Tag.key(tag)
        let at: Int
        if let existing = byKey[key] {
            at = existing
        } else {
            let definition = vocabulary.definition(of: tag)
            at = groups.count
            byKey[key] = at
            groups.append(Group(name: definition?.name ?? tag, description: definition?.description, rows: []))
        }
        byTag[tag] = at
        return at
    }

    /// Adds the groups of rows that come after these (made apart, as each project's for a site),
    /// their rows made rows of this grouping by `transform`. A tag keeps the spelling met first.
    mutating func append<Other>(_ other: TagGrouping<Other>, rows transform: (Other) -> Row) {
        untagged += other.untagged.map(transform)
        for group in other.groups {
            let key = Tag.key(group.name)
            if let at = byKey[key] {
                groups[at].rows += group.rows.map(transform)
            } else {
                byKey[key] = groups.count
                groups.append(Group(name: group.name, description: group.description, rows: group.rows.map(transform)))
            }
        }
    }

    /// By name, case-insensitively.
    mutating func sortGroups() {
        groups.sort { Tag.key($0.name) != Tag.key($1.name) ? Tag.key($0.name) < Tag.key($1.name) : $0.name < $1.name }
        byKey = Dictionary(uniqueKeysWithValues: groups.enumerated().map { (Tag.key($0.element.name), $0.offset) })
        byTag = [:]
    }
}

extension TagGrouping: Sendable where Row: Sendable {}
extension TagGrouping.Group: Sendable where Row: Sendable {}
