import Testing
@testable import DossierCore

@Suite("selection")
struct SelectionTests {
    static let project = Project(slug: "p", folder: "/tmp/p", title: "P", indicators: [
        Indicator(value: "192.0.2.1", type: .ipv4, tags: ["Blocked"]),
        Indicator(value: "evil.example", type: .domain, classification: .suspicious, tags: ["blocked", "Phishing"]),
        Indicator(value: "good.example", type: .domain, tags: ["Company Name"]),
        Indicator(value: "http://evil.example/a", type: .url),
        Indicator(value: "evil.exe", type: .filename, tags: ["Phishing"]),
    ])
    static let vocabulary = Vocabulary.starter

    func selected(_ selection: Selection) -> [String] {
        selection.indices(in: Self.project, vocabulary: Self.vocabulary).map { Self.project.indicators[$0].value }
    }

    @Test("--tagged compares case-insensitively and requires every tag given")
    func tagged() {
        #expect(selected(Selection(tagged: ["BLOCKED"])) == ["192.0.2.1", "evil.example"])
        #expect(selected(Selection(tagged: ["blocked", "phishing"])) == ["evil.example"])
    }

    @Test("--type")
    func type() {
        #expect(selected(Selection(types: [.domain])) == ["evil.example", "good.example"])
    }

    @Test("--classified uses the effective classification: explicit, else implied by tags, else unknown")
    func classified() {
        #expect(selected(Selection(classified: [.malicious])) == ["192.0.2.1"])
        #expect(selected(Selection(classified: [.suspicious])) == ["evil.example"])
        #expect(selected(Selection(classified: [.nonMalicious])) == ["good.example"])
        #expect(selected(Selection(classified: [.unknown])) == ["http://evil.example/a", "evil.exe"])
    }

    @Test("--all selects everything; no criterion selects nothing")
    func all() {
        #expect(selected(Selection(all: true)).count == 5)
        #expect(Selection().isEmpty)
        #expect(selected(Selection()).isEmpty)
    }

