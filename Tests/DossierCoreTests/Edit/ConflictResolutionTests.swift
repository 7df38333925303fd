import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

@Suite("fmt --merge on git conflicts")
struct ConflictResolutionTests {
    /// A file as git leaves it after a conflict between `ours` and `theirs` (with the base
    /// section when `base` is given: `merge.conflictStyle diff3`).
    static func conflicted(_ before: String, ours: String, base: String? = nil, theirs: String, after: String) -> [UInt8] {
        var text = before + "<<<<<<< HEAD\n" + ours
        if let base { text += "||||||| merged common ancestors\n" + base }
        text += "=======\n" + theirs + ">>>>>>> analyst-b\n" + after
        return Array(text.utf8)
    }

    static func indicators(_ bytes: [UInt8]) throws -> [Indicator] {
        var diagnostics: [Diagnostic] = []
        let result = try #require(IndicatorsDecoder.decode(bytes, path: "p/indicators.json", into: &diagnostics))
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
        return result.indicators
    }

    @Test("two analysts' additions to one project are both kept; an indicator both changed is kept twice, for fmt --merge to join")
    func additionsOfBothSides() throws {
        let bytes = Self.conflicted(#"{ "indicators": [ { "value": "a.example", "type": "domain" },"# + "\n",
            ours: #"  { "value": "b.example", "type": "domain", "tags": ["Blocked"] },"# + "\n",
            theirs: #"  { "value": "b.example", "type": "domain", "tags": ["C2"] }, { "value": "c.example", "type": "domain" },"# + "\n",
            after: #"  { "value": "d.example", "type": "domain" } ], "x-ticket": 7 }"# + "\n")
        let resolved = try ConflictResolution.indicators(bytes, path: "p/indicators.json").get()
        let list = try Self.indicators(resolved)
        #expect(list.map(\.value) == ["a.example", "b.example", "b.example", "c.example", "d.example"])
        #expect(list.filter { $0.value == "b.example" }.map(\.tags) == [["Blocked"], ["C2"]])
        #expect(String(decoding: resolved, as: UTF8.self).contains(#""x-ticket": 7"#))
        // fmt --merge then makes one entry of b.example, with both tags.
        let (merged, outcomes) = DuplicateMerge.merged(list, vocabulary: Vocabulary([TagDefinition(name: "Blocked", classification: .malicious)]))
        #expect(merged.count == 4 && outcomes.count == 1 && outcomes[0].keptApartBecause == nil)
        // Without the base, c.example may have been removed on our side: kept, and said.
        let sides = try #require(ConflictResolution.sides(bytes))
        let notices = try ConflictResolution.indicators(sides, path: "p/indicators.json", published: false).get().notices
        #expect(notices.contains { $0.hasPrefix("without git's base section, an indicator one side records alone is kept (domain c.example)") }, "\(notices)")
        // In a project that may be public, it is kept private too: the site does not publish
        // again what one side may have taken out.
        let published = try ConflictResolution.indicators(sides, path: "p/indicators.json", published: true).get()
        #expect(published.notices.contains { $0.hasPrefix("without git's base section, an indicator one side records alone is kept, and private, off the public site until you decide") })
        #expect(try Self.indicators(published.bytes).filter(\.isPrivate).map(\.value) == ["c.example"])
        let withBase = Self.conflicted(#"{ "indicators": [ { "value": "a.example", "type": "domain" },"# + "\n",
            ours: #"  { "value": "b.example", "type": "domain" },"# + "\n", base: #"  { "value": "b.example", "type": "domain" },"# + "\n",
            theirs: #"  { "value": "b.example", "type": "domain" }, { "value": "c.example", "type": "domain" },"# + "\n",
            after: #"  { "value": "d.example", "type": "domain" } ] }"# + "\n")
        let based = try #require(ConflictResolution.sides(withBase))
        #expect(try ConflictResolution.indicators(based, path: "p/indicators.json", published: false).get().notices.isEmpty, "the base says c.example was added")
    }

    @Test("with the base (diff3), what one side removed or changed, the other having left it, is removed or changed")
    func threeWay() throws {
        let base = #"  { "value": "x.example", "type": "domain" }, { "value": "y.example", "type": "domain", "tags": ["Old"] },"# + "\n"
        let bytes = Self.conflicted(#"{ "indicators": ["# + "\n",
            ours: #"  { "value": "x.example", "type": "domain" },"# + "\n",
            base: base,
            theirs: #"  { "value": "x.example", "type": "domain", "comment": "C2 panel" }, { "value": "y.example", "type": "domain", "tags": ["Old"] },"# + "\n",
            after: #"  { "value": "z.example", "type": "domain" } ] }"# + "\n")
        let list = try Self.indicators(try ConflictResolution.indicators(bytes, path: "p/indicators.json").get())
        #expect(list.map(\.value) == ["x.example", "z.example"])
        #expect(list[0].comment == "C2 panel")
    }

    @Test("with the base, an indicator both sides changed is joined field by field: an untag on one side and a tag on the other, a date corrected on one side")
    func fieldByField() throws {
        let bytes = Self.conflicted(#"{ "indicators": ["# + "\n",
            ours: #"  { "value": "x.example", "type": "domain", "tags": ["Phishing"], "firstSeen": "2026-01-05" }"# + "\n",
            base: #"  { "value": "x.example", "type": "domain", "tags": ["Phishing", "Blocked"], "firstSeen": "2020-01-05" }"# + "\n",
            theirs: #"  { "value": "x.example", "type": "domain", "tags": ["Phishing", "Blocked", "Foo"], "firstSeen": "2020-01-05" }"# + "\n",
            after: "] }\n")
        let list = try Self.indicators(try ConflictResolution.indicators(bytes, path: "p/indicators.json").get())
        #expect(list.count == 1)
        #expect(list.first?.tags == ["Phishing", "Foo"] && list.first?.firstSeen == "2026-01-05", "\(list)")
        // Both untagged one tag each: both stay off.
        let untags = Self.conflicted(#"{ "indicators": ["# + "\n",
            ours: #"  { "value": "x.example", "type": "domain", "tags": ["Blocked"] }"# + "\n",
            base: #"  { "value": "x.example", "type": "domain", "tags": ["Phishing", "Blocked"] }"# + "\n",
            theirs: #"  { "value": "x.example", "type": "domain", "tags": ["Phishing"] }"# + "\n",
            after: "] }\n")
        #expect(try Self.indicators(try ConflictResolution.indicators(untags, path: "p/indicators.json").get()).first?.tags == [])
        // A base section that does not read as the file (zdiff3 moves shared lines out of the
        // sides, not out of the base) is refused, with how to get diff3's.
        let zdiff3 = Self.conflicted(#"{ "indicators": ["# + "\n" + #"  { "value": "a.example","# + "\n",
            ours: #"    "type": "domain", "comment": "x" },"# + "\n",
            base: #"  { "value": "a.example","# + "\n" + #"    "type": "domain" },"# + "\n",
            theirs: #"    "type": "domain", "comment": "y" },"# + "\n",
            after: #"  { "value": "d.example", "type": "domain" } ] }"# + "\n")
        let refused = ConflictResolution.indicators(zdiff3, path: "p/indicators.json")
        #expect(throws: ConflictResolution.Refusal.self) { try refused.get() }
        if case .failure(let refusal) = refused { #expect(refusal.reason.contains("git checkout --conflict=diff3")) }
    }

    @Test("project.json: updated moves on from the later side's (a new version), created takes the earlier date, tags both sides'; a field only one side changed from the base is taken")
    func projectFields() throws {
        // The resolution is made on the later side's day, at noon.
        let now = Date(timeIntervalSince1970: 1_795_521_600)
        let plain = Self.conflicted("{\n  \"title\": \"Kit\",\n",
            ours: "  \"created\": \"2026-11-02\",\n  \"updated\": \"2026-11-20\",\n  \"tags\": [\"Phishing\"]\n",
            theirs: "  \"created\": \"2026-11-01\",\n  \"updated\": \"2026-11-24\",\n  \"tags\": [\"Payroll\"]\n",
            after: "}\n")
        var diagnostics: [Diagnostic] = []
        let resolved = try ConflictResolution.project(plain, path: "/w/p/project.json", at: now).get()
        let project = try #require(ProjectDecoder.decode(resolved, slug: "p", folder: "/w/p", into: &diagnostics))
        #expect(project.created == "2026-11-01" && project.updated == "2026-11-24T12:00:00Z" && project.tags == ["Phishing", "Payroll"])

        let withBase = Self.conflicted("{\n",
            ours: "  \"title\": \"Payroll kit\",\n  \"updated\": \"2026-11-20\"\n",
            base: "  \"title\": \"Kit\",\n  \"updated\": \"2026-11-02\"\n",
            theirs: "  \"title\": \"Kit\",\n  \"updated\": \"2026-11-24\"\n",
            after: "}\n")
        let taken = try #require(ProjectDecoder.decode(try ConflictResolution.project(withBase, path: "/w/p/project.json", at: now).get(),
            slug: "p", folder: "/w/p", into: &diagnostics))
        #expect(taken.title == "Payroll kit" && taken.updated == "2026-11-24T12:00:00Z")

        // No title on either side: none is written (a project is titled by its folder's name),
        // and tags written on one side only are no difference of visibility or TLP.
        let untitled = Self.conflicted("{\n", ours: "  \"updated\": \"2026-11-20\",\n  \"tags\": []\n", theirs: "  \"updated\": \"2026-11-24\"\n", after: "}\n")
        let written = String(decoding: try ConflictResolution.project(untitled, path: "/w/kit/project.json", at: now.addingTimeInterval(86_400)).get(), as: UTF8.self)
        #expect(written.contains(#""title": "kit""#) && written.contains(#""updated": "2026-11-25""#), "\(written)")
    }

    @Test("what is the analyst's call is refused with the reason: a title or visibility both sides changed, a side that does not load, markers not as git writes them")
    func refusals() {
        let titles = Self.conflicted("{\n", ours: "  \"title\": \"A\",\n", theirs: "  \"title\": \"B\",\n", after: "  \"visibility\": \"private\"\n}\n")
        #expect(throws: ConflictResolution.Refusal(reason: "the two sides differ in its title; which to keep is yours")) {
            try ConflictResolution.project(titles, path: "/w/p/project.json").get()
        }
        let visibility = Self.conflicted("{\n  \"title\": \"A\",\n", ours: "  \"visibility\": \"private\"\n", base: "  \"visibility\": \"private\"\n",
            theirs: "  \"visibility\": \"public\",\n  \"tlp\": \"clear\"\n", after: "}\n")
        // Only theirs changed it from the base: taken, as git would have.
        #expect((try? ConflictResolution.project(visibility, path: "/w/p/project.json").get()) != nil)
        let broken = Self.conflicted(#"{ "indicators": ["# + "\n", ours: #"  { "value": "a.example", "type": "domain" }"# + "\n",
            theirs: #"  { "value": "a.example", "type": "domian" }"# + "\n", after: "] }\n")
        let refusal = ConflictResolution.indicators(broken, path: "p/indicators.json")
        #expect(throws: ConflictResolution.Refusal.self) { try refusal.get() }
        let unclosed = Array("{\n<<<<<<< HEAD\n  \"title\": \"A\"\n=======\n  \"title\": \"B\"\n}\n".utf8)
        #expect(throws: ConflictResolution.Refusal(reason: "its conflict markers are not as git writes them")) {
            try ConflictResolution.project(unclosed, path: "/w/p/project.json").get()
        }
    }

    @Test("dossier.json: each side's new tag is kept, a tag one side removed or changed while the other left it takes that side's change, the title one side changed is taken; a tag both changed otherwise is the analyst's call")
    func settingsVocabulary() throws {
        func file(_ title: String, _ tags: String) -> [UInt8] { Array(#"{ "title": "\#(title)", "tags": { \#(tags) } }"#.utf8) }
        let blocked = #""Blocked": { "classification": "malicious" }"#
        let base = file("CTI", blocked + #", "Old": {}"#)
        let ours = file("ACME CTI", blocked + #", "Old": {}, "Zed A": { "classification": "suspicious" }"#)
        let theirs = file("CTI", #""Blocked": { "classification": "malicious", "description": "Gateway" }, "Zed B": {}"#)
        let merged = try ConflictResolution.settings(.init(ours: ours, theirs: theirs, base: base), path: "/w/dossier.json").get()
        var diagnostics: [Diagnostic] = []
        let settings = try #require(SettingsDecoder.decode(merged, path: "/w/dossier.json", folderName: "w", into: &diagnostics))
        #expect(settings.title == "ACME CTI")
        #expect(settings.vocabulary.definitions.map(\.name).sorted() == ["Blocked", "Zed A", "Zed B"])
        #expect(settings.vocabulary.definition(of: "Blocked")?.description == "Gateway")
        // Without the base, a tag one side has is kept; a title the sides differ in is the analyst's call.
        let added = try ConflictResolution.settings(.init(ours: file("CTI", blocked + #", "Zed A": {}"#), theirs: file("CTI", blocked + #", "Zed B": {}"#),
            base: nil), path: "/w/dossier.json").get()
        #expect(SettingsDecoder.decode(added, path: "/w/dossier.json", folderName: "w", into: &diagnostics)?.vocabulary.definitions.map(\.name).sorted()
            == ["Blocked", "Zed A", "Zed B"])
        #expect(throws: ConflictResolution.Refusal.self) { try ConflictResolution.settings(.init(ours: ours, theirs: theirs, base: nil), path: "/w/dossier.json").get() }
        let both = ConflictResolution.settings(.init(ours: file("CTI", #""Blocked": { "classification": "suspicious" }"#),
            theirs: file("CTI", #""Blocked": { "classification": "unknown" }"#), base: base), path: "/w/dossier.json")
        if case .failure(let refusal) = both { #expect(refusal.reason == #"both sides changed its tag "Blocked"; which to keep is yours"#) } else { Issue.record("resolved") }
        // A tag the base does not have, which both sides added otherwise, is said so.
        let bothAdded = ConflictResolution.settings(.init(ours: file("CTI", blocked + #", "C2": { "classification": "malicious" }"#),
            theirs: file("CTI", blocked + #", "C2": { "classification": "suspicious" }"#), base: base), path: "/w/dossier.json")
        if case .failure(let refusal) = bothAdded {
            #expect(refusal.reason == #"both sides changed its tag "C2" (added on both sides, differently); which to keep is yours"#, "\(refusal.reason)")
        } else { Issue.record("resolved") }
    }

}
