import Foundation

/// `dossier fmt --merge` on a git merge conflict in a project's `project.json` or
/// `indicators.json`: the file's two sides (and their common base, when git wrote it: `merge.conflictStyle
/// diff3`) read as dossier reads files, and joined as dossier's own merges join them. Two analysts
/// adding indicators to one project, or editing it on different days (each edit sets `updated`),
/// is how such a conflict comes about; neither needs a decision of theirs.
///
/// - `indicators.json`: every indicator either side records. With the base, a side that left an
///   indicator as the base had it yields to the other (which may have changed or removed it),
///   and one both sides changed is joined field by field and tag by tag; without it, an
///   indicator one side removed comes back. Otherwise both entries are kept, for
///   `DuplicateMerge` to make one where they agree (tags joined) and to leave apart, with the
///   reason, where they do not.
/// - `project.json`: a field one side left as the base had it takes the other's; `created` the
///   earlier date, `updated` the later, `tags` both sides' tags. Any other field both sides set
///   differently (a title, the visibility, the TLP) is the analyst's call: not resolved.
///
/// A side that does not load cleanly is not resolved either: the file is left to be resolved by hand.
public enum ConflictResolution {
    /// The sides of a conflicted file, each as the whole file it would be.
    struct Sides {
        var ours: [UInt8]
        var theirs: [UInt8]
        /// The common ancestor, when every conflict of the file has its `|||||||` section.
        var base: [UInt8]?
    }

    /// Why a conflicted file was left as it is.
    public struct Refusal: Error, Sendable, Equatable {
        public var reason: String
    }

    /// The sides of `bytes`, or nil when it has no conflict markers or they do not nest as git
    /// writes them (`<<<<<<<`, optionally `|||||||`, `=======`, `>>>>>>>`).
    static func sides(_ bytes: [UInt8]) -> Sides? {
        enum Part { case common, ours, base, theirs }
        var part = Part.common
        var (ours, theirs, base): ([UInt8], [UInt8], [UInt8]) = ([], [], [])
        var everyConflictHasBase = true
        var sawConflict = false
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            let next = min(end + 1, bytes.count)
            let line = bytes[start..<next]
            switch (ConflictMarkers.marker(line), part) {
            case (UInt8(ascii: "<"), .common):
                part = .ours
                sawConflict = true
            case (UInt8(ascii: "|"), .ours):
                part = .base
            case (UInt8(ascii: "="), .ours):
                everyConflictHasBase = false
                part = .theirs
            case (UInt8(ascii: "="), .base):
                part = .theirs
            case (UInt8(ascii: ">"), .theirs):
                part = .common
            case (nil, _):
                switch part {
                case .common:
                    ours += line
                    theirs += line
                    base += line
                case .ours: ours += line
                case .base: base += line
                case .theirs: theirs += line
                }
            default:
                return nil
            }
            start = next
        }
        guard sawConflict, part == .common else { return nil }
        // An empty base is no base: the file was added on both sides (git's add/add conflict).
        let hasBase = everyConflictHasBase && base.contains { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        return Sides(ours: ours, theirs: theirs, base: hasBase ? base : nil)
    }

    /// A base section that does not read as the file: git's zdiff3 style takes the lines both
    /// sides share out of the conflict but leaves them in the base.
    private static let unreadableBase = Refusal(reason:
        "its base section does not read as the file (git's zdiff3 style?); `git checkout --conflict=diff3 -- FILE` writes the conflict again in diff3 style")

    /// The conflicted `indicators.json` at `path` resolved: the file both sides make together.
    public static func indicators(_ bytes: [UInt8], path: String) -> Result<[UInt8], Refusal> {
        guard let sides = sides(bytes) else { return .failure(Refusal(reason: "its conflict markers are not as git writes them")) }
        return indicators(sides, path: path, published: true).map(\.bytes)
    }

