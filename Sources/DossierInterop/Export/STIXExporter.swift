import DossierCore

/// A STIX 2.1 bundle of one project, valid for the OASIS `stix2-validator`:
///
/// - the OASIS TLP 2.0 `marking-definition` of each level the bundle uses, each object referring
///   to its own (`ExportContext.tlp(of:)`): the project's TLP for the identity and the report, an
///   indicator's for it and all that is made of it (its observables, relationships, sighting,
///   vulnerability), raised by its own `tlp:` tag, and to TLP:GREEN at least when it is private;
///   an observable that several indicators share takes the least strict (the indicator of that
///   level shows it in its pattern);
/// - an `identity` for the workspace (the creator of every object);
/// - the project as a `report` (title, summary, tags as `labels`) referring to everything else;
/// - per indicator: an `indicator` (`name` the value, `description` the comment, the classification
///   as `indicator_types`, tags as `labels`, `valid_from` the first sighting, in an internal export
///   the `source` as the `description` of its external reference `dossier source`), a `sighting` of it
///   with `first_seen` and `last_seen` when it has either (what readers of sightings, and dossier's
///   import, take them from), its observables
///   (`STIXObservables`) with a `based-on` relationship to each; a CVE is a `vulnerability`; a
///   private one (internal exports only) has `x_dossier_private: true`, a top-level property of
///   dossier's extension, whose definition the bundle then holds, and so has all that is made of
///   it (an observable when every indicator it stands for is private); so has the report of a
///   private project, which keeps everything in it private;
/// - the notes the audience sees, each a `note` about the report (its title the `abstract`, its
///   Markdown the `content`, its author), when the whole project is exported; a private note of a
///   public project (internal only) is marked private, and TLP:GREEN at least.
///
/// Ids are version 5 UUIDs of the content they stand for (observables as §2.9 prescribes), and
/// timestamps come from the project's dates, else the Unix epoch: the same project always gives
/// the same bundle.
///
/// The bundle is written as it is made (`JSONStream`), not built as a tree first: a project of
/// 100,000 indicators gives some 400,000 objects.
enum STIXExporter {
    /// One indicator's objects, named before any is written: the report lists every id first.
    private struct Planned {
        var indicator: Indicator
        var id: String
        /// Its observables' ids, then its vulnerability's: what it is based on.
        var targets: [String]
        var vulnerability: String?
        /// When it was first and last seen, if at all: a sighting's id and its two ends.
        var sighting: (id: String, first: Instant?, last: Instant?)?
        /// Its marking (`ExportContext.tlp(of:)`), for it and all that is made of it.
        var tlp: TLP
    }

    /// An observable, with the least strict marking of the indicators it stands for (what one
    /// of them shows, it shows at its level) and whether every one of them is private.
    private struct Observable {
        var object: JSONObject
        var tlp: TLP
        var isPrivate: Bool
    }

