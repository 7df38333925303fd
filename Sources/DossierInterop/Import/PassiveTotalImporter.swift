import DossierCore

/// PassiveTotal (RiskIQ) project and artifact JSON: a project object with `artifacts`, the
/// artifact API's `{"artifacts": [...]}`, an array of artifacts or a single one.
///
/// An artifact's `query` is the value; its `type` (`domain`, `ip`, `email`, `hash`, `url`,
/// `certificate`...) says what it may be; `tags` and `user_tags` become tags; `classification`
/// maps `malicious`, `suspicious`, `non_malicious` and `unknown` to dossier's, and `""` (not
/// classified) to no explicit classification, which reads as unknown unless a vocabulary tag
/// implies one. A project's `visibility` (`public`/`community` → public, `private`/`analyst` or
/// any other value → private) and `tags` are the file's; the artifacts of a private project come
/// in private (`ImportCollector.finish`).
enum PassiveTotalImporter {
    static func recognizes(_ root: JSONNode) -> Bool {
        switch root.value {
        case .object(let object): object["artifacts"]?.value.arrayValue != nil || isArtifact(object)
        case .array(let elements): !elements.isEmpty && elements.allSatisfy { $0.value.objectValue.map(isArtifact) ?? false }
        default: false
        }
    }

    static func isArtifact(_ object: JSONObject) -> Bool { object.string("query") != nil }

    /// The fields of an artifact this importer reads.
    static let artifactKeys: Set<String> = ["query", "type", "tags", "user_tags", "classification", "first_seen", "firstSeen", "last_seen", "lastSeen"]

    static func read(_ root: JSONNode, into collector: inout ImportCollector) {
        let artifacts: [JSONNode]
        switch root.value {
        case .object(let object) where object["artifacts"] != nil:
            artifacts = object.array("artifacts")
            if object.string("visibility") == nil, let written = object["visibility"], written.value.kindName != "null" {
                collector.projectVisibility(.private)
                collector.warning("project visibility is \(written.value.kindName), not a word; read as private", at: written.position)
            }
            // Another word for private on the project (`"private": true`, `"Visibility"`).
            for member in object.members where !["artifacts", "visibility", "tags", "name"].contains(member.key) && HidingKeys.hides(member, near: nil) {
                collector.projectVisibility(.private)
                collector.warning("project field \"\(member.key)\" keeps it out of public output; read as private", at: member.keyPosition)
            }
            if let visibility = object.string("visibility")?.lowercased() {
                switch visibility {
                case "public", "community": collector.projectVisibility(.public)
                case "private", "analyst": collector.projectVisibility(.private)
                default:
                    // Whatever it means, it may not be "publish": the safe reading.
                    collector.projectVisibility(.private)
                    collector.warning("unknown project visibility \"\(visibility)\"; read as private", at: object.position("visibility"))
                }
            }
            for tag in object.strings("tags") { collector.projectTag(tag) }
        case .object(let object) where isArtifact(object):
            artifacts = [root]
        case .array(let elements):
            artifacts = elements
        default:
            collector.error("not PassiveTotal JSON: expected a project with \"artifacts\", or artifacts with a \"query\"", at: root.position)
            return
        }
        for node in artifacts {
            guard let artifact = node.value.objectValue, let query = artifact.string("query") else {
                collector.skip(node.value.kindName, "an artifact needs a \"query\"", at: node.position)
                continue
            }
            var details = ImportCollector.Details()
            // An artifact another word keeps private (`"private": true`, `"visibility": "private"`).
            for member in artifact.members where !Self.artifactKeys.contains(member.key) && HidingKeys.hides(member, near: nil) {
                details.privateFlag = true
                collector.warning("field \"\(member.key)\" of artifact \(query) keeps it out of public output; read as private", at: member.keyPosition)
            }
            details.tags = artifact.strings("tags") + artifact.strings("user_tags")
            details.classification = classification(artifact, into: &collector)
            details.firstSeen = collector.date(artifact.string("first_seen") ?? artifact.string("firstSeen"), field: "first_seen", at: nil)
            details.lastSeen = collector.date(artifact.string("last_seen") ?? artifact.string("lastSeen"), field: "last_seen", at: nil)
            let position = artifact.position("query") ?? node.position
            let (type, allowed) = kind(artifact.string("type"))
            collector.add(query, as: type, allowed: allowed, details: details, at: position)
        }
    }

    static func classification(_ artifact: JSONObject, into collector: inout ImportCollector) -> Classification? {
        guard let text = artifact.string("classification")?.trimmingSpaces, !text.isEmpty else { return nil }
        if let value = Classification(rawValue: text.lowercased().replacingUnderscores) { return value }
        collector.warning(
            "unknown PassiveTotal classification \"\(text)\"; expected malicious, suspicious, non_malicious, unknown or \"\"; ignored",
            at: artifact.position("classification"))
        return nil
    }

    /// What an artifact type allows; nil type: detected from the value.
    static func kind(_ type: String?) -> (IndicatorType?, Set<IndicatorType>?) {
        switch type?.lowercased() {
        case "domain", "host", "hostname": (.domain, nil)
        case "ip", "ipv4", "ipv6": (nil, [.ipv4, .ipv6, .cidr])
        case "email": (.email, nil)
        case "url": (.url, nil)
        case "hash": (nil, [.md5, .sha1, .sha256, .sha512])
        case "certificate", "ssl", "sslcertificate": (.x509Sha1, nil)
        case let name?: (IndicatorType(rawValue: name), nil)
        case nil: (nil, nil)
        }
    }
}
