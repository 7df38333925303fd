import DossierCore

/// Collects what an importer finds in one file into an `ImportResult`. Every value goes through
/// `Indicators.parse` (trim, refang, detect, validate, normalize); repeats of one indicator in the
/// file are merged with `IndicatorMerge`, the rules of `dossier import`, but for classifications:
/// the first the file gives is kept, and a repeat's other one is a warning at its place.
struct ImportCollector {
    let path: String
    private(set) var result: ImportResult
    private var position: [IndicatorKey: Int] = [:]
    /// False while reading what restates values rather than lists them (`restating`).
    private var countsRepeats = true
    /// The TLP the file marks what is being read with, when it marks its items one by one (a
    /// STIX object's markings): each value added meanwhile is recorded with it
    /// (`ImportResult.markings`).
    var marking: TLP?
    /// True while reading what the file keeps unpublished as a whole (a STIX object marked by a
    /// statement that restricts it, or by a marking the file does not define, or that a custom
    /// property says is private): each value and note it gives is private.
    var keepsIn = false
    /// The keys the file listed (not only restated): a value listed twice is a repeat, whichever
    /// comes first of a listing and a restatement is not.
    private var listed: Set<IndicatorKey> = []
    /// The TLP tags dossier cannot read that were warned of (`TLP.levelOfUnreadMarking`).
    private var warnedMarkings: Set<String> = []
    /// Where the whole file comes from, when a tag of it says (`SourceTag`): the source of each
    /// of its indicators that states none.
    private var fileSource: String?

    init(path: String, format: ImportFormat) {
        self.path = path
        result = ImportResult(format: format)
    }

    func location(_ position: SourcePosition?) -> SourceLocation? {
        position.map { SourceLocation(path: path, position: $0) }
    }

    /// Fields of an indicator besides its value, as the file gives them.
    struct Details {
        var classification: Classification?
        var tags: [String] = []
        var comment: String?
        var firstSeen: String?
        var lastSeen: String?
        var source: String?
        var privateFlag: Bool?
        /// Fields dossier does not know (a dossier JSON file's `x-ticket`), kept as they are.
        var extra: [JSONObject.Member] = []
        /// A MISP attribute's `to_ids` (`ImportResult.flaggedForIDS`).
        var flaggedForIDS = false

        /// Private when the file says so, or when a tag of the value itself (a MISP attribute's,
        /// a CSV row's, a STIX label) marks it above TLP:CLEAR (`tlp:amber`, `TLP RED`), names no
        /// level (`tlp:unclear`), is PAP:RED or keeps it unpublished (`private`,
        /// `do-not-publish`, as an indicator's tag does): it may not be published.
        var isPrivate: Bool {
            privateFlag == true || TLP.marked(by: tags).map { $0 > .clear } == true || tags.contains(where: PAP.isRed)
                || tags.contains(where: HidingKeys.isHidingTag)
        }
    }