    /// The same from the file's sides, with what the analyst should know of the join
    /// (`joined(_:_:base:)`'s notices). `published`: the project may be public (it is, or its
    /// `project.json` is in conflict too), so an indicator one side removed is kept private.
    static func indicators(_ sides: Sides, path: String, published: Bool) -> Result<(bytes: [UInt8], notices: [String]), Refusal> {
        let ours: IndicatorsDecoder.Result, theirs: IndicatorsDecoder.Result
        switch (decodedIndicators(sides.ours, path: path), decodedIndicators(sides.theirs, path: path)) {
        case (.success(let a), .success(let b)): (ours, theirs) = (a, b)
        case (.failure(let refusal), _), (_, .failure(let refusal)): return .failure(refusal)
        }
        let base: IndicatorsDecoder.Result?
        switch sides.base.map({ decodedIndicators($0, path: path) }) {
        case .success(let read)?: base = read
        case .failure?: return .failure(Self.unreadableBase)
        case nil: base = nil
        }
        guard let extra = joined(ours.extra, theirs.extra, base: base?.extra, same: { written($0) == written($1) }) else {
            return .failure(Refusal(reason: "\(base == nil ? "the two sides differ in" : "both sides changed") the file's fields \(differingKeys(ours.extra, theirs.extra)); which to keep is yours"))
        }
        var project = Project(slug: "", folder: "", title: "")
        var (indicators, notices) = joined(ours.indicators, theirs.indicators, base: base?.indicators, published: published)
        // Without the base, an indicator one side has alone was added there or removed on the
        // other: kept, as nothing is lost so, but said, since a removal comes back; in a project
        // that may be public, kept private too, as a removal the other side changed is.
        if base == nil {
            let (mine, other) = (Set(ours.indicators.map(\.key)), Set(theirs.indicators.map(\.key)))
            var named: Set<IndicatorKey> = []
            var alone: [String] = []
            for place in indicators.indices where mine.contains(indicators[place].key) != other.contains(indicators[place].key) {
                if published && !indicators[place].isPrivate { indicators[place].privateFlag = true }
                if named.insert(indicators[place].key).inserted { alone.append("\(indicators[place].type.rawValue) \(indicators[place].value)") }
            }
            if !alone.isEmpty {
                let shown = alone.count > 5 ? alone.prefix(5).joined(separator: ", ") + " and \(alone.count - 5) more" : alone.listed("and")
                notices.append("without git's base section, \(alone.count == 1 ? "an indicator one side records alone is" : "\(alone.count) indicators one side records alone are") kept"
                    + (published ? ", and private, off the public site until you decide (delete \(alone.count == 1 ? "its" : "their") \"private\": true to publish \(alone.count == 1 ? "it" : "them"))" : "")
                    + " (\(shown)): "
                    + "each was added on that side or removed on the other; while the merge is under way, `git checkout --conflict=diff3 -- FILE` "
                    + "(which drops what you edited in the file by hand) and `dossier fmt --merge` again tell which")
            }
        }
        project.indicators = indicators
        project.indicatorsExtra = extra
        return .success((CanonicalJSON.indicatorsFile(project), notices))
    }

    private static func decodedIndicators(_ bytes: [UInt8], path: String) -> Result<IndicatorsDecoder.Result, Refusal> {
        var diagnostics: [Diagnostic] = []
        guard let result = IndicatorsDecoder.decode(bytes, path: path, into: &diagnostics), result.isComplete,
              !diagnostics.contains(where: { $0.severity == .error }) else {
            let first = diagnostics.first { $0.severity == .error }.map { ": \($0.message)" } ?? ""
            return .failure(Refusal(reason: "one side does not load cleanly\(first)"))
        }
        return .success(result)
    }

