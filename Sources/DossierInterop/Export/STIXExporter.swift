import DossierCore

/// A STIX 2.1 bundle of one project, valid for the OASIS `stix2-validator`:
///
/// - the project's TLP as the OASIS TLP 2.0 `marking-definition`, referenced by every object;
/// - an `identity` for the workspace (the creator of every object);
/// - the project as a `report` (title, summary, tags as `labels`) referring to everything else;
/// - per indicator: an `indicator` (`name` the value, `description` the comment, the classification
///   as `indicator_types`, tags as `labels`, `valid_from` the first sighting), its observables
///   (`STIXObservables`) with a `based-on` relationship to each; a CVE is a `vulnerability`.
///
/// Ids are version 5 UUIDs of the content they stand for (observables as §2.9 prescribes), and
/// timestamps come from the project's dates, else the Unix epoch: the same project always gives
/// the same bundle.
enum STIXExporter {
    static func export(_ context: ExportContext) -> [UInt8] {
        let project = context.project
        let created = context.created.stix
        let modified = context.modified.stix
        let marking = STIXTerms.tlp2MarkingID(project.tlp)
        let identityID = "identity--" + UUIDv5.make("identity|" + context.workspaceTitle)

        /// The properties every domain object and relationship starts with.
        func common(_ type: String, _ id: String) -> JSONObject {
            JSONObject(["type": type, "spec_version": "2.1", "id": id, "created_by_ref": identityID, "created": created, "modified": modified])
        }

        var indicators: [JSONObject] = []
        var observables: [JSONObject] = []
        var observableIDs: Set<String> = []
        var vulnerabilities: [JSONObject] = []
        var relationships: [JSONObject] = []
        for indicator in context.indicators {
            let indicatorID = "indicator--" + UUIDv5.make("indicator|\(project.slug)|\(indicator.type.rawValue)|\(indicator.value)")
            var object = common("indicator", indicatorID)
            object.put("name", indicator.value)
            object.put("description", indicator.comment)
            object.put("indicator_types", strings: [STIXTerms.indicatorType(for: context.classification(of: indicator))])
            object.put("pattern", STIXObservables.pattern(for: indicator))
            object.put("pattern_type", "stix")
            object.put("pattern_version", "2.1")
            object.put("valid_from", indicator.firstSeen.flatMap(Instant.init)?.stix ?? created)
            object.put("labels", strings: indicator.tags)
            object.put("object_marking_refs", strings: [marking])
            indicators.append(object)

            var targets: [String] = []
            for observable in STIXObservables.objects(for: indicator, markings: [marking]) {
                guard let id = observable.string("id") else { continue }
                targets.append(id)
                if observableIDs.insert(id).inserted { observables.append(observable) }
            }
            if indicator.type == .cve {
                let id = "vulnerability--" + UUIDv5.make("vulnerability|\(project.slug)|\(indicator.value)")
                var vulnerability = common("vulnerability", id)
                vulnerability.put("name", indicator.value)
                vulnerability.put("description", indicator.comment)
                vulnerability.put("labels", strings: indicator.tags)
                vulnerability.put("external_references", objects: [JSONObject(["source_name": "cve", "external_id": indicator.value])])
                vulnerability.put("object_marking_refs", strings: [marking])
                vulnerabilities.append(vulnerability)
                targets.append(id)
            }
            for target in targets {
                var relationship = common("relationship", "relationship--" + UUIDv5.make("based-on|\(indicatorID)|\(target)"))
                relationship.put("relationship_type", "based-on")
                relationship.put("source_ref", indicatorID)
                relationship.put("target_ref", target)
                relationship.put("object_marking_refs", strings: [marking])
                relationships.append(relationship)
            }
        }

        let content = indicators + observables + vulnerabilities + relationships
        var report = common("report", "report--" + UUIDv5.make("report|" + project.slug))
        report.put("name", project.title)
        report.put("description", project.summary)
        report.put("report_types", strings: ["threat-report"])
        report.put("published", modified)
        // A report must refer to at least one object; an empty project refers to its author.
        let refs = content.compactMap { $0.string("id") }
        report.put("object_refs", strings: refs.isEmpty ? [identityID] : refs)
        report.put("labels", strings: project.tags)
        report.put("object_marking_refs", strings: [marking])

        // One identity for every project of the workspace, so its versions must not differ: the epoch.
        let epoch = Instant.epoch.stix
        var identity = JSONObject(["type": "identity", "spec_version": "2.1", "id": identityID, "created": epoch, "modified": epoch])
        identity.put("name", context.workspaceTitle)
        identity.put("identity_class", "organization")
        identity.put("object_marking_refs", strings: [marking])

        let objects = [markingDefinition(project.tlp), identity, report] + content
        // The bundle's id stands for its whole content: it changes exactly when the bundle does.
        // It is the hash of the objects' bytes as they stand in the bundle, so they are written once.
        let objectBytes = JSONWriter.write(JSONNode(.array(objects.map { JSONNode(.object($0)) })), indent: 1)
        let bundleID = "bundle--" + UUIDv5.make(bytes: Array("bundle|".utf8) + objectBytes)
        var bundle = Array("{\n  \"type\": \"bundle\",\n  \"id\": \"\(bundleID)\",\n  \"objects\": ".utf8)
        bundle += objectBytes
        bundle += Array("\n}\n".utf8)
        return bundle
    }

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
}
