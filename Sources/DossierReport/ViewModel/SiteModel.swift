import DossierCore
import DossierInterop

/// Every page of a site, built from one audience-filtered workspace. Pages are made one at a time,
/// when they are written (`report(at:)`, `listing(at:)`): held all at once, reports and listings
/// kept every row of the workspace in memory several times over (2.2 GB for a million). Listing
/// rows are only places (project, indicator) until their page is made.
public struct SiteModel: Sendable {
    /// Where a listing row comes from: an indicator of a project of the filtered workspace.
    struct RowPlace: Sendable {
        var project: Int32
        var indicator: Int32
    }

    public var index: SiteIndexPage
    public var tagSlugs: [String: String]
    /// Every indicator once per project, in the order listings show them (projects in order, each
    /// project's indicators in canonical order).
    let places: [RowPlace]
    /// Tag and classification pages, each with its path in the site, and its rows (positions in
    /// `places`) apart.
    let listingPages: [(path: String, page: ListingPage, rows: ArraySlice<Int32>)]
    let workspace: Workspace
    let correlations: IndicatorIndex
    let projectCounts: [IndicatorKey: Int]
    /// The keys recorded more than once (`IndicatorIndex.repeated`), and for each project its
    /// indicators among them (position, and place in `repeated`): the only ones that can have "also
    /// seen in" links.
    let repeated: [(key: IndicatorKey, occurrences: [IndicatorIndex.Occurrence])]
    let repeatedIndicators: [[(indicator: Int32, entry: Int32)]]
    /// Per project, the digest of what a link to it shows (slug and title) and of its TLP, which
    /// raises the banner of a report naming it, for report keys.
    let linkDigests: [String]
    /// How each indicator is recorded, as report keys name it (`correlations(at:into:)`): its
    /// classification's place in `classifications`, plus `privateCode` when it is private. Per
    /// project from `recordingStarts`, taken from the rows: reading each indicator an "also seen
    /// in" link names copied it and folded its tags again, once per link.
    let recordings: [UInt8]
    let recordingStarts: [Int]
    /// Per project, the link a listing row shows: its title as the site shows it (defanged
    /// unless the options say otherwise) and its page. Made once, not once per listing row.
    let listingLinks: [ProjectLink]
    /// Per project, the `id` of its sections on listing pages (`project-acme-phish`).
    let projectAnchors: [String]
    /// Per project, for each list whose rows of it are more than a report's table shows
    /// (`SiteLayout.reportTableLimit`): where its section of that list starts, from the site's
    /// root (`classifications/malicious.17.html#project-big-feed`), by the list's key
    /// (`listingKey`). Only projects with such a list are here.
    let overflowSections: [Int32: [String: String]]
    let audience: Audience
    let siteOptions: ReportOptions
    /// The digest of what a report's relative links may lead to in other projects
    /// (`NoteLinks`): each project's folder name and the file names of the notes its report
    /// shows, in order (a note's anchor is its place), for the keys of reports whose prose
    /// may link elsewhere.
    let linkTargets: String