    /// Parses `raw` as `type` (detected when nil) and records it, or skips it with the reason.
    /// `allowed` restricts what a detected type may be (a MISP `ip-dst` must be an address).
    /// Returns whether an indicator was recorded.
    @discardableResult
    mutating func add(
        _ raw: String, as type: IndicatorType?, allowed: Set<IndicatorType>? = nil, details: Details = Details(),
        item: String? = nil, at position: SourcePosition?
    ) -> Bool {
        // A source tag (`dossier:source="..."`, however it came) is the source, never a tag; the
        // sources of two (or of a tag and a source field) are both kept, as `a; b`.
        var details = details
        if details.tags.contains(where: Tag.isSourceTag) {
            // Each part once: a tag may hold a joined list itself (`a; b`, as an import wrote it).
            var sources: [String] = []
            for source in ([details.source].compactMap { $0 } + details.tags.compactMap(SourceTag.source(of:))).flatMap({ $0.components(separatedBy: "; ") })
            where !sources.contains(source) { sources.append(source) }
            details.source = sources.isEmpty ? nil : sources.joined(separator: "; ")
            details.tags.removeAll(where: Tag.isSourceTag)
        }
        switch Indicators.parse(raw, as: type) {
        case .failure(let problem):
            skip(item ?? raw, problem.message, at: position)
            return false
        case .success(let parsed):
            if let allowed, !allowed.contains(parsed.type) {
                let names = allowed.map(\.rawValue).sorted().joined(separator: ", ")
                skip(item ?? raw, "expected \(names), found \(parsed.type.rawValue) '\(parsed.value)'", at: position)
                return false
            }
            if parsed.type == .cidr, let (address, block) = Indicators.hostBits(of: raw) {
                warning(Indicators.hostBitsWarning(address, block: block), at: position)
            }
            // Written as the editing commands write a tag: trimmed, without invisible characters.
            let tags = Tag.union([], details.tags.filter { !Tag.isBlank($0) }.map(Tag.tidy))
            for tag in tags where !warnedMarkings.contains(tag) {
                guard let level = TLP.levelOfUnreadMarking(tag) else { continue }
                // Once per tag: a feed may tag every one of its values so.
                warnedMarkings.insert(tag)
                warning("tag \"\(tag)\" (first on \(parsed.value)) is written as a TLP marking that dossier cannot read (TLP:CLEAR, GREEN, AMBER, AMBER+STRICT or RED); read as \(level.label)\(level > .clear ? ", so each value so tagged comes in private" : "")", at: position)
            }
            let key = IndicatorKey(type: parsed.type, value: parsed.value)
            if let marking { result.markings[key] = max(result.markings[key] ?? marking, marking) }
            // A comment that writes a marking (`Seen in a TLP:RED partner report`, PAP:RED) keeps
            // its value in, at the level it names, as a tag of it would: the value came from there.
            // Its level holds for a value private already too (distribution 0), which internal
            // exports mark by it.
            if let comment = details.comment, Self.isMarked(comment) {
                if let level = Self.markedLevel(comment) { result.markings[key] = max(result.markings[key] ?? level, level) }
                if !details.isPrivate {
                    details.privateFlag = true
                    warning("the comment of \(parsed.value) writes a marking (\(Self.quoted(comment))); the value comes in private", at: position)
                }
            }
            if details.flaggedForIDS { result.flaggedForIDS.insert(key) }
            record(Indicator(
                value: parsed.value, type: parsed.type, classification: details.classification,
                tags: tags, firstSeen: details.firstSeen,
                lastSeen: details.lastSeen, source: details.source, comment: details.comment.flatMap { $0.isEmpty ? nil : $0 },
                privateFlag: details.isPrivate ? true : details.privateFlag, extra: details.extra), at: position)
            return true
        }
    }

    /// What a file says of itself as a whole holds for every part: its source (`fileSource`) for
    /// each indicator that states none; what it keeps private (a private PassiveTotal or dossier
    /// project) is private in every part, each indicator and the import's note. Called once the
    /// file is read.
    mutating func finish() {
        if let fileSource {
            for i in result.indicators.indices where result.indicators[i].source == nil { result.indicators[i].source = fileSource }
        }
        guard result.projectVisibility == .private else { return }
        for i in result.indicators.indices { result.indicators[i].privateFlag = true }
        if !result.notes.isEmpty { result.notesArePrivate = true }
        for i in result.noteFiles.indices { result.noteFiles[i].isPrivate = true }
    }

    /// Records a parsed indicator, merging it into an earlier one with the same key; what the
    /// repeat says that the first did not take (another comment or source) is a warning at `position`.
    mutating func record(_ indicator: consuming Indicator, at position: SourcePosition? = nil) {
        var indicator = indicator
        if keepsIn { indicator.privateFlag = true }
        if let index = self.position[indicator.key] {
            let (merged, _, conflicts) = IndicatorMerge.merge(indicator, into: result.indicators[index], unknown: .keepsFirst)
            result.indicators[index] = merged
            if countsRepeats, !listed.insert(indicator.key).inserted { result.repeated += 1 }
            for conflict in conflicts {
                warning("\(merged.type.rawValue) \(merged.value) is given again: \(conflict)", at: position)
            }
        } else {
            self.position[indicator.key] = result.indicators.count
            result.indicators.append(indicator)
            if let position { result.positions[indicator.key] = position }
            if countsRepeats { listed.insert(indicator.key) }
        }
    }

    /// Runs `body` on this collector without counting a value it gives again as a repeat: prose
    /// names a host as often as it speaks of it, and a STIX bundle's observables and
    /// vulnerabilities restate its indicators' values (`based-on`). What a restatement brings that is not taken is still said.
    mutating func restating(_ body: (inout ImportCollector) -> Void) {
        let counting = countsRepeats
        countsRepeats = false
        body(&self)
        countsRepeats = counting
    }

