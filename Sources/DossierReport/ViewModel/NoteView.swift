import DossierCore

/// A note rendered for a report: HTML for HTML pages, cleaned CommonMark for Markdown reports.
public struct NoteView: Sendable, Hashable, Encodable {
    public var title: String
    public var author: String?
    public var date: String?
    public var anchor: String
    public var html: String
    public var markdown: String
    public var isPrivate: Bool

    init(_ note: Note, in project: Project, anchor: String) {
        title = note.displayTitle
        author = note.author
        date = note.date
        self.anchor = anchor
        html = CommonMark.html(note.body)
        markdown = CommonMark.commonMark(note.body)
        isPrivate = note.effectiveVisibility(in: project) == .private
    }
}
