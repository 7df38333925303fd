import DossierCore
import Testing
@testable import DossierInterop

/// Importers on small inputs written here: format detection, CSV columns, MISP types, PassiveTotal,
/// and odd or broken input, which must give clear errors with positions and never trap.
@Suite struct ImporterTests {
    @Test("an imported instant is stored in one UTC spelling however written (a zone, +00:00, trailing zeros), so the same moment read again makes no change; midnight UTC is the day")
    func instantsAreStoredInOneSpelling() {
        let csv = """
            value,type,firstSeen,lastSeen
            a.example,domain,2026-11-03T14:22:00.000000+00:00,2026-11-03T15:22:00+01:00
            b.example,domain,2026-11-03T14:22:00.500Z,2026-11-04T00:00:00.000Z
            c.example,domain,2026-11-03,2026-11-03T14:22:00.123456789Z
            d.example,domain,2026-11-03T14:22:00.250,2026-11-03 23:59:59
            """
        let read = Importer.read(Array(csv.utf8), path: "/t.csv")
        #expect(read.indicator("a.example")?.firstSeen == "2026-11-03T14:22:00Z" && read.indicator("a.example")?.lastSeen == "2026-11-03T14:22:00Z")
        #expect(read.indicator("b.example")?.firstSeen == "2026-11-03T14:22:00.5Z" && read.indicator("b.example")?.lastSeen == "2026-11-04")
        #expect(read.indicator("c.example")?.firstSeen == "2026-11-03" && read.indicator("c.example")?.lastSeen == "2026-11-03T14:22:00.123456789Z")
        // A time with no zone, with a fraction of a second or without, is its day (not an instant in UTC).
        #expect(read.indicator("d.example")?.firstSeen == "2026-11-03" && read.indicator("d.example")?.lastSeen == "2026-11-03")
    }

    @Test("an empty file, or one of blanks or a byte order mark alone, is said so, not read as a text of no value; a byte order mark is no part of a text's first value")
    func emptyFilesAreSaid() {
        #expect(TestFiles.importText("").diagnostics.map(\.message) == ["the file is empty: there is nothing in it to import"])
        // Where JSON is expected, an error: a download that failed is no import.
        #expect(TestFiles.importText("", format: .misp).failed && TestFiles.importText("\n", path: "/event.json").failed)
        let blank = Importer.read([0xEF, 0xBB, 0xBF, 0x0A, 0x20], path: "/b.txt")
        #expect(blank.diagnostics.map(\.message) == ["the file holds only blanks: there is nothing in it to import"] && blank.skipped.isEmpty)
        let marked = Importer.read([0xEF, 0xBB, 0xBF] + Array("first.example\nsecond.example\n".utf8), path: "/m.txt")
        #expect(marked.keys == ["domain first.example", "domain second.example"] && marked.skipped.isEmpty && marked.diagnostics.isEmpty)
    }

    @Test func detectsFormatsByContent() {
        #expect(Importer.detect(Array(#"{"Event": {"info": "x"}}"#.utf8)) == .misp)
        #expect(Importer.detect(Array(#"{"response": [{"Event": {"info": "x"}}]}"#.utf8)) == .misp)
        #expect(Importer.detect(Array(#"{"type": "bundle", "id": "bundle--1", "objects": []}"#.utf8)) == .stix)
        #expect(Importer.detect(Array(#"{"type": "indicator", "id": "indicator--1"}"#.utf8)) == .stix)
        #expect(Importer.detect(Array(#"{"artifacts": []}"#.utf8)) == .passivetotal)
        #expect(Importer.detect(Array(#"[{"query": "x.example", "type": "domain"}]"#.utf8)) == .passivetotal)
        #expect(Importer.detect(Array(#"{"indicators": []}"#.utf8)) == .json)
        #expect(Importer.detect(Array("value,type\nx.example,domain\n".utf8)) == .csv)
        #expect(Importer.detect(Array("\u{FEFF}Indicator;Tags\r\nx.example;a\r\n".utf8)) == .csv)
        #expect(Importer.detect(Array("We saw evil[.]example, then 198.51.100.7.".utf8)) == .text)
        // Text that opens with a bracket is text unless it reads as JSON; broken JSON stays JSON.
        #expect(Importer.detect(Array("[TLP:AMBER] Phishing wave 2\n\nLanding: hxxps://acme-hr[.]example/login\n".utf8)) == .text)
        #expect(Importer.detect(Array("[1] see evil[.]example\n".utf8)) == .text)
        #expect(Importer.detect(Array("{\"Event\": {\"info\": \"x\",}\n".utf8)) == .json)
        #expect(Importer.detect(Array("[\n  {\"query\": \"x.example\" \"type\": \"domain\"}]".utf8)) == .json)
    }

