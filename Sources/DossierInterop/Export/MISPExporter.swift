import DossierCore

/// A MISP event (`{"Event": {...}}`) of one project, as MISP and PyMISP load it:
///
/// - the event: `info` the title, `date` the creation day, `analysis` from the status, the project
///   TLP as a `tlp:` tag (TLP 2.0 names: `tlp:clear`, `tlp:amber+strict`) and the project tags;
/// - one attribute per indicator (`MISPTypes.attribute`), with the comment, first and last sighting,
///   the tags, and the classification as the PassiveTotal taxonomy tag `passivetotal:class="..."`;
///   `to_ids` is set for malicious indicators only.
///
/// Uuids are version 5 UUIDs of the project and the indicator, timestamps the project's dates (else
/// the epoch), so re-exporting an unchanged project gives the same bytes and MISP sees updates of
/// the same attributes rather than new ones.
enum MISPExporter {
    static func export(_ context: ExportContext) -> [UInt8] {
        let project = context.project
        let timestamp = String(context.modified.seconds)
        var eventTags = [JSONObject(["name": "tlp:" + project.tlp.rawValue])]
        for tag in project.tags where !tag.lowercased().hasPrefix("tlp:") {
            eventTags.append(JSONObject(["name": tag]))
        }

        let attributes = context.indicators.map { indicator -> JSONObject in
            let (type, category, value) = MISPTypes.attribute(for: indicator)
            let classification = context.classification(of: indicator)
            var attribute = JSONObject([
                "uuid": UUIDv5.make("misp-attribute|\(project.slug)|\(indicator.type.rawValue)|\(indicator.value)"),
                "type": type, "category": category, "value": value,
            ])
            attribute.set("to_ids", .bool(classification == .malicious))
            attribute.put("comment", indicator.comment ?? "")
            attribute.put("distribution", "5")
            attribute.put("timestamp", timestamp)
            attribute.put("first_seen", indicator.firstSeen.flatMap(Instant.init).map(misp))
            attribute.put("last_seen", indicator.lastSeen.flatMap(Instant.init).map(misp))
            let tags = indicator.tags.filter { MISPTypes.classification(fromTag: $0) == nil } + [MISPTypes.classificationTag(classification)]
            attribute.put("Tag", objects: tags.map { JSONObject(["name": $0]) })
            return attribute
        }

        var event = JSONObject([
            "uuid": UUIDv5.make("misp-event|" + project.slug), "info": project.title, "date": context.created.day,
            "threat_level_id": "4", "analysis": project.status == .closed ? "2" : "1", "distribution": "0",
        ])
        event.set("published", .bool(false))
        event.put("timestamp", timestamp)
        event.put("Tag", objects: eventTags)
        event.put("Attribute", objects: attributes)
        var root = JSONObject()
        root.put("Event", .object(event))
        return JSONWriter.write(JSONNode(.object(root)))
    }

    /// MISP's first/last seen form: `2026-10-30T00:00:00.000000+00:00`.
    static func misp(_ instant: Instant) -> String {
        let stix = instant.stix
        return String(stix.prefix(19)) + "." + String(stix.dropFirst(20).prefix(3)) + "000+00:00"
    }
}
