import DossierCore

/// The values of STIX cyber-observable objects: addresses, domain names, URLs, e-mail addresses,
/// file hashes and names (a file in a folder is a file path), folders, AS numbers, certificate
/// SHA-1 fingerprints, registry keys and mutexes. Observables carry no classification or tags.
/// Other observable types, and hashes other than MD5/SHA-1/SHA-256/SHA-512, are unrepresentable.
struct STIXObservableReader {
    /// The cyber-observable object types of STIX 2.1 §6.
    static let types: Set<String> = [
        "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
        "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url",
        "user-account", "windows-registry-key", "x509-certificate",
    ]

    let objects: [String: JSONObject]
    /// Folders a file of the bundle lies in: read as part of that file's path, not on their own.
    let parentFolders: Set<String>

    init(objects: [String: JSONObject]) {
        self.objects = objects
        parentFolders = Set(objects.values.compactMap { $0.string("type") == "file" ? $0.string("parent_directory_ref") : nil })
    }

    /// - Parameter seen: when an `observed-data` object that holds or names it observed it.
    func read(_ object: JSONObject, at position: SourcePosition, seen: (first: String?, last: String?)? = nil, into collector: inout ImportCollector) {
        let type = object.string("type") ?? ""
        var details = ImportCollector.Details()
        details.firstSeen = seen?.first
        details.lastSeen = seen?.last
        func add(_ key: String, as indicatorType: IndicatorType?, allowed: Set<IndicatorType>? = nil) {
            guard let value = object.text(key) else { return collector.unrepresentable("\(type) object without \(key)") }
            collector.add(value, as: indicatorType, allowed: allowed, details: details, at: object.position(key) ?? position)
        }
        switch type {
        case "ipv4-addr", "ipv6-addr": add("value", as: nil, allowed: [.ipv4, .ipv6, .cidr])
        case "domain-name": add("value", as: .domain)
        case "url":
            guard let value = object.text("value") else { return collector.unrepresentable("url object without value") }
            collector.add(STIXObservables.url(fromURI: value), as: .url, details: details, at: object.position("value") ?? position)
        case "email-addr": add("value", as: .email)
        case "mutex": add("name", as: .mutex)
        case "windows-registry-key":
            guard let key = object.string("key") else { return collector.unrepresentable("windows-registry-key object without key") }
            collector.add(STIXObservables.abbreviatingHive(key), as: .registryKey, details: details, at: object.position("key") ?? position)
        case "autonomous-system":
            guard let number = object.text("number") else { return collector.unrepresentable("autonomous-system object without number") }
            collector.add("AS" + number, as: .asn, details: details, at: object.position("number") ?? position)
        case "x509-certificate":
            readHashes(object, at: position, certificate: true, details: details, into: &collector)
        case "directory":
            if let id = object.string("id"), parentFolders.contains(id) { return }
            add("path", as: .filepath)
        case "file":
            readHashes(object, at: position, certificate: false, details: details, into: &collector)
            guard let name = object.string("name") else { return }
            let folder = object.string("parent_directory_ref").flatMap { objects[$0]?.string("path") }
            let value = folder.map { STIXObservables.join(folder: $0, name: name) } ?? name
            let isPath = folder != nil || name.contains("/") || name.contains("\\")
            collector.add(value, as: isPath ? .filepath : .filename, details: details, at: object.position("name") ?? position)
        default:
            collector.unrepresentable("\(type) object")
        }
    }

    /// A file's hashes, or a certificate's SHA-1 fingerprint.
    func readHashes(_ object: JSONObject, at position: SourcePosition, certificate: Bool, details: ImportCollector.Details,
        into collector: inout ImportCollector) {
        for member in object.object("hashes")?.members ?? [] {
            guard let value = member.value.value.stringValue else { continue }
            let type = STIXPatternValues.hashType(member.key)
            switch (type, certificate) {
            case (.sha1?, true): collector.add(value, as: .x509Sha1, details: details, at: member.value.position)
            case (let hash?, false): collector.add(value, as: hash, details: details, at: member.value.position)
            default: collector.unrepresentable("\(certificate ? "certificate" : "file") hash \(member.key)")
            }
        }
    }
}
