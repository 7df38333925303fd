import DossierCore

/// A MISP event (`{"Event": {...}}`) of one project, as MISP and PyMISP load it:
///
/// - the event: `info` the title, `date` the creation day, `analysis` from the status, the project
///   TLP (`ExportContext.projectTLP`) as a `tlp:` tag (TLP 2.0 names: `tlp:clear`,
///   `tlp:amber+strict`) and the project tags;
///   `distribution` `3` (all communities) for a public project, `0` (your organisation only) for a
///   private one, which `dossier import` then keeps private;
/// - one attribute per indicator (`MISPTypes.attribute`), with the comment, first and last sighting,
///   the tags, and the classification as the PassiveTotal taxonomy tag `passivetotal:class="..."`
///   (and in an internal export the indicator's `source`, its provenance, as `dossier:source="..."`,
///   which `dossier import` reads back);
///   `to_ids` is set for malicious indicators only, of a type a sensor can match
///   (`MISPTypes.isDetectable`: not `other`, an AS, a CVE, a user agent); an `other` indicator that came from MISP goes
///   back as the MISP type its `misp-type:` tag keeps (`btc`, a `url` without a scheme); a private indicator's `distribution` is `0`
///   (your organisation only), the others inherit the event's (`5`); an attribute whose marking
///   (`ExportContext.tlp(of:)`: raised by the indicator's own `tlp:` tag, TLP:GREEN at least when
///   private) is not the event's has it as its one `tlp:` tag, the event's tag being the
///   project's TLP: one red attribute does not make the whole event red, and private material
///   is never under TLP:CLEAR alone;
/// - the project's notes (those the audience sees) as the event's reports (`EventReport`: the
///   title and the Markdown, a private note of a public project for your organisation only), when
///   the whole project is exported.
///
/// Uuids are version 5 UUIDs of the project and the indicator (a report's, of its note's file
/// name), timestamps the project's dates (else the epoch), so re-exporting an unchanged project
/// gives the same bytes and MISP sees updates of the same attributes rather than new ones.
///
/// The event is written as it is made (`JSONStream`), not built as a tree first.
enum MISPExporter {
    static func export(_ context: ExportContext) -> [UInt8] {
        let project = context.project
        let timestamp = String(context.modified.seconds)
        let eventTLP = context.projectTLP
        var eventTags = [eventTLP.tag]
        for tag in project.tags where TLP.marked(by: [tag]) == nil { eventTags.append(tag) }

        // About 500 bytes per attribute.
        var stream = JSONStream(capacity: 512 * (context.indicators.count + 4))
        stream.beginObject()
        stream.key("Event")
        stream.beginObject()
        for (name, value) in [("uuid", UUIDv5.make("misp-event|" + project.slug + context.part)), ("info", context.title), ("date", context.created.day),
                              ("threat_level_id", "4"), ("analysis", project.status == .closed ? "2" : "1"),
                              ("distribution", project.visibility == .public ? "3" : "0")] {
            stream.member(name, value)
        }
        stream.key("published")
        stream.value(.bool(false))
        stream.member("timestamp", timestamp)
        // Whether a tag is private, asked once per distinct tag (an event's attributes share a
        // few hundred, and the vocabulary reads a long tag word by word).
        var privateTags: [String: Bool] = [:]
        func isPrivate(_ tag: String) -> Bool {
            if let known = privateTags[tag] { return known }
            let answer = context.vocabulary.isPrivate(tag)
            privateTags[tag] = answer
            return answer
        }
        tagObjects(eventTags, isPrivate: isPrivate, into: &stream)
        stream.key("Attribute")
        stream.beginArray()
        for indicator in context.indicators {
            let (type, category, value) = MISPTypes.attribute(for: indicator)
            let classification = context.classification(of: indicator)
            stream.beginObject()
            stream.member("uuid", UUIDv5.make("misp-attribute|\(project.slug)\(context.part)|\(indicator.type.rawValue)|\(indicator.value)"))
            stream.member("type", type)
            stream.member("category", category)
            stream.member("value", value)
            stream.key("to_ids")
            stream.value(.bool(classification == .malicious && MISPTypes.isDetectable(type)))
            stream.member("comment", indicator.comment ?? "")
            // A private indicator (internal exports only) is for "your organisation only": how
            // MISP says it, and how `dossier import` reads it back.
            stream.member("distribution", indicator.isPrivate ? "0" : "5")
            stream.member("timestamp", timestamp)
            let first = indicator.firstSeen.flatMap(Instant.init)
            stream.member("first_seen", first.map(misp))
            // MISP refuses an attribute last seen before it was first seen (check warns of it).
            stream.member("last_seen", indicator.lastSeen.flatMap(Instant.init).flatMap { last in first.map { last < $0 } == true ? nil : last }.map(misp))
            // The `misp-type:` tag an import kept the type in is the type again, not a tag.
            let typeTag = MISPTypes.recordedType(of: indicator)?.tag
            // A marking no consumer can read either (`tlp:unclear`) gives way to the level it is
            // read as: the taxonomy's tag below, or the event's; a tag written as a source's
            // (`dossier:source="x"`) that says the source is written once, below.
            var tags = indicator.tags.filter {
                MISPTypes.classification(fromTag: $0) == nil && $0 != typeTag && TLP.levelOfUnreadMarking($0) == nil
                    && (indicator.source == nil || SourceTag.source(of: $0) != indicator.source)
            }
            let tlp = context.tlp(of: indicator)
            // Its own tag kept where it says the level (in its place, as written); a tag below the
            // event's is kept too, as the indicator's data (the event's tag marks it higher).
            if tlp != eventTLP, TLP.marked(by: tags) != tlp { tags = tags.filter { TLP.marked(by: [$0]) == nil } + [tlp.tag] }
            // Its provenance (internal exports only: the audience filter drops it from public ones),
            // first: an import reads the sources of several source tags in order.
            let source = indicator.source.map { [SourceTag.tag($0)] } ?? []
            tagObjects(source + tags + [MISPTypes.classificationTag(classification)], isPrivate: isPrivate, into: &stream)
            stream.endObject()
        }
        stream.endArray()
        // The notes travel as the event's reports, MISP's Markdown documents.
        let notes = context.notes
        if !notes.isEmpty {
            stream.key("EventReport")
            stream.beginArray()
            for (note, isPrivate) in notes {
                stream.beginObject()
                stream.member("uuid", UUIDv5.make("misp-event-report|\(project.slug)|\(note.fileName)"))
                stream.member("name", note.displayTitle)
                stream.member("content", note.writtenBody)
                // A public project's note kept off the public site (internal exports only) is for
                // "your organisation only", as a private indicator is; a private project's
                // inherits the event's.
                stream.member("distribution", isPrivate && project.visibility == .public ? "0" : "5")
                stream.member("timestamp", timestamp)
                stream.key("deleted")
                stream.value(.bool(false))
                stream.endObject()
            }
            stream.endArray()
        }
        stream.endObject()
        stream.endObject()
        return stream.takeBytesWithNewline()
    }

    /// MISP's `Tag` list: an object with a `name` per tag (kept even when empty). A private tag
    /// of the vocabulary (internal exports only: the audience filter drops it from public ones)
    /// is a local one, which MISP shares with no other instance and `dossier import` keeps off
    /// a public project's public indicators.
    private static func tagObjects(_ names: [String], isPrivate: (String) -> Bool, into stream: inout JSONStream) {
        stream.key("Tag")
        stream.beginArray()
        for name in names {
            stream.beginObject()
            stream.member("name", name)
            if isPrivate(name) {
                stream.key("local")
                stream.value(.bool(true))
            }
            stream.endObject()
        }
        stream.endArray()
    }

    /// MISP's first/last seen form: `2026-10-30T00:00:00.000000+00:00` (to the microsecond).
    static func misp(_ instant: Instant) -> String {
        // The STIX form is ASCII, `2026-10-30T00:00:00.000Z`: its bytes are cut, not its characters.
        let stix = Array(instant.stix.utf8)
        let micro = Array((instant.finerDigits + "000").utf8.prefix(3))
        return String(decoding: stix[0..<19] + [UInt8(ascii: ".")] + stix[20..<23] + micro + Array("+00:00".utf8), as: UTF8.self)
    }
}
