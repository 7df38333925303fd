import DossierCore

/// MISP event JSON: `{"Event": {...}}`, `{"response": [{"Event": {...}}, ...]}` (MISP's API and
/// feeds), a bare event (`{"info": ..., "Attribute": [...]}`, as PyMISP writes it) or an array of
/// wrapped events. Attributes and the attributes of objects become indicators
/// (`MISPAttributeReader`); the event's `tlp:` tag is the file's TLP; its other tags and galaxy
/// clusters are the file's project tags; an attribute's own tags are the indicator's, except the
/// PassiveTotal `passivetotal:class="..."` tag, which sets the classification. An attribute of
/// distribution 0 (your organisation only) or 4 (a sharing group), or in an event or object of
/// such a distribution (its attributes cannot reach further), or with a `tlp:` tag other than
/// clear, is a private indicator, as is every attribute of an event tagged PAP:RED or whose
/// title (`info`) writes a TLP label above CLEAR (its file's TLP); the project tags of an event so
/// restricted are `ImportResult.restrictedTags`. A local tag (`"local": true`: MISP shares it with
/// no other instance) is the event's restricted tag, or the attribute's local one
/// (`ImportResult.localTags`). The event's reports are notes (`readReports`).
enum MISPImporter {
    /// True when `root` has the shape of a MISP event file.
    static func recognizes(_ root: JSONNode) -> Bool {
        !events(in: root).isEmpty
    }

    static func read(_ root: JSONNode, into collector: inout ImportCollector) {
        let found = events(in: root)
        guard !found.isEmpty else {
            collector.error("not a MISP event: expected {\"Event\": {...}} or {\"response\": [{\"Event\": {...}}]}", at: root.position)
            return
        }
        for event in found { readEvent(event, into: &collector) }
    }

    static func events(in root: JSONNode) -> [JSONObject] {
        switch root.value {
        case .object(let object):
            if let event = object.object("Event") { return [event] }
            if let response = object["response"] { return events(in: response) }
            // A bare event, as PyMISP's `to_json()` and MISP's add-event API write it.
            let isEvent = object.string("info") != nil && (object["Attribute"] != nil || object["Object"] != nil)
            return isEvent ? [object] : []
        case .array(let elements):
            return elements.flatMap { element in element.value.objectValue?.object("Event").map { [$0] } ?? [] }
        default:
            return []
        }
    }

    static func readEvent(_ event: JSONObject, into collector: inout ImportCollector) {
        let tagged = taggings(of: event, listKey: "Tag", linkKey: "EventTag")
        // PAP:RED on the event holds for each of its attributes, as on one of them (no action
        // anyone could detect, and a public site is one); so does a tag that keeps it
        // unpublished (`private`, `draft`, `do-not-distribute`).
        let eventIsRestricted = isRestricted(event) || tagged.contains { PAP.isRed($0.name) || HidingKeys.isHidingTag($0.name) }
            || event.string("info").map { titleRestricts($0, into: &collector) } == true
        // A title that writes its marking (`TLP:RED - Acme breach`) marks an event no `tlp:` tag
        // marks, as a text's label marks it; beside a tag, it is a mention (`Reuse of a TLP:RED
        // kit`), and the tag is the event's marking.
        let tagLevel = tagged.compactMap { TLP(named: $0.name) ?? TLP.levelOfUnreadMarking($0.name) }.max()
        if let info = event.string("info") {
            collector.titleMarking(info, beside: tagLevel, naming: "event title")
        }
        for (tag, isLocal) in tagged {
            if let tlp = TLP(named: tag) {
                collector.projectTLP(tlp)
            } else if let level = TLP.levelOfUnreadMarking(tag) {
                // Who tagged the event meant to restrict it: read as the level it names, else RED.
                collector.warning("event tag \"\(tag)\" is written as a TLP marking that dossier cannot read (TLP:CLEAR, GREEN, AMBER, AMBER+STRICT or RED); the event is read as \(level.label), the safe side", at: nil)
                collector.projectTLP(level)
            } else if isLocal || eventIsRestricted {
                collector.restrictedTag(tag)
            } else {
                collector.projectTag(tag)
            }
        }
        let notesBefore = collector.result.notes.count
        for node in event.array("Attribute") {
            readAttribute(node, in: Container(isRestricted: eventIsRestricted), into: &collector)
        }
        for node in event.array("Object") {
            guard let object = node.value.objectValue else { continue }
            if object.flag("deleted") == true {
                // Its attributes are counted as skipped, as a deleted attribute is.
                for attribute in object.array("Attribute") {
                    let value = attribute.value.objectValue?.string("value") ?? "an attribute"
                    collector.skip(value, "its MISP object (\(object.string("name") ?? "unnamed")) is deleted in MISP", at: attribute.position)
                }
                continue
            }
            let container = Container(
                object: object.string("name"), isRestricted: eventIsRestricted || isRestricted(object),
                firstSeen: sighting(of: object, key: "first_seen", relation: "first-seen", into: &collector),
                lastSeen: sighting(of: object, key: "last_seen", relation: "last-seen", into: &collector),
                comment: object.string("comment")?.trimmingSpaces)
            for attribute in object.array("Attribute") {
                readAttribute(attribute, in: container, into: &collector)
            }
        }
        readReports(event, isRestricted: eventIsRestricted, into: &collector)
        if collector.result.notes.count > notesBefore {
            let info = event.string("info").map { "\"\(MISPAttributeReader.escaped($0))\"" } ?? "(untitled)"
            let date = event.text("date").map { ", \($0)" } ?? ""
            let uuid = event.string("uuid").map { ", uuid \($0)" } ?? ""
            collector.note("MISP event \(info)\(date)\(uuid):", at: notesBefore, isTitle: true)
        }
    }

