extension Indicators {
    /// What kind of address an address, or a block, of a special-use range is (RFC 6890), as it
    /// goes before "address" (`private-network (RFC 1918)`, `loopback`): one of some internal
    /// network (RFC 1918's, carrier-grade NAT's, IPv6's unique local ones), the host itself, or a
    /// link. Such a value names a host only on its own network, yours or the victim's: nobody
    /// else can look it up, and a shared blocklist of it blocks hosts on its readers' networks.
    /// Nil for any other value; the documentation ranges (`192.0.2.0/24`, `2001:db8::/32`),
    /// which examples and tests write, are none.
    public static func specialUse(of value: String, type: IndicatorType) -> String? {
        switch type {
        case .ipv4:
            guard case .success(let address) = IPv4Address.parse(value) else { return nil }
            return specialUse(v4: address.value, prefix: 32)
        case .ipv6:
            guard case .success(let address) = IPv6Address.parse(value) else { return nil }
            return specialUse(v6: address, prefix: 128)
        case .url, .email:
            // On such an address: a host only where it was seen, as the address itself.
            guard let host = host(of: value, type: type) else { return nil }
            let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
            return specialUse(of: bare, type: .ipv4) ?? specialUse(of: bare, type: .ipv6)
        case .cidr:
            switch CIDRBlock.parse(value) {
            case .success(.v4(let address, let prefix)): return specialUse(v4: address.value, prefix: prefix)
            case .success(.v6(let address, let prefix)): return specialUse(v6: address, prefix: prefix)
            case .failure: return nil
            }
        default:
            return nil
        }
    }

    /// The ranges, each as its network, prefix length and what it is; a block is of one when it
    /// lies wholly in it.
    private static let v4Ranges: [(network: UInt32, prefix: Int, what: String)] = [
        (0x0A00_0000, 8, "private-network (RFC 1918)"),
        (0xAC10_0000, 12, "private-network (RFC 1918)"),
        (0xC0A8_0000, 16, "private-network (RFC 1918)"),
        (0x6440_0000, 10, "carrier-grade NAT (RFC 6598)"),
        (0x7F00_0000, 8, "loopback"),
        (0xA9FE_0000, 16, "link-local"),
    ]

    private static func specialUse(v4 address: UInt32, prefix: Int) -> String? {
        v4Ranges.first { range in
            prefix >= range.prefix && address >> (32 - range.prefix) == range.network >> (32 - range.prefix)
        }?.what
    }

    private static func specialUse(v6 address: IPv6Address, prefix: Int) -> String? {
        if address.hi == 0, address.lo == 1, prefix == 128 { return "loopback" }
        // An IPv4 address mapped into IPv6 (`::ffff:10.1.1.1`) is that address.
        if address.hi == 0, address.lo >> 32 == 0xFFFF, prefix >= 96 {
            return specialUse(v4: UInt32(truncatingIfNeeded: address.lo), prefix: prefix - 96)
        }
        let first = address.group(0)
        if prefix >= 7, first & 0xFE00 == 0xFC00 { return "unique local (RFC 4193, IPv6's private network)" }
        if prefix >= 10, first & 0xFFC0 == 0xFE80 { return "link-local" }
        return nil
    }
}
