import DossierTestSupport
import Testing
@testable import DossierCore

@Suite("fmt --merge")
struct DuplicateMergeTests {
    @Test("entries of one indicator that agree become one, as add merges; those that differ stay apart with the reason")
    func merges() {
        let indicators = [
            Indicator(value: "192.0.2.1", type: .ipv4, tags: ["C2"], firstSeen: "2026-10-30", lastSeen: "2026-11-02", comment: "Beacon target"),
            Indicator(value: "evil.example", type: .domain, classification: .malicious, comment: "Gate"),
            Indicator(value: "192.0.2.1", type: .ipv4, classification: .malicious, tags: ["c2", "Blocked"], firstSeen: "2026-10-01",
                source: "proxy logs", privateFlag: true),
            Indicator(value: "evil.example", type: .domain, classification: .suspicious),
            Indicator(value: "192.0.2.1", type: .ipv4, lastSeen: "2026-11-20"),
        ]
        let (merged, outcomes) = DuplicateMerge.merged(indicators)
        #expect(merged.count == 3)
        let address = merged[0]
        #expect(address.tags == ["C2", "Blocked"])
        #expect(address.classification == .malicious)
        #expect(address.firstSeen == "2026-10-01" && address.lastSeen == "2026-11-20")
        #expect(address.comment == "Beacon target" && address.source == "proxy logs")
        #expect(address.privateFlag == true, "private if either entry is")
        #expect(merged[1].classification == .malicious && merged[2].classification == .suspicious, "differing classifications stay apart")
        #expect(outcomes == [
            DuplicateMerge.Outcome(key: IndicatorKey(type: .ipv4, value: "192.0.2.1"), entries: 3),
            DuplicateMerge.Outcome(key: IndicatorKey(type: .domain, value: "evil.example"), entries: 2,
                keptApartBecause: "their classifications differ (malicious, suspicious)"),
        ])
        let comments = [Indicator(value: "a.example", type: .domain, comment: "one"), Indicator(value: "a.example", type: .domain, comment: "two")]
        #expect(DuplicateMerge.merged(comments).outcomes.first?.keptApartBecause == "their comments differ")
        #expect(DuplicateMerge.merged(comments).indicators == comments)
        #expect(DuplicateMerge.merged(Array(indicators.prefix(2))).outcomes.isEmpty)
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
}
