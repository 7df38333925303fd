import Testing
@testable import DossierCore

@Suite("the index's key table")
struct KeyTableTests {
    typealias Occurrence = IndicatorIndex.Occurrence

    /// Every value with the same few types, some values in several projects and twice in one.
    static func workspace(projects: Int, indicators: Int) -> Workspace {
        let types: [IndicatorType] = [.domain, .sha1, .x509Sha1, .ipv4]
        return Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: (0..<projects).map { p in
            Project(slug: "p\(p)", folder: "/w/p\(p)", title: "P\(p)", indicators: (0..<indicators).map { i in
                // One value in ten is shared with the next project; a 40-hex value is a sha1 and an x509-sha1.
                let n = i % 10 == 0 ? i : p * indicators + i
                return Indicator(value: "value-\(n)", type: types[i % 2 == 0 ? 0 : (i / 2) % 3 + 1])
            })
        })
    }

    /// The occurrences of every key, as a dictionary of the keys themselves gives them.
    static func expected(_ workspace: Workspace) -> [IndicatorKey: [Occurrence]] {
        var expected: [IndicatorKey: [Occurrence]] = [:]
        for (p, project) in workspace.projects.enumerated() {
            for (i, indicator) in project.indicators.enumerated() {
                expected[indicator.key, default: []].append(Occurrence(project: p, indicator: i))
            }
        }
        return expected
    }

    @Test("keys whose hashes are all equal are still told apart, across the table's growth")
    func collisions() {
        let workspace = Self.workspace(projects: 3, indicators: 200)
        var table = KeyTable(capacity: 1)
        for (p, project) in workspace.projects.enumerated() {
            for (i, indicator) in project.indicators.enumerated() {
                table.append(Occurrence(project: p, indicator: i), key: indicator.key, hash: 42, in: workspace)
            }
        }
        for (key, occurrences) in Self.expected(workspace) {
            #expect(table.occurrences(of: key, hash: 42, in: workspace) == occurrences)
            #expect(table.count(key, hash: 42, in: workspace) == occurrences.count)
        }
        let absent = IndicatorKey(type: .domain, value: "value-1")
        #expect(table.occurrences(of: absent, hash: 42, in: workspace).isEmpty)
        #expect(table.count(absent, hash: 42, in: workspace) == 0)
    }

    @Test("an index large enough to be built in shards finds what a dictionary of the keys finds")
    func shards() {
        // 60,000 indicators: past the size from which the index is built on every core.
        let workspace = Self.workspace(projects: 60, indicators: 1_000)
        let index = IndicatorIndex(workspace, scope: .correlations)
        let expected = Self.expected(workspace)
        for (key, occurrences) in expected {
            #expect(index.occurrences(of: key) == occurrences)
            #expect(index.occurrenceCount(of: key) == occurrences.count)
        }
        #expect(index.occurrences(of: IndicatorKey(type: .sha256, value: "value-0")).isEmpty)
        let repeated = Dictionary(uniqueKeysWithValues: index.repeated.map { ($0.key, $0.occurrences) })
        #expect(repeated == expected.filter { $0.value.count > 1 })
        // In the order of each key's first recording, whichever shard holds it.
        let firsts = index.repeated.map { $0.occurrences[0] }
        #expect(firsts == firsts.sorted() && firsts.count == repeated.count)
    }

    @Test("canonically equivalent values (é precomposed or not) are one key, as String compares them, sharded or not")
    func canonicalEquivalence() {
        for filler in [0, 30_000] {
            var workspace = Self.workspace(projects: 2, indicators: filler / 2)
            workspace.projects[0].indicators.append(Indicator(value: "caf\u{E9}.exe", type: .filename))
            workspace.projects[1].indicators.append(Indicator(value: "cafe\u{301}.exe", type: .filename))
            workspace.projects[1].indicators.append(Indicator(value: "cafe\u{301}.exe", type: .filename))
            let index = IndicatorIndex(workspace, scope: .correlations)
            let expected = [Occurrence(project: 0, indicator: filler / 2), Occurrence(project: 1, indicator: filler / 2),
                            Occurrence(project: 1, indicator: filler / 2 + 1)]
            #expect(index.occurrences(of: IndicatorKey(type: .filename, value: "cafe\u{301}.exe")) == expected)
            #expect(index.occurrences(of: IndicatorKey(type: .filename, value: "caf\u{E9}.exe")) == expected)
        }
    }

    @Test("a key's hash depends on its type, and is never the empty slot's zero")
    func hashes() {
        #expect(KeyTable.hash(of: .sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709")
            != KeyTable.hash(of: .x509Sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"))
        #expect(KeyTable.hash(of: .domain, "") != 0)
        // Values that differ only past the first eight bytes, or only in their last byte.
        #expect(KeyTable.hash(of: .url, "https://evil.example/a") != KeyTable.hash(of: .url, "https://evil.example/b"))
        #expect(KeyTable.hash(of: .domain, "a.example") != KeyTable.hash(of: .domain, "a.example\u{0}"))
    }
}
