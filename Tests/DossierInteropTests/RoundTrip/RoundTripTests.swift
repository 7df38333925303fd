import DossierCore
import DossierTestSupport
import Testing
@testable import DossierInterop

/// Export then import is the identity on value, type, classification (the effective one) and
/// public tags, for every format that carries them, over generated projects holding every type,
/// awkward values (quotes, backslashes, spaces, Windows paths, registry hives), vocabulary and
/// machine tags, private tags and private indicators, for both audiences.
///
/// Text carries values only: there, the identity holds for value and type of the types a bare
/// value reveals (all strict types but x509-sha1, which reads back as the sha1 it looks like;
/// and, in a list, a Windows path or registry key, each line whole).
@Suite struct RoundTripTests {
    static let seeds: [UInt64] = Array(1...40)

    @Test(arguments: [ExportFormat.csv, .json, .stix, .misp], seeds)
    func exportThenImportKeepsIndicators(_ format: ExportFormat, _ seed: UInt64) {
        var generator = ProjectGenerator(seed: seed)
        let workspace = generator.workspace()
        for audience in Audience.allCases {
            let view = AudienceFilter.view(of: workspace, for: audience)
            for project in view.projects {
                let bytes = Exporter.export(project, in: view, for: audience, format: format)
                let result = Importer.read(bytes, path: "/export", format: .auto)
                #expect(result.format == (format == .csv ? .csv : format == .json ? .json : format == .stix ? .stix : .misp))
                #expect(!result.failed, "\(result.diagnostics)")
                #expect(result.skipped.isEmpty, "\(result.skipped)")
                let expected = Comparable.view(project, in: view)
                let actual = Comparable.view(result.indicators)
                #expect(actual == expected, "seed \(seed), \(format), \(audience): \(Set(actual).symmetricDifference(expected).sorted { $0.description < $1.description })")
                // MISP marks the event with the project's TLP (TLP:GREEN at least for a private
                // project; raised by a tlp: tag of the project), an attribute by its own tlp: tag;
                // STIX each object with its own, so the file's is the strictest, but for the
                // TLP:GREEN of a private indicator, which is its privacy; dossier JSON states the
                // project's field.
                let projectMarking = max(project.markingInOutputs, TLP.marked(by: project.tags) ?? .clear)
                let strictest = project.indicators.reduce(projectMarking) { marked, indicator in
                    let own = max(projectMarking, TLP.marked(by: indicator.tags) ?? .clear)
                    return indicator.isPrivate && max(own, .green) == .green ? marked : max(marked, own)
                }
                // An internal CSV row has its level, a private row's TLP:GREEN being its privacy
                // (every row of a private project is private); a public CSV file has no levels.
                let rows = project.indicators.compactMap { indicator -> TLP? in
                    let own = max(projectMarking, TLP.marked(by: indicator.tags) ?? .clear)
                    let isPrivate = indicator.isPrivate || project.visibility == .private
                    let level = indicator.isPrivate ? max(own, .green) : own
                    return isPrivate && level == .green ? nil : level
                }
                let csv = audience == .public ? nil : rows.max()
                #expect(result.projectTLP == (format == .csv ? csv : format == .json ? project.tlp : format == .stix ? strictest : projectMarking))
            }
        }
    }

    @Test(arguments: seeds)
    func textKeepsRevealedValues(_ seed: UInt64) {
        var generator = ProjectGenerator(seed: seed)
        let workspace = generator.workspace()
        let view = AudienceFilter.view(of: workspace, for: .internal)
        for project in view.projects {
            let bytes = Exporter.export(project, in: view, for: .internal, format: .text)
            let result = Importer.read(bytes, path: "/export.txt", format: .auto)
            let revealed = project.indicators.filter { $0.type.isStrict && $0.type != .x509Sha1 }
            let expected = Set(revealed.map(\.key))
            let actual = Set(result.indicators.map(\.key))
            #expect(expected.isSubset(of: actual), "seed \(seed): missing \(expected.subtracting(actual))")
            let x509 = project.indicators.filter { $0.type == .x509Sha1 }.map { IndicatorKey(type: .sha1, value: $0.value) }
            // Windows paths and registry keys come back from a list (each line whole), not from
            // prose (a list with lines of several words in it, a user agent's).
            let windowsNames = Set(project.indicators.filter { Indicators.windowsNameType($0.value) == $0.type }.map(\.key))
            let found = actual.intersection(windowsNames)
            #expect(actual.subtracting(found) == expected.union(x509))
            #expect(found.isEmpty || found == windowsNames, "seed \(seed): \(windowsNames.subtracting(found))")
        }
    }

