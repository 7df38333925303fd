import DossierCore
import DossierInterop
import Foundation

/// The content hash of everything one output file shows, which decides whether an incremental
/// build may reuse it. Never a modification time: a key changes exactly when the output could.
///
/// A page's key covers its whole view model (the project, the correlations from other projects,
/// the vocabulary, the workspace title: all of it is in the model), every template's text, the
/// tool's version and the audience. An export's key covers the audience-filtered project, its notes
/// and the workspace settings it reads.
struct PageKey: Sendable {
    /// What every page's key shares: the tool, the audience, the templates and the options.
    let pages: String
    /// What every export's key shares: the tool, the audience and the workspace settings (title,
    /// vocabulary), hashed once for the whole build.
    let exports: String

    init(audience: Audience, templates: TemplateSet, options: ReportOptions, settings: WorkspaceSettings) {
        let build = "dossier \(DossierVersion.current)\naudience \(audience.rawValue)\n"
        pages = build + "defang \(options.defang)\nlinks \(options.linksToSite)\ntemplates \(templates.fingerprint)\n"
        exports = build + "settings \(SHA256.hex(CanonicalJSON.workspaceFile(settings)))\n"
    }

    /// The digest of a view model, to be combined with each template that renders it.
    static func digest(of model: some Encodable) -> String {
        DigestEncoder.digest(of: model)
    }

    func page(template: String, model digest: String) -> String {
        var hasher = SHA256()
        hasher.update(pages)
        hasher.update("page \(template)\nmodel \(digest)\n")
        return hasher.finalize()
    }

    /// The digest of what the exports of `project` read besides the settings: the filtered
    /// project and its notes.
    static func digest(of project: Project) -> String {
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
        for note in project.notes.sorted(by: { $0.fileName < $1.fileName }) {
            field("note", note.fileName)
            field("title", note.title)
            field("author", note.author)
            field("date", note.date)
            field("visibility", note.visibility?.rawValue)
            field("body", note.body)
        }
        return hasher.finalize()
    }

    func export(_ format: ExportFormat, project digest: String) -> String {
        var hasher = SHA256()
        hasher.update(exports)
        hasher.update("export \(format.rawValue)\nproject \(digest)\n")
        return hasher.finalize()
    }
}
