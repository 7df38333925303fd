import DossierCore
import Foundation

/// The project as dossier JSON: `{"project": {...}, "indicators": [...], "notes": [...]}`, in
/// canonical layout, and `"images"` when its notes show any: each image file as its path from the
/// project's folder, its media type and its bytes in base64 (`NoteImages.carried`), so that the
/// import's notes show them. Indicators use the field names of `indicators.json` with the effective
/// classification always written; `source` and `private` appear only where the (audience-filtered)
/// input has them, and so do unknown fields (`x-ticket`), which an import keeps. `dossier import` recognises this file (and a bare `indicators.json`).
enum JSONExporter {
    static func export(_ context: ExportContext) -> [UInt8] {
        let project = context.project
        var head = JSONObject()
        head.put("slug", project.slug)
        head.put("title", project.title)
        head.put("summary", project.summary)
        head.put("visibility", project.visibility.rawValue)
        head.put("tlp", project.tlp.rawValue)
        head.put("status", project.status?.rawValue)
        head.put("created", project.created)
        head.put("updated", project.updated)
        head.put("owner", project.owner)
        head.put("tags", .strings(project.tags))

        let indicators = context.indicators.map { indicator -> JSONObject in
            var object = JSONObject()
            object.put("value", indicator.value)
            object.put("type", indicator.type.rawValue)
            object.put("classification", context.classification(of: indicator).rawValue)
            object.put("tags", .strings(indicator.tags))
            object.put("firstSeen", indicator.firstSeen)
            object.put("lastSeen", indicator.lastSeen)
            object.put("source", indicator.source)
            object.put("comment", indicator.comment)
            object.set("private", indicator.privateFlag.map(JSONValue.bool))
            // Fields dossier does not know, kept (a public export holds none: the audience filter
            // drops them).
            object.members += indicator.extra
            return object
        }
        let notes = project.notes.sorted { $0.fileName < $1.fileName }.map { note -> JSONObject in
            var object = JSONObject()
            object.put("file", note.fileName)
            object.put("title", note.displayTitle)
            object.put("author", note.author)
            object.put("date", note.date)
            object.put("visibility", note.visibility?.rawValue)
            object.put("body", note.writtenBody)
            return object
        }
        var root = JSONObject()
        root.put("project", .object(head))
        root.put("indicators", objects: indicators)
        root.put("notes", objects: notes)
        let images = NoteImages.carried(by: project, root: context.root, keepingMetadata: context.audience == .internal).map { image -> JSONObject in
            var object = JSONObject()
            object.put("file", image.path.joined(separator: "/"))
            object.put("mediaType", image.mediaType)
            object.put("base64", Data(image.bytes).base64EncodedString())
            return object
        }
        if !images.isEmpty { root.put("images", objects: images) }
        return JSONWriter.write(JSONNode(.object(root)))
    }
}