    /// - Parameters:
    ///   - workspace: the audience-filtered workspace.
    ///   - index: the index of that same workspace, when the caller has it.
    ///   - rowsCache: where each project's rows were kept by an earlier build, if anywhere.
    init(workspace: Workspace, audience: Audience, options: ReportOptions, index: IndicatorIndex? = nil, rowsCache: ListingRowsCache? = nil) {
        let index = index ?? IndicatorIndex(workspace, scope: .correlations)
        let vocabulary = workspace.vocabulary
        let generator = "dossier \(DossierVersion.current)"
        let banner = AudienceBanner(audience)
        let siteOptions = ReportOptions(defang: options.defang, linksToSite: true, markdownImages: .inSite)
        let shownWorkspaceTitle = siteOptions.shown(workspace.settings.title)

        // Each project's rows (in listing order), their classifications and tag groups, and its
        // line on the index, on every core; then joined in project order.
        let perProject = workspace.projects.concurrentMap { project in
            rowsCache?.rows(of: project, vocabulary: vocabulary, options: siteOptions)
                ?? ProjectRows(project, vocabulary: vocabulary, options: siteOptions)
        }
        var places: [RowPlace] = []
        places.reserveCapacity(perProject.reduce(0) { $0 + $1.order.count })
        var byClassification = [[Int32]](repeating: [], count: Self.classifications.count)
        var grouping = TagGrouping<Int32>()
        // A listing page bears the most restrictive TLP of its rows (below): each row's, worked
        // out once here, since a row is listed by its classification and by each of its tags.
        var rowTLP: [TLP] = []
        rowTLP.reserveCapacity(places.capacity)
        for (p, rows) in perProject.enumerated() {
            let offset = Int32(places.count)
            places += rows.order.map { RowPlace(project: Int32(p), indicator: $0) }
            let project = workspace.projects[p].markingInOutputs
            rowTLP += rows.order.map { i in
                let marked = rows.markings.isEmpty ? project : max(project, rows.markings[i] ?? project)
                return rows.privateRows.contains(i) ? max(marked, TLP.privateMaterial) : marked
            }
            for (c, local) in rows.byClassification.enumerated() { byClassification[c] += local.map { $0 + offset } }
            grouping.append(rows.grouping) { $0 + offset }
        }
        grouping.sortGroups()
        self.places = places
        tagSlugs = Anchors.uniqueSlugs(grouping.groups.map { Tag.key($0.name) })
        let slugs = tagSlugs

        self.workspace = workspace
        correlations = index
        let repeated = index.repeated
        self.repeated = repeated
        projectCounts = AlsoSeen.projectCounts(repeated)
        var repeatedIndicators = [[(indicator: Int32, entry: Int32)]](repeating: [], count: workspace.projects.count)
        for (entry, (_, occurrences)) in repeated.enumerated() {
            for occurrence in occurrences {
                repeatedIndicators[occurrence.project].append((Int32(occurrence.indicator), Int32(entry)))
            }
        }
        self.repeatedIndicators = repeatedIndicators.map { $0.sorted { $0.indicator < $1.indicator } }
        (recordings, recordingStarts) = Self.recordings(of: workspace, rows: perProject)
        linkDigests = workspace.projects.map { project in
            SHA256.hex(Array("\(project.slug.utf8.count) \(project.title.utf8.count) \(project.tlp.rawValue) \(project.visibility.rawValue)\n\(project.slug)\(project.title)".utf8))
        }
        listingLinks = workspace.projects.map { project in
            // A private project's section of a listing (on an internal site) says so by its title.
            ProjectLink(slug: project.slug, title: siteOptions.shown(project.title), href: SiteLayout.projectHref(from: .listing, project.slug),
                classifiedOtherwise: nil, privateProject: project.visibility == .private, privateIndicator: false)
        }
        var targets = SHA256()
        for project in workspace.projects {
            // With the titles a link with no text shows (`NoteLinks.name`).
            targets.update("project \(project.slug.utf8.count) \(project.slug) \(project.title.utf8.count) \(project.title) \(project.notes.count)\n")
            for note in project.notes {
                let title = note.displayTitle
                targets.update("\(note.fileName.utf8.count) \(note.fileName) \(title.utf8.count) \(title)\n")
            }
        }
        linkTargets = targets.finalize()
        self.audience = audience
        self.siteOptions = siteOptions

        // A listing page bears the most restrictive TLP of the projects its rows come from, and of
        // the rows' own markings (an indicator tagged tlp:red); few indicators have one. A row of
        // private material (a private project's, a private indicator, one with a private tag or
        // a source) is at least `TLP.privateMaterial`.
        let projectTLPs = workspace.projects.map(\.tlp)
        let rowTLPs = workspace.projects.map(\.markingInOutputs)
        let tlp = { [rowTLP] (rows: ArraySlice<Int32>) in
            rowTLP.withUnsafeBufferPointer { shown in rows.reduce(TLP.clear) { max($0, shown[Int($1)]) } }
        }
        let rowPlaces = places
        let anchorSlugs = Anchors.uniqueSlugs(workspace.projects.map(\.slug))
        let (anchors, links) = (workspace.projects.map { "project-" + (anchorSlugs[$0.slug] ?? Anchors.slug($0.slug)) }, listingLinks)
        projectAnchors = anchors
        var listings: [(String, ListingPage, ArraySlice<Int32>)] = []
        var overflowSections: [Int32: [String: String]] = [:]
        // A list's pages, and where each project's section starts in it when a report cannot show it whole.
        func paginate(_ rows: [Int32], key: String, kind: String, title: String, description: String?, classification: String?,
            tag: String? = nil, isPrivateTag: Bool = false, path: (Int) -> String) {
            let runs = Self.runs(of: rows) { rowPlaces[Int($0)].project }
            listings += Self.paginate(rows, runs: runs, kind: kind, title: title, description: description, classification: classification,
                tag: tag, isPrivateTag: isPrivateTag, workspaceTitle: shownWorkspaceTitle, banner: banner, generator: generator, tlp: tlp, links: links,
                anchors: anchors, path: path)
            for run in runs where run.count > SiteLayout.reportTableLimit {
                overflowSections[run.project, default: [:]][key] = path(run.start / SiteLayout.pageSize + 1) + "#" + anchors[Int(run.project)]
            }
        }
        var classificationSummaries: [SiteIndexPage.ClassificationSummary] = []
        for (classification, rows) in zip(Self.classifications, byClassification) {
            paginate(rows, key: Self.listingKey(classification: classification.rawValue), kind: "Classification",
                title: classification.label + " indicators", description: nil, classification: classification.rawValue) {
                SiteLayout.classificationPage(classification, page: $0)
            }
            classificationSummaries.append(.init(key: classification.rawValue, label: classification.label, count: rows.count,
                href: rows.isEmpty ? nil : SiteLayout.classificationPage(classification)))
        }
        var tagSummaries: [SiteIndexPage.TagSummary] = []
        for group in grouping.groups {
            let slug = slugs[Tag.key(group.name)] ?? Anchors.slug(group.name)
            let isPrivate = vocabulary.isPrivate(group.name)
            paginate(group.rows, key: Self.listingKey(tag: group.name), kind: "Tag", title: siteOptions.shown(group.name),
                description: group.description.map(siteOptions.shown), classification: nil, tag: group.name, isPrivateTag: isPrivate) { SiteLayout.tagPage(slug, page: $0) }
            tagSummaries.append(.init(name: group.name, description: group.description, count: group.rows.count, href: SiteLayout.tagPage(slug),
                shownName: siteOptions.shown(group.name), shownDescription: group.description.map(siteOptions.shown), isPrivate: isPrivate))
        }
        listingPages = listings
        self.overflowSections = overflowSections

        // A project's line on the index bears the TLP its report's banner does: raised by the
        // `tlp:` tags of its indicators, by the projects its "also seen in" links name, and by
        // private material.
        let (counts, linkedTo) = (projectCounts, self.repeatedIndicators)
        let summaries = perProject.indices.map { $0 }.concurrentMap { p in
            var summary = perProject[p].summary
            var strictest = max(projectTLPs[p], perProject[p].markings.values.max() ?? .clear)
            Self.links(of: p, repeated: repeated, repeatedIndicators: linkedTo, projectCounts: counts) { _, linked in
                for other in linked.occurrences { strictest = max(strictest, rowTLPs[other.project]) }
            }
            let shown = perProject[p].holdsPrivate ? max(strictest, TLP.privateMaterial) : strictest
            if shown > projectTLPs[p] { summary.tlp = TLPBanner(shown, raisedFrom: projectTLPs[p], byPrivateMaterial: shown > strictest) }
            return summary
        }
        let shownTLPs = perProject.indices.map { p in
            max(rowTLPs[p], perProject[p].markings.values.max() ?? .clear, perProject[p].holdsPrivate ? TLP.privateMaterial : .clear)
        }
        self.index = SiteIndexPage(
            workspaceTitle: shownWorkspaceTitle, audience: banner, tlp: TLPBanner(shownTLPs.max() ?? .clear),
            // By title, as a reader looks one up (folder names need not follow titles): in any
            // case and accent, numbers by their value (9 before 10), from its first letter or digit.
            projects: summaries.sorted { a, b in
                func sortable(_ title: String) -> Substring { title.drop { !$0.isLetter && !$0.isNumber } }
                let order = sortable(a.title).compare(sortable(b.title), options: [.caseInsensitive, .diacriticInsensitive, .numeric])
                return order == .orderedSame ? a.slug < b.slug : order == .orderedAscending
            }, total: places.count,
            classificationCounts: [CountRow](classificationSummaries.map { ($0.key, $0.label, $0.count) }, partition: true),
            classifications: classificationSummaries, tags: tagSummaries, generator: generator)
    }