    @Test("selectors intersect, with each other and with values")
    func intersect() {
        #expect(selected(Selection(tagged: ["Blocked"], types: [.domain])) == ["evil.example"])
        #expect(selected(Selection(tagged: ["Phishing"], types: [.domain], classified: [.malicious])).isEmpty)
        #expect(selected(Selection(tagged: ["Blocked"], all: true)) == ["192.0.2.1", "evil.example"])
        let keys: Set = [IndicatorKey(type: .ipv4, value: "192.0.2.1"), IndicatorKey(type: .domain, value: "good.example")]
        #expect(selected(Selection(keys: keys, types: [.domain])) == ["good.example"])
        #expect(Selection(tagged: ["Blocked"], types: [.domain], classified: [.malicious]).description
            == "tagged Blocked, of type domain, classified malicious")
    }

    @Test("a repeated type or classification selects any of them, and still narrows the other selectors")
    func anyOfSeveral() {
        #expect(selected(Selection(types: [.ipv4, .filename])) == ["192.0.2.1", "evil.exe"])
        #expect(selected(Selection(classified: [.malicious, .nonMalicious])) == ["192.0.2.1", "good.example"])
        #expect(selected(Selection(tagged: ["Blocked"], types: [.ipv4, .url])) == ["192.0.2.1"])
        #expect(Selection(types: [.cidr, .asn], classified: [.malicious, .unknown]).description
            == "of type cidr or asn, classified malicious or unknown")
    }

    @Test("values are refanged and detected; free-form ones match as written; others are rejected with a reason")
    func values() {
        let inputs = ["evil[.]example", "hxxp://evil[.]example/a", "evil.exe", "198.51.100.1", "999.1.1.1"].enumerated().map {
            InputValue($1, origin: .argument($0 + 1))
        }
        let (keys, rejected) = Selection.keys(for: inputs, type: nil, in: Self.project)
        #expect(keys == [
            IndicatorKey(type: .domain, value: "evil.example"), IndicatorKey(type: .url, value: "http://evil.example/a"),
            IndicatorKey(type: .filename, value: "evil.exe"),
        ])
        #expect(rejected.map(\.value.text) == ["198.51.100.1", "999.1.1.1"])
        #expect(rejected[0].description.contains("not recorded in p"))
        #expect(rejected[1].description.hasPrefix("value 5 \"999.1.1.1\": "))
    }

    @Test("a registry key or Windows path written in another case selects the one recorded, without --type")
    func windowsNames() {
        let project = Project(slug: "w", folder: "/tmp/w", title: "W", indicators: [
            Indicator(value: #"HKEY_CURRENT_USER\Software\Run\Updater"#, type: .registryKey),
            Indicator(value: #"%AppData%\Microsoft\upd.exe"#, type: .filepath),
            Indicator(value: "/tmp/Upd", type: .filepath),
        ])
        let inputs = [#"hkcu\software\run\updater"#, #"%APPDATA%\microsoft\UPD.EXE"#, "/tmp/upd"].enumerated().map {
            InputValue($1, origin: .argument($0 + 1))
        }
        let (keys, rejected) = Selection.keys(for: inputs, type: nil, in: project)
        #expect(Set(project.indicators.prefix(2).map(\.key)) == keys)
        #expect(rejected.map(\.value.text) == ["/tmp/upd"])
    }

    @Test("a value both a domain and a file name (setup.zip) selects the one the project records; recorded as both, it asks for --type; add merges into the file name")
    func domainOrFileName() {
        let asFile = Project(slug: "p", folder: "/w/p", title: "P", visibility: .private, tlp: .amber,
            indicators: [Indicator(value: "setup.zip", type: .filename)])
        let value = [InputValue("setup.zip", origin: .argument(1))]
        #expect(Selection.keys(for: value, type: nil, in: asFile).keys == [IndicatorKey(type: .filename, value: "setup.zip")])
        let merged = Selection.recognized([ParsedIndicator(type: .domain, value: "setup.zip")], rejected: [], in: asFile).parsed
        #expect(merged.map(\.type) == [.filename])
        var both = asFile
        both.indicators.append(Indicator(value: "setup.zip", type: .domain))
        let (keys, rejected) = Selection.keys(for: value, type: nil, in: both)
        #expect(keys.isEmpty && rejected.first?.problem.message == "setup.zip is recorded in p as domain and filename; give --type to say which")
        #expect(Selection.keys(for: value, type: .domain, in: both).keys == [IndicatorKey(type: .domain, value: "setup.zip")])
    }

    @Test("a value that does not fit --type says what it looks like")
    func typeMismatch() {
        let (_, rejected) = Selection.keys(for: [InputValue("evil.example", origin: .argument(1))], type: .ipv4, in: Self.project)
        #expect(rejected.count == 1)
        #expect(rejected[0].problem.message.contains("looks like a domain: use --type domain"))
    }
}

@Suite("tag, untag, classify")
struct IndicatorEditTests {
    @Test("tag adds only where missing (case-insensitively) and counts the changes")
    func tag() {
        var project = SelectionTests.project
        let outcome = IndicatorEdit.tag(&project, with: "Blocked", at: [0, 1, 2])
        #expect(outcome == IndicatorEdit.Outcome(selected: 3, changed: 1))
        #expect(project.indicators[1].tags == ["blocked", "Phishing"])
        #expect(project.indicators[2].tags == ["Company Name", "Blocked"])
    }

    @Test("untag removes every spelling of the tag")
    func untag() {
        var project = SelectionTests.project
        project.indicators[0].tags = ["Blocked", "BLOCKED", "C2"]
        let outcome = IndicatorEdit.untag(&project, removing: "blocked", at: [0, 1, 2])
        #expect(outcome == IndicatorEdit.Outcome(selected: 3, changed: 2))
        #expect(project.indicators[0].tags == ["C2"])
        #expect(project.indicators[1].tags == ["Phishing"])
    }

    @Test("classify writes the classification down, also where it was only implied")
    func classify() {
        var project = SelectionTests.project
        let outcome = IndicatorEdit.classify(&project, as: .malicious, at: [0, 1])
        #expect(outcome == IndicatorEdit.Outcome(selected: 2, changed: 2))
        #expect(project.indicators[0].classification == .malicious)
        let again = IndicatorEdit.classify(&project, as: .malicious, at: [0, 1])
        #expect(again.changed == 0)
    }

    @Test("a vocabulary tag typed in another case takes the vocabulary's spelling")
    func spelling() {
        #expect(IndicatorEdit.spelling(of: "newly observed", in: .starter) == "Newly Observed")
        #expect(IndicatorEdit.spelling(of: "apt28", in: .starter) == "apt28")
    }

    @Test("contradictions between an explicit classification and the tags are found")
    func contradictions() {
        #expect(IndicatorEdit.contradictions(in: SelectionTests.project, at: [0, 1, 2], vocabulary: .starter) == [1])
    }
}
