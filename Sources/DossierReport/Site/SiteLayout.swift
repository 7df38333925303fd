import DossierCore
import DossierInterop

/// Where each page of a built site lives, and the links between them. One place, so pages and
/// `index.json` agree.
public enum SiteLayout {
    public enum Page {
        case index, project, listing
    }

    /// Rows per tag or classification page; longer lists are split into numbered pages.
    public static let pageSize = 1_000

    /// Rows a table of a site's project report shows at most: past them, it links to the rest on
    /// the tag's or classification's pages (where the project's section starts) and to the CSV export.
    public static let reportTableLimit = 1_000

    public static let indexFile = "index.html"
    public static let manifestFile = "index.json"

    public static func projectFolder(_ slug: String) -> String { "projects/\(slug)" }
    public static func projectPage(_ slug: String) -> String { projectFolder(slug) + "/index.html" }

    /// A link to a project's page from `page`. The folder name is percent-encoded: a folder
    /// named `apt 29 #2` is a valid project, and as written its link would end at the `#`.
    public static func projectHref(from page: Page, _ slug: String) -> String {
        let encoded = percentEncoded(slug)
        return switch page {
        case .index: projectPage(encoded)
        case .project: "../\(encoded)/index.html"
        case .listing: "../" + projectPage(encoded)
        }
    }

    /// `name` as one segment of a URL's path: every byte but letters, digits and `-._~` as `%XX`.
    static func percentEncoded(_ name: String) -> String {
        PercentEncoding.encoded(name) { byte, _ in PercentEncoding.isUnreserved(byte) }
    }

    /// `tags/blocked.html`, then `tags/blocked.2.html`… for page 2 and after: a dot, which no
    /// slug holds, so that no page of one tag is the first page of another (`Scanner 2`'s page
    /// would have been `scanner-2.html`, page 2 of `Scanner`).
    public static func tagPage(_ slug: String, page: Int = 1) -> String { "tags/" + numbered(slug, page) }
    public static func classificationPage(_ classification: Classification, page: Int = 1) -> String {
        "classifications/" + numbered(classification.rawValue, page)
    }

    static func numbered(_ name: String, _ page: Int) -> String { page <= 1 ? "\(name).html" : "\(name).\(page).html" }

    /// Files written per project beside its HTML report, in the order they are linked.
    public static let exportFiles: [(format: ExportFormat, file: String, label: String)] = [
        (.csv, "indicators.csv", "CSV"),
        (.stix, "indicators.stix.json", "STIX 2.1"),
        (.misp, "indicators.misp.json", "MISP event"),
    ]

    public static let markdownReport = "report.md"

    /// Where a project's `report.md` finds an image its notes show, a copy in the project's
    /// folder named by its content (the SHA-256 of its bytes, `hash`): no two images clash, and
    /// no name written in a note needs escaping.
    static func imageFile(hash: String, mediaType: String) -> String {
        let ext = switch mediaType {
        case "image/jpeg": "jpg"
        case "image/gif": "gif"
        case "image/webp": "webp"
        default: "png"
        }
        return "\(imagesFolder)/\(hash.prefix(32)).\(ext)"
    }

    /// The folder of a project's image copies (`imageFile`), beside its `report.md`.
    static let imagesFolder = "images"

    /// A relative path's segments as a link's: each percent-encoded (`percentEncoded`).
    static func percentEncodedPath(_ segments: [String]) -> String {
        segments.map(percentEncoded).joined(separator: "/")
    }

    static var exportLinks: [ProjectReport.ExportLink] {
        [ProjectReport.ExportLink(label: "Markdown", href: markdownReport)]
            + exportFiles.map { ProjectReport.ExportLink(label: $0.label, href: $0.file) }
    }
}