    /// The classifications in the order the site lists them (`allCases` is made anew at each use).
    static let classifications = Classification.allCases

    /// Each classification's name, as report keys write it.
    static let classificationNames = classifications.map { Array($0.rawValue.utf8) }

    /// Added to a `recordings` code for a private indicator.
    static let privateCode: UInt8 = 0x80

    /// `recordings` and `recordingStarts`: each project's indicators' codes, worked out from its
    /// rows on its own core.
    private static func recordings(of workspace: Workspace, rows: [ProjectRows]) -> ([UInt8], [Int]) {
        let perProject = workspace.projects.indices.map { $0 }.concurrentMap { p -> [UInt8] in
            var codes = [UInt8](repeating: 0, count: workspace.projects[p].indicators.count)
            for (classification, local) in rows[p].byClassification.enumerated() {
                for row in local { codes[Int(rows[p].order[Int(row)])] = UInt8(classification) }
            }
            // Read in place: a copy of an indicator retains and releases each of its strings.
            workspace.projects[p].indicators.withUnsafeBufferPointer { indicators in
                for i in indicators.indices where indicators[i].isPrivate { codes[i] |= privateCode }
            }
            return codes
        }
        var starts: [Int] = []
        starts.reserveCapacity(perProject.count)
        var total = 0
        for codes in perProject {
            starts.append(total)
            total += codes.count
        }
        return (Array(perProject.joined()), starts)
    }

