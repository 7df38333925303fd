import DossierTestSupport
import Testing
@testable import DossierCore

@Suite("fmt --merge")
struct DuplicateMergeTests {
    static let vocabulary = Vocabulary([
        TagDefinition(name: "Blocked", classification: .malicious),
        TagDefinition(name: "False Positive", classification: .nonMalicious),
    ])

    @Test("entries of one indicator that agree become one, as add merges; those that differ stay apart with the reason")
    func merges() {
        let indicators = [
            Indicator(value: "192.0.2.1", type: .ipv4, tags: ["C2"], firstSeen: "2026-10-30", lastSeen: "2026-11-02", comment: "Beacon target"),
            Indicator(value: "evil.example", type: .domain, classification: .malicious, comment: "Gate"),
            Indicator(value: "192.0.2.1", type: .ipv4, tags: ["c2", "Scanner"], firstSeen: "2026-10-01", source: "proxy logs"),
            Indicator(value: "evil.example", type: .domain, classification: .suspicious),
            Indicator(value: "192.0.2.1", type: .ipv4, lastSeen: "2026-11-20"),
        ]
        let (merged, outcomes) = DuplicateMerge.merged(indicators, vocabulary: Self.vocabulary)
        #expect(merged.count == 3)
        let address = merged[0]
        #expect(address.tags == ["C2", "Scanner"])
        #expect(address.firstSeen == "2026-10-01" && address.lastSeen == "2026-11-20")
        #expect(address.comment == "Beacon target" && address.source == "proxy logs")
        #expect(merged[1].classification == .malicious && merged[2].classification == .suspicious, "differing classifications stay apart")
        #expect(outcomes == [
            DuplicateMerge.Outcome(key: IndicatorKey(type: .ipv4, value: "192.0.2.1"), entries: 3),
            DuplicateMerge.Outcome(key: IndicatorKey(type: .domain, value: "evil.example"), entries: 2,
                keptApartBecause: "their classifications differ (malicious, suspicious)"),
        ])
        #expect(DuplicateMerge.merged(Array(indicators.prefix(2)), vocabulary: Self.vocabulary).outcomes.isEmpty)
        // A URL's two spellings are one indicator: merged under the first.
        let spellings = [Indicator(value: "http://x.example/\u{FC}", type: .url, tags: ["C2"]), Indicator(value: "http://x.example/%C3%BC", type: .url, source: "feed")]
        let (one, _) = DuplicateMerge.merged(spellings, vocabulary: Self.vocabulary)
        #expect(one.map(\.value) == ["http://x.example/\u{FC}"] && one[0].source == "feed")
    }

    @Test("a merge decides nothing: classifications implied by tags, privacy, comments must agree", arguments: [
        ([Indicator(value: "a.example", type: .domain, tags: ["Blocked"]), Indicator(value: "a.example", type: .domain, tags: ["False Positive"])],
         "their classifications differ (malicious, non-malicious)"),
        ([Indicator(value: "a.example", type: .domain, classification: .malicious, tags: ["Blocked"]),
          Indicator(value: "a.example", type: .domain, tags: ["False Positive"])],
         "their classifications differ (malicious, non-malicious)"),
        // Kept whole rather than apart (`joinsWhatBothSay`).
        ([Indicator(value: "a.example", type: .domain, privateFlag: true), Indicator(value: "a.example", type: .domain)], nil),
        ([Indicator(value: "a.example", type: .domain, comment: "one"), Indicator(value: "a.example", type: .domain, comment: "two")], nil),
        ([Indicator(value: "a.example", type: .domain, classification: .suspicious),
          Indicator(value: "a.example", type: .domain, classification: .suspicious, tags: ["Blocked"])],
         nil),
        // An entry with no verdict at all (the bare copy a merge of two branches leaves) agrees
        // with any; an explicit "unknown" is a verdict.
        ([Indicator(value: "a.example", type: .domain, tags: ["Blocked"]), Indicator(value: "a.example", type: .domain, tags: ["C2"])], nil),
        ([Indicator(value: "a.example", type: .domain, tags: ["C2"]), Indicator(value: "a.example", type: .domain, tags: ["Blocked"])], nil),
        ([Indicator(value: "a.example", type: .domain), Indicator(value: "a.example", type: .domain, classification: .suspicious)], nil),
        ([Indicator(value: "a.example", type: .domain, classification: .unknown), Indicator(value: "a.example", type: .domain, tags: ["Blocked"])],
         "their classifications differ (unknown, malicious)"),
    ])
    func keepsApart(_ entries: [Indicator], _ reason: String?) {
        let (merged, outcomes) = DuplicateMerge.merged(entries, vocabulary: Self.vocabulary)
        #expect(outcomes.first?.keptApartBecause == reason)
        #expect(merged.count == (reason == nil ? 1 : 2))
        if reason != nil { #expect(merged == entries) }
        // Merged, the verdict is the one entry's that had one.
        if reason == nil, entries.allSatisfy({ $0.classification == nil }), entries.contains(where: { $0.tags.contains("Blocked") }) {
            #expect(merged[0].effectiveClassification(in: Self.vocabulary) == .malicious && Set(merged[0].tags).isSuperset(of: ["Blocked"]))
        }
    }

    @Test("what two entries say differently but can keep whole is kept whole, and said: comments and sources joined, private when either is")
    func joinsWhatBothSay() {
        let entries = [Indicator(value: "a.example", type: .domain, source: "feed", comment: "one"),
            Indicator(value: "a.example", type: .domain, source: "mail", comment: "two", privateFlag: true),
            Indicator(value: "a.example", type: .domain, comment: "one")]
        let (merged, outcomes) = DuplicateMerge.merged(entries, vocabulary: Self.vocabulary)
        #expect(merged.count == 1 && merged[0].comment == "one; two" && merged[0].source == "feed; mail" && merged[0].isPrivate)
        #expect(outcomes.map(\.joined) == [["made private, as one entry was", "sources joined", "comments joined"]])
        // A join again (criss-cross merges) keeps each part once.
        let again = [Indicator(value: "c.example", type: .domain, source: "gw; proxy", comment: "From the mail; From the proxy"),
            Indicator(value: "c.example", type: .domain, source: "proxy; gw", comment: "From the mail")]
        let (rejoined, _) = DuplicateMerge.merged(again, vocabulary: Self.vocabulary)
        #expect(rejoined.map(\.source) == ["gw; proxy"] && rejoined.map(\.comment) == ["From the mail; From the proxy"])
        // A text is kept as written: a part it repeats, a `;` of its own.
        let written = [Indicator(value: "d.example", type: .domain, comment: "GET /a; 200; GET /b; 200"),
            Indicator(value: "d.example", type: .domain, comment: "https://x.example/p;sid=1")]
        #expect(DuplicateMerge.merged(written, vocabulary: Self.vocabulary).indicators.map(\.comment) == ["GET /a; 200; GET /b; 200; https://x.example/p;sid=1"])
        // The first entry private, the other not: private still, and said.
        let first = [Indicator(value: "b.example", type: .domain, privateFlag: true), Indicator(value: "b.example", type: .domain, comment: "c")]
        let (one, said) = DuplicateMerge.merged(first, vocabulary: Self.vocabulary)
        #expect(one.count == 1 && one[0].isPrivate && one[0].comment == "c" && said.map(\.joined) == [["made private, as one entry was"]])
    }

    @Test("fmt --merge rewrites the file so that check no longer finds the duplicate; plain fmt leaves it")
    func formatPlan() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: """
            { "indicators": [
              { "value": "evil.example", "type": "domain", "tags": ["C2"] },
              { "value": "Evil.Example.", "type": "domain", "firstSeen": "2026-01-02" }
            ] }
            """)
        let loaded = workspace.load()
        #expect(WorkspaceChecker.check(loaded).items.contains { $0.code == DuplicateIndicatorRule.code })
        #expect(FormatPlan(loaded).duplicates.isEmpty)
        let plan = FormatPlan(loaded, mergingDuplicates: true)
        #expect(plan.duplicates.map(\.outcome.entries) == [2])
        _ = try plan.apply()
        let after = workspace.load()
        #expect(!WorkspaceChecker.check(after).items.contains { $0.code == DuplicateIndicatorRule.code })
        #expect(after.workspace.projects[0].indicators.map(\.tags) == [["C2"]])
        #expect(after.workspace.projects[0].indicators[0].firstSeen == "2026-01-02")
    }

    @Test("fmt --merge keeps each tag of an indicator once, as first written, in its place, and says which spellings it dropped; check then has no repeated-tag warning; plain fmt leaves them")
    func repeatedTags() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: """
            { "indicators": [
              { "value": "192.0.2.1", "type": "ipv4", "tags": ["C2", "Scanner", "c2", "C2"] },
              { "value": "evil.example", "type": "domain", "tags": ["Blocked", "Phishing"] },
              { "value": "y.example", "type": "domain", "tags": ["Q"] },
              { "value": "y.example", "type": "domain", "tags": ["R", "r"] }
            ] }
            """)
        let loaded = workspace.load()
        #expect(WorkspaceChecker.check(loaded).items.contains { $0.code == RepeatedTagRule.code })
        let plain = FormatPlan(loaded)
        #expect(plain.repeatedTags.isEmpty)
        #expect(plain.changes.contains { String(decoding: $0.bytes, as: UTF8.self).contains(#""c2""#) }, "plain fmt keeps every tag")
        let plan = FormatPlan(loaded, mergingDuplicates: true)
        // Also within an entry that the merge then joins to another.
        #expect(plan.repeatedTags.map(\.repeated) == [
            DuplicateMerge.RepeatedTags(key: IndicatorKey(type: .ipv4, value: "192.0.2.1"), dropped: ["c2", "C2"]),
            DuplicateMerge.RepeatedTags(key: IndicatorKey(type: .domain, value: "y.example"), dropped: ["r"]),
        ])
        _ = try plan.apply()
        let after = workspace.load()
        #expect(!WorkspaceChecker.check(after).items.contains { $0.code == RepeatedTagRule.code })
        #expect(after.workspace.projects[0].indicators.map(\.tags) == [["C2", "Scanner"], ["Blocked", "Phishing"], ["Q", "R"]])
    }

    @Test("fmt --merge keeps each tag of a project once, and says so; check warns of it before")
    func repeatedProjectTags() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/project.json", #"{ "title": "P", "tags": ["Ransomware", "ransomware ", "Finance"] }"#)
        try workspace.write("p/indicators.json", #"{ "indicators": [] }"#)
        let loaded = workspace.load()
        #expect(WorkspaceChecker.check(loaded).items.contains { $0.code == RepeatedTagRule.code && $0.location?.path.hasSuffix("project.json") == true })
        let plan = FormatPlan(loaded, mergingDuplicates: true)
        #expect(plan.repeatedTags.map(\.repeated) == [DuplicateMerge.RepeatedTags(key: nil, dropped: ["ransomware "])])
        _ = try plan.apply()
        let after = workspace.load()
        #expect(after.workspace.projects[0].tags == ["Ransomware", "Finance"])
        #expect(!WorkspaceChecker.check(after).items.contains { $0.code == RepeatedTagRule.code })
    }
}
