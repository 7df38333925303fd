import DossierCore

/// How dossier's indicator types and MISP attribute types correspond (MISP `describeTypes`), for
/// the MISP exporter and importer and for the CSV importer reading MISP's CSV export.
enum MISPTypes {
    /// What a single (non-composite) MISP attribute type becomes on import.
    enum Mapping: Equatable {
        /// An indicator of this type; nil: an address, told apart by its value (IPv4, IPv6 or CIDR).
        case indicator(IndicatorType?)
        /// A reference, free text or comment: a line of the import's note, not an indicator.
        case note
        /// A part dossier has no place for (a port, a registry value's data), counted as unrepresentable.
        case dropped(String)
        /// A property of what an object describes (a size, a time, a MIME type, an entropy), no
        /// indicator: skipped with the reason.
        case property
        /// No dossier type: kept as `other`, with the MISP type recorded as a `misp-type:` tag.
        case unmapped
    }

    static func mapping(of mispType: String) -> Mapping {
        switch mispType.lowercased() {
        case "ip-src", "ip-dst": .indicator(nil)
        case "domain", "hostname": .indicator(.domain)
        case "url": .indicator(.url)
        case "email", "email-src", "email-dst", "email-reply-to", "target-email", "whois-registrant-email", "dns-soa-email":
            .indicator(.email)
        case "md5": .indicator(.md5)
        case "sha1": .indicator(.sha1)
        case "sha256": .indicator(.sha256)
        case "sha512": .indicator(.sha512)
        case "as": .indicator(.asn)
        case "vulnerability": .indicator(.cve)
        case "x509-fingerprint-sha1": .indicator(.x509Sha1)
        case "filename", "email-attachment", "attachment": .indicator(.filename)
        case "regkey": .indicator(.registryKey)
        case "mutex": .indicator(.mutex)
        case "user-agent": .indicator(.userAgent)
        case "other": .indicator(.other)
        case "link", "text", "comment": .note
        case "datetime", "size-in-bytes", "counter", "float", "boolean", "mime-type", "http-method": .property
        case "port": .dropped("port")
        case "value": .dropped("registry value data")
        default: .unmapped
        }
    }

    /// The parts of a composite type (`domain|ip`, `filename|sha256`, `ip-dst|port`...); a single
    /// type is its own only part. `malware-sample` is a `filename|md5`.
    static func parts(of mispType: String) -> [String] {
        if mispType.lowercased() == "malware-sample" { return ["filename", "md5"] }
        if mispType.lowercased() == "domain|ip" { return ["domain", "ip-dst"] }
        return mispType.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }

    /// A composite value split into `count` parts: at the last `|`s, so that a file name holding
    /// `|` stays whole. Nil when the value has too few parts.
    static func split(_ value: String, into count: Int) -> [String]? {
        guard count > 1 else { return [value] }
        var parts: [String] = []
        var rest = Substring(value)
        for _ in 1..<count {
            guard let bar = rest.lastIndex(of: "|") else { return nil }
            parts.insert(String(rest[rest.index(after: bar)...]), at: 0)
            rest = rest[..<bar]
        }
        parts.insert(String(rest), at: 0)
        return parts
    }

    /// Type, category and value of the MISP attribute for a dossier indicator. MISP has no path
    /// type: a file path is a `filename` (the importer makes it a path again from its separators).
    static func attribute(for indicator: Indicator) -> (type: String, category: String, value: String) {
        switch indicator.type {
        case .ipv4, .ipv6, .cidr: ("ip-dst", "Network activity", indicator.value)
        case .domain: ("domain", "Network activity", indicator.value)
        case .url: ("url", "Network activity", indicator.value)
        case .email: ("email", "Payload delivery", indicator.value)
        case .md5, .sha1, .sha256, .sha512: (indicator.type.rawValue, "Payload delivery", indicator.value)
        case .asn: ("AS", "Network activity", STIXObservables.asNumber(indicator.value))
        case .cve: ("vulnerability", "External analysis", indicator.value)
        case .x509Sha1: ("x509-fingerprint-sha1", "Network activity", indicator.value)
        case .filename, .filepath: ("filename", "Payload delivery", indicator.value)
        case .registryKey: ("regkey", "Persistence mechanism", indicator.value)
        case .mutex: ("mutex", "Artifacts dropped", indicator.value)
        case .userAgent: ("user-agent", "Network activity", indicator.value)
        case .other:
            if let recorded = recordedType(of: indicator) {
                (recorded.type, defaultCategories[recorded.type] ?? "Other", indicator.value)
            } else {
                ("other", "Other", indicator.value)
            }
        }
    }

    /// Whether an attribute of `mispType` may go to intrusion detection (`to_ids`) at all: not
    /// text nor a reference, which no sensor matches (MISP's own defaults leave `to_ids` off for
    /// these: `other`, `text`, `comment`, `link`, an AS, a vulnerability, a user agent, which
    /// every browser of a version shares). A malicious `campaign:x` recorded as `other` would
    /// otherwise flag a blocklist feed with a label.
    static func isDetectable(_ mispType: String) -> Bool {
        !notDetectable.contains(mispType)
    }

    private static let notDetectable: Set<String> = ["other", "text", "comment", "link", "AS", "vulnerability", "user-agent", "anonymised", "hex"]

    /// The MISP type an `other` indicator came in as, from its `misp-type:` tag (`misp-type:btc`),
    /// spelled as MISP spells it; nil when it has none that MISP knows. `tag` is the tag as written.
    static func recordedType(of indicator: Indicator) -> (type: String, tag: String)? {
        guard indicator.type == .other else { return nil }
        for tag in indicator.tags where tag.utf8.count > typeTagPrefix.utf8.count && tag.lowercased().hasPrefix(typeTagPrefix) {
            if let type = knownTypes[String(tag.lowercased().dropFirst(typeTagPrefix.count))] { return (type, tag) }
        }
        return nil
    }

    /// MISP's types by their lower-cased names (`as` is `AS`).
    private static let knownTypes: [String: String] = Dictionary(
        defaultCategories.keys.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

    private static let typeTagPrefix = "misp-type:"

    /// The PassiveTotal taxonomy's classification machine tag (MISP/misp-taxonomies `passivetotal`,
    /// predicate `class`), whose values are exactly dossier's: `passivetotal:class="non-malicious"`.
    static func classificationTag(_ classification: Classification) -> String {
        "passivetotal:class=\"\(classification.rawValue)\""
    }

    /// The classification a `passivetotal:class` tag states; nil for any other tag.
    static func classification(fromTag tag: String) -> Classification? {
        // Asked of every tag of every indicator exported: most start with another letter.
        guard let first = tag.utf8.first, first | 0x20 == UInt8(ascii: "p") else { return nil }
        let lower = tag.lowercased()
        guard lower.hasPrefix("passivetotal:class=") else { return nil }
        let value = lower.dropFirst("passivetotal:class=".count).trimming("\"")
        return Classification(rawValue: value.replacingUnderscores)
    }

    /// The tag that records the MISP type of an attribute kept as `other`.
    static func typeTag(_ mispType: String) -> String { typeTagPrefix + mispType }
}
