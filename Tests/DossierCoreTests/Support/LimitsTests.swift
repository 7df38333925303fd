import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// Issue 7's limits: bounds on size with clear errors, and nothing quadratic on hostile input.
/// Quadratic work is caught by timing a size and four times that size: linear work takes about
/// four times as long, quadratic sixteen; a ratio under 8 passes (the figures for 100,000 tags,
/// keys and projects on a release build are in SECURITY.md).
@Suite("Limits")
struct LimitsTests {
    @Test("a file over the size bound is refused with a clear error naming it")
    func fileSize() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        // A sparse file: its size is over the bound, without the disk space.
        let path = workspace.path("p/indicators.json")
        let fd = open(path, O_WRONLY | O_TRUNC)
        try #require(fd >= 0)
        ftruncate(fd, off_t(Limits.fileSize + 1))
        close(fd)
        let loaded = workspace.load()
        let errors = loaded.diagnostics.items.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location?.path == path)
        #expect(errors.first?.message == "file is too large (257 MB); dossier reads files of up to 256 MB")
    }

    @Test("an indicator value over the length bound is invalid, with the reason")
    func valueLength() throws {
        let long = "https://example.com/" + String(repeating: "a", count: Limits.valueLength)
        #expect(Indicators.normalize(long, as: .url) == .failure(IndicatorProblem("the value is longer than 65536 bytes")))
        let fine = "https://example.com/" + String(repeating: "a", count: 8_000)
        #expect(Indicators.normalize(fine, as: .url) == .success(fine))
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: #"{ "indicators": [ { "value": "\#(long)", "type": "url" } ] }"#)
        let messages = workspace.load().diagnostics.items.filter { $0.severity == .error }.map(\.message)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("longer than 65536 bytes") == true, "\(messages)")
    }

    @Test("JSON nesting deeper than the bound is an error with its position")
    func nesting() {
        let deep = String(repeating: "{\"a\":", count: JSONParser.maximumDepth + 1) + "1" + String(repeating: "}", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect((try? JSONParser.parse(allowed)) != nil)
    }

    @Test("an object of many keys parses in linear time, and a late duplicate is still found")
    func manyKeys() throws {
        func object(_ n: Int) -> [UInt8] {
            Array(("{" + (0..<n).map { "\"k\($0)\": \($0)" }.joined(separator: ",") + "}").utf8)
        }
        let growth = Growth.ratio(from: 2_000) { n in _ = try? JSONParser.parse(object(n)) }
        #expect(growth.ratio < 8, "parsing \(4 * growth.n) keys took \(growth.ratio)× as long as \(growth.n)")
        let duplicate = "{" + (0..<40).map { "\"k\($0)\": 1" }.joined(separator: ",") + ", \"k3\": 2}"
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(duplicate) }
        let keys = try JSONParser.parse(object(100)).value.objectValue?.keys
        #expect(keys?.count == 100)
    }

    @Test("merging many tags is linear, and keeps the recorded spelling")
    func manyTags() {
        let growth = Growth.ratio(from: 5_000) { n in
            let recorded = Indicator(value: "evil.example", type: .domain, tags: (0..<n).map { "tag-\($0)" })
            let incoming = Indicator(value: "evil.example", type: .domain, tags: (0..<n).map { "TAG-\($0 + n / 2)" })
            _ = IndicatorMerge.merge(incoming, into: recorded)
        }
        #expect(growth.ratio < 8, "merging \(4 * growth.n) tags took \(growth.ratio)× as long as \(growth.n)")
        #expect(Tag.union(["Blocked", "a"], ["blocked", "B", "b", "A", "c"]) == ["Blocked", "a", "B", "c"])
        let merged = IndicatorMerge.merge(
            Indicator(value: "x.example", type: .domain, tags: ["BLOCKED", "New", "new"]),
            into: Indicator(value: "x.example", type: .domain, tags: ["Blocked"]))
        #expect(merged.indicator.tags == ["Blocked", "New"])
        #expect(merged.changes == [.tagsAdded(["New"])])
    }

    @Test("a 1 MB single-line note loads and checks in linear time")
    func longNote() throws {
        func note(_ bytes: Int) -> String {
            var line = ""
            var i = 0
            while line.utf8.count < bytes {
                line += "hxxp://evil\(i)[.]example/a 192.0.2.\(i % 250) word "
                i += 1
            }
            return "---\ntitle: Long\n---\n" + line + "\n"
        }
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        try workspace.write("p/notes/01-long.md", note(1 << 20))
        let loaded = workspace.load()
        #expect(loaded.workspace.projects.first?.notes.first?.body.utf8.count ?? 0 > 1 << 20)
        let growth = Growth.ratio(from: 50_000) { n in
            _ = Indicators.extract(from: note(n))
        }
        #expect(growth.ratio < 8, "extracting from \(4 * growth.n) bytes took \(growth.ratio)× as long as \(growth.n)")
    }
}
