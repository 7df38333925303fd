import DossierCore
import DossierTestSupport
import Foundation
import Testing
@testable import DossierInterop

/// `dossier import` and `dossier export` end to end, on a copy of the sample workspace.
@Suite struct ImportExportCommandTests {
    let fixtures = TestFiles.fixtures

    @Test func dryRunReportsAndWritesNothing() throws {
        let ws = try SampleWorkspace()
        let before = ws.read("commodity-loader-c2/indicators.json")
        let notesBefore = ws.files("commodity-loader-c2/notes")
        let run = try Command.run([
            "import", "commodity-loader-c2", fixtures + "/misp/signsight-misp-event.json",
            fixtures + "/stix2/malicious-email-indicator-with-attachment.json", "--dry-run",
        ], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("signsight-misp-event.json (misp): 12 indicators, 5 note lines"))
        #expect(run.stdout.contains("skipped 2: dossier cannot represent this pattern (STIX pattern with MATCHES) (first at "), "\(run.stdout)")
        #expect(run.stdout.contains("malicious-email-indicator-with-attachment.json:"), "the first item's place, to find it by")
        #expect(run.stdout.contains("commodity-loader-c2: 12 to add, 0 to merge, 0 unchanged, 2 skipped, 1 note; dry run: nothing was written"))
        #expect(ws.read("commodity-loader-c2/indicators.json") == before)
        #expect(ws.files("commodity-loader-c2/notes") == notesBefore, "no note added")
    }

