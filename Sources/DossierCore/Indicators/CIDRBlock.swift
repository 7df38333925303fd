/// An IPv4 or IPv6 network written `address/prefix`.
///
/// Decision: a block written with host bits set (`192.0.2.77/24`) is valid, and its normal form is the network
/// address (`192.0.2.0/24`), since that is the block every tool means; so two spellings of one block dedupe.
enum CIDRBlock: Equatable {
    case v4(IPv4Address, prefix: Int)
    case v6(IPv6Address, prefix: Int)

    static func parse(_ bytes: IndicatorBytes.Bytes, _ range: Range<Int>) -> Result<CIDRBlock, IndicatorProblem> {
        let text = { IndicatorBytes.string(bytes, range) }
        guard let slash = range.firstIndex(where: { bytes[$0] == IndicatorBytes.slash }) else {
            return .failure(IndicatorProblem("'\(text())' has no prefix length; a CIDR block is written like 192.0.2.0/24"))
        }
        let digits = slash + 1..<range.upperBound
        guard !digits.isEmpty, digits.count <= 3, IndicatorBytes.all(bytes, digits, IndicatorBytes.isDigit) else {
            return .failure(IndicatorProblem("'\(IndicatorBytes.string(bytes, digits))' in '\(text())' is not a prefix length"))
        }
        var prefix = 0
        for i in digits { prefix = prefix * 10 + Int(bytes[i] &- 0x30) }
        let address = range.lowerBound..<slash
        var isIPv6 = false
        for i in address where bytes[i] == IndicatorBytes.colon { isIPv6 = true; break }
        if isIPv6 {
            if prefix > 128 { return .failure(IndicatorProblem("/\(prefix) is longer than the 128 bits of an IPv6 address")) }
            return IPv6Address.parse(bytes, address).map { .v6($0.masked(prefix: prefix), prefix: prefix) }
        }
        if prefix > 32 { return .failure(IndicatorProblem("/\(prefix) is longer than the 32 bits of an IPv4 address")) }
        return IPv4Address.parse(bytes, address).map { v4 in
            let mask: UInt32 = prefix == 0 ? 0 : ~0 << (32 - prefix)
            return .v4(IPv4Address(value: v4.value & mask), prefix: prefix)
        }
    }

    static func parse(_ string: String) -> Result<CIDRBlock, IndicatorProblem> {
        IndicatorBytes.withBytes(string) { parse($0, 0..<$0.count) }
    }

    var description: String {
        switch self {
        case .v4(let address, let prefix): address.description + "/" + String(prefix)
        case .v6(let address, let prefix): address.description + "/" + String(prefix)
        }
    }

    /// True when the address (IPv4, or IPv6 including IPv4-mapped for an IPv4 block) lies in the block.
    func contains(_ address: String) -> Bool {
        switch self {
        case .v4(let network, let prefix):
            let mask: UInt32 = prefix == 0 ? 0 : ~0 << (32 - prefix)
            if case .success(let v4) = IPv4Address.parse(address) { return v4.value & mask == network.value }
            if case .success(let v6) = IPv6Address.parse(address), let v4 = v6.mappedIPv4 {
                return v4.value & mask == network.value
            }
            return false
        case .v6(let network, let prefix):
            if case .success(let v6) = IPv6Address.parse(address) { return v6.masked(prefix: prefix) == network }
            return false
        }
    }
}
