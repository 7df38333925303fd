import DossierCore

/// Each project's listing rows (`SiteModel.ProjectRows`, all but its line on the index), kept in
/// the project cache beside the project's entry (`ProjectCache.companion`): a build after a
/// one-project edit works out only that project's rows again, where working out every
/// project's (its canonical order, its tags' groups, its classifications and markings) was a
/// fifth of a rebuild's work. What the rows are made of is what the entry's key covers (the
/// project's files, the workspace settings with the vocabulary, the build of dossier) and the
/// audience, the companion's kind: a public site's rows are those of the public view.
struct ListingRowsCache: Sendable {
    let store: CompanionStore

    init(cache: ProjectCache, audience: Audience, loaded: LoadedWorkspace) {
        store = CompanionStore(cache, kind: "rows-" + audience.rawValue, loaded: loaded)
    }

    /// The rows of `project` (of the audience's view), from the cache, else worked out and kept.
    func rows(of project: Project, vocabulary: Vocabulary, options: ReportOptions) -> SiteModel.ProjectRows {
        if let rows = store.read(project.slug, { reader throws(CacheReader.Malformed) in try Self.read(&reader, of: project, options: options) }) {
            return rows
        }
        let rows = SiteModel.ProjectRows(project, vocabulary: vocabulary, options: options)
        store.store(project.slug) { Self.write(rows, to: &$0) }
        return rows
    }

    static func write(_ rows: SiteModel.ProjectRows, to writer: inout CacheWriter) {
        func positions(_ values: [Int32], _ writer: inout CacheWriter) { writer.array(values) { $0.int(Int($1)) } }
        positions(rows.order, &writer)
        writer.array(rows.byClassification) { positions($1, &$0) }
        writer.array(rows.grouping.groups) { writer, group in
            writer.string(group.name)
            writer.optional(group.description) { $0.string($1) }
            positions(group.rows, &writer)
        }
        positions(rows.grouping.untagged, &writer)
        writer.array(rows.markings.sorted { $0.key < $1.key }) { writer, marking in
            writer.int(Int(marking.key))
            writer.byte(UInt8(Self.tlps.firstIndex(of: marking.value)!))
        }
        writer.array(rows.privateRows.words) { $0.uint64($1) }
        writer.bool(rows.holdsPrivate)
    }

    /// The rows `write` wrote, for `project`: each position must be one of its indicators, or
    /// the rows are no rows of it (`Malformed`, then worked out again).
    static func read(_ reader: inout CacheReader, of project: Project, options: ReportOptions) throws(CacheReader.Malformed) -> SiteModel.ProjectRows {
        let count = project.indicators.count
        func position(_ reader: inout CacheReader) throws(CacheReader.Malformed) -> Int32 {
            let value = try reader.int()
            guard value >= 0, value < count else { throw CacheReader.Malformed() }
            return Int32(value)
        }
        func positions(_ reader: inout CacheReader) throws(CacheReader.Malformed) -> [Int32] {
            try reader.array { reader throws(CacheReader.Malformed) in try position(&reader) }
        }
        let order = try positions(&reader)
        let byClassification = try reader.array { reader throws(CacheReader.Malformed) in try positions(&reader) }
        var grouping = TagGrouping<Int32>()
        grouping.groups = try reader.array { reader throws(CacheReader.Malformed) in
            TagGrouping<Int32>.Group(name: try reader.string(), description: try reader.optional { reader throws(CacheReader.Malformed) in try reader.string() },
                rows: try positions(&reader))
        }
        grouping.untagged = try positions(&reader)
        var markings: [Int32: TLP] = [:]
        for (at, tlp) in try reader.array({ reader throws(CacheReader.Malformed) in (try position(&reader), Int(try reader.byte())) }) {
            guard tlp < Self.tlps.count else { throw CacheReader.Malformed() }
            markings[at] = Self.tlps[tlp]
        }
        let words = try reader.array { reader throws(CacheReader.Malformed) in try reader.uint64() }
        let holdsPrivate = try reader.bool()
        guard order.count == count, byClassification.count == SiteModel.classifications.count, words.count == (count + 63) / 64
        else { throw CacheReader.Malformed() }
        return SiteModel.ProjectRows(order: order, byClassification: byClassification, grouping: grouping, markings: markings,
            privateRows: RowBits(words: words), holdsPrivate: holdsPrivate, of: project, options: options)
    }

    /// The TLP levels, each written as its place here.
    private static let tlps = TLP.allCases
}

/// One kind of companion of the project cache's entries (`ProjectCache.companion`): what a
/// build keeps of each project beside its entry, under the entry's key, so that it is taken only
/// for the project as its files are now. A project with no entry (a file in error) has none.
struct CompanionStore: Sendable {
    let cache: ProjectCache
    let kind: String
    /// The cache key of each project that has one (`LoadedWorkspace.cacheKeys`), by folder name.
    let keys: [String: String]

    init(_ cache: ProjectCache, kind: String, loaded: LoadedWorkspace) {
        self.cache = cache
        self.kind = kind
        var keys: [String: String] = [:]
        for (project, key) in zip(loaded.workspace.projects, loaded.cacheKeys) {
            if let key { keys[project.slug] = key }
        }
        self.keys = keys
    }

    /// What was kept of the project `slug`, whole and under its current key; else nil.
    func read<T>(_ slug: String, _ read: (inout CacheReader) throws(CacheReader.Malformed) -> T) -> T? {
        keys[slug].flatMap { cache.companion(kind, slug: slug, key: $0, read) }
    }

    /// Keeps what `write` writes for the project `slug`, if it has a key.
    func store(_ slug: String, _ write: (inout CacheWriter) -> Void) {
        if let key = keys[slug] { cache.storeCompanion(kind, slug: slug, key: key, write) }
    }
}
