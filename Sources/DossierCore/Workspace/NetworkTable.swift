/// Recorded CIDR blocks by prefix length and network, and recorded addresses in numeric order:
/// the blocks that contain an address or a block are a few dictionary reads, and the addresses and
/// blocks inside a block a range of a sorted list and a pass over the blocks' networks.
struct NetworkTable: Sendable {
    struct V6: Hashable, Comparable, Sendable {
        var hi: UInt64
        var lo: UInt64

        init(hi: UInt64, lo: UInt64) {
            self.hi = hi
            self.lo = lo
        }

        init(_ address: IPv6Address) {
            (hi, lo) = (address.hi, address.lo)
        }

        static func < (a: V6, b: V6) -> Bool { (a.hi, a.lo) < (b.hi, b.lo) }
    }

    var v4: [Int: [UInt32: [IndicatorIndex.Occurrence]]] = [:]
    var v6: [Int: [V6: [IndicatorIndex.Occurrence]]] = [:]
    /// IP indicators, and URLs and e-mail addresses by their IP host, by address (an
    /// IPv4-mapped IPv6 address as its IPv4 address, as `CIDRBlock.contains` sees it).
    private var addresses4: [(address: UInt32, occurrence: IndicatorIndex.Occurrence)] = []
    private var addresses6: [(address: V6, occurrence: IndicatorIndex.Occurrence)] = []

    mutating func insert(_ value: String, _ occurrence: IndicatorIndex.Occurrence) {
        switch CIDRBlock.parse(value) {
        case .success(.v4(let network, let prefix)): v4[prefix, default: [:]][network.value, default: []].append(occurrence)
        case .success(.v6(let network, let prefix)): v6[prefix, default: [:]][V6(network), default: []].append(occurrence)
        case .failure: break
        }
    }

    /// Files a recording at `address` (an IP address in normal form); `sortAddresses()` when all are in.
    mutating func insert(address: String, _ occurrence: IndicatorIndex.Occurrence) {
        if case .success(let a) = IPv4Address.parse(address) {
            addresses4.append((a.value, occurrence))
        } else if case .success(let a) = IPv6Address.parse(address) {
            if let mapped = a.mappedIPv4 { addresses4.append((mapped.value, occurrence)) } else { addresses6.append((V6(a), occurrence)) }
        }
    }

    mutating func sortAddresses() {
        addresses4.sort { ($0.address, $0.occurrence) < ($1.address, $1.occurrence) }
        addresses6.sort { $0.address != $1.address ? $0.address < $1.address : $0.occurrence < $1.occurrence }
    }

    func containing(_ address: String) -> [IndicatorIndex.Occurrence] {
        var result: [IndicatorIndex.Occurrence] = []
        var v4Address: UInt32?
        if case .success(let a) = IPv4Address.parse(address) {
            v4Address = a.value
        } else if case .success(let a) = IPv6Address.parse(address) {
            v4Address = a.mappedIPv4?.value
            for (prefix, blocks) in v6 {
                result += blocks[V6(a.masked(prefix: prefix))] ?? []
            }
        }
        if let value = v4Address {
            for (prefix, blocks) in v4 {
                result += blocks[value & Self.mask(prefix)] ?? []
            }
        }
        return result
    }

    /// Recorded blocks larger than `block` that contain it.
    func containing(block: CIDRBlock) -> [IndicatorIndex.Occurrence] {
        var result: [IndicatorIndex.Occurrence] = []
        switch block {
        case .v4(let network, let prefix):
            for (length, blocks) in v4 where length < prefix { result += blocks[network.value & Self.mask(length)] ?? [] }
        case .v6(let network, let prefix):
            for (length, blocks) in v6 where length < prefix { result += blocks[V6(network.masked(prefix: length))] ?? [] }
        }
        return result
    }

    /// Recorded addresses, and blocks as long as `block` or longer (itself included), that lie in `block`.
    func inside(_ block: CIDRBlock) -> [IndicatorIndex.Occurrence] {
        var result: [IndicatorIndex.Occurrence] = []
        switch block {
        case .v4(let network, let prefix):
            for (length, blocks) in v4 where length >= prefix {
                for (start, occurrences) in blocks where start & Self.mask(prefix) == network.value { result += occurrences }
            }
            let last = network.value | ~Self.mask(prefix)
            var i = Self.firstIndex(in: addresses4.count) { addresses4[$0].address >= network.value }
            while i < addresses4.count, addresses4[i].address <= last {
                result.append(addresses4[i].occurrence)
                i += 1
            }
        case .v6(let network, let prefix):
            let first = V6(network)
            for (length, blocks) in v6 where length >= prefix {
                for (start, occurrences) in blocks where V6(IPv6Address(hi: start.hi, lo: start.lo).masked(prefix: prefix)) == first {
                    result += occurrences
                }
            }
            // The last address of the block: its network with every host bit set.
            let hostHi: UInt64 = prefix >= 64 ? 0 : prefix == 0 ? ~0 : ~0 >> prefix
            let hostLo: UInt64 = prefix <= 64 ? ~0 : prefix >= 128 ? 0 : ~0 >> (prefix - 64)
            let last = V6(hi: first.hi | hostHi, lo: first.lo | hostLo)
            var i = Self.firstIndex(in: addresses6.count) { addresses6[$0].address >= first }
            while i < addresses6.count, addresses6[i].address <= last {
                result.append(addresses6[i].occurrence)
                i += 1
            }
        }
        return result
    }

    /// The mask of an IPv4 prefix of `length` bits.
    private static func mask(_ length: Int) -> UInt32 { length == 0 ? 0 : ~0 << (32 - length) }

    /// The first index below `count` for which `isAtOrAfter` holds (it holds for all after it).
    private static func firstIndex(in count: Int, where isAtOrAfter: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if isAtOrAfter(mid) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
