import DossierCore

/// The fixed identifiers and vocabularies dossier shares with STIX 2.1, in one place for the
/// exporter and the importer.
enum STIXTerms {
    /// The property (`true`) that marks a private indicator or vulnerability in an internal
    /// export, for `dossier import` to keep it private, and the extension that defines it (a
    /// top-level property extension, as STIX 2.1 asks of new properties): a fixed id, so that
    /// every export names the same definition.
    static let privateProperty = "x_dossier_private"
    /// The `source_name` of the external reference whose `description` is an indicator's
    /// `source` (its provenance, which STIX has no property for).
    static let sourceReference = "dossier source"
    static let privateExtension = "extension-definition--" + UUIDv5.make("stix-extension|dossier|private")

    /// The private mark of an imported object: true when it has `x_dossier_private: true`, or a
    /// label that keeps it unpublished (`private`, `draft`, `do-not-publish`, as a tag of an
    /// indicator does: `HidingKeys.isHidingTag`), else nil.
    static func privateFlag(of object: JSONObject) -> Bool? {
        // On an observable, inside the extension (a property extension, as STIX wants there).
        object.flag(privateProperty) == true || object.object("extensions")?.object(privateExtension)?.flag(privateProperty) == true
            || object.strings("labels").contains(where: HidingKeys.isHidingTag) ? true : nil
    }

    /// The OASIS TLP 2.0 marking definitions (cti-stix-common-objects, `tlp-2.0`): fixed ids, a
    /// property extension saying the level.
    static let tlp2Extension = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
    static let tlp2Created = "2022-10-01T00:00:00.000Z"

    static func tlp2MarkingID(_ tlp: TLP) -> String {
        switch tlp {
        case .clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
        case .green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
        case .amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"
        case .amberStrict: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"
        case .red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"
        }
    }

    /// The TLP 1.0 marking definitions of the STIX 2.1 specification (§7.2.1.4); WHITE reads as CLEAR.
    static let tlp1MarkingIDs: [String: TLP] = [
        "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": .clear,
        "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": .green,
        "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": .amber,
        "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": .red,
    ]

    /// Every well-known TLP marking id, 1.0 and 2.0.
    static let knownMarkingIDs: [String: TLP] = tlp1MarkingIDs.merging(
        TLP.allCases.map { (tlp2MarkingID($0), $0) }, uniquingKeysWith: { a, _ in a })

    /// Well-known marking definitions that restrict nothing, which a file may name without
    /// defining: MITRE ATT&CK's copyright statement, on every object of its bundles.
    static let openMarkingIDs: Set<String> = ["marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168"]

    /// A TLP level as written in marking definitions and tags: `white` and `clear` are one level.
    static func tlp(named name: String) -> TLP? { TLP(named: name) }

    /// `indicator_types` (indicator-type-ov) that say a classification. On export the
    /// classification is written as one of these; on import they set it instead of becoming tags.
    static func indicatorType(for classification: Classification) -> String {
        switch classification {
        case .malicious: "malicious-activity"
        case .suspicious: "anomalous-activity"
        case .unknown: "unknown"
        case .nonMalicious: "benign"
        }
    }

    static func classification(forIndicatorType type: String) -> Classification? {
        Classification.allCases.first { indicatorType(for: $0) == type.lowercased() }
    }

    /// Custom observable types for the two dossier types STIX has no observable for (a CVE is a
    /// `vulnerability` domain object, which a pattern cannot name).
    static let cveObject = "x-dossier-cve"
    static let otherObject = "x-dossier-other"
}

private extension String {
    func trimmingPrefix(_ prefix: String) -> Substring {
        hasPrefix(prefix) ? dropFirst(prefix.count) : Substring(self)
    }
}
