/// A Markdown note of a project (`notes/*.md`).
public struct Note: Sendable, Hashable {
    /// File name inside `notes/`, e.g. `01-overview.md`; notes are shown in file-name order.
    public var fileName: String
    /// Absolute path, for diagnostics.
    public var path: String
    public var title: String?
    public var author: String?
    public var date: String?
    /// Nil: the project's visibility.
    public var visibility: Visibility?
    /// The CommonMark text after the front matter.
    public var body: String
    /// Line of the file on which `body` starts, so positions in the body map back to the file.
    public var bodyLine: Int
    /// The `#` heading line the note's text started with, taken off `body` as its title (or
    /// under a title it repeats): a git host shows it, so it counts among the note's headings
    /// (a later `## Timeline` under `# Timeline` is `timeline-1`, `NoteHeadings`).
    public var leadingHeading: String?
    /// Private only because its front matter could not be read (an error `check` reports), not
    /// by its writer's word: a link to it is judged once that is mended.
    public var isWithheld = false
    /// Where the title and the author are written (the front matter's value, or the heading
    /// the title is taken from), for a finding about them; nil when not written in the file.
    public var titlePosition: SourcePosition?
    public var authorPosition: SourcePosition?

    public init(
        fileName: String, path: String, title: String? = nil, author: String? = nil, date: String? = nil,
        visibility: Visibility? = nil, body: String, bodyLine: Int = 1, leadingHeading: String? = nil
    ) {
        self.fileName = fileName
        self.path = path
        self.title = title
        self.author = author
        self.date = date
        self.visibility = visibility
        self.body = body
        self.bodyLine = bodyLine
        self.leadingHeading = leadingHeading
    }

    /// The body as the file writes it, with the heading line it starts with (`leadingHeading`):
    /// what an export carries and an import compares, so that the heading is not lost.
    public var writtenBody: String {
        leadingHeading.map { $0 + "\n" + body } ?? body
    }

    public func effectiveVisibility(in project: Project) -> Visibility {
        visibility ?? project.visibility
    }

    /// The title to show: front matter, else the file name without number prefix and extension.
    public var displayTitle: String {
        if let title, !title.isEmpty { return title }
        var name = fileName
        if ProjectFiles.isNoteName(name) { name.removeLast(3) }
        let trimmed = name.drop { $0.isNumber || $0 == "-" || $0 == "_" }
        return (trimmed.isEmpty ? Substring(name) : trimmed).replacingOccurrences(of: "-", with: " ")
    }
}

import Foundation