    /// Every other public field survives where the format has a place for it: the comment (all
    /// four formats), first and last sighting (all four; STIX as a `sighting` of the indicator);
    /// every internal export also keeps `source` (STIX as an external reference, MISP as a
    /// `dossier:source` tag) and `private`. (Issue 7: export-then-import keeps every public field.)
    @Test(arguments: [ExportFormat.csv, .json, .stix, .misp], seeds)
    func exportThenImportKeepsFields(_ format: ExportFormat, _ seed: UInt64) {
        var generator = ProjectGenerator(seed: seed)
        let workspace = generator.workspace()
        for audience in Audience.allCases {
            let view = AudienceFilter.view(of: workspace, for: audience)
            for project in view.projects {
                let result = Importer.read(Exporter.export(project, in: view, for: audience, format: format), path: "/export", format: .auto)
                let imported = Dictionary(result.indicators.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
                for indicator in project.indicators {
                    guard let back = imported[indicator.key] else {
                        Issue.record("seed \(seed), \(format), \(audience): \(indicator.key) not imported")
                        continue
                    }
                    let context = "seed \(seed), \(format), \(audience), \(indicator.type.rawValue) \(indicator.value)"
                    #expect(back.comment == indicator.comment, "\(context): comment")
                    #expect(back.firstSeen == indicator.firstSeen, "\(context): firstSeen")
                    #expect(back.lastSeen == indicator.lastSeen, "\(context): lastSeen")
                    if audience == .internal {
                        #expect(back.source == indicator.source, "\(context): source")
                    } else {
                        #expect(back.source == nil, "\(context): source")
                    }
                    // Every internal export marks a private indicator (MISP distribution 0, STIX
                    // x_dossier_private); a public one holds none. A value tagged above TLP:CLEAR
                    // comes back private whatever it was, as does one tagged PAP:RED, and every indicator of a private
                    // project (MISP and dossier JSON say the project is private, STIX by its
                    // report, CSV in each row's private column).
                    let marked = indicator.tags.contains { $0.lowercased().hasPrefix("tlp:") && (STIXTerms.tlp(named: $0).map { $0 != .clear } ?? false) || $0 == "PAP:RED" }
                    // So does every value of a project tagged PAP:RED in MISP (its event's tag) and
                    // STIX (its report's label).
                    let privateProject = project.visibility == .private || [.misp, .stix].contains(format) && project.tags.contains(where: PAP.isRed)
                    #expect(back.isPrivate == (audience == .internal && indicator.isPrivate || marked || privateProject), "\(context): private")
                }
            }
        }
    }

    /// The same project exported twice gives the same bytes (ids derived from content, no clock).
    @Test(arguments: ExportFormat.allCases)
    func exportsAreStable(_ format: ExportFormat) {
        var a = ProjectGenerator(seed: 7), b = ProjectGenerator(seed: 7)
        let (wa, wb) = (a.workspace(), b.workspace())
        for (pa, pb) in zip(wa.projects, wb.projects) {
            #expect(Exporter.export(pa, in: wa, for: .internal, format: format) == Exporter.export(pb, in: wb, for: .internal, format: format))
        }
    }
}

/// Random projects from a seed (SplitMix64), reproducible.
struct ProjectGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { random.int(range) }
    mutating func pick<T>(_ items: [T]) -> T { random.pick(items) }
    mutating func chance(_ percent: Int) -> Bool { random.chance(percent) }
    mutating func hex(_ count: Int) -> String { random.hex(count) }
    mutating func word() -> String { pick(["alpha", "bravo", "cdn", "gate", "Update", "x1", "svc-host", "payroll", "Zeta_9"]) + String(int(0...999)) }

    static let vocabulary = Vocabulary([
        TagDefinition(name: "Blocked", classification: .malicious),
        TagDefinition(name: "Quarantine", classification: .suspicious),
        TagDefinition(name: "Company Name", classification: .nonMalicious, isPrivate: true),
        TagDefinition(name: "Internal Ref", isPrivate: true),
        TagDefinition(name: "Phishing"),
    ])
    static let freeTags = [
        "C2", "kill-chain:delivery", "misp-galaxy:threat-actor=\"Sednit\"", "tlp:amber", "PAP:RED", "Café", "a, b", "quote \"q\"",
        "back\\slash", "Brand Protection",
    ]

