/// The formats `dossier import` reads (PRODUCT.md §6). `auto` tells them apart by content.
public enum ImportFormat: String, CaseIterable, Sendable {
    case auto
    /// Free text: vendor blog posts, emails, Markdown or AsciiDoc reports, one-per-line lists.
    case text
    /// A header row naming the columns (dossier's CSV export, MISP's CSV export, spreadsheets).
    case csv
    /// A MISP event: `{"Event": ...}` or `{"response": [{"Event": ...}]}`.
    case misp
    /// A STIX 2.1 bundle or a single STIX object.
    case stix
    /// PassiveTotal project or artifact JSON.
    case passivetotal
    /// dossier's own JSON export, or another workspace's `indicators.json`.
    case json
}