    static func export(_ context: ExportContext) -> [UInt8] {
        let project = context.project
        let created = context.created.stix
        let modified = context.modified.stix
        // The list each object refers to, by level, made once rather than per object.
        let markings = Dictionary(uniqueKeysWithValues: TLP.allCases.map { ($0, [STIXTerms.tlp2MarkingID($0)]) })
        let projectTLP = context.projectTLP
        let indicatorTypes = Dictionary(uniqueKeysWithValues: Classification.allCases.map { ($0, [STIXTerms.indicatorType(for: $0)]) })
        let identityID = "identity--" + UUIDv5.make("identity|" + context.workspaceTitle)

        var planned: [Planned] = []
        var observables: [Observable] = []
        var observablePlaces: [String: Int] = [:]
        for indicator in context.indicators {
            let id = "indicator--" + UUIDv5.make("indicator|\(project.slug)|\(indicator.type.rawValue)|\(indicator.value)")
            let tlp = context.tlp(of: indicator)
            var targets: [String] = []
            for observable in STIXObservables.objects(for: indicator, markings: markings[tlp]!) {
                guard let observableID = observable.string("id") else { continue }
                targets.append(observableID)
                if let place = observablePlaces[observableID] {
                    observables[place].tlp = min(observables[place].tlp, tlp)
                    observables[place].isPrivate = observables[place].isPrivate && indicator.isPrivate
                } else {
                    observablePlaces[observableID] = observables.count
                    observables.append(Observable(object: observable, tlp: tlp, isPrivate: indicator.isPrivate))
                }
            }
            var vulnerability: String?
            if indicator.type == .cve {
                vulnerability = "vulnerability--" + UUIDv5.make("vulnerability|\(project.slug)|\(indicator.value)")
                targets.append(vulnerability!)
            }
            var sighting: (id: String, first: Instant?, last: Instant?)?
            let first = indicator.firstSeen.flatMap(Instant.init)
            // STIX wants a sighting's last_seen at or after its first_seen (check warns of the other).
            let last = indicator.lastSeen.flatMap(Instant.init).flatMap { last in first.map { last < $0 } == true ? nil : last }
            if first != nil || last != nil {
                sighting = ("sighting--" + UUIDv5.make("sighting|\(project.slug)|\(indicator.type.rawValue)|\(indicator.value)"), first, last)
            }
            planned.append(Planned(indicator: indicator, id: id, targets: targets, vulnerability: vulnerability, sighting: sighting, tlp: tlp))
        }
        // Each by its indicator's place in `planned`: a million relationships hold no copy of one.
        let relationships = planned.indices.flatMap { place in
            planned[place].targets.map { (source: place, target: $0, id: "relationship--" + UUIDv5.make("based-on|\(planned[place].id)|\($0)")) }
        }
        let content = planned.map(\.id) + observables.compactMap { $0.object.string("id") } + planned.compactMap(\.vulnerability)
            + relationships.map(\.id) + planned.compactMap(\.sighting?.id)
        // The notes, each a `note` about the report; a private one is private material.
        let notes = context.notes.map { note, isPrivate in
            (note: note, id: "note--" + UUIDv5.make("note|\(project.slug)|\(note.fileName)"), isPrivate: isPrivate,
                tlp: isPrivate ? max(projectTLP, TLP.privateMaterial) : projectTLP)
        }

        /// The properties every domain object and relationship starts with: all but its id are
        /// the same throughout the bundle for objects of a type, and are laid out once.
        func prepared(_ write: (inout JSONStream) -> Void) -> JSONStream.PreparedMembers {
            JSONStream.prepare(objectDepth: Self.objectDepth, write)
        }
        func head(_ type: String) -> JSONStream.PreparedMembers {
            prepared { $0.member("type", type); $0.member("spec_version", "2.1") }
        }
        let heads = (report: head("report"), indicator: head("indicator"), vulnerability: head("vulnerability"),
            relationship: head("relationship"), sighting: head("sighting"), note: head("note"))
        let tail = prepared { stream in
            stream.member("created_by_ref", identityID)
            stream.member("created", created)
            stream.member("modified", modified)
        }
        let patternLanguage = prepared { $0.member("pattern_type", "stix"); $0.member("pattern_version", "2.1") }
        let basedOn = prepared { $0.member("relationship_type", "based-on") }
        let markingMembers = markings.mapValues { refs in prepared { $0.member("object_marking_refs", strings: refs) } }
        func common(_ stream: inout JSONStream, _ head: JSONStream.PreparedMembers, _ id: String) {
            stream.members(head)
            stream.member("id", id)
            stream.members(tail)
        }

        // The bundle's head, its id left blank until the objects after it are written.
        var stream = JSONStream(indent: 1, capacity: 2048 * (planned.count + 4))
        let idStart = Self.bundleHead.count
        stream.raw(Self.bundleHead)
        stream.raw(repeatElement(UInt8(ascii: "0"), count: Self.uuidLength))
        stream.raw(Self.bundleObjectsKey)
        let objectsStart = stream.bytes.count
        stream.beginArray()
        // Each level used, least restricted first.
        for tlp in Set([projectTLP] + planned.map(\.tlp) + notes.map(\.tlp)).sorted() { stream.value(.object(markingDefinition(tlp))) }
        let projectMarkings = markings[projectTLP]!
        // One identity for every project of the workspace, so its versions must not differ: the epoch.
        let epoch = Instant.epoch.stix
        var identity = JSONObject(["type": "identity", "spec_version": "2.1", "id": identityID, "created": epoch, "modified": epoch])
        identity.put("name", context.workspaceTitle)
        identity.put("identity_class", "organization")
        identity.put("object_marking_refs", strings: projectMarkings)
        stream.value(.object(identity))
        let isPrivateProject = project.visibility == .private
        if isPrivateProject || context.indicators.contains(where: \.isPrivate) || notes.contains(where: \.isPrivate) {
            stream.value(.object(privateExtension(author: identityID, created: epoch, markings: projectMarkings)))
        }

        stream.beginObject()
        common(&stream, heads.report, reportID(slug: project.slug, part: context.part))
        stream.member("name", context.title)
        stream.member("description", project.summary)
        stream.member("report_types", strings: ["threat-report"])
        stream.member("published", modified)
        // A report must refer to at least one object; an empty project refers to its author.
        stream.member("object_refs", strings: content.isEmpty ? [identityID] : content)
        stream.member("labels", strings: project.tags)
        if isPrivateProject { privateMark(into: &stream) }
        stream.member("object_marking_refs", strings: projectMarkings)
        stream.endObject()

        for item in planned {
            let indicator = item.indicator
            stream.beginObject()
            common(&stream, heads.indicator, item.id)
            stream.member("name", indicator.value)
            stream.member("description", indicator.comment)
            stream.member("indicator_types", strings: indicatorTypes[context.classification(of: indicator)]!)
            stream.member("pattern", STIXObservables.pattern(for: indicator))
            stream.members(patternLanguage)
            stream.member("valid_from", indicator.firstSeen.flatMap(Instant.init)?.exactSTIX ?? created)
            stream.member("labels", strings: indicator.tags)
            if let source = indicator.source {
                // Its provenance (internal exports only: the audience filter drops it from public
                // ones), as a reference of dossier's own name: a source named `cve` or `capec`
                // would be held to those references' rules, and a third party's references are
                // no source.
                stream.key("external_references")
                stream.value(.array([JSONNode(.object(JSONObject(["source_name": STIXTerms.sourceReference, "description": source])))]))
            }
            privateMark(indicator, into: &stream)
            stream.members(markingMembers[item.tlp]!)
            stream.endObject()
        }
        for var observable in observables {
            // Made with its first indicator's marking: the least strict of all is put in its place.
            observable.object.put("object_marking_refs", strings: markings[observable.tlp]!)
            if observable.isPrivate { privateMark(&observable.object) }
            stream.value(.object(observable.object))
        }
        for item in planned {
            guard let id = item.vulnerability else { continue }
            stream.beginObject()
            common(&stream, heads.vulnerability, id)
            stream.member("name", item.indicator.value)
            stream.member("description", item.indicator.comment)
            stream.member("labels", strings: item.indicator.tags)
            stream.key("external_references")
            stream.value(.array([JSONNode(.object(JSONObject(["source_name": "cve", "external_id": item.indicator.value])))]))
            privateMark(item.indicator, into: &stream)
            stream.members(markingMembers[item.tlp]!)
            stream.endObject()
        }
        for relationship in relationships {
            stream.beginObject()
            common(&stream, heads.relationship, relationship.id)
            stream.members(basedOn)
            let source = planned[relationship.source]
            stream.member("source_ref", source.id)
            stream.member("target_ref", relationship.target)
            privateMark(source.indicator, into: &stream)
            stream.members(markingMembers[source.tlp]!)
            stream.endObject()
        }
        let reportRef = reportID(slug: project.slug, part: context.part)
        for item in notes {
            stream.beginObject()
            common(&stream, heads.note, item.id)
            stream.member("abstract", item.note.displayTitle)
            stream.member("content", item.note.writtenBody)
            if let author = item.note.author, !author.isEmpty { stream.member("authors", strings: [author]) }
            stream.member("object_refs", strings: [reportRef])
            if item.isPrivate { privateMark(into: &stream) }
            stream.members(markingMembers[item.tlp]!)
            stream.endObject()
        }
        for item in planned {
            guard let sighting = item.sighting else { continue }
            stream.beginObject()
            common(&stream, heads.sighting, sighting.id)
            stream.member("first_seen", sighting.first?.exactSTIX)
            stream.member("last_seen", sighting.last?.exactSTIX)
            stream.member("sighting_of_ref", item.id)
            privateMark(item.indicator, into: &stream)
            stream.members(markingMembers[item.tlp]!)
            stream.endObject()
        }
        stream.endArray()

        // The bundle's id stands for its whole content: it changes exactly when the bundle does.
        // It is the hash of the objects' bytes as they stand in the bundle, read in place (a
        // bundle is megabytes) and written into the blank left for it.
        var bundle = stream.takeBytesWithNewline()
        let objectsEnd = bundle.count - 1
        let uuid = bundle.withUnsafeBytes { bytes in
            Self.bundleIDName.withUnsafeBytes { name in
                UUIDv5.make(parts: [name, UnsafeRawBufferPointer(rebasing: bytes[objectsStart..<objectsEnd])])
            }
        }
        bundle.replaceSubrange(idStart..<idStart + Self.uuidLength, with: uuid.utf8)
        bundle.append(contentsOf: "}\n".utf8)
        return bundle
    }