    /// True when an event's title marks it restricted, as a title marks itself: PAP:RED, or a
    /// caveat of at most seven words in brackets or after a dash (`Loader C2 [CONFIDENTIAL]`,
    /// `Loader C2 - internal only`); not words of the title itself (`Internal phishing test`).
    /// Said in a warning.
    static func titleRestricts(_ info: String, into collector: inout ImportCollector) -> Bool {
        var parts: [Substring] = []
        var rest = info[...]
        while let open = rest.firstIndex(where: { $0 == "[" || $0 == "(" }),
              let close = rest[open...].firstIndex(where: { $0 == "]" || $0 == ")" }) {
            parts.append(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
        }
        for separator in [" - ", " \u{2013} ", " \u{2014} ", " | ", " // "] {
            if let range = info.range(of: separator, options: .backwards) { parts.append(info[range.upperBound...]) }
        }
        // Read as a caveat field is (`Confidential`, `internal only`, `not releasable`), not as a
        // statement: a title's words name its subject (`Internal HR lure`, `Secret Blizzard`). A
        // TLP label there marks the file's level (`titleMarking`), not its values private.
        let caveat = parts.first { part in
            part.split(separator: " ").count <= 7 && TLP.labels(in: String(part)).isEmpty
                && HidingKeys.meansHidden(key: "handling", value: String(part), near: nil)
        }
        guard PAP.marksRed(info) || caveat != nil else { return false }
        collector.warning("the event title \"\(info)\" marks it \(caveat.map { "\"\($0.trimmingCharacters(in: .whitespaces))\"" } ?? "PAP:RED"): each of its values is read as private", at: nil)
        return true
    }

    /// The event's reports (`EventReport`: a name and Markdown, as MISP's editor writes them and
    /// dossier's export writes a note), each a note of the project, named after the report and
    /// numbered in the event's order (`02-kit-analysis.md`);
    /// private when the report or its event is restricted (`isRestricted`). A deleted one is
    /// skipped, and said.
    static func readReports(_ event: JSONObject, isRestricted eventIsRestricted: Bool, into collector: inout ImportCollector) {
        let reports = event.array("EventReport")
        // Numbered in the event's order, as notes are shown in their files' order.
        for (position, node) in reports.enumerated() {
            guard let report = node.value.objectValue else { continue }
            let name = report.string("name")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if report.flag("deleted") == true {
                collector.skip(name.isEmpty ? "an event report" : name, "the event report is deleted in MISP", at: node.position)
                continue
            }
            guard let content = report.string("content") else {
                collector.skip(name.isEmpty ? "an event report" : name, "an event report needs its \"content\"", at: node.position)
                continue
            }
            collector.noteFile(ImportResult.NoteFile(fileName: ImportNote.numberedFileName(name.isEmpty ? "event report" : name, position: position, count: reports.count),
                title: name.isEmpty ? nil : name, author: nil, date: nil, isPrivate: eventIsRestricted || isRestricted(report),
                body: withReferencesResolved(content, in: event), isNumbered: true))
        }
    }

