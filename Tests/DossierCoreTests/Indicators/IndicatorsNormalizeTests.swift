import Testing
@testable import DossierCore

@Suite("Indicators.normalize")
struct IndicatorsNormalizeTests {
    @Test("valid values take their normal form", arguments: IndicatorSamples.valid)
    func valid(_ sample: ValidIndicatorSample) {
        #expect(Indicators.normalize(sample.input, as: sample.type) == .success(sample.normal))
    }

    @Test("normalize is idempotent", arguments: IndicatorSamples.valid)
    func idempotent(_ sample: ValidIndicatorSample) {
        #expect(Indicators.normalize(sample.normal, as: sample.type) == .success(sample.normal))
    }

    @Test("normal forms are ASCII except in URL paths and free-form values", arguments: IndicatorSamples.valid)
    func asciiNormalForms(_ sample: ValidIndicatorSample) {
        guard sample.type.isStrict && sample.type != .url else { return }
        #expect(sample.normal.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test("invalid values are rejected with a reason", arguments: IndicatorSamples.invalid)
    func invalid(_ sample: InvalidIndicatorSample) throws {
        let result = Indicators.normalize(sample.input, as: sample.type)
        guard case .failure(let problem) = result else {
            Issue.record("accepted '\(sample.input)' as \(sample.type.rawValue): \(result)")
            return
        }
        #expect(problem.message.contains(sample.message), "message: \(problem.message)")
    }

    @Test("an already normal value is returned as the same string")
    func unchangedValueIsReturned() {
        for sample in IndicatorSamples.valid where sample.input == sample.normal {
            #expect(Indicators.normalize(sample.input, as: sample.type) == .success(sample.input))
        }
    }

    @Test("exact messages for the common mistakes", arguments: [
        (IndicatorType.ipv4, "999.1.1.1", "999 is not an IPv4 octet (0-255)"),
        (.ipv4, "010.1.1.1", "'010' in '010.1.1.1' has a leading zero, which some tools read as octal; write 10 if it is decimal"),
        (.domain, "foo..com", "'foo..com' has an empty label (two dots in a row)"),
        (.md5, "d41d8cd98f00b204e9800998ecf8427", "an md5 hash has 32 hex digits; 'd41d8cd98f00b204e9800998ecf8427' has 31"),
        (.asn, "AS99999999999", "99999999999 is beyond the largest AS number (4294967295)"),
    ])
    func exactMessages(_ type: IndicatorType, _ input: String, _ message: String) {
        #expect(Indicators.normalize(input, as: type) == .failure(IndicatorProblem(message: message)))
    }

    @Test("a CIDR block written with host bits set is recorded as its network, and said so with the host; a network as written, an address alone or another type is not")
    func hostBits() {
        #expect(Indicators.hostBits(of: "192.0.2.77/24")! == ("192.0.2.77", "192.0.2.0/24"))
        #expect(Indicators.hostBits(of: "192.0.2[.]77/24")! == ("192.0.2.77", "192.0.2.0/24"))
        #expect(Indicators.hostBits(of: "2001:db8::1/64")! == ("2001:db8::1", "2001:db8::/64"))
        #expect(Indicators.hostBitsWarning("192.0.2.77", block: "192.0.2.0/24")
            == "192.0.2.77/24 has host bits set: recorded as the network it lies in, cidr 192.0.2.0/24; to record the host alone, give 192.0.2.77")
        for value in ["192.0.2.0/24", "192.0.2.77", "192.0.2.77/32", "https://evil.example/a/b", "2001:db8::/64", "10.0.0.0/8"] {
            #expect(Indicators.hostBits(of: value) == nil, "\(value)")
        }
    }

}
