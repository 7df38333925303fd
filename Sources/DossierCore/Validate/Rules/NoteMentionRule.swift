/// An indicator written in a note but missing from the project's `indicators.json` (a warning):
/// reports, lookups and exports would not know about it. Each note is scanned once. (A private
/// indicator written where the public site shows it is `PublishedPrivateValueRule`'s.)
public struct NoteMentionRule: ProjectRule {
    public static let code = "unrecorded-indicator"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        // With indicators.json unreadable, every mention would look unrecorded: say nothing.
        guard !project.notes.isEmpty, project.hasAllIndicators else { return [] }
        let mentions = project.notes.map { Self.mentions(in: $0.body) }
        let recorded = Self.recorded(among: mentions, in: project)
        var diagnostics: [Diagnostic] = []
        for (note, mentioned) in zip(project.notes, mentions) {
            // A private note of a public project: what it writes is recorded private, or the
            // public site would publish what the analyst kept out of it.
            let keptPrivate = project.visibility == .public && !AudienceFilter.publishes(note, of: project)
            let flag = keptPrivate ? " --private" : ""
            let why = keptPrivate ? " (private, as the note is: the project is public)" : ""
            var reported: Set<String> = []
            // A link its writer made (`[write-up](https://...)`, `<https://...>`) is a reference,
            // as an import's note writes a MISP event's: not an indicator to record. Looked for
            // only in a note with an unrecorded URL.
            var linked: Set<String>?
            for found in mentioned where !recorded.contains(IndicatorKey.identity(of: found.value, type: found.type))
                // Code such as `blob[0::2]` reads as the IPv6 address `::2`; reports leave it as written too.
                && Indicators.readsAsAddressInProse(found.value, type: found.type, value: found.value)
                && reported.insert(found.value).inserted {
                if found.type == .url {
                    if linked == nil { linked = Indicators.referenceURLs(in: note.body) }
                    if linked?.contains(found.value) == true { continue }
                }
                let location = SourceLocation(path: note.path, position: SourcePosition(line: note.bodyLine + found.line - 1, column: found.column))
                diagnostics.append(.warning(at: location,
                    "\(found.type.rawValue) \(found.value) is written in this note but not recorded; add it with `dossier add \(ShellWord.quoted(project.slug)) \(ShellWord.quoted(found.value))\(flag)`\(why)",
                    code: Self.code))
            }
        }
        return diagnostics
    }

    /// The values `body` writes, as its page shows them: a value its writer let wrap with a tag
    /// (`e3b0c442<wbr>98fc...`) is the whole value, at its first part's place, not its parts (an
    /// md5 and a sha1 that are halves of a sha256). (Only a note that holds a `<` is read so:
    /// every note is, on every check.)
    static func mentions(in body: String) -> [ExtractedIndicator] {
        let found = Indicators.extract(from: body)
        guard ByteSearch.contains("<", in: body), let joined = InlineMarkup.joined(body) else { return found }
        let written = Set(found.map(\.value))
        let whole = Indicators.extract(from: joined).filter { !written.contains($0.value) }
        guard !whole.isEmpty else { return found }
        // A part is on the whole value's line (markup within a line is taken out, never a line
        // break), within the value as the joined text has it, widened by what was taken out of
        // that line.
        let (bodyLines, joinedLines) = (body.split(separator: "\n", omittingEmptySubsequences: false), joined.split(separator: "\n", omittingEmptySubsequences: false))
        var parts: Set<Int> = []
        let placed = whole.map { value in
            var value = value
            let line = value.line - 1
            let taken = line < min(bodyLines.count, joinedLines.count) ? bodyLines[line].unicodeScalars.count - joinedLines[line].unicodeScalars.count : 0
            let end = value.column + value.value.unicodeScalars.count + taken
            let split = found.indices.filter { index in
                let part = found[index]
                return part.line == value.line && part.column >= value.column && part.column < end
                    && part.value.utf8.count < value.value.utf8.count && value.value.contains(part.value)
            }
            parts.formUnion(split)
            // At its first part's place when that part starts it; else where the joined text has it.
            if let first = split.first, value.value.hasPrefix(found[first].value) { (value.line, value.column) = (found[first].line, found[first].column) }
            return value
        }
        let kept = found.indices.filter { !parts.contains($0) }.map { found[$0] }
        return (kept + placed).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The values mentioned in the notes that the project records, by value alone (a 40-hex hash
    /// may be recorded as sha1 or x509-sha1) and as Swift compares strings (canonically equivalent
    /// spellings are one value), a URL by its spelling (`IndicatorKey.identity`). The notes
    /// mention a few dozen values and the project may record thousands: each recorded value is
    /// looked up among the mentioned ones, which spares making a set of every recorded value.
    static func recorded(among mentions: [[ExtractedIndicator]], in project: Project) -> Set<String> {
        let mentioned = Set(mentions.joined().map { IndicatorKey.identity(of: $0.value, type: $0.type) })
        guard !mentioned.isEmpty else { return [] }
        var recorded: Set<String> = []
        for i in project.indicators.indices {
            let identity = IndicatorKey.identity(of: project.indicators[i].value, type: project.indicators[i].type)
            if mentioned.contains(identity) { recorded.insert(identity) }
        }
        return recorded
    }
}