    /// What the site takes from one project for its listings and its index, worked out on its own.
    struct ProjectRows: Sendable {
        /// Positions of its indicators in listing (canonical) order.
        var order: [Int32]
        /// Rows (positions in `order`) of each classification, in the order of `Classification.allCases`.
        var byClassification: [[Int32]]
        /// Rows (positions in `order`) by tag.
        var grouping: TagGrouping<Int32>
        /// The TLP of each indicator (by position in the project) that a tag marks (`tlp:red`).
        var markings: [Int32: TLP]
        /// The indicators (by position) that are private material (`TLP.privateMaterial`): a set
        /// of bits, since with their sources most may be.
        var privateRows: RowBits
        /// Whether the project shows private material in an internal output: it is private, or
        /// has a private tag, note or indicator, or a source.
        var holdsPrivate: Bool
        var summary: SiteIndexPage.ProjectSummary

        init(_ project: Project, vocabulary: Vocabulary, options: ReportOptions) {
            let order = Indicator.canonicalPositions(of: project.indicators).map { Int32($0) }
            var byClassification = [[Int32]](repeating: [], count: SiteModel.classifications.count)
            var grouping = TagGrouping<Int32>()
            var markings: [Int32: TLP] = [:]
            var privateRows = RowBits(count: project.indicators.count)
            var holdsPrivate = project.showsPrivateMaterial(vocabulary: vocabulary)
            // What a row's tags make of it, worked out once per tag list: a project's indicators
            // share a few hundred lists, and folding each tag of a million rows cost more.
            var byTags: [[String]: (implied: Classification?, marking: TLP?, groups: [Int])] = [:]
            // Read in place: a copy of each indicator retained and released all of its strings.
            project.indicators.withUnsafeBufferPointer { indicators in
                for (row, i) in order.enumerated() {
                    let tags = indicators[Int(i)].tags
                    let facts: (implied: Classification?, marking: TLP?, groups: [Int])
                    if let known = byTags[tags] {
                        facts = known
                    } else {
                        facts = (vocabulary.impliedClassification(of: tags), TLP.marked(by: tags), grouping.groups(of: tags, vocabulary: vocabulary))
                        byTags[tags] = facts
                    }
                    let classification = indicators[Int(i)].effectiveClassification(implied: facts.implied)
                    byClassification[SiteModel.classifications.firstIndex(of: classification)!].append(Int32(row))
                    grouping.add(Int32(row), toGroups: facts.groups)
                    if let tlp = facts.marking { markings[i] = tlp }
                    if indicators[Int(i)].showsPrivateMaterial {
                        privateRows.insert(i)
                        holdsPrivate = true
                    }
                }
            }
            // A private tag's rows, by its group: asked once per tag, not once per list of tags.
            for group in grouping.groups where vocabulary.isPrivate(group.name) {
                for row in group.rows { privateRows.insert(order[Int(row)]) }
                holdsPrivate = holdsPrivate || !group.rows.isEmpty
            }
            self.init(order: order, byClassification: byClassification, grouping: grouping, markings: markings, privateRows: privateRows,
                holdsPrivate: holdsPrivate, of: project, options: options)
        }

