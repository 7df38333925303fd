import Foundation

/// `dossier lookup`: have we seen this before, and what did we decide?
///
/// Every query is answered from the `IndicatorIndex` with a few dictionary reads. Besides the value
/// itself (direct matches), it finds related records (indirect matches, each saying how it relates):
/// for a domain, URLs and e-mail addresses on it or its subdomains, its recorded subdomains and the
/// recorded domains it lies within; for an IP address, URLs and e-mail addresses on it and the CIDR
/// blocks that contain it; for a CIDR block, the addresses, smaller blocks, and URLs and e-mail
/// addresses on an address, that lie in it, and the larger blocks that contain it; for a URL or
/// e-mail address, its host as recorded and what that host lies within.
public struct Lookup: Sendable {
    public let index: IndicatorIndex

    public init(_ index: IndicatorIndex) {
        self.index = index
    }

    /// The matches of one value as typed (refanged, detected, normalized); `type` forces the type,
    /// as needed for free-form ones. An IPv4 address and its IPv4-mapped IPv6 form
    /// (`::ffff:203.0.113.9`) find each other, as a SHA-1 finds the x509-sha1 of the same digits. A value no strict type fits is looked up as written among the
    /// free-form types (filename, mutex...), then as a host with its port (`evil.example:443`),
    /// and only counts as invalid when nothing matches.
    /// A value copied with its sentence's punctuation (`evil[.]example,`), when as typed it is no
    /// indicator or names nothing recorded, is looked up with the punctuation taken off one step
    /// at a time, the least first: a recorded URL may end in `)` or `.` itself (`http://evil.example/a).`).
    public func lookup(_ query: String, as type: IndicatorType? = nil) -> LookupResult {
        let typed = lookupAsTyped(query, as: type)
        guard !typed.isRecorded else { return typed }
        var fallback: LookupResult?
        for step in Indicators.prosePunctuationSteps(query.trimmingCharacters(in: .whitespaces), as: type) {
            var result = lookupAsTyped(step.value, as: type)
            result.query = query
            if result.isRecorded { return result }
            fallback = result.key == nil ? fallback : result
        }
        return typed.key == nil ? fallback ?? typed : typed
    }

