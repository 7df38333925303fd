import Foundation
import Testing
@testable import DossierCore

/// Properties of the indicator engine over generated values (deterministic seeds; the fuzz target
/// `indicators` checks the same properties on mutated input): for every type, a generated value is
/// valid, its normal form is a fixed point of `normalize`, `refang(defang(v)) == v`, and every way
/// analysts defang it parses back to `v`.
@Suite("Properties: indicators")
struct IndicatorPropertyTests {
    static let seeds: [UInt64] = Array(1...6)
    static let perSeed = 120

    @Test("normalize is idempotent", arguments: seeds)
    func normalizeIdempotent(_ seed: UInt64) {
        var generator = PropertyGenerator(seed: seed)
        for type in IndicatorType.allCases {
            var valid = 0
            for _ in 0..<Self.perSeed {
                let input = generator.indicatorInput(type)
                guard case .success(let normal) = Indicators.normalize(Indicators.refang(input), as: type) else { continue }
                valid += 1
                #expect(Indicators.normalize(normal, as: type) == .success(normal), "\(type.rawValue) \(input) → \(normal)")
            }
            // The generator writes valid values: nearly all must pass (or it tests nothing).
            #expect(valid * 10 >= Self.perSeed * 9, "only \(valid) of \(Self.perSeed) generated \(type.rawValue) values were valid")
        }
    }

    @Test("parse gives the normal form, and the normal form parses to itself", arguments: seeds)
    func parseNormal(_ seed: UInt64) {
        var generator = PropertyGenerator(seed: seed)
        for type in IndicatorType.allCases {
            for _ in 0..<Self.perSeed {
                let input = generator.indicatorInput(type)
                guard case .success(let parsed) = Indicators.parse(input, as: type) else { continue }
                #expect(Indicators.parse(parsed.value, as: type) == .success(parsed), "\(type.rawValue) \(input)")
                if type.isStrict, let detected = Indicators.detect(parsed.value) {
                    // Detection of a normal value never changes it.
                    #expect(Indicators.normalize(parsed.value, as: detected).map { _ in true } == .success(true))
                }
            }
        }
    }

    @Test("refang(defang(v)) == v for every valid value", arguments: seeds)
    func refangUndoesDefang(_ seed: UInt64) {
        var generator = PropertyGenerator(seed: seed)
        for type in IndicatorType.allCases where type.isStrict {
            for _ in 0..<Self.perSeed {
                let input = generator.indicatorInput(type)
                guard case .success(let parsed) = Indicators.parse(input, as: type) else { continue }
                let value = parsed.value
                let defanged = Indicators.defang(value, as: type)
                #expect(Indicators.refang(defanged) == value, "\(type.rawValue) \(value) defanged \(defanged)")
                #expect(Indicators.parse(defanged, as: type) == .success(parsed), "\(type.rawValue) \(defanged)")
                if [.ipv4, .domain, .email].contains(type) || type == .cidr && !value.contains(":") {
                    #expect(defanged != value, "\(type.rawValue) \(value) is not defanged")
                }
            }
        }
    }

    @Test("every common defanging style parses back to the value", arguments: seeds)
    func defangStyles(_ seed: UInt64) {
        var generator = PropertyGenerator(seed: seed)
        for type in IndicatorType.allCases where type.isNetwork {
            for _ in 0..<Self.perSeed {
                guard case .success(let parsed) = Indicators.parse(generator.indicatorInput(type), as: type) else { continue }
                let defanged = generator.defanged(parsed.value, type)
                #expect(Indicators.parse(defanged, as: type) == .success(parsed), "\(type.rawValue) \(parsed.value) written \(defanged)")
            }
        }
    }

    @Test("extract finds each generated value in prose, in normal form", arguments: seeds)
    func extractFindsValues(_ seed: UInt64) {
        var generator = PropertyGenerator(seed: seed)
        let types: [IndicatorType] = [.ipv4, .domain, .url, .email, .md5, .sha256, .cve]
        for _ in 0..<60 {
            var expected: [IndicatorKey] = []
            var text = ""
            for _ in 0..<generator.int(1...6) {
                let type = generator.pick(types)
                guard case .success(let parsed) = Indicators.parse(generator.indicatorInput(type), as: type),
                    Indicators.detect(parsed.value) == type, Self.endsClearly(parsed.value)
                else { continue }
                expected.append(IndicatorKey(type: type, value: parsed.value))
                let written = generator.chance(50) ? generator.defanged(parsed.value, type) : parsed.value
                text += generator.pick(["Seen ", "- ", "and ", "C2 at ", "\n"]) + written + generator.pick([" today", ", ", "\n", " (blocked) ", "\t"])
            }
            let found = Indicators.extract(from: text).map { IndicatorKey(type: $0.type, value: $0.value) }
            for key in expected {
                #expect(found.contains(key), "\(key.type.rawValue) \(key.value) not found in \(text.debugDescription): \(found)")
            }
            for item in Indicators.extract(from: text) where !expected.contains(IndicatorKey(type: item.type, value: item.value)) {
                #expect(Indicators.normalize(item.value, as: item.type) == .success(item.value))
            }
        }
    }

    /// Whether prose can tell where `value` ends: a URL whose path holds punctuation that also ends
    /// sentences or brackets defanging (`)`, `!`, `,`, `]`...) is cut there, by design.
    static func endsClearly(_ value: String) -> Bool {
        guard let last = value.unicodeScalars.last, last.properties.isAlphabetic || ("0"..."9").contains(last) || last == "/" else {
            return false
        }
        guard let scheme = value.range(of: "://") else { return true }
        let rest = value[scheme.upperBound...]
        let path = rest.drop { $0 != "/" && $0 != "?" && $0 != "#" }
        return path.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._~/%=&?#".unicodeScalars.contains($0) }
    }
}