    /// The indicators of both sides, as described for the type: per indicator, the entries of
    /// the side that changed it from the base, or of both.
    /// An indicator one side removed and the other changed is kept as changed, and said: the
    /// removal may have been meant (recorded by mistake, a victim's address). In a project that
    /// may be public (`published`) it is kept private too, so that the site does not publish
    /// again what one analyst took out of it until the analyst decides.
    private static func joined(_ ours: [Indicator], _ theirs: [Indicator], base: [Indicator]?, published: Bool) -> (indicators: [Indicator], notices: [String]) {
        /// Each indicator's entries as written (not where they were read), in order.
        func entries(_ list: [Indicator]) -> [IndicatorKey: [(written: [UInt8], indicator: Indicator)]] {
            var result: [IndicatorKey: [(written: [UInt8], indicator: Indicator)]] = [:]
            for indicator in list { result[indicator.key, default: []].append((written(indicator), indicator)) }
            return result
        }
        let (mine, other, before) = (entries(ours), entries(theirs), base.map(entries))
        var kept: [Indicator] = []
        var notices: [String] = []
        var done: Set<IndicatorKey> = []
        for indicator in ours + theirs where done.insert(indicator.key).inserted {
            let (a, b) = (mine[indicator.key] ?? [], other[indicator.key] ?? [])
            let original = before.map { $0[indicator.key] ?? [] }
            var keptPrivate = false
            if let original, !original.isEmpty, a.isEmpty != b.isEmpty, (a + b).map(\.written) != original.map(\.written) {
                keptPrivate = published && !(a + b).allSatisfy(\.indicator.isPrivate)
                notices.append("\(indicator.type.rawValue) \(indicator.value) was removed on one side and changed on the other: it is kept as changed"
                    + (keptPrivate ? ", and private, off the public site until you decide (delete its \"private\": true to publish it again)" : "")
                    + "; `dossier remove` takes it out if the removal was meant")
            }
            var chosen: [Indicator]
            if let entries = joined(a, b, base: original, same: { $0.map(\.written) == $1.map(\.written) }) {
                chosen = entries.map(\.indicator)
            } else if let original, a.count == 1, b.count == 1, original.count == 1,
                      let merged = joined(a[0].indicator, b[0].indicator, base: original[0].indicator) {
                // Both changed it: field by field, each side's change taken (an untag on one
                // side, a tag on the other).
                chosen = [merged]
            } else {
                // Both changed it otherwise (or there is no base): both entries, for
                // `DuplicateMerge` to join where they agree.
                chosen = (a + b.filter { entry in !a.contains { $0.written == entry.written } }).map(\.indicator)
            }
            if keptPrivate {
                for place in chosen.indices { chosen[place].privateFlag = true }
            }
            kept += chosen
        }
        return (kept, notices)
    }

    /// One indicator both sides changed from the base, joined field by field: a field one side
    /// left as it was takes the other's; tags one side added are added and tags one side removed
    /// are removed. Nil when both changed one field differently.
    private static func joined(_ ours: Indicator, _ theirs: Indicator, base: Indicator) -> Indicator? {
        var merged = ours
        func join<Value: Equatable>(_ field: WritableKeyPath<Indicator, Value>) -> Bool {
            guard let value = joined(ours[keyPath: field], theirs[keyPath: field], base: base[keyPath: field], same: ==) else { return false }
            merged[keyPath: field] = value
            return true
        }
        guard join(\.value), join(\.classification), join(\.firstSeen), join(\.lastSeen), join(\.source), join(\.comment),
              join(\.privateFlag),
              let extra = joined(ours.extra, theirs.extra, base: base.extra, same: { written($0) == written($1) }) else { return nil }
        merged.extra = extra
        merged.tags = joinedTags(ours.tags, theirs.tags, base: base.tags)
        return merged
    }

    /// Both sides' tags, but for those one side removed from the base's (without the base,
    /// every tag of either side).
    private static func joinedTags(_ ours: [String], _ theirs: [String], base: [String]?) -> [String] {
        let all = Tag.union(ours, theirs)
        guard let base else { return all }
        let (mine, other) = (Set(ours.map(Tag.key)), Set(theirs.map(Tag.key)))
        let removed = Set(base.map(Tag.key).filter { !mine.contains($0) || !other.contains($0) })
        return all.filter { !removed.contains(Tag.key($0)) }
    }

    /// What to keep of something both sides have: theirs when they agree, or the side that
    /// changed it from the base. Nil when both changed it (or, without the base, when they differ).
    private static func joined<Value>(_ ours: Value, _ theirs: Value, base: Value?, same: (Value, Value) -> Bool) -> Value? {
        if same(ours, theirs) { return ours }
        guard let base else { return nil }
        if same(base, ours) { return theirs }
        if same(base, theirs) { return ours }
        return nil
    }

    /// The conflicted `project.json` at `path` resolved, or why it cannot be. `updated` moves on
    /// from the later side's, at `now` (`ProjectEdit.updated`): the two sides joined are a new
    /// version, which exports must date anew for their consumers to take it.
    public static func project(_ bytes: [UInt8], path: String, at now: Date = Date()) -> Result<[UInt8], Refusal> {
        guard let sides = sides(bytes) else { return .failure(Refusal(reason: "its conflict markers are not as git writes them")) }
        return project(sides, path: path, at: now)
    }

