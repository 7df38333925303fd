import DossierCore
import DossierInterop
import Foundation

/// The content hash of everything one output file shows, which decides whether an incremental
/// build may reuse it. Never a modification time: a key changes exactly when the output could.
///
/// Every key covers the tool's version, the audience and the workspace settings (title,
/// vocabulary); a page's key also every template's text, the options and the tags' page names.
/// Then, for each kind of file, what it is made of:
/// - an export: the audience-filtered project with its notes (`digests(of:)`, `whole`);
/// - a project's report: that project and its "also seen in" links (`report`);
/// - a tag or classification page: the page without its rows, and for each row its project's
///   records (`digests(of:)`, `records`) and the indicator's place in that project (`listing`);
/// - the index: its whole view model (`digest(of: Encodable)`).
/// Keys of reports and listings are made from these inputs, not from the pages' view models, so
/// that a rebuild makes only the pages that changed; `IncrementalBuildTests` changes every kind of
/// input in turn and holds the result to a clean build.
struct PageKey: Sendable {
    /// What every page's key shares: the tool, the audience, the settings, the templates, the
    /// options and the tags' page names.
    let pages: String
    /// What every export's key shares: the tool, the audience and the workspace settings (title,
    /// vocabulary), hashed once for the whole build.
    let exports: String

    init(audience: Audience, templates: TemplateSet, options: ReportOptions, settings: WorkspaceSettings, tagSlugs: [String: String]) {
        let build = "dossier \(DossierVersion.current)\naudience \(audience.rawValue)\n"
            + "settings \(SHA256.hex(CanonicalJSON.workspaceFile(settings)))\n"
        var slugs = SHA256()
        for (tag, slug) in tagSlugs.sorted(by: { $0.key < $1.key }) {
            slugs.update("\(tag.utf8.count) \(slug.utf8.count)\n" + tag + slug)
        }
        pages = build + "defang \(options.defang)\nlinks \(options.linksToSite)\ntemplates \(templates.fingerprint)\n"
            + "tag pages \(slugs.finalize())\n"
        exports = build
    }

    /// The digest of a view model, to be combined with each template that renders it.
    static func digest(of model: some Encodable) -> String {
        DigestEncoder.digest(of: model)
    }

    /// The digest of what a project's report is made of: the project (`digests(of:)`, `whole`) and
    /// its correlations with other projects (`SiteModel.correlations`).
    static func report(project digest: String, correlations: (inout SHA256) -> Void) -> String {
        var hasher = SHA256()
        hasher.update("report\nproject \(digest)\n")
        correlations(&hasher)
        return hasher.finalize()
    }

    /// The digest of what a tag or classification page is made of: the page without its rows,
    /// and each row's project (by the digest of its records) and indicator (by place in the project).
    static func listing(_ page: ListingPage, places: [SiteModel.RowPlace], projectRecords: [String]) -> String {
        var hasher = SHA256()
        hasher.update("listing \(digest(of: page))\n")
        var current: Int32 = -1
        for place in places {
            if place.project != current {
                current = place.project
                hasher.update("project \(projectRecords[Int(current)])\n")
            }
            hasher.update("\(place.indicator)\n")
        }
        return hasher.finalize()
    }

    func page(template: String, model digest: String) -> String {
        var hasher = SHA256()
        hasher.update(pages)
        hasher.update("page \(template)\nmodel \(digest)\n")
        return hasher.finalize()
    }

    /// What a project's files hold, hashed in two parts: `records`, the project and its
    /// indicators (what its rows on tag and classification pages show), and `whole`, those and its
    /// notes (what its reports and exports show). Of the audience-filtered project.
    struct ProjectDigests: Sendable {
        var records: String
        var whole: String
    }

    static func digests(of project: Project) -> ProjectDigests {
        var hasher = SHA256()
        func field(_ name: String, _ value: String?) {
            hasher.update("\(name) \(value?.utf8.count ?? -1)\n")
            if let value { hasher.update(value) }
        }
        field("slug", project.slug)
        for bytes in [CanonicalJSON.projectFile(project), CanonicalJSON.indicatorsFile(project)] {
            hasher.update("file \(bytes.count)\n")
            hasher.update(bytes)
        }
        let records = hasher.finalize()
        hasher = SHA256()
        field("records", records)
        for note in project.notes.sorted(by: { $0.fileName < $1.fileName }) {
            field("note", note.fileName)
            field("title", note.title)
            field("author", note.author)
            field("date", note.date)
            field("visibility", note.visibility?.rawValue)
            field("body", note.body)
        }
        return ProjectDigests(records: records, whole: hasher.finalize())
    }

    func export(_ format: ExportFormat, project digest: String) -> String {
        var hasher = SHA256()
        hasher.update(exports)
        hasher.update("export \(format.rawValue)\nproject \(digest)\n")
        return hasher.finalize()
    }
}
