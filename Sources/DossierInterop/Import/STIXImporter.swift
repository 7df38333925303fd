import DossierCore

/// STIX 2.1 JSON: a bundle, a single object, or an array of objects.
///
/// - `indicator`: the values of its pattern (`STIXPatternValues`), private when it says
///   `x_dossier_private: true` (dossier's internal exports) or has a label that keeps it
///   unpublished (`private`, `draft`: `STIXTerms.privateFlag`); `labels` become tags, and so
///   do `indicator_types`, except the four that state a classification (`malicious-activity`,
///   `anomalous-activity`, `benign`, `unknown`), which set it; `name` and `description` are the
///   comment (`name: description`; a name that is the value says nothing); the description of its
///   external reference `dossier source` (dossier's internal export) is the indicator's `source`,
///   and a label `dossier:source="..."` too (`SourceTag`).
/// - cyber-observable objects: their values (`STIXObservableReader`).
/// - `vulnerability` with a CVE id: a `cve` indicator.
/// - `report`: its labels are the file's project tags; it and `note` objects go to the note; a
///   report with `x_dossier_private: true` (a private project's) or labelled private makes
///   everything imported private, and a note so marked is private.
/// - TLP markings (1.0 and 2.0 ids, or marking definitions in the file that state a TLP), of whole
///   objects or granular: the most restrictive is the file's TLP, and an object's own marks the
///   values read from it, the file's those of an object with none (a bundle of CLEAR and RED
///   objects is not all RED); a value given by several objects has the strictest.
/// - everything else (relationships other than `based-on`, identities, malware, campaigns...)
///   is counted as unrepresentable.
enum STIXImporter {
    /// True when `root` looks like STIX: a bundle, or objects with STIX ids (`type--uuid`).
    static func recognizes(_ root: JSONNode) -> Bool {
        func isObject(_ value: JSONValue) -> Bool {
            guard let object = value.objectValue, let type = object.string("type") else { return false }
            return type == "bundle" || object.string("id")?.hasPrefix(type + "--") == true
        }
        if let elements = root.value.arrayValue { return !elements.isEmpty && elements.allSatisfy { isObject($0.value) } }
        return isObject(root.value)
    }