    @Test func textExtractsAndListsSayWhatTheySkip() {
        let prose = TestFiles.importText("The kit posts to hxxps://payroll-acme[.]com/gate.php and 203.0.113.9. See report.pdf, version 1.2.3.4.5.")
        #expect(prose.keys.contains("url https://payroll-acme.com/gate.php"))
        #expect(!prose.keys.contains { $0.contains("report.pdf") })
        // A dotted quad after "version" (markup around them as advisories write it, a file's
        // FileVersion) or right after "build" is read as a version, and said passed over, once,
        // at its place: it may be an address. One the text also writes as an address is
        // imported, and not said. After "build" with markup, after "versions", after
        // "diversion", or after a version and a comma, it is an address.
        let versioned = TestFiles.importText("""
            The panel runs version 10.2.3.4 and beacons to 203.0.113.9.
            UA: Mozilla/5.0 Chrome/120.0.0.0 Safari/537.36
            **Version:** 10.0.0.12, {"version": "10.0.0.13"}, | version | 10.0.0.9 |, Version: `10.0.0.14`, <version>9.8.7.6</version>.
            FileVersion 3.1.0.4, build 7.0.0.1; Cobalt Strike version 4.9.0.1, 192.0.2.31 and 192.0.2.32 were seen.
            The agent (version 203.0.113.9) again, and version 10.2.3.4 again; the build (198.18.7.11) host, | build | 198.18.7.12 |.
            C2 hosts across versions: 192.0.2.10, 192.0.2.11. Traffic diversion 192.0.2.30.

            """)
        #expect(versioned.keys == ["ipv4 192.0.2.10", "ipv4 192.0.2.11", "ipv4 192.0.2.30", "ipv4 192.0.2.31", "ipv4 192.0.2.32",
                                   "ipv4 198.18.7.11", "ipv4 198.18.7.12", "ipv4 203.0.113.9"], "\(versioned.keys)")
        #expect(versioned.skipped.isEmpty)
        // A range gives both ends, written with blanks or without.
        let ranges = TestFiles.importText("From 10.1.1.1-10.1.1.9 and 203.0.113.5 - 203.0.113.9, not 10.1.1.1-10.1.1.\n")
        #expect(ranges.keys == ["ipv4 10.1.1.1", "ipv4 10.1.1.9", "ipv4 203.0.113.5", "ipv4 203.0.113.9"], "\(ranges.keys)")
        let said = versioned.diagnostics.filter { $0.message.contains("is read as a version or section number") }
        #expect(said.map { String($0.message.prefix { $0 != " " }) }
            == ["10.2.3.4", "10.0.0.12", "10.0.0.13", "10.0.0.9", "10.0.0.14", "9.8.7.6", "3.1.0.4", "7.0.0.1", "4.9.0.1"])
        #expect(said.first?.location?.position == SourcePosition(line: 1, column: 24) && said.allSatisfy { $0.severity == .warning })
        // Windows paths and registry keys in prose are passed over, and said in one warning.
        let host = TestFiles.importText("Drops \"C:\\Users\\Public\\evil.exe\" and %APPDATA%\\x.dll, sets HKEY_CURRENT_USER\\Software\\Run\\x; beacons to 203.0.113.9.\n")
        #expect(host.keys == ["ipv4 203.0.113.9"] && host.skipped.isEmpty)
        #expect(host.diagnostics.map(\.message).contains(
            #"the text writes 3 Windows paths or registry keys (C:\Users\Public\evil.exe, %APPDATA%\x.dll, HKEY_CURRENT_USER\Software\Run\x), which are not imported from prose, where one's end cannot be told for sure; `dossier add PROJECT VALUE --type filepath` (or `--type registry-key`) records each as written"#),
            "\(host.diagnostics.map(\.message))")
        // In a list, each line is one, its blanks too.
        let listed = TestFiles.importText("evil1.example\nC:\\Users\\Public\\evil.exe\nC:\\Program Files\\Evil Corp\\svc.exe\nHKLM\\Software\\Run\\evil\n198.51.100.7\n")
        #expect(listed.keys == ["domain evil1.example", "filepath C:\\Program Files\\Evil Corp\\svc.exe", "filepath C:\\Users\\Public\\evil.exe",
                                "ipv4 198.51.100.7", "registry-key HKLM\\Software\\Run\\evil"], "\(listed.keys)")
        // In quotes, one is taken whole, blanks and all.
        #expect(Indicators.windowsNamesInProse(#"Runs "C:\Program Files\Evil Corp\svc.exe" from `HKLM\Software\Evil Corp\Run`; "a quote" stays prose."#).map(\.value)
            == [#"C:\Program Files\Evil Corp\svc.exe"#, #"HKLM\Software\Evil Corp\Run"#])
        let list = TestFiles.importText("# blocklist\nevil[.]example\n999.1.1.1\n\n5c77a18880cf58df9fba102dd8267c3f369df449\n")
        #expect(list.keys == ["domain evil.example", "sha1 5c77a18880cf58df9fba102dd8267c3f369df449"])
        #expect(list.skipped.count == 1)
        #expect(list.skipped.first?.location?.position == SourcePosition(line: 3, column: 1))
        // A list with a line or two of several words (a user agent, as a project's text export
        // holds one) is a list still: those lines are said skipped, not lost unsaid.
        let values = (1...9).map { "evil\($0).example" } + ["Mozilla/5.0 (Windows NT 10.0) Chrome/120.0.0.0"]
        let mostly = TestFiles.importText(values.joined(separator: "\n") + "\n")
        #expect(mostly.keys.count == 9 && mostly.skipped.count == 1 && mostly.skipped.first?.location?.position == SourcePosition(line: 10, column: 1))
        // A line of such a list with a value and a remark gives its value.
        let remarked = TestFiles.importText(((1...9).map { "evil\($0).example" } + ["192.0.2.10  # C2 of the loader"]).joined(separator: "\n") + "\n")
        #expect(remarked.keys.count == 10 && remarked.keys.contains("ipv4 192.0.2.10") && remarked.skipped.isEmpty, "\(remarked.keys) \(remarked.skipped)")
        // Short of nine in ten, it is prose, but the lines of several words that give nothing
        // are said, at the first of them.
        let short = TestFiles.importText(((1...7).map { "a\($0).example" } + ["Global\\evil mutex", "Mozilla/5.0 (Windows NT 10.0)"]).joined(separator: "\n") + "\n")
        let warning = short.diagnostics.first { $0.message.contains("lines of several words give no value") }
        #expect(short.keys.count == 7 && warning?.location?.position == SourcePosition(line: 8, column: 1), "\(short.diagnostics)")
        #expect(warning?.message.contains(#""Global\evil mutex" (line 8), "Mozilla/5.0 (Windows NT 10.0)" (line 9)"#) == true, "\(String(describing: warning))")
        // Prose is not so warned of.
        let sentences = TestFiles.importText("The loader beacons to evil.example.\nIt was first seen in March, and blocked since.\n")
        #expect(!sentences.diagnostics.contains { $0.message.contains("lines of several words") })
    }

    @Test("a CSV's tlp column marks each row by its own level; the file by the strictest (a private row's TLP:GREEN is its privacy)")
    func csvRowsMarkedOneByOne() throws {
        let result = Importer.read(Array("value,tlp,private\na.example,clear,\nb.example,amber,\nc.example,green,yes\n".utf8), path: "/m.csv")
        let byValue = Dictionary(uniqueKeysWithValues: result.indicators.map { ($0.value, $0) })
        #expect(try result.marking(of: #require(byValue["a.example"])) == .clear)
        #expect(try result.marking(of: #require(byValue["b.example"])) == .amber)
        #expect(result.projectTLP == .amber && byValue["a.example"]?.isPrivate == false && byValue["b.example"]?.isPrivate == true)
        // The private row's GREEN is its privacy: it bears the file's level.
        #expect(try result.marking(of: #require(byValue["c.example"])) == .amber)
        // Any header that names TLP is the marking's column, a bare level read as it is.
        for header in ["TLP Color", "tlp_marking", "TLP (2.0)", "Traffic Light Protocol", "Sensitivity"] {
            let colored = Importer.read(Array("value,\(header)\nd.example,RED\ne.example,clear\n".utf8), path: "/c.csv")
            #expect(colored.projectTLP == .red && colored.unrepresentable.isEmpty, "\(header): \(colored.unrepresentable)")
        }
        // Beside a `tlp` column, another header naming TLP is no marking of its own.
        let both = Importer.read(Array("value,tlp_note,tlp\nf.example,,red\n".utf8), path: "/c.csv")
        #expect(try both.projectTLP == .red && both.marking(of: #require(both.indicators.first)) == .red)
    }

    @Test("a CSV value that is an address or host with a port comes in without the port, counted, as MISP and text imports take it")
    func csvAddressWithPort() {
        let result = Importer.read(Array("value\n203.0.113.9:4444\nevil.example:8080\n[2001:db8::1]:443\nhttp://x.example:8080/a\n".utf8), path: "/p.csv")
        #expect(Set(result.indicators.map(\.value)) == ["203.0.113.9", "evil.example", "2001:db8::1", "http://x.example:8080/a"])
        #expect(result.unrepresentable("port (of an address or host)") == 3, "\(result.unrepresentable)")
        #expect(result.skipped.isEmpty)
    }

    @Test("a text's address or host with a port, or an IPv6 address with a zone, comes in without it, counted: in prose and in a list, as a CSV takes it")
    func textAddressWithPortOrZone() {
        let prose = Importer.read(Array("The C2 listens on 203.0.113.9:4444 and [2001:db8::5]:443, then c2[.]evil.example:8080.\nThe host fe80::1%eth0 beaconed; 192.0.2.7: gone.\n".utf8), path: "/p.txt")
        #expect(Set(prose.indicators.map(\.value)) == ["203.0.113.9", "2001:db8::5", "c2.evil.example", "fe80::1", "192.0.2.7"])
        #expect(prose.unrepresentable("port (of an address or host)") == 3, "\(prose.unrepresentable)")
        #expect(prose.unrepresentable("zone (of an IPv6 address)") == 1, "\(prose.unrepresentable)")
        // In code, or followed by its protocol or a path.
        let marked = Importer.read(Array("Seen: `203.0.113.25:9001`, 203.0.113.23:80/tcp and evil8.example:8080/gate.php.\n".utf8), path: "/m.txt")
        #expect(Set(marked.indicators.map(\.value)) == ["203.0.113.25", "203.0.113.23", "evil8.example"], "\(marked.indicators.map(\.value))")
        #expect(marked.unrepresentable("port (of an address or host)") == 3, "\(marked.unrepresentable)")
        // A feed's list of ip:port lines: every line was skipped, and the import failed.
        let list = Importer.read(Array("203.0.113.9:4444\n198.51.100.7:443\nevil.example:8080\nfe80::1%eth0\n".utf8), path: "/l.txt")
        #expect(Set(list.indicators.map(\.value)) == ["203.0.113.9", "198.51.100.7", "evil.example", "fe80::1"] && list.skipped.isEmpty, "\(list.skipped)")
        #expect(list.unrepresentable("port (of an address or host)") == 3 && list.unrepresentable("zone (of an IPv6 address)") == 1)
        // Found where the extractor finds it (lines at line feeds, columns in Unicode scalars):
        // after a decomposed letter, a form feed or a line separator (U+2028) on the line.
        let placed = Importer.read(Array("Caf\u{65}\u{301} C2 at 203.0.113.9:4444.\n\u{0C}Page 2: 198.51.100.7:443 and 10.20.30.40/16\u{2028}then evil.example:8080\n".utf8), path: "/f.txt")
        #expect(placed.unrepresentable("port (of an address or host)") == 3, "\(placed.unrepresentable)")
        #expect(placed.diagnostics.contains { $0.message.contains("10.20.30.40/16") && $0.message.contains("host bits") }, "\(placed.diagnostics)")
        let csv = Importer.read(Array("value\nfe80::1%25eth0\nfe80::2%eth0\n".utf8), path: "/z.csv")
        // (`%25`, as a URI writes a zone, too.)
        #expect(csv.indicators.map(\.value) == ["fe80::1", "fe80::2"] && csv.unrepresentable("zone (of an IPv6 address)") == 2, "\(csv.indicators)")
    }

    @Test("a MISP IDS flag is lost on an attribute that comes in classified other than malicious (dossier's export flags the malicious ones); tags that imply malicious keep it")
    func mispIDSFlag() {
        let event = #"{ "Event": { "info": "E", "Attribute": [ { "type": "ip-dst", "category": "Network activity", "value": "198.51.100.31", "to_ids": true }, { "type": "domain", "category": "Network activity", "value": "c2.evil.example", "to_ids": "1", "Tag": [ { "name": "passivetotal:class=\"malicious\"" } ] }, { "type": "domain", "category": "Network activity", "value": "cdn.example", "to_ids": false } ] } }"#
        let result = Importer.read(Array(event.utf8), path: "/e.json")
        #expect(result.indicators.count == 3)
        #expect(result.flaggedForIDS == [IndicatorKey(type: .ipv4, value: "198.51.100.31"), IndicatorKey(type: .domain, value: "c2.evil.example")])
        #expect(result.idsFlagsLost { $0.effectiveClassification(in: .starter) } == 1)
        // A vocabulary tag that implies malicious (the starter's Blocked) keeps the flag.
        let tagged = Importer.read(Array(#"{"Event":{"info":"t","Attribute":[{"type":"domain","category":"Network activity","value":"toids.example","to_ids":true,"Tag":[{"name":"Blocked"}]}]}}"#.utf8), path: "/t.json")
        #expect(tagged.idsFlagsLost { $0.effectiveClassification(in: .starter) } == 0)
        #expect(tagged.unrepresentable.isEmpty)
    }

    @Test("of the versions of a STIX object (one id), the newest by modified is read, wherever it stands; the others are skipped as such")
    func stixNewestVersion() {
        func indicator(_ modified: String, _ classification: String, _ comment: String) -> String {
            #"{ "type": "indicator", "spec_version": "2.1", "id": "indicator--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e8f", "created": "2020-01-01T00:00:00Z", "modified": "\#(modified)", "name": "x", "description": "\#(comment)", "indicator_types": ["\#(classification)"], "pattern": "[ipv4-addr:value = '198.51.100.51']", "pattern_type": "stix", "valid_from": "2020-01-01T00:00:00Z" }"#
        }
        let bundle = #"{ "type": "bundle", "id": "bundle--5d2f0a3e-1b2c-4d5e-8f90-a1b2c3d4e5f6", "objects": ["#
            + [indicator("2020-06-01T00:00:00Z", "malicious-activity", "old"), indicator("2021-06-01T00:00:00.000Z", "benign", "new"),
               indicator("2020-09-01T00:00:00Z", "anomalous-activity", "middle")].joined(separator: ",") + "] }"
        let result = Importer.read(Array(bundle.utf8), path: "/v.json")
        #expect(result.indicators.count == 1 && result.indicators.first?.classification == .nonMalicious && result.indicators.first?.comment == "x: new")
        // A name that ends in its own colon is followed by a space alone.
        let labelled = #"{ "type": "bundle", "id": "bundle--5d2f0a3e-1b2c-4d5e-8f90-a1b2c3d4e5f7", "objects": [{ "type": "indicator", "spec_version": "2.1", "id": "indicator--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e90", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z", "name": "C2 server:", "description": "seen in March", "pattern": "[ipv4-addr:value = '198.51.100.52']", "pattern_type": "stix", "valid_from": "2020-01-01T00:00:00Z" }] }"#
        #expect(Importer.read(Array(labelled.utf8), path: "/l.json").indicators.first?.comment == "C2 server: seen in March")
        #expect(result.skipped.count == 2 && result.skipped.allSatisfy { $0.reason.contains("older version") }, "\(result.skipped)")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test("a STIX indicator of another pattern language (snort) is counted once, as skipped with its reason, not also as not representable")
    func stixOtherPatternLanguageCountedOnce() {
        let bundle = #"{"type":"bundle","id":"bundle--11111111-1111-4111-8111-111111111111","objects":[{"type":"indicator","spec_version":"2.1","id":"indicator--a5111111-1111-4111-8111-111111111111","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","pattern_type":"snort","valid_from":"2026-01-01T00:00:00Z","pattern":"alert tcp any any -> 203.0.113.1 80"},{"type":"indicator","spec_version":"2.1","id":"indicator--a6111111-1111-4111-8111-111111111111","created":"2026-01-01T00:00:00Z","modified":"2026-01-01T00:00:00Z","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z","pattern":"[domain-name:value = 'ok.example']"}]}"#
        let result = Importer.read(Array(bundle.utf8), path: "/s.json")
        #expect(result.indicators.map(\.value) == ["ok.example"])
        #expect(result.skipped.map(\.reason) == ["a snort pattern, not a STIX one"])
        #expect(result.unrepresentable.isEmpty, "\(result.unrepresentable)")
    }

    @Test func csvColumnsByNameWithQuotesAndAliases() throws {
        let csv = #"""
            Comment,Indicator,Type,Tags,Classification,First Seen
            "Gate, with comma",hxxp://gate[.]example/a,,"Blocked; C2",malicious,2026-10-01
            "Quote ""here""",198.51.100.7,ip,,non_malicious,
            ,4b4c575a52099148af06e87aa4897a3067230b34f9be76513c2f3758d8fac7f1,hash,Loader,bogus,not a date
            ,not-an-ip,ip,,,
            ,,,,,
            """#
        let result = TestFiles.importText(csv)
        #expect(result.format == .csv)
        #expect(result.indicators.count == 3)
        let url = try #require(result.indicator("http://gate.example/a"))
        #expect(url.tags == ["Blocked", "C2"] && url.classification == .malicious && url.comment == "Gate, with comma")
        #expect(url.firstSeen == "2026-10-01")
        #expect(result.indicator("198.51.100.7")?.classification == .nonMalicious)
        #expect(result.indicator("198.51.100.7")?.comment == "Quote \"here\"")
        #expect(result.skipped.count == 2)
        #expect(result.diagnostics.count == 2)  // unknown classification, bad date: warnings with positions
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning && $0.location?.position.line == 4 })
    }

    @Test("a tag holding ';' or '\\' survives a CSV export and import; another backslash in a cell stays as written")
    func csvTagsWithSeparators() {
        let tags = ["misp-galaxy:threat-actor=\"Foo; Bar\"", "a\\b", "plain"]
        let cell = tags.map(CSVExporter.escapedTag).joined(separator: "; ")
        #expect(cell == #"misp-galaxy:threat-actor="Foo\; Bar"; a\\b; plain"#)
        #expect(CSVImporter.tags(cell) == tags)
        #expect(CSVImporter.tags(#"C:\temp; x"#) == [#"C:\temp"#, "x"])
    }

    @Test("a STIX 2.0 indicator's labels that name an indicator type (malicious-activity) are its classification, not tags")
    func stix20LabelsClassify() {
        let bundle = #"""
            {"type": "bundle", "id": "bundle--1", "spec_version": "2.0", "objects": [
              {"type": "indicator", "id": "indicator--1", "labels": ["malicious-activity", "c2"],
               "pattern": "[domain-name:value = 'evil.example']"},
              {"type": "indicator", "id": "indicator--2", "spec_version": "2.1", "labels": ["malicious-activity"],
               "indicator_types": ["benign"], "pattern": "[domain-name:value = 'fine.example']", "pattern_type": "stix"}
            ]}
            """#
        let result = TestFiles.importText(bundle)
        #expect(result.indicator("evil.example")?.classification == .malicious && result.indicator("evil.example")?.tags == ["c2"])
        // A STIX 2.1 indicator says its types in indicator_types; its labels are tags.
        #expect(result.indicator("fine.example")?.classification == .nonMalicious && result.indicator("fine.example")?.tags == ["malicious-activity"])
    }

    @Test("a TLP label on a line of its own marks a list and is no value of it")
    func listTLPLine() {
        let result = Importer.read(Array("TLP:AMBER\ntr6[.]example\n198.51.100.7\n".utf8), path: "/list.txt")
        #expect(result.projectTLP == .amber)
        #expect(result.skipped.isEmpty, "\(result.skipped)")
        #expect(result.indicators.map(\.value) == ["tr6.example", "198.51.100.7"])
    }

    @Test("TLP labels as reports write them: TLP:AMBER, TLP: RED, TLP RED, TLP-GREEN, TLP_CLEAR, TLP/AMBER+STRICT; not inside a word, not without a level")
    func tlpLabelSpellings() {
        #expect(TextImporter.labels(in: "TLP:AMBER, TLP: RED and TLP RED") == [.amber, .red, .red])
        #expect(TextImporter.labels(in: "[TLP-GREEN] (tlp_clear) TLP/AMBER+STRICT TLP:WHITE") == [.green, .clear, .amberStrict, .clear])
        #expect(TextImporter.labels(in: "ATLP RED, TLP is a protocol, TLPRED, tlp greenhouse") == [])
        #expect(TextImporter.labels(in: "TLP:AMBER STRICT and TLP-AMBER-STRICT, TLP:AMBER strictly") == [.amberStrict, .amberStrict, .amber])
        #expect(TextImporter.labels(in: "C2 seen at tlp-red.example and x.tlp-green.example, team tlp_red_team") == [])
        #expect(TextImporter.labels(in: "Traffic Light Protocol: RED. traffic light protocol (TLP): AMBER+STRICT; Traffic Light Protocol GREEN")
            == [.red, .amberStrict, .green])
        #expect(TextImporter.isLabelLine("Traffic Light Protocol (TLP): AMBER"))
        #expect(TextImporter.labels(in: "Traffic  Light\nProtocol: AMBER, TLP: **RED**, Traffic\u{A0}Light Protocol: **GREEN**, traffic lights protocol red")
            == [.amber, .red, .green])
        // As a copy from a mail, a word processor or a web page writes them.
        #expect(TextImporter.labels(in: "TLP\u{A0}AMBER, TLP=RED, TLP \u{2013} GREEN, TLP v2.0: AMBER, TLP 2.0 RED, TLP:\u{200B}RED, TLP\u{FF1A}AMBER")
            == [.amber, .red, .green, .amber, .red, .red, .amber])
        #expect(TextImporter.labels(in: "TLP2:AMBER, TLP2.0:RED, TLPv2.0: RED, TLP\u{FF1D} AMBER; TLP2000 records") == [.amber, .red, .red, .amber])
        #expect(TextImporter.isLabelLine("TLP\u{A0}AMBER") && TextImporter.isLabelLine("TLP v2.0: RED"))
        // With the field's name between, as forms write it; hyphens in the long name; a dot or #.
        #expect(TextImporter.labels(in: "TLP Level: AMBER, TLP Color - Red, TLP Rating: RED, TLP Designation: AMBER, TLP status - AMBER, TLP.RED, TLP #GREEN")
            == [.amber, .red, .red, .amber, .amber, .red, .green])
        #expect(TextImporter.labels(in: "Traffic-Light-Protocol: RED; TLP Classification: AMBER") == [.red, .amber])
        #expect(TextImporter.labels(in: "TLP level of detail, the TLP Status page, tlp.example.com, TLP Level: unknown") == [])
        #expect(TextImporter.isLabelLine("TLP Level: RED"))
        // Dotted, in a sentence, the level first; an invisible character inside.
        #expect(TextImporter.labels(in: "T.L.P. RED, t.l.p: amber; The TLP is AMBER. TLP level set to RED, marked Amber (TLP), a RED TLP cover")
            == [.red, .amber, .amber, .red, .amber, .red])
        #expect(TextImporter.labels(in: "T\u{200B}LP:RED, TLP:R\u{00AD}ED, TLP:\u{200B}GREEN") == [.red, .red, .green])
        #expect(TextImporter.labels(in: "TLP is a protocol, TLP of the team, RED TLPs, the TLP page, at.l.p RED") == [])
        #expect(TextImporter.isLabelLine("Amber (TLP)") && TextImporter.isLabelLine("T.L.P. RED"))
        // In brackets; in full-width letters, as East Asian text writes them.
        #expect(TextImporter.labels(in: "Report (TLP (RED)), RED (TLP), \u{FF34}\u{FF2C}\u{FF30}:RED, \u{FF34}\u{FF2C}\u{FF30}\u{FF1A}\u{FF21}\u{FF2D}\u{FF22}\u{FF25}\u{FF32}")
            == [.red, .red, .red, .amber])
        #expect(TextImporter.labels(in: "TLP (see below), TLP (the protocol)") == [])
        // Prose that speaks of levels marks nothing: a sentence's level or one before the name in
        // capitals alone, or with the name in brackets.
        #expect(TextImporter.labels(in: "The red TLP marking means no sharing. Whether the TLP is red or not, we publish. We follow the Amber TLP guidance; a TLP of red is rare; Operation Red TLP.") == [])
        // Read again without invisible characters, each label is where the text writes it, whatever
        // the characters around it (an emoji's joiners, a CR LF, a combining mark after a space).
        for (text, label) in [("family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} then T\u{200B}LP:RED", "T\u{200B}LP:RED"),
                              ("line\r\u{200B}\nT\u{200B}LP:RED", "T\u{200B}LP:RED"), ("e\u{200B}\u{0301} T\u{200B}LP:AMBER", "T\u{200B}LP:AMBER"),
                              ("\u{1F468}\u{200D}\u{1F469} TLP:RED \u{FF34}\u{FF2C}\u{FF30}:AMBER", "TLP:RED")] {
            let found = TLP.labels(in: text)
            #expect(found.first.map { String(text[$0.range]) } == label, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(TLP.labels(in: "\u{1F468}\u{200D}\u{1F469} TLP:RED \u{FF34}\u{FF2C}\u{FF30}:AMBER").map(\.tlp) == [.red, .amber])
        #expect(TextImporter.isLabelLine("[TLP RED]") && TextImporter.isLabelLine("**TLP: AMBER**"))
        #expect(!TextImporter.isLabelLine("TLP RED 198.51.100.7") && !TextImporter.isLabelLine("TLP RED and TLP AMBER"))
        let result = Importer.read(Array("TLP RED\ntr6[.]example\n198.51.100.7\n".utf8), path: "/list.txt")
        #expect(result.projectTLP == .red)
        #expect(result.skipped.isEmpty, "\(result.skipped)")
        #expect(result.indicators.map(\.value) == ["tr6.example", "198.51.100.7"])
    }

    @Test("a CSV private column's word that is neither yes nor no is read as private, with a warning at its cell")
    func csvPrivateWords() {
        let result = TestFiles.importText("value,private,comment\nsecret-src.example,private,informant\nx.example,x,\nopen.example,no,\nkept.example,YES,\nplain.example,,\n")
        #expect(result.indicator("secret-src.example")?.isPrivate == true)
        #expect(result.indicator("x.example")?.isPrivate == true)
        #expect(result.indicator("kept.example")?.isPrivate == true)
        #expect(result.indicator("open.example")?.isPrivate == false)
        #expect(result.indicator("plain.example")?.isPrivate == false)
        let warnings = result.diagnostics.filter { $0.message.hasPrefix("private column") }
        #expect(warnings.map(\.location?.position.line) == [2, 3], "\(result.diagnostics)")
    }

    @Test("a note of dossier's JSON export that another word keeps private (private, draft, Visibility, a tlp, a visibility that is no word) comes in private, with a warning; a public one public")
    func jsonNotesHidingFields() {
        let notes = [#"{"file": "01-a.md", "body": "a"}"#, #"{"file": "02-b.md", "body": "b", "private": true}"#, #"{"file": "03-c.md", "body": "c", "draft": true}"#,
                     #"{"file": "04-d.md", "body": "d", "Visibility": "private"}"#, #"{"file": "05-e.md", "body": "e", "visibility": false}"#,
                     #"{"file": "06-f.md", "body": "f", "tlp": "amber"}"#, #"{"file": "07-g.md", "body": "g", "visibility": "public", "x-ticket": "T-1"}"#]
        let result = TestFiles.importText(#"{"project": {"title": "T", "visibility": "public", "tlp": "clear"}, "indicators": [{"value": "x.example", "type": "domain"}], "notes": ["#
            + notes.joined(separator: ", ") + "]}", format: .json)
        #expect(result.noteFiles.map(\.isPrivate) == [false, true, true, true, true, true, false], "\(result.diagnostics)")
        #expect(result.diagnostics.filter { $0.message.contains("of note") }.count == 5, "\(result.diagnostics)")
    }

    @Test("a STIX object labelled private, draft or do-not-publish comes in private: an indicator, a note about a report, a note about anything else (the import's note); a report so labelled, all of the file")
    func stixHidingLabels() {
        func object(_ type: String, _ n: Int, _ fields: String) -> String {
            #"{ "type": "\#(type)", "spec_version": "2.1", "id": "\#(type)--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e9\#(n)", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z", \#(fields) }"#
        }
        func indicator(_ n: Int, _ value: String, labels: String) -> String {
            object("indicator", n, #""pattern": "[domain-name:value = '\#(value)']", "pattern_type": "stix", "valid_from": "2020-01-01T00:00:00Z", "labels": \#(labels)"#)
        }
        func bundle(_ objects: [String]) -> String {
            #"{ "type": "bundle", "id": "bundle--5d2f0a3e-1b2c-4d5e-8f90-a1b2c3d4e5f7", "objects": ["# + objects.joined(separator: ", ") + "] }"
        }
        let report = object("report", 0, #""name": "R", "published": "2020-01-01T00:00:00Z", "object_refs": ["indicator--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e91"]"#)
        let result = TestFiles.importText(bundle([
            indicator(1, "hidden.example", labels: #"["C2", "Private"]"#), indicator(2, "draft.example", labels: #"["draft"]"#),
            indicator(3, "open.example", labels: #"["C2", "internal"]"#), report,
            object("note", 4, #""abstract": "Draft", "content": "not for the site", "labels": ["do-not-publish"], "object_refs": ["report--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e90"]"#),
            object("note", 5, #""abstract": "Open", "content": "for the site", "object_refs": ["report--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e90"]"#),
        ]))
        #expect(result.indicator("hidden.example")?.isPrivate == true && result.indicator("draft.example")?.isPrivate == true, "\(result.diagnostics)")
        #expect(result.indicator("open.example")?.isPrivate == false && result.projectVisibility != .private)
        #expect(result.noteFiles.map(\.isPrivate) == [true, false], "\(result.noteFiles.map(\.title))")
        let aside = TestFiles.importText(bundle([indicator(1, "a.example", labels: #"["C2"]"#),
            object("note", 4, #""content": "who we told", "labels": ["private"], "object_refs": ["indicator--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e91"]"#)]))
        #expect(aside.notesArePrivate && aside.indicator("a.example")?.isPrivate == false, "\(aside.notes)")
        let privateReport = TestFiles.importText(bundle([indicator(1, "r.example", labels: "[]"),
            object("report", 0, #""name": "R", "published": "2020-01-01T00:00:00Z", "labels": ["draft"], "object_refs": ["indicator--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e91"]"#)]))
        #expect(privateReport.projectVisibility == .private)
    }

    @Test("a STIX restriction other than a TLP keeps what it marks private, with a warning: a statement marking that restricts (not a copyright), a marking the file does not define, a custom property saying private; a note labelled or written above TLP:CLEAR; a report labelled or titled with a TLP marks the file")
    func stixRestrictionsBeyondTLP() {
        func indicator(_ n: Int, _ value: String, _ fields: String = "") -> String {
            #"{ "type": "indicator", "spec_version": "2.1", "id": "indicator--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e9\#(n)", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z", "pattern": "[domain-name:value = '\#(value)']", "pattern_type": "stix", "valid_from": "2020-01-01T00:00:00Z"\#(fields) }"#
        }
        func statement(_ n: Int, _ text: String) -> String {
            #"{ "type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--aaaaaaaa-0000-4000-8000-00000000000\#(n)", "created": "2020-01-01T00:00:00Z", "definition_type": "statement", "definition": { "statement": "\#(text)" } }"#
        }
        func bundle(_ objects: [String]) -> String {
            #"{ "type": "bundle", "id": "bundle--5d2f0a3e-1b2c-4d5e-8f90-a1b2c3d4e5f7", "objects": ["# + objects.joined(separator: ", ") + "] }"
        }
        let result = TestFiles.importText(bundle([
            statement(1, "Internal use only - do not distribute"), statement(2, "Copyright 2026 ACME. CC BY 4.0"),
            indicator(1, "internal.example", #", "object_marking_refs": ["marking-definition--aaaaaaaa-0000-4000-8000-000000000001"]"#),
            indicator(2, "copyright.example", #", "object_marking_refs": ["marking-definition--aaaaaaaa-0000-4000-8000-000000000002"]"#),
            indicator(3, "undefined.example", #", "object_marking_refs": ["marking-definition--bbbbbbbb-0000-4000-8000-00000000dead"]"#),
            indicator(4, "custom.example", #", "x_acme_private": true"#), indicator(5, "tlp-property.example", #", "x_tlp": "amber""#),
            indicator(6, "open.example", #", "x_mitre_version": "1.0""#),
            #"{ "type": "note", "spec_version": "2.1", "id": "note--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e90", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z", "content": "seen on our proxy", "labels": ["TLP:AMBER"], "object_refs": ["indicator--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e96"] }"#,
        ]))
        let hidden = ["internal.example", "undefined.example", "custom.example", "tlp-property.example"]
        #expect(hidden.allSatisfy { result.indicator($0)?.isPrivate == true }, "\(result.diagnostics)")
        #expect(result.indicator("copyright.example")?.isPrivate == false && result.indicator("open.example")?.isPrivate == false)
        #expect(result.notesArePrivate)
        #expect(result.diagnostics.filter { $0.message.contains("read as private") }.count == 4, "\(result.diagnostics)")
        // The restricting statement was read: only the copyright and the marking the file does not define are not represented.
        #expect(result.unrepresentable.first { $0.kind == "marking other than TLP" }?.count == 2, "\(result.unrepresentable)")
        let written = TestFiles.importText(bundle([indicator(1, "a.example"),
            #"{ "type": "note", "spec_version": "2.1", "id": "note--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e90", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z", "content": "TLP:RED - from a partner", "object_refs": ["indicator--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e91"] }"#]))
        #expect(written.notesArePrivate)
        for (labels, name) in [(#"["tlp:amber"]"#, "Partner report"), ("[]", "TLP:AMBER Partner report")] {
            let report = TestFiles.importText(bundle([indicator(1, "b.example"),
                #"{ "type": "report", "spec_version": "2.1", "id": "report--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e90", "created": "2020-01-01T00:00:00Z", "modified": "2020-01-01T00:00:00Z", "name": "\#(name)", "labels": \#(labels), "published": "2020-01-01T00:00:00Z", "object_refs": ["indicator--0f7e8d3c-5a7b-4c1e-9d2f-3b4a5c6d7e91"] }"#]))
            #expect(report.projectTLP == .amber && !report.projectTags.contains("tlp:amber"), "\(name): \(report.projectTags)")
        }
    }

    @Test("other columns that keep a row in: MISP's event_distribution 0 or 4, a classification that grades secrecy (Confidential), a handling caveat; a text marked PAP:RED keeps every value private")
    func csvAndTextRestrictions() {
        let misp = TestFiles.importText("uuid,type,value,category,event_distribution\n1,domain,org.example,Network activity,0\n2,domain,sg.example,Network activity,4\n3,domain,open.example,Network activity,3\n")
        #expect(misp.indicator("org.example")?.isPrivate == true && misp.indicator("sg.example")?.isPrivate == true, "\(misp.diagnostics)")
        #expect(misp.indicator("open.example")?.isPrivate == false)
        let graded = TestFiles.importText("indicator,Classification,Handling,Security Classification\nconf.example,Confidential,,\nhandled.example,,Internal only,\nsecret.example,,,CONFIDENTIAL\nbad.example,malicious,,\nplain.example,,,\n")
        #expect(["conf.example", "handled.example", "secret.example"].allSatisfy { graded.indicator($0)?.isPrivate == true }, "\(graded.diagnostics)")
        #expect(graded.indicator("bad.example")?.isPrivate == false && graded.indicator("bad.example")?.classification == .malicious)
        #expect(graded.indicator("plain.example")?.isPrivate == false)
        // The Handling and Security Classification cells that kept their rows in were read: not counted as not representable.
        #expect(!graded.unrepresentable.contains { $0.kind.contains("Handling") || $0.kind.contains("Security Classification") }, "\(graded.unrepresentable)")
        let text = TestFiles.importText("Subject: loader\nPAP:RED - do not query\n\nThe loader beacons to watched.example and 198.51.100.55.\n", format: .text)
        #expect(text.indicators.count == 2 && text.indicators.allSatisfy(\.isPrivate), "\(text.indicators)")
        for header in ["Handling: Internal use only - do not distribute", "Classification: CONFIDENTIAL", "Caveats: NOFORN"] {
            let marked = TestFiles.importText("Subject: loader\n\(header)\n\nThe loader beacons to watched.example.\n", format: .text)
            #expect(marked.indicators.count == 1 && marked.indicators.allSatisfy(\.isPrivate), "\(header): \(marked.diagnostics)")
        }
        let operational = TestFiles.importText("Subject: loader\nHandling: block at the proxy\n\nThe loader beacons to watched.example.\n", format: .text)
        #expect(operational.indicators.count == 1 && !operational.indicators.contains(where: \.isPrivate), "\(operational.diagnostics)")
        #expect(HidingKeys.restrictsSharing(statement: "Not for publication") && !HidingKeys.restrictsSharing(statement: "Non-confidential; copyright ACME"))
    }

    @Test("a MISP event tagged private, draft or do-not-distribute keeps its values private; a TLP label its title mentions beside a tlp: tag is no marking, and marks an event with no tag")
    func mispEventHidingTagsAndTitleMentions() throws {
        for tag in ["private", "draft", "do-not-distribute", #"workflow:state=\"draft\""#] {
            let result = TestFiles.importText(#"{"Event": {"info": "Kit", "Tag": [{"name": "tlp:clear"}, {"name": "\#(tag)"}], "Attribute": [{"type": "domain", "value": "kit.example"}]}}"#)
            #expect(result.indicator("kit.example")?.isPrivate == true, "\(tag)")
            let name = tag.replacingOccurrences(of: #"\""#, with: #"""#)
            #expect(result.restrictedTags.contains(name) && !result.projectTags.contains(name), "\(tag): \(result.projectTags)")
        }
        let mentioned = TestFiles.importText(#"{"Event": {"info": "Reuse of a kit from a TLP:RED report", "Tag": [{"name": "tlp:clear"}], "Attribute": [{"type": "domain", "value": "kit.example"}]}}"#)
        #expect(mentioned.projectTLP == .clear && mentioned.indicator("kit.example")?.isPrivate == false)
        #expect(mentioned.diagnostics.contains { $0.message.contains("the event title mentions TLP:RED inside its text; read as a mention") }, "\(mentioned.diagnostics)")
        // A label that marks the title itself marks the event beside any tag.
        let titled = TestFiles.importText(#"{"Event": {"info": "TLP:RED - Acme breach", "Tag": [{"name": "tlp:clear"}], "Attribute": [{"type": "domain", "value": "kit.example"}]}}"#)
        #expect(titled.projectTLP == .red, "\(titled.diagnostics)")
        let marked = TestFiles.importText(#"{"Event": {"info": "TLP:AMBER - Kit", "Attribute": [{"type": "domain", "value": "kit.example"}]}}"#)
        #expect(marked.projectTLP == .amber)
    }

    @Test("a STIX report whose description mentions a TLP label beside its own TLP:CLEAR marking is CLEAR; ATT&CK's copyright marking, undefined in its bundles, keeps nothing private")
    func stixMentionsAndOpenMarkings() throws {
        let clear = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"
        let attack = "marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168"
        let bundle = """
            {"type": "bundle", "id": "bundle--1", "objects": [
              {"type": "report", "spec_version": "2.1", "id": "report--1", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
               "name": "Kit", "description": "Overlaps a TLP:RED partner report.", "published": "2026-01-01T00:00:00Z", "object_refs": ["indicator--1"],
               "object_marking_refs": ["\(clear)"]},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--1", "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z",
               "pattern": "[domain-name:value = 'kit.example']", "pattern_type": "stix", "valid_from": "2026-01-01T00:00:00Z",
               "object_marking_refs": ["\(attack)"]}
            ]}
            """
        let result = TestFiles.importText(bundle)
        #expect(result.projectTLP == .clear, "\(result.diagnostics)")
        #expect(result.indicator("kit.example")?.isPrivate == false, "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.message.contains("the report's description mentions TLP:RED") }, "\(result.diagnostics)")
        #expect(!result.diagnostics.contains { $0.message.contains("not defined in the file") })
    }

    @Test("a MISP event whose title marks it (a caveat in brackets or after a dash, PAP:RED) keeps its values private, with a warning; words of the title itself, or a TLP label there, do not")
    func mispTitleCaveats() throws {
        for info in ["Loader C2 [CONFIDENTIAL]", "Loader C2 - internal only", "Loader C2 - PAP:RED", "Emotet C2 - redistribution prohibited",
                     "Phishing kit [sharing prohibited]", "Intrusion at ACME (not releasable)", "Ransomware victim - cannot be shared",
                     "Phishing - do not republish", "Breach (not to be made public)", "Kit - Do not share outside your organization"] {
            let result = TestFiles.importText(#"{"Event": {"info": "\#(info)", "Attribute": [{"type": "domain", "value": "kit.example"}]}}"#)
            #expect(result.indicator("kit.example")?.isPrivate == true, "\(info)")
            #expect(result.diagnostics.contains { $0.message.contains("each of its values is read as private") }, "\(info): \(result.diagnostics)")
        }
        for info in ["Internal phishing test", "[TLP:AMBER] Kit", "Kit (phase 2)", "Phishing campaign - Internal HR lure", "APT29 - Sensitive sectors targeting",
                     "Malspam - proprietary loader", "Infostealer - Secret Blizzard infrastructure", "OSINT - Confidential documents lure",
                     "Turla - Kazuar (NDA lure)", "Lazarus - fake job (confidential offer)", "OSINT - CUI themed lure", "Campaign (limited) - 2026-11",
                     "SSH brute force - banned external IPs", "Campaign - keep within budget", "Credential phishing - employees only portal",
                     "CVE-2026-1234 - no public exploit", "Crypter (private release)", "CWE-200 - sensitive information disclosure"] {
            let result = TestFiles.importText(#"{"Event": {"info": "\#(info)", "Attribute": [{"type": "domain", "value": "kit.example"}]}}"#)
            #expect(result.indicator("kit.example")?.isPrivate == false, "\(info): \(result.diagnostics)")
        }
    }

    @Test("a PassiveTotal artifact another word keeps private (private, visibility) comes in private, and a project whose visibility is no word, or that another field keeps, is private; with warnings")
    func passiveTotalHidingFields() {
        let result = TestFiles.importText(#"{"name": "mixed", "visibility": "public", "artifacts": [{"query": "a1.example", "type": "domain", "private": true}, "#
            + #"{"query": "a2.example", "type": "domain", "visibility": "private"}, {"query": "a3.example", "type": "domain", "monitor": true}]}"#)
        #expect(result.indicator("a1.example")?.isPrivate == true && result.indicator("a2.example")?.isPrivate == true, "\(result.diagnostics)")
        #expect(result.indicator("a3.example")?.isPrivate == false && result.projectVisibility == .public)
        let hidden = TestFiles.importText(#"{"name": "p", "visibility": false, "artifacts": [{"query": "b.example", "type": "domain"}]}"#)
        #expect(hidden.projectVisibility == .private, "\(hidden.diagnostics)")
        let flagged = TestFiles.importText(#"{"name": "p", "private": true, "artifacts": [{"query": "c.example", "type": "domain"}]}"#)
        #expect(flagged.projectVisibility == .private, "\(flagged.diagnostics)")
    }

    @Test("another tool's column for keeping a row unpublished (visibility, sharing, distribution, restricted) makes each row it so marks private, with one warning per column")
    func csvHidingColumns() {
        let result = TestFiles.importText("value,visibility,distribution,restricted\nv.example,private,,\nd.example,,0,\nr.example,,,yes\nopen.example,public,3,no\nv2.example,team,,\n")
        #expect(["v.example", "d.example", "r.example", "v2.example"].allSatisfy { result.indicator($0)?.isPrivate == true }, "\(result.diagnostics)")
        #expect(result.indicator("open.example")?.isPrivate == false)
        let warnings = result.diagnostics.filter { $0.message.hasPrefix("column \"") }
        #expect(warnings.map(\.location?.position.line) == [2, 3, 4], "\(result.diagnostics)")
    }

    @Test("CSV as Excel and people write it: a sep=; line, blanks before a quoted field, one value column; a CSV without a value column says so; prose stays text")
    func csvVariants() {
        let excel = TestFiles.importText("sep=;\r\nValue;Type;Comment\r\nsep1.example;domain;\"a; b\"\r\n")
        #expect(excel.format == .csv && excel.indicator("sep1.example")?.comment == "a; b", "\(excel.diagnostics)")
        let spaced = TestFiles.importText(" Value , Tags \n sp1.example , \"A; B\" \n")
        #expect(spaced.indicator("sp1.example")?.tags == ["A", "B"], "\(spaced.diagnostics)")
        let single = TestFiles.importText("value\nonecol.example\n198.51.100.7\n")
        #expect(single.format == .csv && single.indicators.map(\.value) == ["onecol.example", "198.51.100.7"] && single.skipped.isEmpty)
        let headless = TestFiles.importText("foo,bar\n1.2.3.4,x\n")
        #expect(headless.format == .csv && headless.failed && headless.diagnostics.first?.message.hasPrefix("no value column") == true)
        let typed = TestFiles.importText("id,url,IP address\n1,http://u1.example/a,198.51.100.9\n2,,198.51.100.10\n")
        #expect(typed.format == .csv && typed.indicators.map(\.value) == ["http://u1.example/a", "198.51.100.9", "198.51.100.10"], "\(typed.diagnostics) \(typed.skipped)")
        // abuse.ch's CSV dumps: comment lines, the last of them the header.
        let urlhaus = TestFiles.importText("""
            ################################################################
            # abuse.ch URLhaus Database Dump (CSV - recent URLs)           #
            ################################################################
            #
            # id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter
            "3240154","2026-11-29 10:01:02","http://203.0.113.77/bins/x86","online","2026-11-29 10:01:02","malware_download","elf;mirai","https://urlhaus.abuse.ch/url/3240154/","anonymous"

            """)
        #expect(urlhaus.format == .csv && urlhaus.indicators.map(\.value) == ["http://203.0.113.77/bins/x86"], "\(urlhaus.diagnostics) \(urlhaus.skipped)")
        #expect(urlhaus.indicators.first?.tags == ["elf", "mirai"])
        #expect(urlhaus.indicators.first?.firstSeen == "2026-11-29" && urlhaus.diagnostics.isEmpty, "\(urlhaus.diagnostics)")
        // The other dumps, as abuse.ch writes them: URLhaus's comma-separated tags, Feodo
        // Tracker's address column and closing count, ThreatFox's `ip:port`, MalwareBazaar's
        // hash columns.
        let urlhausTags = TestFiles.importText("""
            # id,dateadded,url,url_status,last_online,threat,tags,urlhaus_link,reporter
            "2812345","2024-05-01 11:58:04","http://198.51.100.10:43567/i","online","2024-05-01 11:58:04","malware_download","32-bit,elf,mips,Mozi","https://urlhaus.abuse.ch/url/2812345/","lrz_urlhaus"

            """)
        #expect(urlhausTags.indicators.first?.tags == ["32-bit", "elf", "mips", "Mozi"], "\(urlhausTags.indicators)")
        let feodo = TestFiles.importText("""
            ################################################################
            # abuse.ch Feodo Tracker Botnet C2 IP Blocklist (CSV)          #
            # For questions please contact feodotracker [at] abuse.ch      #
            ################################################################
            #
            # first_seen_utc,dst_ip,dst_port,c2_status,last_online,malware
            "2021-01-17 07:44:46","198.51.100.246","8080","online","2024-05-01","Emotet"
            # Number of entries: 1

            """)
        #expect(feodo.format == .csv && feodo.indicators.map(\.value) == ["198.51.100.246"] && feodo.skipped.isEmpty, "\(feodo.format) \(feodo.indicators.map(\.value)) \(feodo.skipped)")
        #expect(feodo.indicators.first?.firstSeen == "2021-01-17" && feodo.indicators.first?.lastSeen == "2024-05-01")
        // The header as scripts leave it: after the banner's comment lines, not among them.
        let plainHeader = TestFiles.importText("""
            ################################################################
            # abuse.ch Feodo Tracker Botnet C2 IP Blocklist (CSV)          #
            # For questions please contact feodotracker [at] abuse.ch      #
            ################################################################
            first_seen_utc,dst_ip,dst_port,c2_status,last_online,malware
            "2021-01-17 07:44:46","198.51.100.247","8080","online","2024-05-01","Emotet"

            """)
        #expect(plainHeader.format == .csv && plainHeader.indicators.map(\.value) == ["198.51.100.247"], "\(plainHeader.format) \(plainHeader.indicators.map(\.value))")
        let threatfox = TestFiles.importText("""
            # "first_seen_utc","ioc_id","ioc_value","ioc_type","threat_type","fk_malware","malware_alias","malware_printable","last_seen_utc","confidence_level","reference","tags","anonymous","reporter"
            "2024-05-01 11:50:12", "1271234", "198.51.100.236:443", "ip:port", "botnet_cc", "win.cobalt_strike", "BEACON", "Cobalt Strike", "", "100", "https://twitter.com/someone/status/1", "c2", "0", "abuse_ch"
            "2024-05-01 11:51:12", "1271235", "d1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70", "sha256_hash", "payload", "win.x", "", "X", "", "50", "", "", "0", "abuse_ch"

            """)
        #expect(threatfox.format == .csv && threatfox.indicators.map(\.value) == ["198.51.100.236", "d1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70"], "\(threatfox.indicators.map(\.value)) \(threatfox.skipped)")
        #expect(threatfox.unrepresentable("port (of ip:port)") == 1, "the port left out is said")
        let bazaar = TestFiles.importText("""
            # "first_seen_utc","sha256_hash","md5_hash","sha1_hash","reporter","file_name"
            "2024-05-01 11:59:45", "d1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70", "5d41402abc4b2a76b9719d911017c592", "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", "abuse_ch", "Invoice_2024.exe"

            """)
        #expect(Set(bazaar.indicators.map(\.type)) == [.sha256, .md5, .sha1], "\(bazaar.indicators) \(bazaar.diagnostics)")
        let prose = TestFiles.importText("Hi all,\nwe saw evil.example, then\n198.51.100.7.\n")
        #expect(prose.format == .text && prose.indicators.map(\.value) == ["evil.example", "198.51.100.7"])
    }

    @Test("a STIX statement marking that names a TLP (TLP:AMBER - Copyright ACME) marks what it is on as that level; another statement is counted")
    func stixStatementMarkingNamingTLP() {
        func bundle(_ statement: String) -> String {
            """
            {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
              {"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--1b3e4f2a-6c7d-4e8f-9a0b-1c2d3e4f5a6b",
               "created": "2017-01-20T00:00:00.000Z", "definition_type": "statement", "definition": {"statement": "\(statement)"}},
              {"type": "indicator", "spec_version": "2.1", "id": "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
               "created": "2017-01-20T00:00:00.000Z", "modified": "2017-01-20T00:00:00.000Z", "pattern_type": "stix",
               "pattern": "[domain-name:value = 'marked.example']", "valid_from": "2017-01-20T00:00:00Z",
               "object_marking_refs": ["marking-definition--1b3e4f2a-6c7d-4e8f-9a0b-1c2d3e4f5a6b"]}
            ]}
            """
        }
        let marked = TestFiles.importText(bundle("TLP:AMBER - Copyright ACME"))
        #expect(marked.projectTLP == .amber)
        #expect(marked.unrepresentable("marking other than TLP") == 0)
        let other = TestFiles.importText(bundle("Copyright ACME, all rights reserved"))
        #expect(other.projectTLP == nil)
        #expect(other.unrepresentable("marking other than TLP") == 1)
    }

    @Test("a value repeated in a file keeps its classification when a later row says unknown")
    func repeatedUnknownKeepsClassification() {
        let result = TestFiles.importText("value,classification\nevil.example,malicious\nevil.example,unknown\nnew.example,unknown\n")
        #expect(result.indicator("evil.example")?.classification == .malicious)
        #expect(result.indicator("new.example")?.classification == .unknown)
    }

    @Test("a value a file classifies twice otherwise keeps its first classification, with a warning at the repeat; row order settles nothing silently")
    func repeatedOtherClassificationIsAConflict() {
        let result = TestFiles.importText("value,classification\nnew.csv.example,malicious\nnew.csv.example,non-malicious\nok.example,suspicious\nok.example,suspicious\n")
        #expect(result.indicator("new.csv.example")?.classification == .malicious)
        #expect(result.indicator("ok.example")?.classification == .suspicious)
        #expect(result.diagnostics.map { "\($0.location?.position.line ?? 0): \($0.message)" }
            == ["3: domain new.csv.example is given again: classification non-malicious ignored; kept malicious"])
        // A first `unknown` is no verdict: the later one is taken, unsaid.
        let later = TestFiles.importText("value,classification\nlate.example,unknown\nlate.example,malicious\n")
        #expect(later.indicator("late.example")?.classification == .malicious && later.diagnostics.isEmpty, "\(later.diagnostics)")
    }

    @Test("CSV: every tags column is read; a Verdict column is the classification; what no column of dossier's holds is counted as not representable")
    func csvColumnsNotRead() {
        let csv = "query,type,tags,user_tags,Verdict,uuid,to_ids,value,empty\n"
            + "evil1.example,domain,C2,analyst-a,malicious,u1,1,,\n"
            + "evil2.example,domain,,analyst-b,clean,u2,,x,\n"
        let result = TestFiles.importText(csv)
        #expect(result.indicator("evil1.example")?.tags == ["C2", "analyst-a"])
        #expect(result.indicator("evil1.example")?.classification == .malicious)
        #expect(result.indicator("evil2.example")?.tags == ["analyst-b"] && result.indicator("evil2.example")?.classification == .nonMalicious)
        #expect(result.unrepresentable("value of column \"uuid\"") == 2)
        #expect(result.unrepresentable("value of column \"to_ids\"") == 1)
        #expect(result.unrepresentable("value of column \"value\"") == 1, "a second value column")
        #expect(result.unrepresentable("value of column \"empty\"") == 0, "a column with nothing in it is no loss")
        // A comma-separated list in a tags cell is one tag as written: said, at its cell.
        let listed = TestFiles.importText("value,tags\nx4.example,\"Blocked,Phishing\"\nx5.example,\"Kit:v1, v2\"\n")
        #expect(listed.indicator("x4.example")?.tags == ["Blocked,Phishing"])
        #expect(listed.diagnostics.map { "\($0.location?.position.line ?? 0): \($0.message)" }
            == ["2: tag \"Blocked,Phishing\" is one tag; a tags cell separates tags with \";\" (Blocked; Phishing)"])
    }

    @Test func mispCSVExportReads() {
        let csv = """
            uuid,event_id,category,type,value,comment,to_ids,date
            5bad2674-55b0-4508-8c71-50d60a016219,268,Artifacts dropped,sha1,f7d9159b6f3eeff0cfc6626d665bc781a2b012df,,0,20180927
            5bad2674-55b0-4508-8c71-50d60a016218,268,Network activity,domain|ip,evil.example|198.51.100.9,C2,1,20180927
            5bad2674-55b0-4508-8c71-50d60a016217,268,Other,btc,1BoatSLRHtKNngkdXEeobR76b53LETtpyT,wallet,0,20180927
            5bad2674-55b0-4508-8c71-50d60a016216,268,External analysis,link,https://example.com/report,,0,20180927
            """
        let result = TestFiles.importText(csv)
        #expect(result.keys == [
            "domain evil.example", "ipv4 198.51.100.9", "other 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
            "sha1 f7d9159b6f3eeff0cfc6626d665bc781a2b012df",
        ])
        #expect(result.indicator("1BoatSLRHtKNngkdXEeobR76b53LETtpyT")?.tags == ["misp-type:btc"])
        #expect(result.notes.count == 1)
    }

    @Test func mispTypesCompositesTagsAndObjects() throws {
        let event = #"""
            {"Event": {"info": "Test", "Tag": [{"name": "tlp:amber+strict"}, {"name": "Ransomware"}],
              "Attribute": [
                {"type": "ip-dst|port", "value": "198.51.100.10|443", "Tag": [{"name": "passivetotal:class=\"suspicious\""}, {"name": "C2"}]},
                {"type": "hostname|port", "value": "c2.evil.example|8080"},
                {"type": "filename|sha256", "value": "a|b.exe|4b4c575a52099148af06e87aa4897a3067230b34f9be76513c2f3758d8fac7f1"},
                {"type": "regkey|value", "value": "HKLM\\Software\\Run|evil.exe"},
                {"type": "vulnerability", "value": "MS17-010"},
                {"type": "AS", "value": "64500"},
                {"type": "ip-src", "value": "not an address"},
                {"type": "domain", "value": "gone.example", "deleted": true},
                {"type": "comment", "value": "Seen in *two* waves", "comment": "analyst"}
              ],
              "Object": [{"name": "file", "comment": "dropper file", "Attribute": [
                {"type": "text", "object_relation": "path", "value": "C:\\Temp\\x.exe"},
                {"type": "md5", "object_relation": "md5", "value": "D41D8CD98F00B204E9800998ECF8427E", "comment": "its own", "AttributeTag": [{"Tag": {"name": "Dropper"}}]}
              ]}, {"name": "domain-ip", "deleted": true, "Attribute": [{"type": "domain", "object_relation": "domain", "value": "old.example"}]}]}}
            """#
        let result = TestFiles.importText(event)
        #expect(result.format == .misp)
        #expect(result.projectTLP == .amberStrict)
        #expect(result.projectTags == ["Ransomware"])
        let ip = try #require(result.indicator("198.51.100.10"))
        #expect(ip.classification == .suspicious && ip.tags == ["C2"])
        #expect(result.indicator("c2.evil.example")?.type == .domain)
        #expect(result.indicator("a|b.exe")?.type == .filename)
        #expect(result.indicator("HKLM\\Software\\Run")?.type == .registryKey)
        #expect(result.indicator("MS17-010")?.tags == ["misp-type:vulnerability"])
        #expect(result.indicator("AS64500")?.type == .asn)
        #expect(result.indicator("C:\\Temp\\x.exe")?.type == .filepath)
        // An object's comment is the comment of each of its attributes that has none of its own.
        #expect(result.indicator("C:\\Temp\\x.exe")?.comment == "dropper file")
        #expect(result.indicator("d41d8cd98f00b204e9800998ecf8427e")?.comment == "its own")
        #expect(result.indicator("d41d8cd98f00b204e9800998ecf8427e")?.tags == ["Dropper"])
        #expect(result.unrepresentable("MISP port (of ip-dst|port)") == 1)
        #expect(result.unrepresentable("MISP port (of hostname|port)") == 1)
        #expect(result.unrepresentable("MISP registry value data (of regkey|value)") == 1)
        #expect(result.skipped.map(\.item).sorted() == ["gone.example", "not an address", "old.example"])
        #expect(result.skipped.contains { $0.item == "old.example" && $0.reason == "its MISP object (domain-ip) is deleted in MISP" })
        #expect(result.notes == ["MISP event \"Test\":", "- comment: Seen in \\*two\\* waves — analyst"])
    }

    @Test("MISP: an address or host name with a port is read without it; a URL without a scheme is kept as written, as other, with a warning")
    func mispPortsAndSchemelessURLs() throws {
        let event = #"""
            {"Event": {"info": "Ports", "Attribute": [
                {"type": "ip-dst", "value": "203.0.113.9:4444"},
                {"type": "ip-src", "value": "[2001:db8::1]:443"},
                {"type": "ip-dst", "value": "2001:db8::2:443"},
                {"type": "domain", "value": "evil.example:443"},
                {"type": "hostname", "value": "c2.evil[.]example:8080"},
                {"type": "domain", "value": "bad.example:99999"},
                {"type": "url", "value": "evil.example/gate.php"},
                {"type": "url", "value": "hxxps[:]//evil[.]example/panel"}
            ]}}
            """#
        let result = TestFiles.importText(event)
        #expect(result.keys == [
            "domain c2.evil.example", "domain evil.example", "ipv4 203.0.113.9", "ipv6 2001:db8::1", "ipv6 2001:db8::2:443",
            "other evil.example/gate.php", "url https://evil.example/panel",
        ])
        #expect(result.unrepresentable("MISP port (of ip-dst)") == 1)
        #expect(result.unrepresentable("MISP port (of ip-src)") == 1)
        #expect(result.unrepresentable("MISP port (of domain)") == 1)
        #expect(result.unrepresentable("MISP port (of hostname)") == 1)
        #expect(result.indicator("evil.example/gate.php")?.tags == ["misp-type:url"])
        #expect(result.diagnostics.map(\.message) == ["MISP url 'evil.example/gate.php' has no scheme: kept as other, tagged misp-type:url"])
        #expect(result.skipped.map(\.item) == ["bad.example:99999"])
    }

    @Test("MISP: distribution 0 or 4 (a sharing group) or a tlp: tag above clear makes an indicator private; distribution 0 makes the import's note private")
    func mispKeepsOrganisationOnlyPrivate() {
        let event = #"""
            {"Event": {"info": "x", "Attribute": [
              {"type": "domain", "value": "intranet.acme.example", "distribution": "0"},
              {"type": "domain", "value": "evil.example", "distribution": 5},
              {"type": "text", "value": "SECRET CANARY", "distribution": 0},
              {"type": "ip-dst", "value": "203.0.113.9", "Tag": [{"name": "tlp:red"}]},
              {"type": "domain", "value": "typo.example", "distribution": "O"}
            ]}}
            """#
        let result = TestFiles.importText(event)
        #expect(result.indicator("intranet.acme.example")?.isPrivate == true)
        // A distribution MISP has not (a letter O for a zero): private, the safe side.
        #expect(result.indicator("typo.example")?.isPrivate == true)
        #expect(result.indicator("evil.example")?.isPrivate == false)
        #expect(result.notes.contains { $0.contains("SECRET CANARY") } && result.notesArePrivate)
        #expect(result.indicator("203.0.113.9")?.isPrivate == true)
        #expect(result.indicator("203.0.113.9")?.tags == ["tlp:red"])
        #expect(result.projectTLP == nil)
        let open = TestFiles.importText(#"{"Event": {"info": "x", "Attribute": [{"type": "text", "value": "shared", "distribution": 5}]}}"#)
        #expect(!open.notesArePrivate)
        // Distribution 4: the members of one sharing group, of the event or of the attribute.
        let group = TestFiles.importText(#"""
            {"Event": {"info": "SG", "distribution": "3", "Tag": [{"name": "tlp:clear"}], "Attribute": [
              {"type": "domain", "value": "sg-attr.example", "distribution": "4", "sharing_group_id": "12"},
              {"type": "domain", "value": "all.example", "distribution": "5"}],
             "Object": [{"name": "domain-ip", "distribution": "4", "Attribute": [
              {"type": "domain", "object_relation": "domain", "value": "sg-object.example", "distribution": "5"}]}]}}
            """#)
        #expect(group.indicator("sg-attr.example")?.isPrivate == true)
        #expect(group.indicator("sg-object.example")?.isPrivate == true)
        #expect(group.indicator("all.example")?.isPrivate == false)
        let groupEvent = TestFiles.importText(#"{"Event": {"info": "SG", "distribution": "4", "Attribute": [{"type": "domain", "value": "sg.example", "distribution": "5"}]}}"#)
        #expect(groupEvent.indicator("sg.example")?.isPrivate == true)
    }

    @Test("a text of a file that writes a marking keeps in what it is on: a comment attribute's line (TLP:RED, PAP:RED) makes the import's note private, a value's comment (STIX or CSV too) the value, marked at the level it names; each with a warning")
    func markedTextsKeepTheirPartsIn() {
        let event = #"""
            {"Event": {"info": "misc", "Attribute": [
              {"type": "comment", "value": "TLP:RED do not share evil-in-comment.example"},
              {"type": "domain", "value": "commented.example", "comment": "Seen in TLP:RED partner report"},
              {"type": "domain", "value": "pap.example", "comment": "PAP:RED"},
              {"type": "domain", "value": "plain.example", "comment": "Seen in a partner report"}
            ]}}
            """#
        let result = TestFiles.importText(event)
        #expect(result.notesArePrivate)
        #expect(result.indicator("commented.example")?.isPrivate == true)
        #expect(result.indicator("commented.example").map(result.marking(of:)) == .red)
        #expect(result.indicator("pap.example")?.isPrivate == true)
        #expect(result.indicator("plain.example")?.isPrivate == false)
        #expect(result.projectTLP == nil, "the file as a whole is not marked")
        let warnings = result.diagnostics.map(\.message)
        #expect(warnings.contains { $0.contains("a line of the file's text writes a marking") && $0.contains("TLP:RED do not share") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("the comment of commented.example writes a marking") }, "\(warnings)")
        let open = TestFiles.importText(#"{"Event": {"info": "x", "Attribute": [{"type": "comment", "value": "shared with TLP:CLEAR partners"}]}}"#)
        #expect(!open.notesArePrivate)
        // As the note writes a line, escaped for Markdown, or as a page shows it.
        for spelling in ["TLP_RED do not share", "TLP: **RED** partner only", "from a PAP_RED report", "TLP&colon;AMBER"] {
            let escaped = TestFiles.importText(#"{"Event": {"info": "x", "Tag": [{"name": "tlp:clear"}], "Attribute": [{"type": "comment", "value": "\#(spelling)"}]}}"#)
            #expect(escaped.notesArePrivate, "\(spelling): \(escaped.notes)")
        }
        // A title beside the file's marking that mentions another is read by the title's rule.
        let mention = TestFiles.importText(#"{"Event": {"info": "Reuse of a TLP:RED kit", "Tag": [{"name": "tlp:clear"}], "Attribute": [{"type": "comment", "value": "seen twice"}]}}"#)
        #expect(!mention.notesArePrivate && mention.notes.first?.contains("Reuse of a TLP:RED kit") == true, "\(mention.notes)")
        let stix = TestFiles.importText(#"""
            {"type": "bundle", "id": "bundle--1", "objects": [{"type": "indicator", "spec_version": "2.1", "id": "indicator--00000001-0000-4000-8000-000000000001",
              "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z", "pattern": "[domain-name:value = 'stix.example']", "pattern_type": "stix",
              "valid_from": "2026-01-01T00:00:00Z", "description": "From a TLP Level: AMBER report"}]}
            """#)
        #expect(stix.indicator("stix.example")?.isPrivate == true && stix.indicator("stix.example").map(stix.marking(of:)) == .amber, "\(stix.diagnostics)")
        // Tags are written as the editing commands write them: trimmed, without invisible characters.
        let invisible = TestFiles.importText(#"{"Event": {"info": "x", "Tag": [{"name": " Sofacy\u200b "}], "Attribute": [{"type": "domain", "value": "z.example", "Tag": [{"name": "tlp:\u200bred"}, {"name": "\u200b"}]}]}}"#)
        #expect(invisible.indicator("z.example")?.tags == ["tlp:red"] && invisible.indicator("z.example")?.isPrivate == true)
        #expect(invisible.projectTags == ["Sofacy"])
        let csv = TestFiles.importText("value,comment\nrow.example,from a TLP:AMBER report\n", format: .csv)
        #expect(csv.indicator("row.example")?.isPrivate == true)
        // A column dossier has none for (`context`) that writes one marks its row at that level.
        let context = TestFiles.importText("indicator,context\nq.example,TLP:RED partner\nr.example,routine\n", format: .csv)
        #expect(context.indicator("q.example")?.isPrivate == true && context.indicator("q.example").map(context.marking(of:)) == .red)
        #expect(context.indicator("r.example")?.isPrivate == false)
        #expect(context.diagnostics.contains { $0.message.hasPrefix(#"column "context": "TLP:RED partner" writes a marking (TLP:RED), so the row is read as private, marked so"#) }, "\(context.diagnostics)")
    }

    @Test("an observed-data object dates the observables it names (2.1) or holds (2.0), earliest first and latest last across several; an older version of one says nothing")
    func observedDataDates() {
        let bundle = #"""
            {"type": "bundle", "id": "bundle--1", "objects": [
              {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--1", "modified": "2023-01-01T00:00:00Z", "first_observed": "2020-01-01T00:00:00Z", "last_observed": "2024-01-01T00:00:00Z", "number_observed": 9, "object_refs": ["ipv4-addr--a"]},
              {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--1", "modified": "2023-06-02T00:00:00Z", "first_observed": "2023-05-01T00:00:00Z", "last_observed": "2023-06-01T00:00:00Z", "number_observed": 3, "object_refs": ["ipv4-addr--a"]},
              {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--2", "first_observed": "2023-04-20T00:00:00Z", "last_observed": "2023-05-10T00:00:00Z", "number_observed": 1, "object_refs": ["ipv4-addr--a"]},
              {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--a", "value": "203.0.113.44"},
              {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--b", "value": "203.0.113.45"},
              {"type": "observed-data", "id": "observed-data--3", "first_observed": "2017-01-01T00:00:00Z", "last_observed": "2017-01-02T00:00:00Z", "number_observed": 1,
               "objects": {"0": {"type": "domain-name", "value": "old.example"}}}
            ]}
            """#
        let result = TestFiles.importText(bundle)
        #expect(result.indicator("203.0.113.44").map { [$0.firstSeen, $0.lastSeen] } == ["2023-04-20", "2023-06-01"])
        #expect(result.indicator("203.0.113.45").map { [$0.firstSeen, $0.lastSeen] } == [nil, nil])
        #expect(result.indicator("old.example").map { [$0.firstSeen, $0.lastSeen] } == ["2017-01-01", "2017-01-02"])
    }

    @Test("a tlp: tag dossier cannot read fails closed: read as the strictest level it names as a word (tlp:\"red\", TLP: RED.), else RED (tlp:unclear, tlp:ambr); its values private; one warning per tag; tlp:ex:chr restricts nothing")
    func unreadMarkings() {
        for (tag, level) in [("tlp:unclear", TLP.red), ("tlp:ambr", .red), (#"tlp:\"amber\""#, .amber), (#"tlp:\"red\""#, .red), ("TLP: RED.", .red)] {
            let result = TestFiles.importText(#"{"Event": {"info": "x", "Tag": [{"name": "\#(tag)"}], "Attribute": [{"type": "domain", "value": "t.example", "distribution": "5", "Tag": [{"name": "\#(tag)"}]}, {"type": "domain", "value": "u.example", "distribution": "5", "Tag": [{"name": "\#(tag)"}]}]}}"#)
            #expect(result.projectTLP == level, "\(tag)")
            #expect(result.indicator("t.example")?.isPrivate == true && result.indicator("u.example")?.isPrivate == true, "\(tag)")
            #expect(result.diagnostics.count == 2 && result.diagnostics.allSatisfy { $0.severity == .warning && $0.message.contains("cannot read") }, "\(result.diagnostics)")
        }
        let chr = TestFiles.importText(#"{"Event": {"info": "x", "Tag": [{"name": "tlp:clear"}, {"name": "tlp:ex:chr"}], "Attribute": [{"type": "domain", "value": "t.example", "Tag": [{"name": "tlp:ex:chr"}]}]}}"#)
        #expect(chr.projectTLP == .clear && chr.indicator("t.example")?.isPrivate == false && chr.diagnostics.isEmpty, "\(chr.diagnostics)")
        // A STIX TLP marking of a level dossier cannot read, in either form.
        for definition in [#""definition_type": "tlp", "definition": {"tlp": "unclear"}"#,
                           #""extensions": {"\#(STIXTerms.tlp2Extension)": {"extension_type": "property-extension", "tlp_2_0": "unclear"}}"#] {
            let bundle = #"{"type": "bundle", "id": "bundle--1", "objects": [{"type": "marking-definition", "spec_version": "2.1", "id": "marking-definition--x", \#(definition)}, {"type": "domain-name", "spec_version": "2.1", "id": "domain-name--1", "value": "u.example", "object_marking_refs": ["marking-definition--x"]}]}"#
            let stix = TestFiles.importText(bundle)
            #expect(stix.projectTLP == .red && stix.diagnostics.contains { $0.message.contains("a TLP marking of a level dossier cannot read") }, "\(stix.diagnostics)")
        }
        #expect(TLP.levelOfUnreadMarking("amber") == nil && TLP.levelOfUnreadMarking("TLP:AMBER") == nil && TLP.levelOfUnreadMarking("Café") == nil)
        #expect(TLP.levelOfUnreadMarking("TLP: unclear") == .red && TLP.levelOfUnreadMarking("[TLP:green or amber?]") == .amber)
    }

    @Test("a CIDR block with host bits set, in any format, comes in as its network with a warning naming the host")
    func hostBitsAreSaid() {
        for (text, path) in [("Scanner at 10.20.30.40/16 since May.\n", "/n.txt"), ("value,type\r\n10.50.60.70/8,cidr\r\n", "/c.csv")] {
            let result = TestFiles.importText(text, path: path)
            #expect(result.indicators.map(\.value) == [path.hasSuffix("txt") ? "10.20.0.0/16" : "10.0.0.0/8"], "\(result.indicators)")
            #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("has host bits set: recorded as the network it lies in") },
                "\(result.diagnostics)")
        }
    }

    @Test("a text's links to read (Markdown's [text](url), AsciiDoc's url[text] and link:url[text]) are skipped as references; a bare URL, an autolink <url>, one that is its link's own text, and a defanged one with brackets are indicators")
    func textReferenceLinksAreNoIndicators() {
        let text = """
            Read [the write-up](https://vendor.example/blog/post); the lure: <https://vendor.example/auto>.
            The https://www.misp-project.org[MISP] event, and link:https://vendor.example/feed.json[the feed].
            C2: https://evil[.]example/gate.php and hxxps://drop[.]example/x, also https://bare.example/p.php today.
            Payload: [https://evil-dl.example/p.exe](https://evil-dl.example/p.exe).
            """
        let result = TestFiles.importText(text, path: "/r.adoc")
        #expect(result.keys.filter { $0.hasPrefix("url") } == [
            "url https://bare.example/p.php", "url https://drop.example/x", "url https://evil-dl.example/p.exe", "url https://evil.example/gate.php",
            // An autolink shows its address, as a plain-text mail writes a lure's.
            "url https://vendor.example/auto",
        ], "\(result.keys)")
        #expect(Set(result.skipped.map(\.item)) == [
            "https://vendor.example/blog/post", "https://www.misp-project.org/", "https://vendor.example/feed.json",
        ], "\(result.skipped)")
        #expect(result.skipped.allSatisfy { $0.reason.contains("links to it as a reference to read") })
    }

    @Test("a web address written live alone on its line, in a text that defangs its indicators, is the write-up's source: skipped as a reference; in a sentence, at an address's host, as an autolink or in a text that defangs nothing it is a value")
    func liveAddressInDefangingTextIsAReference() {
        let text = """
            The write-up is at
            https://vendor.example/2026/11/loader-analysis.
            \u{1F525}\u{1F525} C2: loader-c2[.]example
            Payload: https://stage.example/p.php (live, by mistake).
            http://198.51.100.7:8080/s.ps1
            The lure:
            <https://lure.example/login>
            """
        let result = TestFiles.importText(text, path: "/ioc.txt")
        #expect(result.keys.filter { $0.hasPrefix("url") } == ["url http://198.51.100.7:8080/s.ps1", "url https://lure.example/login", "url https://stage.example/p.php"], "\(result.keys)")
        #expect(result.skipped.map(\.item) == ["https://vendor.example/2026/11/loader-analysis"], "\(result.skipped)")
        #expect(result.skipped.first?.reason.contains("the text defangs its indicators (loader-c2[.]example) but writes this address live, on a line of its own") == true, "\(result.skipped)")
        // A text that defangs nothing writes its addresses as they are: each is a value.
        let plain = TestFiles.importText("The write-up is at\nhttps://vendor.example/2026/11/loader-analysis.\nC2: loader-c2.example\n", path: "/ioc.txt")
        #expect(plain.keys.contains("url https://vendor.example/2026/11/loader-analysis") && plain.skipped.isEmpty, "\(plain.keys) \(plain.skipped)")
    }

    @Test("a quoted CSV comment over several lines keeps them, each ending in a line feed alone, as every comment's")
    func csvCommentLineBreaks() {
        let result = TestFiles.importText("value,comment\r\nevil2.example,\"line one\r\nline two\"\r\n", path: "/c.csv")
        #expect(result.indicator("evil2.example")?.comment == "line one\nline two", "\(String(describing: result.indicator("evil2.example")))")
    }

    @Test("what a file restricts as a whole comes in private: a MISP event or object of distribution 0, a CSV row tagged tlp:amber, a private PassiveTotal or dossier project")
    func restrictedFilesComeInPrivate() {
        let event = #"""
            {"Event": {"info": "org only", "distribution": "0", "Attribute": [
              {"type": "domain", "value": "secret-a.example", "distribution": "5"},
              {"type": "comment", "value": "internal remark", "distribution": "5"}],
             "Object": [{"name": "domain-ip", "distribution": "5", "Attribute": [
              {"type": "domain", "object_relation": "domain", "value": "secret-b.example", "distribution": "5"}]}]}}
            """#
        let restricted = TestFiles.importText(event)
        #expect(restricted.indicators.count == 2 && restricted.indicators.allSatisfy { $0.isPrivate })
        #expect(restricted.notesArePrivate)
        let object = #"""
            {"Event": {"info": "shared", "distribution": "3", "Attribute": [{"type": "domain", "value": "open.example"}],
             "Object": [{"name": "domain-ip", "distribution": "0", "Attribute": [
              {"type": "domain", "object_relation": "domain", "value": "secret-c.example", "distribution": "5"}]}]}}
            """#
        let inObject = TestFiles.importText(object)
        #expect(inObject.indicator("secret-c.example")?.isPrivate == true)
        #expect(inObject.indicator("open.example")?.isPrivate == false)

        let csv = """
            uuid,event_id,category,type,value,comment,to_ids,date,attribute_tag
            1,1,Network activity,domain,secret-d.example,,1,20260101,"tlp:amber,kit"
            2,1,Network activity,domain,secret-e.example,,1,20260101,TLP:RED
            3,1,Network activity,domain,open-e.example,,1,20260101,tlp:clear
            """
        let rows = TestFiles.importText(csv)
        #expect(rows.indicator("secret-d.example")?.isPrivate == true && rows.indicator("secret-d.example")?.tags == ["tlp:amber", "kit"])
        #expect(rows.indicator("secret-e.example")?.isPrivate == true)
        #expect(rows.indicator("open-e.example")?.isPrivate == false)

        for visibility in ["analyst", "private", "team"] {
            let passiveTotal = TestFiles.importText(#"{"visibility": "\#(visibility)", "artifacts": [{"query": "secret-f.example", "type": "domain"}]}"#)
            #expect(passiveTotal.indicator("secret-f.example")?.isPrivate == true, "\(visibility)")
        }
        let community = TestFiles.importText(#"{"visibility": "community", "artifacts": [{"query": "open-f.example", "type": "domain"}]}"#)
        #expect(community.indicator("open-f.example")?.isPrivate == false)
        let json = TestFiles.importText(#"{"project": {"visibility": "private"}, "indicators": [{"value": "secret-g.example"}]}"#)
        #expect(json.indicator("secret-g.example")?.isPrivate == true)
    }

    @Test("properties of MISP objects (datetime, size, entropy, MIME type, counter) are skipped with the reason, not kept as other; an object's first-seen and last-seen date its indicators")
    func mispObjectPropertiesAreNoIndicators() throws {
        let event = #"""
            {"Event": {"info": "objects", "Object": [
             {"name": "ip-port", "Attribute": [
              {"type": "ip-dst", "object_relation": "ip", "value": "198.51.100.23"},
              {"type": "port", "object_relation": "dst-port", "value": "443"},
              {"type": "datetime", "object_relation": "first-seen", "value": "2026-10-01T08:00:00.000000+00:00"},
              {"type": "datetime", "object_relation": "last-seen", "value": "2026-10-20T00:00:00.000000+00:00"}]},
             {"name": "file", "first_seen": "2026-09-01T00:00:00+00:00", "Attribute": [
              {"type": "sha256", "object_relation": "sha256", "value": "4b4c575a52099148af06e87aa4897a3067230b34f9be76513c2f3758d8fac7f1"},
              {"type": "size-in-bytes", "object_relation": "size-in-bytes", "value": "123456"},
              {"type": "float", "object_relation": "entropy", "value": "7.98"},
              {"type": "mime-type", "object_relation": "mimetype", "value": "application/x-dosexec"},
              {"type": "counter", "object_relation": "count", "value": "3"},
              {"type": "ssdeep", "object_relation": "ssdeep", "value": "3072:abc:def"}]}
            ]}}
            """#
        let result = TestFiles.importText(event)
        #expect(result.keys == [
            "ipv4 198.51.100.23", "other 3072:abc:def", "sha256 4b4c575a52099148af06e87aa4897a3067230b34f9be76513c2f3758d8fac7f1",
        ])
        #expect(result.indicators.count { $0.type == .other && $0.tags != ["misp-type:ssdeep"] } == 0)
        #expect(result.skipped.map(\.reason).sorted() == [
            "a MISP counter attribute is a property, not an indicator",
            "a MISP float attribute is a property, not an indicator",
            "a MISP mime-type attribute is a property, not an indicator",
            "a MISP size-in-bytes attribute is a property, not an indicator",
            "the first-seen of a MISP object dates its indicators; it is no indicator",
            "the last-seen of a MISP object dates its indicators; it is no indicator",
        ])
        let address = try #require(result.indicator("198.51.100.23"))
        #expect(address.firstSeen == "2026-10-01T08:00:00Z" && address.lastSeen == "2026-10-20")
        #expect(result.indicator("4b4c575a52099148af06e87aa4897a3067230b34f9be76513c2f3758d8fac7f1")?.firstSeen == "2026-09-01")
        #expect(result.unrepresentable("MISP port (of port)") == 1)
    }

    @Test("a binary or UTF-16 file is refused by the text importer, not mined for junk")
    func binaryAndUTF16AreRefused() {
        let binary = Importer.read([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0] + Array(" note.gnu.property evil.example ".utf8), path: "/a.out")
        #expect(binary.failed && binary.indicators.isEmpty)
        #expect(binary.diagnostics.first?.message.contains("binary file") == true)
        let utf16 = Importer.read([0xFF, 0xFE] + Array("evil.example".utf8).flatMap { [$0, 0] }, path: "/list.txt")
        #expect(utf16.failed && utf16.indicators.isEmpty)
        #expect(utf16.diagnostics.first?.message.contains("UTF-16") == true)
        let latin1 = Importer.read(Array("caf".utf8) + [0xE9] + Array(" evil.example".utf8), path: "/latin1.txt")
        #expect(!latin1.failed && latin1.indicator("evil.example") != nil)
    }

    @Test("a file that is not UTF-8 (Excel's Windows-1252) is read as Windows-1252, with a warning at its first such byte; its UTF-8 parts stay as they are")
    func windows1252() {
        // value,type,comment / lat1.example,domain,Résumé de l’analyste — 5 €, saved by Excel.
        let csv = Array("value,type,comment\r\nlat1.example,domain,R".utf8) + [0xE9] + Array("sum".utf8) + [0xE9]
            + Array(" de l".utf8) + [0x92] + Array("analyste \u{2014} 5 ".utf8) + [0x80] + Array("\r\n".utf8)
        let result = Importer.read(csv, path: "/l1.csv")
        #expect(!result.failed)
        #expect(result.indicator("lat1.example")?.comment == "R\u{E9}sum\u{E9} de l\u{2019}analyste \u{2014} 5 \u{20AC}")
        #expect(result.diagnostics.rendered(relativeTo: "/") == [
            "l1.csv:2:22: warning: the file is not valid UTF-8 (from byte 41, 0xE9); it was read as Windows-1252, as Excel saves text: check its accented letters, or save it as UTF-8 and import it again",
        ])
    }

    @Test func passiveTotalProjectAndArtifacts() {
        let project = """
            {"name": "Phish", "visibility": "analyst", "tags": ["Phishing"], "artifacts": [
              {"query": "payroll-acme.com", "type": "domain", "tags": ["Blocked"], "user_tags": ["kit"], "classification": "malicious"},
              {"query": "198.51.100.23", "type": "ip", "classification": "non_malicious"},
              {"query": "mail.example.org", "type": "domain", "classification": ""},
              {"query": "5c77a18880cf58df9fba102dd8267c3f369df449", "type": "hash", "classification": "weird"},
              {"query": "nope", "type": "ip"}
            ]}
            """
        let result = TestFiles.importText(project)
        #expect(result.format == .passivetotal)
        #expect(result.projectVisibility == .private && result.projectTags == ["Phishing"])
        #expect(result.indicator("payroll-acme.com")?.tags == ["Blocked", "kit"])
        #expect(result.indicator("payroll-acme.com")?.classification == .malicious)
        #expect(result.indicator("198.51.100.23")?.classification == .nonMalicious)
        #expect(result.indicator("mail.example.org")?.classification == nil)
        #expect(result.indicator("5c77a18880cf58df9fba102dd8267c3f369df449")?.type == .sha1)
        #expect(result.diagnostics.count == 1 && result.skipped.count == 1)
        let community = TestFiles.importText(#"{"visibility": "community", "artifacts": []}"#)
        #expect(community.projectVisibility == .public)
    }

    @Test func brokenJSONIsAnErrorWithItsPosition() throws {
        let result = TestFiles.importText("{\"Event\": {\n  \"info\": \"x\",\n  \"Attribute\": [\n    {\"type\": \"domain\" \"value\": \"a.example\"}\n  ]}}", path: "/e.json")
        #expect(result.failed && result.indicators.isEmpty)
        let error = try #require(result.diagnostics.first)
        #expect(error.location == SourceLocation(path: "/e.json", line: 4, column: 23))
        #expect(error.message.hasPrefix("not valid JSON"))
    }

    @Test func unclosedCSVQuoteIsAnErrorWithItsPosition() throws {
        let result = TestFiles.importText("value,type\n\"evil.example,domain\n", format: .csv)
        #expect(result.failed)
        #expect(result.diagnostics.first?.location?.position == SourcePosition(line: 2, column: 1))
    }

    @Test func wrongShapesAreClearErrors() {
        #expect(TestFiles.importText(#"{"a": 1}"#, format: .misp).diagnostics.first?.message.contains("not a MISP event") == true)
        #expect(TestFiles.importText(#"[1, 2]"#, format: .stix).skipped.count == 2)
        #expect(TestFiles.importText(#""x""#, format: .passivetotal).failed)
        #expect(TestFiles.importText("just,words\nno,value", format: .csv).diagnostics.first?.message.contains("no value column") == true)
    }

    /// Truncations and byte flips of every fixture, in every format: never a trap, and either a
    /// result or an error diagnostic.
    @Test func oddInputNeverTraps() throws {
        let files = [
            "misp/signsight-misp-event.json", "misp/sshdoor-akiva.json", "stix2/indicators-for-C2-with-COA.json",
            "stix2/infrastructure.json", "misp/signsight-README.adoc",
        ]
        for file in files {
            let bytes = try TestFiles.bytes(TestFiles.fixtures + "/" + file)
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
                for format in ImportFormat.allCases {
                    var mutated = Array(bytes[..<cut])
                    if cut > 0 { mutated[cut / 2] ^= 0x5A }
                    let result = Importer.read(mutated, path: "/f", format: format)
                    #expect(result.failed || result.diagnostics.allSatisfy { $0.severity == .warning })
                }
            }
        }
    }
}
