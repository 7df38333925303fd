import DossierCore
import Testing
@testable import DossierInterop

/// What each export holds, and what a public export must never hold.
@Suite struct ExporterTests {
    static let project = Project(
        slug: "demo", folder: "/w/demo", title: "Demo", summary: "Summary.", visibility: .public, tlp: .clear, status: .closed,
        created: "2026-10-01", updated: "2026-11-02T10:00:00+01:00", tags: ["Phishing", "Company Name"],
        indicators: [
            Indicator(value: "payroll-acme.com", type: .domain, tags: ["Blocked", "Company Name"], firstSeen: "2026-10-30",
                      source: "mail gateway", comment: "Landing page"),
            Indicator(value: "secret.example", type: .domain, classification: .suspicious, source: "EDR", privateFlag: true),
            Indicator(value: "HKCU\\Software\\Run\\x", type: .registryKey, classification: .malicious),
            Indicator(value: "CVE-2026-11873", type: .cve, classification: .unknown, tags: ["Exploited"]),
        ],
        notes: [Note(fileName: "01-a.md", path: "/w/demo/notes/01-a.md", title: "Public", body: "Body"),
                Note(fileName: "02-b.md", path: "/w/demo/notes/02-b.md", visibility: .private, body: "Secret body")])

    static func text(_ format: ExportFormat, _ audience: Audience) -> String {
        let view = AudienceFilter.view(of: .single(project), for: audience)
        return String(decoding: Exporter.export(view.projects[0], in: view, for: audience, format: format), as: UTF8.self)
    }

    @Test(arguments: ExportFormat.allCases)
    func publicExportsHoldNothingPrivate(_ format: ExportFormat) {
        let text = Self.text(format, .public)
        for secret in ["secret.example", "mail gateway", "EDR", "Company Name", "Secret body", "\"private\"", "\"source\"", ",source", ",private"] {
            #expect(!text.contains(secret), "\(format) leaks \(secret)")
        }
        #expect(text.contains("payroll-acme.com"))
    }

    @Test("a MISP event is for all communities when the project is public, for the organisation only when it is private")
    func mispEventDistributionFollowsVisibility() {
        #expect(Self.text(.misp, .public).contains("\"distribution\": \"3\",\n    \"published\""))
        var privateProject = Self.project
        privateProject.visibility = .private
        let view = AudienceFilter.view(of: .single(privateProject), for: .internal)
        let text = String(decoding: Exporter.export(view.projects[0], in: view, for: .internal, format: .misp), as: UTF8.self)
        #expect(text.contains("\"distribution\": \"0\",\n    \"published\""))
        // Imported again, a private project's indicators stay private.
        #expect(Importer.read(Array(text.utf8), path: "/e.json").indicators.allSatisfy { $0.isPrivate })
    }

    @Test("a private project's STIX report says it is private, and its import keeps everything private: indicators and the note with its title")
    func stixReportOfPrivateProjectKeepsItPrivate() throws {
        var privateProject = Self.project
        privateProject.visibility = .private
        let view = AudienceFilter.view(of: .single(privateProject), for: .internal)
        let bundle = try JSONParser.parse(Exporter.export(view.projects[0], in: view, for: .internal, format: .stix))
        let report = try #require(bundle.value.objectValue?.array("objects").compactMap(\.value.objectValue).first { $0.string("type") == "report" })
        #expect(report.flag(STIXTerms.privateProperty) == true)
        let imported = Importer.read(Exporter.export(view.projects[0], in: view, for: .internal, format: .stix), path: "/e.json")
        #expect(imported.indicators.count == 4 && imported.indicators.allSatisfy(\.isPrivate))
        #expect(imported.notesArePrivate && imported.notes.contains { $0.contains("STIX report \"Demo\"") })
        // A public project's report has no such mark: its public indicators come in public.
        let open = Importer.read(Exporter.export(Self.project, in: .single(Self.project), for: .internal, format: .stix), path: "/e.json")
        #expect(!open.notesArePrivate && open.indicator("payroll-acme.com")?.isPrivate == false)
    }

