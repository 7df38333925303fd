import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

@Suite("fmt")
struct FormatterTests {
    static let canonical = """
        {
          "indicators": [
            {
              "value": "192.0.2.1",
              "type": "ipv4",
              "classification": "malicious",
              "tags": [
                "Blocked",
                "C2"
              ],
              "firstSeen": "2026-10-30",
              "lastSeen": "2026-11-02",
              "source": "proxy logs",
              "comment": "Beacon target",
              "private": false,
              "x-ticket": "INC-1",
              "x-z": {
                "b": null,
                "a": [
                  1,
                  2.50
                ]
              }
            },
            {
              "value": "evil.example",
              "type": "domain"
            },
            {
              "value": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
              "type": "sha256"
            }
          ],
          "x-owner": "jdoe"
        }

        """

    /// The same content reindented, with keys sorted and indicators reordered, and values in
    /// non-normal form. The unknown `x-z` is a value kept as written, its keys in their order.
    static let scrambled = """
        {"x-owner":"jdoe","indicators":[{"type":"sha256","value":"E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"},
        {"classification":"malicious","comment":"Beacon target","firstSeen":"2026-10-30","lastSeen":"2026-11-02","private":false,
        "source":"proxy logs","tags":["Blocked","C2"],"type":"ipv4","value":"192.0.2.1","x-z":{"b":null,"a":[1,2.50]},"x-ticket":"INC-1"},
          {"value":"Evil.Example.","type":"domain"}]}
        """

    @Test("fmt restores a reindented, key-sorted, reordered copy byte for byte; an unknown field's object keeps its keys' order")
    func restores() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: Self.scrambled)
        let plan = FormatPlan(workspace.load())
        #expect(plan.changes.map { ($0.path as NSString).lastPathComponent }.sorted() == ["indicators.json", "project.json"])
        _ = try plan.apply()
        #expect(workspace.read("p/indicators.json") == Self.canonical)
        #expect(FormatPlan(workspace.load()).changes.isEmpty, "fmt is idempotent")
    }

    @Test("canonical files are left alone")
    func canonicalUntouched() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: Self.canonical)
        _ = try FormatPlan(workspace.load()).apply()
        #expect(FormatPlan(workspace.load()).changes.isEmpty)
        #expect(workspace.read("p/indicators.json") == Self.canonical)
    }

    @Test("files with errors are skipped, not rewritten")
    func skipsErrors() throws {
        let workspace = try TemporaryWorkspace()
        let broken = #"{"indicators": [{"value": "192.0.2.1", "type": "ipv4", "classification": "evil"}]}"#
        try workspace.addProject("p", indicators: broken)
        let plan = FormatPlan(workspace.load())
        #expect(plan.skipped.map { ($0 as NSString).lastPathComponent } == ["indicators.json"])
        _ = try plan.apply()
        #expect(workspace.read("p/indicators.json") == broken)
    }

    @Test("a file changed after loading is not overwritten")
    func concurrentChange() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: Self.scrambled)
        let plan = FormatPlan(workspace.load())
        try workspace.write("p/indicators.json", #"{"indicators": []}"#)
        #expect(throws: WriteError.self) { try plan.apply() }
        #expect(workspace.read("p/indicators.json") == #"{"indicators": []}"#)
    }
}