    private func lookupAsTyped(_ query: String, as type: IndicatorType?) -> LookupResult {
        var result = LookupResult(query: query)
        let keys: [IndicatorKey]
        switch Indicators.parse(query, as: type) {
        case .success(let parsed):
            var key = IndicatorKey(type: parsed.type, value: parsed.value)
            // `http://evil.example/`, a site's root as a URL: unless that URL is recorded, its host
            // is what is asked about, as for `evil.example/`.
            if key.type == .url, type == nil, index.occurrences(of: key).isEmpty, let host = Indicators.rootHost(of: key.value),
               case .success(let parsedHost) = Indicators.parse(host, as: nil), [.domain, .ipv4, .ipv6].contains(parsedHost.type) {
                key = IndicatorKey(type: parsedHost.type, value: parsedHost.value)
            }
            keys = Self.equivalentKeys(key)
        case .failure(let problem):
            let written = query.trimmingCharacters(in: .whitespaces)
            let freeForm = IndicatorType.allCases.filter { !$0.isStrict && (type == nil || $0 == type) }
            let recordedAsWritten = freeForm.map { IndicatorKey(type: $0, value: written) }.filter { !index.occurrences(of: $0).isEmpty }
            if recordedAsWritten.isEmpty,
                let host = Self.host(beforePort: written) ?? Self.host(beforeRootPath: written) ?? Self.bracketed(written) ?? Self.address(beforeZone: written),
                case .success(let parsed) = Indicators.parse(host, as: type), parsed.type == .domain || parsed.type == .ipv4 || parsed.type == .ipv6 {
                // `evil.example:443`, `[2001:db8::5]:443` or `evil.example/` as a log or a
                // firewall writes it: the host is what is recorded.
                keys = Self.equivalentKeys(IndicatorKey(type: parsed.type, value: parsed.value))
            } else if recordedAsWritten.isEmpty, type == nil, let urls = Self.urlKeys(withoutScheme: written) {
                // `evil.example/gate.php` as a proxy log writes it: the URL, under either scheme;
                // one that is recorded first, to stand for the value looked up.
                keys = urls.filter { !index.occurrences(of: $0).isEmpty } + urls.filter { index.occurrences(of: $0).isEmpty }
            } else {
                keys = recordedAsWritten
                guard !keys.isEmpty, type == nil else {
                    result.problem = problem
                    return result
                }
            }
        }
        // A SHA-1's digits recorded only as an x509-sha1 are a certificate's: named as recorded.
        result.key = keys[0].type.sameShaped.isEmpty ? keys[0] : keys.first { !index.occurrences(of: $0).isEmpty } ?? keys[0]
        var seen: Set<IndicatorIndex.Occurrence> = []
        func add(_ occurrences: [IndicatorIndex.Occurrence], _ relation: LookupResult.Relation) {
            for occurrence in occurrences where seen.insert(occurrence).inserted {
                result.matches.append(match(occurrence, relation))
            }
        }
        // In project order, whichever of the keys each records.
        add(keys.flatMap { index.occurrences(of: $0) }.sorted(), .exact)
        let key = keys[0]
        var related: [(IndicatorIndex.Occurrence, LookupResult.Relation)] = []
        switch key.type {
        case .domain:
            for occurrence in index.occurrences(within: key.value) {
                let indicator = index.indicator(occurrence)
                let relation: LookupResult.Relation = switch indicator.type {
                case .domain: .subdomain
                default: Indicators.host(of: indicator.value, type: indicator.type) == key.value ? .onHost : .onSubdomain
                }
                related.append((occurrence, relation))
            }
            related += parents(of: key.value)
        case .ipv4, .ipv6:
            related += index.occurrences(within: key.value).map { ($0, .onHost) }
            related += index.networks(containing: key.value).map { ($0, .network) }
        case .cidr:
            let (containing, inside) = index.networks(around: key.value)
            related += inside.map { ($0, .inNetwork) }
            related += containing.map { ($0, .network) }
        case .url, .email:
            guard let host = Indicators.host(of: key.value, type: key.type) else { break }
            if IndicatorIndex.isAddress(host) {
                let type: IndicatorType = host.contains(":") ? .ipv6 : .ipv4
                related += index.occurrences(of: IndicatorKey(type: type, value: host)).map { ($0, .host) }
                related += index.networks(containing: host).map { ($0, .network) }
            } else {
                related += index.occurrences(of: IndicatorKey(type: .domain, value: host)).map { ($0, .host) }
                related += parents(of: host)
            }
        default:
            break
        }
        related.sort { a, b in
            if a.0.project != b.0.project { return a.0.project < b.0.project }
            if a.1 != b.1 { return a.1.rank < b.1.rank }
            return index.indicator(a.0).key < index.indicator(b.0).key
        }
        for (occurrence, relation) in related { add([occurrence], relation) }
        // Per value: the http and https URLs of a URL written without its scheme are two
        // indicators, which may be classified apart (a SHA-1 recorded as x509-sha1 is one value,
        // a URL's two spellings are one).
        result.classificationDiffers = Dictionary(grouping: result.direct, by: { IndicatorKey.identity(of: $0.indicator.value, type: $0.indicator.type) }).values.contains {
            Classification.disagree($0.map(\.classification))
        }
        return result
    }

