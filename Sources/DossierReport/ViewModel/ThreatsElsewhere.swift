import DossierCore

/// What a link in a project's prose leads to among the threats the other projects of the report's
/// workspace record (an indicator classified other than non-malicious), as it leads to the
/// project's own (`LinkDestinations`): the linked URL or e-mail address itself, its host as a
/// recorded address or domain, a recorded domain the host lies within, or another URL or e-mail
/// address recorded on the same host (a link to another page of a kit's host, or to a URL
/// recorded with a `#fragment`, leads where the record does). A public note linking to a kit
/// another public project found malicious must not hand its reader a live link. The index is of
/// the audience-filtered workspace, so a public report weighs public records alone.
struct ThreatsElsewhere: Sendable {
    let index: IndicatorIndex
    /// The hosts of the links asked about where URLs or e-mail addresses are recorded as threats,
    /// each with the places of the projects recording them.
    private let threatHosts: [String: [Int]]

    /// - Parameter links: every link that will be asked about (`reached`), for their hosts: the
    ///   records on them are found once, in one pass over the workspace, not once per link.
    init(_ index: IndicatorIndex, links: [CommonMark.LinkTarget]) {
        self.index = index
        let linkHosts = Set(links.compactMap { Indicators.host(of: $0.value, type: $0.type) })
        guard !linkHosts.isEmpty else {
            threatHosts = [:]
            return
        }
        let vocabulary = index.workspace.vocabulary
        let hostsByProject = index.workspace.projects.concurrentMap { project -> Set<String> in
            var hosts: Set<String> = []
            project.indicators.withUnsafeBufferPointer { indicators in
                for i in indicators.indices where indicators[i].type == .url || indicators[i].type == .email {
                    guard let host = Indicators.host(of: indicators[i].value, type: indicators[i].type), linkHosts.contains(host),
                        indicators[i].effectiveClassification(in: vocabulary) != .nonMalicious
                    else { continue }
                    hosts.insert(host)
                }
            }
            return hosts
        }
        var threatHosts: [String: [Int]] = [:]
        for (position, hosts) in hostsByProject.enumerated() {
            for host in hosts { threatHosts[host, default: []].append(position) }
        }
        self.threatHosts = threatHosts
    }

    /// For the links of `project`'s texts alone (one report).
    init(_ index: IndicatorIndex, linksOf project: Project) {
        self.init(index, links: ProseDestinationsCache.found(in: ProseDestinationsCache.texts(of: project)).links)
    }

    /// True when a link to `value` (normal form, of `type`) from the project at `position` leads
    /// to a threat another project records. (`value` is one of the links the instance was made for.)
    func reached(byLinkTo value: String, type: IndicatorType, from position: Int?) -> Bool {
        let host = Indicators.host(of: value, type: type)
        if let host, threatHosts[host]?.contains(where: { $0 != position }) == true { return true }
        return Self.keys(reachedByLinkTo: value, type: type, host: host).contains { key in
            // Most links lead to nothing recorded: counting costs less than listing.
            index.occurrenceCount(of: key) > 0 && index.occurrences(of: key).contains { occurrence in
                occurrence.project != position
                    && index.indicator(occurrence).effectiveClassification(in: index.workspace.vocabulary) != .nonMalicious
            }
        }
    }

    /// What a link to `value` reaches if recorded as it is: the value, its host as an address or
    /// domain, and each domain the host lies within (`a.b.example` → `b.example` → `example`).
    /// (URLs and e-mail addresses on the host, whatever their scheme, are `threatHosts`.)
    private static func keys(reachedByLinkTo value: String, type: IndicatorType, host: String?) -> [IndicatorKey] {
        var keys = [IndicatorKey(type: type, value: value)]
        guard let host, !host.isEmpty else { return keys }
        switch Indicators.detect(host) {
        case .ipv4: keys.append(IndicatorKey(type: .ipv4, value: host))
        case .ipv6: keys.append(IndicatorKey(type: .ipv6, value: host))
        default:
            var rest = Substring(host)
            while true {
                keys.append(IndicatorKey(type: .domain, value: String(rest)))
                guard let dot = rest.utf8.firstIndex(of: UInt8(ascii: ".")) else { break }
                rest = rest[rest.utf8.index(after: dot)...]
            }
        }
        return keys
    }
}