    /// A value of `type` in normal form; an `other` when the random text is not valid for `type`.
    mutating func value(_ type: IndicatorType) -> (IndicatorType, String) {
        let raw: String
        switch type {
        case .ipv4: raw = "\(int(1...223)).\(int(0...255)).\(int(0...255)).\(int(1...254))"
        case .ipv6: raw = "2001:db8:\(hex(4)):\(int(0...9))::\(hex(3))"
        case .cidr: raw = chance(70) ? "\(int(1...223)).\(int(0...255)).\(int(0...255)).0/24" : "2001:db8:\(hex(4))::/48"
        case .domain: raw = "\(word()).\(pick(["com", "org", "net", "io"]))".lowercased()
        case .url: raw = "https://\(word().lowercased()).com/\(word())/\(pick(["gate.php", "a b", "x?q=1&r=2", "it's"]))"
        case .email: raw = "\(word().lowercased())@\(word().lowercased()).org"
        case .md5: raw = hex(32)
        case .sha1, .x509Sha1: raw = hex(40)
        case .sha256: raw = hex(64)
        case .sha512: raw = hex(128)
        case .asn: raw = "AS\(int(1...4_200_000_000))"
        case .cve: raw = "CVE-20\(int(10...29))-\(int(1000...99999))"
        case .filename: raw = pick(["\(word()).exe", "Invoice \(int(1...99)).pdf.js", "it's.doc", "weird'\\name.dll"].filter { !$0.contains("\\") })
        case .filepath: raw = pick(["C:\\Users\\\(word())\\AppData\\\(word()).dll", "/usr/lib/\(word())/lib.so", "%APPDATA%\\\(word())\\x.exe", "C:\\\(word()).bat"])
        case .registryKey: raw = "\(pick(["HKLM", "HKCU", "HKCR", "HKU"]))\\Software\\\(word())\\Run"
        case .mutex: raw = pick(["Global\\\(word())", "Local\\\(word())_'q'", "\(word())"])
        case .userAgent: raw = "Mozilla/5.0 (\(word()); rv:\(int(1...99)).0) \"Gecko\""
        case .other: raw = pick(["campaign:\(word())", "rc4-key:\(hex(12))", "it's \\ odd \(int(1...9))"])
        }
        if case .success(let normal) = Indicators.normalize(raw, as: type) { return (type, normal) }
        return value(.other)
    }

    mutating func indicator() -> Indicator {
        let (type, value) = value(pick(IndicatorType.allCases))
        var tags: [String] = []
        for _ in 0..<int(0...3) {
            let tag = chance(40) ? pick(Self.vocabulary.definitions.map(\.name)) : pick(Self.freeTags)
            if !Tag.contains(tags, tag) { tags.append(tag) }
        }
        let classification: Classification? = chance(40) ? nil : pick(Classification.allCases)
        let first = chance(50) ? "2026-0\(int(1...9))-1\(int(0...9))" : nil
        return Indicator(
            value: value, type: type, classification: classification, tags: tags, firstSeen: first,
            lastSeen: first.map { $0 < "2026-09-30" ? "2026-09-30" : $0 }, source: chance(50) ? "sandbox" : nil,
            comment: chance(50) ? pick(["Gate", "it's \"quoted\", with commas; and semicolons", "multi\nline"]) : nil,
            privateFlag: chance(20) ? true : nil)
    }

    mutating func project(_ n: Int) -> Project {
        var seen: Set<IndicatorKey> = []
        let indicators = (0..<int(0...25)).map { _ in indicator() }.filter { seen.insert($0.key).inserted }
        let isPublic = chance(50)
        var tags: [String] = []
        for tag in (0..<int(0...3)).map({ _ in pick(Self.freeTags + ["Phishing", "Company Name"]) }) where !Tag.contains(tags, tag) && !tag.lowercased().hasPrefix("tlp:") {
            tags.append(tag)
        }
        return Project(
            slug: "p\(n)", folder: "/w/p\(n)", title: "Project \(n) \"quoted\"", summary: chance(50) ? "Summary with *Markdown*." : nil,
            visibility: isPublic ? .public : .private, tlp: isPublic ? .clear : pick(TLP.allCases), status: pick([.open, .closed, nil]),
            created: chance(70) ? "2026-0\(int(1...9))-0\(int(1...9))" : nil, updated: chance(50) ? "2026-11-2\(int(0...9))" : nil,
            tags: tags, indicators: indicators)
    }

    mutating func workspace() -> Workspace {
        Workspace(root: "/w", settings: WorkspaceSettings(title: "Generated", vocabulary: Self.vocabulary), projects: (0..<3).map { project($0) })
    }
}
