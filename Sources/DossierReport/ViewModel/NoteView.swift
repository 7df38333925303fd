import DossierCore
import DossierInterop

/// A note rendered for a report: HTML for HTML pages, cleaned CommonMark for Markdown reports.
public struct NoteView: Sendable, Hashable, Encodable {
    public var title: String
    public var author: String?
    public var date: String?
    public var anchor: String
    public var html: String
    public var markdown: String
    public var isPrivate: Bool

    /// - Parameters:
    ///   - defanging: how to show the note's network indicators; nil: as written.
    ///   - links: where its relative links lead (`NoteLinks`).
    init(_ note: Note, in project: Project, anchor: String, defanging: CommonMark.Defanging?, links: CommonMark.RelativeLinks) {
        title = defanging == nil ? note.displayTitle : Indicators.defangText(note.displayTitle)
        author = defanging == nil ? note.author : note.author.map(Indicators.defangText)
        date = note.date.map(DateSpelling.shown)
        self.anchor = anchor
        (html, markdown) = CommonMark.rendered(note.body, defanging: defanging, links: links)
        isPrivate = note.effectiveVisibility(in: project) == .private
    }
}
