import DossierCore

/// Choices that change how a report looks, never what it may contain (that is the audience's job).
public struct ReportOptions: Sendable, Hashable {
    /// Show network indicators defanged (`hxxp`, `[.]`, `[@]`), the safe default for reports.
    public var defang: Bool
    /// Links to other projects and to tag pages work only inside a built site.
    public var linksToSite: Bool
    /// Where a Markdown report shows its notes' images from (an HTML report holds them).
    public var markdownImages: MarkdownImages
    /// Name the other projects that record an indicator ("also seen in"), which raise the
    /// report's TLP to theirs. Off, a report names none, and bears its own project's marking (a
    /// report to pass on): what it may contain is still the audience's to say.
    public var correlations: Bool

    /// Where a Markdown report finds the images its notes show, which an HTML report holds in
    /// itself (`NoteImages`): a git host shows no image held in the text.
    public enum MarkdownImages: Sendable, Hashable {
        /// None: each image is shown as its description.
        case none
        /// The workspace's files, by relative paths from this folder (absolute, symbolic links
        /// resolved): the one the report is written to.
        case linked(from: String)
        /// The site's copies beside the project's `report.md` (`SiteLayout.imageFile`).
        case inSite
    }

    public init(defang: Bool = true, linksToSite: Bool = false, markdownImages: MarkdownImages = .none, correlations: Bool = true) {
        self.defang = defang
        self.linksToSite = linksToSite
        self.markdownImages = markdownImages
        self.correlations = correlations
    }

    /// Prose (a title, a comment) as a report shows it: its network indicators defanged unless
    /// `defang` is off.
    func shown(_ text: String) -> String {
        defang ? Indicators.defangText(text) : text
    }
}