    static func read(_ root: JSONNode, into collector: inout ImportCollector) {
        let nodes: [JSONNode]
        switch root.value {
        case .object(let object) where object.string("type") == "bundle" || (object["objects"] != nil && object.string("type") == nil):
            nodes = object.array("objects")
        case .object(let object) where object.string("type") != nil:
            nodes = [root]
        case .array(let elements):
            nodes = elements
        default:
            collector.error("not STIX: expected a bundle ({\"type\": \"bundle\", \"objects\": [...]}) or a STIX object", at: root.position)
            return
        }
        let objects = nodes.compactMap(\.value.objectValue)
        // STIX versions an object by its `modified`: of the objects with one id, the newest is
        // the object (the last written of equals); the others are its history.
        var newest: [String: (node: Int, modified: Instant?)] = [:]
        for (place, node) in nodes.enumerated() {
            guard let object = node.value.objectValue, let id = object.string("id"), let text = object.string("modified") else { continue }
            let modified = Instant(text)
            if let known = newest[id], let a = known.modified, let b = modified, b < a { continue }
            newest[id] = (place, modified)
        }
        var byID = Dictionary(objects.compactMap { o in o.string("id").map { ($0, o) } }, uniquingKeysWith: { a, _ in a })
        for (id, kept) in newest { byID[id] = nodes[kept.node].value.objectValue }
        let observables = STIXObservableReader(objects: byID)
        let (levels, unread) = readMarkings(objects, into: &collector)
        let (restricting, undefined) = restrictingMarkings(objects, levels: levels, into: &collector)
        // A statement that keeps what it marks private was read: not so one the file does not
        // define (read as private, unread).
        let unrepresented = unread.subtracting(restricting.subtracting(undefined))
        if !unrepresented.isEmpty { collector.unrepresentable("marking other than TLP", count: unrepresented.count) }
        var warnedProperties: Set<String> = []
        // When each indicator was seen, from the sightings of it, wherever they stand in the bundle.
        // An older version of an object the bundle holds again says nothing (its newest does).
        func isOlderVersion(_ object: JSONObject, at place: Int) -> Bool {
            object.string("id").flatMap { newest[$0] }.map { $0.node != place } ?? false
        }
        var seen: [String: (first: String?, last: String?)] = [:]
        for (place, node) in nodes.enumerated() {
            guard let object = node.value.objectValue, object.string("type") == "sighting", !isOlderVersion(object, at: place),
                  let indicator = object.string("sighting_of_ref") else { continue }
            let first = collector.date(object.string("first_seen"), field: "first_seen", at: object.position("first_seen"))
            let last = collector.date(object.string("last_seen"), field: "last_seen", at: object.position("last_seen"))
            seen[indicator] = (ISODate.earlier(seen[indicator]?.first, first), ISODate.later(seen[indicator]?.last, last))
        }
        // When each observable was observed, from the observed-data objects that hold or name it.
        var observed: [String: (first: String?, last: String?)] = [:]
        var observedHere: [Int: (first: String?, last: String?)] = [:]
        for (place, node) in nodes.enumerated() {
            guard let object = node.value.objectValue, object.string("type") == "observed-data", !isOlderVersion(object, at: place) else { continue }
            let first = collector.date(object.string("first_observed"), field: "first_observed", at: object.position("first_observed"))
            let last = collector.date(object.string("last_observed"), field: "last_observed", at: object.position("last_observed"))
            observedHere[place] = (first, last)
            for id in object.strings("object_refs") {
                observed[id] = (ISODate.earlier(observed[id]?.first, first), ISODate.later(observed[id]?.last, last))
            }
        }
        // The notes about a report (dossier's export writes a project's notes so), by id, with
        // their place among them: each is a note of the project.
        var notesAboutReports: [String: (position: Int, count: Int)] = [:]
        let aboutReports = nodes.compactMap(\.value.objectValue).filter { note in
            note.string("type") == "note" && note.strings("object_refs").contains { $0.hasPrefix("report--") }
        }.compactMap { $0.string("id") }
        for (position, id) in aboutReports.enumerated() { notesAboutReports[id] = (position, aboutReports.count) }
        for (place, node) in nodes.enumerated() {
            guard let object = node.value.objectValue, let type = object.string("type") else {
                collector.skip(node.value.kindName, "a STIX object must be a JSON object with a \"type\"", at: node.position)
                continue
            }
            if isOlderVersion(object, at: place), let id = object.string("id") {
                collector.skip(id, "an older version of an object the bundle holds again (the newest by \"modified\" is read)", at: node.position)
                continue
            }
            // What each object gives is marked by its own markings, else the file's (STIX has no
            // marking of a bundle: the strictest of its objects' stands for it).
            collector.marking = ownTLP(of: object, levels: levels) ?? collector.result.projectTLP
            collector.keepsIn = keepsIn(object, restricting: restricting, warned: &warnedProperties, into: &collector)
            defer {
                collector.marking = nil
                collector.keepsIn = false
            }
            switch type {
            case "indicator": readIndicator(object, at: node.position, seen: object.string("id").flatMap { seen[$0] }, into: &collector)
            // A vulnerability object, as an observable, may restate an indicator's CVE.
            case "vulnerability": collector.restating { readVulnerability(object, at: node.position, into: &$0) }
            case "report", "note": readText(object, type: type, notesAbout: notesAboutReports, into: &collector)
            case "marking-definition", "extension-definition", "sighting": break
            case "relationship" where object.string("relationship_type") == "based-on": break
            case "observed-data":
                // STIX 2.0 style: the observables embedded in the object.
                collector.restating { collector in
                    for member in object.object("objects")?.members ?? [] {
                        if let sco = member.value.value.objectValue {
                            observables.read(sco, at: member.value.position, seen: observedHere[place], into: &collector)
                        }
                    }
                }
            default:
                if STIXObservableReader.types.contains(type) {
                    collector.restating { observables.read(object, at: node.position, seen: object.string("id").flatMap { observed[$0] }, into: &$0) }
                } else {
                    collector.unrepresentable("\(type) object")
                }
            }
        }
    }

