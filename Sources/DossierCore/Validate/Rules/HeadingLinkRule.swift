/// A link to a heading its note does not have (a warning): `#timline`, or
/// `02-infrastructure.md#c2-servers` after the heading was renamed. A git host opens such a link
/// at the note's top (within the note, it goes nowhere); a report leads it to the note, and within
/// the note shows only its text. A fragment names a heading by the id a git host gives it
/// (`NoteHeadings`), or the note's title.
///
/// Links to the project's own notes are looked at here, from the project alone, so that the
/// findings are kept in the project cache with the other project rules'. A link to another
/// project's note is looked at by `BrokenLinkRule` on every check (that note may have changed
/// since), through `finding`.
public struct HeadingLinkRule: ProjectRule {
    public static let code = "broken-heading-link"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        guard let folder = RelativeLink.segments(of: project.folder, under: workspace.root) else { return [] }
        let notesFolder = folder + [ProjectFiles.notes]
        // Each note's headings, read once, only for a note some link names a heading of.
        var headings: [String: NoteHeadings.Lookup] = [:]
        var diagnostics: [Diagnostic] = []
        for note in project.notes {
            let links = MarkdownLinks.destinations(in: note.body)
            guard !links.isEmpty else { continue }
            var code: [Range<Int>]?
            var place: TextPlace?
            for link in links where !link.isImage {
                // Named in messages as the note writes it; followed as libcmark reads it.
                let written = MarkdownLinks.withoutEscapes(link.text)
                guard let (fileName, fragment) = Self.headingLink(MarkdownLinks.asRead(written), from: notesFolder), !fragment.isEmpty else { continue }
                var target = note
                if let fileName {
                    // A note not loaded (a hidden one, one missing) is `BrokenLinkRule`'s.
                    guard let named = project.notes.first(where: { $0.fileName == fileName }) else { continue }
                    target = named
                }
                var lookup = headings.removeValue(forKey: target.fileName) ?? NoteHeadings.Lookup(target)
                let named = lookup.names(fragment)
                headings[target.fileName] = lookup
                guard !named else { continue }
                // Worked out for a note with a link to no heading only, as `BrokenLinkRule` does.
                if code == nil { code = MarkdownLinks.codeRanges(in: note.body) }
                guard code?.contains(where: { $0.contains(link.offset) }) != true else { continue }
                // Named by its file, even its own: a report leads the link to the note.
                let finding = Self.finding(written, fragment: fragment, targets: lookup.targets, note: fileName)
                if place == nil { place = TextPlace(note.body) }
                diagnostics.append(.warning(at: SourceLocation(path: note.path, position: place!.position(at: link.offset, bodyLine: note.bodyLine)),
                    finding, code: Self.code))
            }
        }
        return diagnostics
    }

    /// For a link to a heading of a note of `notesFolder`: the note's file name (nil for the note
    /// the link is in: `#timeline`) and the fragment, decoded. Nil for any other link.
    static func headingLink(_ written: String, from notesFolder: [String]) -> (fileName: String?, fragment: String)? {
        // Most links name no heading: told without resolving them.
        guard written.utf8.contains(UInt8(ascii: "#")) else { return nil }
        if written.hasPrefix("#") {
            return (nil, String(decoding: PercentEncoding.decoded(Array(written.utf8.dropFirst())), as: UTF8.self))
        }
        guard let (path, fragment) = RelativeLink.resolve(written, from: notesFolder), let fragment, path.count == notesFolder.count + 1,
              path.starts(with: notesFolder), let name = path.last, ProjectFiles.isNoteName(name) else { return nil }
        return (name, fragment)
    }

    /// What to say of a link to `fragment` in a note whose headings' ids are `targets` (in order,
    /// `NoteHeadings.targets`), none of which it names. `note`: the note as the link names it;
    /// nil when the link names no note (`#timline`), which leads nowhere in a report.
    static func finding(_ written: String, fragment: String, targets: [String], note: String?) -> String {
        let consequence = note.map { "no heading of \($0), so it opens the note at its top" }
            ?? "no heading of this note, so a report shows only the link's text"
        // The id a git host would give the fragment as a heading (`#Timeline`), else one a typo
        // away (`#timline`).
        let guessed = NoteHeadings.slug(fragment)
        let hint: String
        if let meant = targets.contains(guessed) ? guessed : Spelling.closest(to: guessed, in: targets) {
            hint = "did you mean #\(meant)?"
        } else if targets.isEmpty {
            hint = "the note has no heading"
        } else {
            let named = targets.prefix(Self.listedTargets).map { "#" + $0 }.joined(separator: ", ")
            hint = "a link may name " + named + (targets.count > Self.listedTargets ? " and \(targets.count - Self.listedTargets) more" : "")
        }
        return "the link to \(written) leads to \(consequence); \(hint)"
    }

    /// How many of a note's headings a finding names.
    static let listedTargets = 6
}