    /// The id of a project's report: the same in every export of it (`part` names the
    /// classifications of a partial one).
    static func reportID(slug: String, part: String) -> String {
        "report--" + UUIDv5.make("report|" + slug + part)
    }

    /// How deep the bundle's objects stand: in its `objects` array, in the bundle.
    private static let objectDepth = 2

    /// The bundle up to its id's UUID, and from the end of the id to its objects.
    private static let bundleHead = Array("{\n  \"type\": \"bundle\",\n  \"id\": \"bundle--".utf8)
    private static let bundleObjectsKey = Array("\",\n  \"objects\": ".utf8)
    /// What a bundle's id is the UUID of, before its objects.
    private static let bundleIDName = Array("bundle|".utf8)
    /// The length of a UUID's text, `8-4-4-4-12`.
    private static let uuidLength = 36

    /// The OASIS TLP 2.0 marking definition of `tlp`, exactly as published.
    static func markingDefinition(_ tlp: TLP) -> JSONObject {
        var object = JSONObject([
            "type": "marking-definition", "spec_version": "2.1", "id": STIXTerms.tlp2MarkingID(tlp),
            "created": STIXTerms.tlp2Created, "name": tlp.label,
        ])
        let level = JSONObject(["extension_type": "property-extension", "tlp_2_0": tlp.rawValue])
        object.put("extensions", .object(JSONObject([JSONObject.Member(key: STIXTerms.tlp2Extension, value: JSONNode(.object(level)))])))
        return object
    }

