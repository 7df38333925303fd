import DossierCore

/// Choices that change how a report looks, never what it may contain (that is the audience's job).
public struct ReportOptions: Sendable, Hashable {
    /// Show network indicators defanged (`hxxp`, `[.]`, `[@]`), the safe default for reports.
    public var defang: Bool
    /// Links to other projects and to tag pages work only inside a built site.
    public var linksToSite: Bool

    public init(defang: Bool = true, linksToSite: Bool = false) {
        self.defang = defang
        self.linksToSite = linksToSite
    }

    /// Prose (a title, a comment) as a report shows it: its network indicators defanged unless
    /// `defang` is off.
    func shown(_ text: String) -> String {
        defang ? Indicators.defangText(text) : text
    }
}
