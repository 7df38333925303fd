/// What a project's texts say about its indicators, found by scanning each text once:
/// - an indicator written in a note but missing from the project's `indicators.json` (a warning):
///   reports, lookups and exports would not know about it;
/// - an indicator recorded as private but written where the public site shows it (an error): in a
///   public note, or in the title or summary of a public project, a public note's title or a public
///   indicator's comment. The audience filter drops private indicators, not their values written
///   in a text it publishes.
public struct NoteMentionRule: ProjectRule {
    public static let code = "unrecorded-indicator"
    public static let privateMentionCode = "private-indicator-in-public-note"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        // With indicators.json unreadable, every mention would look unrecorded: say nothing.
        guard project.hasAllIndicators else { return [] }
        let mentions = project.notes.map { Indicators.extract(from: $0.body) }
        let fields = Self.publishedFields(of: project)
        guard !mentions.isEmpty || !fields.isEmpty else { return [] }
        let (recorded, onlyPrivate) = Self.recorded(among: mentions + fields.map(\.mentions), in: project)
        var diagnostics: [Diagnostic] = []
        for (note, mentioned) in zip(project.notes, mentions) {
            let published = AudienceFilter.publishes(note, of: project)
            var reported: Set<String> = []
            for found in mentioned {
                let location = SourceLocation(path: note.path, position: SourcePosition(line: note.bodyLine + found.line - 1, column: found.column))
                if !recorded.contains(found.value), reported.insert(found.value).inserted {
                    diagnostics.append(.warning(at: location,
                        "\(found.type.rawValue) \(found.value) is written in this note but not recorded; add it with `dossier add \(project.slug) \(found.value)`",
                        code: Self.code))
                }
                guard published else { continue }
                // The value itself, or the host of a URL or e-mail address written in the note.
                for (value, within) in Self.revealed(by: found) {
                    guard let type = onlyPrivate[value], reported.insert("private " + value).inserted else { continue }
                    diagnostics.append(.error(at: location,
                        "\(type.rawValue) \(value) is recorded as private, but this note is public and the public site would show it\(within.map { " (in \($0))" } ?? ""); make the note private (visibility: private in its front matter) or the indicator public",
                        code: Self.privateMentionCode))
                }
            }
        }
        for field in fields {
            var reported: Set<String> = []
            for found in field.mentions {
                for (value, within) in Self.revealed(by: found) {
                    guard let type = onlyPrivate[value], reported.insert(value).inserted else { continue }
                    diagnostics.append(.error(at: field.location,
                        "\(type.rawValue) \(value) is recorded as private, but \(field.name) is public and the public site would show it\(within.map { " (in \($0))" } ?? ""); take it out of \(field.name), or make the indicator public",
                        code: Self.privateMentionCode))
                }
            }
        }
        return diagnostics
    }

    /// A text besides the notes' bodies that the public site shows, and what it mentions.
    struct PublishedField {
        /// How a message names it: "the project's summary".
        var name: String
        var location: SourceLocation
        var mentions: [ExtractedIndicator]
    }

    /// The texts of `project` the public site shows besides its notes' bodies, when one of them
    /// may mention a private indicator: none when the project is private or records no private
    /// indicator. A text without a digit, dot, colon or `@` holds no indicator and is not scanned
    /// (most comments are a few words).
    static func publishedFields(of project: Project) -> [PublishedField] {
        guard project.visibility == .public, project.indicators.contains(where: \.isPrivate) else { return [] }
        var fields: [PublishedField] = []
        func add(_ text: String?, _ name: String, at location: SourceLocation) {
            guard let text, text.utf8.contains(where: { (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x3A || $0 == 0x40 }) else { return }
            let mentions = Indicators.extract(from: text)
            if !mentions.isEmpty { fields.append(PublishedField(name: name, location: location, mentions: mentions)) }
        }
        add(project.title, "the project's title", at: SourceLocation(path: project.projectFile, position: project.origin?.title ?? .start))
        add(project.summary, "the project's summary", at: SourceLocation(path: project.projectFile, position: project.origin?.summary ?? .start))
        for note in project.notes where AudienceFilter.publishes(note, of: project) {
            add(note.title, "this note's title", at: SourceLocation(path: note.path, position: SourcePosition(line: 1, column: 1)))
        }
        for indicator in project.indicators where !indicator.isPrivate {
            add(indicator.comment, "the comment of \(indicator.value)", at: SourceLocation(path: project.indicatorsFile, position: indicator.origin?.object ?? .start))
        }
        return fields
    }

    /// The values a mention shows: itself, and the host of a URL or e-mail address (with the
    /// mention it is shown in).
    static func revealed(by found: ExtractedIndicator) -> [(value: String, within: String?)] {
        var values: [(String, String?)] = [(found.value, nil)]
        if let host = Indicators.host(of: found.value, type: found.type) { values.append((host, found.value)) }
        return values
    }

    /// The values mentioned in the notes (and their hosts) that the project records, and those
    /// of them recorded only as private indicators, with their type; by value alone (a 40-hex hash
    /// may be recorded as sha1 or x509-sha1) and as Swift compares strings (canonically equivalent
    /// spellings are one value). The notes mention a few dozen values and the project may record
    /// thousands: each recorded value is looked up among the mentioned ones, which spares making a
    /// set of every recorded value.
    static func recorded(among mentions: [[ExtractedIndicator]], in project: Project)
        -> (recorded: Set<String>, onlyPrivate: [String: IndicatorType]) {
        let mentioned = Set(mentions.joined().flatMap { revealed(by: $0).map(\.value) })
        guard !mentioned.isEmpty else { return ([], [:]) }
        var recorded: Set<String> = []
        var publicly: Set<String> = []
        var privately: [String: IndicatorType] = [:]
        for i in project.indicators.indices where mentioned.contains(project.indicators[i].value) {
            let indicator = project.indicators[i]
            recorded.insert(indicator.value)
            if indicator.isPrivate { privately[indicator.value] = indicator.type } else { publicly.insert(indicator.value) }
        }
        return (recorded, privately.filter { !publicly.contains($0.key) })
    }
}