    /// An image the file carries; one given again is the same (and left out), or skipped.
    mutating func imageFile(_ image: NoteImages.Carried, written: String, at position: SourcePosition?) {
        if let earlier = result.imageFiles.first(where: { $0.path == image.path }) {
            if earlier.bytes != image.bytes { skip(written, "given again with other bytes; the first is kept", at: position) }
            return
        }
        result.imageFiles.append(image)
    }

    mutating func skip(_ item: String, _ reason: String, at position: SourcePosition?) {
        result.skipped.append(ImportResult.SkippedItem(item: item, reason: reason, location: location(position)))
    }

    mutating func unrepresentable(_ kind: String, count: Int = 1) {
        if let i = result.unrepresentable.firstIndex(where: { $0.kind == kind }) {
            result.unrepresentable[i].count += count
        } else {
            result.unrepresentable.append(ImportResult.Unrepresentable(kind: kind, count: count))
        }
    }

    /// Adds a line to the import's note, at the end or at `index`; a private line (a MISP
    /// attribute for the organisation only) makes the whole note private, and so does a line
    /// that writes a marking (`TLP:RED do not share` in a MISP comment attribute), as a whole
    /// note's text does (`noteFile`): said once. A file's title (`isTitle`) is read by
    /// `titleMarking`'s rule instead: beside a marking of the file, one it mentions is no marking.
    mutating func note(_ line: String, at index: Int? = nil, isPrivate: Bool = false, isTitle: Bool = false) {
        result.notes.insert(line, at: min(index ?? result.notes.count, result.notes.count))
        if isPrivate || keepsIn { result.notesArePrivate = true }
        if !result.notesArePrivate, !isTitle, Self.isMarked(line) {
            result.notesArePrivate = true
            warning("a line of the file's text writes a marking (\(Self.quoted(line))); the import's note comes in private", at: nil)
        }
    }

    /// `text` as a message quotes it: on one line, cut short.
    static func quoted(_ text: String) -> String {
        "\"" + DiagnosticPrinter.oneLine(text, longest: 80) + "\""
    }

    mutating func reportID(_ id: String) {
        result.reportIDs.append(id)
    }

    /// A note the file carries whole. One whose text starts with a note's front matter (a
    /// dossier note pasted into MISP or STIX) takes its keys from it, and its text is the rest:
    /// under the import's own front matter, its `visibility: private` would be text, and the
    /// note public.
    mutating func noteFile(_ note: ImportResult.NoteFile) {
        var note = note
        if keepsIn { note.isPrivate = true }
        if note.body.hasPrefix("---"), let read = Note(reading: Array(note.body.utf8), fileName: note.fileName, path: note.fileName), !read.isWithheld {
            note.title = read.title ?? note.title
            note.author = read.author ?? note.author
            note.date = read.date ?? note.date
            note.isPrivate = note.isPrivate || read.visibility == .private
            note.body = read.writtenBody
        }
        // A text marked above TLP:CLEAR (`TLP:AMBER` in a MISP event report, as in an e-mail a
        // text import reads), in its title or body, as written or as a page shows it
        // (`TLP&colon;RED`), or PAP:RED, is kept as its writer marked it.
        if !note.isPrivate {
            let text = (note.title ?? "") + "\n" + note.body
            let shown = CharacterReferences.decoded(text) ?? text
            if Self.isMarked(shown) { note.isPrivate = true }
        }
        result.noteFiles.append(note)
    }

    /// A title's (or a description's) TLP label: with no TLP beside it (`level`, a tag's or a
    /// marking's), any label marks the file; beside one, only a label that marks the title itself
    /// (`TLP:RED - Acme breach`, `TLP.markingLabels`), and a stricter one mentioned inside
    /// (`Reuse of a kit from a TLP:RED report`) is said, not taken.
    mutating func titleMarking(_ text: String, beside level: TLP?, naming what: String) {
        guard let level else {
            if let tlp = TLP.strictestLabel(in: text), tlp > .clear { projectTLP(tlp) }
            return
        }
        let marking = TLP.markingLabels(in: text).max()
        if let marking, marking > .clear { projectTLP(marking) }
        if let mentioned = TLP.strictestLabel(in: text), mentioned > max(level, marking ?? .clear) {
            warning("the \(what) mentions \(mentioned.label) inside its text; read as a mention, the file's marking (\(level.label)) stands: if the data is \(mentioned.label), import it with --private", at: nil)
        }
    }

