import Foundation

/// Where each indicator is recorded across the workspace, built in one pass. It serves `lookup`,
/// the cross-project rule of `check` and the reports' "also seen in".
///
/// For `lookup` (scope `.lookups`), the same pass also files what indirect matches need: URLs and
/// e-mail addresses under their host and each parent domain of it, domains under each parent
/// domain, and CIDR blocks by prefix length and network, so that every lookup is a few dictionary
/// reads. `check` and the reports need none of it (scope `.correlations`).
///
/// Keys are split into shards by their hash (`KeyTable`), one per core, so that the pass over a
/// million indicators runs on every core.
public struct IndicatorIndex: Sendable {
    /// One recording of an indicator: project and position in its `indicators` array.
    public struct Occurrence: Sendable, Hashable, Comparable {
        public var project: Int
        public var indicator: Int

        public static func < (a: Self, b: Self) -> Bool { (a.project, a.indicator) < (b.project, b.indicator) }
    }

    /// What the index is for, besides each key's occurrences.
    public enum Scope: Sendable {
        /// Correlations only (`check`, reports): recordings of the same indicator.
        case correlations
        /// Also the tables of indirect matches that `lookup` reads (hosts, networks).
        case lookups
    }

    public let workspace: Workspace
    public let scope: Scope
    /// Keys in shards (`shard(of:)`), each built on its own core.
    private var shards: [KeyTable]
    /// URLs and e-mail addresses by host and each parent domain of it; domains by parent domain.
    private var hosts = HostTable()
    private var networks = NetworkTable()

