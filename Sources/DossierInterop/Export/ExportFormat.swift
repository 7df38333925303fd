/// The machine-readable formats of `dossier export` and of the files `dossier build` writes beside
/// each project page (PRODUCT.md §3, §6).
public enum ExportFormat: String, CaseIterable, Sendable {
    /// A header row, then one indicator per row (see `CSVExporter` for the columns).
    case csv
    /// The project and its indicators as dossier JSON, which `dossier import` reads back.
    case json
    /// A STIX 2.1 bundle: an indicator with a pattern per value, the observables, the project as
    /// a report, the TLP 2.0 marking.
    case stix
    /// A MISP event (`{"Event": ...}`) with one attribute per value.
    case misp
    /// One value per line.
    case text

    /// The usual file extension, for `-o` defaults and site links.
    public var fileExtension: String {
        switch self {
        case .csv: "csv"
        case .json, .stix, .misp: "json"
        case .text: "txt"
        }
    }

    /// The media type, for servers that serve the built site.
    public var mediaType: String {
        switch self {
        case .csv: "text/csv"
        case .json, .misp: "application/json"
        case .stix: "application/stix+json;version=2.1"
        case .text: "text/plain"
        }
    }
}