    /// `host` of `host:port` (a port of one to five digits; one colon, so no bare IPv6 address),
    /// and the address of `[IPv6]:port`.
    static func host(beforePort text: String) -> String? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        let port = text[text.index(after: colon)...]
        guard (1...5).contains(port.count), port.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        let host = text[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]"), host.count > 2 { return String(host.dropFirst().dropLast()) }
        guard host.firstIndex(of: ":") == nil else { return nil }
        return host.isEmpty ? nil : String(host)
    }

    /// The address of `fe80::1%eth0`, as `ip` and `ping` write a link-local one with its
    /// interface (an import takes it so too).
    static func address(beforeZone text: String) -> String? {
        guard let percent = text.firstIndex(of: "%"), text[..<percent].contains(":") else { return nil }
        return String(text[..<percent])
    }

    /// The address of `[IPv6]`, as a URL writes it.
    static func bracketed(_ text: String) -> String? {
        text.hasPrefix("[") && text.hasSuffix("]") && text.count > 2 ? String(text.dropFirst().dropLast()) : nil
    }

    /// `host` of `host/` or `host:port/`: the root of a site, as a proxy log writes it.
    static func host(beforeRootPath text: String) -> String? {
        guard text.hasSuffix("/"), !text.contains("://") else { return nil }
        let authority = String(text.dropLast())
        guard !authority.isEmpty, !authority.contains("/") else { return nil }
        return host(beforePort: authority) ?? authority
    }

    /// The keys of `text` as a web URL written without its scheme (`evil.example/gate.php`,
    /// `192.0.2.1:8080/x`), as `http` and as `https`; nil when it is no host followed by a path.
    static func urlKeys(withoutScheme text: String) -> [IndicatorKey]? {
        guard let slash = text.firstIndex(of: "/"), slash > text.startIndex, !text.contains("://") else { return nil }
        // `203.0.113.0/33` is a mistyped block, not a path: its error is the one to show.
        let path = text[text.index(after: slash)...]
        guard !path.isEmpty, !path.allSatisfy({ $0.isASCII && $0.isNumber || $0 == "-" }) else { return nil }
        let authority = String(text[..<slash])
        guard case .success(let host) = Indicators.parse(Self.host(beforePort: authority) ?? authority, as: nil),
              host.type == .domain || host.type == .ipv4 else { return nil }
        let keys = ["http://", "https://"].compactMap { scheme -> IndicatorKey? in
            guard case .success(let url) = Indicators.parse(scheme + text, as: .url) else { return nil }
            return IndicatorKey(type: .url, value: url.value)
        }
        return keys.isEmpty ? nil : keys
    }

    /// Recorded domains that `domain` lies within.
    private func parents(of domain: String) -> [(IndicatorIndex.Occurrence, LookupResult.Relation)] {
        IndicatorIndex.parentDomains(of: domain).flatMap { parent in
            index.occurrences(of: IndicatorKey(type: .domain, value: parent)).map { ($0, LookupResult.Relation.parentDomain) }
        }
    }

    private func match(_ occurrence: IndicatorIndex.Occurrence, _ relation: LookupResult.Relation) -> LookupResult.Match {
        let project = index.project(occurrence)
        let indicator = index.indicator(occurrence)
        return LookupResult.Match(
            project: project.slug, projectTitle: project.title, visibility: project.visibility, indicator: indicator,
            classification: indicator.effectiveClassification(in: index.workspace.vocabulary), relation: relation)
    }

    /// The keys a value may be recorded under as well: a SHA-1's digits as an x509-sha1 (and back), an
    /// IPv4 address as its IPv4-mapped IPv6 form (and back, the IPv4 address first).
    static func equivalentKeys(_ key: IndicatorKey) -> [IndicatorKey] {
        switch key.type {
        case .sha1, .x509Sha1: [key] + key.type.sameShaped.map { IndicatorKey(type: $0, value: key.value) }
        case .ipv4: [key, IndicatorKey(type: .ipv6, value: mappedPrefix + key.value)]
        // `::ffff:203.0.113.9`, as dual-stack servers log an IPv4 client: the IPv4 address is
        // the one meant, and stands for the query.
        case .ipv6 where key.value.hasPrefix(mappedPrefix) && key.value.contains("."):
            [IndicatorKey(type: .ipv4, value: String(key.value.dropFirst(mappedPrefix.count))), key]
        default: [key]
        }
    }

    /// How an IPv4-mapped IPv6 address is written in its normal form (RFC 5952 §5).
    private static let mappedPrefix = "::ffff:"
}
