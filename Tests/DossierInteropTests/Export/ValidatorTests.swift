import DossierCore
import Foundation
import Testing
@testable import DossierInterop

/// The real validators on every export of the sample projects: each project exported for every
/// audience that may see it (public projects for the public and internally, private ones
/// internally), filtered by `AudienceFilter` as the CLI and the site builder do.
///
/// - STIX: OASIS `stix2-validator` (STIX 2.1, default options) reports no error, and importing
///   the bundle back gives the same indicators (value, type, classification, tags).
/// - MISP: PyMISP `MISPEvent().load_file(path)` loads it (it refuses unknown types, categories that
///   do not fit the type, broken values), and importing what PyMISP writes back out gives the same
///   indicators.
///
/// The validators come from PyPI (`pip install stix2-validator pymisp`); when they cannot be
/// installed these tests fail: CI installs them.
@Suite(.serialized) struct ValidatorTests {
    struct Export: CustomTestStringConvertible {
        var project: Project
        var workspace: Workspace
        var audience: Audience
        var testDescription: String { "\(project.slug) (\(audience.rawValue))" }
    }

    static let exports: [Export] = {
        let loaded = WorkspaceLoader.load(root: TestFiles.samples)
        return Audience.allCases.flatMap { audience in
            let view = AudienceFilter.view(of: loaded.workspace, for: audience)
            return view.projects.map { Export(project: $0, workspace: view, audience: audience) }
        }
    }()

    @Test func samplesGiveExportsForBothAudiences() {
        let loaded = WorkspaceLoader.load(root: TestFiles.samples)
        #expect(!loaded.diagnostics.hasErrors)
        #expect(Self.exports.count == loaded.workspace.projects.count + loaded.workspace.projects.count { $0.visibility == .public })
        #expect(Self.exports.contains { $0.audience == .public })
    }

    @Test func stixExportsPassTheOASISValidator() throws {
        try Python.validators.get()
        let folder = try TemporaryFolder()
        var paths: [String] = []
        for (n, export) in Self.exports.enumerated() {
            let bytes = Exporter.export(export.project, in: export.workspace, for: export.audience, format: .stix)
            paths.append(try folder.write("\(n)-\(export.project.slug)-\(export.audience.rawValue).stix.json", bytes))
        }
        let run = try Python.script("validate_stix.py", paths)
        #expect(run.status == 0, "stix2-validator:\n\(run.output)")
        #expect(run.output.contains("\n0 errors") || run.output.hasPrefix("0 errors"), "\(run.output)")
        #expect(!run.output.contains(": error:"), "\(run.output)")
        // Internal exports mark private indicators through dossier's extension, not a bare custom
        // property (which the validator flags as deprecated).
        #expect(!run.output.contains("{401}"), "\(run.output)")
        #expect(Self.exports.contains { $0.audience == .internal && $0.project.indicators.contains(where: \.isPrivate) })
    }

