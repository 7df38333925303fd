import Foundation

/// A private indicator's value written where the public site shows it (PRODUCT.md §2: public
/// output holds no private indicator). The audience filter drops private indicators, not their
/// values written in a text it publishes: a public note, the title, summary or tags of a public
/// project, a public note's title or author, a public indicator's comment or tags, or the value of
/// a public URL or e-mail address whose host is private; the workspace's title and the
/// descriptions of its public tags, which every page shows.
///
/// A value is private when some project records it as a private indicator and no public project
/// records it as a public one (that one publishes it anyway); the host of a URL or e-mail address
/// written counts too. Values of the free-form types (a file path, a user agent), which no text
/// scan recognizes, are looked for as written in the texts of their own project.
public struct PublishedPrivateValueRule: WorkspaceRule {
    public static let code = "private-indicator-in-public-note"
    public init() {}

    /// Where a private value is recorded: its type, and the project.
    struct Recording {
        var type: IndicatorType
        var project: Int
    }

    /// A text the public site shows, and how a message names it.
    struct PublishedText {
        var text: String
        /// "this note", "the project's summary".
        var name: String
        var location: SourceLocation
        /// For a note's body: where the body starts in its file, so each mention is pointed at.
        var bodyLine: Int?
        /// Scanned for indicators only if it may hold one (a comment of a few words does not).
        var isProse: Bool
    }

    public func check(_ workspace: Workspace, index: IndicatorIndex) -> [Diagnostic] {
        let privateValues = Self.privateValues(workspace, index: index)
        guard !privateValues.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        let settingsFile = workspace.settingsFile
        var workspaceTexts = [PublishedText(text: workspace.settings.title, name: "the workspace's title",
            location: SourceLocation(path: settingsFile), isProse: false)]
        for tag in workspace.vocabulary.definitions where tag.isPrivate != true {
            workspaceTexts.append(PublishedText(text: tag.name + " " + (tag.description ?? ""), name: "the public tag \"\(tag.name)\"",
                location: SourceLocation(path: settingsFile, position: tag.position), isProse: false))
        }
        diagnostics += Self.findings(in: workspaceTexts, project: nil, privateValues: privateValues, workspace: workspace)
        for (position, project) in workspace.projects.enumerated() where project.visibility == .public {
            let texts = Self.publishedTexts(of: project)
            diagnostics += Self.findings(in: texts, project: position, privateValues: privateValues, workspace: workspace)
            diagnostics += Self.freeFormFindings(in: texts, of: project)
        }
        return diagnostics
    }

    /// The values recorded as private indicators that no public project records as a public one,
    /// by value alone (a 40-hex hash may be recorded as sha1 or x509-sha1).
    static func privateValues(_ workspace: Workspace, index: IndicatorIndex) -> [String: Recording] {
        var values: [String: Recording] = [:]
        for (p, project) in workspace.projects.enumerated() {
            for indicator in project.indicators where indicator.isPrivate && indicator.type.isStrict && values[indicator.value] == nil {
                let published = index.occurrences(of: indicator.key).contains { occurrence in
                    index.project(occurrence).visibility == .public && !index.indicator(occurrence).isPrivate
                }
                if !published { values[indicator.value] = Recording(type: indicator.type, project: p) }
            }
        }
        return values
    }