    /// An event report's references to the event's parts, MISP's own Markdown (`@[attribute](uuid)`,
    /// `@[object](uuid)`, `@[tag](name)`), as a note shows them: the attribute's value or the
    /// object's name in code, the tag by name. Left as links, they led to nothing.
    static func withReferencesResolved(_ content: String, in event: JSONObject) -> String {
        guard content.contains("@[") else { return content }
        var names: [String: String] = [:]
        for node in event.array("Attribute") {
            if let attribute = node.value.objectValue, let uuid = attribute.string("uuid"), let value = attribute.text("value") { names[uuid.lowercased()] = value }
        }
        for node in event.array("Object") {
            guard let object = node.value.objectValue else { continue }
            if let uuid = object.string("uuid"), let name = object.string("name") { names[uuid.lowercased()] = name }
            for inner in object.array("Attribute") {
                if let attribute = inner.value.objectValue, let uuid = attribute.string("uuid"), let value = attribute.text("value") { names[uuid.lowercased()] = value }
            }
        }
        return content.replacing(/@\[([a-z-]+)\]\(([^)\s]*)\)/) { match in
            let (kind, target) = (String(match.output.1), String(match.output.2))
            let shown = kind == "tag" ? target : names[target.lowercased()] ?? "\(kind) \(target)"
            // In code, with a fence longer than any run of backticks it holds.
            let ticks = String(repeating: "`", count: (shown.split(separator: "`", omittingEmptySubsequences: false).count > 1 ? 2 : 1))
            return ticks + (ticks.count > 1 ? " \(shown) " : shown) + ticks
        }
    }

    /// Distribution 0, "your organisation only", or 4, "sharing group" (the members of one
    /// group), of an event, object or attribute: not for a public site. So is a distribution MISP
    /// does not have (`"O"`, `-1`): what its writer meant is unknown, and the safe side is private.
    /// One not given is the event's (or inherited, 5).
    static func isRestricted(_ item: JSONObject) -> Bool {
        guard let distribution = item.text("distribution")?.trimmingCharacters(in: .whitespaces) else { return false }
        return !["1", "2", "3", "5"].contains(distribution)
    }

    /// What an attribute takes from the event or object it is in.
    struct Container {
        /// The object's name; nil for an attribute of the event itself.
        var object: String?
        /// Distribution 0 (your organisation only) or 4 (a sharing group) of the event or the object.
        var isRestricted: Bool
        /// The object's first and last sighting: its attributes' own when they state none.
        var firstSeen: String?
        var lastSeen: String?
        /// The object's comment (`dropper file`): the comment of each of its attributes that
        /// has none of its own.
        var comment: String?
    }

    /// An object's `first_seen` (or `last_seen`), else its `first-seen` (`last-seen`) datetime
    /// attribute, as objects such as `ip-port` write it.
    static func sighting(of object: JSONObject, key: String, relation: String, into collector: inout ImportCollector) -> String? {
        if object.string(key) != nil { return collector.date(object.string(key), field: key, at: object.position(key)) }
        let attribute = object.array("Attribute").lazy.compactMap(\.value.objectValue)
            .first { $0.string("object_relation")?.lowercased() == relation && $0.string("type") == "datetime" }
        return collector.date(attribute?.string("value"), field: relation, at: attribute?.position("value"))
    }

    /// One attribute of an event or object.
    static func readAttribute(_ node: JSONNode, in container: Container, into collector: inout ImportCollector) {
        guard let attribute = node.value.objectValue else {
            collector.skip(node.value.kindName, "an attribute must be an object", at: node.position)
            return
        }
        guard let type = attribute.string("type"), let value = attribute.text("value") else {
            collector.skip(attribute.text("value") ?? "attribute", "an attribute needs a \"type\" and a \"value\"", at: node.position)
            return
        }
        let position = attribute.position("value") ?? node.position
        if attribute.flag("deleted") == true {
            collector.skip(value, "deleted in MISP", at: position)
            return
        }
        var details = ImportCollector.Details()
        // Distribution 0 or 4 (its own, or its event's or object's): kept out of public output.
        let restricted = container.isRestricted || isRestricted(attribute)
        for (tag, isLocal) in taggings(of: attribute, listKey: "Tag", linkKey: "AttributeTag") {
            // The TLP:GREEN of an attribute kept in (what dossier's export marks private material
            // with) is its privacy, which the distribution says: no tag of its own.
            if restricted, TLP(named: tag) == TLP.privateMaterial { continue }
            if let stated = MISPTypes.classification(fromTag: tag) {
                details.classification = stated
            } else {
                details.tags.append(tag)
                if isLocal { collector.localTag(tag) }
            }
        }
        details.comment = [attribute.string("comment")?.trimmingSpaces, container.comment].lazy.compactMap { $0 }.first { !$0.isEmpty }
        // An IDS flag on what is not classified malicious has no place in dossier (whose MISP
        // export flags the malicious ones): said by `dossier import`, which knows what the
        // workspace's tags imply, not dropped unsaid.
        details.flaggedForIDS = attribute.flag("to_ids") == true || attribute.string("to_ids").map({ ["1", "true"].contains($0.lowercased()) }) == true
        // (A tlp: tag above clear makes a value private too: the collector's rule, for every format.)
        if restricted { details.privateFlag = true }
        details.firstSeen = collector.date(attribute.string("first_seen"), field: "first_seen", at: attribute.position("first_seen"))
            ?? container.firstSeen
        details.lastSeen = collector.date(attribute.string("last_seen"), field: "last_seen", at: attribute.position("last_seen"))
            ?? container.lastSeen
        let relation = attribute.string("object_relation")?.lowercased()
        if container.object != nil, let relation {
            // In a MISP object, a file's path is a `text` attribute with the relation `path`.
            if ["path", "fullpath", "file-path"].contains(relation), ["text", "filename"].contains(type) {
                collector.add(value, as: .filepath, details: details, at: position)
                return
            }
            if ["first-seen", "last-seen"].contains(relation), type == "datetime" {
                collector.skip(value, "the \(relation) of a MISP object dates its indicators; it is no indicator", at: position)
                return
            }
        }
        let context = container.object.map { "\($0) object" } ?? attribute.string("category")
        MISPAttributeReader.add(type: type, value: value, details: details, context: context, at: position, into: &collector)
    }

    /// Tag names of an event or attribute: `"Tag": [{"name": ...}]`, `"EventTag"`/`"AttributeTag":
    /// [{"Tag": {"name": ...}}]`, and the `tag_name` of galaxy clusters.
    static func tags(of object: JSONObject, listKey: String, linkKey: String) -> [String] {
        taggings(of: object, listKey: listKey, linkKey: linkKey).map(\.name)
    }

    /// The same, each with whether MISP keeps it to its own instance: a tag or tagging marked
    /// `"local": true` (or 1), a galaxy cluster so marked or of distribution 0 or 4. A name given
    /// twice is local only when every giving of it is.
    static func taggings(of object: JSONObject, listKey: String, linkKey: String) -> [(name: String, isLocal: Bool)] {
        var found: [(name: String, isLocal: Bool)] = []
        func add(_ name: String?, local: Bool) {
            guard let name = name?.trimmingSpaces, !name.isEmpty else { return }
            if let i = found.firstIndex(where: { Tag.key($0.name) == Tag.key(name) }) {
                found[i].isLocal = found[i].isLocal && local
            } else {
                found.append((name, local))
            }
        }
        for tag in object.array(listKey).compactMap(\.value.objectValue) { add(tag.string("name"), local: tag.flag("local") == true) }
        for link in object.array(linkKey).compactMap(\.value.objectValue) {
            add(link.object("Tag")?.string("name"), local: link.flag("local") == true || link.object("Tag")?.flag("local") == true)
        }
        for galaxy in object.array("Galaxy") {
            for cluster in (galaxy.value.objectValue?.array("GalaxyCluster") ?? []).compactMap(\.value.objectValue) {
                add(cluster.string("tag_name"), local: cluster.flag("local") == true || isRestricted(cluster))
            }
        }
        return found
    }
}
