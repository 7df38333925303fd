import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// The stream decoder reads `indicators.json` without a tree; whenever it takes a file it must give
/// exactly what the tree reader gives: the same indicators with the same positions, the same
/// findings, the same completeness.
@Suite("Indicators stream decoder")
struct IndicatorsStreamDecoderTests {
    static let sampleRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/sample-projects"

    static func streamed(_ text: String) -> IndicatorsDecoder.Result? {
        var diagnostics: [Diagnostic] = []
        return IndicatorsStreamDecoder.decode(Array(text.utf8), path: "indicators.json", into: &diagnostics)
    }

    static func list(_ items: String...) -> String { #"{ "indicators": [ "# + items.joined(separator: ", ") + " ] }" }

    @Test("the stream decoder knows exactly the fields the tree reader knows")
    func fields() {
        let matched = IndicatorsDecoder.keys.compactMap { key in Array(key.utf8).withUnsafeBufferPointer { IndicatorField($0) } }
        #expect(Set(matched) == Set(IndicatorField.allCases))
        #expect(matched.count == IndicatorsDecoder.keys.count)
    }

    @Test("the sample workspace's files are read by the stream decoder, as the tree reader reads them")
    func samples() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.sampleRoot).sorted()
        var read = 0
        for folder in folders {
            let path = Self.sampleRoot + "/" + folder + "/indicators.json"
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let bytes = [UInt8](data)
            #expect(IndicatorsDecoder.disagreement(bytes) == nil, "\(folder)")
            var diagnostics: [Diagnostic] = []
            #expect(IndicatorsStreamDecoder.decode(bytes, path: path, into: &diagnostics) != nil, "\(folder) was declined")
            read += 1
        }
        #expect(read >= 3)
    }

    /// Files the stream decoder takes, findings included: these go through its own reading of
    /// positions, so they must not be declined.
    @Test("files of the usual shape, with findings, are taken and agree", arguments: [
        list(#"{ "value": "999.1.1.1", "type": "ipv4" }"#),
        list(#"{ "value": "evil[.]example", "type": "domain", "tags": ["a", "b"] }"#),
        list(#"{ "value": "EVIL.example", "classification": "malicious" }"#),
        list(#"{ "value": "evil.example", "firstSeen": "2026-02-01", "lastSeen": "2026-01-01" }"#),
        list(#"{ "value": "evil.example", "type": "ipv4" }"#),
        list(#"{ "value": "", "type": "domain" }"#),
        list(#"{ "value": "what is this" }"#),
        "\u{FEFF}" + list(#"{ "value": "évil.example", "comment": "日本語 \"q\" \u00e9", "private": true }"#),
        "{\r\n  \"indicators\": [\r\n    { \"comment\": \"ünïcödé\", \"value\": \"192.0.2.1\" },\r\n    {}\r\n  ]\r\n}\r\n",
        #"{"indicators":[{"private":false,"source":"x","tags":[],"value":"192.0.2.1","type":"ipv4","classification":"unknown"}]}"#,
        #"{ "indicators": [] }"#,
    ])
    func taken(_ text: String) {
        #expect(Self.streamed(text) != nil, "declined")
        #expect(IndicatorsDecoder.disagreement(Array(text.utf8)) == nil)
    }

    /// Anything unusual is declined, for the file or for one indicator, and the tree reader says
    /// what is wrong; the result is the same either way.
    @Test("unusual files agree with the tree reader", arguments: [
        list(#"{ "value": 42 }"#),
        list(#"{ "value": "evil.example", "tags": "x" }"#),
        list(#"{ "value": "evil.example", "tags": ["x", 1] }"#),
        list(#"{ "value": "evil.example", "private": "yes" }"#),
        list(#"{ "value": "evil.example", "classification": "evil" }"#),
        list(#"{ "value": "evil.example", "type": "hostname" }"#),
        list(#"{ "value": "evil.example", "firstSeen": "yesterday" }"#),
        list(#"{ "value": "evil.example", "value": "other.example" }"#),
        list(#"{ "type": "domain" }"#),
        list(#"{ "value": "evil.example", "x-ticket": { "id": [1, 2.5e3, null] } }"#),
        list(#"{ "value": "evil.example", "vaule": "x" }"#),
        list(#"{ "val\u0075e": "evil.example" }"#),
        list(#"{ "välue": "evil.example" }"#),
        list("42", #"{ "value": "evil.example" }"#, "[]"),
        list(#"{ "value": "evil.example" }"#, #"{ "value": "192.0.2.300" "#),
        list(#"{ "value": "evil.example", }"#),
        #"{ "indicators": [ { "value": "evil.example" } ], "x-owner": "me" }"#,
        #"{ "x-owner": "me", "indicators": [ { "value": "evil.example" } ] }"#,
        #"{ "indicators": [ { "value": "evil.example" } ] } trailing"#,
        #"{ "indicators": {} }"#,
        #"{ "indicators": [ { "value": "evil.example" } ], "indicators": [] }"#,
        "<<<<<<< HEAD\n" + list(#"{ "value": "evil.example" }"#) + "\n=======\n{}\n>>>>>>> theirs\n",
        "[]",
        "",
        list(String(repeating: "[", count: 300) + String(repeating: "]", count: 300)),
    ])
    func unusual(_ text: String) {
        #expect(IndicatorsDecoder.disagreement(Array(text.utf8)) == nil)
    }

    /// Messy files: any order, escapes anywhere, defanged and upper-case values, fields left out,
    /// unknown fields kept. An escaped key is declined on purpose (keys are matched on their bytes).
    @Test("generated messy files agree, and most with only known fields are taken")
    func generated() {
        var taken = 0, plain = 0
        for seed in UInt64(1)...24 {
            var generator = PropertyGenerator(seed: seed)
            for n in 0..<4 {
                var project = generator.project(n, root: "/w")
                if n % 2 == 0 {
                    project.indicatorsExtra = []
                    for i in project.indicators.indices { project.indicators[i].extra = [] }
                }
                let text = generator.messyIndicatorsFile(project)
                #expect(IndicatorsDecoder.disagreement(Array(text.utf8)) == nil, "seed \(seed) project \(n)")
                if n % 2 == 0 {
                    plain += 1
                    if Self.streamed(text) != nil { taken += 1 }
                }
            }
        }
        #expect(taken * 2 > plain, "only \(taken) of \(plain) files with known fields were taken")
    }
}
