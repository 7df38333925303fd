import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

@Suite("Workspace loader")
struct WorkspaceLoaderTests {
    static let indicators = """
        {
          "indicators": [
            {
              "value": "192.0.2.1",
              "type": "ipv4",
              "classification": "malicious"
            },
            {
              "value": "payroll-acme.example",
              "type": "domain",
              "classification": "evil",
              "x-ticket": "INC-1"
            }
          ]
        }
        """

    @Test("an unknown classification points at the value's opening quote")
    func unknownClassification() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("phish", indicators: Self.indicators)
        let lines = workspace.check().filter { $0.severity == .error }.rendered(relativeTo: workspace.root)
        #expect(lines == [
            #"phish/indicators.json:11:25: error: unknown classification "evil"; expected "malicious", "suspicious", "unknown" or "non-malicious""#
        ])
    }

    @Test("a project TLP written as a marking (TLP:AMBER) gets the value meant as its hint")
    func tlpAsMarking() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/project.json", #"{ "title": "P", "tlp": "TLP:AMBER", "status": "Closed" }"#)
        try workspace.write("p/indicators.json", #"{ "indicators": [] }"#)
        let lines = workspace.check().filter { $0.severity == .error }.rendered(relativeTo: workspace.root)
        #expect(lines.contains { $0.hasSuffix(#"unknown tlp "TLP:AMBER"; expected "clear", "green", "amber", "amber+strict" or "red" (did you mean "amber"?)"#) }, "\(lines)")
        #expect(lines.contains { $0.hasSuffix(#"(did you mean "closed"?)"#) }, "\(lines)")
    }

    @Test("an unknown field whose value is a value of a known field the object lacks is a warning naming that field (a classification written as implies or verdict); another unknown field is kept unsaid")
    func unknownFieldOfAKnownValue() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("dossier.json", #"{ "title": "W", "tags": { "Sinkholed": { "implies": "non-malicious" } } }"#)
        try workspace.addProject("p", indicators: #"{ "indicators": [ { "value": "a.example", "type": "domain", "verdict": "Malicious", "x-ticket": "INC-1" }, { "value": "b.example", "type": "domain", "classification": "suspicious", "verdict": "malicious" } ] }"#)
        let lines = workspace.check().rendered(relativeTo: workspace.root)
        #expect(lines.contains(#"dossier.json:1:42: warning: unknown field "implies" in tag "Sinkholed", whose value "non-malicious" is a classification (did you mean "classification"?); it is kept as is, and means nothing to dossier"#), "\(lines)")
        #expect(lines.contains { $0.contains(#"unknown field "verdict" in indicator, whose value "Malicious" is a classification"#) }, "\(lines)")
        // Beside a classification, or of another value, it is an extension of the team's own.
        #expect(lines.filter { $0.contains("unknown field") }.count == 2, "\(lines)")
    }

    @Test("every problem of every file is reported in one run")
    func everyProblemAtOnce() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("a", indicators: #"{ "indicators": [ { "value": "999.1.1.1", "type": "ipv4" } ] }"#)
        try workspace.addProject("b", indicators: "{ \"indicators\": [ ")
        try workspace.write("c/project.json", #"{ "title": "c", "visibility": "secret" }"#)
        try workspace.write("c/notes/01.md", "---\ntitle: [unclosed\n---\nbody\n")
        let codes = workspace.check().codes()
        // c has no indicators.json: a warning, so that a deleted file does not go unnoticed.
        #expect(codes == ["invalid-value", "invalid-json", "missing-file", "front-matter", "unknown-value"])
    }

    @Test("a sighting written as a time with no zone is kept as written, with a warning at it; with a zone, or a day, none")
    func sightingWithoutZone() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: """
            { "indicators": [
            { "value": "a.example", "type": "domain", "firstSeen": "2026-11-03T23:30:00", "lastSeen": "2026-11-04 01:00" },
            { "value": "b.example", "type": "domain", "firstSeen": "2026-11-03T23:30:00Z", "lastSeen": "2026-11-04" }
            ] }
            """)
        let loaded = workspace.load()
        #expect(loaded.workspace.projects.first?.indicators.first?.firstSeen == "2026-11-03T23:30:00")
        let lines = loaded.diagnostics.items.rendered(relativeTo: workspace.root)
        #expect(lines == [
            #"p/indicators.json:2:56: warning: "firstSeen" 2026-11-03T23:30:00 has no zone, so no one can tell when it was; write Z or an offset (2026-11-03T23:30:00Z), or the day alone (2026-11-03)"#,
            #"p/indicators.json:2:91: warning: "lastSeen" 2026-11-04 01:00 has no zone, so no one can tell when it was; write Z or an offset (2026-11-04T01:00:00Z), or the day alone (2026-11-04)"#,
        ], "\(lines)")
    }

    @Test("a front matter line without its colon is pointed at, not the line after it")
    func frontMatterMissingColon() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: #"{ "indicators": [ { "value": "evil.example", "type": "domain", "firstSeen": "2026-02-30" } ] }"#)
        try workspace.write("p/notes/01.md", "---\ntitle: Infrastructure\nauthor jdoe\ndate: 2026-11-02\n---\nbody\n")
        try workspace.write("p/notes/02.md", "---\ndate: 2026-11-31\n---\nbody\n")
        // YAML reads the line on as the title's value, and stops at a flow list after it.
        try workspace.write("p/notes/03.md", "---\ntitle: Infra\nauthor jdoe\ntags: [a, b\n---\nbody\n")
        // A quoted value's second line is none of a key's; in CR LF lines, the flow list is named.
        try workspace.write("p/notes/04.md", "---\ntitle: \"Long\ncontinued\"\nauthor jdoe\ndate: 2026-01-01\n---\nbody\n")
        try workspace.write("p/notes/05.md", "---\r\ntitle: x\r\ntags: [a, b\r\n---\r\nbody\r\n")
        let lines = workspace.check().filter { $0.severity == .error }.rendered(relativeTo: workspace.root)
        #expect(lines == [
            #"p/indicators.json:1:77: error: "firstSeen" 2026-02-30 is no day of the calendar"#,
            "p/notes/01.md:3:1: error: invalid front matter: this line is not `key: value` (no ':' after the key); add the colon, or quote the line if it is text",
            #"p/notes/02.md:2:7: error: front matter "date" 2026-11-31 is no day of the calendar"#,
            #"p/notes/03.md:3:1: error: invalid front matter: this line is not `key: value` (no ':' after the key); add the colon, or quote the line if it is text; and on line 4, a value that starts with [ or { is read as a YAML list or map: quote it (tags: "...")"#,
            "p/notes/04.md:4:1: error: invalid front matter: this line is not `key: value` (no ':' after the key); add the colon, or quote the line if it is text",
            #"p/notes/05.md:3:7: error: invalid front matter: while parsing a flow sequence: did not find expected ',' or ']'; a value that starts with [ or { is read as a YAML list or map: quote it (tags: "...")"#,
        ], "\(lines)")
    }

    @Test("a front matter key written twice is pointed at where it is written again; an unclosed quote where it opens")
    func frontMatterRepeatedKeyAndUnclosedQuote() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: #"{ "indicators": [] }"#)
        try workspace.write("p/notes/01.md", "---\nauthor: me\ntitle: ok\ndate: 2026-01-01\nvisibility: private\n\"title\" : dup\n---\nbody\n")
        try workspace.write("p/notes/02.md", "---\ntitle: \"unterminated\nauthor: me\n---\nbody\n")
        let lines = workspace.check().filter { $0.severity == .error }.rendered(relativeTo: workspace.root)
        #expect(lines.count == 2 && lines[0] == "p/notes/01.md:6:1: error: invalid front matter: duplicate key title", "\(lines)")
        #expect(lines.count == 2 && lines[1] == "p/notes/02.md:2:8: error: invalid front matter: this quoted value has no closing quote; add it, or take out the opening one", "\(lines)")
    }

    @Test("valid indicators stay loaded beside invalid ones; notes are not second-guessed meanwhile")
    func partialIndicators() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: """
            { "indicators": [
              { "value": "evil.example", "type": "domain" },
              { "value": "192.0.2.1", "type": "ipv4", "classification": "evil" },
              { "value": "192.0.2.300", "type": "ipv4" }
            ] }
            """)
        try workspace.write("p/notes/01.md", "Seen: evil[.]example and 192.0.2.1 and other.example.\n")
        let loaded = workspace.load()
        let project = try #require(loaded.workspace.project("p"))
        // An invalid value is left out; a valid one stays though another of its fields is in
        // error (without that field), for the rules of the project to see.
        #expect(project.indicators.map(\.value) == ["evil.example", "192.0.2.1"])
        #expect(project.indicators.last?.classification == nil)
        #expect(!project.hasAllIndicators)
        #expect(workspace.check().codes() == ["unknown-value", "invalid-value"])
        #expect(!FormatPlan(loaded).changes.contains { $0.path.hasSuffix("indicators.json") })
    }

    @Test("a field in error (a date that is no day) leaves its indicator in: the notes are still checked for values not recorded, and the indicator counts as recorded")
    func fieldErrorKeepsNotesChecked() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: """
            { "indicators": [
              { "value": "a.example", "type": "domain", "firstSeen": "2026-02-30" }
            ] }
            """)
        try workspace.write("p/notes/01.md", "Seen: a[.]example and evil99[.]example\n")
        let project = try #require(workspace.load().workspace.project("p"))
        #expect(project.hasAllIndicators && project.indicators.map(\.value) == ["a.example"])
        let found = workspace.check()
        #expect(found.codes() == ["invalid-date", "unrecorded-indicator"], "\(found)")
        #expect(found.last?.message.hasPrefix("domain evil99.example is written in this note but not recorded") == true)
    }

    @Test("a note whose front matter is in error is still read for its links, as private: one check names every problem")
    func frontMatterErrorHidesNoLinks() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        try workspace.write("p/notes/01.md", "---\ndate: 2026-02-31\n---\n# Timeline\n\n[x](nope.md) [y](#timline)\n")
        try workspace.write("p/notes/02.md", "---\nvisibility: pubic\n---\nText.\n")
        try workspace.write("p/notes/03.md", "---\ntitle: [unclosed\n---\n[z](gone.md)\n")
        let notes = try #require(workspace.load().workspace.project("p")).notes
        #expect(notes.map(\.fileName) == ["01.md", "02.md", "03.md"])
        // A date in error leaves the visibility as written; one that cannot be read is private.
        #expect(notes[0].visibility == nil && !notes[0].isWithheld)
        #expect(notes[1].visibility == .private && notes[2].visibility == .private && notes[1].isWithheld && notes[2].isWithheld)
        let codes = workspace.check().codes()
        #expect(codes.filter { $0 != "starter-note" }.sorted() == ["broken-heading-link", "broken-link", "broken-link", "front-matter", "invalid-date", "unknown-value"].sorted(), "\(codes)")
    }

    @Test("a field in error hides no other problem: of the same indicator (type, classification, private), nor duplicates and contradictions in the project")
    func fieldErrorsHideNothing() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: """
            {"indicators":[
             {"value":"evil.example","type":"domain","classification":"non-malicious","tags":["Blocked"],"firstSeen":"2026/11/02"},
             {"value":"evil.example","type":"domain"},
             {"value":"5.6.7.8","type":"IPv4","classification":"Malicious","private":"yes"},
             {"value":"6.7.8.9","type":"ipv4","private":"yes"},
             {"value":"7.8.9.10","type":"ipv4","tags":"Company Name"}]}
            """)
        let lines = workspace.check().map { "\($0.location?.position.line ?? 0):\($0.severity) \($0.message.prefix(30))" }
        #expect(lines.count == 8, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("2:error \"firstSeen\"") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("2:warning") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("3:error") && $0.lowercased().contains("duplicate") }, "\(lines)")
        #expect(lines.filter { $0.hasPrefix("4:error") }.count == 3, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("5:error") }, "\(lines)")
        // A `private` in error keeps the indicator out of public output, as it was meant to.
        let project = try #require(workspace.load().workspace.project("p"))
        #expect(project.indicators.first { $0.value == "6.7.8.9" }?.isPrivate == true)
        // So do tags in error, which may hold a private tag.
        #expect(project.indicators.first { $0.value == "7.8.9.10" }?.isPrivate == true)
    }

    @Test("the project model holds what the files say")
    func model() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("phish", visibility: "public", tlp: "clear", indicators: """
            { "indicators": [ { "value": "HXXPS://Payroll-Acme[.]example/login", "type": "url", "tags": ["Blocked"], "private": true } ] }
            """)
        try workspace.write("phish/notes/02-b.md", "# Second\n")
        try workspace.write("phish/notes/01-a.md", "---\ntitle: First\nvisibility: private\ndate: 2026-11-02\n---\nHello\n")
        let loaded = workspace.load()
        let project = try #require(loaded.workspace.project("phish"))
        #expect(project.visibility == .public)
        #expect(project.tlp == .clear)
        let indicator = try #require(project.indicators.first)
        #expect(indicator.value == "https://payroll-acme.example/login")
        #expect(indicator.isPrivate)
        #expect(indicator.effectiveClassification(in: loaded.workspace.vocabulary) == .malicious)
        #expect(project.notes.map(\.fileName) == ["01-a.md", "02-b.md"])
        #expect(project.notes[0].title == "First")
        #expect(project.notes[0].visibility == .private)
        #expect(project.notes[0].body == "Hello\n")
        #expect(project.notes[0].bodyLine == 6)
        #expect(loaded.diagnostics.items.map(\.code) == ["defanged-value"])
    }

    struct BadFile: CustomTestStringConvertible, Sendable {
        let name: String
        let content: [UInt8]
        let expected: String
        var testDescription: String { name }
    }

    static let badIndicatorFiles: [BadFile] = [
        BadFile(name: "empty file", content: [], expected: "indicators.json:1:1: error: the file is empty; expected a JSON object"),
        BadFile(name: "array where an object belongs", content: Array("[]".utf8),
            expected: "indicators.json:1:1: error: indicators.json must hold a JSON object ({ ... }), found an array"),
        BadFile(name: "number where a string belongs", content: Array(#"{"indicators": [{"value": 5}]}"#.utf8),
            expected: #"indicators.json:1:27: error: "value" must be a string, found a number"#),
        BadFile(name: "duplicate key", content: Array(#"{"indicators": [], "indicators": []}"#.utf8),
            expected: #"indicators.json:1:20: error: duplicate key "indicators" in this object; the first one is read"#),
        BadFile(name: "invalid UTF-8", content: Array(#"{"indicators": [{"value": ""#.utf8) + [0xFF] + Array(#"", "type": "other"}]}"#.utf8),
            expected: "indicators.json:1:27: error: invalid UTF-8 in a string"),
        BadFile(name: "lone surrogate", content: Array(#"{"indicators": [{"value": "\udead", "type": "other"}]}"#.utf8),
            expected: #"indicators.json:1:28: error: lone low surrogate \uDEAD in a string"#),
        BadFile(name: "deep nesting", content: Array((#"{"x": "# + String(repeating: "[", count: 200_000)).utf8),
            expected: "indicators.json:1:262: error: nesting deeper than 256 levels"),
        BadFile(name: "conflict markers", content: Array("{\n<<<<<<< HEAD\n  \"indicators\": []\n=======\n  \"indicators\": [ ]\n>>>>>>> topic\n}\n".utf8),
            expected: "indicators.json:2:1: error: git conflict marker: resolve the merge conflict in this file (`dossier fmt --merge` resolves what needs no decision)"),
        BadFile(name: "wrong tags type", content: Array(#"{"indicators": [{"value": "192.0.2.1", "type": "ipv4", "tags": "Blocked"}]}"#.utf8),
            expected: #"indicators.json:1:64: error: "tags" must be an array of strings, found a string"#),
    ]

    @Test("bad indicators.json: a clear positioned error", arguments: badIndicatorFiles)
    func badIndicatorFile(_ file: BadFile) throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        try workspace.writeBytes("p/indicators.json", file.content)
        let errors = workspace.check().filter { $0.severity == .error }.rendered(relativeTo: workspace.root + "/p")
        #expect(errors.first == file.expected)
    }

    @Test("a repeated key is reported and the rest of the file read on: one check lists every problem")
    func duplicateKeyThenMore() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        try workspace.write("p/indicators.json", """
            {"indicators": [
              {"value": "a.example", "type": "domain", "type": "url"},
              {"value": "999.1.1.1", "type": "ipv4"},
              {"value": "b.example", "type": "domian"}
            ]}
            """)
        let errors = workspace.check().filter { $0.severity == .error }.rendered(relativeTo: workspace.root + "/p")
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.first == #"indicators.json:2:44: error: duplicate key "type" in this object; the first one is read"#)
        #expect(errors.dropFirst().first?.hasPrefix("indicators.json:3:13: error: invalid ipv4") == true, "\(errors)")
        #expect(errors.last?.hasPrefix(#"indicators.json:4:34: error: unknown type "domian""#) == true, "\(errors)")
        // Still a file with errors: no edit rewrites it.
        #expect(workspace.load().filesWithErrors.contains(workspace.path("p/indicators.json")))
    }

    @Test("a visibility: private written where it is text (below a comment or heading, between four dashes, in a second block, with CR line ends) is an error; in a code block it is an example", arguments: [
        ("<!-- draft -->\n\nvisibility: private\n\nSECRET\n", 3),
        ("# T\n\nvisibility: private # internal only\n\nSECRET\n", 3),
        ("----\ntitle: x\nvisibility: private\n----\n\nSECRET\n", 3),
        ("# T\n---\nVisibility: 'Private'\n---\nSECRET", 3),
        ("---\ntitle: x\n---\n---\nvisibility: private\n---\nSECRET\n", 5),
        ("---\rtitle: x\rvisibility: private\r---\r\rSECRET\r", 3),
    ])
    func strayVisibility(_ note: String, _ line: Int) throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.write("p/notes/01.md", note)
        let errors = workspace.check().filter { $0.severity == .error }.rendered(relativeTo: workspace.root + "/p")
        #expect(errors == ["notes/01.md:\(line):1: error: \"visibility: private\" here is text, not front matter (the block between --- lines at the very top of the note), so the note is published; move the line into the front matter"])
    }

    @Test("visibility: private in a code block (fenced, a longer fence around a shorter one, indented), in a private note or in a private project's note is no error")
    func visibilityExamples() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.addProject("q")
        try workspace.write("p/notes/01.md", "# How to hide a note\n\n```yaml\nvisibility: private\n```\n")
        try workspace.write("p/notes/02.md", "---\nvisibility: private\n---\nvisibility: private\n")
        try workspace.write("p/notes/03.md", "A fence in a fence:\n\n````md\n```\n---\nvisibility: private\n---\n```\n````\n\nIndented:\n\n    visibility: private\n")
        try workspace.write("q/notes/01.md", "<!-- draft -->\n\nvisibility: private\n")
        #expect(workspace.check().filter { $0.severity == .error }.isEmpty)
    }

    @Test("broken front matter is reported at its line")
    func brokenFrontMatter() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        try workspace.write("p/notes/01.md", "---\ntitle: ok\nvisibility: secret\n---\n# Body\n")
        try workspace.write("p/notes/02.md", "---\ntitle: never closed\n# Body\n")
        // Meant as front matter, but not at the top: as text, `visibility: private` would be published.
        try workspace.write("p/notes/03.md", "  ---\n  title: Internal sightings\n  visibility: private\n  ---\nbody\n")
        try workspace.write("p/notes/04.md", "\n---\nvisibility: private\n---\nbody\n")
        // A thematic break before text is no front matter.
        try workspace.write("p/notes/05.md", "\n---\n\nJust a rule, then text: with a colon.\n")
        // After a licence header: CommonMark reads the block as a rule and a heading, published.
        try workspace.write("p/notes/06.md", "<!-- SPDX-License-Identifier: CC-BY-4.0 -->\n---\ntitle: Internal\nvisibility: private\n---\nbody\n")
        try workspace.write("p/notes/07.md", "<!--\n  Copyright 2026 ACME\n-->\n\n---\nvisibility: private\n---\nbody\n")
        try workspace.write("p/notes/08.md", "<!-- a rule, then text -->\n---\n\nJust text: with a colon.\n")
        // With CR LF line ends (a CR LF is one Character, which splitting at "\n" missed).
        try workspace.write("p/notes/09.md", "<!-- SPDX-License-Identifier: CC-BY-4.0 -->\r\n---\r\ntitle: x\r\nvisibility: private # internal only\r\n---\r\n\r\nbody\r\n")
        try workspace.write("p/notes/10.md", "\r\n---\r\ntitle: Internal\r\n---\r\nbody\r\n")
        let lines = workspace.check().rendered(relativeTo: workspace.root + "/p")
        let misplaced = "error: this looks like front matter, but front matter must start on the note's first line with --- at its first column; as written it is text, and the note has the project's visibility. Move the --- line to the top"
        #expect(lines == [
            #"notes/01.md:3:13: error: unknown visibility "secret"; expected "public" or "private""#,
            "notes/02.md:1:1: error: front matter opened with --- is never closed by a --- line",
            "notes/03.md:1:3: " + misplaced,
            "notes/04.md:2:1: " + misplaced,
            "notes/06.md:2:1: " + misplaced,
            "notes/07.md:5:1: " + misplaced,
            "notes/09.md:2:1: " + misplaced,
            "notes/10.md:2:1: " + misplaced,
        ])
    }

    @Test("front matter written as JSON (Hugo's) or in an HTML comment that keeps the note unpublished (visibility, draft, private, a tlp above clear) is a warning and the note is private; a comment saying visibility: private further down is a stray one (an error)", arguments: [
        ("{\"visibility\": \"private\"}\n# JSON\n\nSecret.\n", "notes/01.md:1:1: warning: front matter as JSON is not read, and it says visibility: private"),
        ("\n{\n  \"title\": \"x\",\n  \"draft\": true\n}\nSecret.\n", "notes/01.md:1:1: warning: front matter as JSON is not read, and it says draft: true"),
        ("{\n \"title\": \"X\",\n \"tlp\": \"red\"\n}\nSecret.\n", "notes/01.md:1:1: warning: front matter as JSON is not read, and it says tlp: red"),
        ("<!--\nvisibility: private\n-->\n# HTML\n\nSecret.\n", "notes/01.md:1:1: warning: front matter in an HTML comment is not read, and it says visibility: private"),
        ("<!--\ntitle: X\nprivate: true\n-->\nSecret.\n", "notes/01.md:1:1: warning: front matter in an HTML comment is not read, and it says private: true"),
        ("<!-- {\"title\": \"X\", \"visibility\": \"private\"} -->\nSecret.\n", "notes/01.md:1:1: warning: front matter in an HTML comment is not read, and it says visibility: private"),
        ("# Title\n\nText.\n\n<!-- visibility: private -->\nSecret.\n", "notes/01.md:5:1: error: \"visibility: private\" here is text"),
    ])
    func unreadFrontMatterForms(_ note: String, _ expected: String) throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.write("p/notes/01.md", note)
        let found = workspace.check().filter { $0.code == "front-matter" }.rendered(relativeTo: workspace.root + "/p")
        #expect(found.count == 1 && found.first?.hasPrefix(expected) == true, "\(found)")
        if expected.contains("warning") {
            #expect(workspace.load().workspace.project("p")?.notes.first?.visibility == .private)
        }
        // A comment or JSON that sets nothing that hides a note is prose.
        try workspace.write("p/notes/01.md", "<!-- draft -->\n{\"a\": 1}\n")
        #expect(workspace.check().filter { $0.code == "front-matter" }.isEmpty)
        try workspace.write("p/notes/01.md", "<!--\ntitle: Kit\nauthor: jdoe\n-->\nText.\n")
        #expect(workspace.check().filter { $0.code == "front-matter" }.isEmpty)
    }

    @Test("front matter written as TOML between +++ lines (Hugo's habit) is an error, not a note published with its draft flag as text")
    func tomlFrontMatter() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.write("p/notes/01.md", "+++\ntitle = \"Draft attribution\"\ndraft = true\n+++\nDRAFT-ONLY\n")
        try workspace.write("p/notes/02.md", "Text first.\n\n+++\n")
        try workspace.write("p/notes/03.md", "+++\r\ntitle = \"Triage\"\r\nvisibility = \"private\"\r\n+++\r\n\r\nCRLF\r\n")
        try workspace.write("p/notes/04.md", "\n+++\ntitle = \"Late\"\n+++\nLATE\n")
        let loaded = workspace.load()
        let toml = "error: front matter between +++ lines (TOML, as Hugo writes it) is not read: its keys would be shown as text and the note published with the project's visibility; write it as YAML between --- lines (title: ..., visibility: private)"
        #expect(loaded.diagnostics.sorted.rendered(relativeTo: workspace.root + "/p") == ["01.md", "03.md", "04.md"].map { "notes/\($0):1:1: " + toml })
        // Still read for their links and values, as private: what their front matter meant cannot be told.
        #expect(loaded.workspace.project("p")?.notes.filter { $0.visibility == .private }.map(\.fileName) == ["01.md", "03.md", "04.md"])
    }

    @Test("a front matter key meant to hide a note (misspelled visibility, another tool's draft, private or tlp) hides it, with a warning")
    func hidingKeys() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.write("p/notes/01.md", "---\ntitle: a\nvisiblity: private\n---\nbody\n")
        try workspace.write("p/notes/02.md", "---\ntitle: b\nVisibility: private\ndraft: true\nvisibility: public\n---\nbody\n")
        try workspace.write("p/notes/03.md", "---\ntitle: c\nprivate: yes\ntags: [x]\nauthr: me\n---\nbody\n")
        try workspace.write("p/notes/04.md", "---\ntitle: d\ntlp: amber\n---\nbody\n")
        try workspace.write("p/notes/05.md", "---\ntitle: e\ndraft: false\npublished: 2026-11-02\ntlp: clear\n---\nbody\n")
        try workspace.write("p/notes/06.md", "---\ntitle: f\nmarking: \"TLP:RED (no sharing)\"\nsource: TLP:GREEN feed\n---\nbody\n")
        try workspace.write("p/notes/07.md", "---\ntitle: g\naudience: internal\n---\nbody\n")
        try workspace.write("p/notes/08.md", "---\ntitle: h\nmarking: TLP:GREEN\n---\nbody\n")
        try workspace.write("p/notes/09.md", "---\ntitle: i\nmarking: [\"TLP: RED\"]\n---\nbody\n")
        try workspace.write("p/notes/10.md", "---\ntitle: j\nmarking: RED\nsharing: amber+strict\nmarkings: [GREEN]\n---\nbody\n")
        try workspace.write("p/notes/11.md", "---\ntitle: k\nmarking: CLEAR\nhandling: none\nseverity: red\n---\nbody\n")
        try workspace.write("p/notes/12.md", "---\ntitle: l\npublish: no\n---\nbody\n")
        try workspace.write("p/notes/13.md", "---\ntitle: m\nshared: false\npublish: yes\n---\nbody\n")
        // Other tools' and writers' ways: a draft status, a list of tags, a sharing of words.
        try workspace.write("p/notes/14.md", "---\ntitle: n\nstatus: draft\n---\nbody\n")
        try workspace.write("p/notes/15.md", "---\ntitle: o\nvisible: false\ncategories: [intel]\n---\nbody\n")
        try workspace.write("p/notes/16.md", "---\ntitle: p\nclassification: Confidential - ACME\n---\nbody\n")
        try workspace.write("p/notes/17.md", "---\ntitle: q\nsharing: internal only\n---\nbody\n")
        try workspace.write("p/notes/18.md", "---\ntitle: r\ntags: [confidential, do-not-publish]\n---\nbody\n")
        try workspace.write("p/notes/19.md", "---\ntitle: s\nstatus: final\nvisible: true\n---\nbody\n")
        // Said otherwise, or negated: no hiding meant.
        try workspace.write("p/notes/20.md", "---\ntitle: t\naudience: everyone\nclassification: non-confidential\nsharing: not restricted\n---\nbody\n")
        try workspace.write("p/notes/21.md", "---\ntitle: u\nsharing_group: null\nsharing_group_id: 0\nscope: internal network\n---\nbody\n")
        try workspace.write("p/notes/22.md", "---\ntitle: v\ntags: [Do Not Publish]\n---\nbody\n")
        try workspace.write("p/notes/23.md", "---\ntitle: w\ntags: \"internal, phishing\"\nstatus: \"draft \"\n---\nbody\n")
        try workspace.write("p/notes/24.md", "---\ntitle: x\nrestricted: true\nshareable: no\n---\nbody\n")
        try workspace.write("p/notes/25.md", "---\ntitle: y\nmeta:\n  visibility: private\n---\nbody\n")
        try workspace.write("p/notes/26.md", "---\ntitle: z\nexternal: false\nmeta:\n  author: someone\n---\nbody\n")
        try workspace.write("p/notes/27.md", "---\ntitle: z2\nprivat: true\n---\nbody\n")
        try workspace.write("p/notes/28.md", "---\ntitle: z3\nprivacy: public\n---\nbody\n")
        let loaded = workspace.load()
        let lines = WorkspaceChecker.check(loaded).sorted.rendered(relativeTo: workspace.root + "/p")
        let hint = "is read as \"visibility: private\" (the only key dossier reads to hide a note); write that instead"
        #expect(lines == [
            "notes/01.md:3:1: warning: front matter \"visiblity\" \(hint)",
            "notes/02.md:3:1: warning: front matter \"Visibility\" \(hint)",
            "notes/02.md:4:1: warning: front matter \"draft\" \(hint)",
            "notes/03.md:3:1: warning: front matter \"private\" \(hint)",
            #"notes/03.md:5:1: warning: unknown front matter key "authr" (did you mean "author"?)"#,
            "notes/04.md:3:1: warning: front matter \"tlp\" \(hint)",
            "notes/06.md:3:1: warning: front matter \"marking\" \(hint)",
            "notes/06.md:4:1: warning: front matter \"source\" \(hint)",
            "notes/07.md:3:1: warning: front matter \"audience\" \(hint)",
            "notes/08.md:3:1: warning: front matter \"marking\" \(hint)",
            "notes/09.md:3:1: warning: front matter \"marking\" \(hint)",
            "notes/10.md:3:1: warning: front matter \"marking\" \(hint)",
            "notes/10.md:4:1: warning: front matter \"sharing\" \(hint)",
            "notes/10.md:5:1: warning: front matter \"markings\" \(hint)",
            "notes/12.md:3:1: warning: front matter \"publish\" \(hint)",
            "notes/13.md:3:1: warning: front matter \"shared\" \(hint)",
            "notes/14.md:3:1: warning: front matter \"status\" \(hint)",
            "notes/15.md:3:1: warning: front matter \"visible\" \(hint)",
            "notes/16.md:3:1: warning: front matter \"classification\" \(hint)",
            "notes/17.md:3:1: warning: front matter \"sharing\" \(hint)",
            "notes/18.md:3:1: warning: front matter \"tags\" \(hint)",
            "notes/22.md:3:1: warning: front matter \"tags\" \(hint)",
            "notes/23.md:3:1: warning: front matter \"tags\" \(hint)",
            "notes/23.md:4:1: warning: front matter \"status\" \(hint)",
            "notes/24.md:3:1: warning: front matter \"restricted\" \(hint)",
            "notes/24.md:4:1: warning: front matter \"shareable\" \(hint)",
            "notes/25.md:3:1: warning: front matter \"meta\" \(hint)",
            "notes/26.md:3:1: warning: front matter \"external\" \(hint)",
            "notes/27.md:3:1: warning: front matter \"privat\" \(hint)",
        ])
        let notes = try #require(loaded.workspace.project("p")).notes
        #expect(notes.map(\.visibility) == [.private, .private, .private, .private, nil, .private, .private, .private, .private, .private, nil, .private, .private,
                                            .private, .private, .private, .private, .private, nil, nil, nil, .private, .private, .private, .private, .private,
                                            .private, nil])
        let published = AudienceFilter.view(of: loaded.workspace, for: .public).project("p")?.notes.map(\.fileName)
        #expect(published == ["05.md", "11.md", "19.md", "20.md", "21.md", "28.md"])
    }

    @Test("a marking written with the protocol's long name or with a blank (Traffic Light Protocol: RED, TLP RED) hides a note as TLP:RED does; TLP:CLEAR so written does not")
    func longTLPNames() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.write("p/notes/01.md", "---\ntitle: a\nmarking: \"Traffic Light Protocol: RED\"\n---\nbody\n")
        try workspace.write("p/notes/02.md", "---\ntitle: b\nsource: \"Traffic Light Protocol (TLP): AMBER feed\"\n---\nbody\n")
        try workspace.write("p/notes/03.md", "---\ntitle: c\nmarking: TLP RED\nhandling: traffic light protocol green\n---\nbody\n")
        try workspace.write("p/notes/04.md", "---\ntitle: d\nmarking: \"Traffic Light Protocol: CLEAR\"\n---\nbody\n")
        // A known key's text is no marking; a key dossier does not read, whose text speaks of a
        // level, hides the note on the safe side (with a warning).
        try workspace.write("p/notes/05.md", "---\ntitle: Why TLP red matters\n---\nbody\n")
        try workspace.write("p/notes/10.md", "---\ntitle: j\nsubject: Why TLP red matters\nmarking: ACME Intel (TLP AMBER)\n---\nbody\n")
        try workspace.write("p/notes/06.md", "---\ntitle: f\nTraffic Light Protocol: RED\n---\nbody\n")
        try workspace.write("p/notes/07.md", "---\ntitle: g\nsource: \"Traffic  Light\u{A0}Protocol: RED\"\n---\nbody\n")
        try workspace.write("p/notes/08.md", "---\ntitle: h\nsource: \"TLP (Traffic Light Protocol): AMBER\"\n---\nbody\n")
        // Another tool's tags, read as an indicator's are.
        try workspace.write("p/notes/09.md", "---\ntitle: i\ntags: [report, TLP RED]\n---\nbody\n")
        // A handling caveat of a level alone, as a sharing one may be.
        try workspace.write("p/notes/11.md", "---\ntitle: k\nhandling: AMBER\n---\nbody\n")
        let loaded = workspace.load()
        let notes = try #require(loaded.workspace.project("p")).notes
        #expect(notes.map(\.visibility) == [.private, .private, .private, nil, nil, .private, .private, .private, .private, .private, .private])
        let published = AudienceFilter.view(of: loaded.workspace, for: .public).project("p")?.notes.map(\.fileName)
        #expect(published == ["04.md", "05.md"])
        #expect(TLP(named: "Traffic Light Protocol: AMBER+STRICT") == .amberStrict && TLP(named: "tlp-green") == .green)
        #expect(TLP(named: "tlpred") == nil && TLP(named: "traffic light") == nil)
        // Dotted, or the level first, as cover pages write it.
        #expect(TLP(named: "T.L.P.:RED") == .red && TLP(named: "t.l.p amber") == .amber && TLP(named: "Amber (TLP)") == .amber && TLP(named: "RED TLP") == .red)
        #expect(TLP(named: "Blocked (TLP)") == nil && TLP(named: " TLP") == nil && TLP(named: "(tlp)") == nil)
        #expect(TLP.marked(by: ["T.L.P.:RED"]) == .red && TLP.marked(by: ["c2", "Amber (TLP)"]) == .amber)
        // Each spelling a tag is read as a marking by marks what it is on, in brackets or quotes too.
        for tag in ["[RED TLP]", "\"RED TLP\"", "{red tlp}", "[Amber (TLP)]", "(RED TLP)", "[T.L.P.:RED]", "'TLP RED'"] {
            #expect(TLP(named: tag) != nil && TLP.marked(by: [tag]) == TLP(named: tag), "\(tag)")
        }
        #expect(TLP.levelOfUnreadMarking("T.L.P.:AMBR") == .red && TLP.levelOfUnreadMarking("tlp:ambr") == .red)
        // What a text must hold to be read for a label at all: `traffic` alone, as notes of
        // network intrusions write it, is not enough.
        for text in ["TLP:RED", "t.l.p. amber", "Traffic-Light-Protocol: RED", "traffic\u{A0}light protocol", "Traffic \n Light", "T\u{200B}LP:RED", "\u{FF34}\u{FF2C}\u{FF30}:RED"] {
            #expect(TLP.mayWriteLabel(text), "\(text)")
        }
        for text in ["C2 traffic on port 443", "trafficking", "a plain note"] {
            #expect(!TLP.mayWriteLabel(text), "\(text)")
        }
        // An indicator's tags mark it however the level is written, an invisible character or not.
        for tags in [["tlp:red"], ["TLP RED"], ["TLP-RED"], ["Traffic Light Protocol: RED"], ["TLP\u{A0}RED"], ["tlp-red\u{200B}"], ["c2", "tlp:red"],
                     [" TLP:RED"], ["\ttlp:red"], ["TLP\u{0B}RED"]] {
            #expect(TLP.marked(by: tags) == .red, "\(tags)")
        }
        #expect(TLP.marked(by: ["tlpred", "tlp", "c2", "traffic"]) == nil)
    }

    @Test("an indicator's field meant to hide it (visibility, a misspelled private, a tlp or marking above clear) makes it private, with a warning; the field is kept")
    func indicatorHidingFields() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear", indicators: """
            { "indicators": [
              { "value": "a.example", "type": "domain", "visibility": "private" },
              { "value": "b.example", "type": "domain", "Private": true },
              { "value": "c.example", "type": "domain", "tlp": "red", "private": false },
              { "value": "d.example", "type": "domain", "x_marking": ["TLP:AMBER"] },
              { "value": "e.example", "type": "domain", "tlp": "clear", "Private": false, "x_note": "seen twice" },
              { "value": "f.example", "type": "domain", "visibility": "analyst", "sharing": "private" },
              { "value": "g.example", "type": "domain", "is_private": true },
              { "value": "h.example", "type": "domain", "x-tlp": "red" },
              { "value": "i.example", "type": "domain", "isPrivate": true },
              { "value": "j.example", "type": "domain", "_private": true },
              { "value": "k.example", "type": "domain", "distribution": 0 },
              { "value": "l.example", "type": "domain", "sharingGroup": "Internal" },
              { "value": "m.example", "type": "domain", "privat": true },
              { "value": "n.example", "type": "domain", "private_": true },
              { "value": "o.example", "type": "domain", "isPublic": false },
              { "value": "p.example", "type": "domain", "do_not_share": true },
              { "value": "q.example", "type": "domain", "restricted": "yes" },
              { "value": "r.example", "type": "domain", "meta": { "private": true } },
              { "value": "s.example", "type": "domain", "privat": false, "shareable": "yes", "meta": { "source": "x" }, "privacy": "public" }
            ] }
            """)
        let loaded = workspace.load()
        let indicators = try #require(loaded.workspace.project("p")).indicators
        #expect(indicators.map(\.isPrivate) == [true, true, true, true, false, true, true, true, true, true, true, true, true, true, true, true, true, true, false])
        #expect(indicators[0].extra.map(\.key) == ["visibility"])
        let hint = "is read as \"private\": true (the only field dossier reads to keep an indicator out of public output); write that instead; if the field means something else, rename it"
        let lines = loaded.diagnostics.sorted.rendered(relativeTo: workspace.root + "/p").filter { $0.contains("read as") }
        #expect(lines == [
            "indicators.json:2:45: warning: field \"visibility\" \(hint)",
            "indicators.json:3:45: warning: field \"Private\" \(hint)",
            "indicators.json:4:45: warning: field \"tlp\" \(hint)",
            "indicators.json:5:45: warning: field \"x_marking\" \(hint)",
            "indicators.json:7:45: warning: field \"visibility\" \(hint)",
            "indicators.json:7:70: warning: field \"sharing\" \(hint)",
            "indicators.json:8:45: warning: field \"is_private\" \(hint)",
            "indicators.json:9:45: warning: field \"x-tlp\" \(hint)",
            "indicators.json:10:45: warning: field \"isPrivate\" \(hint)",
            "indicators.json:11:45: warning: field \"_private\" \(hint)",
            "indicators.json:12:45: warning: field \"distribution\" \(hint)",
            "indicators.json:13:45: warning: field \"sharingGroup\" \(hint)",
            "indicators.json:14:45: warning: field \"privat\" \(hint)",
            "indicators.json:15:45: warning: field \"private_\" \(hint)",
            "indicators.json:16:45: warning: field \"isPublic\" \(hint)",
            "indicators.json:17:45: warning: field \"do_not_share\" \(hint)",
            "indicators.json:18:45: warning: field \"restricted\" \(hint)",
            "indicators.json:19:45: warning: field \"meta\" \(hint)",
        ])
        #expect(AudienceFilter.view(of: loaded.workspace, for: .public).project("p")?.indicators.map(\.value) == ["e.example", "s.example"])
    }

    @Test("a visibility on an indicator or a vocabulary tag, which dossier does not read, hides it unless it states an open level (public, community, shareable, a plain yes) or none: hidden, team, false, non-public, staff only, a misspelled privat")
    func visibilityOfAnyClosedLevelHides() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("dossier.json", #"{ "title": "W", "tags": { "Insider": { "visibility": "hidden" }, "Staff": { "visibility": false }, "Seen": { "visibility": "published" } } }"#)
        let hiding = [#""hidden""#, #""team""#, "false", #""non-public""#, #""privat""#, "0", #""staff only""#, #""public: 0""#, #""public 2027-03-01""#]
        let open = [#""public""#, "true", #""Public - TLP:CLEAR""#, #""community""#, #""none""#, "\"\"", #""shareable""#, #""public only""#]
        let levels = hiding + open
        try workspace.addProject("p", visibility: "public", tlp: "clear", indicators: RuleTests.list(levels.enumerated().map { n, level in
            #"{ "value": "h\#(n).example", "type": "domain", "visibility": \#(level) }"#
        }.joined(separator: ", ") + #", { "value": "s.example", "type": "domain", "sharing": "no" }"#))
        let loaded = workspace.load()
        let vocabulary = loaded.workspace.vocabulary
        #expect(vocabulary.isPrivate("Insider") && vocabulary.isPrivate("Staff") && !vocabulary.isPrivate("Seen"))
        let view = AudienceFilter.view(of: loaded.workspace, for: .public).project("p")
        #expect(view?.indicators.map(\.value) == (hiding.count..<levels.count).map { "h\($0).example" }, "\(String(describing: view?.indicators.map(\.value)))")
        #expect(loaded.diagnostics.items.filter { $0.code == "hiding-field" }.count == 2 + hiding.count + 1)
    }

    @Test("an indicator tagged private, do-not-publish or Confidential is private, with a warning at its tags, as a note so tagged is; internal, secret and other tags hide nothing")
    func hidingTagsOnIndicators() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear", indicators: RuleTests.list(
            #"{ "value": "a.example", "type": "domain", "tags": ["private"] }"#, #"{ "value": "b.example", "type": "domain", "tags": ["C2", "do-not-publish"] }"#,
            #"{ "value": "c.example", "type": "domain", "tags": ["Confidential"] }"#, #"{ "value": "d.example", "type": "domain", "tags": ["internal", "secret", "C2"] }"#,
            // As `dossier tag` writes it: the field says it, the tag only labels.
            #"{ "value": "e.example", "type": "domain", "tags": ["private"], "private": true }"#))
        let loaded = workspace.load()
        #expect(AudienceFilter.view(of: loaded.workspace, for: .public).project("p")?.indicators.map(\.value) == ["d.example"])
        let warned = loaded.diagnostics.items.filter { $0.code == "hiding-field" }
        #expect(warned.count == 3 && warned.allSatisfy { $0.message.hasPrefix("tag \"") }, "\(warned.map(\.message))")
    }

    @Test("a project.json field meant to hide the project (draft, published: false, isPrivate, a flag inside an object) makes it private, with a warning")
    func projectHidingFields() throws {
        let workspace = try TemporaryWorkspace()
        let fields = [#""draft": true"#, #""published": false"#, #""isPrivate": true"#, #""meta": { "private": true }"#, #""audience": "internal""#]
        for (n, field) in fields.enumerated() {
            try workspace.write("p\(n)/project.json", #"{ "title": "T", "visibility": "public", "tlp": "clear", "# + field + " }")
            try workspace.write("p\(n)/indicators.json", #"{ "indicators": [] }"#)
        }
        try workspace.write("open/project.json", #"{ "title": "T", "visibility": "public", "tlp": "clear", "published": true, "x-ticket": "CASE-1" }"#)
        try workspace.write("open/indicators.json", #"{ "indicators": [] }"#)
        let loaded = workspace.load()
        #expect(loaded.workspace.projects.filter { $0.visibility == .public }.map(\.slug) == ["open"])
        let warned = loaded.diagnostics.items.filter { $0.code == "hiding-field" }.map { ($0.location?.path as NSString?)?.deletingLastPathComponent ?? "" }
        #expect(warned.map { ($0 as NSString).lastPathComponent }.sorted() == ["p0", "p1", "p2", "p3", "p4"])
        #expect(AudienceFilter.view(of: loaded.workspace, for: .public).projects.map(\.slug) == ["open"])
    }

    @Test("other words for private hide what they are written on: a vocabulary tag's (visibility: private, hidden), a note's (privacy, keep-private, confidentiality, pap: red, an embargo, a file name saying private or draft), an indicator's; a visibility: public beside a file name publishes")
    func otherWordsForPrivate() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("dossier.json", #"{ "title": "W", "tags": { "Blocked": { "classification": "malicious" }, "Victim": { "visibility": "private" }, "Sensor": { "hidden": true }, "Seen": { "note": "public tag" } } }"#)
        try workspace.addProject("p", visibility: "public", tlp: "clear", indicators: RuleTests.list(
            #"{ "value": "a.example", "type": "domain", "keep-private": true }"#, #"{ "value": "b.example", "type": "domain", "confidentiality": "internal" }"#,
            #"{ "value": "c.example", "type": "domain", "privacy": "private" }"#, #"{ "value": "d.example", "type": "domain", "embargoUntil": "2027-01-01" }"#,
            #"{ "value": "e.example", "type": "domain", "keep-private": false }"#))
        for (name, front) in [("01.md", "privacy: private"), ("02.md", "keep-private: true"), ("03.md", "confidentiality: internal"),
                              ("04.md", "pap: PAP:RED"), ("05.md", "embargo: 2027-01-01"), ("06.md", "exposure: internal"),
                              ("07-private-sources.md", "title: t"), ("_draft-08.md", "title: t"), ("09-draft.md", "visibility: public"),
                              ("10.md", "pap: green")] {
            try workspace.write("p/notes/" + name, "---\n\(front)\n---\nbody\n")
        }
        let loaded = workspace.load()
        let vocabulary = loaded.workspace.vocabulary
        #expect(["Victim", "Sensor"].allSatisfy(vocabulary.isPrivate) && !vocabulary.isPrivate("Seen") && !vocabulary.isPrivate("Blocked"))
        let view = AudienceFilter.view(of: loaded.workspace, for: .public).project("p")
        #expect(view?.indicators.map(\.value) == ["e.example"], "\(String(describing: view?.indicators.map(\.value)))")
        #expect(view?.notes.map(\.fileName) == ["09-draft.md", "10.md"], "\(String(describing: view?.notes.map(\.fileName)))")
        let warned = loaded.diagnostics.items.filter { $0.code == "hiding-field" }
        #expect(warned.count == 2 + 4 + 8, "\(warned.map(\.message))")
    }

    @Test("hiding words and keys are read in any case and compatibility form, between any separators of a file name, but not negated; a symbolic link to a note its name hides is refused")
    func hidingInAnySpelling() throws {
        for (name, word) in [("14-notes.private.md", "private"), ("02-Private_Notes.md", "private"), ("DRAFT.md", "draft"), ("02-ｐｒｉｖａｔｅ.md", "private"),
                             ("02-hidden.md", "hidden"), ("02-do-not-publish.md", "do not publish"), ("02-TLP_AMBER.md", "tlp amber"), ("_wip.md", "_"),
                             ("pap-red-x.md", "pap red"), ("dra\u{200B}ft-x.md", "draft")] {
            #expect(NoteDecoder.hidingWord(in: name) == word, "\(name)")
        }
        for name in ["11-non-confidential-summary.md", "13-private-sector-targets.md", "02-secretsdump.md", "02-loader-internals.md", "02-tlp-clear.md", "03-internal-network-findings.md",
                     "11-private-keys-found-in-kit.md", "06-hidden-cobra-overlap.md"] {
            #expect(NoteDecoder.hidingWord(in: name) == nil, "\(name)")
        }
        for (key, value) in [("ｖｉｓｉｂｉｌｉｔｙ", "private"), ("ｐｒｉｖａｔｅ", "true"), ("VİSİBİLİTY", "private"), ("𝐝𝐫𝐚𝐟𝐭", "true"), ("tags", "PAP:RED")] {
            #expect(HidingKeys.meansHidden(key: key, value: value, near: nil), "\(key)")
        }
        // A measure or a date named after one is none (a CVSS impact, an embargo said over).
        for (key, value) in [("confidentiality_impact", "high"), ("confidentiality", "low"), ("embargo_lifted", "2026-11-30"), ("privacy_impact", "low")] {
            #expect(!HidingKeys.meansHidden(key: key, value: value, near: nil), "\(key)")
        }
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.write("p/notes/_draft-sightings.md", "# Draft\n\nnot for publication\n")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("p/notes/02-summary.md"), withDestinationPath: "_draft-sightings.md")
        let loaded = workspace.load()
        #expect(loaded.diagnostics.items.contains { $0.severity == .error && $0.message.hasPrefix("refused: this note is a symbolic link to _draft-sightings.md, kept private by its name") })
        #expect(AudienceFilter.view(of: loaded.workspace, for: .public).project("p")?.notes.isEmpty == true)
    }

    @Test("a public note that is the same file as a note kept private (a hard link: its own hidden name, or a private project's note), or any public file or template that is a private project's file, is an error at the published name")
    func hardLinkedNotes() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.addProject("secret-case")
        try workspace.write("p/notes/private-x.md", "# h\n\nkept\n")
        try workspace.write("secret-case/notes/02-plan.md", "# plan\n\nkept too\n")
        #expect(link(workspace.path("p/notes/private-x.md"), workspace.path("p/notes/05-public.md")) == 0)
        #expect(link(workspace.path("secret-case/notes/02-plan.md"), workspace.path("p/notes/06-plan.md")) == 0)
        let errors = workspace.load().diagnostics.items.filter { $0.code == "shared-file" }.map { ($0.location?.path as NSString?)?.lastPathComponent ?? "" }
        #expect(errors.sorted() == ["05-public.md", "06-plan.md"], "\(errors)")
        // So is any file of a public project or template that is a private project's: its
        // indicators, a file no note is, an image.
        try workspace.write("secret-case/README.md", "kept\n")
        try workspace.write("secret-case/images/shot.png", "png")
        try FileManager.default.removeItem(atPath: workspace.path("p/indicators.json"))
        try FileManager.default.createDirectory(atPath: workspace.path("p/images"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workspace.path("templates"), withIntermediateDirectories: true)
        #expect(link(workspace.path("secret-case/indicators.json"), workspace.path("p/indicators.json")) == 0)
        #expect(link(workspace.path("secret-case/README.md"), workspace.path("p/notes/07-readme.md")) == 0)
        #expect(link(workspace.path("secret-case/images/shot.png"), workspace.path("p/images/x.png")) == 0)
        #expect(link(workspace.path("secret-case/README.md"), workspace.path("templates/banner.mustache")) == 0)
        let all = workspace.load().diagnostics.items.filter { $0.code == "shared-file" }.map { ($0.location?.path as NSString?)?.lastPathComponent ?? "" }
        #expect(Set(all) == ["05-public.md", "06-plan.md", "indicators.json", "07-readme.md", "x.png", "banner.mustache"], "\(all)")
    }

    @Test("a YAML merge key brings its mapping's keys into front matter: a merged visibility: private or draft hides the note; a key written beside it wins")
    func frontMatterMergeKeys() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.write("p/notes/01.md", "---\n<<: {visibility: private}\ntitle: t\n---\nSECRET-1\n")
        try workspace.write("p/notes/02.md", "---\nbase: &b {visibility: private}\n<<: *b\ntitle: t\n---\nSECRET-2\n")
        try workspace.write("p/notes/03.md", "---\n<<: [{draft: true}]\ntitle: t\n---\nSECRET-3\n")
        try workspace.write("p/notes/04.md", "---\n<<: {visibility: private}\nvisibility: public\ntitle: t\n---\nshown\n")
        let loaded = workspace.load()
        #expect(loaded.workspace.project("p")?.notes.map(\.visibility) == [.private, .private, .private, .public])
        #expect(AudienceFilter.view(of: loaded.workspace, for: .public).project("p")?.notes.map(\.fileName) == ["04.md"])
    }

    @Test("a note whose first heading repeats its title: loses the heading (shown once); another heading stays")
    func titleRepeatedByHeading() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        try workspace.write("p/notes/01.md", "---\ntitle: C2 protocol\n---\n\n# C2 Protocol\n\nThe beacon.\n")
        try workspace.write("p/notes/02.md", "---\ntitle: Sinkhole\n---\n# Sinkhole status\n\nDown.\n")
        let notes = try #require(workspace.load().workspace.project("p")).notes
        #expect(notes.map(\.displayTitle) == ["C2 protocol", "Sinkhole"])
        #expect(notes[0].body == "\nThe beacon.\n" && notes[0].bodyLine == 6)
        #expect(notes[1].body.hasPrefix("# Sinkhole status"))
    }

    @Test("a folder with indicators.json but no project.json is said to be skipped")
    func folderWithoutProjectFile() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        try workspace.write("orphan/indicators.json", #"{ "indicators": [] }"#)
        try workspace.write("drafts/notes.md", "# not a project\n")
        let lines = workspace.check().rendered(relativeTo: workspace.root)
        #expect(lines == ["orphan/indicators.json:1:1: warning: orphan/ holds indicators.json but no project.json, so it is not loaded as a project; restore project.json (or move the folder out of the workspace)"])
    }

    @Test("a project folder holding a dossier.json (a workspace inside this one) is a warning; the project still loads")
    func nestedWorkspace() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        try workspace.write("p/dossier.json", #"{ "title": "inner" }"#)
        let lines = workspace.check().rendered(relativeTo: workspace.root)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("p/dossier.json:1:1: warning: project p holds a dossier.json: commands run inside the project") == true, "\(lines)")
        #expect(workspace.load().workspace.project("p") != nil)
    }

    @Test("a project.json field in error does not hide what the rules find in the same project")
    func projectFieldErrorKeepsRules() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/project.json", #"{ "title": "p", "visibility": "public", "tlp": "amber", "status": "done" }"#)
        try workspace.write("p/indicators.json", #"{ "indicators": [ { "value": "evil.example", "type": "domian" } ] }"#)
        let found = workspace.check()
        let lines = found.rendered(relativeTo: workspace.root)
        #expect(lines.contains { $0.hasPrefix("p/project.json:") && $0.contains("\"done\"") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("p/indicators.json:") && $0.contains("\"domian\"") }, "\(lines)")
        #expect(found.codes().contains(PublicProjectTLPRule.code), "\(lines)")
    }

    @Test("a symbolic link leading outside the workspace is refused")
    func symlinkOutside() throws {
        let outside = try TemporaryWorkspace(["secret/project.json": #"{"title": "outside"}"#], withSettings: false)
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("linked"), withDestinationPath: outside.path("secret"))
        try FileManager.default.createSymbolicLink(atPath: workspace.path("p/notes"), withDestinationPath: outside.root)
        try outside.write("leak.md", "secret")
        let loaded = workspace.load()
        #expect(loaded.workspace.projects.map(\.slug) == ["p"])
        #expect(loaded.workspace.projects[0].notes.isEmpty)
        #expect(loaded.diagnostics.items.compactMap(\.code) == ["outside-workspace", "outside-workspace"])
    }

    @Test("a link from a project to another project's file or folder, or a project folder that is a link, is refused: it would publish another project's files as its own")
    func symlinkIntoAnotherProject() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("ir", indicators: #"{ "indicators": [ { "value": "10.1.2.3", "type": "ipv4" } ] }"#)
        try workspace.write("ir/notes/01-infra.md", "SECRET-INFRA\n")
        try workspace.addProject("blog", visibility: "public", tlp: "clear")
        try workspace.addProject("feed", visibility: "public", tlp: "clear")
        try workspace.write("blog/notes/02-own.md", "own note\n")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("blog/notes/01-infra.md"), withDestinationPath: "../../ir/notes/01-infra.md")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("blog/notes/03-same.md"), withDestinationPath: "02-own.md")
        // Within the project, a note leads only to a note: its JSON as a note's text would publish
        // sources and private indicators.
        try FileManager.default.createSymbolicLink(atPath: workspace.path("blog/notes/04-raw.md"), withDestinationPath: "../indicators.json")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("blog/notes/05-meta.md"), withDestinationPath: "../project.json")
        try workspace.write("blog/notes/.draft.md", "HIDDEN-DRAFT\n")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("blog/notes/06-draft.md"), withDestinationPath: ".draft.md")
        try FileManager.default.removeItem(atPath: workspace.path("feed/indicators.json"))
        try FileManager.default.createSymbolicLink(atPath: workspace.path("feed/indicators.json"), withDestinationPath: "../ir/indicators.json")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("ir-alias"), withDestinationPath: "ir")
        // Links Foundation's resolver gives up on, and returns as written (a path inside), while
        // the system still follows them out: over 1,026 bytes, and a chain of over 20.
        try FileManager.default.createSymbolicLink(atPath: workspace.path("blog/notes/07-padded.md"),
            withDestinationPath: String(repeating: "./", count: 600) + "../../ir/notes/01-infra.md")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("blog/notes/chain-0.txt"), withDestinationPath: "../../ir/notes/01-infra.md")
        for link in 1...25 {
            try FileManager.default.createSymbolicLink(atPath: workspace.path("blog/notes/chain-\(link).txt"), withDestinationPath: "chain-\(link - 1).txt")
        }
        try FileManager.default.createSymbolicLink(atPath: workspace.path("blog/notes/08-chain.md"), withDestinationPath: "chain-25.txt")
        let loaded = workspace.load()
        #expect(loaded.workspace.projects.map(\.slug) == ["blog", "feed", "ir"])
        #expect(loaded.workspace.project("blog")?.notes.map(\.body) == ["own note\n", "own note\n"], "a link within the project is its file")
        #expect(loaded.workspace.project("feed")?.indicators.isEmpty == true)
        let lines = loaded.diagnostics.sorted.rendered(relativeTo: workspace.root)
        #expect(lines.contains { $0.hasPrefix("blog/notes/01-infra.md:1:1: error: refused: a symbolic link points outside the project's folder") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("feed/indicators.json:1:1: error: refused: a symbolic link points outside the project's folder") }, "\(lines)")
        #expect(lines.contains("blog/notes/04-raw.md:1:1: error: refused: a note that is a symbolic link must lead to another note of notes/, and this one leads to indicators.json"), "\(lines)")
        #expect(lines.contains("blog/notes/05-meta.md:1:1: error: refused: a note that is a symbolic link must lead to another note of notes/, and this one leads to project.json"), "\(lines)")
        #expect(lines.contains("blog/notes/06-draft.md:1:1: error: refused: a note that is a symbolic link must lead to another note of notes/, and this one leads to .draft.md"), "a hidden note stays hidden: \(lines)")
        #expect(lines.contains { $0.hasPrefix("ir-alias/project.json:1:1: error: refused: project folder ir-alias is a symbolic link") }, "\(lines)")
        for note in ["07-padded.md", "08-chain.md"] {
            #expect(lines.contains { $0.hasPrefix("blog/notes/\(note):1:1: error: refused: a symbolic link points outside the project's folder") }, "\(lines)")
        }
        #expect(loaded.workspace.projects.allSatisfy { $0.slug == "ir" || !$0.notes.contains { $0.body.contains("SECRET-INFRA") } })
        // Nor does an edit read or write through the link into the other project.
        #expect(throws: ProjectEdit.Failure.self) { try ProjectEdit.open(root: workspace.root, slug: "feed") }
    }

    @Test("project folders that differ only in case or Unicode form are flagged; a folder that cannot be read is an error, not a project gone unseen")
    func folderNamesAndPermissions() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("vpn-case")
        try workspace.addProject("VPN-Case")
        try workspace.addProject("caf\u{E9}")
        try workspace.addProject("cafe\u{301}")
        var lines = workspace.load().diagnostics.sorted.rendered(relativeTo: workspace.root)
        #expect(lines.filter { $0.contains("differ only in letter case or Unicode form") }.count == 2, "\(lines)")
        // A notes "folder" that cannot be listed (here a file) says so.
        try workspace.write("cafe\u{301}/notes", "not a folder\n")
        lines = workspace.load().diagnostics.sorted.rendered(relativeTo: workspace.root)
        #expect(lines.contains { $0.hasSuffix("/notes:1:1: error: the notes folder cannot be read (Not a directory), so its notes would be left out; give it read and search permission (chmod u+rx)") }, "\(lines)")
        // Permissions do not bind root, which the CI may be: only checked where they do.
        guard geteuid() != 0 else { return }
        try workspace.addProject("locked")
        try workspace.write("locked/notes/01.md", "text\n")
        chmod(workspace.path("locked/notes"), 0)
        defer { chmod(workspace.path("locked/notes"), 0o755) }
        lines = workspace.load().diagnostics.sorted.rendered(relativeTo: workspace.root)
        #expect(lines.contains { $0.hasPrefix("locked/notes:1:1: error: the notes folder cannot be read") }, "\(lines)")
    }

    @Test("a note with no title: takes its leading # heading for one, its body starting after it; .MD is a note; a text file or a folder of notes in notes/ is said to be left out")
    func noteTitlesAndNames() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p")
        try workspace.write("p/notes/01-follow-up.md", "\n# Loader sinkhole follow-up #\n\nSeen 192.0.2.1.\n")
        try workspace.write("p/notes/02-dated.md", "---\ndate: 2026-11-02\n---\n# Dated\nBody\n")
        try workspace.write("p/notes/03-titled.md", "---\ntitle: Kept\n---\n# Heading\n")
        try workspace.write("p/notes/04-plain.md", "No heading.\n")
        try workspace.write("p/notes/06-upper.MD", "# Upper\n")
        try workspace.write("p/notes/07-draft.txt", "text\n")
        // A hidden .md file is said to be left out; an editor's lock file or macOS's resource file is not.
        try workspace.write("p/notes/.wip.md", "# Work in progress\n")
        try workspace.write("p/notes/.#01-follow-up.md", "lock\n")
        try workspace.write("p/notes/._01-follow-up.md", "resource\n")
        try workspace.write("p/notes/sub/01.md", "# Nested\n")
        try workspace.write("p/notes/shot.png", "PNG")
        try workspace.write("p/notes/08-crlf.md", "# Relay analysis\r\n\r\nFirst.\r\n\r\n<!-- reviewer -->\r\n")
        try workspace.write("p/notes/09-marked.md", "# The *HollowPost* `gate.php` [write-up](https://vendor.example/blog) #\n\nbody\n")
        try workspace.write("p/notes/10-comment.md", "# Title <!-- SECRET -->\r\n\r\nbody\r\n")
        try workspace.write("p/notes/11-escaped.md", "# A \\* B &amp; C in wp_admin\n\nbody\n")
        try workspace.write("p/notes/12-remark.md", "<!-- reviewed by jdoe,\n  keep the TLP -->\n\n# Remarked <!-- x -->\n\nbody\n")
        try workspace.write("p/notes/13-text-first.md", "<!-- a remark --> Text first.\n# Not a title\n")
        // A heading inside a comment, or one a comment runs out of, is no title: its text would be published.
        try workspace.write("p/notes/14-all-comment.md", "<!-- TODO\n# Draft D -->")
        try workspace.write("p/notes/15-unclosed.md", "<!-- unclosed\n# Hidden G")
        try workspace.write("p/notes/16-runs-on.md", "<!-- remark -->\n# Title B <!-- internal: codename\nSECRETB -->\n\nBody B\n")
        let loaded = workspace.load()
        let notes = try #require(loaded.workspace.project("p")).notes
        #expect(notes.map(\.displayTitle) == ["Loader sinkhole follow-up", "Dated", "Kept", "plain", "Upper", "Relay analysis",
            "The HollowPost gate.php write-up", "Title", "A * B & C in wp_admin", "Remarked", "text first",
            "all comment", "unclosed", "runs on"])
        #expect(notes[13].body.hasPrefix("<!-- remark -->\n# Title B <!-- internal"))
        #expect(notes[9].body == "\nbody\n" && notes[9].bodyLine == 5)
        #expect(notes[5].body == "\r\nFirst.\r\n\r\n<!-- reviewer -->\r\n" && notes[5].bodyLine == 2)
        #expect(notes[0].body == "\nSeen 192.0.2.1.\n" && notes[0].bodyLine == 3)
        #expect(notes[1].body == "Body\n" && notes[1].bodyLine == 5)
        #expect(notes[2].body == "# Heading\n")
        let lines = loaded.diagnostics.sorted.rendered(relativeTo: workspace.root + "/p")
        #expect(lines == [
            "notes/.wip.md:1:1: warning: .wip.md in notes/ is left out of every report (its name starts with a dot, as a hidden file's does); move or rename it if it is a note",
            "notes/07-draft.txt:1:1: warning: 07-draft.txt in notes/ is left out of every report (notes are .md files); move or rename it if it is a note",
            "notes/sub:1:1: warning: sub in notes/ is left out of every report (a folder: notes are the .md files of notes/ itself); move or rename it if it is a note",
        ])
        // Positions in the body stay those of the file.
        let unrecorded = WorkspaceChecker.check(loaded).sorted.rendered(relativeTo: workspace.root + "/p").filter { $0.contains("192.0.2.1") }
        #expect(unrecorded.first?.hasPrefix("notes/01-follow-up.md:4:6:") == true, "\(unrecorded)")
    }

    @Test("a 100 MB indicators.json loads")
    func largeFile() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("big")
        var text = "{\n  \"indicators\": [\n"
        let count = 700_000
        for i in 0..<count {
            let hex = String(i, radix: 16)
            let padded = String(repeating: "0", count: 64 - hex.count) + hex
            text += "    {\n      \"value\": \"\(padded)\",\n      \"type\": \"sha256\",\n      \"comment\": \"sample \(i) seen in the wild\"\n    }"
            text += i == count - 1 ? "\n" : ",\n"
        }
        text += "  ]\n}\n"
        #expect(text.utf8.count > 100_000_000)
        try workspace.write("big/indicators.json", text)
        let loaded = workspace.load()
        #expect(loaded.workspace.project("big")?.indicators.count == count)
    }
}
