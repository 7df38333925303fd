import DossierCore
import DossierTestSupport
import Foundation
import Testing
@testable import DossierInterop

/// Hostile STIX patterns (issue 7's limits): deep parentheses overflowed the recursive parser's
/// stack (a crash at 30,000 levels), and a long OR chain took quadratic time (30 s for 50,000).
@Suite("STIX pattern limits")
struct STIXPatternLimitsTests {
    static func bundle(_ pattern: String) -> [UInt8] {
        let object: [String: Any] = [
            "type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
            "objects": [["type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
                         "pattern_type": "stix", "pattern": pattern]],
        ]
        return Array((try? JSONSerialization.data(withJSONObject: object)) ?? Data())
    }

    @Test("parentheses nested past the bound are a syntax error, not a crash", arguments: [
        String(repeating: "(", count: 30_000) + "[domain-name:value = 'a.example']" + String(repeating: ")", count: 30_000),
        "[" + String(repeating: "(", count: 30_000) + "domain-name:value = 'a.example'" + String(repeating: ")", count: 30_000) + "]",
    ])
    func deepParentheses(_ pattern: String) {
        #expect { try STIXPattern.parse(pattern) } throws: { error in
            (error as? STIXPattern.SyntaxError)?.message == "parentheses nested deeper than 100 levels"
        }
        let result = Importer.read(Self.bundle(pattern), path: "/deep.json", format: .stix)
        #expect(result.indicators.isEmpty)
        #expect(result.skipped.first?.reason.contains("nested deeper than 100 levels") == true, "\(result.skipped.map(\.reason))")
    }

    @Test("parentheses up to the bound are read")
    func allowedDepth() throws {
        let depth = STIXPattern.maximumDepth
        let pattern = String(repeating: "(", count: depth) + "[domain-name:value = 'a.example']" + String(repeating: ")", count: depth)
        let (values, _) = STIXPatternValues.values(of: try STIXPattern.parse(pattern))
        #expect(values.map(\.raw) == ["a.example"])
    }

    @Test("a long OR chain is read in linear time", arguments: [true, false])
    func longOr(_ betweenObservations: Bool) throws {
        func pattern(_ n: Int) -> String {
            betweenObservations
                ? (0..<n).map { "[domain-name:value = 'a\($0).example']" }.joined(separator: " OR ")
                : "[" + (0..<n).map { "domain-name:value = 'a\($0).example'" }.joined(separator: " OR ") + "]"
        }
        let growth = try Growth.ratio(from: 5_000) { n in
            let (values, _) = STIXPatternValues.values(of: try STIXPattern.parse(pattern(n)))
            #expect(values.count == n)
        }
        #expect(growth.ratio < 8, "\(4 * growth.n) alternatives took \(growth.ratio)x as long as \(growth.n)")
    }
}