    @Test("CSV cells that a spreadsheet would run as a formula start with a quote, which the import takes off again")
    func csvCellsNeverStartAFormula() throws {
        let project = Project(
            slug: "csv", folder: "/w/csv", title: "CSV", visibility: .public, tlp: .clear,
            indicators: [
                Indicator(value: "evil.example", type: .domain, tags: ["@SUM(1)", "C2"], comment: "=cmd|' /C calc'!A0"),
                Indicator(value: "-rf.txt", type: .filename, comment: "+1 555 0100"),
                Indicator(value: "'=already quoted", type: .mutex, comment: "\tHYPERLINK"),
                Indicator(value: "198.51.100.7", type: .ipv4, comment: "-2+3 and 'quoted' text"),
            ])
        let view = AudienceFilter.view(of: .single(project), for: .public)
        let bytes = Exporter.export(view.projects[0], in: view, for: .public, format: .csv)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("evil.example,domain,unknown,'@SUM(1); C2,,,'=cmd|' /C calc'!A0\r\n"), "\(text)")
        #expect(text.contains("'-rf.txt,filename,unknown,,,,'+1 555 0100\r\n"))
        #expect(text.contains("''=already quoted,mutex,unknown,,,,'\tHYPERLINK\r\n"))
        #expect(text.contains("198.51.100.7,ipv4,unknown,,,,'-2+3 and 'quoted' text\r\n"))
        let records = try CSVReader.records(text)
        #expect(records.flatMap(\.fields).allSatisfy { !($0.text.unicodeScalars.first.map(SpreadsheetFormula.triggers.contains) ?? false) })
        // Imported again, every value is what it was.
        let back = Importer.read(bytes, path: "/csv.csv")
        #expect(back.indicator("-rf.txt")?.comment == "+1 555 0100")
        #expect(back.indicator("'=already quoted")?.type == .mutex)
        #expect(back.indicator("evil.example")?.tags == ["@SUM(1)", "C2"] && back.indicator("evil.example")?.comment == "=cmd|' /C calc'!A0")
        #expect(back.indicator("198.51.100.7")?.comment == "-2+3 and 'quoted' text")
    }

    @Test("a normal CSV export is unchanged: no cell of the sample projects gets a quote")
    func normalCSVExportIsUnchanged() throws {
        let loaded = WorkspaceLoader.load(root: TestFiles.samples).workspace
        let view = AudienceFilter.view(of: loaded, for: .internal)
        for project in view.projects {
            let text = String(decoding: Exporter.export(project, in: view, for: .internal, format: .csv), as: UTF8.self)
            let records = try CSVReader.records(text)
            #expect(records.count == project.indicators.count + 1)
            #expect(records.flatMap(\.fields).allSatisfy { !$0.text.hasPrefix("'") }, "\(project.slug)")
        }
    }

    @Test func internalExportsHoldEverything() {
        let csv = Self.text(.csv, .internal)
        #expect(csv.hasPrefix("value,type,classification,tags,firstSeen,lastSeen,comment,source,private,tlp\r\n"))
        #expect(csv.contains("secret.example,domain,suspicious,,,,,EDR,true,green\r\n"))
        #expect(Self.text(.json, .internal).contains("Secret body"))
    }

    @Test("an internal STIX or MISP export carries each indicator's source (STIX as the description of its reference \"dossier source\", MISP as a dossier:source tag), which the import reads back as the source, not a tag")
    func internalSTIXAndMISPExportsCarryTheSource() throws {
        var project = Self.project
        project.indicators[0].source = "ACME \"mail\" gateway #2"
        project.indicators[2].source = "cve"
        // A tag written as a source's (which check warns of) is a second source when read back.
        project.indicators[0].tags.append("dossier:source=\"lookalike\"")
        project.indicators[1].tags.append("dossier:source=\"EDR\"")
        let view = AudienceFilter.view(of: .single(project), for: .internal)
        for format in [ExportFormat.stix, .misp] {
            let bytes = Exporter.export(view.projects[0], in: view, for: .internal, format: format)
            let text = String(decoding: bytes, as: UTF8.self)
            if format == .stix {
                let objects = try JSONParser.parse(bytes).value.objectValue?.array("objects").compactMap(\.value.objectValue) ?? []
                let indicator = try #require(objects.first { $0.string("type") == "indicator" && $0.string("name") == "payroll-acme.com" })
                let reference = indicator.array("external_references").first?.value.objectValue
                #expect(reference?.string("source_name") == "dossier source" && reference?.string("description") == "ACME \"mail\" gateway #2")
            } else {
                #expect(text.components(separatedBy: #""name": "dossier:source=\"EDR\"""#).count == 2, "the source's tag written once")
            }
            let imported = Importer.read(bytes, path: "/e.json")
            #expect(imported.indicator("payroll-acme.com")?.source == "ACME \"mail\" gateway #2; lookalike", "\(format)")
            #expect(imported.indicator("secret.example")?.source == "EDR", "\(format)")
            #expect(imported.indicator("HKCU\\Software\\Run\\x")?.source == "cve", "\(format)")
            #expect(imported.indicator("CVE-2026-11873")?.source == nil, "\(format)")
            #expect(imported.indicators.allSatisfy { !$0.tags.contains(where: Tag.isSourceTag) }, "\(format)")
            #expect(imported.indicator("payroll-acme.com")?.tags == ["Blocked", "Company Name"], "\(format)")
        }
        // A third party's references (an attack pattern's, a CVE's) say what the indicator refers
        // to, not where it comes from.
        let bundle = #"""
            {"type": "bundle", "id": "bundle--6e7e1e41-2c9b-4c6c-9a4b-5a3bdbd5a6c1", "objects": [
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
               "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z", "valid_from": "2026-01-01T00:00:00Z",
               "pattern": "[domain-name:value = 'c2.example.net']", "pattern_type": "stix",
               "external_references": [{"source_name": "capec", "external_id": "CAPEC-98"}, {"source_name": "ACME Threat Intel", "url": "https://acme.example/r/1"}]}]}
            """#
        #expect(Importer.read(Array(bundle.utf8), path: "/b.json").indicator("c2.example.net")?.source == nil)
    }

    @Test("a dossier:source tag is a source in every import, however it comes (MISP CSV, STIX labels, an event's tag for the values that state none) and however written; never a tag, which would be published")
    func sourceTagsAreSourcesInEveryFormat() {
        let csv = #"""
            uuid,event_id,category,type,value,comment,to_ids,date,object_relation,attribute_tag
            1,1,Network activity,ip-dst,203.0.113.77,,0,1790000000,,"tlp:clear,dossier:source=""MISP CSV source"",passivetotal:class=""malicious"""
            2,1,Network activity,ip-dst,203.0.113.78,,0,1790000000,,"DOSSIER:SOURCE=unquoted,Phishing"
            3,1,Network activity,ip-dst,203.0.113.79,,0,1790000000,,"dossier:source="""",dossier:source=""   "",dossier:source=""unterminated"
            """#
        let fromCSV = Importer.read(Array(csv.utf8), path: "/misp.csv")
        #expect(fromCSV.indicator("203.0.113.77")?.source == "MISP CSV source" && fromCSV.indicator("203.0.113.77")?.classification == .malicious)
        #expect(fromCSV.indicator("203.0.113.78")?.source == "unquoted" && fromCSV.indicator("203.0.113.78")?.tags == ["Phishing"])
        #expect(fromCSV.indicator("203.0.113.79")?.source == "unterminated")
        #expect(fromCSV.indicators.allSatisfy { !$0.tags.contains(where: Tag.isSourceTag) }, "\(fromCSV.indicators.map(\.tags))")
        let event = #"""
            {"Event": {"info": "x", "Tag": [{"name": "dossier:source=\"partner feed\""}, {"name": "tlp:clear"}],
             "Attribute": [{"type": "domain", "value": "a.example", "Tag": [{"name": "dossier:source=\"own\""}]},
                           {"type": "domain", "value": "b.example", "Tag": [{"name": "dossier:source=\"\""}]}]}}
            """#
        let fromEvent = Importer.read(Array(event.utf8), path: "/e.json")
        #expect(fromEvent.indicator("a.example")?.source == "own" && fromEvent.indicator("b.example")?.source == "partner feed")
        #expect(fromEvent.projectTags.allSatisfy { !Tag.isSourceTag($0) } && fromEvent.indicators.allSatisfy(\.tags.isEmpty))
        let labels = #"""
            {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
             "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z", "valid_from": "2026-01-01T00:00:00Z",
             "pattern": "[domain-name:value = 'c.example']", "pattern_type": "stix", "labels": ["dossier:source=\"STIX label\"", "Phishing"]}
            """#
        let fromLabels = Importer.read(Array(labels.utf8), path: "/l.json")
        #expect(fromLabels.indicator("c.example")?.source == "STIX label" && fromLabels.indicator("c.example")?.tags == ["Phishing"])
        #expect(!Tag.isSourceTag("dossier:sources") && Tag.isSourceTag("Dossier:Source") && Tag.isSourceTag("dossier:source = \"x\""))
        // However it is spelled, and with the separators of a tags cell in its quoted value.
        for (tag, source) in [(" Dossier : Source = \"spaced\"", "spaced"), ("dossier:\u{200B}source=\"zero width\"", "zero width"),
                              ("Dossier:Source:colon", "colon"), ("\u{FF44}ossier:source\u{FF1D}\"full width\"", "full width"), (#""dossier:source"="quoted""#, "quoted")] {
            #expect(SourceTag.source(of: tag) == source, "\(tag)")
        }
        let cells = #"""
            value,type,tags
            198.51.100.66,ipv4,"dossier:source=""internal; ticket 4411""; C2"
            """#
        let fromCells = Importer.read(Array(cells.utf8), path: "/t.csv")
        #expect(fromCells.indicator("198.51.100.66")?.source == "internal; ticket 4411" && fromCells.indicator("198.51.100.66")?.tags == ["C2"],
            "\(fromCells.indicators)")
        let misp = #"""
            uuid,event_id,category,type,value,comment,to_ids,date,object_relation,attribute_tag
            1,1,Network activity,ip-dst,203.0.113.77,,0,1790000000,,"dossier:source=""logs, firewall"",Phishing"
            """#
        let fromMISP = Importer.read(Array(misp.utf8), path: "/m.csv")
        #expect(fromMISP.indicator("203.0.113.77")?.source == "logs, firewall" && fromMISP.indicator("203.0.113.77")?.tags == ["Phishing"])
        // Two sources (two tags, or a source column and a tag) are both kept; the same one once.
        let two = #"""
            value,type,source,tags
            198.51.100.67,ipv4,,"dossier:source=""EDR""; dossier:source=""proxy logs""; Dossier:Source=""EDR"""
            198.51.100.68,ipv4,ticket 4411,"dossier:source=""EDR"""
            198.51.100.69,ipv4,EDR,"dossier:source=""EDR"""
            """#
        let fromTwo = Importer.read(Array(two.utf8), path: "/two.csv")
        #expect(fromTwo.indicator("198.51.100.67")?.source == "EDR; proxy logs" && fromTwo.indicator("198.51.100.68")?.source == "ticket 4411; EDR",
            "\(fromTwo.indicators)")
        #expect(fromTwo.indicator("198.51.100.69")?.source == "EDR" && fromTwo.indicators.allSatisfy(\.tags.isEmpty))
    }

    @Test("a MISP attribute tagged PAP:RED comes in private (no action anyone could detect, and a public site is one); an event report marked above TLP:CLEAR in its name or text (also as a page shows it, TLP&colon;RED) or PAP:RED is a private note")
    func papRedAndMarkedReportsComeInPrivate() {
        let event = #"""
            {"Event": {"info": "x", "Tag": [{"name": "tlp:clear"}],
             "Attribute": [{"type": "domain", "value": "a.example", "Tag": [{"name": "PAP:RED"}]}, {"type": "domain", "value": "b.example", "Tag": [{"name": "PAP:GREEN"}]}],
             "EventReport": [{"name": "Kit analysis", "content": "**TLP:AMBER**\n\nThe kit."}, {"name": "Public summary", "content": "The kit, in short."},
                             {"name": "Sightings TLP:RED", "content": "x"}, {"name": "a", "content": "PAP:RED only"}, {"name": "b", "content": "TLP&colon;RED"}]}}
            """#
        let read = Importer.read(Array(event.utf8), path: "/e.json")
        #expect(read.indicator("a.example")?.isPrivate == true && read.indicator("b.example")?.isPrivate == false)
        #expect(read.noteFiles.map(\.isPrivate) == [true, false, true, true, true], "\(read.noteFiles)")
    }

    @Test("an internal CSV export has the same columns whatever its rows hold (a script reads them by place); every row of a private project is private")
    func internalCSVColumnsAreFixed() {
        let plain = Project(slug: "plain", folder: "/w/plain", title: "Plain", visibility: .public, tlp: .clear,
            indicators: [Indicator(value: "plain.example", type: .domain)])
        let csv = String(decoding: Exporter.export(plain, in: .single(plain), for: .internal, format: .csv), as: UTF8.self)
        #expect(csv == "value,type,classification,tags,firstSeen,lastSeen,comment,source,private,tlp\r\nplain.example,domain,unknown,,,,,,false,clear\r\n")
        var closed = plain
        closed.visibility = .private
        let rows = String(decoding: Exporter.export(closed, in: .single(closed), for: .internal, format: .csv), as: UTF8.self)
        #expect(rows.hasSuffix("plain.example,domain,unknown,,,,,,true,green\r\n"))
        // Imported into a public project, its rows stay out of public output.
        #expect(Importer.read(Array(rows.utf8), path: "/closed.csv").indicators.allSatisfy { $0.isPrivate })
    }

    @Test("an internal export marks private material TLP:GREEN at least, object by object in STIX (and what is made of it private too), the file's strictest in text; one red indicator does not make a MISP event red")
    func privateMaterialIsNeverClear() throws {
        var project = Self.project
        project.indicators = [
            Indicator(value: "C:\\Users\\x\\a.exe", type: .filepath, privateFlag: true),
            Indicator(value: "C:\\Users\\x\\b.exe", type: .filepath),
            Indicator(value: "secret.example", type: .domain, privateFlag: true),
            Indicator(value: "red.example", type: .domain, tags: ["tlp:red"]),
        ]
        func export(_ format: ExportFormat) -> [UInt8] {
            Exporter.export(project, in: .single(project), for: .internal, format: format)
        }
        let objects = try JSONParser.parse(export(.stix)).value.objectValue?.array("objects").compactMap(\.value.objectValue) ?? []
        let levels = Dictionary(uniqueKeysWithValues: objects.filter { $0.string("type") == "marking-definition" }.compactMap { object in
            object.string("id").map { ($0, object.string("name") ?? "") }
        })
        #expect(Set(levels.values) == ["TLP:CLEAR", "TLP:GREEN", "TLP:RED"])
        func level(_ object: JSONObject?) -> String? { object.flatMap { levels[$0.strings("object_marking_refs").first ?? ""] } }
        func object(_ type: String, _ test: (JSONObject) -> Bool) -> JSONObject? { objects.first { $0.string("type") == type && test($0) } }
        #expect(level(object("report") { _ in true }) == "TLP:CLEAR")
        let secret = try #require(object("indicator") { $0.string("name") == "secret.example" })
        #expect(level(secret) == "TLP:GREEN" && secret.flag(STIXTerms.privateProperty) == true)
        let secretDomain = try #require(object("domain-name") { $0.string("value") == "secret.example" })
        #expect(level(secretDomain) == "TLP:GREEN" && STIXTerms.privateFlag(of: secretDomain) == true)
        let relationship = try #require(object("relationship") { $0.string("source_ref") == secret.string("id") })
        #expect(level(relationship) == "TLP:GREEN" && relationship.flag(STIXTerms.privateProperty) == true)
        #expect(level(object("indicator") { $0.string("name") == "red.example" }) == "TLP:RED")
        #expect(level(object("indicator") { $0.string("name") == "C:\\Users\\x\\b.exe" }) == "TLP:CLEAR")
        // The folder both files are in: the public one shows it at TLP:CLEAR in its pattern.
        let folder = try #require(object("directory") { _ in true })
        #expect(STIXTerms.privateFlag(of: folder) == nil && level(folder) == "TLP:CLEAR")
        // Imported back into the project (public), nothing is refused and nothing changes.
        let reread = Importer.read(export(.stix), path: "/e.json")
        #expect(reread.projectTLP == .red && reread.indicator("secret.example")?.isPrivate == true && reread.indicator("C:\\Users\\x\\b.exe")?.isPrivate == false)
        var withoutRed = project
        withoutRed.indicators.removeLast()
        #expect(Importer.read(Exporter.export(withoutRed, in: .single(withoutRed), for: .internal, format: .stix), path: "/e.json").projectTLP == .clear)
        // MISP: the event has the project's TLP; the red indicator its own tag, a private one
        // TLP:GREEN, which an import reads as its privacy, adding no tag.
        let event = try #require(try JSONParser.parse(export(.misp)).value.objectValue?.object("Event"))
        #expect(MISPImporter.tags(of: event, listKey: "Tag", linkKey: "EventTag").first == "tlp:clear")
        let attributes = event.array("Attribute").compactMap(\.value.objectValue)
        func tlpTags(_ value: String) -> [String] {
            attributes.first { $0.string("value") == value }.map { MISPImporter.tags(of: $0, listKey: "Tag", linkKey: "AttributeTag") }?.filter { $0.hasPrefix("tlp:") } ?? []
        }
        #expect(tlpTags("secret.example") == ["tlp:green"] && tlpTags("red.example") == ["tlp:red"] && tlpTags("C:\\Users\\x\\b.exe").isEmpty)
        let mispBack = Importer.read(export(.misp), path: "/e.json")
        #expect(mispBack.indicator("secret.example")?.isPrivate == true && mispBack.indicator("secret.example")?.tags == [], "\(String(describing: mispBack.indicator("secret.example")))")
        // Text: the strictest, on a first comment line; none in a public list.
        #expect(String(decoding: export(.text), as: UTF8.self).hasPrefix("# TLP:RED\n"))
        #expect(String(decoding: Exporter.export(withoutRed, in: .single(withoutRed), for: .internal, format: .text), as: UTF8.self).hasPrefix("# TLP:GREEN\n"))
        #expect(!Self.text(.text, .public).hasPrefix("#"))
        // CSV: each row's marking, which an import reads (a row above TLP:CLEAR is private).
        let csv = String(decoding: export(.csv), as: UTF8.self)
        #expect(csv.contains("red.example,domain,unknown,tlp:red,,,,,false,red\r\n"), "\(csv)")
        let rows = Importer.read(Array("value,tlp\r\nclear.example,clear\r\namber.example,AMBER\r\n".utf8), path: "/m.csv")
        #expect(rows.indicator("clear.example")?.isPrivate == false && rows.indicator("amber.example")?.isPrivate == true)
        #expect(rows.projectTLP == .amber, "the strictest row marks the file")
        let privateRow = Importer.read(Array("value,private,tlp\r\nx.example,true,green\r\n".utf8), path: "/m.csv")
        #expect(privateRow.projectTLP == nil && privateRow.indicator("x.example")?.isPrivate == true, "a private row's TLP:GREEN is its privacy")
    }

    @Test("a tlp: tag dossier cannot read marks its indicator as the import read it (the strictest level it names, else RED) in every export; MISP gets the taxonomy's tag in its place")
    func unreadMarkingsAreExportedAsRead() throws {
        var project = Self.project
        project.indicators = [
            Indicator(value: "unclear.example", type: .domain, tags: ["tlp:unclear"]),
            Indicator(value: "quoted.example", type: .domain, tags: [#"tlp:"amber""#]),
        ]
        func export(_ format: ExportFormat) -> String {
            String(decoding: Exporter.export(project, in: .single(project), for: .internal, format: format), as: UTF8.self)
        }
        let csv = export(.csv)
        #expect(csv.contains("unclear.example,domain,unknown,tlp:unclear,,,,,false,red\r\n") && csv.contains(",false,amber\r\n"), "\(csv)")
        let objects = try JSONParser.parse(Array(export(.stix).utf8)).value.objectValue?.array("objects").compactMap(\.value.objectValue) ?? []
        let names = Dictionary(uniqueKeysWithValues: objects.filter { $0.string("type") == "marking-definition" }.compactMap { object in
            object.string("id").map { ($0, object.string("name") ?? "") }
        })
        func level(_ value: String) -> String? {
            objects.first { $0.string("type") == "indicator" && $0.string("name") == value }.flatMap { names[$0.strings("object_marking_refs").first ?? ""] }
        }
        #expect(level("unclear.example") == "TLP:RED" && level("quoted.example") == "TLP:AMBER")
        let event = try #require(try JSONParser.parse(Array(export(.misp).utf8)).value.objectValue?.object("Event"))
        let tags = event.array("Attribute").compactMap(\.value.objectValue).map { MISPImporter.tags(of: $0, listKey: "Tag", linkKey: "AttributeTag") }
        #expect(tags.map { $0.filter { $0.lowercased().hasPrefix("tlp:") } } == [["tlp:amber"], ["tlp:red"]], "\(tags)")
        #expect(String(decoding: Array(export(.text).utf8), as: UTF8.self).hasPrefix("# TLP:RED\n"))
    }

    @Test("an export of some types holds only those (a DNS blocklist: domains), with ids and a title of its own; MISP gets no last sighting before the first")
    func exportOfTypesAndSightingOrder() throws {
        var demo = Self.project
        demo.indicators.append(Indicator(value: "198.51.100.9", type: .ipv4, firstSeen: "2026-11-05", lastSeen: "2026-11-01"))
        let project = AudienceFilter.view(of: .single(demo), for: .public).projects[0]
        let text = String(decoding: Exporter.export(project, in: .single(project), for: .public, format: .text, types: [.domain]), as: UTF8.self)
        #expect(text == "payroll-acme.com\n")
        let both = String(decoding: Exporter.export(project, in: .single(project), for: .public, format: .text, classifications: [.unknown], types: [.cve, .domain]), as: UTF8.self)
        #expect(both == "CVE-2026-11873\n")
        let part = try #require(try JSONParser.parse(Exporter.export(project, in: .single(project), for: .public, format: .misp, types: [.domain])).value.objectValue?.object("Event"))
        let whole = try #require(try JSONParser.parse(Exporter.export(project, in: .single(project), for: .public, format: .misp)).value.objectValue?.object("Event"))
        #expect(part.string("info") == "Demo (domain indicators)" && part.string("uuid") != whole.string("uuid"))
        let address = try #require(whole.array("Attribute").compactMap(\.value.objectValue).first { $0.string("value") == "198.51.100.9" })
        #expect(address.string("first_seen") == "2026-11-05T00:00:00.000000+00:00" && address.string("last_seen") == nil)
    }

    @Test func csvStatesTheEffectiveClassification() {
        let csv = Self.text(.csv, .public)
        #expect(csv.hasPrefix("value,type,classification,tags,firstSeen,lastSeen,comment\r\n"))
        #expect(csv.contains("payroll-acme.com,domain,malicious,Blocked,2026-10-30,,Landing page\r\n"))
        #expect(Self.text(.text, .public) == "payroll-acme.com\nCVE-2026-11873\nHKCU\\Software\\Run\\x\n")
    }

    @Test func stixBundleShape() throws {
        let text = Self.text(.stix, .public)
        let root = try JSONParser.parse(text)
        let objects = root.value.objectValue?.array("objects").compactMap(\.value.objectValue) ?? []
        let types = objects.compactMap { $0.string("type") }
        #expect(types.first == "marking-definition" && types.contains("report") && types.contains("identity"))
        #expect(types.filter { $0 == "indicator" }.count == 3)
        #expect(types.contains("vulnerability") && types.contains("domain-name") && types.contains("windows-registry-key"))
        let marking = try #require(objects.first)
        #expect(marking.string("id") == "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487")
        #expect(objects.dropFirst().allSatisfy { $0.strings("object_marking_refs") == [marking.string("id") ?? ""] })
        let indicator = try #require(objects.first { $0.string("name") == "payroll-acme.com" })
        #expect(indicator.string("pattern") == "[domain-name:value = 'payroll-acme.com']")
        #expect(indicator.strings("indicator_types") == ["malicious-activity"])
        #expect(indicator.strings("labels") == ["Blocked"])
        #expect(indicator.string("valid_from") == "2026-10-30T00:00:00.000Z")
        #expect(indicator.string("created") == "2026-10-01T00:00:00.000Z")
        #expect(indicator.string("modified") == "2026-11-02T09:00:00.000Z")
        let key = try #require(objects.first { $0.string("type") == "windows-registry-key" })
        #expect(key.string("key") == "HKEY_CURRENT_USER\\Software\\Run\\x")
        // STIX 2.1 §2.9: the id of an observable is the UUIDv5 of its id-contributing properties.
        let domain = try #require(objects.first { $0.string("type") == "domain-name" })
        #expect(domain.string("id") == "domain-name--" + UUIDv5.make(#"{"value":"payroll-acme.com"}"#, in: UUIDv5.stixObservables))
        let report = try #require(objects.first { $0.string("type") == "report" })
        #expect(report.strings("labels") == ["Phishing"])
        #expect(report.string("published") == "2026-11-02T09:00:00.000Z")
    }

    @Test func mispEventShape() throws {
        let root = try JSONParser.parse(Self.text(.misp, .public))
        let event = try #require(root.value.objectValue?.object("Event"))
        #expect(event.string("info") == "Demo" && event.string("date") == "2026-10-01" && event.string("analysis") == "2")
        #expect(MISPImporter.tags(of: event, listKey: "Tag", linkKey: "EventTag") == ["tlp:clear", "Phishing"])
        let attributes = event.array("Attribute").compactMap(\.value.objectValue)
        let domain = try #require(attributes.first { $0.string("value") == "payroll-acme.com" })
        #expect(domain.string("type") == "domain" && domain.string("category") == "Network activity")
        #expect(MISPImporter.tags(of: domain, listKey: "Tag", linkKey: "AttributeTag") == ["Blocked", "passivetotal:class=\"malicious\""])
        #expect(domain.string("first_seen") == "2026-10-30T00:00:00.000000+00:00")
        #expect(domain.flag("to_ids") == true)
        #expect(attributes.first { $0.string("type") == "vulnerability" }?.string("value") == "CVE-2026-11873")
    }

    @Test("a malicious MISP attribute goes to intrusion detection (to_ids) only when a sensor can match its type: not a label recorded as other, an AS or a CVE")
    func mispToIDsOnlyForDetectableTypes() throws {
        var project = Self.project
        project.indicators = [
            Indicator(value: "payroll-acme.com", type: .domain, classification: .malicious),
            Indicator(value: "campaign:hp-affiliate-0417", type: .other, classification: .malicious),
            Indicator(value: "AS64500", type: .asn, classification: .malicious),
            Indicator(value: "CVE-2026-11873", type: .cve, classification: .malicious),
            Indicator(value: "Global\\kit-mutex", type: .mutex, classification: .malicious),
            Indicator(value: "203.0.113.9", type: .ipv4, classification: .suspicious),
        ]
        let view = AudienceFilter.view(of: .single(project), for: .public)
        let root = try JSONParser.parse(Exporter.export(view.projects[0], in: view, for: .public, format: .misp))
        let attributes = try #require(root.value.objectValue?.object("Event")).array("Attribute").compactMap(\.value.objectValue)
        let flagged = attributes.filter { $0.flag("to_ids") == true }.map { $0.string("value") ?? "" }
        #expect(flagged == ["payroll-acme.com", "Global\\kit-mutex"], "\(flagged)")
    }

    @Test("a MISP event carries the notes the audience sees as its reports (a private note of a public project for the organisation only), not in a part of the project; imported, each report is a note, numbered in the event's order, private when restricted, a deleted one skipped")
    func mispEventReportsAreNotes() throws {
        func reports(_ text: String) throws -> [JSONObject] {
            let root = try JSONParser.parse(Array(text.utf8))
            return try #require(root.value.objectValue?.object("Event")).array("EventReport").compactMap(\.value.objectValue)
        }
        let published = try reports(Self.text(.misp, .public))
        #expect(published.map { $0.string("name") } == ["Public"] && published.first?.string("content") == "Body")
        #expect(published.first?.string("distribution") == "5")
        let everything = try reports(Self.text(.misp, .internal))
        #expect(everything.map { $0.string("distribution") } == ["5", "0"] && everything.last?.string("content") == "Secret body")
        let part = String(decoding: Exporter.export(Self.project, in: .single(Self.project), for: .internal, format: .misp, classifications: [.malicious]), as: UTF8.self)
        #expect(try reports(part).isEmpty)

        let imported = Importer.read(Array(Self.text(.misp, .internal).utf8), path: "/e.json")
        #expect(imported.noteFiles.map(\.fileName) == ["01-public.md", "02-b.md"], "\(imported.noteFiles.map(\.fileName))")
        #expect(imported.noteFiles.map(\.body) == ["Body", "Secret body"] && imported.noteFiles.map(\.isPrivate) == [false, true])
        let event = ##"{"Event": {"info": "x", "distribution": "0", "Attribute": [], "EventReport": ["##
            + ##"{"name": "Deleted", "content": "Gone", "deleted": true}, {"name": "Timeline: day 1", "content": "# Day 1\nSeen.", "distribution": "5"}]}}"##
        let restricted = Importer.read(Array(event.utf8), path: "/r.json")
        #expect(restricted.noteFiles.map(\.fileName) == ["02-timeline-day-1.md"] && restricted.noteFiles.allSatisfy(\.isPrivate))
        #expect(restricted.skipped.map(\.item) == ["Deleted"])
        // A report that starts with a note's front matter: its keys are the note's.
        let pasted = ##"{"Event": {"info": "x", "Attribute": [], "EventReport": [{"name": "Pasted", "content": "---\ntitle: Other\nvisibility: private\n---\n# Other\n\nSecret.\n"}]}}"##
        let kept = try #require(Importer.read(Array(pasted.utf8), path: "/p.json").noteFiles.first)
        #expect(kept.title == "Other" && kept.isPrivate && kept.body == "# Other\n\nSecret.\n", "\(kept)")
        // MISP's references to the event's parts, as a note shows them; a name's accents folded.
        let referring = ##"{"Event": {"info": "x", "Attribute": [{"uuid": "a1b2c3d4-0000-4000-8000-000000000001", "type": "ip-dst", "value": "198.51.100.7"}], "EventReport": [{"name": "Übersicht", "content": "C2 at @[attribute](A1B2C3D4-0000-4000-8000-000000000001), tagged @[tag](tlp:amber), in @[object](9f0e)."}]}}"##
        let resolved = try #require(Importer.read(Array(referring.utf8), path: "/m.json").noteFiles.first)
        #expect(resolved.body == "C2 at `198.51.100.7`, tagged `tlp:amber`, in `object 9f0e`." && resolved.fileName == "01-ubersicht.md", "\(resolved)")
    }

    @Test("a STIX bundle carries the notes the audience sees, each a note about the report (a private one marked private and TLP:GREEN at least), not in a part of the project; imported, each is a note again, a note about anything else a line of the import's note")
    func stixNotesAreNotes() throws {
        func notes(_ bytes: [UInt8]) throws -> [JSONObject] {
            let bundle = try JSONParser.parse(bytes)
            return try #require(bundle.value.objectValue).array("objects").compactMap(\.value.objectValue).filter { $0.string("type") == "note" }
        }
        let published = try notes(Array(Self.text(.stix, .public).utf8))
        #expect(published.map { $0.string("abstract") } == ["Public"] && published.first?.string("content") == "Body")
        #expect(published.first?.strings("object_refs") == [STIXExporter.reportID(slug: "demo", part: "")])
        let everything = try notes(Array(Self.text(.stix, .internal).utf8))
        #expect(everything.map { $0.flag(STIXTerms.privateProperty) } == [nil, true])
        #expect(everything.last?.strings("object_marking_refs") == [STIXTerms.tlp2MarkingID(.green)])
        #expect(try notes(Exporter.export(Self.project, in: .single(Self.project), for: .internal, format: .stix, classifications: [.malicious])).isEmpty)

        let imported = Importer.read(Array(Self.text(.stix, .internal).utf8), path: "/b.json")
        #expect(imported.noteFiles.map(\.fileName) == ["01-public.md", "02-b.md"] && imported.noteFiles.map(\.body) == ["Body", "Secret body"])
        #expect(imported.noteFiles.map(\.isPrivate) == [false, true] && !imported.notes.contains { $0.contains("STIX note") })
        let aside = ##"{"type": "bundle", "id": "bundle--0b3e6a3e-6a38-4f9c-9c1e-2a4b4f2d1a01", "objects": [{"type": "note", "spec_version": "2.1", "id": "note--0b3e6a3e-6a38-4f9c-9c1e-2a4b4f2d1a02", "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z", "content": "Seen twice.", "object_refs": ["indicator--0b3e6a3e-6a38-4f9c-9c1e-2a4b4f2d1a03"]}]}"##
        let other = Importer.read(Array(aside.utf8), path: "/n.json")
        #expect(other.noteFiles.isEmpty && other.notes.contains { $0.contains("STIX note: Seen twice.") }, "\(other.notes)")
    }

    @Test("a STIX bundle is laid out as every JSON file dossier writes, its id the hash of its objects")
    func stixBundleLayout() throws {
        let text = Self.text(.stix, .internal)
        let node = try JSONParser.parse(text)
        #expect(JSONWriter.string(node) == text)
        let bundle = try #require(node.value.objectValue)
        #expect(bundle.keys == ["type", "id", "objects"])
        let objects = JSONWriter.write(try #require(bundle["objects"]), indent: 1)
        #expect(bundle.string("id") == "bundle--" + UUIDv5.make(bytes: Array("bundle|".utf8) + objects))
    }

    @Test func uuidVersion5MatchesTheRFCExample() {
        // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
        let dns: [UInt8] = [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]
        #expect(UUIDv5.make("www.example.com", in: dns) == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    }

    @Test func instantsConvertToUTC() {
        #expect(Instant("2026-11-02T10:15:30.25+01:00")?.stix == "2026-11-02T09:15:30.250Z")
        #expect(Instant("2024-02-29")?.stix == "2024-02-29T00:00:00.000Z")
        #expect(Instant("1969-12-31T23:00:00-02:00")?.stix == "1970-01-01T01:00:00.000Z")
        #expect(Instant("not a date") == nil)
        // The first hours of the Common Era, and a time zone that moves the day back across a year.
        // (There is no year 0, which STIX's and MISP's consumers refuse: no instant.)
        #expect(Instant("0001-01-01T09:08:07.006+09:00")?.stix == "0001-01-01T00:08:07.006Z")
        #expect(Instant("0000-01-01T09:08:07.006+09:00") == nil)
        #expect(Instant("2027-01-01T00:30:00+01:00")?.stix == "2026-12-31T23:30:00.000Z")
        #expect(Instant(seconds: 0).stix == "1970-01-01T00:00:00.000Z")
    }

    @Test func mispTimestampsHaveMicroseconds() {
        #expect(MISPExporter.misp(Instant("2026-11-02T10:15:30.25+01:00")!) == "2026-11-02T09:15:30.250000+00:00")
        #expect(MISPExporter.misp(.epoch) == "1970-01-01T00:00:00.000000+00:00")
        #expect(MISPExporter.misp(Instant("2026-01-09T10:11:12.123456Z")!) == "2026-01-09T10:11:12.123456+00:00")
    }

    @Test("a first sighting finer than the millisecond is exported as written, and imported back unchanged")
    func finerTimestampsRoundTrip() throws {
        #expect(Instant("2026-01-09T10:11:12.123456Z")?.exactSTIX == "2026-01-09T10:11:12.123456Z")
        #expect(Instant("2026-01-09T10:11:12.120000+00:00")?.exactSTIX == "2026-01-09T10:11:12.120Z")
        // Ordered to the finest digit: a sighting's last seen is never put before its first.
        #expect(Instant("2026-01-09T10:11:12.123Z")! < Instant("2026-01-09T10:11:12.1235Z")!)
        #expect(!(Instant("2026-01-09T10:11:12.1235Z")! < Instant("2026-01-09T10:11:12.12350Z")!))
        #expect(Instant("2026-01-09T10:11:12.12349Z")! < Instant("2026-01-09T10:11:12.1235Z")!)
        var project = Self.project
        project.indicators[0].firstSeen = "2026-01-09T10:11:12.123456Z"
        // A microsecond past midnight is no day.
        project.indicators[1].firstSeen = "2026-01-09T00:00:00.000001Z"
        for format in [ExportFormat.stix, .misp] {
            let imported = Importer.read(Exporter.export(project, in: .single(project), for: .internal, format: format), path: "/e.json")
            #expect(imported.indicator("payroll-acme.com")?.firstSeen.flatMap(Instant.init)?.exactSTIX == "2026-01-09T10:11:12.123456Z", "\(format)")
            #expect(imported.indicator("secret.example")?.firstSeen.flatMap(Instant.init)?.exactSTIX == "2026-01-09T00:00:00.000001Z", "\(format)")
        }
    }
}