    static func project(_ sides: Sides, path: String, at now: Date) -> Result<[UInt8], Refusal> {
        let folder = (path as NSString).deletingLastPathComponent
        func decoded(_ bytes: [UInt8]) -> Project? {
            var diagnostics: [Diagnostic] = []
            // The folder's name is the slug: a project without a title is titled by it.
            let project = ProjectDecoder.decode(bytes, slug: (folder as NSString).lastPathComponent, folder: folder, into: &diagnostics)
            return diagnostics.contains { $0.severity == .error } ? nil : project
        }
        let ours: Project, theirs: Project, base: Project?
        switch decodedSides(sides, decoded) {
        case .success(let read): (ours, theirs, base) = read
        case .failure(let refusal): return .failure(refusal)
        }
        var merged = ours
        var differing: [String] = []
        func join<Value: Equatable>(_ name: String, _ field: WritableKeyPath<Project, Value>) {
            if let value = joined(ours[keyPath: field], theirs[keyPath: field], base: base?[keyPath: field], same: ==) {
                merged[keyPath: field] = value
            } else {
                differing.append(name)
            }
        }
        join("title", \.title)
        join("summary", \.summary)
        join("visibility", \.visibility)
        join("tlp", \.tlp)
        join("status", \.status)
        join("owner", \.owner)
        join("visibility, as written", \.written.visibility)
        join("tlp, as written", \.written.tlp)
        merged.written.tags = ours.written.tags || theirs.written.tags
        if let extra = joined(ours.extra, theirs.extra, base: base?.extra, same: { written($0) == written($1) }) {
            merged.extra = extra
        } else {
            differing.append(differingKeys(ours.extra, theirs.extra))
        }
        guard differing.isEmpty else { return .failure(Self.differing(differing, hasBase: base != nil)) }
        merged.created = [ours.created, theirs.created].compactMap { $0 }.min { ISODate.precedes($0, $1) }
        merged.updated = ProjectEdit.updated(over: [ours.updated, theirs.updated].compactMap { $0 }.max { ISODate.precedes($0, $1) }, at: now)
        merged.tags = joinedTags(ours.tags, theirs.tags, base: base?.tags)
        return .success(CanonicalJSON.projectFile(merged))
    }

    /// The conflicted `dossier.json` resolved: the title and unknown fields as a project's, and
    /// the vocabulary tag by tag, as two analysts each adding a tag to it make it: a tag one side
    /// added is added; with the base, one a side removed while the other left it is removed, and
    /// one a side changed while the other left it is changed. A tag both changed otherwise is
    /// the analyst's call.
    static func settings(_ sides: Sides, path: String) -> Result<[UInt8], Refusal> {
        let folderName = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        func decoded(_ bytes: [UInt8]) -> WorkspaceSettings? {
            var diagnostics: [Diagnostic] = []
            let settings = SettingsDecoder.decode(bytes, path: path, folderName: folderName, into: &diagnostics)
            return diagnostics.contains { $0.severity == .error } ? nil : settings
        }
        let ours: WorkspaceSettings, theirs: WorkspaceSettings, base: WorkspaceSettings?
        switch decodedSides(sides, decoded) {
        case .success(let read): (ours, theirs, base) = read
        case .failure(let refusal): return .failure(refusal)
        }
        var merged = ours
        var differing: [String] = []
        if let title = joined(ours.title, theirs.title, base: base?.title, same: ==) { merged.title = title } else { differing.append("title") }
        if let extra = joined(ours.extra, theirs.extra, base: base?.extra, same: { written($0) == written($1) }) {
            merged.extra = extra
        } else {
            differing.append(differingKeys(ours.extra, theirs.extra))
        }
        func byKey(_ vocabulary: Vocabulary) -> [String: TagDefinition] {
            Dictionary(vocabulary.definitions.map { (Tag.key($0.name), $0) }, uniquingKeysWith: { first, _ in first })
        }
        // A definition as the file writes it, wherever it was read.
        func same(_ a: TagDefinition?, _ b: TagDefinition?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            return a.name == b.name && a.classification == b.classification && a.description == b.description
                && a.isPrivate == b.isPrivate && written(a.extra) == written(b.extra)
        }
        let (mine, other, before) = (byKey(ours.vocabulary), byKey(theirs.vocabulary), base.map { byKey($0.vocabulary) })
        var definitions: [TagDefinition] = []
        var done: Set<String> = []
        for definition in ours.vocabulary.definitions + theirs.vocabulary.definitions {
            let key = Tag.key(definition.name)
            guard done.insert(key).inserted else { continue }
            let (a, b) = (mine[key], other[key])
            // Without the base, a tag only one side has was added there.
            let chosen: TagDefinition?? = before.map { joined(a, b, base: $0[key], same: same) } ?? (a == nil || b == nil ? .some(a ?? b) : joined(a, b, base: nil, same: same))
            switch chosen {
            case .some(let kept?): definitions.append(kept)
            case .some(nil): continue
            case nil:
                let added = before.map { $0[key] == nil } ?? false
                differing.append("tag \"\(definition.name)\"" + (added ? " (added on both sides, differently)" : ""))
            }
        }
        guard differing.isEmpty else { return .failure(Self.differing(differing, hasBase: base != nil)) }
        merged.vocabulary = Vocabulary(definitions)
        return .success(CanonicalJSON.workspaceFile(merged))
    }

