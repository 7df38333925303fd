import DossierTestSupport
import Testing
@testable import DossierCore

/// Canonical files list indicators by type, then by the UTF-8 bytes of the value (PRODUCT.md §3):
/// the order `fmt` writes and reports and sites show.
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
        let types: [IndicatorType] = [.domain, .ipv4, .url, .sha256]
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
}