    /// A private indicator (internal exports only) says so in the top-level property of dossier's
    /// extension (`privateExtension`), which `dossier import` reads back: STIX has no standard
    /// property for it.
    private static func privateMark(_ indicator: Indicator, into stream: inout JSONStream) {
        if indicator.isPrivate { privateMark(into: &stream) }
    }

    private static func privateMark(into stream: inout JSONStream) {
        stream.key("extensions")
        stream.value(.object(privateExtensionUse))
        stream.key(STIXTerms.privateProperty)
        stream.value(.bool(true))
    }

    /// The same on an observable, where STIX wants the property inside the extension (a
    /// property extension).
    private static func privateMark(_ object: inout JSONObject) {
        let property = JSONObject([
            JSONObject.Member(key: "extension_type", value: JSONNode(.string("property-extension"))),
            JSONObject.Member(key: STIXTerms.privateProperty, value: JSONNode(.bool(true))),
        ])
        object.put("extensions", .object(JSONObject([JSONObject.Member(key: STIXTerms.privateExtension, value: JSONNode(.object(property)))])))
    }

    /// An object's `extensions` naming the private extension as used.
    private static let privateExtensionUse = JSONObject([
        JSONObject.Member(key: STIXTerms.privateExtension, value: JSONNode(.object(JSONObject(["extension_type": "toplevel-property-extension"])))),
    ])

    /// The extension definition of `x_dossier_private`, in a bundle that has private objects.
    /// Version 1.1.0 (a later `modified` than 1.0.0's, as STIX versions an object) added reports;
    /// 1.2.0 what is made of a private indicator; 1.3.0 notes.
    private static func privateExtension(author: String, created: String, markings: [String]) -> JSONObject {
        var definition = JSONObject([
            "type": "extension-definition", "spec_version": "2.1", "id": STIXTerms.privateExtension, "created_by_ref": author,
            "created": created, "modified": "2026-12-02T12:00:00.000Z", "name": "dossier private indicator",
            "description": "Marks an indicator, vulnerability or note, or a report and all it refers to, that its dossier workspace keeps out of public output, and what is made of a private indicator.",
            "schema": "A top-level property x_dossier_private: true on an indicator, vulnerability or note object: the object is private to the team that exported it and must not be published; on the relationships and sighting made of a private indicator, and in the property extension of an observable every indicator of which is private: so are they; on a report: so is every object of the report, and the report itself.",
            "version": "1.3.0",
        ])
        definition.put("extension_types", strings: ["toplevel-property-extension", "property-extension"])
        definition.put("extension_properties", strings: [STIXTerms.privateProperty])
        definition.put("object_marking_refs", strings: markings)
        return definition
    }
}