    /// - Parameter seen: when its sightings first and last saw it.
    static func readIndicator(_ object: JSONObject, at position: SourcePosition, seen: (first: String?, last: String?)? = nil,
        into collector: inout ImportCollector) {
        let patternText = object.string("pattern") ?? ""
        let at = object.position("pattern") ?? position
        if object.flag("revoked") == true { return collector.skip(patternText, "the indicator is revoked", at: at) }
        // Counted once, as skipped (not also as not representable): the figures add up to the file.
        if let language = object.string("pattern_type"), language.lowercased() != "stix" {
            return collector.skip(patternText, "a \(language) pattern, not a STIX one", at: at)
        }
        let pattern: STIXPattern
        do {
            pattern = try STIXPattern.parse(patternText)
        } catch {
            return collector.skip(patternText, "not a valid STIX pattern: \(error.message)", at: at)
        }
        let (values, unrepresentable) = STIXPatternValues.values(of: pattern)
        // A pattern skipped whole is counted once, as skipped; the parts of one partly read, as
        // not representable.
        guard !values.isEmpty else {
            return collector.skip(patternText, "dossier cannot represent this pattern (\(unrepresentable.joined(separator: "; ")))", at: at)
        }
        for kind in unrepresentable { collector.unrepresentable(kind) }
        var details = ImportCollector.Details()
        details.firstSeen = seen?.first
        details.lastSeen = seen?.last
        details.privateFlag = STIXTerms.privateFlag(of: object)
        details.source = source(of: object)
        // STIX 2.0 wrote an indicator's types as its labels (`malicious-activity`); 2.1 writes
        // them apart, and requires a pattern_type, which 2.0 has not.
        let isSTIX20 = object["indicator_types"] == nil && object["pattern_type"] == nil
        let labels = object.strings("labels")
        details.tags = isSTIX20 ? [] : labels
        for type in isSTIX20 ? labels : object.strings("indicator_types") {
            if let stated = STIXTerms.classification(forIndicatorType: type) {
                if details.classification.map({ stated.severity > $0.severity }) ?? true { details.classification = stated }
            } else {
                details.tags.append(type)
            }
        }
        let description = object.string("description")?.trimmingSpaces ?? ""
        let name = object.string("name")?.trimmingSpaces ?? ""
        // A name that is the value (dossier's export names each indicator by it; a URL's pattern
        // holds it as a URI, escaped) says nothing more.
        let namesValue = values.contains { $0.raw == name || $0.type == .url && STIXObservables.uri(name) == $0.raw }
        // Both: the name heads the description, as a title its text (neither is lost).
        let title = namesValue || name.isEmpty || description.hasPrefix(name) ? nil : name
        // A name that ends its own sentence or label (`C2 server:`) is followed by a space alone.
        let joint = title.flatMap(\.last).map { ":.;!?".contains($0) } == true ? " " : ": "
        details.comment = description.isEmpty ? title : title.map { $0 + joint + description } ?? description
        for value in values {
            collector.add(value.type == .url ? STIXObservables.url(fromURI: value.raw) : value.raw, as: value.type, allowed: value.allowed,
                details: details, item: patternText, at: at)
        }
    }

    /// Where an indicator comes from, as dossier's internal export says it: the `description`
    /// of its external reference `dossier source` (a third party's references name what it
    /// refers to, such as an attack pattern, not where the indicator comes from).
    static func source(of object: JSONObject) -> String? {
        let references = object.array("external_references").compactMap { $0.value.objectValue }
        let source = references.first { $0.string("source_name") == STIXTerms.sourceReference }?.string("description")?.trimmingSpaces
        return source?.isEmpty == false ? source : nil
    }

    static func readVulnerability(_ object: JSONObject, at position: SourcePosition, into collector: inout ImportCollector) {
        let references = object.array("external_references").compactMap(\.value.objectValue)
        let cveID = references.first { $0.string("source_name")?.lowercased() == "cve" }?.string("external_id") ?? object.string("name")
        guard let cveID, case .success = Indicators.parse(cveID, as: .cve) else {
            return collector.unrepresentable("vulnerability object without a CVE id")
        }
        var details = ImportCollector.Details()
        details.tags = object.strings("labels")
        details.comment = object.string("description")?.trimmingSpaces
        details.privateFlag = STIXTerms.privateFlag(of: object)
        collector.add(cveID, as: .cve, details: details, at: object.position("name") ?? position)
    }