    /// What the public site shows of a public project, besides its indicators' values.
    static func publishedTexts(of project: Project) -> [PublishedText] {
        var texts: [PublishedText] = []
        func add(_ text: String?, _ name: String, _ location: SourceLocation, bodyLine: Int? = nil, isProse: Bool = false) {
            guard let text, !text.isEmpty else { return }
            texts.append(PublishedText(text: text, name: name, location: location, bodyLine: bodyLine, isProse: isProse))
        }
        let projectFile = SourceLocation(path: project.projectFile)
        add(project.title, "the project's title", SourceLocation(path: project.projectFile, position: project.origin?.title ?? .start))
        add(project.summary, "the project's summary", SourceLocation(path: project.projectFile, position: project.origin?.summary ?? .start), isProse: true)
        add(Self.tagText(project.tags), "the project's tags", projectFile)
        for note in project.notes where AudienceFilter.publishes(note, of: project) {
            let start = SourceLocation(path: note.path)
            add(note.body, "this note", start, bodyLine: note.bodyLine, isProse: true)
            add(note.title, "this note's title", start)
            add(note.author, "this note's author", start)
        }
        for indicator in project.indicators where !indicator.isPrivate {
            let location = SourceLocation(path: project.indicatorsFile, position: indicator.origin?.object ?? .start)
            add(indicator.comment, "the comment of \(indicator.value)", location)
            add(Self.tagText(indicator.tags), "the tags of \(indicator.value)", location)
            // The value itself: a public URL or address on a private host publishes the host.
            if indicator.type == .url || indicator.type == .email { add(indicator.value, "the public \(indicator.type.rawValue) \(indicator.value)", location) }
        }
        return texts
    }

    /// Tags as a text to scan: each as written, and again with its dashes as spaces, since a tag
    /// joins words with them (`seen-with-192.0.2.130`).
    static func tagText(_ tags: [String]) -> String {
        tags.map { $0 + " " + $0.replacingOccurrences(of: "-", with: " ") }.joined(separator: " ")
    }

    /// The private values written in `texts` (of the project at `project`, or the workspace's).
    static func findings(in texts: [PublishedText], project: Int?, privateValues: [String: Recording], workspace: Workspace) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for text in texts where text.isProse || mayHoldIndicator(text.text) {
            var reported: Set<String> = []
            for found in Indicators.extract(from: text.text) {
                var values: [(String, String?)] = [(found.value, nil)]
                if let host = Indicators.host(of: found.value, type: found.type) { values.append((host, found.value)) }
                for (value, within) in values {
                    guard let recording = privateValues[value], reported.insert(value).inserted else { continue }
                    let location = text.bodyLine.map { line in
                        SourceLocation(path: text.location.path, position: SourcePosition(line: line + found.line - 1, column: found.column))
                    } ?? text.location
                    let elsewhere = recording.project == project ? "" : " in \(workspace.projects[recording.project].slug)"
                    let remedy = text.bodyLine != nil
                        ? "make the note private (visibility: private in its front matter) or the indicator public\(elsewhere)"
                        : "take it out of \(text.name), or make the indicator public\(elsewhere)"
                    diagnostics.append(.error(at: location,
                        "\(recording.type.rawValue) \(value) is recorded as private\(elsewhere), but \(text.name) is public and the public site would show it\(within.map { " (in \($0))" } ?? ""); \(remedy)",
                        code: Self.code))
                }
            }
        }
        return diagnostics
    }

    /// The project's private values of free-form types (six characters or more: shorter ones
    /// would be found in any word) written as they are in its published texts.
    static func freeFormFindings(in texts: [PublishedText], of project: Project) -> [Diagnostic] {
        let values = project.indicators.filter { $0.isPrivate && !$0.type.isStrict && $0.value.count >= 6 }
        guard !values.isEmpty else { return [] }
        let published = Set(project.indicators.filter { !$0.isPrivate }.map(\.value))
        var diagnostics: [Diagnostic] = []
        for indicator in values where !published.contains(indicator.value) {
            for text in texts where text.text.contains(indicator.value) {
                diagnostics.append(.error(at: text.location,
                    "\(indicator.type.rawValue) \"\(indicator.value)\" is recorded as private, but \(text.name) is public and the public site would show it; take it out, or make the indicator public",
                    code: Self.code))
            }
        }
        return diagnostics
    }

    /// False for a text that holds no indicator: none without a digit, a dot, a colon or an `@`
    /// (most comments and tags are a few words).
    static func mayHoldIndicator(_ text: String) -> Bool {
        text.utf8.contains { (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x3A || $0 == 0x40 }
    }
}