    /// True when a text writes a marking that keeps it in: a TLP label above CLEAR, or PAP:RED;
    /// as written, or as a page shows it (a note line, escaped for Markdown: `TLP\_RED`; a
    /// character reference: `TLP&colon;RED`).
    static func isMarked(_ text: String) -> Bool {
        func marks(_ text: String) -> Bool { TLP.labels(in: text).contains { $0.tlp > .clear } || PAP.marksRed(text) }
        return marks(text) || shown(text).map(marks) == true
    }

    /// The strictest TLP above CLEAR a text writes, as written or as a page shows it; nil when
    /// it writes none (or PAP:RED alone).
    static func markedLevel(_ text: String) -> TLP? {
        [text, shown(text)].compactMap { $0 }.compactMap(TLP.strictestLabel(in:)).max().flatMap { $0 > .clear ? $0 : nil }
    }

    /// `text` as a page shows it, when that may differ: Markdown's escapes taken off (a note
    /// line's `TLP\_RED`), character references decoded (`TLP&colon;RED`); nil otherwise.
    private static func shown(_ text: String) -> String? {
        guard text.contains("\\") || text.contains("&") else { return nil }
        let unescaped = text.replacing(/\\([!-\/:-@\[-`{-~])/) { String($0.output.1) }
        return CharacterReferences.decoded(unescaped) ?? unescaped
    }

    mutating func projectTag(_ tag: String) {
        // A source tag of the whole file (a MISP event's) is where all of it comes from.
        if Tag.isSourceTag(tag) {
            fileSource = fileSource ?? SourceTag.source(of: tag)
            return
        }
        guard !Tag.isBlank(tag) else { return }
        result.projectTags = Tag.union(result.projectTags, [Tag.tidy(tag)])
    }

    /// A tag of a restricted part of the file as a whole (a MISP event of distribution 0, a
    /// local event tag): `ImportResult.restrictedTags`.
    mutating func restrictedTag(_ tag: String) {
        if Tag.isSourceTag(tag) { return projectTag(tag) }
        guard !Tag.isBlank(tag) else { return }
        result.restrictedTags = Tag.union(result.restrictedTags, [Tag.tidy(tag)])
    }

    /// A tag of a value that its file keeps to itself (a MISP local tag): `ImportResult.localTags`.
    mutating func localTag(_ tag: String) {
        result.localTags = Tag.union(result.localTags, [tag])
    }

    mutating func projectVisibility(_ visibility: Visibility) {
        // Private wins: two sources that disagree must not make anything public.
        if result.projectVisibility != .private { result.projectVisibility = visibility }
    }

    /// Keeps the most restrictive TLP the file states: the project must honour all of them.
    mutating func projectTLP(_ tlp: TLP) {
        if let current = result.projectTLP, current >= tlp { return }
        result.projectTLP = tlp
    }

    mutating func warning(_ message: String, at position: SourcePosition?) {
        result.diagnostics.append(.warning(at: location(position) ?? SourceLocation(path: path), message, code: "import"))
    }

    mutating func error(_ message: String, at position: SourcePosition?) {
        result.diagnostics.append(.error(at: location(position) ?? SourceLocation(path: path), message, code: "import"))
    }

    /// A date as dossier stores it, or nil with a warning when it is none. A midnight-UTC timestamp
    /// (how MISP and PassiveTotal write days) becomes the day; another, its one UTC spelling
    /// (`Instant.canonical`).
    mutating func date(_ text: String?, field: String, at position: SourcePosition?) -> String? {
        guard let text = text?.trimmingSpaces, !text.isEmpty else { return nil }
        // `2024-05-01 11:58:04`, as feeds and spreadsheets write a time with no zone (abuse.ch's
        // are UTC, others' local): its day. A time with its zone is read as the instant it is.
        guard let canonical = DateSpelling.canonical(text) else {
            warning("\(field) \"\(text)\" is not an ISO 8601 date; ignored", at: position)
            return nil
        }
        return canonical
    }
}