        /// The rows as worked out before (`ListingRowsCache`), with the project's line on the
        /// index, which the options shape.
        init(order: [Int32], byClassification: [[Int32]], grouping: TagGrouping<Int32>, markings: [Int32: TLP], privateRows: RowBits,
            holdsPrivate: Bool, of project: Project, options: ReportOptions) {
            (self.order, self.byClassification, self.grouping, self.markings) = (order, byClassification, grouping, markings)
            (self.privateRows, self.holdsPrivate) = (privateRows, holdsPrivate)
            summary = SiteIndexPage.ProjectSummary(
                slug: project.slug, title: options.shown(project.title), href: SiteLayout.projectHref(from: .index, project.slug),
                tlp: TLPBanner(project.tlp), status: project.status?.rawValue,
                // The day alone: a column of days reads alike (a report's header has the time).
                updated: project.updated.map { String(DateSpelling.shown($0).prefix(10)) },
                total: project.indicators.count,
                counts: ProjectReport.classificationCounts(byClassification.map(\.count)),
                tags: project.tags.map(options.shown), isPrivate: project.visibility == .private)
        }
    }

    /// The report of the project at `position` in the workspace, as its page in the site shows it.
    public func report(at position: Int) -> ProjectReport {
        report(at: position, threats: nil)
    }

    /// - Parameter threats: what the links of the site's prose lead to (`ThreatsElsewhere`), when
    ///   the caller has found it; else found for this project's.
    /// - Parameter cuttingTables: cut each table to its first `SiteLayout.reportTableLimit` rows,
    ///   for report templates that say so where they do (`IndicatorGroup.isCut`).
    func report(at position: Int, threats: ThreatsElsewhere?, cuttingTables: Bool = false) -> ProjectReport {
        var report = ProjectReport(project: workspace.projects[position], workspace: workspace, index: correlations, audience: audience,
            options: siteOptions, tagSlugs: tagSlugs, position: position, projectCounts: projectCounts,
            threats: threats ?? ThreatsElsewhere(correlations, linksOf: workspace.projects[position]))
        // A table of tens of thousands of rows (a feed imported whole) made a page no browser
        // opened in under a minute: it shows its first rows, and links to the rest.
        guard cuttingTables else { return report }
        let sections = overflowSections[Int32(position)] ?? [:]
        for index in report.classificationGroups.indices {
            let key = Self.listingKey(classification: report.classificationGroups[index].key)
            report.classificationGroups[index].cut(to: SiteLayout.reportTableLimit, rest: sections[key].map { "../../" + $0 })
        }
        for index in report.tagGroups.indices {
            // The untagged rows have no list of their own (a tag's anchor is `tag-...`).
            let key = report.tagGroups[index].anchor == ProjectReport.untaggedAnchor ? nil : Self.listingKey(tag: report.tagGroups[index].key)
            report.tagGroups[index].cut(to: SiteLayout.reportTableLimit, rest: key.flatMap { sections[$0] }.map { "../../" + $0 })
        }
        return report
    }

    /// Where the rest of the project's long tables are (`overflowSections`), for its report's key.
    func overflow(at position: Int) -> String {
        (overflowSections[Int32(position)] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)\n" }.joined()
    }

