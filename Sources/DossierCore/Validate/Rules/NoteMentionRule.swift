/// An indicator written in a note but missing from the project's `indicators.json` (a warning):
/// reports, lookups and exports would not know about it. Each note is scanned once. (A private
/// indicator written where the public site shows it is `PublishedPrivateValueRule`'s.)
public struct NoteMentionRule: ProjectRule {
    public static let code = "unrecorded-indicator"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        // With indicators.json unreadable, every mention would look unrecorded: say nothing.
        guard !project.notes.isEmpty, project.hasAllIndicators else { return [] }
        let mentions = project.notes.map { Indicators.extract(from: $0.body) }
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