    @Test("in a checkout with CR LF line breaks, new and import write their files with CR LF too, and an import again finds its note")
    func newFilesTakeTheCheckoutsLineBreaks() throws {
        let ws = try SampleWorkspace()
        let settings = ws.root + "/dossier.json"
        try ws.read("dossier.json").replacingOccurrences(of: "\n", with: "\r\n").write(toFile: settings, atomically: true, encoding: .utf8)
        let new = try Command.run(["new", "windows-case"], in: ws.root)
        #expect(new.status == 0, "\(new.stderr)")
        let written = ["project.json", "indicators.json", "notes/01-overview.md"]
        for file in written {
            let text = ws.read("windows-case/" + file)
            #expect(text.contains("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(file) has a bare LF")
        }
        let event = fixtures + "/misp/sshdoor-akiva.json"
        let run = try Command.run(["import", "windows-case", event], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        let notes = ws.files("windows-case/notes")
        let note = ws.read("windows-case/notes/" + (notes.first { $0.contains("import") } ?? ""))
        #expect(note.contains("Linux/SSHDoor.AI\r\n") && !note.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(note)")
        let again = try Command.run(["import", "windows-case", event], in: ws.root)
        #expect(again.stdout.contains("note already present"), "\(again.stdout)")
        #expect(ws.files("windows-case/notes") == notes)
        #expect(try Command.run(["fmt", "--check"], in: ws.root).status == 0)
    }

    @Test("a project's export imported into a new project does not bring its untouched starter note beside the new one's; an edited one comes", arguments: ["json", "misp"])
    func starterNotesStayHome(format: String) throws {
        let ws = try SampleWorkspace()
        for slug in ["src", "copy"] { #expect(try Command.run(["new", slug], in: ws.root).status == 0) }
        #expect(try Command.run(["add", "src", "evil.example"], in: ws.root).status == 0)
        let folder = try TemporaryFolder()
        let export = folder.path + "/src.json"
        #expect(try Command.run(["export", "src", "--format", format, "--internal", "-o", export], in: ws.root).status == 0)
        let run = try Command.run(["import", "copy", export], in: ws.root)
        #expect(run.status == 0 && run.stdout.contains("1 note already present"), "\(run.stdout)")
        #expect(ws.files("copy/notes") == ["01-overview.md"])
        // Once written in, it is the investigation's.
        let note = ws.root + "/src/notes/01-overview.md"
        try ws.read("src/notes/01-overview.md").replacingOccurrences(of: "## Timeline", with: "The kit came by mail.\n\n## Timeline")
            .write(toFile: note, atomically: true, encoding: .utf8)
        #expect(try Command.run(["export", "src", "--format", format, "--internal", "-o", export], in: ws.root).status == 0)
        #expect(try Command.run(["import", "copy", export], in: ws.root).status == 0)
        #expect(ws.files("copy/notes").count == 2, "\(ws.files("copy/notes"))")
    }

    @Test func importMergesWritesANoteAndStaysValid() throws {
        let ws = try SampleWorkspace()
        let run = try Command.run([
            "import", "acme-payroll-phish", fixtures + "/misp/sshdoor-akiva.json", "--tag", "blocked", "--private", "--verbose",
        ], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("added filepath /usr/local/include/uconf.h"))
        // Imported --private, the event's tags go on its private values, not on the project: a
        // project made public later publishes its tags.
        #expect(run.stdout.contains("acme-payroll-phish: project tags of the restricted data not added, as a project made public later would publish them; its private indicators have them: SSHDoor"), "\(run.stdout)")
        let indicators = ws.read("acme-payroll-phish/indicators.json")
        #expect(indicators.contains("\"value\": \"/usr/local/include/uconf.h\""))
        // --tag takes the vocabulary's spelling; --private marks every imported indicator.
        let loaded = WorkspaceLoader.load(root: ws.root)
        let imported = try #require(loaded.workspace.project("acme-payroll-phish")?.indicators.first { $0.value == "/usr/local/include/uconf.h" })
        #expect(Set(imported.tags) == ["Blocked", "SSHDoor"] && imported.isPrivate, "\(imported.tags)")
        #expect(!ws.read("acme-payroll-phish/project.json").contains("\"SSHDoor\""))
        let note = ws.read("acme-payroll-phish/notes/05-import-sshdoor-akiva.md")
        #expect(note.contains("visibility: private") && note.contains("- Antivirus detection (text): Linux/SSHDoor.AI"))
        let check = try Command.run(["check"], in: ws.root)
        #expect(check.status == 0, "\(check.stderr)")
        // Importing again adds nothing, not even another copy of the note.
        let notes = ws.files("acme-payroll-phish/notes")
        let again = try Command.run(["import", "acme-payroll-phish", fixtures + "/misp/sshdoor-akiva.json", "--tag", "Blocked", "--private"], in: ws.root)
        #expect(again.stdout.contains("0 added, 0 merged, 3 unchanged, 0 skipped, note already present (05-import-sshdoor-akiva.md); nothing was written"), "\(again.stdout)")
        #expect(ws.files("acme-payroll-phish/notes") == notes)
        // With another file, only that file's lines make a note; the pair again writes none.
        let pair = ["import", "acme-payroll-phish", fixtures + "/misp/sshdoor-akiva.json", fixtures + "/misp/signsight-misp-event.json", "--private"]
        let both = try Command.run(pair, in: ws.root)
        #expect(both.status == 0 && both.stdout.contains("note already present (05-import-sshdoor-akiva.md)"), "\(both.stdout)")
        let added = Set(ws.files("acme-payroll-phish/notes")).subtracting(notes)
        #expect(added.count == 1, "\(added)")
        let second = ws.read("acme-payroll-phish/notes/" + (added.first ?? ""))
        #expect(second.contains("signsight-misp-event.json") && !second.contains("Linux/SSHDoor.AI"), "\(second)")
        let third = try Command.run(pair, in: ws.root)
        #expect(third.stdout.contains("nothing was written") && ws.files("acme-payroll-phish/notes").count == notes.count + 1, "\(third.stdout)")
    }

    @Test func unreadableInputIsAnErrorAndWritesNothing() throws {
        let ws = try SampleWorkspace()
        let broken = try TemporaryFolder()
        let path = try broken.write("event.json", Array("{\"Event\": {\n  \"info\": \"x\",\n  \"Attribute\": [\n    {\"type\": \"domain\" \"value\": \"a.example\"}\n  ]}}".utf8))
        let before = ws.read("acme-payroll-phish/indicators.json")
        let run = try Command.run(["import", "acme-payroll-phish", fixtures + "/misp/signsight-samples.sha1", path], in: ws.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("event.json:4:23: error: not valid JSON"))
        #expect(run.stderr.contains("nothing was imported"))
        #expect(ws.read("acme-payroll-phish/indicators.json") == before)
        let missing = try Command.run(["import", "acme-payroll-phish", "no-such-file.csv"], in: ws.root)
        #expect(missing.status == 1 && missing.stderr.contains("cannot read no-such-file.csv"))
        let usage = try Command.run(["import", "acme-payroll-phish"], in: ws.root)
        #expect(usage.status == 64)
    }

    @Test("an import whose every item is skipped fails, writing nothing")
    func everythingSkipped() throws {
        let ws = try SampleWorkspace()
        let before = ws.read("typosquat-watch/indicators.json")
        let run = try Command.run(["import", "typosquat-watch", "-", "--format", "csv"], in: ws.root, input: "value,type\nnot a value,domain\n999.1.1.1,ipv4\n")
        #expect(run.status == 1, "\(run.stdout) \(run.stderr)")
        #expect(run.stderr.contains("no indicator could be imported: every value (2) was skipped (reasons above)"), "\(run.stderr)")
        #expect(ws.read("typosquat-watch/indicators.json") == before)
        // A MISP event or a STIX bundle too, though its title would make a note.
        let misp = #"{"Event":{"info":"x","Attribute":[{"type":"ip-dst","value":"999.1.1.1","category":"Network activity"}]}}"#
        let stix = #"{"type":"bundle","id":"bundle--1","objects":[{"type":"report","id":"report--1","name":"R"},"#
            + #"{"type":"indicator","id":"indicator--1","pattern":"[ipv4-addr:value = '999.1.1.1']","pattern_type":"stix","revoked":true}]}"#
        let notes = ws.files("typosquat-watch/notes")
        for input in [misp, stix] {
            let skipped = try Command.run(["import", "typosquat-watch", "-"], in: ws.root, input: input)
            #expect(skipped.status == 1 && skipped.stderr.contains("no indicator could be imported"), "\(skipped.stdout) \(skipped.stderr)")
            #expect(ws.read("typosquat-watch/indicators.json") == before)
            #expect(ws.files("typosquat-watch/notes") == notes)
        }
    }

    @Test("a text's 40-hex value the project records as a certificate's SHA-1 merges into it, as add does")
    func importFindsCertificateHashes() throws {
        let ws = try SampleWorkspace()
        let run = try Command.run(["import", "acme-payroll-phish", "-", "--format", "text"], in: ws.root,
            input: "The kit's certificate: 2451e52e9fb288e90f8292a81deb2875d989ecd1.\n")
        #expect(run.status == 0, "\(run.stderr)")
        let file = ws.read("acme-payroll-phish/indicators.json")
        #expect(file.components(separatedBy: "2451e52e9fb288e90f8292a81deb2875d989ecd1").count == 2, "recorded twice")
    }

    @Test("an import that lowers a recorded classification says so")
    func importLoweringAClassificationWarns() throws {
        let ws = try SampleWorkspace()
        _ = try Command.run(["import", "typosquat-watch", "-", "--format", "csv"], in: ws.root, input: "value,classification\nmerge.example,malicious\n")
        let lowered = try Command.run(["import", "typosquat-watch", "-", "--format", "csv"], in: ws.root, input: "value,classification\nmerge.example,non-malicious\n")
        #expect(lowered.status == 0 && lowered.stderr.contains("warning: domain merge.example was malicious and is now non-malicious\n"), "\(lowered.stderr)")
        // From a file, the warning says the row that lowered it, as a merge's conflict says its row.
        try Data("value,classification,comment\nkeep.example,unknown,x\nmerge.example,malicious,first\n".utf8).write(to: URL(fileURLWithPath: ws.root + "/raise.csv"))
        _ = try Command.run(["import", "typosquat-watch", "raise.csv"], in: ws.root)
        try Data("value,classification,comment\nkeep.example,unknown,x\nmerge.example,suspicious,second\n".utf8).write(to: URL(fileURLWithPath: ws.root + "/lower.csv"))
        let placed = try Command.run(["import", "typosquat-watch", "lower.csv"], in: ws.root)
        #expect(placed.stderr.contains("lower.csv:3:1: warning: domain merge.example was malicious and is now suspicious\n"), "\(placed.stderr)")
        #expect(placed.stderr.contains(#"lower.csv:3:1: warning: domain merge.example: comment "second" ignored; kept "first""#), "\(placed.stderr)")
    }

    @Test("a MISP IDS flag is said lost only for what comes in classified other than malicious: tags the vocabulary says imply malicious, --classify malicious, or a recorded malicious indicator keep it")
    func idsFlagsLostByWhatIsImported() throws {
        let ws = try SampleWorkspace()
        func event(_ value: String, tags: [String] = []) -> String {
            let tagged = tags.map { #"{"name":"\#($0)"}"# }.joined(separator: ",")
            return #"{"Event":{"info":"t","Attribute":[{"type":"domain","category":"Network activity","value":"\#(value)","to_ids":true,"Tag":[\#(tagged)]}]}}"#
        }
        let lost = "1 × to_ids flag of a value not classified malicious"
        let untagged = try Command.run(["import", "typosquat-watch", "-", "--dry-run"], in: ws.root, input: event("plain.example"))
        #expect(untagged.status == 0 && untagged.stdout.contains(lost), "\(untagged.stdout)")
        let blocked = try Command.run(["import", "typosquat-watch", "-", "--dry-run"], in: ws.root, input: event("toids.example", tags: ["Blocked"]))
        #expect(blocked.status == 0 && !blocked.stdout.contains("not representable"), "\(blocked.stdout)")
        let classified = try Command.run(["import", "typosquat-watch", "-", "--dry-run", "--classify", "malicious"], in: ws.root, input: event("plain.example"))
        #expect(!classified.stdout.contains("not representable"), "\(classified.stdout)")
        let taggedOnImport = try Command.run(["import", "typosquat-watch", "-", "--dry-run", "--tag", "blocked"], in: ws.root, input: event("plain.example"))
        #expect(!taggedOnImport.stdout.contains("not representable"), "\(taggedOnImport.stdout)")
        // Merged into an indicator recorded malicious, it stays malicious: the flag is kept.
        #expect(try Command.run(["add", "typosquat-watch", "recorded.example", "--classify", "malicious"], in: ws.root).status == 0)
        let merged = try Command.run(["import", "typosquat-watch", "-", "--dry-run"], in: ws.root, input: event("recorded.example"))
        #expect(!merged.stdout.contains("not representable"), "\(merged.stdout)")
    }

    @Test("a text that writes only a version number imports nothing and says why, without failing: it is no input of the wrong kind")
    func versionOnlyTextIsNoFailure() throws {
        let ws = try SampleWorkspace()
        let run = try Command.run(["import", "typosquat-watch", "-"], in: ws.root, input: "We run version 10.2.3.4 of the agent.\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("<stdin>:1:16: warning: 10.2.3.4 is read as a version or section number"), "\(run.stderr)")
    }

    @Test func importFromStandardInput() throws {
        let ws = try SampleWorkspace()
        let run = try Command.run(["import", "typosquat-watch", "-", "--classify", "suspicious"], in: ws.root, input: "acme-payro11[.]com\nhxxps://acme-login[.]net/sso\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("standard input (text): 2 indicators"))
        #expect(ws.read("typosquat-watch/indicators.json").contains("acme-payro11.com"))
    }

    @Test("--classify over a classification the input states says which values it replaces; one the input does not state, nothing")
    func classifyOverStatedClassification() throws {
        let ws = try SampleWorkspace()
        let csv = "value,classification\r\nrow-a.example,malicious\r\nrow-b.example,non_malicious\r\nrow-c.example,suspicious\r\nrow-d.example,\r\n"
        let run = try Command.run(["import", "typosquat-watch", "-", "--classify", "suspicious"], in: ws.root, input: csv)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: --classify suspicious replaces the classification the input gives 2 values: row-a.example (malicious), row-b.example (non-malicious)"),
            "\(run.stderr)")
        let plain = try Command.run(["import", "typosquat-watch", "-", "--classify", "suspicious"], in: ws.root, input: "row-e.example\n")
        #expect(plain.status == 0 && !plain.stderr.contains("replaces"), "\(plain.stderr)")
    }

    @Test("a value two files of one import give keeps the first file's classification, comment and source; the later file's other one is a warning at its place")
    func firstFileWins() throws {
        let ws = try SampleWorkspace()
        let folder = try TemporaryFolder()
        let a = try folder.write("a.csv", Array("value,classification,comment,source\r\ndup.example,malicious,from A,feed A\r\n".utf8))
        let b = try folder.write("b.csv", Array("value,classification,comment,source\r\nother.example,,,\r\nDUP.example.,non-malicious,from B,feed B\r\n".utf8))
        let run = try Command.run(["import", "typosquat-watch", a, b], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("b.csv:3:1: warning: domain dup.example is given by an earlier file too: classification non-malicious ignored; kept malicious"), "\(run.stderr)")
        #expect(run.stderr.contains("b.csv:3:1: warning: domain dup.example is given by an earlier file too: comment \"from B\" ignored; kept \"from A\""), "\(run.stderr)")
        #expect(!run.stderr.contains("a.csv:2:1: warning"), "\(run.stderr)")
        let recorded = ws.read("typosquat-watch/indicators.json")
        #expect(recorded.contains(#""value": "dup.example""#) && recorded.contains(#""comment": "from A""#) && !recorded.contains("from B"))
        #expect(recorded.range(of: #""value": "dup.example",\#n      "type": "domain",\#n      "classification": "malicious""#) != nil, "\(recorded)")
    }

    @Test("a CSV tags cell listing a vocabulary tag with a comma and a space is said to be one tag, as one without the space is")
    func commaSpacedTagList() throws {
        let ws = try SampleWorkspace()
        let run = try Command.run(["import", "typosquat-watch", "-", "--format", "csv"], in: ws.root,
            input: "value,tags\r\nlist-a.example,\"Blocked, Phishing\"\r\nlist-b.example,\"Smith, Jones\"\r\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("<stdin>:2:1: warning: tag \"Blocked, Phishing\" is one tag; a tags cell separates tags with \";\" (Blocked; Phishing)"), "\(run.stderr)")
        #expect(!run.stderr.contains("Smith"), "\(run.stderr)")
    }

    @Test func publicExportOfAPrivateProjectIsRefused() throws {
        let ws = try SampleWorkspace()
        let run = try Command.run(["export", "acme-payroll-phish", "--format", "csv"], in: ws.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("--internal"))
        #expect(run.stdout.isEmpty)
        let inside = try Command.run(["export", "acme-payroll-phish", "--format", "csv", "--internal"], in: ws.root)
        #expect(inside.status == 0 && inside.stdout.hasPrefix("value,type,classification,tags,firstSeen,lastSeen,comment,source,private,tlp\r\n"))
    }

    @Test("an internal export reads its project alone: another project's broken file neither stops it nor is shown; an error check finds in its own files does (a value recorded twice, conflict markers in a note), one that stops only a public output does not")
    func internalExportReadsTheProjectAlone() throws {
        let ws = try SampleWorkspace()
        let before = try Command.run(["export", "commodity-loader-c2", "--format", "stix", "--internal"], in: ws.root)
        try "<<<<<<< HEAD\n{}\n".write(toFile: ws.root + "/typosquat-watch/indicators.json", atomically: true, encoding: .utf8)
        let after = try Command.run(["export", "commodity-loader-c2", "--format", "stix", "--internal"], in: ws.root)
        #expect(before.status == 0 && after.status == 0 && after.stdout == before.stdout && after.stderr.isEmpty, "\(after.stderr)")
        let indicators = ws.root + "/commodity-loader-c2/indicators.json"
        let own = try ws.read("commodity-loader-c2/indicators.json")
        try own.replacingOccurrences(of: "\"indicators\": [", with: "\"indicators\": [\n{ \"value\": \"twice.example\", \"type\": \"domain\" },\n{ \"value\": \"twice.example\", \"type\": \"domain\" },")
            .write(toFile: indicators, atomically: true, encoding: .utf8)
        let twice = try Command.run(["export", "commodity-loader-c2", "--format", "stix", "--internal"], in: ws.root)
        #expect(twice.status == 1 && twice.stdout.isEmpty && twice.stderr.contains("duplicate domain \"twice.example\""), "\(twice.stderr)")
        #expect(twice.stderr.contains("project commodity-loader-c2 has errors in its files (listed above); fix them first (see `dossier check`); nothing was exported"), "\(twice.stderr)")
        try own.write(toFile: indicators, atomically: true, encoding: .utf8)
        let note = ws.root + "/commodity-loader-c2/notes/05-merge.md"
        try "# Merge\n\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch\n".write(toFile: note, atomically: true, encoding: .utf8)
        let conflicted = try Command.run(["export", "commodity-loader-c2", "--format", "json", "--internal"], in: ws.root)
        #expect(conflicted.status == 1 && conflicted.stdout.isEmpty && conflicted.stderr.contains("commodity-loader-c2/notes/05-merge.md:3:1: error:"), "\(conflicted.stderr)")
        // A private value written in a public note stops a public export only.
        try "# Merge\n\nThe workstation also talked to 192.0.2.130.\n".write(toFile: note, atomically: true, encoding: .utf8)
        #expect(try Command.run(["export", "commodity-loader-c2", "--format", "json", "--internal"], in: ws.root).status == 0)
        #expect(try Command.run(["export", "commodity-loader-c2", "--format", "json"], in: ws.root).status == 1)
        try FileManager.default.removeItem(atPath: note)
        try "{ \"indicators\": [ { \"value\": 1 } ] }\n".write(toFile: indicators, atomically: true, encoding: .utf8)
        let broken = try Command.run(["export", "commodity-loader-c2", "--format", "csv", "--internal"], in: ws.root)
        #expect(broken.status == 1 && broken.stdout.isEmpty && broken.stderr.contains("commodity-loader-c2/indicators.json:1:"), "\(broken.stderr)")
        #expect(!broken.stderr.contains("typosquat-watch"), "\(broken.stderr)")
    }

    @Test("--classification keeps the indicators of the classifications given: a blocklist holds no benign value")
    func exportByClassification() throws {
        let ws = try SampleWorkspace()
        let all = try Command.run(["export", "commodity-loader-c2", "--format", "text"], in: ws.root)
        #expect(all.status == 0 && all.stdout.split(separator: "\n").contains("freemail.example"), "\(all.stderr)")
        let blocklist = try Command.run(["export", "commodity-loader-c2", "--format", "text", "--classification", "malicious"], in: ws.root)
        #expect(blocklist.status == 0, "\(blocklist.stderr)")
        #expect(!blocklist.stdout.split(separator: "\n").contains("freemail.example") && !blocklist.stdout.isEmpty)
        let csv = try Command.run(["export", "commodity-loader-c2", "--format", "csv", "--classification", "malicious", "--classification", "suspicious"], in: ws.root)
        let rows = csv.stdout.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(",malicious,") || $0.contains(",suspicious,") }, "\(csv.stdout)")
        // A part of the project is an event of its own: another uuid, named for what it holds.
        let part = try Command.run(["export", "commodity-loader-c2", "--format", "misp", "--classification", "malicious"], in: ws.root)
        let whole = try Command.run(["export", "commodity-loader-c2", "--format", "misp"], in: ws.root)
        func event(_ text: String) throws -> [String: Any] {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            return try #require(object["Event"] as? [String: Any])
        }
        #expect(try event(part.stdout)["uuid"] as? String != event(whole.stdout)["uuid"] as? String)
        #expect((try event(part.stdout)["info"] as? String)?.hasSuffix(" (malicious indicators)") == true)
        let wrong = try Command.run(["export", "commodity-loader-c2", "--format", "text", "--classification", "evil"], in: ws.root)
        #expect(wrong.status == 64)
    }

    @Test("export -o and report -o never write over a file the workspace is read from")
    func outputNeverReplacesWorkspaceFiles() throws {
        let ws = try SampleWorkspace()
        let targets = ["commodity-loader-c2/indicators.json", "commodity-loader-c2/project.json", "dossier.json", "commodity-loader-c2/notes/01-new.md"]
        for target in targets {
            let before = ws.read(target)
            let export = try Command.run(["export", "commodity-loader-c2", "--format", "json", "-o", target], in: ws.root)
            // (--format: a .json file's name says no report format, which is refused before.)
            let report = try Command.run(["report", "commodity-loader-c2", "--format", target.hasSuffix(".md") ? "md" : "html", "-o", target], in: ws.root)
            for run in [export, report] {
                #expect(run.status == 1)
                // A file that is not there yet would be read as one (a report in notes/ a note).
                #expect(run.stderr.contains(target.hasSuffix("01-new.md")
                    ? "a file there would be read as one of the workspace's own (a note, a project's file, a template); choose another -o"
                    : "it is one of the workspace's own files; choose another -o"), "\(run.stderr)")
            }
            #expect(ws.read(target) == before, "\(target)")
        }
        let beside = try Command.run(["export", "commodity-loader-c2", "--format", "json", "-o", "commodity-loader-c2/export.json"], in: ws.root)
        #expect(beside.status == 0, "\(beside.stderr)")
        // A file dossier does not read, even in notes/, may be written.
        let csv = try Command.run(["export", "commodity-loader-c2", "--format", "csv", "-o", "out.csv"], in: ws.root + "/commodity-loader-c2/notes")
        #expect(csv.status == 0, "\(csv.stderr)")
        // Through a symbolic link to the workspace, given as the workspace and in the path.
        let link = ws.root + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: ws.root)
        defer { try? FileManager.default.removeItem(atPath: link) }
        let before = ws.read("commodity-loader-c2/indicators.json")
        let linked = try Command.run(["export", "commodity-loader-c2", "--format", "json", "-w", link, "-o", link + "/commodity-loader-c2/indicators.json"], in: ws.root)
        #expect(linked.status == 1, "\(linked.stderr)")
        #expect(ws.read("commodity-loader-c2/indicators.json") == before)
        // Through a link that is the file given: writing through it would replace the note.
        let noteLink = ws.root + "-latest.md"
        try FileManager.default.createSymbolicLink(atPath: noteLink, withDestinationPath: ws.root + "/commodity-loader-c2/notes/01-overview.md")
        defer { try? FileManager.default.removeItem(atPath: noteLink) }
        let note = ws.read("commodity-loader-c2/notes/01-overview.md")
        for run in [try Command.run(["report", "commodity-loader-c2", "--format", "md", "-o", noteLink], in: ws.root),
                    try Command.run(["export", "commodity-loader-c2", "--format", "csv", "-o", noteLink], in: ws.root)] {
            #expect(run.status == 1 && run.stderr.contains("one of the workspace's own files"), "\(run.stderr)")
        }
        #expect(ws.read("commodity-loader-c2/notes/01-overview.md") == note)
    }

    @Test("a public export is refused while the check finds errors, as a public report is: a private value written in a public note would be exported")
    func publicExportNeedsACleanCheck() throws {
        let ws = try SampleWorkspace()
        try (ws.read("commodity-loader-c2/notes/03-sinkhole.md") + "\nThe workstation also talked to 192.0.2.130.\n")
            .write(toFile: ws.root + "/commodity-loader-c2/notes/03-sinkhole.md", atomically: true, encoding: .utf8)
        for format in ["json", "csv", "stix", "misp", "text"] {
            let run = try Command.run(["export", "commodity-loader-c2", "--format", format], in: ws.root)
            #expect(run.status == 1 && run.stdout.isEmpty, "\(format): \(run.stdout.prefix(200))")
            #expect(run.stderr.contains("ipv4 192.0.2.130 is recorded as private, but this note is public"), "\(run.stderr)")
            #expect(run.stderr.contains("nothing was exported"))
        }
        let inside = try Command.run(["export", "commodity-loader-c2", "--format", "json", "--internal"], in: ws.root)
        #expect(inside.status == 0 && inside.stdout.contains("192.0.2.130"), "\(inside.stderr)")
    }

    @Test("data marked above TLP:CLEAR is refused by a public project unless --private keeps it out of public output")
    func markedDataStaysOutOfPublicProjects() throws {
        let ws = try SampleWorkspace()
        let exported = try Command.run(["export", "ransomware-negotiation-portal", "--format", "misp", "--internal", "-o", "marked.json"], in: ws.root)
        #expect(exported.status == 0, "\(exported.stderr)")
        let before = ws.read("vpn-bruteforce-2026/indicators.json")
        let refused = try Command.run(["import", "vpn-bruteforce-2026", "marked.json"], in: ws.root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("marked.json is marked TLP:AMBER+STRICT and vpn-bruteforce-2026 is public"), "\(refused.stderr)")
        #expect(ws.read("vpn-bruteforce-2026/indicators.json") == before)
        let kept = try Command.run(["import", "vpn-bruteforce-2026", "marked.json", "--private"], in: ws.root)
        #expect(kept.status == 0, "\(kept.stderr)")
        // Nothing of the marked file reaches the public view.
        let marked = Set(try #require(WorkspaceLoader.load(root: TestFiles.samples).workspace.project("ransomware-negotiation-portal")).indicators.map(\.value))
        let loaded = WorkspaceLoader.load(root: ws.root).workspace
        #expect(try #require(loaded.project("vpn-bruteforce-2026")).indicators.contains { marked.contains($0.value) })
        let view = AudienceFilter.view(of: loaded, for: .public)
        #expect(try #require(view.project("vpn-bruteforce-2026")).indicators.allSatisfy { !marked.contains($0.value) })
        // The event's reports (the other project's notes) came in as notes, private.
        let samples = WorkspaceLoader.load(root: TestFiles.samples).workspace
        let reports = try #require(samples.project("ransomware-negotiation-portal")).notes.count
        #expect(loaded.project("vpn-bruteforce-2026")?.notes.count == (samples.project("vpn-bruteforce-2026")?.notes.count ?? 0) + reports)
        let publishedBefore = AudienceFilter.view(of: samples, for: .public).project("vpn-bruteforce-2026")?.notes.count
        #expect(view.project("vpn-bruteforce-2026")?.notes.count == publishedBefore)
    }

    @Test("a STIX bundle whose objects are marked one by one marks each indicator by its own TLP, not all by the strictest: a public project keeps each level as a tag; a value of an object with no marking has the file's, one of several objects the strictest")
    func stixMarkingsPerObject() throws {
        let ws = try SampleWorkspace()
        func marks(_ marking: String?) -> String { marking.map { #", "object_marking_refs": ["marking-definition--\#($0)"]"# } ?? "" }
        func indicator(_ domain: String, _ marking: String?) -> String {
            """
            { "type": "indicator", "spec_version": "2.1", "id": "indicator--\(UUID().uuidString.lowercased())", "created": "2026-11-01T00:00:00.000Z",
              "modified": "2026-11-01T00:00:00.000Z", "pattern": "[domain-name:value = '\(domain)']", "pattern_type": "stix",
              "valid_from": "2026-11-01T00:00:00.000Z"\(marks(marking)) }
            """
        }
        let (clear, red) = ("94868c89-83c2-464b-929b-a1a8aa3c8487", "e828b379-4e03-4974-9ac4-e53a884c97c1")
        let bundle = """
            { "type": "bundle", "id": "bundle--\(UUID().uuidString.lowercased())", "objects": [
            \(indicator("amber1.example", "f88d31f6-486f-44da-b317-01333bde0b82")),
            \(indicator("clear.example", clear)),
            \(indicator("red2.example", red)),
            \(indicator("unmarked.example", nil)), \(indicator("unmarked.example", clear)),
            \(indicator("observed.example", clear)),
            { "type": "domain-name", "spec_version": "2.1", "id": "domain-name--\(UUID().uuidString.lowercased())", "value": "observed.example"\(marks(red)) } ] }
            """
        try bundle.write(toFile: ws.root + "/marked.stix.json", atomically: true, encoding: .utf8)
        let refused = try Command.run(["import", "vpn-bruteforce-2026", "marked.stix.json"], in: ws.root)
        #expect(refused.status == 1 && refused.stderr.contains("marked.stix.json is marked TLP:RED and vpn-bruteforce-2026 is public"), "\(refused.stderr)")
        let kept = try Command.run(["import", "vpn-bruteforce-2026", "marked.stix.json", "--private"], in: ws.root)
        #expect(kept.status == 0, "\(kept.stderr)")
        let indicators = try #require(WorkspaceLoader.load(root: ws.root).workspace.project("vpn-bruteforce-2026")).indicators
        func tags(_ value: String) -> [String]? { indicators.first { $0.value == value }?.tags }
        #expect(tags("amber1.example") == ["tlp:amber"] && tags("clear.example") == [] && tags("red2.example") == ["tlp:red"]
            && tags("unmarked.example") == ["tlp:red"] && tags("observed.example") == ["tlp:red"],
            "\(indicators.filter { $0.value.hasSuffix("1.example") || $0.value.hasSuffix("2.example") || $0.value == "clear.example" })")
    }

    @Test(arguments: ExportFormat.allCases)
    func exportWritesWhatTheLibraryExports(_ format: ExportFormat) throws {
        let ws = try SampleWorkspace()
        let run = try Command.run(["export", "commodity-loader-c2", "--format", format.rawValue, "-o", "out.\(format.rawValue)"], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        let loaded = WorkspaceLoader.load(root: ws.root)
        let view = AudienceFilter.view(of: loaded.workspace, for: .public)
        let expected = Exporter.export(try #require(view.project("commodity-loader-c2")), in: view, for: .public, format: format)
        #expect(try TestFiles.bytes(ws.root + "/out.\(format.rawValue)") == expected)
        let stdout = try Command.run(["export", "commodity-loader-c2", "--format", format.rawValue], in: ws.root)
        #expect(Array(stdout.stdout.utf8) == expected)
    }

    @Test func exportedSTIXImportsIntoAnotherProject() throws {
        let ws = try SampleWorkspace()
        _ = try Command.run(["export", "vpn-bruteforce-2026", "--format", "stix", "-o", "vpn.stix.json"], in: ws.root)
        let run = try Command.run(["import", "commodity-loader-c2", "vpn.stix.json"], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("vpn.stix.json (stix): "))
        #expect(run.stdout.contains("not representable: 1 × identity object"))
        // Each indicator's observable (a CVE's vulnerability object) restates its value: no repeat.
        #expect(!run.stdout.contains("repeated"), "\(run.stdout)")
        // Imported back into its own project, it changes nothing: no note restating its report.
        let notes = ws.files("vpn-bruteforce-2026/notes")
        let back = try Command.run(["import", "vpn-bruteforce-2026", "vpn.stix.json"], in: ws.root)
        #expect(back.status == 0 && back.stdout.contains("nothing was written"), "\(back.stdout)")
        #expect(ws.files("vpn-bruteforce-2026/notes") == notes)
    }

    @Test("importing another project's export, which says unknown, keeps a recorded classification", arguments: ["misp", "csv", "json", "stix"])
    func importedUnknownKeepsClassification(_ format: String) throws {
        let ws = try SampleWorkspace()
        for command in [["new", "ca"], ["new", "cb"], ["add", "ca", "shared.example"],
                        ["add", "cb", "shared.example", "--classify", "malicious", "--tag", "Blocked"],
                        ["export", "ca", "--format", format, "--internal", "-o", "ca.export"]] {
            let run = try Command.run(command, in: ws.root)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        let run = try Command.run(["import", "cb", "ca.export", "--verbose"], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("classification malicious → unknown"), "\(run.stdout)")
        let recorded = WorkspaceLoader.load(root: ws.root).workspace.project("cb")?.indicators.first { $0.value == "shared.example" }
        #expect(recorded?.classification == .malicious)
        // The user's own --classify unknown still applies.
        let forced = try Command.run(["import", "cb", "ca.export", "--classify", "unknown", "--verbose"], in: ws.root)
        #expect(forced.stdout.contains("classification malicious → unknown"), "\(forced.stdout)")
    }

    @Test("MISP's restrictions reach no public site: local tags (event, attribute, galaxy cluster) stay off public indicators and project tags; an event of distribution 0 or tagged PAP:RED, or titled TLP:RED, keeps its values and tags private; a text attribute tagged private makes the import's note private")
    func mispRestrictionsStayOut() throws {
        let ws = try SampleWorkspace()
        let files = try TemporaryFolder()
        let local = try files.write("local.json", Array(#"""
            {"Event": {"info": "Loader", "distribution": "3", "Tag": [{"name": "tlp:clear"}, {"name": "customer:CanaryOne", "local": true}, {"name": "kill-chain:delivery"}],
             "Attribute": [{"type": "ip-dst", "value": "198.51.100.201", "Tag": [{"name": "victim:CanaryTwo", "local": 1}, {"name": "C2"}]},
              {"type": "domain", "value": "gal.example", "Galaxy": [{"GalaxyCluster": [{"tag_name": "misp-galaxy:tool=\"CanaryThree\"", "distribution": "0"}]}]}]}}
            """#.utf8))
        let run = try Command.run(["import", "vpn-bruteforce-2026", local], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("MISP local tags (shared with no other instance) left off the indicators of public project vpn-bruteforce-2026: victim:CanaryTwo, misp-galaxy:tool=\"CanaryThree\"; import with --private, or into a private project, to keep them"), "\(run.stderr)")
        // A private project's indicators that are not private are left without them too.
        #expect(try Command.run(["new", "local-private"], in: ws.root).status == 0)
        let privately = try Command.run(["import", "local-private", local], in: ws.root)
        #expect(privately.stderr.contains("left off the indicators of local-private that are not private (a project made public later would publish them): victim:CanaryTwo"), "\(privately.stderr)")
        #expect(!ws.read("local-private/indicators.json").contains("Canary"))
        // The local event tag is kept by no indicator: none of the file's is private.
        #expect(run.stdout.contains("no private indicator of the file carries them (import with --private, or into a private project, to keep them): customer:CanaryOne"), "\(run.stdout)")
        let project = try #require(WorkspaceLoader.load(root: ws.root).workspace.project("vpn-bruteforce-2026"))
        #expect(project.tags.contains("kill-chain:delivery") && !project.tags.contains("customer:CanaryOne"), "\(project.tags)")
        #expect(project.indicators.first { $0.value == "198.51.100.201" }?.tags == ["C2"])
        for (n, event) in [#"{"Event": {"info": "Org only", "distribution": "0", "Tag": [{"name": "target:CanaryFive"}], "Attribute": [{"type": "domain", "value": "org-only.example"}]}}"#,
                           #"{"Event": {"info": "Watched", "Tag": [{"name": "PAP:RED"}], "Attribute": [{"type": "domain", "value": "pap-red.example"}]}}"#,
                           #"{"Event": {"info": "Remarks", "Attribute": [{"type": "domain", "value": "remarked.example"}, {"type": "text", "value": "Analyst remark: CanaryFour", "Tag": [{"name": "do-not-publish"}]}]}}"#].enumerated() {
            let file = try files.write("event\(n).json", Array(event.utf8))
            let imported = try Command.run(["import", "vpn-bruteforce-2026", file], in: ws.root)
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        let titled = try files.write("titled.json", Array(#"{"Event": {"info": "TLP:RED - Acme breach", "Attribute": [{"type": "domain", "value": "breach.example"}]}}"#.utf8))
        let refused = try Command.run(["import", "vpn-bruteforce-2026", titled], in: ws.root)
        #expect(refused.status == 1 && refused.stderr.contains("TLP:RED"), "\(refused.stderr)")
        let after = try #require(WorkspaceLoader.load(root: ws.root).workspace.project("vpn-bruteforce-2026"))
        #expect(after.indicators.filter { ["org-only.example", "pap-red.example"].contains($0.value) }.map(\.isPrivate) == [true, true])
        #expect(after.indicators.first { $0.value == "org-only.example" }?.tags.contains("target:CanaryFive") == true)
        let site = ws.root + "/public-site"
        let build = try Command.run(["build", "--out", site], in: ws.root)
        #expect(build.status == 0, "\(build.stderr)")
        let leaked = try ProcessRunner.run("/usr/bin/env", ["grep", "-rlE", "Canary(One|Two|Three|Four|Five)|org-only|pap-red", site])
        #expect(leaked.status == 1, "\(leaked.stdout)")
    }

    @Test("a public project takes no project tag of restricted data (the tags of a TLP:RED event imported --private are published with the project); its private indicators carry them, off the public site")
    func restrictedFileTagsStayOut() throws {
        let ws = try SampleWorkspace()
        let files = try TemporaryFolder()
        let red = try files.write("red.json", Array(#"{"Event": {"info": "x", "Tag": [{"name": "tlp:red"}, {"name": "target:SecretCustomer"}], "Attribute": [{"type": "domain", "value": "red.example"}]}}"#.utf8))
        let run = try Command.run(["import", "vpn-bruteforce-2026", red, "--private"], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("project tags of the restricted data not added, as the project is public; its private indicators have them: target:SecretCustomer"), "\(run.stdout)")
        let project = WorkspaceLoader.load(root: ws.root).workspace.project("vpn-bruteforce-2026")
        #expect(project?.tags.contains("target:SecretCustomer") == false)
        let imported = project?.indicators.first { $0.value == "red.example" }
        #expect(imported?.isPrivate == true && imported?.tags.contains("target:SecretCustomer") == true, "\(String(describing: imported))")
        let site = ws.root + "/public-site"
        #expect(try Command.run(["build", "--out", site], in: ws.root).status == 0)
        #expect(try ProcessRunner.run("/usr/bin/env", ["grep", "-rl", "SecretCustomer", site]).status == 1)
    }

    @Test("a value given twice, in one file or in two, is counted as repeated; a second comment that was not taken is a warning, with its line")
    func repeatedValuesAreCountedAndTheirConflictsSaid() throws {
        let ws = try SampleWorkspace()
        let files = try TemporaryFolder()
        let first = try files.write("first.csv", Array("value,type,comment\ndrop-a.example,domain,Phishing kit host\ndrop-b.example,domain,\nDROP-A.example,domain,Seen in the spam run\n".utf8))
        let second = try files.write("second.csv", Array("value,type,source\ndrop-b.example,domain,feed\ndrop-a.example,domain,feed\n".utf8))
        let run = try Command.run(["import", "vpn-bruteforce-2026", first, second], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("vpn-bruteforce-2026: 2 added, 0 merged, 0 unchanged, 3 repeated in the input, 0 skipped"), "\(run.stdout)")
        #expect(run.stderr.contains(#"first.csv:4:1: warning: domain drop-a.example is given again: comment "Seen in the spam run" ignored; kept "Phishing kit host""#), "\(run.stderr)")
        let imported = try #require(WorkspaceLoader.load(root: ws.root).workspace.project("vpn-bruteforce-2026")?.indicators.first { $0.value == "drop-a.example" })
        #expect(imported.comment == "Phishing kit host" && imported.source == "feed")
        // Recorded now: given twice again, in one file or in two, still repeats. Prose names a host as
        // often as it speaks of it: no repeat.
        let again = try Command.run(["import", "vpn-bruteforce-2026", first, "--dry-run"], in: ws.root)
        #expect(again.stdout.contains("0 to add, 0 to merge, 2 unchanged, 1 repeated in the input"), "\(again.stdout)")
        let twice = try Command.run(["add", "vpn-bruteforce-2026", "drop-b.example", "drop-b.example"], in: ws.root)
        #expect(twice.stdout.contains("0 added, 0 merged, 1 unchanged, 1 repeated in the input"), "\(twice.stdout)")
        let prose = try files.write("post.txt", Array("The kit at drop-c.example posts to drop-c.example/gate.php; drop-c.example again.\n".utf8))
        let read = try Command.run(["import", "vpn-bruteforce-2026", prose, "--dry-run"], in: ws.root)
        #expect(read.stdout.contains("1 to add, 0 to merge, 0 unchanged, 0 skipped"), "\(read.stdout)")
    }

    @Test("data imported private with its marking into a public project keeps the marking in internal outputs: the export's TLP, the report's banner")
    func markedDataKeepsItsTLP() throws {
        let ws = try SampleWorkspace()
        let files = try TemporaryFolder()
        let csv = try files.write("red.csv", Array("value,type,tags\nred-drop.example,domain,tlp:red\n".utf8))
        #expect(try Command.run(["import", "vpn-bruteforce-2026", csv, "--private"], in: ws.root).status == 0)
        let stix = try Command.run(["export", "vpn-bruteforce-2026", "--format", "stix", "--internal"], in: ws.root)
        #expect(stix.stdout.contains(#""name": "TLP:RED""#), "the bundle is marked TLP:RED")
        let misp = try Command.run(["export", "vpn-bruteforce-2026", "--format", "misp", "--internal"], in: ws.root)
        #expect(misp.stdout.contains(#""name": "tlp:red""#))
        #expect(try Command.run(["report", "vpn-bruteforce-2026", "--internal", "--format", "md", "-o", "report.md"], in: ws.root).status == 0)
        let report = (try? String(contentsOfFile: ws.root + "/report.md", encoding: .utf8)) ?? ""
        #expect(report.contains("**TLP:RED**"), "\(report.prefix(300))")
        // The public outputs hold no such indicator, and keep the project's TLP.
        let published = try Command.run(["export", "vpn-bruteforce-2026", "--format", "stix"], in: ws.root)
        #expect(!published.stdout.contains("red-drop") && !published.stdout.contains(#""name": "TLP:RED""#))
    }

    @Test("an internal dossier JSON export keeps the indicators' unknown fields, and its import puts them back as they were")
    func jsonKeepsUnknownFields() throws {
        let ws = try SampleWorkspace()
        let path = ws.root + "/typosquat-watch/indicators.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let marked = text.replacingOccurrences(of: #""value": "192.0.2.33","#,
            with: #""value": "192.0.2.33", "x-ticket": "INC-1", "confidence": { "b": 1, "a": 2 },"#)
        try #require(marked != text)
        try marked.write(toFile: path, atomically: true, encoding: .utf8)
        for command in [["export", "typosquat-watch", "--format", "json", "--internal", "-o", "t.json"], ["new", "back"], ["import", "back", "t.json"]] {
            let run = try Command.run(command, in: ws.root)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        let back = WorkspaceLoader.load(root: ws.root).workspace.project("back")?.indicators.first { $0.value == "192.0.2.33" }
        #expect(back?.extra.map(\.key) == ["confidence", "x-ticket"], "unknown keys in canonical order")
        #expect(back?.extra.first?.value.value.objectValue?.keys == ["b", "a"], "an unknown value as written")
    }

    @Test("a dossier JSON export carries the images its notes show (a public one only a public note's), and its import writes each back where the notes show it from, once, never over another file")
    func jsonExportImages() throws {
        let ws = try SampleWorkspace()
        let image = "notes/images/sinkhole-connections.png"
        let bytes = try #require(FileManager.default.contents(atPath: ws.root + "/commodity-loader-c2/" + image))
        // Shown by reference (`![description][chart]`), as inline.
        let sinkhole = ws.root + "/commodity-loader-c2/notes/03-sinkhole.md"
        let inline = try String(contentsOfFile: sinkhole, encoding: .utf8)
        let byReference = inline.replacingOccurrences(of: "](images/sinkhole-connections.png)", with: "][chart]\n\n[chart]: images/sinkhole-connections.png")
        try #require(byReference != inline)
        try byReference.write(toFile: sinkhole, atomically: true, encoding: .utf8)
        // A private note's image stays out of the public export.
        try Data(TestImages.png(shade: 7)).write(to: URL(fileURLWithPath: ws.root + "/commodity-loader-c2/notes/secret.png"))
        try "---\nvisibility: private\n---\n# Kept\n\n![ours](secret.png)\n".write(toFile: ws.root + "/commodity-loader-c2/notes/09-kept.md", atomically: true, encoding: .utf8)
        // An image's metadata: in the internal export, which gives the file back as it was; not in the public one.
        let tagged = TestImages.jpeg(exif: "SECRETMARK")
        try Data(tagged).write(to: URL(fileURLWithPath: ws.root + "/commodity-loader-c2/notes/images/tagged.jpg"))
        try (byReference + "\n![tagged](images/tagged.jpg)\n").write(toFile: sinkhole, atomically: true, encoding: .utf8)
        for (audience, files) in [([String](), [image, "notes/images/tagged.jpg"]), (["--internal"], [image, "notes/images/tagged.jpg", "notes/secret.png"])] {
            let run = try Command.run(["export", "commodity-loader-c2", "--format", "json"] + audience, in: ws.root)
            let images = try #require(try JSONParser.parse(Array(run.stdout.utf8)).value.objectValue?["images"]?.value.arrayValue)
            #expect(images.compactMap { $0.value.objectValue?.string("file") } == files, "\(audience)")
            #expect(images.first?.value.objectValue?.string("base64") == bytes.base64EncodedString())
            let carried = images.dropFirst().first?.value.objectValue?.string("base64").flatMap { Data(base64Encoded: $0) }
            #expect(carried.map { ($0.range(of: Data("SECRETMARK".utf8)) != nil) == !audience.isEmpty && ($0 == Data(tagged)) == !audience.isEmpty } == true, "\(audience)")
        }
        try byReference.write(toFile: sinkhole, atomically: true, encoding: .utf8)
        #expect(try Command.run(["export", "commodity-loader-c2", "--format", "json", "-o", "c.json"], in: ws.root).status == 0)
        #expect(try Command.run(["new", "back"], in: ws.root).status == 0)
        let first = try Command.run(["import", "back", "c.json"], in: ws.root)
        #expect(first.status == 0 && first.stdout.contains(", 1 image") && first.stdout.contains("wrote back/\(image)"), "\(first.stdout)\(first.stderr)")
        #expect(FileManager.default.contents(atPath: ws.root + "/back/" + image) == bytes)
        let check = try Command.run(["check"], in: ws.root)
        #expect(check.status == 0 && !check.stderr.contains("back/notes"), "\(check.stderr)")
        #expect(try Command.run(["import", "back", "c.json"], in: ws.root).stdout.contains("1 image already present"))
        // Another file at its path stays as it is, and that is said.
        try Data(TestImages.png(shade: 1)).write(to: URL(fileURLWithPath: ws.root + "/back/" + image))
        let other = try Command.run(["import", "back", "c.json"], in: ws.root)
        #expect(other.stderr.contains("warning: image back/\(image): the project has another file there"), "\(other.stderr)")
        #expect(FileManager.default.contents(atPath: ws.root + "/back/" + image) == Data(TestImages.png(shade: 1)))
        // Into a project with another file there, a new note would show that file: refused, and
        // nothing is written.
        #expect(try Command.run(["new", "fresh"], in: ws.root).status == 0)
        try FileManager.default.createDirectory(atPath: ws.root + "/fresh/notes/images", withIntermediateDirectories: true)
        try Data(TestImages.png(shade: 2)).write(to: URL(fileURLWithPath: ws.root + "/fresh/" + image))
        let indicators = ws.read("fresh/indicators.json")
        let refused = try Command.run(["import", "fresh", "c.json"], in: ws.root)
        #expect(refused.status == 1 && refused.stderr.contains("an imported note shows it") && refused.stderr.contains("nothing was imported"), "\(refused.stderr)")
        #expect(ws.read("fresh/indicators.json") == indicators)
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.root + "/fresh/notes").sorted() == ["01-overview.md", "images"])
    }

    @Test("an image a JSON file carries is written only as a plain path in the project, and only as an image: no climb, no hidden folder, no script, no link followed")
    func jsonImagesStayInTheProject() throws {
        let ws = try SampleWorkspace()
        let png = Data(TestImages.png(shade: 3)).base64EncodedString()
        let entries = [("../escape.png", png), (".git/x.png", png), ("notes/run.sh", png), ("/etc/x.png", png), ("notes/x.png", Data("<svg/>".utf8).base64EncodedString()),
                       ("notes/ok.png", png), ("notes/x.svg", png), ("notes/unshown.png", png),
                       ("notes/ok.png", Data(TestImages.png(shade: 4)).base64EncodedString())]
        let images = entries.map { #"{"file": "\#($0.0)", "base64": "\#($0.1)"}"# }.joined(separator: ",")
        // A note that shows each image but one, inline and by reference.
        func write(_ images: String, body: String, to file: String) throws {
            try #"{"project": {"title": "T"}, "indicators": [{"value": "safe.example", "type": "domain"}], "notes": [{"file": "05-shots.md", "body": "\#(body)"}], "images": [\#(images)]}"#
                .write(toFile: ws.root + "/" + file, atomically: true, encoding: .utf8)
        }
        try write(images, body: "![a](../../escape.png) ![b](../.git/x.png) ![c](run.sh) ![d](x.png) ![f][ok] ![g](x.svg)\\n\\n[ok]: ok.png\\n", to: "i.json")
        try FileManager.default.createSymbolicLink(atPath: ws.root + "/typosquat-watch/notes/linked", withDestinationPath: "../../commodity-loader-c2/notes")
        let run = try Command.run(["import", "typosquat-watch", "i.json", "--verbose"], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("8 skipped") && run.stdout.contains(", 1 image"), "\(run.stdout)")
        #expect(run.stdout.contains(#"skipped "notes/unshown.png": no note of the file shows it"#), "\(run.stdout)")
        #expect(run.stdout.contains(#"skipped "notes/ok.png": given again with other bytes; the first is kept"#), "\(run.stdout)")
        #expect(FileManager.default.contents(atPath: ws.root + "/typosquat-watch/notes/ok.png") == Data(base64Encoded: png))
        // Through a symbolic link, a new note's image is not written, and the note would show
        // what the link leads to: refused, nothing written.
        try write(#"{"file": "notes/linked/x.png", "base64": "\#(png)"}"#, body: "![e](linked/x.png)", to: "l.json")
        let linked = try Command.run(["import", "typosquat-watch", "l.json"], in: ws.root)
        #expect(linked.status == 1 && linked.stderr.contains("error: image typosquat-watch/notes/linked/x.png: typosquat-watch/notes/linked is no folder"), "\(linked.stderr)")
        // Refused before anything is said of the project: no note renamed, no tag added.
        #expect(!linked.stderr.contains("is written as") && !linked.stdout.contains("project tags"), "\(linked.stdout)\(linked.stderr)")
        // Two files that give one image with other bytes for new notes: one note would show the
        // other's image, so the import is refused, as against a file already there.
        let other = Data(TestImages.png(shade: 5)).base64EncodedString()
        try write(#"{"file": "notes/pair.png", "base64": "\#(png)"}"#, body: "![p](pair.png) first", to: "p1.json")
        try write(#"{"file": "notes/pair.png", "base64": "\#(other)"}"#, body: "![p](pair.png) second", to: "p2.json")
        let pair = try Command.run(["import", "typosquat-watch", "p1.json", "p2.json"], in: ws.root)
        #expect(pair.status == 1 && pair.stderr.contains("error: image typosquat-watch/notes/pair.png: another file imported gives it with other bytes"),
            "\(pair.stdout)\(pair.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ws.root + "/typosquat-watch/notes/pair.png"))
        // One by one, the first comes in, and the second is refused against it.
        #expect(try Command.run(["import", "typosquat-watch", "p1.json"], in: ws.root).status == 0)
        #expect(try Command.run(["import", "typosquat-watch", "p2.json"], in: ws.root).status == 1)
        #expect(FileManager.default.contents(atPath: ws.root + "/typosquat-watch/notes/pair.png") == Data(base64Encoded: png))
        for path in ["escape.png", "typosquat-watch/.git", "typosquat-watch/notes/run.sh", "typosquat-watch/notes/x.png", "commodity-loader-c2/notes/x.png",
                     "typosquat-watch/notes/x.svg", "typosquat-watch/notes/unshown.png"] {
            #expect(!FileManager.default.fileExists(atPath: ws.root + "/" + path), "\(path)")
        }
    }

    @Test("an import that leaves check an error (a public comment of the file writing a value it keeps private) is written, and says so where check will")
    func importSaysWhatCheckWillFind() throws {
        let ws = try SampleWorkspace()
        #expect(try Command.run(["new", "mention", "--public"], in: ws.root).status == 0)
        let event = #"{"Event": {"info": "x", "Tag": [{"name": "tlp:clear"}], "Attribute": [{"type": "domain", "value": "pubc2.example", "distribution": "5", "comment": "resolves to 203.0.113.200"}, {"type": "ip-dst", "value": "203.0.113.200", "distribution": "0"}]}}"#
        try event.write(toFile: ws.root + "/m.json", atomically: true, encoding: .utf8)
        let dry = try Command.run(["import", "mention", "m.json", "--dry-run"], in: ws.root)
        #expect(dry.status == 0 && dry.stderr.contains("warning: once imported, `dossier check` would then find the error above"), "\(dry.stderr)")
        let run = try Command.run(["import", "mention", "m.json"], in: ws.root)
        #expect(run.status == 0 && run.stdout.contains("mention: 2 added"), "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("error: ipv4 203.0.113.200 is recorded as private, but the comment of pubc2.example is public"), "\(run.stderr)")
        #expect(run.stderr.contains("warning: imported, but `dossier check` now finds the error above, and public builds and exports stop until it is settled"), "\(run.stderr)")
        let check = try Command.run(["check"], in: ws.root)
        #expect(check.status == 1 && (check.stdout + check.stderr).contains("is recorded as private, but the comment of pubc2.example is public"), "\(check.stdout)")
        // A clean import says nothing of the kind.
        #expect(try Command.run(["new", "quiet", "--public"], in: ws.root).status == 0)
        try #"{"Event": {"info": "y", "Tag": [{"name": "tlp:clear"}], "Attribute": [{"type": "domain", "value": "fine.example"}]}}"#.write(toFile: ws.root + "/q.json", atomically: true, encoding: .utf8)
        let quiet = try Command.run(["import", "quiet", "q.json"], in: ws.root)
        #expect(quiet.status == 0 && !quiet.stderr.contains("now finds"), "\(quiet.stderr)")
    }

    @Test("a dossier JSON export's notes are imported as notes, each once, private when the note or the file is")
    func jsonExportNotesImport() throws {
        let ws = try SampleWorkspace()
        for command in [["export", "commodity-loader-c2", "--format", "json", "--internal", "-o", "c.json"], ["new", "back"],
                        ["export", "acme-payroll-phish", "--format", "json", "--internal", "-o", "a.json"], ["new", "open", "--public"]] {
            let run = try Command.run(command, in: ws.root)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        // Without the starter notes of `new`, which take the first file name.
        for project in ["back", "open"] { try FileManager.default.removeItem(atPath: ws.root + "/\(project)/notes/01-overview.md") }
        let first = try Command.run(["import", "back", "c.json"], in: ws.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(", 4 notes"), "\(first.stdout)")
        let again = try Command.run(["import", "back", "c.json"], in: ws.root)
        #expect(again.stdout.contains("4 notes already present"), "\(again.stdout)")
        // A note edited since is not taken for the export's: the export's comes in beside it, and that is said.
        let edited = ws.root + "/back/notes/03-sinkhole.md"
        try (String(contentsOfFile: edited, encoding: .utf8) + "\nLocal addition.\n").write(toFile: edited, atomically: true, encoding: .utf8)
        let third = try Command.run(["import", "back", "c.json"], in: ws.root)
        #expect(third.stderr.contains("warning: the project has a note 03-sinkhole.md with other text (edited since, or another note); this one is written as 03-sinkhole-2.md"), "\(third.stderr)")
        try FileManager.default.removeItem(atPath: ws.root + "/back/notes/03-sinkhole-2.md")
        try (String(contentsOfFile: edited, encoding: .utf8).replacingOccurrences(of: "\nLocal addition.\n", with: "")).write(toFile: edited, atomically: true, encoding: .utf8)
        let loaded = WorkspaceLoader.load(root: ws.root).workspace
        let original = try #require(loaded.project("commodity-loader-c2")).notes
        let back = try #require(loaded.project("back")).notes
        #expect(back.map(\.fileName) == original.map(\.fileName))
        #expect(back.map(\.visibility) == original.map(\.visibility))
        #expect(back.map(\.title) == original.map(\.title) && back.map(\.author) == original.map(\.author))
        #expect(back.map { $0.body.trimmingCharacters(in: .whitespacesAndNewlines) } == original.map { $0.body.trimmingCharacters(in: .whitespacesAndNewlines) })
        // A private project's notes come into a public one private (with --private, as its marked data must).
        let open = try Command.run(["import", "open", "a.json", "--private"], in: ws.root)
        #expect(open.status == 0, "\(open.stderr)")
        let published = AudienceFilter.view(of: WorkspaceLoader.load(root: ws.root).workspace, for: .public).project("open")
        #expect(published?.notes.isEmpty == true)
        #expect(WorkspaceLoader.load(root: ws.root).workspace.project("open")?.notes.count == 4)
        #expect(try Command.run(["check"], in: ws.root).status == 0)
    }

    @Test("a MISP event's reports come in numbered after the project's own notes, in the event's order; imported again, they are present, a heading that repeats a report's name too")
    func eventReportsNumberedAfterTheNotes() throws {
        let ws = try SampleWorkspace()
        let event = ##"{"Event": {"info": "Loader wave", "Attribute": [{"type": "ip-dst", "value": "198.51.100.77", "comment": "x"}, {"type": "btc", "value": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"}], "EventReport": [{"name": "Kit analysis", "content": "# Kit\n\nThe kit."}, {"name": "Timeline", "content": "# Timeline\n\nDay one."}]}}"##
        try event.write(toFile: ws.root + "/wave.json", atomically: true, encoding: .utf8)
        let run = try Command.run(["import", "commodity-loader-c2", "wave.json"], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        let notes = try FileManager.default.contentsOfDirectory(atPath: ws.root + "/commodity-loader-c2/notes").filter { $0.hasSuffix(".md") }.sorted()
        #expect(notes == ["01-overview.md", "02-c2-protocol.md", "03-sinkhole.md", "04-internal-sightings.md", "05-kit-analysis.md", "06-timeline.md"], "\(notes)")
        // A report whose heading repeats its name (the note's title) is the note all the same.
        let again = try Command.run(["import", "commodity-loader-c2", "wave.json"], in: ws.root)
        #expect(again.status == 0 && again.stdout.contains("2 notes already present"), "\(again.stdout)")
        // What a note exports is its text as written, its leading heading with it.
        let exported = try Command.run(["export", "commodity-loader-c2", "--format", "misp", "--internal"], in: ws.root)
        #expect(exported.stdout.contains(##""content": "# Timeline\n\nDay one.\n""##), "\(exported.stdout.suffix(600))")
        // The same event in two files of one import: its reports once. A report edited since is
        // written beside the note, and said; a name's `/` is no folder.
        try event.write(toFile: ws.root + "/copy.json", atomically: true, encoding: .utf8)
        let edited = event.replacingOccurrences(of: "Day one.", with: "Day one and two.").replacingOccurrences(of: "Kit analysis", with: "C2 / exfiltration")
            .replacingOccurrences(of: "The kit.", with: "The kit, again.")
        try edited.write(toFile: ws.root + "/edited.json", atomically: true, encoding: .utf8)
        let both = try Command.run(["import", "typosquat-watch", "wave.json", "copy.json"], in: ws.root)
        #expect(both.status == 0 && both.stdout.contains("2 notes already present"), "\(both.stdout)")
        let later = try Command.run(["import", "commodity-loader-c2", "edited.json"], in: ws.root)
        #expect(later.stderr.contains("warning: the project has a note 06-timeline.md with other text (edited since, or another note); this one is written as 08-timeline.md"), "\(later.stderr)")
        #expect(FileManager.default.fileExists(atPath: ws.root + "/commodity-loader-c2/notes/07-c2-exfiltration.md"), "\(later.stdout)")
    }

    @Test("a carried note's file name is made safe: no path, no hidden file, .md at the end")
    func safeNoteNames() {
        #expect(ProjectFiles.safeNoteName("../../etc/passwd") == "passwd.md")
        #expect(ProjectFiles.safeNoteName("a/b\\..\\.hidden.md") == "hidden.md")
        #expect(ProjectFiles.safeNoteName("03 C2 protocol (v2).MD") == "03-C2-protocol--v2-.md")
        #expect(ProjectFiles.safeNoteName("..") == "" && ProjectFiles.safeNoteName("/") == "")
        #expect(ProjectFiles.safeNoteName(String(repeating: "a", count: 300) + ".md") == String(repeating: "a", count: 120) + ".md")
    }

    @Test("a file that brings nothing (markings alone) leaves the project's TLP as it is")
    func markingsAloneRaiseNothing() throws {
        let ws = try SampleWorkspace()
        #expect(try Command.run(["new", "m1"], in: ws.root).status == 0)
        let run = try Command.run(["import", "m1", TestFiles.fixtures + "/stix2/interop-objectmarking-test.json"], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("TLP raised"), "\(run.stdout)")
        #expect(WorkspaceLoader.load(root: ws.root).workspace.project("m1")?.tlp == .amber)
    }

    @Test("a text marked TLP:AMBER is marked data: a public project refuses it, a private one takes its TLP")
    func textTLPLabel() throws {
        let ws = try SampleWorkspace()
        let files = try TemporaryFolder()
        let text = try files.write("mail.txt", Array("From the partner, TLP: AMBER+STRICT.\nThe kit calls tr6[.]example.\n".utf8))
        let refused = try Command.run(["import", "vpn-bruteforce-2026", text], in: ws.root)
        #expect(refused.status == 1 && refused.stderr.contains("marked TLP:AMBER+STRICT"), "\(refused.stderr)")
        #expect(try Command.run(["new", "partner"], in: ws.root).status == 0)
        let taken = try Command.run(["import", "partner", text], in: ws.root)
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(WorkspaceLoader.load(root: ws.root).workspace.project("partner")?.tlp == .amberStrict)
    }

    @Test("importing an export leaves implied classifications implied: tags that imply one, or unknown where none does", arguments: ["misp", "csv", "json", "stix"])
    func importedClassificationStaysImplied(_ format: String) throws {
        let ws = try SampleWorkspace()
        for command in [["new", "ca"], ["new", "cb"], ["add", "ca", "blocked.example", "--tag", "Blocked"], ["add", "ca", "plain.example"],
                        ["add", "ca", "stated.example", "--tag", "Blocked", "--classify", "suspicious"],
                        ["export", "ca", "--format", format, "--internal", "-o", "ca.export"], ["import", "cb", "ca.export"]] {
            let run = try Command.run(command, in: ws.root)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        let project = WorkspaceLoader.load(root: ws.root).workspace.project("cb")
        func classification(_ value: String) -> Classification?? { project?.indicators.first { $0.value == value }.map(\.classification) }
        #expect(classification("blocked.example") == .some(nil), "implied by Blocked, as in ca")
        #expect(classification("plain.example") == .some(nil), "no verdict, as in ca")
        #expect(classification("stated.example") == .some(.suspicious), "stated in ca, against its tag")
    }

    @Test("a public project takes restricted data (MISP event distribution 0, a tlp:amber CSV row, an analyst-only PassiveTotal project) only as private indicators, and says so")
    func restrictedDataStaysPrivateInPublicProjects() throws {
        let ws = try SampleWorkspace()
        let files = try TemporaryFolder()
        let inputs = [
            try files.write("event.json", Array(#"{"Event": {"info": "x", "distribution": "0", "Attribute": [{"type": "domain", "value": "secret-a.example", "distribution": "5"}]}}"#.utf8)),
            try files.write("misp.csv", Array("uuid,event_id,category,type,value,comment,to_ids,date,attribute_tag\n1,1,Network activity,domain,secret-b.example,,1,20260101,tlp:amber\n".utf8)),
            try files.write("pt.json", Array(#"{"visibility": "analyst", "artifacts": [{"query": "secret-c.example", "type": "domain"}]}"#.utf8)),
        ]
        let run = try Command.run(["import", "vpn-bruteforce-2026"] + inputs, in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["event.json (misp)", "misp.csv (csv)", "pt.json (passivetotal)"] {
            #expect(run.stdout.contains("\(name): 1 indicator, 1 kept private as the file marks them"), "\(run.stdout)")
        }
        let loaded = WorkspaceLoader.load(root: ws.root).workspace
        let secrets = ["secret-a.example", "secret-b.example", "secret-c.example"]
        #expect(try #require(loaded.project("vpn-bruteforce-2026")).indicators.filter { secrets.contains($0.value) }.count == 3)
        let view = AudienceFilter.view(of: loaded, for: .public)
        #expect(try #require(view.project("vpn-bruteforce-2026")).indicators.allSatisfy { !secrets.contains($0.value) })
    }

    @Test("marked data keeps its marking as a tag in a private project of its own level, so that an internal export marks it so once the project's TLP is lowered; a comment's level holds for a value private already")
    func markedDataKeepsItsMarking() throws {
        let ws = try SampleWorkspace()
        #expect(try Command.run(["new", "partner", "--tlp", "amber"], in: ws.root).status == 0)
        let files = try TemporaryFolder()
        let event = try files.write("amber.json", Array(#"""
            {"Event": {"info": "p", "Tag": [{"name": "tlp:amber"}], "Attribute": [
              {"type": "domain", "value": "c3.example"},
              {"type": "domain", "value": "org-only.example", "distribution": "0", "comment": "from a TLP:RED partner report"}]}}
            """#.utf8))
        #expect(try Command.run(["import", "partner", event], in: ws.root).status == 0)
        let indicators = ws.read("partner/indicators.json")
        #expect(indicators.contains("\"tlp:amber\"") && indicators.contains("\"tlp:red\""), "\(indicators)")
        let projectFile = ws.root + "/partner/project.json"
        try ws.read("partner/project.json").replacingOccurrences(of: "\"amber\"", with: "\"green\"").write(toFile: projectFile, atomically: true, encoding: .utf8)
        let export = try Command.run(["export", "partner", "--format", "csv", "--internal"], in: ws.root)
        let rows = export.stdout.split(whereSeparator: \.isNewline)
        #expect(rows.contains { $0.hasPrefix("c3.example,") && $0.hasSuffix(",amber") }, "\(export.stdout)")
        #expect(rows.contains { $0.hasPrefix("org-only.example,") && $0.hasSuffix(",red") }, "\(export.stdout)")
    }

    @Test("a file marked with a stricter TLP raises a private project's TLP, keeping every other field of project.json; a laxer one never lowers it")
    func fileTLPRaisesTheProjects() throws {
        let ws = try SampleWorkspace()
        #expect(try Command.run(["new", "red"], in: ws.root).status == 0)
        // An unknown field, kept verbatim by the rewrite.
        let projectFile = ws.root + "/red/project.json"
        let written = ws.read("red/project.json")
        try Data(written.replacingOccurrences(of: "\n}\n", with: ",\n  \"x-ticket\": {\n    \"id\": 7,\n    \"queue\": \"CTI\"\n  }\n}\n").utf8)
            .write(to: URL(fileURLWithPath: projectFile))
        let before = ws.read("red/project.json")
        let files = try TemporaryFolder()
        let red = try files.write("red.json", Array(#"{"Event": {"info": "r", "Tag": [{"name": "tlp:red"}, {"name": "target:SecretCustomer"}], "Attribute": [{"type": "domain", "value": "red.example"}, {"type": "text", "value": "Victim: Jane Roe"}]}}"#.utf8))
        let run = try Command.run(["import", "red", red], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("red: TLP raised from TLP:AMBER to TLP:RED, as the imported file is marked"), "\(run.stdout)")
        #expect(run.stdout.contains("red: the data marked TLP:RED comes in private, and so does any note of the import: a project made public later does not publish them"), "\(run.stdout)")
        // The event's tags go on its private values, not on the project, whose tags say nothing
        // of where they came from.
        #expect(run.stdout.contains("red: project tags of the restricted data not added, as a project made public later would publish them; its private indicators have them: target:SecretCustomer"), "\(run.stdout)")
        let after = ws.read("red/project.json")
        #expect(after.contains("\"tlp\": \"red\"") && !after.contains("SecretCustomer"))
        #expect(ws.read("red/indicators.json").contains("\"target:SecretCustomer\""))
        #expect(after.contains("\"x-ticket\": {\n    \"id\": 7,\n    \"queue\": \"CTI\"\n  }"), "\(after)")
        let lines = { (text: String) in text.split(separator: "\n").filter { !$0.contains("\"tlp\"") && !$0.contains("\"updated\"") } }
        #expect(lines(after) == lines(before) && lines(after).count > 6, "\(after)")
        #expect(try Command.run(["check"], in: ws.root).status == 0)
        // A file marked TLP:GREEN never lowers it.
        let green = try files.write("green.json", Array(#"{"Event": {"info": "g", "Tag": [{"name": "tlp:green"}], "Attribute": [{"type": "domain", "value": "green.example"}]}}"#.utf8))
        let lower = try Command.run(["import", "red", green], in: ws.root)
        #expect(lower.status == 0 && !lower.stdout.contains("raised"), "\(lower.stdout)")
        #expect(ws.read("red/project.json").contains("\"tlp\": \"red\""))
        // The marked data and the import's notes came in private: a project made public later
        // (by hand, or by a git merge that took another side's project.json) does not publish them.
        try Data(ws.read("red/project.json").replacingOccurrences(of: "\"private\"", with: "\"public\"")
            .replacingOccurrences(of: "\"tlp\": \"red\"", with: "\"tlp\": \"clear\"").utf8).write(to: URL(fileURLWithPath: projectFile))
        #expect(try Command.run(["check"], in: ws.root).status == 0)
        let site = ws.root + "/published"
        #expect(try Command.run(["build", "--out", site], in: ws.root).status == 0)
        let published = try FileManager.default.subpathsOfDirectory(atPath: site).filter { $0.hasSuffix(".html") || $0.hasSuffix(".md") || $0.hasSuffix(".csv") || $0.hasSuffix(".json") }
            .map { (try? String(contentsOfFile: site + "/" + $0, encoding: .utf8)) ?? "" }.joined()
        #expect(!published.contains("red.example") && !published.contains("green.example") && !published.contains("Jane Roe") && !published.contains("SecretCustomer"),
            "the marked data, its note or its tags were published")
        // (The internal site shows both: the note and the data are there, kept private.)
        #expect(try Command.run(["build", "--internal", "--out", ws.root + "/internal"], in: ws.root).status == 0)
        let internalReport = try String(contentsOfFile: ws.root + "/internal/projects/red/index.html", encoding: .utf8)
        #expect(internalReport.contains("Jane Roe") && internalReport.contains("red[.]example"), "\(internalReport.prefix(300))")
    }

    @Test("a STIX indicator marked TLP:RED, whole or granular (its pattern), is refused by a public project, which stays TLP:CLEAR with --private")
    func stixMarkingsInPublicProjects() throws {
        let ws = try SampleWorkspace()
        let files = try TemporaryFolder()
        let bundle = try files.write("red.stix.json", Array(#"""
            {"type": "bundle", "id": "bundle--6b3ae5a2-2c62-4a34-9c2a-3f1c5b5e7d11", "objects": [
             {"type": "indicator", "spec_version": "2.1", "id": "indicator--2b3ae5a2-2c62-4a34-9c2a-3f1c5b5e7d11",
              "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z", "valid_from": "2026-01-01T00:00:00Z",
              "pattern": "[domain-name:value = 'red-b.example']", "pattern_type": "stix",
              "granular_markings": [{"marking_ref": "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "selectors": ["pattern"]}]}]}
            """#.utf8))
        let refused = try Command.run(["import", "vpn-bruteforce-2026", bundle], in: ws.root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("red.stix.json is marked TLP:RED and vpn-bruteforce-2026 is public"), "\(refused.stderr)")
        let kept = try Command.run(["import", "vpn-bruteforce-2026", bundle, "--private"], in: ws.root)
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(kept.stdout.contains("vpn-bruteforce-2026: stays TLP:CLEAR, as it is public; the data marked TLP:RED was imported private, tagged tlp:red"), "\(kept.stdout)")
        #expect(ws.read("vpn-bruteforce-2026/project.json").contains("\"tlp\": \"clear\""))
        #expect(try Command.run(["check"], in: ws.root).status == 0)
        // The data keeps its marking: an internal export is marked by it, a public one leaves it out.
        let project = try #require(WorkspaceLoader.load(root: ws.root).workspace.project("vpn-bruteforce-2026"))
        #expect(project.indicators.first { $0.value == "red-b.example" }?.tags == ["tlp:red"])
        let forTeam = try Command.run(["export", "vpn-bruteforce-2026", "--format", "stix", "--internal"], in: ws.root)
        let objects = try JSONParser.parse(forTeam.stdout).value.objectValue?.array("objects").compactMap(\.value.objectValue) ?? []
        let red = try #require(objects.first { $0.string("name") == "TLP:RED" }?.string("id"))
        #expect(objects.first { $0.string("name") == "red-b.example" }?.strings("object_marking_refs") == [red])
        #expect(objects.first { $0.string("type") == "report" }?.strings("object_marking_refs") != [red])
        let published = try Command.run(["export", "vpn-bruteforce-2026", "--format", "stix"], in: ws.root)
        #expect(published.stdout.contains(#""name": "TLP:CLEAR""#) && !published.stdout.contains("red-b.example"))
    }

    @Test("an import whose --classify contradicts what its --tag implies says so, as add does")
    func importWarnsOfContradictions() throws {
        let ws = try SampleWorkspace()
        let files = try TemporaryFolder()
        let list = try files.write("hosts.txt", Array("gate-1.example\ngate-2.example\n".utf8))
        let run = try Command.run(["import", "commodity-loader-c2", list, "--tag", "Blocked", "--classify", "non-malicious"], in: ws.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: domain gate-1.example is classified non-malicious but its tags imply malicious; the explicit classification wins"), "\(run.stderr)")
    }

    @Test("a row tagged with a TLP above CLEAR however written (tlp:red, TLP RED, Traffic Light Protocol: AMBER) is imported private")
    func rowMarkingsInAnyWording() throws {
        let ws = try SampleWorkspace()
        let rows = "value,tags\nred-1.example,tlp:red\nred-2.example,TLP RED\namber-3.example,Traffic Light Protocol: AMBER\nclear-4.example,TLP CLEAR\n"
        let run = try Command.run(["import", "commodity-loader-c2", "-", "--format", "csv"], in: ws.root, input: rows)
        #expect(run.status == 0, "\(run.stderr)")
        let project = try #require(WorkspaceLoader.load(root: ws.root).workspace.project("commodity-loader-c2"))
        let privacy = Dictionary(uniqueKeysWithValues: project.indicators.filter { $0.value.hasSuffix("-1.example") || $0.value.contains("-2.") || $0.value.contains("-3.") || $0.value.contains("-4.") }
            .map { ($0.value, $0.isPrivate) })
        #expect(privacy == ["red-1.example": true, "red-2.example": true, "amber-3.example": true, "clear-4.example": false], "\(privacy)")
    }

    @Test func helpTeachesWithExamples() throws {
        let ws = try SampleWorkspace()
        let importHelp = try Command.run(["import", "--help"], in: ws.root)
        #expect(importHelp.stdout.contains("--dry-run") && importHelp.stdout.contains("Examples:") && importHelp.stdout.contains("passivetotal"))
        let exportHelp = try Command.run(["export", "--help"], in: ws.root)
        #expect(exportHelp.stdout.contains("--internal") && exportHelp.stdout.contains("Examples:") && exportHelp.stdout.contains("stix"))
    }

    @Test("export --help says which internal exports carry sources and notes, as they do, and an import of each takes the source back")
    func helpSaysWhereSourcesGo() throws {
        let ws = try SampleWorkspace()
        let help = try Command.run(["export", "--help"], in: ws.root).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("and the sources (STIX as the description of each indicator's external reference \"dossier source\", MISP as a dossier:source=\"...\" tag, both read back by import; text has none), and JSON, STIX and MISP carry the notes (STIX as notes about the report, MISP as the event's reports; CSV and text have none)"), "\(help)")
        #expect(!help.contains("notes and sources included"))
        #expect(try Command.run(["add", "commodity-loader-c2", "sourced.example", "--source", "sandbox-run-42"], in: ws.root).status == 0)
        for (format, carries) in [("csv", true), ("json", true), ("stix", true), ("misp", true), ("text", false)] {
            let run = try Command.run(["export", "commodity-loader-c2", "--format", format, "--internal"], in: ws.root)
            #expect(run.status == 0 && run.stdout.contains("sourced.example"))
            #expect(run.stdout.contains("sandbox-run-42") == carries, "\(format)")
            // The notes: JSON's own, STIX's as notes, MISP's as the event's reports.
            #expect(run.stdout.contains("HollowPost is sold as a service") == ["json", "stix", "misp"].contains(format), "\(format)")
            // Imported into another project, the source comes with the value.
            if format != "text" {
                let file = ws.root + "/back.\(format)"
                try run.stdout.write(toFile: file, atomically: true, encoding: .utf8)
                let back = try Command.run(["import", "acme-payroll-phish", file, "--format", format == "json" ? "auto" : format], in: ws.root)
                #expect(back.status == 0, "\(format): \(back.stderr)")
                let project = try #require(WorkspaceLoader.load(root: ws.root).workspace.project("acme-payroll-phish"))
                #expect(project.indicators.first { $0.value == "sourced.example" }?.source == "sandbox-run-42", "\(format)")
                #expect(try Command.run(["remove", "acme-payroll-phish", "sourced.example"], in: ws.root).status == 0)
            }
        }
    }

    @Test("a tag written as dossier's source tag is refused by tag, add and import (imports read it as the source); a source with a line break is quoted on one line in import's warnings")
    func sourceTagsAreNoTags() throws {
        let ws = try SampleWorkspace()
        for arguments in [["tag", "commodity-loader-c2", "dossier:source=\"x\"", "--all"],
                          ["add", "commodity-loader-c2", "tagged.example", "--tag", "Dossier:Source=x"],
                          ["import", "commodity-loader-c2", "-", "--tag", "dossier:source"],
                          ["tag", "commodity-loader-c2", " Dossier : Source = \"x\"", "--all"],
                          ["add", "commodity-loader-c2", "tagged.example", "--tag", "dossier:\u{200B}source:x"]] {
            let run = try Command.run(arguments, in: ws.root, input: "one.example\n")
            #expect(run.status == 64 && run.stderr.contains("is how dossier's MISP export writes an indicator's source, not a tag"), "\(arguments): \(run.stderr)")
        }
        #expect(try Command.run(["add", "commodity-loader-c2", "sourced.example", "--source", "sandbox"], in: ws.root).status == 0)
        let csv = "value,source\nsourced.example,\"line one\nwarning: forged\"\n"
        let run = try Command.run(["import", "commodity-loader-c2", "-", "--format", "csv"], in: ws.root, input: csv)
        #expect(run.status == 0 && run.stderr.contains(#"source "line one\nwarning: forged" ignored; kept "sandbox""#), "\(run.stderr)")
        #expect(!run.stderr.split(separator: "\n").contains { $0.hasPrefix("warning: forged") })
    }

    @Test("export tells the format from -o's file name when --format is not given (as report does), and formats take the names users write (txt, markdown, stix2)")
    func formatsByFileNameAndCommonNames() throws {
        let ws = try SampleWorkspace()
        // A file named as another format than --format gives is refused: the name would mislead.
        let mismatch = try Command.run(["export", "commodity-loader-c2", "--format", "csv", "-o", "b.stix.json"], in: ws.root)
        #expect(mismatch.status == 64 && mismatch.stderr.contains("--format csv writes CSV, but b.stix.json is named as STIX: name the file as its format (indicators.csv), or leave --format out"), "\(mismatch.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ws.root + "/b.stix.json"))
        for (file, format) in [("out.stix.json", "stix"), ("out.stix2.json", "stix"), ("out.misp.json", "misp"), ("out.json", "json"), ("OUT.CSV", "csv"), ("list.txt", "text")] {
            let run = try Command.run(["export", "commodity-loader-c2", "-o", "/tmp/dossier-format-\(getpid())-\(file)"], in: ws.root)
            #expect(run.status == 0 && run.stdout.contains("(\(format), "), "\(file): \(run.stdout)\(run.stderr)")
        }
        let unknown = try Command.run(["export", "commodity-loader-c2", "-o", "/tmp/dossier-format-\(getpid()).bin"], in: ws.root)
        #expect(unknown.status == 64 && unknown.stderr.contains("the format cannot be told from dossier-format-\(getpid()).bin: give --format (csv, json, stix, misp, text)"), "\(unknown.stderr)")
        let none = try Command.run(["export", "commodity-loader-c2"], in: ws.root)
        #expect(none.status == 64 && none.stderr.contains("give --format (csv, json, stix, misp, text)"))
        let text = try Command.run(["export", "commodity-loader-c2", "--format", "txt"], in: ws.root)
        #expect(text.status == 0 && text.stdout.hasPrefix("192.0.2."), "\(text.stdout)")
        let markdown = try Command.run(["report", "commodity-loader-c2", "--format", "Markdown"], in: ws.root)
        #expect(markdown.status == 0 && markdown.stdout.hasPrefix("# "), "\(markdown.stderr)")
        let stix = try Command.run(["export", "commodity-loader-c2", "--format", "STIX2"], in: ws.root)
        #expect(stix.status == 0 && stix.stdout.contains("\"type\": \"bundle\""))
    }
}
