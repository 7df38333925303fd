/// A public project must be TLP:CLEAR: publishing anything marked GREEN, AMBER or RED breaks the
/// sharing terms under which it was received. So must what it publishes of itself: a public
/// indicator tagged `tlp:amber` (data that came with its marking) would be published too.
public struct PublicProjectTLPRule: ProjectRule {
    public static let code = "public-not-clear"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        guard project.visibility == .public else { return [] }
        var diagnostics: [Diagnostic] = []
        // A `tlp` written but unreadable (`purple`) is its own error: the AMBER taken meanwhile is
        // not what the file says.
        let unreadable = project.origin?.tlp != nil && !project.written.tlp
        if project.tlp != .clear, !unreadable {
            let position = project.origin?.tlp ?? project.origin?.visibility ?? .start
            diagnostics.append(.error(at: SourceLocation(path: project.projectFile, position: position),
                "public project \"\(project.slug)\" is \(project.tlp.label); a public project must be TLP:CLEAR (set \"tlp\": \"clear\", or make it private)",
                code: Self.code))
        }
        if let marked = TLP.marked(by: project.tags), marked > .clear {
            diagnostics.append(.error(at: SourceLocation(path: project.projectFile, position: project.origin?.tags ?? .start),
                "public project \"\(project.slug)\" is tagged \(TLP.markingTag(among: project.tags) ?? marked.label): the public site would publish what it marks; take the tag off, or make the project private (and set \"tlp\" to match)",
                code: Self.code))
        }
        // PAP:RED allows no action anyone could detect, and publication is one.
        if let tag = project.tags.first(where: PAP.isRed) {
            diagnostics.append(.error(at: SourceLocation(path: project.projectFile, position: project.origin?.tags ?? .start),
                "public project \"\(project.slug)\" is tagged \(tag), which allows no action anyone could detect, and the public site is one; take the tag off, or make the project private",
                code: Self.code))
        }
        for indicator in project.indicators where !indicator.isPrivate && indicator.tags.contains(where: PAP.isRed) {
            diagnostics.append(.error(at: indicator.location(in: project, at: indicator.origin?.tags),
                "\(indicator.type.rawValue) \(indicator.value) is tagged \(indicator.tags.first(where: PAP.isRed) ?? "PAP:RED"), which allows no action anyone could detect, but it is a public indicator of a public project; make it private (\"private\": true) or take the tag off",
                code: Self.code))
        }
        diagnostics += Self.markedPublicNotes(of: project) + Self.markedPublicTexts(of: project)
        for (indicator, marked) in Self.markedPublicIndicators(of: project) {
            diagnostics.append(.error(at: indicator.location(in: project, at: indicator.origin?.tags),
                "\(indicator.type.rawValue) \(indicator.value) is tagged \(TLP.markingTag(among: indicator.tags) ?? marked.label), but it is a public indicator of a public project: the public site would publish data so marked; make it private (\"private\": true) or take the tag off",
                code: Self.code))
        }
        return diagnostics
    }

    /// A public note whose text marks it above TLP:CLEAR as a marking is written, at the start of
    /// a line (`**TLP:RED** Share only with...`, `[TLP:AMBER]`): a warning at the first such
    /// label, since the site publishes the note under TLP:CLEAR. A label within a sentence (its
    /// history: "first shared as TLP:AMBER"), in code (a phishing mail's subject), or in a note
    /// naming three levels or more (one explaining them) marks nothing.
    static func markedPublicNotes(of project: Project) -> [Diagnostic] {
        project.notes.compactMap { note in
            guard AudienceFilter.publishes(note, of: project), TLP.mayWriteLabel(note.body) else { return nil }
            let labels = TLP.labels(in: note.body)
            guard Set(labels.map(\.tlp)).count < 3 else { return nil }
            let body = note.body
            var inCode: [Range<Int>]?
            let marking = labels.first { label in
                guard label.tlp > .clear else { return false }
                // Line breaks as `Character`s (a CR LF is one, which `"\n"` is not).
                let lineStart = body[..<label.range.lowerBound].lastIndex(where: \.isNewline).map(body.index(after:)) ?? body.startIndex
                let lead = body[lineStart..<label.range.lowerBound]
                guard lead.allSatisfy({ " \t*_#>[(".contains($0) }) else { return false }
                // A paragraph's start (a hard-wrapped line of prose goes on a sentence), or a
                // label set apart by its markup (`**TLP:RED**`, `> TLP:RED`, `## TLP:RED`).
                let previous = body[..<lineStart].dropLast().split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).last
                guard previous?.allSatisfy(\.isWhitespace) ?? true || lead.contains(where: { "*_#>[".contains($0) }) else { return false }
                if inCode == nil { inCode = MarkdownLinks.codeRanges(in: body) }
                let offset = body.utf8.distance(from: body.startIndex, to: label.range.lowerBound)
                return !(inCode ?? []).contains { $0.contains(offset) }
            }
            guard let marking else { return nil }
            var place = TextPlace(body)
            let position = place.position(at: body.utf8.distance(from: body.startIndex, to: marking.range.lowerBound), bodyLine: note.bodyLine)
            return .warning(at: SourceLocation(path: note.path, position: position),
                "this public note is marked \(marking.tlp.label), but the public site publishes it under TLP:CLEAR; if the note is so marked, make it private (visibility: private in its front matter), else take the label out",
                code: Self.code)
        }
    }

    /// A public indicator's comment, the project's summary or a public note's title that writes
    /// a TLP label above CLEAR (`TLP:RED - do not share`), as a marking of what it is on: a
    /// warning, since the site publishes it under TLP:CLEAR. (One naming three levels or more
    /// explains them.)
    static func markedPublicTexts(of project: Project) -> [Diagnostic] {
        func marking(_ text: String?) -> TLP? {
            guard let text, TLP.mayWriteLabel(text) else { return nil }
            let levels = TLP.labels(in: text).map(\.tlp)
            return Set(levels).count < 3 ? levels.filter { $0 > .clear }.max() : nil
        }
        var diagnostics: [Diagnostic] = []
        if let marked = marking(project.summary) {
            diagnostics.append(.warning(at: SourceLocation(path: project.projectFile, position: project.origin?.summary ?? .start),
                "this public project's summary is marked \(marked.label), but the public site publishes it under TLP:CLEAR; if the project is so marked, make it private, else take the label out",
                code: Self.code))
        }
        for note in project.notes where AudienceFilter.publishes(note, of: project) {
            guard let marked = marking(note.title) else { continue }
            diagnostics.append(.warning(at: SourceLocation(path: note.path, position: note.titlePosition ?? .start),
                "this public note's title is marked \(marked.label), but the public site publishes it under TLP:CLEAR; if the note is so marked, make it private (visibility: private in its front matter), else take the label out",
                code: Self.code))
        }
        for indicator in project.indicators where !indicator.isPrivate {
            guard let marked = marking(indicator.comment) else { continue }
            diagnostics.append(.warning(at: indicator.location(in: project, at: nil),
                "the comment of \(indicator.type.rawValue) \(indicator.value) is marked \(marked.label), but the public site publishes it under TLP:CLEAR; if the indicator is so marked, make it private (\"private\": true), else take the label out",
                code: Self.code))
        }
        return diagnostics
    }

    /// The public indicators of a public project that a `tlp:` tag marks above TLP:CLEAR, with
    /// that marking: what the public site would publish against its sharing terms. The editing
    /// commands refuse to make one.
    public static func markedPublicIndicators(of project: Project) -> [(indicator: Indicator, marking: TLP)] {
        guard project.visibility == .public else { return [] }
        return project.indicators.compactMap { indicator in
            guard !indicator.isPrivate, let marked = TLP.marked(by: indicator.tags), marked > .clear else { return nil }
            return (indicator, marked)
        }
    }
}
