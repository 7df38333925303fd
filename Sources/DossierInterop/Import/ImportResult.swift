import DossierCore

/// What one input file holds for a project: indicators to merge, what was left out and why, and
/// what the file says about the project itself.
public struct ImportResult: Sendable {
    /// The format the file was read as (never `auto`).
    public var format: ImportFormat
    /// Normalized indicators, each key once (repeats in the file are merged the way `add` merges).
    public var indicators: [Indicator] = []
    /// How many more times the file gave an indicator of `indicators` (merged into the first).
    public var repeated = 0
    /// Where the file first gives each indicator, when its format has places (a CSV row, a JSON
    /// value): for what the merge into the project then says of it.
    public var positions: [IndicatorKey: SourcePosition] = [:]
    /// Items of the file that gave no indicator, each with the reason.
    public var skipped: [SkippedItem] = []
    /// Markdown lines for a note of the import: MISP `link`, `text` and `comment` attributes, STIX
    /// reports and notes. Empty when the file has none.
    public var notes: [String] = []
    /// The ids of the STIX reports whose lines `notes` holds, one line each.
    public var reportIDs: [String] = []

    /// `notes`, unless they only restate the report of project `slug` as dossier's own STIX
    /// export writes it (`STIXExporter.reportID`): imported back, it adds no note.
    public func notes(into slug: String) -> [String] {
        let own = STIXExporter.reportID(slug: slug, part: "")
        return !reportIDs.isEmpty && notes.count == reportIDs.count && reportIDs.allSatisfy({ $0 == own }) ? [] : notes
    }
    /// Whole notes the file carries (dossier's JSON export has its project's notes), each to be
    /// written as a note of its own.
    public var noteFiles: [NoteFile] = []
    /// The images a dossier JSON export carries, for its notes (`NoteImages.carried`).
    public var imageFiles: [NoteImages.Carried] = []
    /// True when a line of `notes` comes from something the file keeps private (MISP distribution
    /// 0): the note is then written private.
    public var notesArePrivate = false
    /// The TLP the file is marked with (a MISP event's `tlp:` tag, STIX TLP markings: the most
    /// restrictive one), if any.
    public var projectTLP: TLP?
    /// The TLPs of the indicators a file marks one by one (a STIX object's own markings), each
    /// the most restrictive given it: such an indicator is marked by its own, not by the file's.
    public var markings: [IndicatorKey: TLP] = [:]

    /// The TLP `indicator` is marked with in the file: its own, else the file's.
    public func marking(of indicator: Indicator) -> TLP? {
        markings[indicator.key] ?? projectTLP
    }
    /// Tags of the file as a whole (MISP event tags, STIX report labels, PassiveTotal project tags).
    public var projectTags: [String] = []
    /// Tags of restricted parts of the file as a whole (the tags of a MISP event of distribution
    /// 0 or a sharing group, or tagged PAP:RED; a MISP event's local tags): a private project's
    /// tags, but a public one takes them only on the file's private indicators.
    public var restrictedTags: [String] = []
    /// Tags the file gives values but keeps to itself (MISP local tags, which MISP shares with no
    /// other instance): a public project keeps them only on its private indicators.
    public var localTags: [String] = []
    /// Visibility the file states (PassiveTotal `public`/`community` → public, `private`/`analyst` →
    /// private), if any.
    public var projectVisibility: Visibility?
    /// What the file holds that dossier cannot represent, counted by kind (e.g. "relationship
    /// object", "STIX pattern with MATCHES"), in the order first met.
    public var unrepresentable: [Unrepresentable] = []
    /// The values a MISP attribute flags for detection (`to_ids`). dossier keeps no such flag: its
    /// MISP export flags the malicious indicators. The flag of one that comes in classified
    /// otherwise is lost, which only the importing command can tell (`idsFlagsLost`): the
    /// workspace's vocabulary, `--classify` and `--tag` decide the classification.
    public var flaggedForIDS: Set<IndicatorKey> = []

    /// How many values the file flags for detection come in classified other than malicious, by
    /// `classification` (what each is classified as once imported).
    public func idsFlagsLost(classification: (Indicator) -> Classification) -> Int {
        flaggedForIDS.isEmpty ? 0 : indicators.count { flaggedForIDS.contains($0.key) && classification($0) != .malicious }
    }
    /// Problems with positions: errors when the file could not be read at all (then nothing else is
    /// set), warnings for values that were ignored.
    public var diagnostics: [Diagnostic] = []

    public init(format: ImportFormat) {
        self.format = format
    }

    /// True when the file could not be read: nothing of it may be merged.
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }

    public struct SkippedItem: Sendable, Hashable {
        /// The item as written (a value, a pattern, a row).
        public var item: String
        public var reason: String
        public var location: SourceLocation?

        public init(item: String, reason: String, location: SourceLocation? = nil) {
            self.item = item
            self.reason = reason
            self.location = location
        }
    }

    public struct Unrepresentable: Sendable, Hashable {
        public var kind: String
        public var count: Int

        public init(kind: String, count: Int) {
            self.kind = kind
            self.count = count
        }
    }
}

extension ImportResult {
    /// A note as a file carries it whole: dossier's JSON export (under its own file name), a MISP
    /// event report or a STIX note (numbered in the file's order, `isNumbered`).
    public struct NoteFile: Sendable, Equatable {
        public var fileName: String
        public var title: String?
        public var author: String?
        public var date: String?
        public var isPrivate: Bool
        public var body: String
        /// The file name's number is its place in the file (`02-kit-analysis.md`), which the
        /// import moves after the project's own notes (`ImportNote.planned`).
        public var isNumbered = false
    }
}
