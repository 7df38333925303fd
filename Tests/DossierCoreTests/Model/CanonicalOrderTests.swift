import DossierTestSupport
import Testing
@testable import DossierCore

/// Canonical files list indicators by type, then by value (PRODUCT.md §3): addresses, networks, AS
/// numbers and CVE ids by their numbers, other values by their UTF-8 bytes. The order `fmt` writes
/// and reports and sites show.
@Suite("Canonical order")
struct CanonicalOrderTests {
    @Test("values compare by their UTF-8 bytes: prefixes first, upper case before lower, non-ASCII after ASCII")
    func bytewise() {
        let values = ["", "a", "ab", "abc", "b", "B", "Z", "é", "e\u{301}", "z", "10.0.0.2", "10.0.0.10", "ß", "日本", "\u{0}", "a\u{0}"]
        for a in values {
            for b in values {
                #expect(utf8Precedes(a, b) == Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)), "\(a) < \(b)")
            }
        }
    }

    @Test("an unsorted list is put in order by type, then value; a sorted one is kept as it is")
    func positions() {
        var random = SplitMix64(seed: 7)
        let types: [IndicatorType] = [.domain, .email, .url, .sha256]
        let indicators = (0..<500).map { _ in
            let length = Int.random(in: 0...12, using: &random)
            let value = String((0..<length).map { _ in Array("aAbé0.").randomElement(using: &random)! })
            return Indicator(value: value, type: types.randomElement(using: &random)!)
        }
        let ordered = Indicator.canonicalPositions(of: indicators).map { indicators[$0] }
        let expected = indicators.map(\.key).sorted { (a: IndicatorKey, b: IndicatorKey) -> Bool in
            if a.type != b.type { return a.type < b.type }
            return Array(a.value.utf8).lexicographicallyPrecedes(Array(b.value.utf8))
        }
        #expect(ordered.map(\.key) == expected)
        #expect(Indicator.canonicalPositions(of: ordered) == Array(ordered.indices))
    }

    @Test("addresses and networks sort by number (IPv4 networks before IPv6 ones, a wider block first), AS numbers and CVE ids by number; a value that does not read as its type comes after, by its bytes")
    func numbers() {
        func sorted(_ type: IndicatorType, _ values: [String]) -> [String] {
            values.map { Indicator(value: $0, type: type) }.sorted(by: Indicator.canonicalOrder).map(\.value)
        }
        #expect(sorted(.ipv4, ["192.0.2.10", "not-an-address", "192.0.2.9", "10.0.0.1", "192.0.2.100", "9.255.255.255"])
            == ["9.255.255.255", "10.0.0.1", "192.0.2.9", "192.0.2.10", "192.0.2.100", "not-an-address"])
        #expect(sorted(.ipv6, ["2001:db8::10", "2001:db8::9", "::1", "2001:db8:0:1::", "fe80::1"])
            == ["::1", "2001:db8::9", "2001:db8::10", "2001:db8:0:1::", "fe80::1"])
        #expect(sorted(.cidr, ["2001:db8::/32", "192.0.2.0/24", "10.0.0.0/8", "192.0.2.0/25", "10.0.0.0/16", "9.0.0.0/8"])
            == ["9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "192.0.2.0/24", "192.0.2.0/25", "2001:db8::/32"])
        #expect(sorted(.asn, ["AS64500", "AS9", "AS13335", "AS10"]) == ["AS9", "AS10", "AS13335", "AS64500"])
        #expect(sorted(.cve, ["CVE-2024-10000", "CVE-2023-44487", "CVE-2024-9999", "CVE-2024-3094"])
            == ["CVE-2023-44487", "CVE-2024-3094", "CVE-2024-9999", "CVE-2024-10000"])
        // Other types keep the order of their bytes.
        #expect(sorted(.domain, ["b10.example", "b9.example"]) == ["b10.example", "b9.example"])
        // A sorted list is found sorted, and an unsorted one put in this order.
        let addresses = ["192.0.2.10", "192.0.2.9"].map { Indicator(value: $0, type: .ipv4) }
        #expect(Indicator.canonicalPositions(of: addresses) == [1, 0])
        #expect(Indicator.canonicalPositions(of: addresses.reversed()) == [0, 1])
    }

    @Test("the order of values read as numbers is a strict weak order, values that read and values that do not mixed, and a sort that reads each value once agrees with it pair by pair")
    func numberOrderIsConsistent() {
        let samples: [IndicatorType: [String]] = [
            .ipv4: ["192.0.2.10", "192.0.2.9", "010.0.0.1", "10.0.0.1", "not-an-address", "", "255.255.255.255", "0.0.0.0", "192.0.2.9"],
            .ipv6: ["::1", "2001:db8::9", "2001:DB8::9", "::ffff:192.0.2.1", "fe80::1%eth0", "::", "2001:db8::10"],
            .cidr: ["192.0.2.5/24", "192.0.2.0/24", "192.0.2.0/25", "10.0.0.0/8", "2001:db8::/32", "::/0", "0.0.0.0/0", "bad/99"],
            .asn: ["AS9", "AS09", "AS10", "XX5", "645", "AS", "as7", "AS4294967295"],
            .cve: ["CVE-2024-9999", "CVE-2024-10000", "CVE-2024-01234", "cve-2023-1", "CVE-2024", "XYZ-2024-1", "CVE-2024-1234"],
        ]
        var random = SplitMix64(seed: 11)
        for (type, values) in samples {
            let less = { (a: String, b: String) in ValueOrder.precedes(a, b, type: type) }
            for a in values {
                #expect(!less(a, a), "\(type) \(a) < itself")
                for b in values {
                    #expect(!(less(a, b) && less(b, a)), "\(type) \(a) and \(b) each first")
                    for c in values where less(a, b) && less(b, c) { #expect(less(a, c), "\(type) \(a) < \(b) < \(c)") }
                    // Neither first: the same value.
                    if !less(a, b) && !less(b, a) { #expect(a == b, "\(type) \(a) and \(b) tie") }
                }
            }
            let indicators = (0..<200).map { _ in Indicator(value: values.randomElement(using: &random)!, type: type) }
            let ordered = Indicator.canonicalPositions(of: indicators).map { indicators[$0].value }
            for (a, b) in zip(ordered, ordered.dropFirst()) { #expect(!less(b, a), "\(type): \(b) after \(a)") }
        }
    }
}
