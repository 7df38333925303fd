import DossierCore
import DossierTestSupport
import Foundation
import Synchronization
import Testing

/// `add`, `tag`, `untag`, `classify` and `lookup` as an analyst runs them (issue 4's acceptance).
@Suite("Analyst workflow, end to end")
struct WorkflowTests {
    static let samples = CLI.repository + "/sample-projects"
    static let acme = "acme-payroll-phish"

    /// The indicator objects of a project, by value, as written on disk.
    static func indicators(_ copy: TemporaryCopy, _ slug: String) throws -> [String: [String: Any]] {
        let data = Data(copy.read("\(slug)/indicators.json").utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(object["indicators"] as? [[String: Any]])
        return Dictionary(list.map { ($0["value"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    @Test("two add runs on one project at the same time take turns: every value a run says it added is in the file")
    func concurrentAdds() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let root = copy.root
        let results = (0..<40).map { $0 }.concurrentMap { n in
            (n, try? CLI.run(["add", "typosquat-watch", "concurrent-\(n).example", "-q"], in: root))
        }
        let added = results.filter { $0.1?.status == 0 }.map { "concurrent-\($0.0).example" }
        let recorded = try Self.indicators(copy, "typosquat-watch")
        #expect(added.count == 40, "\(results.compactMap { $0.1?.stderr })")
        #expect(added.filter { recorded[$0] == nil }.isEmpty, "reported as added but lost")
    }

    @Test("fmt and add at the same time take turns: fmt waits for the edits under way and they for it, and neither refuses for a file the other changed")
    func formatBesideAdds() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let root = copy.root, projectFile = root + "/typosquat-watch/project.json"
        var added: [String] = []
        for round in 0..<8 {
            // Indented otherwise: fmt has the project's file to rewrite while the adds edit it.
            let canonical = try String(contentsOfFile: projectFile, encoding: .utf8)
            try Data(canonical.replacingOccurrences(of: "\n  ", with: "\n    ").utf8).write(to: URL(fileURLWithPath: projectFile))
            // All at once, each on a thread of its own (a concurrent map runs one per core).
            let runs = Mutex<[CLI.Result?]>(Array(repeating: nil, count: 6))
            let group = DispatchGroup()
            for n in 0..<6 {
                group.enter()
                Thread.detachNewThread {
                    let arguments = n == 2 ? ["fmt", "-q"] : ["add", "typosquat-watch", "turns-\(round)-\(n).example", "-q"]
                    let result = try? CLI.run(arguments, in: root)
                    runs.withLock { $0[n] = result }
                    group.leave()
                }
            }
            group.wait()
            let results = runs.withLock { $0 }
            #expect(results.allSatisfy { $0?.status == 0 }, "\(results.compactMap { $0?.stderr })")
            added += [0, 1, 3, 4, 5].map { "turns-\(round)-\($0).example" }
        }
        let recorded = try Self.indicators(copy, "typosquat-watch")
        #expect(added.filter { recorded[$0] == nil }.isEmpty, "reported as added but lost")
        #expect(try CLI.run(["fmt", "--check"], in: root).status == 0)
    }

    @Test("an edit holds the workspace's lock shared (edits of other projects go on beside it) and waits while fmt holds it whole")
    func editsShareTheWorkspaceLock() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let root = copy.root
        /// `add` of `value`, started and left running.
        func startAdd(_ value: String, errors: Pipe? = nil) throws -> Process {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ProcessRunner.dossier)
            process.arguments = ["add", "typosquat-watch", value]
            process.currentDirectoryURL = URL(fileURLWithPath: root)
            process.environment = ProcessInfo.processInfo.environment.merging(["DOSSIER_CACHE_DIR": ProcessRunner.cacheFolder]) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors ?? FileHandle.nullDevice
            try process.run()
            return process
        }
        /// Whether `process` ends within `seconds` (else it is stopped).
        func ends(_ process: Process, within seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            guard !process.isRunning else {
                process.terminate()
                return false
            }
            return process.terminationStatus == 0
        }
        let folder = open(root, O_RDONLY | O_DIRECTORY)
        defer { close(folder) }
        // Another edit holds it shared: this one goes on.
        #expect(flock(folder, LOCK_SH) == 0)
        #expect(ends(try startAdd("beside.example"), within: 60), "an edit waited for another edit's shared hold")
        // fmt holds it whole: the edit waits, writing nothing, until fmt is done.
        #expect(flock(folder, LOCK_EX) == 0)
        let said = Pipe()
        let waiting = try startAdd("after-fmt.example", errors: said)
        usleep(1_500_000)
        let meanwhile = try Self.indicators(copy, "typosquat-watch")
        #expect(waiting.isRunning && meanwhile["after-fmt.example"] == nil, "an edit went on while fmt held the workspace")
        #expect(flock(folder, LOCK_UN) == 0)
        #expect(ends(waiting, within: 60))
        let note = String(decoding: said.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(note.contains("waiting for another dossier command editing typosquat-watch, or formatting the workspace, to finish"), "\(note)")
        let recorded = try Self.indicators(copy, "typosquat-watch")
        #expect(recorded["beside.example"] != nil && recorded["after-fmt.example"] != nil)
    }

    @Test("add refangs, detects, normalizes, merges, prints what it did; files stay canonical and check passes")
    func add() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let result = try CLI.run([
            "add", Self.acme, "hxxps://Evil-Payroll[.]example/Login", "EVIL-payroll[.]example.", "payroll-acme[.]example",
            "--tag", "blocked", "--tag", "Wave 3", "--classify", "malicious", "--first-seen", "2026-10-01",
            "--source", "vendor blog", "--comment", "Seen in the vendor's write-up",
        ], in: copy.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            added url https://evil-payroll.example/Login
            added domain evil-payroll.example
            merged domain payroll-acme.example: tags +Wave 3; firstSeen 2026-10-30 → 2026-10-01
            \(Self.acme): 2 added, 1 merged, 0 unchanged

            """)
        #expect(result.stderr.contains("warning: domain payroll-acme.example: source \"vendor blog\" ignored; kept"))
        let indicators = try Self.indicators(copy, Self.acme)
        let added = try #require(indicators["evil-payroll.example"])
        #expect(added["tags"] as? [String] == ["Blocked", "Wave 3"])
        #expect(added["classification"] as? String == "malicious")
        #expect(added["source"] as? String == "vendor blog")
        #expect(added["private"] == nil)
        #expect(indicators["payroll-acme.example"]?["firstSeen"] as? String == "2026-10-01")
        #expect(copy.read("\(Self.acme)/indicators.json").contains(#""x-ticket": "INC-4821""#))
        #expect(copy.read("\(Self.acme)/project.json").contains(#""x-jira": "SEC-112""#))
        #expect(copy.read("\(Self.acme)/project.json").contains(#""updated": "\#(Scaffold.today())""#))
        #expect(try CLI.run(["fmt", "--check"], in: copy.root).status == 0)
        #expect(try CLI.run(["check"], in: copy.root).status == 0)

        let again = try CLI.run(["add", Self.acme, "evil-payroll.example"], in: copy.root)
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix("0 added, 0 merged, 1 unchanged; nothing was written\n"))
    }

    @Test("an explicit new classification replaces the recorded one and says so; --private sticks")
    func addMerges() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let result = try CLI.run(["add", Self.acme, "192.0.2.10", "--classify", "malicious", "--private", "-q"], in: copy.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let verbose = try CLI.run(["add", Self.acme, "198.51.100.78", "--classify", "malicious"], in: copy.root)
        #expect(verbose.stdout.contains("merged ipv4 198.51.100.78: classification (implied) → malicious"))
        let indicators = try Self.indicators(copy, Self.acme)
        #expect(indicators["192.0.2.10"]?["classification"] as? String == "malicious")
        #expect(indicators["192.0.2.10"]?["private"] as? Bool == true)
    }

    @Test("a tag that hides (private, do-not-publish) given by add or tag writes \"private\": true beside it, which check takes without a warning; untag says the indicator stays private")
    func hidingTagWritesPrivate() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let project = "commodity-loader-c2"  // public
        let added = try CLI.run(["add", project, "hidden-tag.example", "--tag", "private"], in: copy.root)
        #expect(added.status == 0 && added.stdout.contains("tag private keeps 1 indicator out of public output"), "\(added.stdout)")
        #expect(try CLI.run(["add", project, "198.51.100.251"], in: copy.root).status == 0)
        let tagged = try CLI.run(["tag", project, "Do-Not-Publish", "198.51.100.251"], in: copy.root)
        #expect(tagged.status == 0 && tagged.stdout.contains("tag Do-Not-Publish keeps 1 indicator out of public output"), "\(tagged.stdout)")
        var indicators = try Self.indicators(copy, project)
        #expect(indicators["hidden-tag.example"]?["private"] as? Bool == true)
        #expect(indicators["198.51.100.251"]?["private"] as? Bool == true)
        let check = try CLI.run(["check"], in: copy.root)
        #expect(check.status == 0 && !check.stderr.contains("is read as \"private\": true"), "\(check.stderr)")
        let build = try CLI.run(["build", "--out", copy.path("public-site")], in: copy.root)
        #expect(build.status == 0, "\(build.stderr)")
        let site = try String(contentsOfFile: copy.path("public-site/projects/\(project)/index.html"), encoding: .utf8)
        #expect(site.contains("192[.]0[.]2[.]44") && !site.contains("hidden-tag") && !site.contains("198[.]51[.]100[.]251"))

        let untagged = try CLI.run(["untag", project, "private", "hidden-tag.example"], in: copy.root)
        #expect(untagged.status == 0 && untagged.stdout.contains("1 indicator stays private (\"private\": true in \(project)/indicators.json); to publish it, delete that field there"), "\(untagged.stdout)")
        indicators = try Self.indicators(copy, project)
        #expect(indicators["hidden-tag.example"]?["private"] as? Bool == true && indicators["hidden-tag.example"]?["tags"] == nil)
        // A tag that hides nothing says nothing of privacy.
        let plain = try CLI.run(["untag", project, "Blocked", "--all"], in: copy.root)
        #expect(plain.status == 0 && !plain.stdout.contains("stays private"), "\(plain.stdout)")
    }

    @Test("add stores dates as import does: an instant in UTC, a time with no zone as its day (said); a date in the future is a warning")
    func addDatesAsImportDoes() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let run = try CLI.run(["add", Self.acme, "198.51.100.60", "--first-seen", "2026-11-10 10:00", "--last-seen", "2026-11-10T12:00:00+02:00"], in: copy.root)
        #expect(run.status == 0 && run.stderr.contains("--first-seen 2026-11-10 10:00 has no zone: recorded as its day, 2026-11-10"), "\(run.stderr)")
        let recorded = try Self.indicators(copy, Self.acme)["198.51.100.60"]
        #expect(recorded?["firstSeen"] as? String == "2026-11-10" && recorded?["lastSeen"] as? String == "2026-11-10T10:00:00Z", "\(String(describing: recorded))")
        let future = try CLI.run(["add", Self.acme, "198.51.100.61", "--last-seen", "2999-01-02"], in: copy.root)
        #expect(future.status == 0 && future.stderr.contains("--last-seen 2999-01-02 is in the future"), "\(future.stderr)")
    }

    @Test("invalid values: each listed with its reason, nothing written, exit 1; --skip-invalid adds the rest")
    func addInvalid() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let before = copy.read("\(Self.acme)/indicators.json")
        let result = try CLI.run(["add", Self.acme, "192.0.2.200", "999.1.1.1", "evil..example", "-"], in: copy.root, input: "\n203.0.113.200\n  not-a-hash-0123456789abcdef0123456789abcdef\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: value 2 \"999.1.1.1\": "))
        #expect(result.stderr.contains("error: value 3 \"evil..example\": "))
        // A value of standard input is named by its place there, as diagnostics name places.
        #expect(result.stderr.contains("<stdin>:3:3: error: value \"not-a-hash-0123456789abcdef0123456789abcdef\": "), "\(result.stderr)")
        #expect(result.stderr.contains("3 invalid values; nothing was changed"))
        #expect(copy.read("\(Self.acme)/indicators.json") == before)

        let mistyped = try CLI.run(["add", Self.acme, "evil.example", "--type", "ipv4"], in: copy.root)
        #expect(mistyped.status == 1)
        #expect(mistyped.stderr.contains("looks like a domain: use --type domain"), "\(mistyped.stderr)")

        // Pasted forms that hold a value: the value is named, not taken unasked.
        let pasted = try CLI.run(["add", Self.acme, "192.0.2.7:8080", "mailto:x@evil.example", "sha256:" + String(repeating: "ab", count: 32)], in: copy.root)
        #expect(pasted.status == 1)
        #expect(pasted.stderr.contains("error: value 1 \"192.0.2.7:8080\": an address or host with a port; the indicator is the address or host alone (a URL keeps its port): give 192.0.2.7"), "\(pasted.stderr)")
        #expect(pasted.stderr.contains("error: value 2 \"mailto:x@evil.example\": a mailto: link; the indicator is its e-mail address: give x@evil.example"))
        #expect(pasted.stderr.contains("a hash after its algorithm's name; a hash is recorded alone: give " + String(repeating: "ab", count: 32)))

        let skipping = try CLI.run(["add", Self.acme, "192.0.2.200", "999.1.1.1", "--skip-invalid"], in: copy.root)
        #expect(skipping.status == 0)
        #expect(skipping.stderr.contains("warning: skipped value 2 \"999.1.1.1\""))
        #expect(skipping.stdout.contains("added ipv4 192.0.2.200"))
    }

    @Test("a text --extract reads marked above TLP:CLEAR is refused by a public project unless --private, and comes in private, tagged with its marking, as import takes it")
    func extractKeepsTheTextsMarking() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let mail = "Subject: [TLP:AMBER] Loader campaign\nbeacon to amber-mail.example and 198.51.100.202\n"
        let before = copy.read("vpn-bruteforce-2026/indicators.json")
        let refused = try CLI.run(["add", "vpn-bruteforce-2026", "-", "--extract"], in: copy.root, input: mail)
        #expect(refused.status == 1 && refused.stderr.contains("the text is marked TLP:AMBER and vpn-bruteforce-2026 is public"), "\(refused.stderr)")
        #expect(copy.read("vpn-bruteforce-2026/indicators.json") == before)
        for project in ["vpn-bruteforce-2026", "typosquat-watch"] {
            let added = try CLI.run(["add", project, "-", "--extract"] + (project == "typosquat-watch" ? [] : ["--private"]), in: copy.root, input: mail)
            #expect(added.status == 0 && added.stdout.contains("\(project): the text is marked TLP:AMBER: its values are added private, tagged tlp:amber"), "\(added.stdout)\(added.stderr)")
            let recorded = try Self.indicators(copy, project)
            for value in ["amber-mail.example", "198.51.100.202"] {
                #expect(recorded[value]?["private"] as? Bool == true && (recorded[value]?["tags"] as? [String])?.contains("tlp:amber") == true, "\(project) \(value)")
            }
        }
        // A laxer tlp: tag given does not mark the values below their source; a caveat line keeps a
        // text in as a TLP label does, with no TLP to tag.
        let laxer = try CLI.run(["add", "typosquat-watch", "-", "--extract", "--tag", "tlp:green"], in: copy.root,
            input: "[TLP:AMBER]\nseen lax-mail.example\n")
        #expect(laxer.status == 0 && laxer.stdout.contains("tagged tlp:amber"), "\(laxer.stdout)\(laxer.stderr)")
        #expect((try Self.indicators(copy, "typosquat-watch"))["lax-mail.example"]?["tags"] as? [String] == ["tlp:green", "tlp:amber"])
        let caveat = try CLI.run(["add", "vpn-bruteforce-2026", "-", "--extract"], in: copy.root,
            input: "From: cert@partner.example\nHandling: Internal use only\n\nC2 at caveat-c2.example\n")
        #expect(caveat.status == 1 && caveat.stderr.contains("the text is marked \"Handling: Internal use only\" and vpn-bruteforce-2026 is public"), "\(caveat.stderr)")
        #expect(try CLI.run(["check"], in: copy.root).status == 0)
    }

    @Test("- reads values from standard input; --extract pulls them out of free text")
    func addFromInput() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let lines = try CLI.run(["add", "typosquat-watch", "-", "--tag", "Newly Observed"], in: copy.root, input: "acme-c0rp-mail[.]example\r\n\n  2001:DB8::99  \n")
        #expect(lines.status == 0, "\(lines.stderr)")
        #expect(lines.stdout.contains("added domain acme-c0rp-mail.example"))
        #expect(lines.stdout.contains("added ipv6 2001:db8::99"))
        let text = """
            Hi team, the lure came from hr-update[@]acme-c0rp-mail[.]example and linked to
            hxxps://acme-c0rp-mail[.]example/reset (hosted on 203.0.113.250). Attachment SHA-256:
            0f18ca267618781a599db398a643320f1a1e6c6812f9313c42bfe600d16a4067. The sender domain
            acme-c0rp-mail[.]example was registered yesterday.
            """
        let extracted = try CLI.run(["add", "typosquat-watch", "-", "--extract", "--source", "user report"], in: copy.root, input: text)
        #expect(extracted.status == 0, "\(extracted.stderr)")
        #expect(extracted.stdout.contains("added email hr-update@acme-c0rp-mail.example"))
        #expect(extracted.stdout.contains("added url https://acme-c0rp-mail.example/reset"))
        #expect(extracted.stdout.contains("added ipv4 203.0.113.250"))
        #expect(extracted.stdout.contains("added sha256 0f18ca267618781a599db398a643320f1a1e6c6812f9313c42bfe600d16a4067"))
        #expect(extracted.stdout.contains("merged domain acme-c0rp-mail.example: source set to \"user report\""))
        let onlyURLs = try CLI.run(["add", "typosquat-watch", "--extract", "--type", "url", "see hxxp://x-acme[.]example/a and 203.0.113.251"], in: copy.root)
        #expect(onlyURLs.stdout.contains("1 added, 0 merged"), "\(onlyURLs.stdout)")
        let nothing = try CLI.run(["add", "typosquat-watch", "-", "--extract"], in: copy.root, input: "no indicators here")
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("no indicators found"))
        // Windows paths and registry keys, which prose does not give with their ends, are passed
        // over and said, each with the command that adds it as written.
        let host = try CLI.run(["add", "typosquat-watch", "-", "--extract"], in: copy.root,
            input: "writes C:\\Users\\Public\\evil.exe, persists via HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\evil, calls evil15[.]com.\n")
        #expect(host.status == 0 && host.stdout.contains("added domain evil15.com"), "\(host.stderr)")
        #expect(host.stderr.contains("note: --extract takes no Windows path or registry key from prose (where one ends cannot be told for sure); the text writes 2, to add as written:\n"
            + "  dossier add typosquat-watch 'C:\\Users\\Public\\evil.exe' --type filepath\n"
            + "  dossier add typosquat-watch 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run\\evil' --type registry-key"), "\(host.stderr)")
        #expect(!copy.read("typosquat-watch/indicators.json").contains("evil.exe"))
        // --dry-run says what would be added and merged, and writes nothing.
        let before = copy.read("typosquat-watch/indicators.json")
        let dry = try CLI.run(["add", "typosquat-watch", "new1.example", "203.0.113.250", "--tag", "Blocked", "--dry-run"], in: copy.root)
        #expect(dry.status == 0 && dry.stdout.contains("would add domain new1.example\nwould merge ipv4 203.0.113.250: tags +Blocked\n"), "\(dry.stdout)")
        #expect(dry.stdout.hasSuffix("typosquat-watch: 1 to add, 1 to merge, 0 unchanged; dry run: nothing was written\n"))
        #expect(copy.read("typosquat-watch/indicators.json") == before)
        // A dry run is refused as the edit would be: a public indicator tagged tlp:red.
        let refused = try CLI.run(["add", "vpn-bruteforce-2026", "red.example", "--tag", "tlp:red", "--dry-run"], in: copy.root)
        #expect(refused.status == 1 && refused.stderr.contains("is tagged tlp:red, but it is a public indicator of a public project"), "\(refused.stderr)")
        #expect(try CLI.run(["check"], in: copy.root).status == 0)
    }

    @Test("an empty --comment or --source (a script's \"$EMPTY\") is none: nothing is recorded, and a later one is taken")
    func emptyCommentIsNone() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let first = try CLI.run(["add", "typosquat-watch", "z1.example", "--comment", "", "--source", " "], in: copy.root)
        #expect(first.status == 0 && !first.stdout.contains("source set"), "\(first.stdout)")
        #expect(!copy.read("typosquat-watch/indicators.json").contains("\"comment\": \"\""))
        // One recorded empty (written by hand, or by an older dossier) is filled in too.
        try copy.write("typosquat-watch/indicators.json", copy.read("typosquat-watch/indicators.json")
            .replacingOccurrences(of: "\"value\": \"z1.example\",", with: "\"value\": \"z1.example\",\n      \"comment\": \"\","))
        let later = try CLI.run(["add", "typosquat-watch", "z1.example", "--comment", "real comment"], in: copy.root)
        #expect(later.stdout.contains("merged domain z1.example: comment set to \"real comment\""), "\(later.stdout)\(later.stderr)")
    }

    @Test("choices are taken in any case, with _ for - (--type IPv4, --format CSV, --tlp AMBER, registry_key)")
    func choicesInAnyCase() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let added = try CLI.run(["add", "typosquat-watch", "198.51.100.99", "--type", "IPv4", "--classify", "Non_Malicious"], in: copy.root)
        #expect(added.status == 0 && added.stdout.contains("added ipv4 198.51.100.99"), "\(added.stderr)")
        let key = try CLI.run(["add", "typosquat-watch", #"HKLM\Software\X"#, "--type", "Registry_Key"], in: copy.root)
        #expect(key.status == 0, "\(key.stderr)")
        #expect(try CLI.run(["export", "typosquat-watch", "--format", "CSV", "--internal"], in: copy.root).status == 0)
        #expect(try CLI.run(["report", "typosquat-watch", "--format", "MD", "--internal"], in: copy.root).status == 0)
        #expect(try CLI.run(["new", "upper", "--tlp", "AMBER"], in: copy.root).status == 0)
        #expect(copy.read("upper/project.json").contains("\"tlp\": \"amber\""))
        let wrong = try CLI.run(["export", "typosquat-watch", "--format", "XML"], in: copy.root)
        #expect(wrong.status == 64 && wrong.stderr.contains("'XML' is invalid"), "\(wrong.stderr)")
    }

    @Test("a long list of values on the command line ($(cat iocs.txt)) is taken whole and in order, with options before, among and after it")
    func longValueList() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let values = (0..<1_500).map { "10.77.\($0 / 256).\($0 % 256)" }
        let added = try CLI.run(["add", "typosquat-watch", "--comment", "Sweep"] + values.prefix(1_000) + ["--tag", "Bulk", "192.0.2.210"]
            + values.dropFirst(1_000) + ["-q"], in: copy.root)
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try CLI.run(["add", "typosquat-watch"] + values.prefix(1_000) + ["--tag", "Bulk", "192.0.2.210"] + values.dropFirst(1_000),
            in: copy.root)
        let named = listed.stdout.split(separator: "\n").filter { $0.hasPrefix("unchanged ipv4 ") }.map { $0.split(separator: " ")[2].dropLast() }
        #expect(named.map(String.init) == Array(values.prefix(1_000) + ["192.0.2.210"] + values.dropFirst(1_000)))
        let tagged = try CLI.run(["tag", "typosquat-watch", "Sweep 2"] + values, in: copy.root)
        #expect(tagged.stdout.contains("tagged 1500 indicators of typosquat-watch with Sweep 2"), "\(tagged.stdout)\(tagged.stderr)")
        let lookup = try CLI.run(["lookup", "--json"] + values, in: copy.root)
        #expect(lookup.status == 0)
        #expect(lookup.stdout.components(separatedBy: "\"Sweep 2\"").count - 1 == 1_500)
        // What the parser would refuse, it still refuses, naming the problem.
        let unexpected = try CLI.run(["fmt"] + values, in: copy.root)
        #expect(unexpected.status == 64)
        #expect(unexpected.stderr.contains("1500 unexpected arguments: '10.77.0.0'"), "\(unexpected.stderr.prefix(300))")
        let noFormat = try CLI.run(["export", "typosquat-watch"] + values, in: copy.root)
        #expect(noFormat.status == 64)
        #expect(noFormat.stderr.contains("--format"))
        #expect(try CLI.run(["check"], in: copy.root).status == 0)
    }

    @Test("bad input: unknown project, bad classification, bad date, project with errors")
    func badInput() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let unknown = try CLI.run(["add", "acme-payrol-phish", "192.0.2.1"], in: copy.root)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no project \"acme-payrol-phish\" in this workspace. Did you mean \"acme-payroll-phish\"?"))
        #expect(unknown.stderr.contains("Projects: acme-payroll-phish, build-plugin-supply-chain, commodity-loader-c2"))

        let classification = try CLI.run(["classify", Self.acme, "evil", "--all"], in: copy.root)
        #expect(classification.status == 64)
        for name in ["malicious", "suspicious", "unknown", "non-malicious"] { #expect(classification.stderr.contains(name)) }
        let option = try CLI.run(["add", Self.acme, "192.0.2.1", "--classify", "bad"], in: copy.root)
        #expect(option.status == 64 && option.stderr.contains("non-malicious"))

        let date = try CLI.run(["add", Self.acme, "192.0.2.1", "--first-seen", "2026-13-01"], in: copy.root)
        #expect(date.status == 64 && date.stderr.contains("ISO 8601"))
        let yearZero = try CLI.run(["add", Self.acme, "192.0.2.1", "--first-seen", "0000-01-01"], in: copy.root)
        #expect(yearZero.status == 64 && yearZero.stderr.contains("--first-seen 0000-01-01 is no day of the calendar"), "\(yearZero.stderr)")
        let nothing = try CLI.run(["tag", Self.acme, "Blocked"], in: copy.root)
        #expect(nothing.status == 64 && nothing.stderr.contains("--tagged, --type, --classified or --all"))

        try copy.write("typosquat-watch/indicators.json", copy.read("typosquat-watch/indicators.json").replacingOccurrences(of: "\"non-malicious\"", with: "\"benign\""))
        let before = copy.read("typosquat-watch/indicators.json")
        let broken = try CLI.run(["add", "typosquat-watch", "192.0.2.1"], in: copy.root)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("typosquat-watch/indicators.json:"))
        #expect(broken.stderr.contains("unknown classification \"benign\""))
        #expect(broken.stderr.contains("fix them first (see `dossier check`); nothing was changed"))
        #expect(copy.read("typosquat-watch/indicators.json") == before)

        try copy.write("typosquat-watch/indicators.json", before.replacingOccurrences(of: "\"benign\"", with: "\"non-malicious\""))

        // The tag comes before the values: an address where the tag goes is refused.
        let swapped = try CLI.run(["tag", Self.acme, "198.51.100.23", "--all"], in: copy.root)
        #expect(swapped.status == 64 && swapped.stderr.contains("\"198.51.100.23\" is an indicator (ipv4), not a tag"), "\(swapped.stderr)")
        let forgotten = try CLI.run(["tag", Self.acme, "payroll-acme[.]example"], in: copy.root)
        #expect(forgotten.status == 64 && forgotten.stderr.contains("\"payroll-acme[.]example\" is an indicator (domain), not a tag"), "\(forgotten.stderr)")
        // A tag that was made so anyway can still be taken off.
        #expect(try CLI.run(["untag", Self.acme, "198.51.100.23", "--all"], in: copy.root).status == 0)

        // An error in the vocabulary is the workspace's, not the project's.
        try copy.write("dossier.json", copy.read("dossier.json").replacingOccurrences(of: "\"classification\": \"malicious\"", with: "\"classification\": \"Malicious\""))
        let vocabulary = try CLI.run(["tag", "typosquat-watch", "Reviewed", "--all"], in: copy.root)
        #expect(vocabulary.status == 1 && vocabulary.stderr.contains("the workspace's dossier.json has errors (listed above)"), "\(vocabulary.stderr)")
    }

    @Test("a project is named by its folder name in any Unicode form, or by a path to its folder: ., ../x, an absolute one")
    func projectByNameOrPath() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        try FileManager.default.createDirectory(atPath: copy.path("caf\u{E9}"), withIntermediateDirectories: true)
        try copy.write("caf\u{E9}/project.json", copy.read("\(Self.acme)/project.json"))
        try copy.write("caf\u{E9}/indicators.json", "{ \"indicators\": [] }\n")
        // Decomposed, as macOS passes what is typed.
        let decomposed = try CLI.run(["add", "cafe\u{301}", "198.51.100.77"], in: copy.root)
        #expect(decomposed.status == 0, "\(decomposed.stderr)")
        #expect(copy.read("caf\u{E9}/indicators.json").contains("198.51.100.77"))
        let absolute = try CLI.run(["add", copy.path(Self.acme), "198.51.100.78"], in: copy.root)
        #expect(absolute.status == 0, "\(absolute.stderr)")
        let here = try CLI.run(["tag", ".", "reviewed", "198.51.100.78"], in: copy.path(Self.acme))
        #expect(here.status == 0 && here.stdout.hasPrefix("tagged 1 indicator"), "\(here.stderr)")
        let sibling = try CLI.run(["classify", "../\(Self.acme)", "suspicious", "198.51.100.78"], in: copy.path("caf\u{E9}"))
        #expect(sibling.status == 0, "\(sibling.stderr)")
        // `./`, and `.` in the project's notes/, are the project too; what add prints names it.
        let slashed = try CLI.run(["add", "./", "198.51.100.80"], in: copy.path(Self.acme))
        #expect(slashed.status == 0 && slashed.stdout.hasSuffix("\(Self.acme): 1 added, 0 merged, 0 unchanged\n"), "\(slashed.stdout)\(slashed.stderr)")
        let inNotes = try CLI.run(["add", ".", "198.51.100.81"], in: copy.path("\(Self.acme)/notes"))
        #expect(inNotes.status == 0 && inNotes.stdout.hasSuffix("\n\(Self.acme): 1 added, 0 merged, 0 unchanged\n"), "\(inNotes.stdout)\(inNotes.stderr)")
        // A path into another workspace names no project of this one, though one has its name:
        // given with --workspace, it is refused; without, it names its own workspace's project,
        // from anywhere.
        let other = try TemporaryCopy(of: Self.samples)
        let before = copy.read("\(Self.acme)/indicators.json")
        let named = try CLI.run(["add", "-w", copy.root, other.path(Self.acme), "198.51.100.79"], in: other.root)
        #expect(named.status == 1 && named.stderr.contains("is no project folder of the workspace"), "\(named.stderr)")
        #expect(!other.read("\(Self.acme)/indicators.json").contains("198.51.100.79"))
        let elsewhere = try CLI.run(["add", other.path(Self.acme), "198.51.100.79"], in: copy.root)
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
        let outside = try CLI.run(["tag", other.path(Self.acme), "reviewed", "198.51.100.79"], in: "/")
        #expect(outside.status == 0, "\(outside.stderr)")
        #expect(copy.read("\(Self.acme)/indicators.json") == before && other.read("\(Self.acme)/indicators.json").contains("198.51.100.79"))
    }

    @Test("a value given without --type names the indicator the project records it as: a certificate's sha1, a file name")
    func valuesNameRecordedIndicators() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let certificate = "2451e52e9fb288e90f8292a81deb2875d989ecd1"
        let tagged = try CLI.run(["tag", Self.acme, "cert-reuse", certificate], in: copy.root)
        #expect(tagged.status == 0 && tagged.stdout.hasPrefix("tagged 1 indicator"), "\(tagged.stderr)")
        let added = try CLI.run(["add", Self.acme, certificate.uppercased(), "ACME_Payroll_Update.html", "--comment", "seen again"], in: copy.root)
        #expect(added.status == 0, "\(added.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(copy.read("\(Self.acme)/indicators.json").utf8)) as? [String: Any])
        let indicators = try #require(list["indicators"] as? [[String: Any]])
        let certificates = indicators.filter { $0["value"] as? String == certificate }
        #expect(certificates.count == 1 && certificates.first?["type"] as? String == "x509-sha1")
        #expect((certificates.first?["tags"] as? [String])?.contains("cert-reuse") == true)
        let file = indicators.filter { $0["value"] as? String == "ACME_Payroll_Update.html" }
        #expect(file.count == 1 && file.first?["type"] as? String == "filename")
        // A file name the project does not record still needs its type.
        let unknown = try CLI.run(["add", Self.acme, "other-kit.tar.gz"], in: copy.root)
        #expect(unknown.status == 1 && unknown.stderr.contains("cannot tell what kind"), "\(unknown.stderr)")
    }

    @Test("remove (rm) takes out indicators named by value or selected, lists each with what add needs again, and changes nothing for a value not recorded or with --dry-run")
    func removeIndicators() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let before = copy.read("\(Self.acme)/indicators.json")
        let recorded = try Self.indicators(copy, Self.acme).count
        let unknown = try CLI.run(["rm", Self.acme, "payroll-acme[.]example", "not-recorded.example"], in: copy.root)
        #expect(unknown.status == 1 && unknown.stderr.contains("domain not-recorded.example is not recorded in \(Self.acme)\n"), "\(unknown.stderr)")
        #expect(!unknown.stderr.contains("dossier add"), "\(unknown.stderr)")
        let dry = try CLI.run(["remove", Self.acme, "--tagged", "Blocked", "--type", "url", "--dry-run"], in: copy.root)
        #expect(dry.status == 0 && dry.stdout.contains("would remove url https://payroll-acme.example/login.php?id=7 (malicious, tags Blocked, Phishing, first seen 2026-10-30"), "\(dry.stdout)")
        #expect(dry.stdout.hasSuffix("dry run: nothing was changed\n"), "\(dry.stdout)")
        #expect(copy.read("\(Self.acme)/indicators.json") == before)
        // In git, the removal can be taken back from it; see below for a file git does not track.
        for arguments in [["init", "-q"], ["add", "-A"]] {
            #expect(try ProcessRunner.run("/usr/bin/env", ["git"] + arguments, in: copy.root).status == 0)
        }
        let removed = try CLI.run(["rm", Self.acme, "payroll-acme[.]example", "HXXPS://payroll-acme[.]example/login.php?id=7"], in: copy.root)
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.contains(#"removed domain payroll-acme.example (malicious, tags Blocked, Phishing, first seen 2026-10-30, last seen 2026-11-02, comment "Landing page of the kit", source "mail gateway")"#), "\(removed.stdout)")
        #expect(removed.stdout.contains("removed 2 indicators of \(Self.acme)\nto see it: git diff \(Self.acme)/indicators.json; to take back some of it: git checkout -p \(Self.acme)/indicators.json\n"), "\(removed.stdout)")
        let indicators = try Self.indicators(copy, Self.acme)
        #expect(indicators["payroll-acme.example"] == nil && indicators["https://payroll-acme.example/login.php?id=7"] == nil)
        #expect(indicators.count == recorded - 2)
        #expect(try CLI.run(["check"], in: copy.root).status == 0)
        // A repeated --type selects either type; with values, it is a usage error.
        let both = try CLI.run(["rm", Self.acme, "--type", "cidr", "--type", "ipv6", "--dry-run"], in: copy.root)
        #expect(both.status == 0 && both.stdout.contains("would remove cidr 198.51.100.0/26") && both.stdout.contains("would remove ipv6 2001:db8:4f2a::15"),
            "\(both.stdout)")
        // A comment of several lines is listed whole on the indicator's one line.
        #expect(try CLI.run(["add", Self.acme, "lines.example", "--comment", "first\nsecond"], in: copy.root).status == 0)
        let lines = try CLI.run(["rm", Self.acme, "lines.example", "--dry-run"], in: copy.root)
        #expect(lines.stdout.contains(#"would remove domain lines.example (unknown, comment "first\nsecond")"# + "\n"), "\(lines.stdout)")
        let typed = try CLI.run(["rm", Self.acme, "198.51.100.23", "--type", "ipv4", "--type", "cidr"], in: copy.root)
        #expect(typed.status == 64 && typed.stderr.contains("give one --type to read the values as"), "\(typed.stderr)")
        // Not tracked by git: nothing to take back from, and said so.
        #expect(try ProcessRunner.run("/usr/bin/env", ["git", "rm", "-q", "-f", "--cached", "\(Self.acme)/indicators.json"], in: copy.root).status == 0)
        let untracked = try CLI.run(["rm", Self.acme, "--type", "ipv6"], in: copy.root)
        #expect(untracked.status == 0 && !untracked.stdout.contains("git checkout"), "\(untracked.stdout)")
        #expect(untracked.stderr.contains("warning: \(Self.acme)/indicators.json is not tracked by git, which has no copy of what was removed"), "\(untracked.stderr)")
        // Under --quiet too, with the lines it names.
        let quiet = try CLI.run(["rm", "-q", Self.acme, "--type", "md5"], in: copy.root)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty, "\(quiet.stdout)")
        #expect(quiet.stderr.hasPrefix("removed md5 ") && quiet.stderr.contains("warning: \(Self.acme)/indicators.json is not tracked by git"), "\(quiet.stderr)")
    }

    @Test("a private tag put on public indicators of a public project says that the site still shows them, and how to keep them off it; on private ones, nothing")
    func privateTagOnPublicIndicators() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let tagged = try CLI.run(["tag", "vpn-bruteforce-2026", "Company Name", "192.0.2.23"], in: copy.root)
        #expect(tagged.status == 0, "\(tagged.stderr)")
        #expect(tagged.stderr.contains("warning: Company Name is a private tag: the public site leaves it out but still shows 1 indicator of public project vpn-bruteforce-2026 that has it; to keep it off the public site too: dossier add vpn-bruteforce-2026 192.0.2.23 --private"), "\(tagged.stderr)")
        let kept = try CLI.run(["add", "vpn-bruteforce-2026", "192.0.2.23", "--private"], in: copy.root)
        #expect(kept.status == 0 && copy.read("vpn-bruteforce-2026/indicators.json").contains(#""private": true"#), "\(kept.stderr)")
        let added = try CLI.run(["add", "vpn-bruteforce-2026", "vpn.acme-corp.example", "--tag", "Company Name", "--private"], in: copy.root)
        #expect(added.status == 0 && !added.stderr.contains("private tag"), "\(added.stderr)")
        let shown = try CLI.run(["add", "vpn-bruteforce-2026", "mail.acme-corp.example", "--tag", "Company Name"], in: copy.root)
        #expect(shown.stderr.contains("warning: Company Name is a private tag"), "\(shown.stderr)")
        // A private project publishes nothing.
        let inPrivate = try CLI.run(["tag", Self.acme, "Company Name", "198.51.100.23"], in: copy.root)
        #expect(inPrivate.status == 0 && !inPrivate.stderr.contains("private tag"), "\(inPrivate.stderr)")
    }

    @Test("a tag named like a classification is said to classify nothing; the classify command untag offers names every indicator it reclassified, to paste whole")
    func classificationAsTagAndWholeFix() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let tagged = try CLI.run(["tag", Self.acme, "Malicious", "192.0.2.10"], in: copy.root)
        #expect(tagged.status == 0 && tagged.stderr.contains(#"warning: "Malicious" is a classification, not a tag of the vocabulary: as a tag it classifies nothing; to classify, run `dossier classify \#(Self.acme) malicious VALUE...`"#), "\(tagged.stderr)")
        let untag = try CLI.run(["untag", Self.acme, "Blocked", "--all"], in: copy.root)
        #expect(untag.status == 0, "\(untag.stderr)")
        let fix = try #require(untag.stderr.range(of: "to keep malicious: dossier classify \(Self.acme) malicious - <<'VALUES'\n"))
        let lines = untag.stderr[fix.upperBound...].split(separator: "\n").prefix { $0 != "VALUES" }
        let reclassified = untag.stderr.components(separatedBy: "no longer malicious: tag Blocked implied it").count - 1
            + (Int(untag.stderr.firstMatch(of: /and (\d+) indicators? more changed/)?.1 ?? "0") ?? 0)
        #expect(lines.count > 8 && lines.count == reclassified, "\(untag.stderr)")
        // Pasted, it puts every one back.
        let pasted = try CLI.run(["classify", Self.acme, "malicious", "-"], in: copy.root, input: lines.joined(separator: "\n") + "\n")
        #expect(pasted.status == 0 && pasted.stdout.hasPrefix("classified \(lines.count) indicators"), "\(pasted.stdout)\(pasted.stderr)")
    }

    @Test("add says which values it added are of internal networks (private-network, loopback, link-local), and in a public project how to keep them off the public site; --quiet leaves the notes out, not the warning")
    func addSaysInternalNetworks() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let quiet = try CLI.run(["-q", "add", "vpn-bruteforce-2026", "10.1.2.5", "8.8.4.4"], in: copy.root)
        #expect(quiet.stderr == "warning: public project vpn-bruteforce-2026 publishes 10.1.2.5, an address of a special-use range; to keep an internal network's addresses off the public site: dossier add vpn-bruteforce-2026 10.1.2.5 --private\n", "\(quiet.stderr)")
        let run = try CLI.run(["add", "vpn-bruteforce-2026", "10.1.2.3", "192.168.1.0/24", "8.8.8.8"], in: copy.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: 10.1.2.3 is a private-network (RFC 1918) address: it means a host only where it was seen"), "\(run.stderr)")
        #expect(run.stderr.contains("note: 192.168.1.0/24 is a block of private-network (RFC 1918) addresses"))
        #expect(!run.stderr.contains("8.8.8.8"))
        #expect(run.stderr.contains("warning: public project vpn-bruteforce-2026 publishes 2 addresses of special-use ranges; to keep an internal network's addresses off the public site: dossier add vpn-bruteforce-2026 10.1.2.3 192.168.1.0/24 --private"))
        // Kept private, or added again, it says nothing more.
        #expect(try CLI.run(["add", "vpn-bruteforce-2026", "10.1.2.4", "--private"], in: copy.root).stderr.contains("publishes") == false)
        #expect(try CLI.run(["add", "vpn-bruteforce-2026", "10.1.2.3"], in: copy.root).stderr.isEmpty)
    }

    @Test("a bulk classify that makes a malicious or suspicious indicator less of a threat names each (ten, then a count), on standard error, which --quiet keeps; raising one is not said")
    func bulkClassifyNamesLoweredThreats() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let workspace = WorkspaceLoader.load(root: copy.root).workspace
        let project = try #require(workspace.project(Self.acme))
        let vocabulary = workspace.vocabulary
        let threats = project.indicators.filter { [.malicious, .suspicious].contains($0.effectiveClassification(in: vocabulary)) }
        #expect(threats.count > 10)
        let lowered = try CLI.run(["-q", "classify", Self.acme, "unknown", "--all"], in: copy.root)
        #expect(lowered.status == 0 && lowered.stdout.isEmpty, "\(lowered.stdout)")
        let named = lowered.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") && $0.contains(" and is now unknown") }
        #expect(named.count == 10, "\(lowered.stderr)")
        let first = threats[0]
        #expect(named.first == "warning: \(first.type.rawValue) \(first.value) was \(first.effectiveClassification(in: vocabulary).rawValue) and is now unknown")
        #expect(lowered.stderr.contains("warning: and \(threats.count - 10) indicators more that were malicious or suspicious are now unknown"), "\(lowered.stderr)")
        let raised = try CLI.run(["classify", Self.acme, "malicious", "--all"], in: copy.root)
        #expect(raised.status == 0 && !raised.stderr.contains("and is now"), "\(raised.stderr)")
        // Taking the classification off says so too, when the tags imply less.
        #expect(try CLI.run(["add", Self.acme, "untagged.example", "--classify", "malicious"], in: copy.root).status == 0)
        let implied = try CLI.run(["-q", "classify", Self.acme, "implied", "untagged.example"], in: copy.root)
        #expect(implied.status == 0 && implied.stderr == "warning: domain untagged.example was malicious and is now unknown\n", "\(implied.stderr)")
    }

    @Test("pasted forms get a hint that names the value meant: quotes, a list joined by commas, a URL with a list's comma, a host and path without a scheme, a file name; swapped arguments of tag and classify are said so")
    func pastedFormsAndSwappedArguments() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let before = copy.read("\(Self.acme)/indicators.json")
        func error(_ value: String) throws -> String {
            let run = try CLI.run(["add", Self.acme, value], in: copy.root)
            #expect(run.status == 1, "\(value): \(run.stdout)")
            return run.stderr
        }
        #expect(try error("'198.51.100.44'").contains(#"has "'" and "'" around it, as a sentence or a list writes it: give 198.51.100.44"#))
        #expect(try error("<hxxp://x[.]example/a>").contains(#"has "<" and ">" around it, as a sentence or a list writes it: give http://x.example/a"#))
        #expect(try error("4.4.4.4,5.5.5.5").contains("2 values joined by commas or semicolons: give each as a value of its own (4.4.4.4 5.5.5.5)"))
        #expect(try error("hxxp://evil14[.]example/a.php,").contains(#"ends with ",", as a sentence or a list writes it: give http://evil14.example/a.php; to record the URL with it, give --type url"#))
        #expect(try error("hxxp://evil14[.]example/gate.php).").contains(#"ends with ").", as a sentence or a list writes it: give http://evil14.example/gate.php;"#))
        #expect(try error("evil3[.]example,").contains(#"ends with ",", as a sentence or a list writes it: give evil3.example"#))
        #expect(try error("(evil11.example)").contains(#"has "(" and ")" around it, as a sentence or a list writes it: give evil11.example"#))
        #expect(try error("CVE-2021-44228.").contains("give CVE-2021-44228"))
        #expect(try error("evil10.example/path").contains("a host and path without a scheme: give the URL with its scheme (http://evil10.example/path or https://evil10.example/path"))
        #expect(try error("invoice.pdf.exe").contains("a file name is given with --type filename"))
        // .exe and .docx are no top-level domains: no domain is suggested.
        #expect(try !error("report.docx").contains("--type domain"))
        #expect(try error("setup.zip").contains("a file name is given with --type filename, a domain with --type domain (.zip is a top-level domain too)"))
        // A value that is nearly of a type is told what is wrong with it, not taken for a file name.
        #expect(try error("999.1.1.1").contains("999 is not an IPv4 octet (0-255)"))
        #expect(try error("1.2.3.4/33").contains("/33 is longer than the 32 bits of an IPv4 address"))
        #expect(copy.read("\(Self.acme)/indicators.json") == before)
        let swapped = try CLI.run(["tag", Self.acme, "payroll-acme.example", "Blocked"], in: copy.root)
        #expect(swapped.status == 64 && swapped.stderr.contains("\"payroll-acme.example\" is an indicator \(Self.acme) records (domain), not a tag"), "\(swapped.stderr)")
        let order = try CLI.run(["classify", Self.acme, "192.0.2.10", "malicious"], in: copy.root)
        #expect(order.status == 64 && order.stderr.contains("give the classification first (dossier classify PROJECT malicious VALUE...)"), "\(order.stderr)")
        // The project after the value, the tag or the classification.
        let projectLast = try CLI.run(["add", "198.51.100.9", Self.acme], in: copy.root)
        #expect(projectLast.status == 64 && projectLast.stderr.contains("no project \"198.51.100.9\", but \"\(Self.acme)\" is one: the project comes first (dossier add \(Self.acme) 198.51.100.9)"), "\(projectLast.stderr)")
        let tagFirst = try CLI.run(["tag", "Blocked", Self.acme, "192.0.2.10"], in: copy.root)
        #expect(tagFirst.status == 64 && tagFirst.stderr.contains("(dossier tag \(Self.acme) Blocked 192.0.2.10)"), "\(tagFirst.stderr)")
        let classificationFirst = try CLI.run(["classify", "malicious", Self.acme, "192.0.2.10"], in: copy.root)
        #expect(classificationFirst.status == 64 && classificationFirst.stderr.contains("give the project first (dossier classify \(Self.acme) malicious VALUE...)"), "\(classificationFirst.stderr)")
        #expect(copy.read("\(Self.acme)/indicators.json") == before)
        // A CVE or AS number the project records may tag others: no swap then.
        #expect(try CLI.run(["add", Self.acme, "CVE-2026-11873"], in: copy.root).status == 0)
        let cveTag = try CLI.run(["tag", Self.acme, "CVE-2026-11873", "192.0.2.10"], in: copy.root)
        #expect(cveTag.status == 0, "\(cveTag.stderr)")
    }

    @Test("a mistyped command is named, with the one meant; a folder given to import is said to be one; a source or comment is kept without the blanks around it")
    func mistypedCommandAndFolderImport() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let typo = try CLI.run(["-q", "ad", Self.acme, "192.0.2.90"], in: copy.root)
        #expect(typo.status == 64 && typo.stderr.contains(#"no command "ad". Did you mean "add"?"#), "\(typo.stderr)")
        let folder = try CLI.run(["import", Self.acme, copy.path("typosquat-watch")], in: copy.root)
        #expect(folder.status == 1 && folder.stderr.contains("it is a folder; give the files in it"), "\(folder.stderr)")
        let padded = try CLI.run(["add", Self.acme, "192.0.2.91", "--source", "  vendor blog  ", "--comment", " Seen twice "], in: copy.root)
        #expect(padded.status == 0, "\(padded.stderr)")
        let recorded = try Self.indicators(copy, Self.acme)["192.0.2.91"]
        #expect(recorded?["source"] as? String == "vendor blog" && recorded?["comment"] as? String == "Seen twice")
    }

    @Test("classify implied takes the explicit classification off: the indicator is again what its tags imply, and those classified otherwise now are named")
    func classifyImplied() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        #expect(try CLI.run(["classify", Self.acme, "unknown", "198.51.100.23"], in: copy.root).status == 0)
        #expect(try Self.indicators(copy, Self.acme)["198.51.100.23"]?["classification"] as? String == "unknown")
        let implied = try CLI.run(["classify", Self.acme, "implied", "198.51.100.23"], in: copy.root)
        #expect(implied.status == 0 && implied.stdout == "took the explicit classification off 1 indicator of \(Self.acme)\n  ipv4 198.51.100.23: now malicious, no longer unknown\n", "\(implied.stdout)\(implied.stderr)")
        #expect(try Self.indicators(copy, Self.acme)["198.51.100.23"]?["classification"] == nil)
        // In bulk, those classified otherwise now are named; those their tags classify as before are counted.
        let all = try CLI.run(["classify", "commodity-loader-c2", "implied", "--all"], in: copy.root)
        let lines = all.stdout.split(separator: "\n")
        #expect(all.status == 0 && lines.dropFirst().allSatisfy { $0.contains(", no longer ") || $0.contains("more classified otherwise now") || $0.contains("now implied by") }, "\(all.stdout)")
        #expect(all.stdout.contains("keep their classification, now implied by their tags"), "\(all.stdout)")
        let again = try CLI.run(["classify", Self.acme, "implied", "198.51.100.23"], in: copy.root)
        #expect(again.status == 0 && again.stdout.hasPrefix("nothing changed: every selected indicator (1) is already without an explicit classification"), "\(again.stdout)")
    }

    @Test("tag, untag and classify --dry-run list each indicator they would change (with the classification it would lose) and write nothing; one that would publish marked data is refused as the edit would be")
    func bulkEditsDryRun() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let before = copy.read("\(Self.acme)/indicators.json") + copy.read("\(Self.acme)/project.json")
        let tag = try CLI.run(["tag", Self.acme, "Reviewed", "--type", "md5", "--dry-run"], in: copy.root)
        #expect(tag.status == 0 && tag.stdout == """
            would tag md5 33ec9e7ec6ecf9a72c876150313b0b7e
            would tag md5 9e3be90487d8dc05c76b83ef8341b94d
            would tag md5 c4ff7ab9273586aac7e4f4e9930949e3
            would tag 3 indicators of \(Self.acme) with Reviewed; dry run: nothing was written

            """, "\(tag.stdout)")
        let untag = try CLI.run(["untag", Self.acme, "blocked", "198.51.100.23", "192.0.2.10", "--dry-run"], in: copy.root)
        #expect(untag.status == 0 && untag.stdout == """
            would remove tag Blocked from ipv4 198.51.100.23 (now unknown, no longer malicious)
            would remove tag Blocked from 1 indicator of \(Self.acme); 1 more selected does not have it; dry run: nothing was written

            """, "\(untag.stdout)")
        let classify = try CLI.run(["classify", Self.acme, "malicious", "--tagged", "Quarantine", "--dry-run"], in: copy.root)
        #expect(classify.status == 0 && classify.stdout.hasSuffix("would classify 4 indicators of \(Self.acme) as malicious; dry run: nothing was written\n"), "\(classify.stdout)")
        #expect(classify.stdout.contains("would classify domain acme-benefits.example.net (now malicious, no longer suspicious)\n"))
        // What the edit leaves to decide is said too: a contradiction it makes, a value it makes private.
        let contradicted = try CLI.run(["tag", Self.acme, "Blocked", "freemail.example", "--dry-run"], in: copy.root)
        #expect(contradicted.stderr.contains("keeps an explicit classification that tag Blocked contradicts"), "\(contradicted.stderr)")
        let hidden = try CLI.run(["tag", Self.acme, "private", "192.0.2.10", "--dry-run"], in: copy.root)
        #expect(hidden.stdout.hasPrefix("would tag ipv4 192.0.2.10 (made private)\n"), "\(hidden.stdout)")
        #expect(copy.read("\(Self.acme)/indicators.json") + copy.read("\(Self.acme)/project.json") == before)
        // A dry run is refused as the edit would be: a public indicator tagged tlp:amber.
        let marked = try CLI.run(["tag", "vpn-bruteforce-2026", "tlp:amber", "--all", "--dry-run"], in: copy.root)
        #expect(marked.status == 1 && marked.stderr.contains("nothing was changed"), "\(marked.stderr)")
    }

    @Test("tag, untag and classify by value and by selector; they say how many changed and refresh updated")
    func bulkEdits() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let byValue = try CLI.run(["tag", Self.acme, "takedown", "payroll-acme[.]example", "hxxps://payroll-acme[.]example/login.php?id=7"], in: copy.root)
        #expect(byValue.status == 0, "\(byValue.stderr)")
        #expect(byValue.stdout == "tagged 2 indicators of \(Self.acme) with takedown\n")
        var indicators = try Self.indicators(copy, Self.acme)
        #expect(indicators["https://payroll-acme.example/login.php?id=7"]?["tags"] as? [String] == ["Blocked", "Phishing", "takedown"])
        #expect(indicators["https://payroll-acme.example/login.php?id=7"]?["x-ticket"] as? String == "INC-4821")

        let bulk = try CLI.run(["tag", Self.acme, "Takedown", "--type", "url", "--tagged", "blocked"], in: copy.root)
        #expect(bulk.stdout.hasPrefix("tagged 6 indicators of \(Self.acme) with Takedown; 1 more selected already had it"), "\(bulk.stdout)")
        let same = try CLI.run(["tag", Self.acme, "TAKEDOWN", "payroll-acme.example"], in: copy.root)
        #expect(same.status == 0 && same.stdout == "nothing changed: every selected indicator (1) already has tag TAKEDOWN\n")

        let misspelled = try CLI.run(["tag", Self.acme, "Blokced", "192.0.2.10"], in: copy.root)
        #expect(misspelled.stderr.contains(#"warning: "Blokced" is not in the workspace's vocabulary; did you mean "Blocked" (which implies malicious)?"#), "\(misspelled.stderr)")
        #expect(try CLI.run(["untag", Self.acme, "Blokced", "192.0.2.10"], in: copy.root).status == 0)
        // A bulk selector's misspelled tag matches nothing, and says which was meant.
        let selected = try CLI.run(["classify", Self.acme, "malicious", "--tagged", "Blokced"], in: copy.root)
        #expect(selected.status == 1 && selected.stderr.contains("is tagged Blokced (did you mean Blocked, which indicators of the project have?); nothing was changed"), "\(selected.stderr)")
        // Untagging a typo of a tag the indicators have changes nothing, and says what was meant.
        let typo = try CLI.run(["untag", Self.acme, "Phisihng", "--all"], in: copy.root)
        #expect(typo.status == 0 && typo.stdout.hasPrefix("nothing changed") && typo.stderr.contains(#"did you mean "Phishing"?"#), "\(typo.stderr)")
        let swapped = try CLI.run(["untag", Self.acme, "192.0.2.10", "Blocked"], in: copy.root)
        #expect(swapped.status == 64 && swapped.stderr.contains("\"192.0.2.10\" is an indicator (ipv4), not a tag"), "\(swapped.stderr)")
        let contradiction = try CLI.run(["tag", Self.acme, "Blocked", "192.0.2.10"], in: copy.root)
        #expect(contradiction.stderr.contains("1 indicator keeps an explicit classification that tag Blocked contradicts (with it, the tags imply malicious)"), "\(contradiction.stderr)")
        // The fix it offers names the indicator just tagged, not every one tagged Blocked (whose
        // explicit classifications were decisions of their own).
        #expect(contradiction.stderr.contains("To change it: dossier classify \(Self.acme) malicious 192.0.2.10\n"), "\(contradiction.stderr)")
        // Another tag on it later is not blamed for what Blocked says, and offers no classification
        // of its own as the mend (Newly Observed implies unknown; Quarantine, suspicious: the
        // Blocked host stays malicious by its tags).
        for other in ["Newly Observed", "Quarantine"] {
            let later = try CLI.run(["tag", Self.acme, other, "192.0.2.10"], in: copy.root)
            #expect(later.status == 0 && !later.stderr.contains("contradicts"), "\(other): \(later.stderr)")
        }
        // add and classify say so too.
        let added = try CLI.run(["add", Self.acme, "c3.payroll-acme.example", "--tag", "Blocked", "--classify", "non-malicious"], in: copy.root)
        #expect(added.stderr.contains("warning: domain c3.payroll-acme.example is classified non-malicious but its tags imply malicious; the explicit classification wins"), "\(added.stderr)")
        let listed = try CLI.run(["add", Self.acme, "c4.payroll-acme.example", "--tag", "Blocked, Phishing"], in: copy.root)
        #expect(listed.stderr.contains("warning: \"Blocked, Phishing\" is one tag; for 2, give each on its own: --tag Blocked --tag Phishing"), "\(listed.stderr)")
        // Free tags joined by a bare comma are a list pasted too; a quoted machine tag's comma, or
        // a comma and a space between free words, may be part of one name.
        let free = try CLI.run(["add", Self.acme, "c5.payroll-acme.example", "--tag", "Phish,C2", "--tag", #"misp-galaxy:threat-actor="Sofacy,APT28""#,
                                "--tag", "Smith, Jones"], in: copy.root)
        #expect(free.stderr.contains("warning: \"Phish,C2\" is one tag; for 2, give each on its own: --tag Phish --tag C2"), "\(free.stderr)")
        #expect(!free.stderr.contains("Sofacy") && !free.stderr.contains("Smith"), "\(free.stderr)")
        let reclassified = try CLI.run(["classify", Self.acme, "Suspicious", "c3.payroll-acme.example"], in: copy.root)
        #expect(reclassified.stderr.contains("is classified suspicious but its tags imply malicious"), "\(reclassified.stderr)")

        let untag = try CLI.run(["untag", Self.acme, "takedown", "--all"], in: copy.root)
        #expect(untag.stdout.hasPrefix("removed tag takedown from 8 indicators of \(Self.acme); 54 more selected do not have it\n"), "\(untag.stdout)")
        // A classification that came from the tag removed changes, and untag says so.
        // Typed in another case, the tag is named as the project spells it.
        let implied = try CLI.run(["untag", Self.acme, "BLOCKED", "198.51.100.23"], in: copy.root)
        #expect(implied.status == 0)
        #expect(implied.stdout.hasPrefix("removed tag Blocked from 1 indicator of"), "\(implied.stdout)")
        #expect(implied.stderr.contains("warning: ipv4 198.51.100.23 is now unknown, no longer malicious: tag Blocked implied it"), "\(implied.stderr)")
        #expect(implied.stderr.contains("to keep malicious: dossier classify \(Self.acme) malicious 198.51.100.23\n"), "\(implied.stderr)")
        indicators = try Self.indicators(copy, Self.acme)
        #expect(!indicators.values.contains { ($0["tags"] as? [String] ?? []).contains { $0.lowercased() == "takedown" } })

        let classify = try CLI.run(["classify", Self.acme, "suspicious", "--type", "ipv6", "--classified", "malicious"], in: copy.root)
        #expect(classify.stdout == "classified 1 indicator of \(Self.acme) as suspicious\n", "\(classify.stdout)\(classify.stderr)")
        #expect(try Self.indicators(copy, Self.acme)["2001:db8:4f2a::15"]?["classification"] as? String == "suspicious")
        let freeForm = try CLI.run(["classify", Self.acme, "suspicious", "next.php"], in: copy.root)
        #expect(freeForm.stdout == "classified 1 indicator of \(Self.acme) as suspicious\n", "\(freeForm.stderr)")

        let empty = try CLI.run(["classify", Self.acme, "malicious", "--type", "cve"], in: copy.root)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("nothing matched: no indicator of \(Self.acme) is of type cve"))
        let unrecorded = try CLI.run(["tag", Self.acme, "x", "192.0.2.99"], in: copy.root)
        #expect(unrecorded.status == 1 && unrecorded.stderr.contains("ipv4 192.0.2.99 is not recorded in \(Self.acme)"))
        // Edited again the same day: today's time (`ProjectEdit.updated`).
        #expect(copy.read("\(Self.acme)/project.json").contains(#""updated": "\#(Scaffold.today())T"#))
        #expect(try CLI.run(["check"], in: copy.root).status == 0)
    }

    @Test("lookup: every project, indirect matches apart, disagreement flagged, --json, exit 1 when nothing is recorded")
    func lookup() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        _ = try CLI.run(["add", "typosquat-watch", "payroll-acme.example", "--classify", "suspicious"], in: copy.root)
        let text = try CLI.run(["lookup", "payroll-acme[.]example", "203.0.113.74"], in: copy.root)
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "payroll-acme.example (domain): recorded in 2 projects; CLASSIFIED DIFFERENTLY: malicious in \(Self.acme), suspicious in typosquat-watch")
        #expect(lines.contains("  \(Self.acme) (private): malicious; tags Blocked, Phishing; seen 2026-10-30 to 2026-11-02"), "\(text.stdout)")
        #expect(lines.contains("  indirect matches:"))
        // A value that is no indicator says why on its line, once.
        let invalid = try CLI.run(["lookup", "198.51.100.999"], in: copy.root)
        #expect(invalid.status == 1 && invalid.stdout == "198.51.100.999: not a valid indicator (999 is not an IPv4 octet (0-255))\n" && invalid.stderr.isEmpty,
            "\(invalid.stdout)\(invalid.stderr)")
        #expect(lines.contains { $0.hasPrefix("  ~ url https://payroll-acme.example/login.php?id=7 (on this host) in \(Self.acme) (private): malicious") })
        #expect(lines.contains { $0.hasPrefix("  ~ email payroll@payroll-acme.example (on this host)") })
        #expect(lines.contains { $0.hasPrefix("  ~ domain mail.payroll-acme.example (a subdomain)") })
        #expect(lines.contains("203.0.113.74 (ipv4): not recorded"))
        // A SHA-1's digits recorded only as a certificate's are named as recorded.
        let certificate = try CLI.run(["lookup", "2451e52e9fb288e90f8292a81deb2875d989ecd1"], in: copy.root)
        #expect(certificate.stdout.hasPrefix("2451e52e9fb288e90f8292a81deb2875d989ecd1 (x509-sha1): recorded in 1 project\n"), "\(certificate.stdout)")
        #expect(lines.contains { $0.hasPrefix("  ~ cidr 203.0.113.72/29 (a network containing it) in build-plugin-supply-chain (private): malicious") })

        let json = try CLI.run(["lookup", "--json", "-"], in: copy.root, input: "# IOCs from the vendor's post\npayroll-acme[.]example\n  # a comment line\n999.1.1.1\n")
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.count == 2 && object["audience"] as? String == "internal")
        #expect(results[0]["value"] as? String == "payroll-acme.example")
        #expect(results[0]["classificationDiffers"] as? Bool == true)
        #expect(results[0]["classifications"] as? [String] == ["malicious", "suspicious"])
        let matches = try #require(results[0]["matches"] as? [[String: Any]])
        #expect(matches.first?["project"] as? String == Self.acme && matches.first?["relation"] as? String == "exact")
        #expect(matches.contains { $0["relation"] as? String == "on-host" && $0["direct"] as? Bool == false })
        #expect(results[1]["recorded"] as? Bool == false && results[1]["error"] != nil)

        let none = try CLI.run(["lookup", "203.0.113.74", "nothing-here.example"], in: copy.root)
        #expect(none.status == 1)
        #expect(none.stdout.contains("nothing-here.example (domain): not recorded"))
    }

    @Test("every new command teaches through --help")
    func help() throws {
        for command in ["add", "tag", "untag", "classify", "lookup"] {
            let help = try CLI.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("dossier \(command) "), "\(command)")
            #expect(help.stdout.contains("Example"), "\(command)")
        }
        let add = try CLI.run(["add", "--help"]).stdout
        for option in ["--type", "--tag", "--classify", "--comment", "--source", "--private", "--first-seen", "--last-seen", "--extract", "--skip-invalid"] {
            #expect(add.contains(option), "\(option)")
        }
        let tag = try CLI.run(["tag", "--help"]).stdout
        for option in ["--tagged", "--type", "--classified", "--all", "--skip-invalid"] { #expect(tag.contains(option), "\(option)") }
    }
}