    public init(_ workspace: Workspace, scope: Scope = .lookups) {
        self.workspace = workspace
        self.scope = scope
        let total = workspace.projects.reduce(0) { $0 + $1.indicators.count }
        // A shard per core for a large workspace; below that, threads cost more than they save.
        let shardCount = total < 50_000 ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))
        // Each key hashed once, each project on its own core; then the shards and, for lookups,
        // the tables of indirect matches, all built side by side.
        let hashes = workspace.projects.indices.map { $0 }.concurrentMap { p in
            workspace.projects[p].indicators.indices.map { i in
                KeyTable.hash(of: workspace.projects[p].indicators[i].type, workspace.projects[p].indicators[i].value)
            }
        }
        let parts = (0..<shardCount + (scope == .lookups ? 1 : 0)).map { $0 }.concurrentMap { part -> Part in
            part < shardCount ? .shard(Self.shard(part, of: shardCount, in: workspace, hashes: hashes, total: total)) : Self.tables(of: workspace)
        }
        var shards: [KeyTable] = []
        for part in parts {
            switch part {
            case .shard(let slots): shards.append(slots)
            case .tables(let hosts, let networks): (self.hosts, self.networks) = (hosts, networks)
            }
        }
        self.shards = shards
        // In the order of their first recording, whatever shards the keys fell in (their hashes
        // are seeded anew in every process).
        repeated = shards.flatMap(\.repeated).sorted { $0.occurrences[0] < $1.occurrences[0] }
    }

    private enum Part: Sendable {
        case shard(KeyTable)
        case tables(HostTable, NetworkTable)
    }

    /// One shard: a pass over every indicator that files those of its keys, in project order.
    private static func shard(_ shard: Int, of count: Int, in workspace: Workspace, hashes: [[UInt64]], total: Int) -> KeyTable {
        var table = KeyTable(capacity: total / count + total / (4 * count))
        // Keys go in by batches, each key's slot asked for before the batch is filed: a slot lies
        // anywhere in tens of megabytes, and filing keys one by one waited on memory at each.
        let batch = 16
        withUnsafeTemporaryAllocation(of: (hash: UInt64, indicator: Int).self, capacity: batch) { pending in
            for (p, project) in workspace.projects.enumerated() {
                // Read through a buffer: the array's subscript copied each indicator out (and so
                // retained and released all of its strings) for its type and value.
                project.indicators.withUnsafeBufferPointer { indicators in
                    var start = 0
                    while start < indicators.count {
                        let end = min(start + batch, indicators.count)
                        var waiting = 0
                        for i in start..<end {
                            let hash = hashes[p][i]
                            guard Self.shard(of: hash, count: count) == shard else { continue }
                            table.prefetch(hash)
                            pending[waiting] = (hash, i)
                            waiting += 1
                        }
                        for (hash, i) in pending[0..<waiting] {
                            let key = IndicatorKey(type: indicators[i].type, value: indicators[i].value)
                            table.append(Occurrence(project: p, indicator: i), key: key, hash: hash, in: workspace)
                        }
                        start = end
                    }
                }
            }
        }
        return table
    }

    /// What lookups need for indirect matches: hosts and parent domains, networks.
    private static func tables(of workspace: Workspace) -> Part {
        var hosts = HostTable()
        var networks = NetworkTable()
        for (p, project) in workspace.projects.enumerated() {
            for i in project.indicators.indices {
                let occurrence = Occurrence(project: p, indicator: i)
                let (type, value) = (project.indicators[i].type, project.indicators[i].value)
                switch type {
                case .url, .email:
                    guard let host = Indicators.host(of: value, type: type) else { break }
                    let isAddress = Self.isAddress(host)
                    hosts.insert(host: host, isAddress: isAddress, occurrence)
                    if isAddress { networks.insert(address: host, occurrence) }
                case .domain:
                    hosts.insert(domain: value, occurrence)
                case .cidr:
                    networks.insert(value, occurrence)
                case .ipv4, .ipv6:
                    networks.insert(address: value, occurrence)
                default:
                    break
                }
            }
        }
        networks.sortAddresses()
        return .tables(hosts, networks)
    }

    /// The shard of a key, from the high bits of its hash (a shard's slots take the low ones).
    static func shard(of hash: UInt64, count: Int) -> Int {
        count == 1 ? 0 : Int(hash >> 40) % count
    }

    /// Every recording of `key`, in project order.
    public func occurrences(of key: IndicatorKey) -> [Occurrence] {
        let hash = KeyTable.hash(of: key.type, key.value)
        return shards[Self.shard(of: hash, count: shards.count)].occurrences(of: key, hash: hash, in: workspace)
    }

    /// How many times `key` is recorded (cheaper than counting `occurrences(of:)`).
    public func occurrenceCount(of key: IndicatorKey) -> Int {
        let hash = KeyTable.hash(of: key.type, key.value)
        return shards[Self.shard(of: hash, count: shards.count)].count(key, hash: hash, in: workspace)
    }

    /// Recorded URLs and e-mail addresses whose host is `host` (a normalized domain or IP address)
    /// or, for a domain, a subdomain of it; and recorded domains that are subdomains of it. In
    /// project order.
    public func occurrences(within host: String) -> [Occurrence] {
        precondition(scope == .lookups, "an index of correlations only has no host table")
        return hosts.candidates(host).filter { HostTable.confirm(indicator($0), within: host) }.sorted()
    }

    /// Recorded CIDR blocks that contain `address` (an IPv4 or IPv6 address in normal form; an
    /// IPv4-mapped IPv6 address also lies in IPv4 blocks). In project order.
    public func networks(containing address: String) -> [Occurrence] {
        precondition(scope == .lookups, "an index of correlations only has no network table")
        return networks.containing(address).sorted()
    }

    /// For a CIDR block in normal form: recorded blocks larger than it that contain it (`containing`),
    /// and recorded addresses, blocks, and URLs and e-mail addresses on an address, that lie in it
    /// (`inside`; the block itself included). Each in project order.
    public func networks(around block: String) -> (containing: [Occurrence], inside: [Occurrence]) {
        precondition(scope == .lookups, "an index of correlations only has no network table")
        guard case .success(let parsed) = CIDRBlock.parse(block) else { return ([], []) }
        return (networks.containing(block: parsed).sorted(), networks.inside(parsed).sorted())
    }

    /// Keys recorded in more than one project.
    public var sharedKeys: [IndicatorKey] {
        repeated.compactMap { key, list in
            Set(list.map(\.project)).count > 1 ? key : nil
        }.sorted()
    }

    /// Every key recorded more than once (in one project or several), with its occurrences in
    /// project order, for whole-workspace scans: a key recorded once concerns no rule.
    public let repeated: [(key: IndicatorKey, occurrences: [Occurrence])]

    public func project(_ occurrence: Occurrence) -> Project { workspace.projects[occurrence.project] }

    public func indicator(_ occurrence: Occurrence) -> Indicator {
        workspace.projects[occurrence.project].indicators[occurrence.indicator]
    }

    /// `a.b.example.com` → `b.example.com`, `example.com` (never a lone top-level label: a
    /// lookup of `com` is no investigation, and the table would hold every `.com` URL).
    static func parentDomains(of domain: String) -> [String] {
        var result: [String] = []
        let utf8 = domain.utf8
        var index = utf8.startIndex
        while let dot = utf8[index...].firstIndex(of: UInt8(ascii: ".")) {
            let rest = utf8.index(after: dot)
            guard utf8[rest...].contains(UInt8(ascii: ".")) else { break }
            result.append(String(domain[rest...]))
            index = rest
        }
        return result
    }

    /// True when a URL's or e-mail's host is an IP address rather than a name.
    static func isAddress(_ host: String) -> Bool {
        if host.utf8.contains(UInt8(ascii: ":")) { return true }
        if case .success = IPv4Address.parse(host) { return true }
        return false
    }
}