    /// The "also seen in" links of the project at `position`, as its report shows them: what the
    /// report takes from other projects, for its key. Each indicator with links counts by its
    /// position (the project's own digest covers what is there); only indicators recorded more than
    /// once can have any, so the others are not looked up.
    func correlations(at position: Int, into hasher: inout SHA256) {
        // The links themselves are not made: which projects they name (each by the digest of its
        // slug, title, TLP and visibility; a link's address follows from its slug and the options,
        // which every page key covers), how each records the indicator (its classification, its
        // privacy), and how many more. Each link's line
        // is written into a buffer, hashed as it fills: a string made and hashed for each was half
        // of a rebuild's report keys.
        var bytes: [UInt8] = []
        Self.links(of: position, repeated: repeated, repeatedIndicators: repeatedIndicators, projectCounts: projectCounts) { indicator, linked in
            bytes += "indicator ".utf8
            PageKey.appendDecimal(indicator, to: &bytes)
            bytes.append(UInt8(ascii: " "))
            PageKey.appendDecimal(Int32(linked.occurrences.count), to: &bytes)
            bytes.append(UInt8(ascii: " "))
            PageKey.appendDecimal(Int32(linked.more), to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
            for occurrence in linked.occurrences {
                bytes += linkDigests[occurrence.project].utf8
                let code = recordings[recordingStarts[occurrence.project] + occurrence.indicator]
                bytes += Self.classificationNames[Int(code & ~Self.privateCode)]
                bytes.append(UInt8(ascii: code & Self.privateCode != 0 ? "p" : "-"))
                bytes.append(UInt8(ascii: "\n"))
            }
            // Hashed as it fills: a project with a million links must not hold them all.
            if bytes.count >= 1 << 16 {
                hasher.update(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        hasher.update(bytes)
    }

    /// Each indicator of the project at `position` that has "also seen in" links (`AlsoSeen`), with
    /// the projects they name and how many more; only indicators recorded more than once can.
    static func links(of position: Int, repeated: [(key: IndicatorKey, occurrences: [IndicatorIndex.Occurrence])],
        repeatedIndicators: [[(indicator: Int32, entry: Int32)]], projectCounts: [IndicatorKey: Int],
        _ body: (_ indicator: Int32, _ linked: (occurrences: [IndicatorIndex.Occurrence], more: Int)) -> Void) {
        for (indicator, entry) in repeatedIndicators[position] {
            let (key, occurrences) = repeated[Int(entry)]
            let linked = AlsoSeen.linkedProjects(occurrences, position: position) { projectCounts[key] }
            if !linked.occurrences.isEmpty { body(indicator, linked) }
        }
    }

    /// The listing page at `position` without its rows, and where its rows come from.
    func listingPlaces(at position: Int) -> (page: ListingPage, places: LazyMapSequence<ArraySlice<Int32>, RowPlace>) {
        let (_, page, rows) = listingPages[position]
        let places = places
        return (page, rows.lazy.map { places[Int($0)] })
    }

    /// How many tag and classification pages the site has.
    public var listingCount: Int { listingPages.count }

    /// The tag or classification page at `position`, with its path in the site.
    public func listing(at position: Int) -> (path: String, page: ListingPage) {
        var (path, page, rows) = listingPages[position]
        // A row's tags link to their pages (every listing is one folder down from the site's root).
        var hrefs: [String: String] = [:]
        var start = rows.startIndex
        for group in page.groups.indices {
            let count = page.groups[group].lastRow - page.groups[group].firstRow + 1
            page.groups[group].rows = rows[start..<(start + count)].map { place in
                var row = row(at: places[Int(place)], showing: page.tag)
                for index in row.tagLinks.indices {
                    guard let key = row.tagLinks[index].key, let slug = tagSlugs[key] else { continue }
                    if hrefs[key] == nil { hrefs[key] = "../" + SiteLayout.tagPage(slug) }
                    row.tagLinks[index].href = hrefs[key]
                }
                return row
            }
            start += count
        }
        return (path, page)
    }

    /// A listing's row, as tag and classification pages show it (a tag's page its tag).
    func row(at place: RowPlace, showing tag: String? = nil) -> IndicatorRow {
        // Read in place: a project copied out retains and releases every one of its fields.
        workspace.projects[Int(place.project)].indicators.withUnsafeBufferPointer { indicators in
            let indicator = indicators[Int(place.indicator)]
            return IndicatorRow(indicator, classification: indicator.effectiveClassification(in: workspace.vocabulary),
                options: siteOptions, alsoSeenIn: [], project: listingLinks[Int(place.project)], showing: tag)
        }
    }

    /// What a list is known by in `overflowSections`.
    static func listingKey(classification: String) -> String { "classification " + classification }
    static func listingKey(tag: String) -> String { "tag " + Tag.key(tag) }

    /// One project's rows in a list: whose (its place in the workspace), where they start, how many.
    struct Run {
        var project: Int32
        var start: Int
        var count: Int
    }

    /// The runs of `rows`, which come project by project.
    static func runs(of rows: [Int32], project: (Int32) -> Int32) -> [Run] {
        var runs: [Run] = []
        for index in rows.indices {
            let owner = project(rows[index])
            if let last = runs.last, last.project == owner {
                runs[runs.count - 1].count += 1
            } else {
                runs.append(Run(project: owner, start: index, count: 1))
            }
        }
        return runs
    }

    /// Splits `rows` into pages of `SiteLayout.pageSize`, each knowing its neighbours and its
    /// sections, one per project (and its rows apart, filled in by `listing(at:)`).
    /// - Parameters:
    ///   - runs: `runs(of: rows)`.
    ///   - links: each project's link, as a section of a listing shows it; `anchors`, its section's `id`.
    static func paginate(_ rows: [Int32], runs: [Run], kind: String, title: String, description: String?, classification: String?, tag: String? = nil, isPrivateTag: Bool = false,
        workspaceTitle: String, banner: AudienceBanner, generator: String, tlp: (ArraySlice<Int32>) -> TLP,
        links: [ProjectLink], anchors: [String], path: (Int) -> String) -> [(String, ListingPage, ArraySlice<Int32>)] {
        guard !rows.isEmpty else { return [] }
        // The sections of the page of rows `range`, pages asked for in order: each run it
        // overlaps, from the first that reaches it, with which of its rows it shows.
        var firstRun = 0
        // Each project's rows' strictest marking, and the list's, the strictest of those: the
        // rows are read once.
        let runTLPs = runs.map { tlp(rows[$0.start..<($0.start + $0.count)]) }
        let runMarkings = runTLPs.map { TLPBanner($0) }
        func groups(_ range: Range<Int>) -> [ListingPage.Group] {
            while runs[firstRun].start + runs[firstRun].count <= range.lowerBound { firstRun += 1 }
            var groups: [ListingPage.Group] = []
            for (run, marking) in zip(runs[firstRun...], runMarkings[firstRun...]) {
                guard run.start < range.upperBound else { break }
                let first = max(run.start, range.lowerBound), end = min(run.start + run.count, range.upperBound)
                groups.append(ListingPage.Group(project: links[Int(run.project)], anchor: anchors[Int(run.project)], tlp: marking,
                    total: run.count, firstRow: first - run.start + 1, lastRow: end - run.start))
            }
            return groups
        }
        let size = SiteLayout.pageSize
        let pageCount = (rows.count + size - 1) / size
        // Links are relative to the listing's own folder: strip it from the paths.
        func href(_ page: Int) -> String { String(path(page).split(separator: "/").last ?? "") }
        // One TLP for every page of a listing, the strictest of all its rows: pages of one list
        // marked apart (CLEAR, then RED) would read as parts to share apart.
        let marking = TLPBanner(runTLPs.max() ?? .clear)
        return (1...pageCount).map { page in
            let start = (page - 1) * size
            let end = min(rows.count, start + size)
            let listing = ListingPage(
                workspaceTitle: workspaceTitle, audience: banner, tlp: marking, kind: kind,
                title: title, description: description,
                classification: classification, tag: tag, isPrivateTag: isPrivateTag, total: page == 1 ? rows.count : nil, projectCount: page == 1 ? runs.count : nil, groups: groups(start..<end),
                page: page, pageCount: pageCount,
                pages: pageLinks(current: page, count: pageCount, href: href),
                previous: page > 1 ? href(page - 1) : nil, next: page < pageCount ? href(page + 1) : nil,
                firstRow: start + 1, lastRow: end, generator: generator)
            return (path(page), listing, rows[start..<end])
        }
    }

    /// The links of a pager: the first and last pages and those within two of the current one,
    /// with a gap for each run left out. At most nine, however many pages: every page linking to
    /// every other made a listing's pages grow as the square of their number.
    static func pageLinks(current: Int, count: Int, href: (Int) -> String) -> [ListingPage.PageLink] {
        let shown = Set([1, count] + Array(max(1, current - 2)...min(count, current + 2))).sorted()
        var links: [ListingPage.PageLink] = []
        for number in shown {
            if let last = links.last, number > last.number + 1 {
                links.append(ListingPage.PageLink(number: 0, href: "", isCurrent: false, isGap: true))
            }
            links.append(ListingPage.PageLink(number: number, href: href(number), isCurrent: number == current))
        }
        return links
    }
}

/// A set of row positions of one project, as bits.
struct RowBits: Sendable {
    private(set) var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    init(words: [UInt64]) { self.words = words }

    mutating func insert(_ position: Int32) { words[Int(position) >> 6] |= 1 << UInt64(position & 63) }

    func contains(_ position: Int32) -> Bool { words[Int(position) >> 6] & (1 << UInt64(position & 63)) != 0 }
}
