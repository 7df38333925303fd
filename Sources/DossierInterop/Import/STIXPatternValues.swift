import DossierCore

/// The indicator values a STIX pattern names, where dossier can say the same thing.
///
/// Supported: equality (`=`) and `IN (...)` comparisons on the object paths of `type(forPath:)`,
/// `ISSUBSET` of an address type (a CIDR block), ORs of these (inside an observation or between
/// observations: each alternative is an indicator), and an AND of equalities on one file (as
/// MISP writes a file object: each hash, its name, or its folder and name as a file path; its
/// other properties, such as its size, counted). Everything else (NOT, `!=`,
/// ranges, LIKE, MATCHES, other ANDs, FOLLOWEDBY, qualifiers, other paths) is named as
/// unrepresentable, and the alternatives that are supported are still read.
enum STIXPatternValues {
    struct Value: Equatable {
        var raw: String
        var type: IndicatorType?
        /// For a detected type: what it may be (an address path holds IPv4, IPv6 or CIDR).
        var allowed: Set<IndicatorType>?
    }

    static func values(of pattern: STIXPattern) -> (values: [Value], unrepresentable: [String]) {
        switch pattern {
        case .observation(let comparison):
            return values(of: comparison)
        case .or(let alternatives):
            return joined(alternatives.map(values(of:)))
        case .and:
            return ([], ["STIX pattern with observations combined by AND"])
        case .followedBy:
            return ([], ["STIX pattern with FOLLOWEDBY"])
        case .qualified:
            return ([], ["STIX pattern with a qualifier (WITHIN, REPEATS, START/STOP)"])
        }
    }

    static func values(of comparison: STIXPattern.Comparison) -> (values: [Value], unrepresentable: [String]) {
        switch comparison {
        case .or(let alternatives):
            return joined(alternatives.map(values(of:)))
        case .and(let terms):
            return conjunction(terms)
        case .exists:
            return ([], ["STIX pattern with EXISTS"])
        case .test(let path, let op, let negated, let literals):
            if negated { return ([], ["STIX pattern with NOT"]) }
            let key = path.lowercased()
            if op == "ISSUBSET", key == "ipv4-addr:value" || key == "ipv6-addr:value", case .string(let block)? = literals.first {
                return ([Value(raw: block, type: .cidr)], [])
            }
            guard op == "=" || op == "IN" else { return ([], ["STIX pattern with \(op)"]) }
            guard let (kind, allowed) = type(forPath: key) else { return ([], ["STIX pattern on \(path)"]) }
            var found: [Value] = []
            for literal in literals {
                switch literal {
                case .string(let text):
                    let isPath = kind == .filename && (text.contains("/") || text.contains("\\"))
                    let raw = kind == .registryKey ? STIXObservables.abbreviatingHive(text) : text
                    found.append(Value(raw: raw, type: isPath ? .filepath : kind, allowed: allowed))
                case .number(let number) where kind == .asn:
                    found.append(Value(raw: "AS" + number, type: .asn))
                default:
                    return ([], ["STIX pattern comparing \(path) with a non-string value"])
                }
            }
            return (found, [])
        }
    }

    /// The alternatives' values and findings, in order. Appending in place: `reduce` with `+`
    /// copied the list so far at each step, quadratic in the alternatives (50,000 ORs took 30 s).
    static func joined(_ parts: [(values: [Value], unrepresentable: [String])]) -> (values: [Value], unrepresentable: [String]) {
        var result: (values: [Value], unrepresentable: [String]) = ([], [])
        for part in parts {
            result.values.append(contentsOf: part.values)
            result.unrepresentable.append(contentsOf: part.unrepresentable)
        }
        return result
    }

    /// Equalities on one file combined by AND (`file:hashes.MD5 = ... AND file:name = ...`): each
    /// hash, which identifies the file; its name, or its folder and name as one file path; what
    /// else it compares (`file:size`) counted, as no indicator says it.
    static func conjunction(_ terms: [STIXPattern.Comparison]) -> (values: [Value], unrepresentable: [String]) {
        var tests: [(path: String, written: String, value: String)] = []
        for term in terms {
            guard case .test(let path, "=", false, let literals) = term, literals.count == 1, path.lowercased().hasPrefix("file:") else {
                return ([], ["STIX pattern with comparisons combined by AND"])
            }
            let value: String
            switch literals[0] {
            case .string(let text): value = text
            case .number(let number): value = number
            default: return ([], ["STIX pattern with comparisons combined by AND"])
            }
            tests.append((path.lowercased(), path, value))
        }
        var values: [Value] = []
        var unrepresentable: [String] = []
        let namePlace = tests.firstIndex { $0.path == "file:name" }
        let folderPlace = tests.firstIndex { $0.path == "file:parent_directory_ref.path" }
        let (name, folder) = (namePlace.map { tests[$0].value }, folderPlace.map { tests[$0].value })
        if let name, let folder {
            values.append(Value(raw: STIXObservables.join(folder: folder, name: name), type: .filepath))
        } else if let name {
            values.append(Value(raw: name, type: name.contains("/") || name.contains("\\") ? .filepath : .filename))
        } else if let folder {
            values.append(Value(raw: folder, type: .filepath))
        }
        // A second name or folder (which no one file has) is counted with the rest.
        for (place, test) in tests.enumerated() where place != namePlace && place != folderPlace {
            if test.path.hasPrefix("file:hashes."), let type = type(forPath: test.path) {
                values.append(Value(raw: test.value, type: type.type))
            } else {
                unrepresentable.append("STIX pattern on \(test.written)")
            }
        }
        return (values, unrepresentable)
    }

    /// The dossier type of the value at an object path (lower case); nil type: an address,
    /// told apart by its value.
    static func type(forPath path: String) -> (type: IndicatorType?, allowed: Set<IndicatorType>?)? {
        if path.hasPrefix("file:hashes.") { return hashType(String(path.dropFirst("file:hashes.".count))).map { ($0, nil) } }
        switch path {
        case "ipv4-addr:value", "ipv6-addr:value": return (nil, [.ipv4, .ipv6, .cidr])
        case "domain-name:value": return (.domain, nil)
        case "url:value": return (.url, nil)
        case "email-addr:value", "email-message:from_ref.value", "email-message:sender_ref.value",
            "email-message:to_refs[*].value", "email-message:cc_refs[*].value", "email-message:bcc_refs[*].value":
            return (.email, nil)
        case "file:name": return (.filename, nil)
        case "directory:path": return (.filepath, nil)
        case "autonomous-system:number": return (.asn, nil)
        case "x509-certificate:hashes.sha-1", "x509-certificate:hashes.sha1": return (.x509Sha1, nil)
        case "windows-registry-key:key": return (.registryKey, nil)
        case "mutex:name": return (.mutex, nil)
        case "network-traffic:extensions.http-request-ext.request_header.user-agent": return (.userAgent, nil)
        case STIXTerms.cveObject + ":value": return (.cve, nil)
        case STIXTerms.otherObject + ":value": return (.other, nil)
        default: return nil
        }
    }

    /// MD5, SHA-1, SHA-256, SHA-512 in any case, with or without the hyphen.
    static func hashType(_ name: String) -> IndicatorType? {
        switch name.uppercased().replacingHyphens {
        case "MD5": .md5
        case "SHA1": .sha1
        case "SHA256": .sha256
        case "SHA512": .sha512
        default: nil
        }
    }
}

extension String {
    var replacingHyphens: String { String(filter { $0 != "-" }) }
}