    /// Both sides as `decode` reads them (nil for a side in error), and the base when git wrote
    /// it; or why the file is left as it is.
    private static func decodedSides<Value>(_ sides: Sides, _ decode: ([UInt8]) -> Value?) -> Result<(Value, Value, Value?), Refusal> {
        guard let ours = decode(sides.ours), let theirs = decode(sides.theirs) else {
            return .failure(Refusal(reason: "one side does not load cleanly (see `dossier check` once it is resolved by hand)"))
        }
        let base = sides.base.flatMap(decode)
        if sides.base != nil, base == nil { return .failure(Self.unreadableBase) }
        return .success((ours, theirs, base))
    }

    /// Fields both sides set otherwise: which to keep is the analyst's call.
    private static func differing(_ fields: [String], hasBase: Bool) -> Refusal {
        Refusal(reason: "\(hasBase ? "both sides changed" : "the two sides differ in") its \(fields.joined(separator: ", ")); which to keep is yours")
    }

    /// The unknown fields two lists of them do not hold alike, named (`"x-ticket"`).
    private static func differingKeys(_ ours: [JSONObject.Member], _ theirs: [JSONObject.Member]) -> String {
        let keys = Set(ours.map(\.key) + theirs.map(\.key)).sorted().filter { key in
            let (a, b) = (ours.filter { $0.key == key }, theirs.filter { $0.key == key })
            return written(a) != written(b)
        }
        return keys.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// An indicator as the file writes it, without where it was read.
    private static func written(_ indicator: Indicator) -> [UInt8] {
        JSONWriter.write(JSONNode(.object(CanonicalJSON.indicatorObject(indicator))))
    }

    /// Unknown fields as a file writes them, without where they were read.
    private static func written(_ extra: [JSONObject.Member]) -> [UInt8] {
        JSONWriter.write(JSONNode(.object(JSONObject(extra))))
    }
}

extension ConflictResolution {
    /// A conflicted file resolved: its new content, and the content it replaces (for the write to
    /// refuse a file changed meanwhile, and to keep its line breaks).
    public struct Resolved: Sendable {
        public var bytes: [UInt8]
        public var replacing: ContentDigest
        /// False for a project.json with no conflict of its own, dated anew (its `updated` moved
        /// on) as its indicators.json's resolution makes a new version.
        public var isConflict = true
        /// What the analyst should know of the resolution (an indicator one side removed and the
        /// other changed, kept).
        public var notices: [String] = []
    }