    /// A report's labels are the file's project tags; its title and description, and the content
    /// of a note about something else, are lines of the import's note. A note about a report (as
    /// dossier exports a project's notes) is a note of the project: its abstract the title, its
    /// author, private when it says so (`x_dossier_private`) or is marked above TLP:CLEAR.
    /// - Parameter notesAbout: the notes about a report, by id, with their place among them.
    static func readText(_ object: JSONObject, type: String, notesAbout: [String: (position: Int, count: Int)] = [:],
        into collector: inout ImportCollector) {
        if type == "report" {
            // A private project's report (dossier's internal export), or one kept in, keeps all of
            // the file private.
            if STIXTerms.privateFlag(of: object) == true || collector.keepsIn { collector.projectVisibility(.private) }
            // A TLP label marks the file, as a MISP event's tag does; so does one its title or
            // description writes (`TLP:AMBER Partner report`), as a text's label does, when no
            // label or TLP marking of STIX's marks the report (beside one, it is a mention).
            let labels = object.strings("labels")
            for label in labels {
                if let tlp = TLP(named: label) { collector.projectTLP(tlp) } else { collector.projectTag(label) }
            }
            let level = (labels.compactMap { TLP(named: $0) } + object.strings("object_marking_refs").compactMap { STIXTerms.knownMarkingIDs[$0] }).max()
            for (key, what) in [("name", "report's name"), ("description", "report's description")] {
                if let text = object.string(key) { collector.titleMarking(text, beside: level, naming: what) }
            }
            let title = object.string("name").map(MISPAttributeReader.escaped) ?? "(untitled)"
            let description = object.string("description").map { " — " + MISPAttributeReader.escaped($0.trimmingSpaces) } ?? ""
            collector.note("- STIX report \"\(title)\"\(description)")
            collector.reportID(object.string("id") ?? "")
        } else if let id = object.string("id"), let place = notesAbout[id], let content = object.string("content") {
            let abstract = object.string("abstract")?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            collector.noteFile(ImportResult.NoteFile(fileName: ImportNote.numberedFileName(abstract.isEmpty ? "note" : abstract, position: place.position, count: place.count),
                title: abstract.isEmpty ? nil : abstract, author: object.strings("authors").first, date: nil,
                isPrivate: STIXTerms.privateFlag(of: object) == true || (collector.marking ?? .clear) > .clear, body: content, isNumbered: true))
        } else if let content = object.string("content")?.trimmingSpaces, !content.isEmpty {
            let abstract = object.string("abstract").map { MISPAttributeReader.escaped($0) + ": " } ?? ""
            // Kept in as a whole note would be when its text writes a marking (`TLP:AMBER`).
            let marked = ImportCollector.isMarked(content)
            collector.note("- STIX note: \(abstract)\(MISPAttributeReader.escaped(content.split(whereSeparator: \.isNewline).joined(separator: " ")))",
                isPrivate: STIXTerms.privateFlag(of: object) == true || marked)
        }
    }

    /// TLPs from the well-known marking ids and from marking definitions in the file that state a
    /// TLP (TLP 1.0 `definition_type: "tlp"`, the TLP 2.0 extension, or a statement that names
    /// one), over every object's
    /// `object_marking_refs` and `granular_markings` (a marking of part of an object, e.g. its
    /// pattern, marks what dossier takes from it).
    /// The TLP:GREEN of an object dossier's export marks private (`x_dossier_private`) is what it
    /// marks private material with (`TLP.privateMaterial`): that object is read as private, as
    /// the property says, not the whole file as marked.
    /// Returns the TLP of each marking definition, by id (`ownTLP` reads an object's by them), and
    /// the other markings objects name (`restrictingMarkings` reads some of them).
    static func readMarkings(_ objects: [JSONObject], into collector: inout ImportCollector) -> (levels: [String: TLP], unread: Set<String>) {
        var levels = STIXTerms.knownMarkingIDs
        for object in objects where object.string("type") == "marking-definition" {
            guard let id = object.string("id") else { continue }
            // TLP 1.0's definition, or TLP 2.0's extension.
            let names = [object.string("definition_type") == "tlp" ? object.object("definition")?.string("tlp") : nil,
                         object.object("extensions")?.object(STIXTerms.tlp2Extension)?.string("tlp_2_0")].compactMap { $0 }
            if let tlp = names.lazy.compactMap(STIXTerms.tlp(named:)).first {
                levels[id] = tlp
            } else if let name = names.first {
                // A TLP marking whose level dossier cannot read (`unclear`): its author meant the
                // data kept in, so it is read on the safe side.
                let level = TLP.levelOfUnreadMarking("tlp:" + name) ?? .red
                collector.warning("marking \(id) is a TLP marking of a level dossier cannot read (\"\(name)\"); read as \(level.label), the safe side",
                    at: object.position("definition") ?? object.position("extensions"))
                levels[id] = level
            } else if object.string("definition_type") == "statement", let statement = object.object("definition")?.string("statement"),
                let tlp = TLP.strictestLabel(in: statement)
            {
                // A statement that names a TLP (`TLP:AMBER - Copyright ACME`) marks what it is
                // on as that level: its author meant it kept in.
                levels[id] = tlp
            }
        }
        var unknown: Set<String> = []
        for object in objects {
            let granular = object.array("granular_markings").compactMap { $0.value.objectValue?.string("marking_ref") }
            let isPrivate = STIXTerms.privateFlag(of: object) == true
            for ref in object.strings("object_marking_refs") + granular {
                guard let tlp = levels[ref] else {
                    unknown.insert(ref)
                    continue
                }
                if !(isPrivate && tlp == TLP.privateMaterial) { collector.projectTLP(tlp) }
            }
        }
        return (levels, unknown)
    }