    @Test("URLs holding what a URI may not hold as written (<, |, a letter outside ASCII, a stray %) are exported percent-encoded, and pass the validator")
    func stixURLsAreURIs() throws {
        let values = ["http://a.example/?q=<script>", "http://a.example/a|b", "http://a.example/\u{FC}", "http://a.example/%zz%41",
                      "http://a.example/{x}^`\\\"y", "http://a.example/ok?x=1&y=%2F#top", "http://a.example/a]b[c", "http://[2001:db8::1]/x"]
        let project = Project(slug: "urls", folder: "/w/urls", title: "URLs", visibility: .public,
            indicators: values.map { Indicator(value: $0, type: .url) })
        let workspace = Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [project])
        let bytes = Exporter.export(project, in: workspace, for: .public, format: .stix)
        let text = String(decoding: bytes, as: UTF8.self)
        for encoded in ["http://a.example/?q=%3Cscript%3E", "http://a.example/a%7Cb", "http://a.example/%C3%BC", "http://a.example/%25zz%41",
                        "http://a.example/%7Bx%7D%5E%60%5C%22y", "http://a.example/ok?x=1&y=%2F#top", "http://a.example/a%5Db%5Bc",
                        "http://[2001:db8::1]/x"] {
            #expect(text.contains("\"value\": \"\(encoded)\""), "\(encoded)")
            #expect(text.contains("[url:value = '\(encoded)']"), "\(encoded)")
        }
        // An escape of a space or a control character stays one (no URL dossier keeps holds either).
        #expect(STIXObservables.url(fromURI: "http://a.example/a%20b%0A%3C") == "http://a.example/a%20b%0A<")
        // Imported back, they are the values they were (no second copy of each), but for a letter
        // outside ASCII and a stray %, which come back escaped as logs and feeds write them.
        let back = values.map { $0 == "http://a.example/\u{FC}" ? "http://a.example/%C3%BC" : $0 == "http://a.example/%zz%41" ? "http://a.example/%25zz%41" : $0 }
        #expect(Importer.read(bytes, path: "/urls.stix.json").indicators.map(\.value).sorted() == back.sorted())
        #expect(STIXObservables.url(fromURI: "http://a.example/%E2%82%AC%25x") == "http://a.example/%E2%82%AC%25x")
        // Merged back into the project they came from, each is the URL it was: nothing is added.
        let (mergedBack, report) = IndicatorMerge.merge(Importer.read(bytes, path: "/urls.stix.json").indicators, into: project,
            unknown: .keepsRecorded)
        #expect(report.added.isEmpty && mergedBack.indicators.map(\.value) == values)
        // Each STIX indicator is named by the value as recorded: no name is taken for a comment.
        #expect(report.merged.isEmpty && mergedBack.indicators.allSatisfy { $0.comment == nil }, "\(report.merged)")
        try Python.validators.get()
        let folder = try TemporaryFolder()
        let run = try Python.script("validate_stix.py", [try folder.write("urls.stix.json", bytes)])
        #expect(run.status == 0 && !run.output.contains(": error:"), "stix2-validator:\n\(run.output)")
    }

    @Test("values STIX's schema refuses as observables (a host with _, an e-mail with a user part outside ASCII, an IPv6 address with an IPv4 part) are said by their patterns alone: the bundle passes the validator and imports back whole")
    func stixValuesTheSchemaRefuses() throws {
        let values: [(String, IndicatorType)] = [("_dmarc.example.com", .domain), ("sub_domain.example.com", .domain), ("user@sub_x.example.com", .email),
            ("\u{FC}ser@example.com", .email), ("::ffff:192.0.2.1", .ipv6), ("::ffff:192.0.2.0/120", .cidr), ("ok.example", .domain), ("2001:db8::1", .ipv6)]
        let project = Project(slug: "odd", folder: "/w/odd", title: "Odd", visibility: .public,
            indicators: values.map { Indicator(value: $0.0, type: $0.1) })
        let workspace = Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [project])
        let bytes = Exporter.export(project, in: workspace, for: .public, format: .stix)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("[domain-name:value = '_dmarc.example.com']"))
        #expect(!text.contains("\"value\": \"_dmarc.example.com\""), "no observable of it")
        #expect(text.contains("\"value\": \"ok.example\"") && text.contains("\"value\": \"2001:db8::1\""), "the others keep theirs")
        let back = Importer.read(bytes, path: "/odd.stix.json").indicators
        #expect(back.map(\.value).sorted() == values.map(\.0).sorted())
        try Python.validators.get()
        let folder = try TemporaryFolder()
        let run = try Python.script("validate_stix.py", [try folder.write("odd.stix.json", bytes)])
        #expect(run.status == 0 && !run.output.contains(": error:"), "stix2-validator:\n\(run.output)")
    }

    @Test(arguments: exports)
    func stixExportImportsBackTheSameIndicators(_ export: Export) {
        let bytes = Exporter.export(export.project, in: export.workspace, for: export.audience, format: .stix)
        let result = Importer.read(bytes, path: "/export.stix.json")
        #expect(result.format == .stix)
        #expect(!result.failed && result.skipped.isEmpty)
        #expect(Comparable.view(result.indicators) == Comparable.view(export.project, in: export.workspace))
        #expect(result.projectTLP == export.project.tlp)
        #expect(result.projectTags == export.project.tags)
        // The notes the audience sees, each a note again.
        #expect(result.noteFiles.map(\.title) == export.project.notes.map(\.displayTitle), "\(export.testDescription)")
        #expect(result.noteFiles.map(\.body) == export.project.notes.map(\.writtenBody), "\(export.testDescription)")
    }

    @Test func mispExportsLoadWithPyMISP() throws {
        try Python.validators.get()
        let folder = try TemporaryFolder()
        var files: [(Export, String)] = []
        for (n, export) in Self.exports.enumerated() {
            let bytes = Exporter.export(export.project, in: export.workspace, for: export.audience, format: .misp)
            files.append((export, try folder.write("\(n)-\(export.project.slug)-\(export.audience.rawValue).misp.json", bytes)))
        }
        let run = try Python.script("load_misp.py", files.map(\.1))
        #expect(run.status == 0, "PyMISP:\n\(run.output)")
        for (export, path) in files {
            // What PyMISP made of the event, imported back.
            let reloaded = try TestFiles.bytes(path + ".pymisp.json")
            let result = Importer.read(reloaded, path: path)
            #expect(result.format == .misp, "\(export.testDescription)")
            #expect(!result.failed && result.skipped.isEmpty, "\(export.testDescription)")
            #expect(Comparable.view(result.indicators) == Comparable.view(export.project, in: export.workspace), "\(export.testDescription)")
            #expect(result.projectTLP == export.project.tlp, "\(export.testDescription)")
            // The notes the audience sees, as the event's reports.
            #expect(result.noteFiles.map(\.title) == export.project.notes.map(\.displayTitle), "\(export.testDescription)")
            // (PyMISP takes the blanks off a report's end.)
            #expect(result.noteFiles.map(\.body) == export.project.notes.map { $0.writtenBody.trimmingCharacters(in: .whitespacesAndNewlines) }, "\(export.testDescription)")
        }
    }

    @Test("an indicator imported from MISP as other goes back as its MISP type (btc, ssdeep, a url without a scheme), which PyMISP loads; imported again, it is the same indicator")
    func mispOnlyTypesGoBackAsThemselves() throws {
        let event = #"""
            {"Event": {"info": "Wallets", "Attribute": [
                {"type": "btc", "category": "Financial fraud", "value": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "Tag": [{"name": "Ransom"}]},
                {"type": "ssdeep", "category": "Payload delivery", "value": "96:s4Ud1Lj96tHHlZDrwciQmA+4uy1I0G4HYuL8N3TzS8QsO/wqWXLcMSx:sF1LjEtHHlZDrpnFI0G4HZ5E9QsO/wqWX"},
                {"type": "url", "category": "Network activity", "value": "evil.example/gate.php"}
            ]}}
            """#
        let imported = TestFiles.importText(event)
        #expect(imported.keys.allSatisfy { $0.hasPrefix("other ") } && imported.indicators.count == 3)
        let project = Project(slug: "wallets", folder: "/w/wallets", title: "Wallets", indicators: imported.indicators)
        let workspace = Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [project])
        let bytes = Exporter.export(project, in: workspace, for: .public, format: .misp)
        let text = String(decoding: bytes, as: UTF8.self)
        for (type, category) in [("btc", "Financial fraud"), ("ssdeep", "Payload delivery"), ("url", "Network activity")] {
            #expect(text.contains("\"type\": \"\(type)\",\n        \"category\": \"\(category)\""), "\(type)")
        }
        #expect(!text.contains("misp-type:") && !text.contains("\"type\": \"other\""))
        #expect(text.contains("\"name\": \"Ransom\""))
        // Imported back, each is the indicator it was, tag and all.
        let back = Importer.read(bytes, path: "/wallets.misp.json")
        #expect(Comparable.view(back.indicators) == Comparable.view(project, in: workspace))
        // A `misp-type:` tag naming no MISP type stays a tag, and the indicator stays `other`.
        let unknown = Indicator(value: "x", type: .other, tags: ["misp-type:no-such-type"])
        #expect(MISPTypes.attribute(for: unknown).type == "other" && MISPTypes.recordedType(of: unknown) == nil)
        try Python.validators.get()
        let folder = try TemporaryFolder()
        let run = try Python.script("load_misp.py", [try folder.write("wallets.misp.json", bytes)])
        #expect(run.status == 0, "PyMISP:\n\(run.output)")
    }

    @Test(arguments: exports)
    func mispExportImportsBackTheSameIndicators(_ export: Export) {
        let bytes = Exporter.export(export.project, in: export.workspace, for: export.audience, format: .misp)
        let result = Importer.read(bytes, path: "/export.misp.json")
        #expect(result.format == .misp)
        #expect(!result.failed && result.skipped.isEmpty)
        #expect(Comparable.view(result.indicators) == Comparable.view(export.project, in: export.workspace))
        #expect(result.projectTLP == export.project.tlp)
        // A private project's event is for the organisation only: its tags are the restricted
        // data's, which a private project takes as its own (a public one puts them on its
        // private indicators).
        let tags = export.project.visibility == .private ? result.restrictedTags : result.projectTags
        #expect(tags == export.project.tags.filter { !$0.lowercased().hasPrefix("tlp:") })
        // A private tag of the vocabulary (internal exports only) travels as a MISP local tag,
        // which an import keeps off a public project's public indicators.
        let privateTags = Set(export.project.indicators.flatMap(\.tags).filter(export.workspace.vocabulary.isPrivate).map(Tag.key))
        #expect(Set(result.localTags.map(Tag.key)) == privateTags)
        #expect(export.audience == .public ? privateTags.isEmpty : true)
    }
}

/// What a round trip must keep: value, type, effective classification and tags, per indicator.
enum Comparable {
    struct Row: Hashable, CustomStringConvertible {
        var type: IndicatorType
        var value: String
        var classification: Classification
        var tags: [String]
        var description: String { "\(type.rawValue) \(value) \(classification.rawValue) \(tags)" }
    }

    static func view(_ project: Project, in workspace: Workspace) -> [Row] {
        project.indicators.map {
            Row(type: $0.type, value: $0.value, classification: $0.effectiveClassification(in: workspace.vocabulary), tags: $0.tags)
        }.sorted { ($0.type, $0.value) < ($1.type, $1.value) }
    }

    /// Imported indicators: a missing classification reads as unknown (an export always states one).
    static func view(_ indicators: [Indicator], vocabulary: Vocabulary = .init()) -> [Row] {
        indicators.map {
            Row(type: $0.type, value: $0.value, classification: $0.classification ?? .unknown, tags: $0.tags)
        }.sorted { ($0.type, $0.value) < ($1.type, $1.value) }
    }
}
