/// Reads `dossier.json`: the workspace title and tag vocabulary.
enum SettingsDecoder {
    static let keys = ["title", "tags"]
    static let tagKeys = ["classification", "description", "private"]

    static func decode(_ bytes: [UInt8], path: String, folderName: String, into diagnostics: inout [Diagnostic]) -> WorkspaceSettings? {
        guard let (object, _) = JSONFileDecoding.object(bytes, path: path, what: ProjectFiles.workspace, into: &diagnostics) else {
            return nil
        }
        var reader = ObjectReader(object, path: path, what: ProjectFiles.workspace)
        var title = reader.string("title") ?? folderName
        // A blank title would make an empty heading and an empty page title.
        if Tag.isBlank(title) {
            reader.warning("\"title\" is blank; the site will use the folder name \"\(folderName)\"", at: object["title"]?.position ?? .start, code: "missing-field")
            title = folderName
        }
        var definitions: [TagDefinition] = []
        if let tagsNode = object["tags"] {
            if case .object(let tags) = tagsNode.value {
                var seen: [String: String] = [:]
                for member in tags.members {
                    if let earlier = seen[Tag.key(member.key)] {
                        reader.error("tag \"\(member.key)\" is already defined as \"\(earlier)\" (tags compare case-insensitively)",
                            at: member.keyPosition, code: "duplicate-tag")
                        // Its definition is read all the same, so that one check names its errors too.
                        _ = tag(member, path: path, reader: &reader)
                        continue
                    }
                    seen[Tag.key(member.key)] = member.key
                    if let definition = tag(member, path: path, reader: &reader) { definitions.append(definition) }
                }
            } else {
                reader.error("\"tags\" must be an object of tag name to definition, found \(tagsNode.value.kindName)",
                    at: tagsNode.position, code: "wrong-type")
            }
        }
        let extra = reader.extra(known: keys)
        diagnostics.append(contentsOf: reader.diagnostics)
        guard !reader.failed else { return nil }
        return WorkspaceSettings(title: title, vocabulary: Vocabulary(definitions), extra: extra, titlePosition: object["title"]?.position)
    }

    private static func tag(_ member: JSONObject.Member, path: String, reader: inout ObjectReader) -> TagDefinition? {
        guard case .object(let object) = member.value.value else {
            reader.error("tag \"\(member.key)\" must be an object such as { \"classification\": \"malicious\" }, found \(member.value.value.kindName)",
                at: member.value.position, code: "wrong-type")
            return nil
        }
        if member.key.trimmingCharacters(in: .whitespaces).isEmpty {
            reader.error("a tag name cannot be empty", at: member.keyPosition, code: "invalid-tag")
        }
        var tagReader = ObjectReader(object, path: path, what: "tag \"\(member.key)\"")
        let extra = tagReader.extra(known: tagKeys)
        // A `private` in error (`"yes"`) was meant to keep the tag out of public output.
        var isPrivate = tagReader.bool("private") ?? (object["private"] == nil ? nil : true)
        // Another way of keeping it so (`"visibility": "private"`, `"hidden": true`), taken at its
        // word, as an indicator's or a note's is.
        for field in extra where HidingKeys.hides(field, near: Spelling.closest(to: field.key, in: tagKeys)) {
            tagReader.hidingWarning("field \"\(field.key)\" of tag \"\(member.key)\" is read as \"private\": true (the only field dossier reads to keep a tag out of public output); write that instead", at: field.keyPosition)
            isPrivate = true
        }
        let definition = TagDefinition(
            name: member.key,
            classification: tagReader.enumeration("classification", Classification.self),
            description: tagReader.string("description"),
            isPrivate: isPrivate,
            extra: extra,
            position: member.keyPosition)
        reader.absorb(tagReader)
        return tagReader.failed ? nil : definition
    }
}

import Foundation
