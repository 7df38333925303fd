import Testing
@testable import DossierCore

/// Addresses and blocks of special-use ranges: a host only where it was seen.
@Suite struct SpecialUseTests {
    @Test("private-network, carrier-grade NAT, loopback and link-local addresses and blocks are told; public and documentation ones are not")
    func ranges() {
        let cases: [(String, IndicatorType, String?)] = [
            ("10.0.0.1", .ipv4, "private-network (RFC 1918)"), ("172.31.255.255", .ipv4, "private-network (RFC 1918)"),
            ("172.32.0.1", .ipv4, nil), ("192.168.0.0/16", .cidr, "private-network (RFC 1918)"), ("192.168.0.0/15", .cidr, nil),
            ("100.64.0.1", .ipv4, "carrier-grade NAT (RFC 6598)"), ("100.128.0.1", .ipv4, nil), ("127.0.0.1", .ipv4, "loopback"),
            ("169.254.10.1", .ipv4, "link-local"), ("8.8.8.8", .ipv4, nil), ("192.0.2.10", .ipv4, nil), ("203.0.113.0/24", .cidr, nil),
            ("::1", .ipv6, "loopback"), ("fd12:3456::1", .ipv6, "unique local (RFC 4193, IPv6's private network)"),
            ("fc00::/7", .cidr, "unique local (RFC 4193, IPv6's private network)"), ("fe80::1", .ipv6, "link-local"),
            ("2001:db8::1", .ipv6, nil), ("2606:4700::1111", .ipv6, nil), ("10.0.0.1", .domain, nil),
            ("::ffff:10.1.1.1", .ipv6, "private-network (RFC 1918)"), ("::ffff:8.8.8.8", .ipv6, nil),
            ("http://10.9.9.9/x", .url, "private-network (RFC 1918)"), ("http://[fe80::1]/", .url, "link-local"), ("http://evil.example/", .url, nil),
            ("admin@192.168.1.1", .email, "private-network (RFC 1918)"),
        ]
        for (value, type, expected) in cases {
            #expect(Indicators.specialUse(of: value, type: type) == expected, "\(value)")
        }
    }
}
