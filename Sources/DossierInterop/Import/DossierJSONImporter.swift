import DossierCore
import Foundation

/// dossier's own JSON: the JSON export (`{"project": {...}, "indicators": [...]}`) or a workspace's
/// `indicators.json`, so indicators move between workspaces. Indicator fields are those of
/// `indicators.json`; the project's `tlp`, `visibility` and `tags` are the file's (the indicators of
/// a private project come in private: `ImportCollector.finish`).
enum DossierJSONImporter {
    static func recognizes(_ root: JSONNode) -> Bool {
        root.value.objectValue?["indicators"]?.value.arrayValue != nil
    }

    static func read(_ root: JSONNode, into collector: inout ImportCollector) {
        guard let object = root.value.objectValue, let indicators = object["indicators"]?.value.arrayValue else {
            collector.error("not dossier JSON: expected {\"indicators\": [...]}", at: root.position)
            return
        }
        if let project = object.object("project") {
            if let name = project.string("tlp") {
                if let tlp = TLP(rawValue: name) { collector.projectTLP(tlp) } else {
                    collector.warning("unknown tlp \"\(name)\"; expected \(TLP.choices); ignored", at: project.position("tlp"))
                }
            }
            if let visibility = project.string("visibility").flatMap(Visibility.init(rawValue:)) { collector.projectVisibility(visibility) }
            for tag in project.strings("tags") { collector.projectTag(tag) }
        }
        for node in indicators {
            guard let indicator = node.value.objectValue, let value = indicator.string("value") else {
                collector.skip(node.value.kindName, "an indicator needs a \"value\"", at: node.position)
                continue
            }
            var type: IndicatorType?
            if let name = indicator.string("type") {
                type = IndicatorType(rawValue: name)
                if type == nil {
                    collector.skip(value, "unknown type \"\(name)\"; expected \(IndicatorType.choices)", at: indicator.position("type"))
                    continue
                }
            }
            var details = ImportCollector.Details()
            details.tags = indicator.strings("tags")
            if let name = indicator.string("classification") {
                details.classification = Classification(rawValue: name)
                if details.classification == nil {
                    collector.warning("unknown classification \"\(name)\"; expected \(Classification.choices); ignored", at: indicator.position("classification"))
                }
            }
            details.firstSeen = collector.date(indicator.string("firstSeen"), field: "firstSeen", at: indicator.position("firstSeen"))
            details.lastSeen = collector.date(indicator.string("lastSeen"), field: "lastSeen", at: indicator.position("lastSeen"))
            details.comment = indicator.string("comment")
            details.source = indicator.string("source")
            details.privateFlag = indicator.flag("private") == true ? true : nil
            details.extra = indicator.members.filter { !IndicatorsDecoder.keys.contains($0.key) }
                .map { JSONObject.Member(key: $0.key, value: $0.value) }
            collector.add(value, as: type, details: details, at: indicator.position("value") ?? node.position)
        }
        readNotes(object["notes"], into: &collector)
        readImages(object["images"], into: &collector)
    }

    /// The elements of the export's list `name` (`"notes"`, `"images"`): none when it has none,
    /// or with a warning when it is no list.
    private static func list(_ node: JSONNode?, of name: String, into collector: inout ImportCollector) -> [JSONNode] {
        guard let node else { return [] }
        guard let items = node.value.arrayValue else {
            collector.warning("\"\(name)\" must be a list of \(name); ignored", at: node.position)
            return []
        }
        return items
    }

    /// The export's images, each to be written where its notes show it from
    /// (`ImportResult.imageFiles`): a plain path in the project (`NoteImages.carriedPath`) that a
    /// note of the file shows, and an image a report would show. Read after the notes.
    private static func readImages(_ images: JSONNode?, into collector: inout ImportCollector) {
        // Only what the file's notes show is written (where they show it from).
        let shown = collector.result.noteFiles.reduce(into: Set<[String]>()) { $0.formUnion(NoteImages.paths(shownByNote: $1.body)) }
        for node in list(images, of: "images", into: &collector) {
            guard let image = node.value.objectValue, let file = image.string("file"), let encoded = image.string("base64") else {
                collector.skip("image", "an image needs a \"file\" path and its \"base64\" bytes", at: node.position)
                continue
            }
            guard let path = NoteImages.carriedPath(file) else {
                collector.skip(file, "not a path to an image in the project (a plain relative path ending in .png, .jpg, .gif or .webp)", at: image.position("file"))
                continue
            }
            guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters), let mediaType = NoteImages.mediaType(ofCarried: Array(data)) else {
                collector.skip(file, "not a PNG, JPEG, GIF or WebP image of 5 MB at most, in base64", at: image.position("base64"))
                continue
            }
            guard shown.contains(path) else {
                collector.skip(file, "no note of the file shows it", at: image.position("file"))
                continue
            }
            collector.imageFile(NoteImages.Carried(path: path, mediaType: mediaType, bytes: Array(data)), written: file, at: image.position("file"))
        }
    }

    /// The fields of a note in dossier's export.
    private static let noteKeys: Set<String> = ["file", "title", "author", "date", "visibility", "body", "images"]

    /// The export's notes, each to be written as a note of the project (`ImportResult.noteFiles`).
    private static func readNotes(_ notes: JSONNode?, into collector: inout ImportCollector) {
        for node in list(notes, of: "notes", into: &collector) {
            guard let note = node.value.objectValue, let body = note.string("body"),
                  let file = note.string("file").map(ProjectFiles.safeNoteName), !file.isEmpty else {
                collector.skip("note", "a note needs a \"file\" name and a \"body\"", at: node.position)
                continue
            }
            let visibility = note.string("visibility")
            var isPrivate = visibility.map { $0 != Visibility.public.rawValue } ?? false
            if let visibility, Visibility(rawValue: visibility) == nil {
                collector.warning("unknown visibility \"\(visibility)\" of note \(file); expected \(Visibility.choices); the note is imported private", at: note.position("visibility"))
            } else if visibility == nil, let written = note["visibility"], written.value.kindName != "null" {
                collector.warning("visibility of note \(file) is \(written.value.kindName), not \(Visibility.choices); the note is imported private", at: written.position)
                isPrivate = true
            }
            // Another word for private (`"private": true`, `"draft": true`, `"tlp": "amber"`), as
            // a note's front matter is read.
            for member in note.members where !Self.noteKeys.contains(member.key) && HidingKeys.hides(member, near: nil) {
                collector.warning("field \"\(member.key)\" of note \(file) keeps it out of public output; the note is imported private", at: member.keyPosition)
                isPrivate = true
            }
            collector.noteFile(ImportResult.NoteFile(fileName: file, title: note.string("title"), author: note.string("author"),
                date: note.string("date").flatMap { ISODate.isValid($0) ? $0 : nil },
                isPrivate: isPrivate, body: body))
        }
    }
}
