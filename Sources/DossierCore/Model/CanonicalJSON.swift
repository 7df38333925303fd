/// The canonical JSON of each workspace file (PRODUCT.md §3): known keys in the contract's order,
/// unknown keys after them sorted by name (their values as read, nested objects in their own order),
/// indicators sorted by type then value. Every file dossier writes goes through here.
public enum CanonicalJSON {
    /// `bytes` (a canonical file, whose line breaks are LF) with the line breaks of the file it
    /// replaces, as read (`digest`): CR LF when that file had them, so that an edit in a Windows
    /// checkout changes the lines it changes, not every line.
    public static func lineBreaks(_ bytes: [UInt8], as digest: ContentDigest?) -> [UInt8] {
        lineBreaks(bytes, crlf: digest?.usesCRLF == true)
    }

    /// `bytes` with each LF made CR LF when `crlf` (one already CR LF is left as it is: a note's
    /// text may carry them).
    public static func lineBreaks(_ bytes: [UInt8], crlf: Bool) -> [UInt8] {
        guard crlf else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 16)
        for byte in bytes {
            if byte == 0x0A, out.last != 0x0D { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }

    public static func workspaceFile(_ settings: WorkspaceSettings) -> [UInt8] {
        var object = JSONObject()
        object.set("title", .string(settings.title))
        let tags = settings.vocabulary.definitions.sorted(by: tagOrder).map { definition in
            JSONObject.Member(key: definition.name, value: JSONNode(.object(tagObject(definition))))
        }
        object.set("tags", .object(JSONObject(tags)))
        return JSONWriter.write(JSONNode(.object(appendingExtra(object, settings.extra))))
    }

    public static func projectFile(_ project: Project) -> [UInt8] {
        var object = JSONObject()
        object.set("title", .string(project.title))
        object.set("summary", project.summary.map(JSONValue.string))
        if project.written.visibility { object.set("visibility", .string(project.visibility.rawValue)) }
        if project.written.tlp { object.set("tlp", .string(project.tlp.rawValue)) }
        object.set("status", project.status.map { .string($0.rawValue) })
        object.set("created", project.created.map(JSONValue.string))
        object.set("updated", project.updated.map(JSONValue.string))
        object.set("owner", project.owner.map(JSONValue.string))
        if project.written.tags || !project.tags.isEmpty { object.set("tags", .strings(project.tags)) }
        return JSONWriter.write(JSONNode(.object(appendingExtra(object, project.extra))))
    }

    public static func indicatorsFile(_ project: Project) -> [UInt8] {
        let sorted = Indicator.canonicallyOrdered(project.indicators)
        var object = JSONObject()
        object.set("indicators", .array(sorted.map { JSONNode(.object(indicatorObject($0))) }))
        return JSONWriter.write(JSONNode(.object(appendingExtra(object, project.indicatorsExtra))))
    }

    public static func indicatorObject(_ indicator: Indicator) -> JSONObject {
        var object = JSONObject()
        object.set("value", .string(indicator.value))
        object.set("type", .string(indicator.type.rawValue))
        object.set("classification", indicator.classification.map { .string($0.rawValue) })
        object.set("tags", indicator.tags.isEmpty ? nil : .strings(indicator.tags))
        object.set("firstSeen", indicator.firstSeen.map(JSONValue.string))
        object.set("lastSeen", indicator.lastSeen.map(JSONValue.string))
        object.set("source", indicator.source.map(JSONValue.string))
        object.set("comment", indicator.comment.map(JSONValue.string))
        object.set("private", indicator.privateFlag.map(JSONValue.bool))
        return appendingExtra(object, indicator.extra)
    }

    static func tagObject(_ definition: TagDefinition) -> JSONObject {
        var object = JSONObject()
        object.set("classification", definition.classification.map { .string($0.rawValue) })
        object.set("description", definition.description.map(JSONValue.string))
        object.set("private", definition.isPrivate.map(JSONValue.bool))
        return appendingExtra(object, definition.extra)
    }

    /// Vocabulary order: case-insensitive by name, then by exact spelling.
    static func tagOrder(_ a: TagDefinition, _ b: TagDefinition) -> Bool {
        let (ka, kb) = (Tag.key(a.name), Tag.key(b.name))
        return ka != kb ? ka < kb : a.name < b.name
    }

    static func appendingExtra(_ object: JSONObject, _ extra: [JSONObject.Member]) -> JSONObject {
        var result = object
        result.members.append(contentsOf: sortedMembers(extra))
        return result
    }

    /// Members sorted by key; their values as they were read (an unknown field is kept verbatim,
    /// and the order of an object's keys may mean something to the tool that wrote it).
    static func sortedMembers(_ members: [JSONObject.Member]) -> [JSONObject.Member] {
        members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}