    /// The marking definitions that keep what they mark unpublished though they name no TLP: a
    /// statement that restricts (`Internal use only - do not distribute`, `Confidential`; not
    /// `Copyright 2026 ACME`), and a marking the file neither defines nor is a TLP of STIX's (its
    /// author meant something, which dossier cannot read: the safe side) nor a well-known open one
    /// (`STIXTerms.openMarkingIDs`: ATT&CK's copyright), said once each. Returns them, and those
    /// of them the file does not define.
    static func restrictingMarkings(_ objects: [JSONObject], levels: [String: TLP], into collector: inout ImportCollector)
        -> (restricting: Set<String>, undefined: Set<String>) {
        var restricting: Set<String> = []
        var defined: Set<String> = []
        for object in objects where object.string("type") == "marking-definition" {
            guard let id = object.string("id") else { continue }
            defined.insert(id)
            guard levels[id] == nil, let statement = object.object("definition")?.string("statement") ?? object.string("name"),
                  HidingKeys.restrictsSharing(statement: statement) else { continue }
            restricting.insert(id)
            collector.warning("marking \(id) restricts what it marks (\"\(statement)\"): each object it marks is read as private", at: object.position("definition"))
        }
        var undefined: [String] = []
        for object in objects {
            let granular = object.array("granular_markings").compactMap { $0.value.objectValue?.string("marking_ref") }
            for ref in object.strings("object_marking_refs") + granular
            where levels[ref] == nil && !defined.contains(ref) && !restricting.contains(ref) && !STIXTerms.openMarkingIDs.contains(ref) {
                restricting.insert(ref)
                undefined.append(ref)
            }
        }
        if let first = undefined.first {
            collector.warning("marking \(first)\(undefined.count > 1 ? " and \(undefined.count - 1) more" : "") not defined in the file: each object so marked is read as private, the safe side", at: nil)
        }
        return (restricting, Set(undefined))
    }

    /// True when `object` is kept unpublished as a whole: marked by a restricting marking
    /// (`restrictingMarkings`), labelled PAP:RED, or above TLP:CLEAR (a note or another object
    /// whose labels are no indicator's tags; a report's TLP label marks the file), or given a
    /// custom property that says so (`x_acme_private: true`, `x_tlp: "amber"`,
    /// read as the loader reads an unknown field: `HidingKeys`), said once per property name.
    static func keepsIn(_ object: JSONObject, restricting: Set<String>, warned: inout Set<String>, into collector: inout ImportCollector) -> Bool {
        let granular = object.array("granular_markings").compactMap { $0.value.objectValue?.string("marking_ref") }
        if (object.strings("object_marking_refs") + granular).contains(where: restricting.contains) { return true }
        let labels = object.strings("labels")
        if labels.contains(where: PAP.isRed) { return true }
        if object.string("type") != "report", TLP.marked(by: labels).map({ $0 > .clear }) == true { return true }
        for member in object.members where member.key.hasPrefix("x_") && member.key != STIXTerms.privateProperty {
            guard HidingKeys.hides(member, near: nil) else { continue }
            if warned.insert(member.key).inserted {
                collector.warning("property \"\(member.key)\" keeps what it is on unpublished: each object that has it so is read as private", at: member.keyPosition)
            }
            return true
        }
        return false
    }

    /// The most restrictive TLP of `object`'s own markings, whole or granular; nil when it has
    /// none (the file's marks it). The TLP:GREEN of an object dossier's export marks private is
    /// its privacy, not a marking (`readMarkings`).
    static func ownTLP(of object: JSONObject, levels: [String: TLP]) -> TLP? {
        let granular = object.array("granular_markings").compactMap { $0.value.objectValue?.string("marking_ref") }
        let isPrivate = STIXTerms.privateFlag(of: object) == true
        return (object.strings("object_marking_refs") + granular).compactMap { levels[$0] }
            .filter { !(isPrivate && $0 == TLP.privateMaterial) }.max()
    }
}
