/// Reads `project.json`.
enum ProjectDecoder {
    static let keys = ["title", "summary", "visibility", "tlp", "status", "created", "updated", "owner", "tags"]

    static func decode(_ bytes: [UInt8], slug: String, folder: String, into diagnostics: inout [Diagnostic]) -> Project? {
        let path = folder + "/" + ProjectFiles.project
        guard let (object, _) = JSONFileDecoding.object(bytes, path: path, what: ProjectFiles.project, into: &diagnostics) else {
            return nil
        }
        var reader = ObjectReader(object, path: path, what: ProjectFiles.project)
        var title = reader.string("title")
        // A blank title would make an empty heading and an empty page title.
        if let written = title, Tag.isBlank(written) {
            reader.warning("\"title\" is blank; reports will use the folder name \"\(slug)\"", at: object["title"]?.position ?? .start, code: "missing-field")
            title = nil
        }
        let visibility = reader.enumeration("visibility", Visibility.self)
        let tlp = reader.enumeration("tlp", TLP.self, meant: TLP.init(named:))
        var project = Project(
            slug: slug,
            folder: folder,
            title: title ?? slug,
            summary: reader.string("summary"),
            visibility: visibility ?? .private,
            tlp: tlp ?? .amber,
            status: reader.enumeration("status", ProjectStatus.self),
            created: reader.date("created"),
            updated: reader.date("updated"),
            owner: reader.string("owner"),
            tags: reader.stringArray("tags") ?? [],
            written: Project.WrittenFields(
                // A TLP written but not read (an unknown level, an error of its own) is not stated.
                visibility: object["visibility"] != nil, tlp: object["tlp"] != nil && tlp != nil, tags: object["tags"] != nil),
            extra: reader.extra(known: keys),
            origin: Project.Origin(visibility: object["visibility"]?.position, tlp: object["tlp"]?.position,
                title: object["title"]?.position, summary: object["summary"]?.position, tags: object["tags"]?.position,
                owner: object["owner"]?.position))
        // Another tool's way (or a misspelling) of keeping the project unpublished (`"draft":
        // true`, `"published": false`, `"meta": {"private": true}`): taken at its word, as a
        // note's or an indicator's is.
        for member in project.extra where HidingKeys.hides(member, near: Spelling.closest(to: member.key, in: keys)) {
            reader.hidingWarning("field \"\(member.key)\" is read as \"visibility\": \"private\" (the only field dossier reads to keep a project out of public output); write that instead", at: member.keyPosition)
            project.visibility = .private
        }
        if title == nil, object["title"] == nil {
            reader.warning("project.json has no \"title\"; reports will use the folder name \"\(slug)\"",
                at: .start, code: "missing-field")
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        project.indicators = []
        // A field in error reads as absent (visibility private, TLP:AMBER: the safe side), and the
        // project still loads, so that one `check` also reports what the rules find in it. Its
        // errors stop every build, and editing commands refuse its files.
        return project
    }
}
