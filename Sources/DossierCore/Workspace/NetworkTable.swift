/// CIDR blocks by family, prefix length and network address: finding the blocks that contain an
/// address costs one dictionary read per prefix length in use.
struct NetworkTable: Sendable {
    struct V6: Hashable, Sendable {
        var hi: UInt64
        var lo: UInt64
    }

    var v4: [Int: [UInt32: [IndicatorIndex.Occurrence]]] = [:]
    var v6: [Int: [V6: [IndicatorIndex.Occurrence]]] = [:]

    mutating func insert(_ value: String, _ occurrence: IndicatorIndex.Occurrence) {
        switch CIDRBlock.parse(value) {
        case .success(.v4(let network, let prefix)): v4[prefix, default: [:]][network.value, default: []].append(occurrence)
        case .success(.v6(let network, let prefix)): v6[prefix, default: [:]][V6(hi: network.hi, lo: network.lo), default: []].append(occurrence)
        case .failure: break
        }
    }

    func containing(_ address: String) -> [IndicatorIndex.Occurrence] {
        var result: [IndicatorIndex.Occurrence] = []
        var v4Address: UInt32?
        if case .success(let a) = IPv4Address.parse(address) {
            v4Address = a.value
        } else if case .success(let a) = IPv6Address.parse(address) {
            v4Address = a.mappedIPv4?.value
            for (prefix, blocks) in v6 {
                let network = a.masked(prefix: prefix)
                result += blocks[V6(hi: network.hi, lo: network.lo)] ?? []
            }
        }
        if let value = v4Address {
            for (prefix, blocks) in v4 {
                let mask: UInt32 = prefix == 0 ? 0 : ~0 << (32 - prefix)
                result += blocks[value & mask] ?? []
            }
        }
        return result
    }
}
