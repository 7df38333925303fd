import DossierCore
import Foundation

/// `index.json`: a machine-readable description of the site (projects, tags, classifications,
/// pages and files), written with the same canonical JSON as the workspace.
struct SiteManifest {
    static let generatorPrefix = "dossier"

    let model: SiteModel
    let workspace: Workspace
    let audience: Audience
    let files: [String]

    func json() -> [UInt8] {
        var root = JSONObject()
        root.set("generator", .string("\(Self.generatorPrefix) \(DossierVersion.current)"))
        root.set("title", .string(workspace.settings.title))
        root.set("audience", .string(audience.rawValue))
        // Each project's line of the index, found by its slug: the index lists them by title.
        let summaries = Dictionary(model.index.projects.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        root.set("projects", .array(workspace.projects.compactMap { project -> JSONNode? in
            guard let summary = summaries[project.slug] else { return nil }
            var object = JSONObject()
            object.set("slug", .string(project.slug))
            object.set("title", .string(project.title))
            object.set("tlp", .string(project.tlp.rawValue))
            object.set("status", project.status.map { .string($0.rawValue) })
            object.set("updated", project.updated.map(JSONValue.string))
            object.set("indicators", .number(String(summary.total)))
            object.set("classifications", counts(summary.counts))
            object.set("tags", .strings(project.tags))
            var pages = JSONObject()
            let base = SiteLayout.projectFolder(project.slug) + "/"
            pages.set("html", .string(base + "index.html"))
            pages.set("markdown", .string(base + SiteLayout.markdownReport))
            for export in SiteLayout.exportFiles { pages.set(export.format.rawValue, .string(base + export.file)) }
            object.set("pages", .object(pages))
            return JSONNode(.object(object))
        }))
        root.set("classifications", .array(model.index.classifications.map { summary in
            var object = JSONObject()
            object.set("name", .string(summary.key))
            object.set("count", .number(String(summary.count)))
            object.set("page", summary.href.map(JSONValue.string))
            return JSONNode(.object(object))
        }))
        root.set("tags", .array(model.index.tags.map { tag in
            var object = JSONObject()
            object.set("name", .string(tag.name))
            object.set("description", tag.description.map(JSONValue.string))
            object.set("count", .number(String(tag.count)))
            object.set("page", .string(tag.href))
            return JSONNode(.object(object))
        }))
        root.set("files", .strings(files + [SiteLayout.manifestFile]))
        return JSONWriter.write(JSONNode(.object(root)))
    }

    private func counts(_ rows: [CountRow]) -> JSONValue {
        .object(JSONObject(rows.map { JSONObject.Member(key: $0.key, value: JSONNode(.number(String($0.count)))) }))
    }

    /// Whether `path` is an `index.json` that dossier wrote.
    static func isDossierSite(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path),
            let root = try? JSONParser.parse(Array(data)),
            let generator = root.value.objectValue?["generator"]?.value.stringValue
        else { return false }
        return generator.hasPrefix(generatorPrefix)
    }
}