    /// Every project file of `loaded` with git conflict markers (`project.json`,
    /// `indicators.json`) resolved, or refused with the reason; other files' conflicts are left
    /// to be resolved by hand.
    ///
    /// Each side is read from git's index while the merge is under way (`sidesFromIndex`): the
    /// file as each branch wrote it. The markers are read only without it: lines git joined on its
    /// own beside a conflict could give one side's fields to another indicator.
    public static func resolve(_ loaded: LoadedWorkspace, at now: Date = Date()) -> (resolved: [String: Resolved], refused: [(path: String, reason: String)]) {
        let conflicted = Set(loaded.diagnostics.items.filter { $0.code == "conflict-marker" }.compactMap { $0.location?.path })
        var resolved: [String: Resolved] = [:]
        var refused: [(path: String, reason: String)] = []
        let reader = FileReader(root: loaded.workspace.root)
        /// Whether the project of the `indicators.json` at `path` is public, or may be: its
        /// `project.json` in conflict or unread.
        func mayBePublic(_ path: String) -> Bool {
            let projectFile = (path as NSString).deletingLastPathComponent + "/" + ProjectFiles.project
            guard !conflicted.contains(projectFile), !loaded.filesWithErrors.contains(projectFile),
                  let project = loaded.workspace.projects.first(where: { $0.projectFile == projectFile }) else { return true }
            return project.visibility == .public
        }
        for path in conflicted.sorted() {
            let name = (path as NSString).lastPathComponent
            let isSettings = path == loaded.workspace.settingsFile
            guard name == ProjectFiles.indicators || name == ProjectFiles.project || isSettings else {
                refused.append((path, "only dossier.json and a project's \(ProjectFiles.project) and \(ProjectFiles.indicators) are resolved"))
                continue
            }
            guard case .success(let bytes) = reader.read(path) else {
                refused.append((path, "it cannot be read again"))
                continue
            }
            guard let sides = sidesFromIndex(path, asLeft: bytes) ?? sides(bytes) else {
                refused.append((path, "its conflict markers are not as git writes them"))
                continue
            }
            let result = isSettings ? settings(sides, path: path).map { (bytes: $0, notices: [String]()) }
                : name == ProjectFiles.indicators ? indicators(sides, path: path, published: mayBePublic(path))
                : project(sides, path: path, at: now).map { (bytes: $0, notices: [String]()) }
            switch result {
            case .success(let merged): resolved[path] = Resolved(bytes: merged.bytes, replacing: ContentDigest(bytes), notices: merged.notices)
            case .failure(let refusal): refused.append((path, refusal.reason))
            }
        }
        // A project whose indicators.json alone was in conflict (its project.json git merged on
        // its own, both sides dated alike) is a new version too: dated anew.
        for path in resolved.keys where (path as NSString).lastPathComponent == ProjectFiles.indicators {
            let projectFile = (path as NSString).deletingLastPathComponent + "/" + ProjectFiles.project
            guard !conflicted.contains(projectFile), !loaded.filesWithErrors.contains(projectFile),
                  var project = loaded.workspace.projects.first(where: { $0.projectFile == projectFile }),
                  let digest = loaded.digests[projectFile] else { continue }
            project.updated = ProjectEdit.updated(over: project.updated, at: now)
            resolved[projectFile] = Resolved(bytes: CanonicalJSON.lineBreaks(CanonicalJSON.projectFile(project), as: digest),
                replacing: digest, isConflict: false)
        }
        return (resolved, refused)
    }

    /// The sides of the conflicted file at `path` as git's index holds them while a merge (or a
    /// rebase, a cherry-pick) is under way: stage 2 and 3, and the base, stage 1, when the file
    /// has one. Only while the file is as git left it (`bytes`, its conflict made again from the
    /// stages, in any of git's styles, marker lines aside): an analyst who resolved some of it by
    /// hand has the rest read from the markers, the hand's work kept. Nil without git, outside a
    /// repository, or once the file is no longer in conflict there.
    static func sidesFromIndex(_ path: String, asLeft bytes: [UInt8]) -> Sides? {
        let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        func stage(_ number: Int) -> [UInt8]? {
            Git.run(["show", ":\(number):./\(name)"], in: folder).flatMap { $0.status == 0 ? $0.output : nil }
        }
        guard let ours = stage(2), let theirs = stage(3) else { return nil }
        let base = stage(1)
        // The conflict made again from the stages (`git merge-file` writes it, exiting with the
        // number of conflicts), compared with the file as it is.
        let scratch = NSTemporaryDirectory() + "dossier-merge-" + UUID().uuidString
        guard (try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let files = [("ours", ours), ("base", base ?? []), ("theirs", theirs)].map { (scratch + "/" + $0.0, $0.1) }
        for (file, content) in files {
            guard FileManager.default.createFile(atPath: file, contents: Data(content)) else { return nil }
        }
        let left = withoutMarkerLabels(bytes)
        for style in [["--diff3"], ["--zdiff3"], []] {
            guard let made = Git.run(["merge-file", "-p"] + style + files.map(\.0), in: folder), made.status >= 0 else { continue }
            if withoutMarkerLabels(made.output) == left { return Sides(ours: ours, theirs: theirs, base: base) }
        }
        return nil
    }

    /// `bytes` with each conflict marker line cut to its marker (labels differ: `HEAD` and a
    /// branch's name in the file, file names in a conflict made again), and CR LF as LF.
    private static func withoutMarkerLabels(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            let line = line.last == 0x0D ? line.dropLast() : line
            if let marker = ConflictMarkers.marker(line) { return [UInt8](repeating: marker, count: 7) }
            return Array(line)
        }
    }
}
