import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `check`, `fmt`, `init` and `new` as a user runs them (issue 2's acceptance).
@Suite("Core commands, end to end")
struct CoreCommandTests {
    static let samples = CLI.repository + "/sample-projects"

    @Test("the sample workspace passes check and fmt --check")
    func sampleIsClean() throws {
        let check = try CLI.run(["check", "-w", Self.samples])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("0 errors"))
        let fmt = try CLI.run(["fmt", "--check", "-w", Self.samples])
        #expect(fmt.status == 0, "\(fmt.stdout)\(fmt.stderr)")
        #expect(fmt.stdout.isEmpty)
    }

    @Test("check reports the files of the projects it is given alone, exit status included; as JSON for a script, or as GitHub annotations; an unknown project is named with those there are")
    func checkNamedProjectsAndFormats() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        try copy.write("acme-payroll-phish/notes/01-overview.md", copy.read("acme-payroll-phish/notes/01-overview.md") + "\nSee [x](09-missing.md).\n")
        try copy.write("vpn-bruteforce-2026/indicators.json", copy.read("vpn-bruteforce-2026/indicators.json").replacingOccurrences(of: "\"type\": \"ipv4\"", with: "\"type\": \"ipv9\""))
        let whole = try CLI.run(["check"], in: copy.root)
        #expect(whole.status == 1 && whole.stderr.contains("acme-payroll-phish/notes/01-overview.md:") && whole.stderr.contains("vpn-bruteforce-2026/indicators.json:"))
        let one = try CLI.run(["check", "acme-payroll-phish"], in: copy.root)
        #expect(one.status == 0 && one.stderr.contains("acme-payroll-phish/notes/01-overview.md:") && !one.stderr.contains("vpn-bruteforce-2026"), "\(one.stderr)")
        #expect(one.stderr.contains("0 errors, 1 warning in ") && one.stderr.contains(" of acme-payroll-phish"), "\(one.stderr)")
        #expect(try CLI.run(["check", "acme-payroll-phish", "--strict"], in: copy.root).status == 1)
        let json = try CLI.run(["check", "--format", "json", "acme-payroll-phish"], in: copy.root)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let found = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(found.count == 1 && found[0]["file"] as? String == "acme-payroll-phish/notes/01-overview.md" && found[0]["code"] as? String == "broken-link")
        #expect(found[0]["severity"] as? String == "warning" && (found[0]["line"] as? Int ?? 0) > 1 && object["warnings"] as? Int == 1 && json.stderr.isEmpty, "\(json.stderr)")
        let github = try CLI.run(["check", "--format", "github"], in: copy.root)
        let lines = github.stdout.split(separator: "\n")
        #expect(github.status == 1 && lines.contains { $0.hasPrefix("::warning file=acme-payroll-phish/notes/01-overview.md,line=") && $0.contains(",title=dossier (broken-link)::the link to 09-missing.md") })
        #expect(lines.contains { $0.hasPrefix("::error file=vpn-bruteforce-2026/indicators.json,line=") }, "\(github.stdout)")
        let unknown = try CLI.run(["check", "acme-phish"], in: copy.root)
        #expect(unknown.status == 1 && unknown.stderr.contains("no project \"acme-phish\" in this workspace") && unknown.stderr.contains("acme-payroll-phish"))
    }

    @Test("an internal report counts the warnings it is given, its project's and the workspace's own, and says whose; a public one the workspace's")
    func reportCountsItsWarnings() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        for (project, note) in [("acme-payroll-phish", "01-overview.md"), ("commodity-loader-c2", "01-overview.md"), ("vpn-bruteforce-2026", "01-overview.md")] {
            try copy.write("\(project)/notes/\(note)", copy.read("\(project)/notes/\(note)") + "\nSee [the missing note](09-missing.md).\n")
        }
        let check = try CLI.run(["check"], in: copy.root)
        #expect(check.stderr.contains("0 errors, 3 warnings") || check.stdout.contains("0 errors, 3 warnings"), "\(check.stdout)\(check.stderr)")
        let own = try CLI.run(["report", "acme-payroll-phish", "--internal", "-o", "/dev/null"], in: copy.root)
        #expect(own.stderr.contains("warning: the files of acme-payroll-phish and the workspace's own have 1 warning; run `dossier check` to see them"), "\(own.stderr)")
        let open = try CLI.run(["report", "vpn-bruteforce-2026", "-o", "/dev/null"], in: copy.root)
        #expect(open.stderr.contains("warning: the workspace has 3 warnings; run `dossier check` to see them"), "\(open.stderr)")
        // What a public output would show that may not be meant is said whole, of its own files,
        // --quiet or not; the rest counted.
        try copy.write("vpn-bruteforce-2026/notes/01-overview.md", copy.read("vpn-bruteforce-2026/notes/01-overview.md") + "\nAs in acme-payroll-phish.\n")
        let named = "vpn-bruteforce-2026/notes/01-overview.md:"
        for quiet in [false, true] {
            let build = try CLI.run(["build"] + (quiet ? ["-q"] : []), in: copy.root)
            #expect(build.status == 0 && build.stderr.contains(named) && build.stderr.contains("names the private project acme-payroll-phish"), "\(build.stderr)")
            #expect(build.stderr.contains("warning: the workspace has 3 warnings more; run `dossier check`") == !quiet, "\(build.stderr)")
        }
        let report = try CLI.run(["report", "commodity-loader-c2", "-o", "/dev/null"], in: copy.root)
        #expect(!report.stderr.contains(named) && report.stderr.contains("warning: the workspace has 4 warnings;"), "\(report.stderr)")
        let internalBuild = try CLI.run(["build", "--internal", "--out", "../internal"], in: copy.root)
        #expect(!internalBuild.stderr.contains(named) && internalBuild.stderr.contains("warning: the workspace has 4 warnings;"), "\(internalBuild.stderr)")
    }

    @Test("an internal site built in the workspace, in a folder git does not ignore (as git check-ignore says, else the .gitignore names), is a warning: git add -A would commit it")
    func internalSiteInTheWorkspaceIsIgnoredOrSaid() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        try copy.write(".gitignore", "# dossier build output\n/site/\n")
        let said = "is in the workspace and git does not ignore it: `git add -A` would commit the internal site"
        let inside = try CLI.run(["build", "--internal", "--out", "internal-site"], in: copy.root)
        #expect(inside.status == 0 && inside.stderr.contains("warning: internal-site/ \(said)"), "\(inside.stderr)")
        #expect(!(try CLI.run(["build", "--internal"], in: copy.root)).stderr.contains(said))
        try copy.write(".gitignore", "/site/\ninternal-site/**\n")
        // -o and --output name the folder too, as they name report's and export's file.
        #expect(!(try CLI.run(["build", "--internal", "-o", "internal-site"], in: copy.root)).stderr.contains(said))
        #expect(!(try CLI.run(["build", "--output", "public-site"], in: copy.root)).stderr.contains(said))
        #expect(FileManager.default.fileExists(atPath: copy.path("public-site/index.html")))
        // In a repository, as git itself says: a glob ignores it, a negation does not.
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "-q", copy.root]
        try git.run()
        git.waitUntilExit()
        try copy.write(".gitignore", "/site/\nintern*/\n")
        #expect(!(try CLI.run(["build", "--internal", "--out", "internal-site"], in: copy.root)).stderr.contains(said))
        try copy.write(".gitignore", "/site/\n/internal-site/\n!/internal-site/\n")
        #expect(try CLI.run(["build", "--internal", "--out", "internal-site"], in: copy.root).stderr.contains("warning: internal-site/ \(said)"))
        // So is an internal report or export written there; a public one, or one git ignores, is not.
        let report = try CLI.run(["report", "acme-payroll-phish", "--internal", "-o", "phish.html"], in: copy.root)
        #expect(report.stderr.contains("warning: phish.html is in the workspace and git does not ignore it: `git add -A` would commit this internal report"), "\(report.stderr)")
        let export = try CLI.run(["export", "acme-payroll-phish", "--internal", "--out", "phish.stix.json"], in: copy.root)
        #expect(export.stderr.contains("would commit this internal export"), "\(export.stderr)")
        // Sent there by the shell, the same; into the public site, refused.
        let redirected = try ProcessRunner.run("/bin/sh", ["-c", "\(ShellWord.quoted(CLI.executable)) export acme-payroll-phish --internal --format json > phish.json"], in: copy.root)
        #expect(redirected.status == 0 && redirected.stderr.contains("warning: phish.json is in the workspace and git does not ignore it: `git add -A` would commit this internal export"),
            "\(redirected.stderr)")
        #expect(copy.read("phish.json").contains("\"indicators\""))
        #expect(try CLI.run(["build"], in: copy.root).status == 0)
        let intoSite = try ProcessRunner.run("/bin/sh", ["-c", "\(ShellWord.quoted(CLI.executable)) report acme-payroll-phish --internal --format md > site/phish.md"], in: copy.root)
        #expect(intoSite.status == 1 && intoSite.stderr.contains("refusing to write this internal report to site/phish.md: it is in site/, the public site"), "\(intoSite.stderr)")
        #expect(copy.read("site/phish.md").isEmpty)
        try copy.write(".gitignore", "/site/\n*.html\n")
        #expect(!(try CLI.run(["report", "acme-payroll-phish", "--internal", "-o", "phish.html"], in: copy.root)).stderr.contains("git does not ignore"))
        #expect(!(try CLI.run(["report", "vpn-bruteforce-2026", "-o", "vpn.md"], in: copy.root)).stderr.contains("git does not ignore"))
    }

    @Test("an import that makes recorded indicators private says how many in its summary, without --verbose (a private project's own internal export marks every row private)")
    func importSaysWhatItMadePrivate() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        #expect(try CLI.run(["export", "acme-payroll-phish", "--internal", "-o", "../self.csv"], in: copy.root).status == 0)
        let imported = try CLI.run(["import", "acme-payroll-phish", "../self.csv"], in: copy.root)
        #expect(imported.status == 0 && imported.stdout.contains("acme-payroll-phish: 0 added, 59 merged (55 of them made private), 0 unchanged"), "\(imported.stdout)")
    }

    @Test("an option's value that starts with a dash is said to go after an equals sign, which takes it; an option with no value at all is said as the parser says it")
    func dashValuesAreExplained() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let before = copy.read("commodity-loader-c2/indicators.json")
        let dashed = try CLI.run(["add", "commodity-loader-c2", "192.0.2.77", "--comment", "-5 score"], in: copy.root)
        #expect(dashed.status == 64 && dashed.stderr.contains("--comment has no value: '-5 score' starts with a dash and is read as an option; give it after an equals sign: --comment='-5 score'"), "\(dashed.stderr)")
        #expect(copy.read("commodity-loader-c2/indicators.json") == before)
        // A forgotten value, before another option or the end, or before `--`, is the parser's to say.
        for line in [["--comment"], ["--tag", "--private"], ["--comment", "--", "-5"]] {
            let missing = try CLI.run(["add", "commodity-loader-c2", "192.0.2.77"] + line, in: copy.root)
            #expect(missing.status == 64 && missing.stderr.contains("Missing value for '--") && !missing.stderr.contains("equals sign"), "\(line): \(missing.stderr)")
        }
        #expect(try CLI.run(["new", "x", "--title", "-draft-"], in: copy.root).stderr.contains("--title has no value: -draft- starts with a dash"))
        let given = try CLI.run(["add", "commodity-loader-c2", "192.0.2.77", "--comment=-5 score"], in: copy.root)
        #expect(given.status == 0 && copy.read("commodity-loader-c2/indicators.json").contains("\"-5 score\""), "\(given.stderr)")
    }

    @Test("the options every command takes may come before the command, as with git -C")
    func optionsBeforeCommand() throws {
        let pairs = [
            (["-w", Self.samples, "check"], ["check", "-w", Self.samples]),
            (["--workspace", Self.samples, "check"], ["check", "-w", Self.samples]),
            (["--workspace=" + Self.samples, "check"], ["check", "-w", Self.samples]),
            (["-q", "-w", Self.samples, "check", "--no-cache"], ["check", "--no-cache", "-q", "-w", Self.samples]),
        ]
        for (before, after) in pairs {
            let leading = try CLI.run(before), trailing = try CLI.run(after)
            #expect(leading.status == 0, "\(before): \(leading.stderr)")
            #expect(leading.stdout == trailing.stdout && leading.stderr == trailing.stderr, "\(before)")
        }
        let lookup = try CLI.run(["-w", Self.samples, "lookup", "--json", "203.0.113.9"])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        #expect(lookup.stdout.contains("commodity-loader-c2"))
        // A project's folder, or dossier.json itself, given for the workspace: the folder to give is named.
        let project = try CLI.run(["check", "-w", Self.samples + "/commodity-loader-c2"])
        #expect(project.status != 0 && project.stderr.contains("is a folder inside the workspace \(Self.samples), not a workspace; pass --workspace \(Self.samples)"), "\(project.stderr)")
        let file = try CLI.run(["check", "-w", Self.samples + "/dossier.json"])
        #expect(file.status != 0 && file.stderr.contains("--workspace takes the workspace's folder, not its dossier.json"), "\(file.stderr)")
        let typo = try CLI.run(["check", "-w", Self.samples + "/no-such-folder"])
        #expect(typo.stderr.contains("is not a dossier workspace"), "\(typo.stderr)")
        // With no command after them, what is missing is said.
        let alone = try CLI.run(["-w", Self.samples])
        #expect(alone.status == 64)
        #expect(alone.stderr.contains("go with a command"), "\(alone.stderr)")
    }

    @Test("what a first walk met: init refuses a blank title and check warns of one; the Markdown report dates a note with no author; an edit that writes a deleted indicators.json anew says so; fmt points to --merge for an entry recorded twice; add says which special-use addresses a public project publishes")
    func firstWalkRoughEdges() throws {
        let empty = try TemporaryCopy()
        let blank = try CLI.run(["init", empty.root, "--title", " "])
        #expect(blank.status == 64 && blank.stderr.contains("--title is blank"), "\(blank.stderr)")
        #expect(try CLI.run(["init", empty.root]).status == 0)
        try empty.write("dossier.json", #"{ "title": "  " }"# + "\n")
        #expect(try CLI.run(["new", "p", "--public", "-q"], in: empty.root).status == 0)
        try empty.write("p/project.json", empty.read("p/project.json").replacingOccurrences(of: #""title": "P""#, with: #""title": "\t""#))
        let check = try CLI.run(["check"], in: empty.root)
        #expect(check.stderr.contains("dossier.json:1:12: warning: \"title\" is blank; the site will use the folder name \"workspace\""), "\(check.stderr)")
        #expect(check.stderr.contains("p/project.json:") && check.stderr.contains("\"title\" is blank; reports will use the folder name \"p\""), "\(check.stderr)")

        let markdown = try CLI.run(["report", "p", "--format", "md", "--internal"], in: empty.root)
        let note = try #require(markdown.stdout.range(of: "### Overview"))
        #expect(markdown.stdout[note.upperBound...].prefix(40).contains("*\(Scaffold.today())*"), "\(markdown.stdout)")

        #expect(try CLI.run(["add", "p", "198.51.100.1", "-q"], in: empty.root).status == 0)
        try FileManager.default.removeItem(atPath: empty.path("p/indicators.json"))
        let recreated = try CLI.run(["add", "p", "198.51.100.2", "-q"], in: empty.root)
        #expect(recreated.status == 0 && recreated.stderr.contains("p/indicators.json was missing: it now holds these indicators alone"), "\(recreated.stderr)")

        try empty.write("p/indicators.json", #"{"indicators":[{"value":"evil.example","type":"domain"},{"value":"EVIL.example","type":"domain","comment":"d"}]}"#)
        let fmt = try CLI.run(["fmt"], in: empty.root)
        #expect(fmt.status == 0 && fmt.stderr.contains("p records an indicator more than once, which `dossier check` refuses; `dossier fmt --merge` merges the entries"), "\(fmt.stderr)")
        #expect(try CLI.run(["fmt", "--merge", "-q"], in: empty.root).status == 0)

        let help = try CLI.run(["help", "ad"], in: empty.root)
        #expect(help.status == 64 && help.stderr.contains("no command \"ad\". Did you mean \"add\"?"), "\(help.stderr)")
        let initWorkspace = try CLI.run(["-w", empty.root, "init"])
        #expect(initWorkspace.status == 64 && initWorkspace.stderr.contains("init makes the workspace in the folder it is given, and takes no --workspace: dossier init DIR"), "\(initWorkspace.stderr)")
        try empty.write("p/notes/02-cased.md", "---\ntitle: O\nvisibility: Private\n---\nText.\n")
        try empty.write("p/notes/03-flow.md", "---\ntitle: [draft] Kit\n---\nText.\n")
        let frontMatter = try CLI.run(["check"], in: empty.root)
        #expect(frontMatter.stderr.contains("p/notes/02-cased.md:3:13: error: unknown visibility \"Private\"; expected \"public\" or \"private\"; did you mean \"private\"?"), "\(frontMatter.stderr)")
        #expect(frontMatter.stderr.contains("p/notes/03-flow.md:2:8: error: invalid front matter:") && frontMatter.stderr.contains("quote it (title: \"...\")"), "\(frontMatter.stderr)")
        try FileManager.default.removeItem(atPath: empty.path("p/notes/02-cased.md"))
        try FileManager.default.removeItem(atPath: empty.path("p/notes/03-flow.md"))

        let special = (0..<3000).map { "10.0.\($0 / 256).\($0 % 256)" }.joined(separator: "\n")
        let added = try CLI.run(["add", "p", "-"], in: empty.root, input: special)
        #expect(added.status == 0 && added.stderr.contains("warning: public project p publishes 3000 addresses of special-use ranges"), "\(added.stderr.suffix(300))")
    }

    @Test("an unknown classification: exit 1 and file:line:column of the value's opening quote")
    func unknownClassification() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let file = "commodity-loader-c2/indicators.json"
        let original = copy.read(file)
        let lines = original.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains(#""classification": "malicious""#) })
        let column = try #require(lines[index].range(of: #""malicious""#)).lowerBound.utf16Offset(in: lines[index]) + 1
        var edited = lines
        edited[index] = lines[index].replacingOccurrences(of: #""malicious""#, with: #""evil""#)
        try copy.write(file, edited.joined(separator: "\n"))
        let result = try CLI.run(["check"], in: copy.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(file):\(index + 1):\(column): error: unknown classification \"evil\""), "\(result.stderr)")
        #expect(result.stderr.contains("1 error"))
    }

    @Test("add and tag refuse to mark a public indicator of a public project above TLP:CLEAR, and a tag with no name; nothing is written")
    func editsThatWouldPublishMarkedData() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let file = "commodity-loader-c2/indicators.json"
        let before = copy.read(file)
        for arguments in [["add", "commodity-loader-c2", "198.51.100.99", "--tag", "tlp:red"], ["tag", "commodity-loader-c2", "TLP:AMBER", "203.0.113.5"]] {
            let run = try CLI.run(arguments, in: copy.root)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains("but it is a public indicator of a public project"), "\(run.stderr)")
            #expect(run.stderr.contains("nothing was changed; record it private"), "\(run.stderr)")
        }
        for arguments in [["tag", "commodity-loader-c2", "\u{200B}", "203.0.113.5"], ["add", "commodity-loader-c2", "198.51.100.9", "--tag", "\u{200B}"]] {
            #expect(try CLI.run(arguments, in: copy.root).status == 64)
        }
        #expect(copy.read(file) == before)
        // Private, it may be so marked.
        let kept = try CLI.run(["add", "commodity-loader-c2", "198.51.100.99", "--tag", "tlp:red", "--private"], in: copy.root)
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(try CLI.run(["check"], in: copy.root).status == 0)
    }

    @Test("an edit refused because a public note would publish the value it makes private names the note's line and column")
    func refusedEditNamesThePlace() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        try copy.write("vpn-bruteforce-2026/notes/09-extra.md", "# Extra\n\nThe scanner is 203.0.113.201.\n")
        let run = try CLI.run(["add", "vpn-bruteforce-2026", "203.0.113.201", "--private"], in: copy.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("vpn-bruteforce-2026/notes/09-extra.md:3:16: error: "), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was changed"), "\(run.stderr)")
    }

    @Test("an edit that would leave the project failing check is refused with check's error: a public comment naming the project's private file path")
    func editsThatCheckWouldReject() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let file = "commodity-loader-c2/indicators.json"
        let added = try CLI.run(["add", "commodity-loader-c2", #"C:\Users\Public\stage2.dll"#, "--type", "filepath", "--private"], in: copy.root)
        #expect(added.status == 0, "\(added.stderr)")
        let before = copy.read(file)
        for arguments in [["add", "commodity-loader-c2", "198.51.100.98", "--comment", #"Drops C:\Users\Public\stage2.dll"#],
                          ["add", "commodity-loader-c2", "198.51.100.97", "--comment", "Talks to 192[.]0[.]2[.]130"],
                          ["tag", "commodity-loader-c2", #"from-C:\Users\Public\stage2.dll"#, "203.0.113.5"]] {
            let run = try CLI.run(arguments, in: copy.root)
            #expect(run.status == 1, "\(arguments)")
            #expect(run.stderr.contains(#"filepath "C:\Users\Public\stage2.dll" is recorded as private, but"#)
                || run.stderr.contains("ipv4 192.0.2.130 is recorded as private"), "\(run.stderr)")
            #expect(run.stderr.contains("nothing was changed"), "\(run.stderr)")
        }
        #expect(copy.read(file) == before)
        #expect(try CLI.run(["check"], in: copy.root).status == 0)
    }

    @Test("every help's examples fit an 80-column terminal: no command is wrapped into a line a shell would run apart", arguments: [
        "init", "new", "add", "tag", "untag", "classify", "remove", "import", "export", "lookup", "check", "report", "build", "fmt",
    ])
    func helpExamplesFit(_ command: String) throws {
        let help = try CLI.run([command, "--help"], environment: ["COLUMNS": "80"]).stdout
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        let examples = try #require(lines.firstIndex { $0.hasPrefix("Examples:") } ?? lines.firstIndex { $0.contains("Example") }, "\(command)")
        for line in lines[(examples + 1)...].prefix { !$0.isEmpty } {
            #expect(line.hasPrefix("  ") && line.count <= 80, "\(command): \(line)")
        }
    }

    @Test("build is incremental and says how many files it reused; --clean renders everything")
    func incrementalBuild() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let first = try CLI.run(["build"], in: copy.root)
        #expect(first.status == 0)
        #expect(!first.stdout.contains("reused"), "\(first.stdout)")
        let again = try CLI.run(["build"], in: copy.root)
        #expect(again.status == 0)
        // Every file but index.json, which lists the files and is always written (the public
        // projects' pages and exports, and the copy of the one image a public note shows).
        #expect(again.stdout.contains("31 files (30 unchanged, reused)"), "\(again.stdout)")
        let clean = try CLI.run(["build", "--clean"], in: copy.root)
        #expect(clean.status == 0)
        #expect(!clean.stdout.contains("reused"), "\(clean.stdout)")
        #expect(try CLI.run(["build", "--help"]).stdout.contains("--clean"))
        // The internal site over the public one: a deployment would publish every private project.
        // Refused into the default folder, which is the public site's, and nothing is written.
        let before = try FileManager.default.contentsOfDirectory(atPath: copy.root + "/site").sorted()
        let refused = try CLI.run(["build", "--internal"], in: copy.root)
        #expect(refused.status == 1 && refused.stderr.contains("refused: site holds the public site, the folder that gets published"), "\(refused.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.root + "/site").sorted() == before)
        #expect(!(try String(contentsOfFile: copy.root + "/site/index.html", encoding: .utf8)).contains("ACME payroll"))
        // Named with --out too (a deployment's folder recalled from the shell's history).
        let named = try CLI.run(["build", "--internal", "--out", "site"], in: copy.root)
        #expect(named.status == 1 && named.stderr.contains("or add --replace-public to replace the public site on purpose"), "\(named.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.root + "/site").sorted() == before)
        // Nor inside it, where it would be published with it; no internal report or export either.
        let inside = try CLI.run(["build", "--internal", "--out", "site/team", "--replace-public"], in: copy.root)
        #expect(inside.status == 1 && inside.stderr.contains("refused: site/team is in site/, the public site, which a deployment publishes whole"), "\(inside.stderr)")
        let report = try CLI.run(["report", "acme-payroll-phish", "--internal", "-o", "site/projects/acme.html"], in: copy.root)
        #expect(report.status == 1 && report.stderr.contains("refusing to write this internal report to site/projects/acme.html: it is in site/, the public site"), "\(report.stderr)")
        let export = try CLI.run(["export", "acme-payroll-phish", "--internal", "--format", "csv", "-o", "site/acme.csv"], in: copy.root)
        #expect(export.status == 1 && export.stderr.contains("refusing to write this internal export to site/acme.csv"), "\(export.stderr)")
        #expect(try CLI.run(["report", "vpn-bruteforce-2026", "-o", "site/vpn.html"], in: copy.root).status == 0)
        try FileManager.default.removeItem(atPath: copy.root + "/site/vpn.html")
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.root + "/site").sorted() == before)
        #expect(try CLI.run(["build", "--replace-public"], in: copy.root).status == 64)
        // Asked for in so many words, it is done, and said.
        let internalOver = try CLI.run(["build", "--internal", "--replace-public"], in: copy.root)
        #expect(internalOver.status == 0)
        #expect(internalOver.stderr.contains("warning: site held the public site and now holds the internal one, private projects included: do not publish it"),
            "\(internalOver.stderr)")
        #expect(!(try CLI.run(["build", "--internal"], in: copy.root)).stderr.contains("held the public site"))
        #expect(!(try CLI.run(["build"], in: copy.root)).stderr.contains("held the"))
    }

    @Test("check says the same through the project cache as without; an edit is seen at once; --no-cache and DOSSIER_CACHE=off write no cache")
    func projectCache() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let cache = (copy.root as NSString).deletingLastPathComponent + "/cache"
        let environment = ["DOSSIER_CACHE_DIR": cache]
        let file = "commodity-loader-c2/notes/01-overview.md"
        try copy.write(file, copy.read(file) + "\nAlso seen: 203.0.113.250\n")

        _ = try CLI.run(["check", "--no-cache"], in: copy.root, environment: environment)
        _ = try CLI.run(["check"], in: copy.root, environment: ["DOSSIER_CACHE": "off", "DOSSIER_CACHE_DIR": cache])
        #expect(!FileManager.default.fileExists(atPath: cache))
        let reference = try CLI.run(["check", "--no-cache"], in: copy.root)
        #expect(reference.stderr.contains("203.0.113.250 is written in this note but not recorded"), "\(reference.stderr)")
        let cold = try CLI.run(["check"], in: copy.root, environment: environment)
        #expect(FileManager.default.fileExists(atPath: cache))
        let warm = try CLI.run(["check"], in: copy.root, environment: environment)
        #expect(cold.stderr == reference.stderr && warm.stderr == reference.stderr)
        #expect(warm.status == reference.status)
        let lookup = ["lookup", "192.0.2.130", "198.51.100.143"]
        let cachedLookup = try CLI.run(lookup, in: copy.root, environment: environment)
        let plainLookup = try CLI.run(lookup + ["--no-cache"], in: copy.root)
        #expect(cachedLookup.stdout == plainLookup.stdout && !plainLookup.stdout.isEmpty, "\(cachedLookup.stdout)")

        try copy.write(file, copy.read(file).replacingOccurrences(of: "203.0.113.250", with: "203.0.113.251"))
        let edited = try CLI.run(["check"], in: copy.root, environment: environment)
        #expect(edited.stderr.contains("203.0.113.251 is written") && !edited.stderr.contains("203.0.113.250"), "\(edited.stderr)")
        #expect(try CLI.run(["check", "--help"]).stdout.contains("--no-cache"))
    }

    @Test("lookup says when a project could not be read (exit 1, named, unread in --json); a project argument may end in /")
    func lookupOfAnUnreadableProject() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        #expect(try CLI.run(["lookup", "payroll-acme.example", "--no-cache"], in: copy.root).status == 0)
        let file = "acme-payroll-phish/indicators.json"
        try copy.write(file, "<<<<<<< HEAD\n" + copy.read(file))
        let text = try CLI.run(["lookup", "payroll-acme.example", "--no-cache"], in: copy.root)
        #expect(text.status == 1)
        #expect(text.stderr.contains("acme-payroll-phish/indicators.json has errors"), "\(text.stderr)")
        let json = try CLI.run(["lookup", "payroll-acme.example", "--json", "--no-cache"], in: copy.root)
        #expect(json.status == 1 && json.stdout.contains("\"unread\": [\n    \"acme-payroll-phish/indicators.json\""), "\(json.stdout)")
        let tagged = try CLI.run(["tag", "commodity-loader-c2/", "C2", "cdn-update.test"], in: copy.root)
        #expect(tagged.status == 0, "\(tagged.stderr)")
    }

    @Test("check reports an error in the workspace's own templates, which would stop a build")
    func checkTemplates() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        try FileManager.default.createDirectory(atPath: copy.path("templates"), withIntermediateDirectories: true)
        try copy.write("templates/report.md.mustache", "# {{title}}\n{{#x}}\n")
        let run = try CLI.run(["check", "--no-cache"], in: copy.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("templates/report.md.mustache:2:1: error: template error: the section {{#x}} opened here is never closed ({{/x}} missing)"), "\(run.stderr)")
    }

    @Test("lookup without a workspace, or with a broken dossier.json, does not pass for an answer")
    func lookupWithoutItsWorkspace() throws {
        let empty = try TemporaryCopy()
        try FileManager.default.createDirectory(atPath: empty.root, withIntermediateDirectories: true)
        let nowhere = try CLI.run(["lookup", "payroll-acme.example"], in: empty.root)
        #expect(nowhere.status == 1 && nowhere.stderr.contains("dossier.json"), "no answer, said so: \(nowhere.stderr)")
        let copy = try TemporaryCopy(of: Self.samples)
        try copy.write("dossier.json", "{ \"title\": ")
        let broken = try CLI.run(["lookup", "payroll-acme.example", "--no-cache"], in: copy.root)
        #expect(broken.stderr.contains("dossier.json has errors, so the classifications its tags imply may be wrong"), "\(broken.stderr)")
    }

    @Test("fmt restores a reindented, key-sorted, reordered copy byte for byte")
    func fmtRestores() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let files = try FileManager.default.subpathsOfDirectory(atPath: copy.root).filter { $0.hasSuffix(".json") }.sorted()
        #expect(files.count >= 13)
        var originals: [String: String] = [:]
        for file in files { originals[file] = copy.read(file) }
        let scramble = """
            import json, sys
            for path in sys.argv[1:]:
                data = json.load(open(path))
                if isinstance(data.get("indicators"), list):
                    data["indicators"].reverse()
                json.dump(data, open(path, "w"), indent=4, sort_keys=True, ensure_ascii=True)
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", scramble] + files.map(copy.path)
        try python.run()
        python.waitUntilExit()
        #expect(python.terminationStatus == 0)
        #expect(copy.read(files[0]) != originals[files[0]])
        let checkBefore = try CLI.run(["fmt", "--check"], in: copy.root)
        #expect(checkBefore.status == 1)
        #expect(checkBefore.stdout.split(separator: "\n").count == files.count)
        let fmt = try CLI.run(["fmt"], in: copy.root)
        #expect(fmt.status == 0, "\(fmt.stderr)")
        for file in files { #expect(copy.read(file) == originals[file], "\(file)") }
    }

    @Test("a value with terminal control characters (from a feed) is printed escaped by add, lookup and import: it cannot send the terminal an escape sequence")
    func controlCharactersNeverReachTheTerminal() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let value = "UA\u{1B}[31mRED\u{07}"
        let added = try CLI.run(["add", "typosquat-watch", value, "--type", "user-agent"], in: copy.root)
        let found = try CLI.run(["lookup", value, "--type", "user-agent"], in: copy.root)
        try copy.write("event.json", #"{"Event": {"info": "t", "Attribute": [{"type": "domain", "value": "bad\u001b]0;pwn\u0007.example"}, {"type": "user-agent", "value": "x\u009b2J"}]}}"#)
        let imported = try CLI.run(["import", "typosquat-watch", copy.path("event.json"), "--verbose"], in: copy.root)
        for run in [added, found, imported] {
            let output = run.stdout + run.stderr
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(output)")
        }
        #expect(added.status == 0 && added.stdout.contains("UA\\u{1B}[31mRED\\u{7}"), "\(added.stdout)")
        #expect(found.status == 0 && found.stdout.contains("\\u{1B}"), "\(found.stdout)")
        #expect(imported.stdout.contains("\\u{9B}") || imported.stderr.contains("\\u{9B}"), "\(imported.stdout)\(imported.stderr)")
    }

    @Test("fmt with a file in error rewrites no other file, and exits 1 saying so")
    func fmtWithAnErrorWritesNothing() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let scrambled = #"{"indicators":[{"type":"domain","value":"b.example"},{"value":"a.example","type":"domain"}]}"#
        try copy.write("acme-payroll-phish/indicators.json", scrambled)
        try copy.write("typosquat-watch/indicators.json", #"{"indicators":[{"value":"x","type":"bogus"}]}"#)
        let fmt = try CLI.run(["fmt"], in: copy.root)
        #expect(fmt.status == 1)
        #expect(fmt.stderr.contains("typosquat-watch/indicators.json:1:"), "\(fmt.stderr)")
        #expect(fmt.stderr.contains("nothing was formatted"), "\(fmt.stderr)")
        #expect(copy.read("acme-payroll-phish/indicators.json") == scrambled)
        // Mended, fmt rewrites the other.
        try copy.write("typosquat-watch/indicators.json", #"{"indicators":[]}"#)
        #expect(try CLI.run(["fmt"], in: copy.root).status == 0)
        #expect(copy.read("acme-payroll-phish/indicators.json") != scrambled)
    }

    @Test("fmt --merge reads a conflict's sides from git's index, as each branch wrote them: one side's removal and the other's additions land on no other indicator; a removal the other side's change undoes is said; the project is dated anew")
    func mergeFromGitIndex() throws {
        let root = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: root) }
        func git(_ arguments: String...) throws {
            let run = try ProcessRunner.run("/usr/bin/env", ["git"] + arguments, in: root)
            #expect(run.status == 0, "git \(arguments): \(run.stderr)")
        }
        func dossier(_ arguments: String...) throws {
            let run = try CLI.run(Array(arguments), in: root)
            #expect(run.status == 0, "dossier \(arguments): \(run.stderr)")
        }
        try git("init", "-q")
        for (key, value) in [("user.name", "a"), ("user.email", "a@x.example"), ("merge.conflictStyle", "diff3")] { try git("config", key, value) }
        try dossier("init", ".", "-q")
        try dossier("new", "p", "-q")
        try dossier("add", "p", "-q", "d8.example", "d7.example")
        try dossier("add", "p", "-q", "d9.example", "--tag", "Blocked", "--comment", "gateway hit, see ticket 42")
        try git("add", "-A")
        try git("commit", "-qm", "base")
        try git("branch", "-M", "main")
        try git("checkout", "-qb", "bob")
        try dossier("remove", "p", "-q", "d9.example")
        try dossier("add", "p", "-q", "shared.example", "--tag", "bob-tag")
        try dossier("add", "p", "-q", "d7.example", "--comment", "bob looked")
        try git("commit", "-qam", "bob")
        try git("checkout", "-q", "main")
        try dossier("add", "p", "-q", "e1.example", "--tag", "alice-tag")
        try dossier("add", "p", "-q", "shared.example", "--tag", "alice-tag")
        try dossier("remove", "p", "-q", "d7.example")
        try git("commit", "-qam", "alice")
        let updated = try #require(WorkspaceLoader.load(root: root).workspace.project("p")?.updated)
        _ = try ProcessRunner.run("/usr/bin/env", ["git", "merge", "bob"], in: root)
        let fmt = try CLI.run(["fmt", "--merge"], in: root)
        #expect(fmt.status == 0, "\(fmt.stderr)")
        #expect(fmt.stderr.contains("warning: p/indicators.json: domain d7.example was removed on one side and changed on the other"), "\(fmt.stderr)")
        let project = try #require(WorkspaceLoader.load(root: root).workspace.project("p"))
        let byValue = Dictionary(uniqueKeysWithValues: project.indicators.map { ($0.value, $0) })
        #expect(byValue["d9.example"] == nil)
        #expect(byValue["shared.example"]?.tags == ["alice-tag", "bob-tag"] && byValue["shared.example"]?.comment == nil, "\(project.indicators)")
        #expect(byValue["d7.example"]?.comment == "bob looked" && byValue["e1.example"] != nil && byValue["d8.example"] != nil)
        #expect(project.updated.map { ISODate.precedes(updated, $0) } == true, "\(String(describing: project.updated))")
        #expect(try CLI.run(["check"], in: root).status == 0)
    }

    @Test("in a public project, an indicator one side removed and the other changed is kept private: the site does not publish again what one analyst took out of it")
    func removedAndChangedStaysOffTheSite() throws {
        let root = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: root) }
        func run(_ tool: String, _ arguments: String...) throws {
            let result = tool == "git" ? try ProcessRunner.run("/usr/bin/env", ["git"] + arguments, in: root) : try CLI.run(Array(arguments), in: root)
            #expect(result.status == 0, "\(tool) \(arguments): \(result.stderr)")
        }
        try run("git", "init", "-q")
        for (key, value) in [("user.name", "a"), ("user.email", "a@x.example"), ("merge.conflictStyle", "diff3")] { try run("git", "config", key, value) }
        try run("dossier", "init", ".", "-q")
        try run("dossier", "new", "p", "--public", "-q")
        try run("dossier", "add", "p", "-q", "10.20.30.40", "kept.example")
        try run("git", "add", "-A")
        try run("git", "commit", "-qm", "base")
        try run("git", "checkout", "-qb", "bob")
        try run("dossier", "tag", "p", "C2", "10.20.30.40", "-q")
        try run("git", "commit", "-qam", "bob")
        try run("git", "checkout", "-q", "-")
        try run("dossier", "remove", "p", "10.20.30.40", "-q")
        try run("git", "commit", "-qam", "alice")
        _ = try ProcessRunner.run("/usr/bin/env", ["git", "merge", "bob"], in: root)
        let fmt = try CLI.run(["fmt", "--merge"], in: root)
        #expect(fmt.status == 0, "\(fmt.stderr)")
        #expect(fmt.stderr.contains("ipv4 10.20.30.40 was removed on one side and changed on the other: it is kept as changed, and private, off the public site until you decide"), "\(fmt.stderr)")
        let project = try #require(WorkspaceLoader.load(root: root).workspace.project("p"))
        #expect(project.indicators.first { $0.value == "10.20.30.40" }.map { $0.isPrivate && $0.tags == ["C2"] } == true, "\(project.indicators)")
        #expect(project.indicators.first { $0.value == "kept.example" }?.isPrivate == false)
        #expect(try CLI.run(["check"], in: root).status == 0)
    }

    @Test("fmt --merge keeps an analyst's resolution by hand of part of a conflict: the rest is read from the markers, not from git's index")
    func mergeAfterPartialResolution() throws {
        let root = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: root) }
        func git(_ arguments: String...) throws {
            #expect(try ProcessRunner.run("/usr/bin/env", ["git"] + arguments, in: root).status == 0, "git \(arguments)")
        }
        func edit(_ title: String, _ tag: String) throws {
            let file = root + "/p/project.json"
            let text = try String(contentsOfFile: file, encoding: .utf8)
                .replacingOccurrences(of: #""title": "Base""#, with: #""title": "\#(title)""#)
                .replacingOccurrences(of: #""tags": []"#, with: #""tags": ["\#(tag)"]"#)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        try git("init", "-q")
        for (key, value) in [("user.name", "a"), ("user.email", "a@x.example"), ("merge.conflictStyle", "diff3")] { try git("config", key, value) }
        #expect(try CLI.run(["init", ".", "-q"], in: root).status == 0)
        #expect(try CLI.run(["new", "p", "-q", "--title", "Base"], in: root).status == 0)
        try git("add", "-A")
        try git("commit", "-qm", "base")
        try git("branch", "-M", "main")
        try git("checkout", "-qb", "bob")
        try edit("Bob", "Beta")
        try git("commit", "-qam", "bob")
        try git("checkout", "-q", "main")
        try edit("Alice", "Alpha")
        try git("commit", "-qam", "alice")
        _ = try ProcessRunner.run("/usr/bin/env", ["git", "merge", "bob"], in: root)
        let declined = try CLI.run(["fmt", "--merge"], in: root)
        #expect(declined.status == 1 && declined.stderr.contains("both sides changed its title"), "\(declined.stderr)")
        #expect(!declined.stderr.contains("resolves what needs no decision"), "\(declined.stderr)")
        // The analyst keeps Alice's title by hand and leaves the tags' conflict.
        let file = root + "/p/project.json"
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("<<<<<<<") })
        let end = try #require(lines[start...].firstIndex { $0.hasPrefix(">>>>>>>") })
        lines.replaceSubrange(start...end, with: [#"  "title": "Alice","#])
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let resolved = try CLI.run(["fmt", "--merge"], in: root)
        #expect(resolved.status == 0, "\(resolved.stderr)")
        let project = try #require(WorkspaceLoader.load(root: root).workspace.project("p"))
        #expect(project.title == "Alice" && project.tags == ["Alpha", "Beta"], "\(project.title) \(project.tags)")
    }

    @Test("fmt --merge resolves git's conflicts in project.json and indicators.json (two analysts adding, each edit dating the project); what is the analyst's call it leaves, resolving the rest, and fails")
    func fmtMergeResolvesConflicts() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let project = "typosquat-watch/project.json", indicators = "typosquat-watch/indicators.json"
        let dated = copy.read(project)
        try copy.write(project, dated.replacingOccurrences(of: "  \"updated\": \"2026-11-27\",\n",
            with: "<<<<<<< HEAD\n  \"updated\": \"2026-11-28\",\n=======\n  \"updated\": \"2026-11-29\",\n>>>>>>> analyst-b\n"))
        let list = copy.read(indicators)
        try copy.write(indicators, list.replacingOccurrences(of: "{\n  \"indicators\": [\n", with: """
            {
              "indicators": [
            <<<<<<< HEAD
                { "value": "acme-payro11.example", "type": "domain", "tags": ["Blocked"] },
            =======
                { "value": "acme-payro11.example", "type": "domain", "tags": ["Phishing"] },
                { "value": "acme-hr-login.example", "type": "domain" },
            >>>>>>> analyst-b

            """))
        #expect(try CLI.run(["check"], in: copy.root).stderr.contains("typosquat-watch/indicators.json:3:1: error: git conflict marker"))
        let would = try CLI.run(["fmt", "--merge", "--check"], in: copy.root)
        #expect(would.status == 1 && would.stdout.contains("would resolve the merge conflict in typosquat-watch/indicators.json"), "\(would.stdout)")
        #expect(copy.read(indicators).contains("<<<<<<<"))
        let fmt = try CLI.run(["fmt", "--merge"], in: copy.root)
        #expect(fmt.status == 0, "\(fmt.stderr)")
        #expect(fmt.stdout.contains("resolved the merge conflict in typosquat-watch/project.json"), "\(fmt.stdout)")
        #expect(fmt.stdout.contains("merged 2 entries of domain acme-payro11.example"), "\(fmt.stdout)")
        // Dated anew: the two sides joined are a new version (a day after either, today's date).
        #expect(copy.read(project) == dated.replacingOccurrences(of: "2026-11-27", with: Scaffold.today()), "\(copy.read(project))")
        let check = try CLI.run(["check"], in: copy.root)
        #expect(check.status == 0, "\(check.stderr)")
        let after = copy.read(indicators)
        #expect(after.contains("acme-hr-login.example") && after.contains("\"Phishing\"") && !after.contains("<<<<<<<"))

        // Both sides retitled the project: which title to keep is the analyst's call.
        try copy.write(project, dated.replacingOccurrences(of: "  \"title\": \"Lookalike domains impersonating ACME\",\n",
            with: "<<<<<<< HEAD\n  \"title\": \"Lookalikes\",\n=======\n  \"title\": \"Typosquats\",\n>>>>>>> analyst-b\n"))
        let before = copy.read(project)
        // Another project's conflict needs no decision: it is resolved all the same.
        let other = "commodity-loader-c2/indicators.json"
        try copy.write(other, copy.read(other).replacingOccurrences(of: "{\n  \"indicators\": [\n", with: """
            {
              "indicators": [
            <<<<<<< HEAD
                { "value": "gate-one.example", "type": "domain" },
            =======
                { "value": "gate-two.example", "type": "domain" },
            >>>>>>> analyst-b

            """))
        let refused = try CLI.run(["fmt", "--merge"], in: copy.root)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cannot resolve the merge conflict in typosquat-watch/project.json: the two sides differ in its title; which to keep is yours"), "\(refused.stderr)")
        #expect(refused.stderr.contains("a merge conflict is left to resolve by hand (typosquat-watch/project.json)"), "\(refused.stderr)")
        #expect(refused.stdout.contains("resolved the merge conflict in commodity-loader-c2/indicators.json"), "\(refused.stdout)")
        #expect(copy.read(project) == before)
        let resolvedOther = copy.read(other)
        #expect(!resolvedOther.contains("<<<<<<<") && resolvedOther.contains("gate-one.example") && resolvedOther.contains("gate-two.example"))
    }

    @Test("fmt --merge joins a file both sides added (git's empty diff3 base); entries it must keep apart are errors at their place, and it fails once it has written the rest")
    func fmtMergeAddedOnBothSides() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let indicators = "typosquat-watch/indicators.json"
        try copy.write(indicators, """
            <<<<<<< HEAD
            { "indicators": [ { "value": "evil1.example", "type": "domain" },
              { "value": "evil3.example", "type": "domain", "classification": "malicious" },
              { "value": "evil4.example", "type": "domain", "comment": "From the mail", "source": "mail" } ] }
            ||||||| empty tree
            =======
            { "indicators": [ { "value": "evil2.example", "type": "domain" },
              { "value": "evil3.example", "type": "domain", "classification": "non-malicious" },
              { "value": "evil4.example", "type": "domain", "comment": "From the proxy", "source": "proxy", "private": true } ] }
            >>>>>>> analyst-b

            """)
        let fmt = try CLI.run(["fmt", "--merge"], in: copy.root)
        #expect(fmt.status == 1)
        #expect(fmt.stdout.contains("resolved the merge conflict in typosquat-watch/indicators.json"), "\(fmt.stdout)\(fmt.stderr)")
        #expect(fmt.stderr.contains("typosquat-watch/indicators.json:11:5: error: kept 2 entries of domain evil3.example apart: their classifications differ (malicious, non-malicious); merge them by hand"), "\(fmt.stderr)")
        // What both entries say can be kept whole: comments and sources joined, private as one was.
        #expect(fmt.stdout.contains("merged 2 entries of domain evil4.example in typosquat-watch/indicators.json (made private, as one entry was; sources joined; comments joined)"), "\(fmt.stdout)")
        #expect(fmt.stderr.contains("an indicator is still recorded more than once (listed above); `dossier check` fails until they are merged by hand"))
        let written = copy.read(indicators)
        #expect(!written.contains("<<<<<<<") && written.contains("evil1.example") && written.contains("evil2.example"))
        #expect(written.contains("\"comment\": \"From the mail; From the proxy\"") && written.contains("\"source\": \"mail; proxy\""), "\(written)")
        #expect(written.components(separatedBy: "evil4.example").count == 2 && written.contains("\"private\": true"), "\(written)")
        let check = try CLI.run(["check"], in: copy.root)
        #expect(check.status == 1 && check.stderr.contains("evil3.example"))
        #expect(try CLI.run(["fmt", "--merge", "--check"], in: copy.root).status == 1)
    }

    @Test("files with CR LF line breaks (a Windows checkout) pass fmt --check, and an edit keeps them, changing only its lines")
    func crlfFilesKeepTheirLineBreaks() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let file = "acme-payroll-phish/indicators.json"
        let original = copy.read(file)
        try copy.write(file, original.replacingOccurrences(of: "\n", with: "\r\n"))
        try copy.write("acme-payroll-phish/project.json", copy.read("acme-payroll-phish/project.json").replacingOccurrences(of: "\n", with: "\r\n"))
        let check = try CLI.run(["fmt", "--check"], in: copy.root)
        #expect(check.status == 0, "\(check.stdout)")
        let tag = try CLI.run(["tag", "acme-payroll-phish", "takedown", "192.0.2.10"], in: copy.root)
        #expect(tag.status == 0, "\(tag.stderr)")
        let edited = copy.read(file)
        #expect(!edited.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "a line break lost its CR")
        let before = original.split(separator: "\n", omittingEmptySubsequences: false)
        let after = edited.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        // The one tag added is the only change: with it taken out again, the lines are the old ones.
        let added = try #require(after.firstIndex(of: #"        "takedown""#))
        var without = after
        without.remove(at: added)
        without[added - 1] = #"        "Abuse Box""#
        #expect(without == before)
        #expect(try CLI.run(["fmt", "--check"], in: copy.root).status == 0)
    }

    @Test("remove is refused when another text would then publish a value only private projects record: in its own project's note or another's")
    func removeRefusedWhenItWouldPublishAPrivateValue() throws {
        let copy = try TemporaryCopy()
        #expect(try CLI.run(["init", copy.root]).status == 0)
        for command in [["new", "pub1", "--public"], ["new", "pub2", "--public"], ["new", "priv"], ["add", "pub1", "x.example"], ["add", "priv", "x.example"],
                        ["add", "pub2", "y.example"], ["add", "priv", "y.example"], ["add", "pub2", "z.example"]] {
            let run = try CLI.run(command, in: copy.root)
            #expect(run.status == 0, "\(command): \(run.stderr)")
        }
        try copy.write("pub1/notes/01-overview.md", "# Findings\n\nThe kit talks to x.example and y.example.\n")
        #expect(try CLI.run(["check", "-q"], in: copy.root).status == 0)
        let before = (copy.read("pub1/indicators.json"), copy.read("pub2/indicators.json"))
        for (project, value) in [("pub1", "x.example"), ("pub2", "y.example")] {
            let dry = try CLI.run(["remove", project, value, "--dry-run"], in: copy.root)
            #expect(dry.status == 1 && dry.stderr.contains("is recorded only in private projects (priv)"), "\(project): \(dry.stdout)\(dry.stderr)")
            let remove = try CLI.run(["remove", project, value], in: copy.root)
            #expect(remove.status == 1 && remove.stderr.contains("pub1/notes/01-overview.md:3:") && remove.stderr.contains("is recorded only in private projects (priv)")
                && remove.stderr.contains("nothing was changed"), "\(project): \(remove.stderr)")
        }
        #expect((copy.read("pub1/indicators.json"), copy.read("pub2/indicators.json")) == before)
        // A comment of the project itself that would publish it is said where it stands in the
        // file as it is (the edit writes nothing).
        #expect(try CLI.run(["add", "pub2", "w.example", "--comment", "Resolves like y.example"], in: copy.root).status == 0)
        let own = try CLI.run(["remove", "pub2", "y.example"], in: copy.root)
        #expect(own.status == 1 && own.stderr.contains("pub2/indicators.json:") && own.stderr.contains("error: domain y.example is recorded only in private projects (priv), but the comment of w.example is public"),
            "\(own.stderr)")
        // A value no text writes goes.
        #expect(try CLI.run(["remove", "pub2", "z.example"], in: copy.root).status == 0)
    }

    @Test("a misspelled private tag on a public indicator is refused by add, and stops a public build, not an internal one")
    func misspelledPrivateTagStopsPublicBuild() throws {
        let copy = try TemporaryCopy()
        #expect(try CLI.run(["init", copy.root]).status == 0)
        #expect(try CLI.run(["new", "pub", "--public"], in: copy.root).status == 0)
        try copy.write("pub/notes/01-overview.md", "# Findings\n\nWritten.\n")
        // `add` refuses to write it; written by hand, it is found by the build's check.
        let add = try CLI.run(["add", "pub", "a.example", "--tag", "Company Nmae"], in: copy.root)
        #expect(add.status == 1 && add.stderr.contains("is a misspelling of the private tag"), "\(add.stderr)")
        try copy.write("pub/indicators.json", #"{ "indicators": [ { "value": "a.example", "type": "domain", "tags": ["Company Nmae"] } ] }"#)
        let publicBuild = try CLI.run(["build", "--out", "site"], in: copy.root)
        #expect(publicBuild.status == 1 && publicBuild.stderr.contains("is a misspelling of the private tag \"Company Name\""), "\(publicBuild.stderr)")
        #expect(!FileManager.default.fileExists(atPath: copy.path("site")))
        #expect(try CLI.run(["build", "--internal", "--out", "internal-site"], in: copy.root).status == 0)
    }

    @Test("an error in another project's files does not stop an internal report, which counts it; an error of its own does")
    func reportScopedToItsProject() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        try copy.write("typosquat-watch/notes/09.md", "---\ntitle: \"oops\n---\nx\n")
        let other = try CLI.run(["report", "commodity-loader-c2", "--internal", "--format", "md"], in: copy.root)
        #expect(other.status == 0 && other.stdout.contains("# ") && other.stderr.contains("note: other projects' files have 1 error (see `dossier check`)"), "\(other.stderr)")
        #expect(!other.stderr.contains("typosquat-watch/notes/09.md"), "\(other.stderr)")
        let own = try CLI.run(["report", "typosquat-watch", "--internal", "--format", "md"], in: copy.root)
        #expect(own.status == 1 && own.stderr.contains("typosquat-watch/notes/09.md"), "\(own.stderr)")
        // A project.json left in conflict after a merge: that project is not even loaded.
        try copy.write("typosquat-watch/project.json", "<<<<<<< HEAD\n{ \"title\": \"a\" }\n=======\n{ \"title\": \"b\" }\n>>>>>>> theirs\n")
        let conflicted = try CLI.run(["report", "commodity-loader-c2", "--internal", "--format", "md"], in: copy.root)
        #expect(conflicted.status == 0 && conflicted.stderr.contains("note: other projects' files have"), "\(conflicted.stderr)")
    }

    @Test("a public build of a workspace whose projects are all private says why the site is empty")
    func emptyPublicSite() throws {
        let copy = try TemporaryCopy()
        #expect(try CLI.run(["init", copy.root]).status == 0)
        #expect(try CLI.run(["new", "acme-payroll-phish"], in: copy.root).status == 0)
        let build = try CLI.run(["build"], in: copy.root)
        #expect(build.status == 0 && build.stderr.contains("note: every project (1) is private, so the public site shows none"), "\(build.stderr)")
        #expect(!(try CLI.run(["build", "--internal", "--out", "internal-site"], in: copy.root)).stderr.contains("is private"))
    }

    @Test("init and new make a workspace that passes check; both refuse to overwrite")
    func initAndNew() throws {
        let copy = try TemporaryCopy()
        let initResult = try CLI.run(["init", copy.root, "--title", "ACME CTI"])
        #expect(initResult.status == 0, "\(initResult.stderr)")
        let new = try CLI.run(["new", "acme-payroll-phish", "--title", "Payroll phishing kit", "--public"], in: copy.root)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(copy.read("acme-payroll-phish/project.json").contains(#""tlp": "clear""#))
        #expect(try CLI.run(["check"], in: copy.root).status == 0)
        // A public project's starter note would be published as it is: until it is written,
        // --strict says so.
        let strict = try CLI.run(["check", "--strict"], in: copy.root)
        #expect(strict.status == 1 && strict.stderr.contains("acme-payroll-phish/notes/01-overview.md:7:1: error: this note still holds the placeholder"), "\(strict.stderr)")
        try copy.write("acme-payroll-phish/notes/01-overview.md", "# Overview\n\nThe kit arrived by mail on Monday.\n")
        #expect(try CLI.run(["check", "--strict"], in: copy.root).status == 0)
        let again = try CLI.run(["init", copy.root])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already a dossier workspace"))
        // Folders named as the other messages name files: from the current folder.
        let here = try CLI.run(["init"], in: copy.root)
        #expect(here.status == 1 && here.stderr.contains("error: the current folder is already a dossier workspace"), "\(here.stderr)")
        let inside = try CLI.run(["init", "sub"], in: copy.root)
        #expect(inside.status == 1 && inside.stderr.contains("error: sub lies inside the workspace at the current folder;"), "\(inside.stderr)")
        let clash = try CLI.run(["new", "acme-payroll-phish"], in: copy.root)
        #expect(clash.status == 1)
        let unsafe = try CLI.run(["new", "../escape"], in: copy.root)
        #expect(unsafe.status == 64)
        #expect(unsafe.stderr.contains("cannot use \"../escape\" as a project name"))
        // A title given where the folder's name goes: the slug it makes, the title kept.
        let titled = try CLI.run(["new", "Émile's ACME Phish #2"], in: copy.root)
        #expect(titled.status == 64 && titled.stderr.contains(#"did you mean dossier new emiles-acme-phish-2 --title 'Émile'\''s ACME Phish #2'?"#), "\(titled.stderr)")
        #expect(try CLI.run(["new", "ACME Phish", "--title", "Kept"], in: copy.root).stderr.contains("did you mean dossier new acme-phish?"))
        // A title that starts with a dash is given in the one form the parser takes as a value.
        #expect(try CLI.run(["new", "--", "-x"], in: copy.root).stderr.contains("did you mean dossier new x --title=-x?"))
        // The project it makes may be there already: then it is the one meant.
        #expect(try CLI.run(["new", "ACME Payroll Phish"], in: copy.root).stderr.contains("the workspace has a project acme-payroll-phish already (dossier add acme-payroll-phish VALUE... adds to it)"))
        #expect(!FileManager.default.fileExists(atPath: copy.root + "/emiles-acme-phish-2"))
        let blank = try CLI.run(["new", "x", "--title", " "], in: copy.root)
        #expect(blank.status == 64 && blank.stderr.contains("--title is blank"), "\(blank.stderr)")
        let conflicting = try CLI.run(["new", "x", "--public", "--tlp", "amber"], in: copy.root)
        #expect(conflicting.status == 64)
    }

    @Test("no symbolic link leads a write into a public project: not report -o through a padded one, not an import's new note through one the check refuses")
    func paddedLinksLeadNoWrite() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        // Over 1,026 bytes: Foundation returns it as written, a folder of its own.
        let padding = String(repeating: "./", count: 600)
        try FileManager.default.createSymbolicLink(atPath: copy.path("reports"), withDestinationPath: padding + "commodity-loader-c2/notes")
        let report = try CLI.run(["report", "acme-payroll-phish", "--internal", "--format", "md", "-o", "reports/acme.md"], in: copy.root)
        // There it would be a note of a public project, published by the next build.
        #expect(report.status == 1 && report.stderr.contains("a file there would be read as one of the workspace's own"), "\(report.stderr)")
        #expect(!FileManager.default.fileExists(atPath: copy.path("commodity-loader-c2/notes/acme.md")))
        // An import's new note (here one an export carries by name) is never written through what
        // is already there under its name: a link the check refuses, to a public project's note.
        let exported = try CLI.run(["export", "vpn-bruteforce-2026", "--format", "json", "-o", copy.path("../vpn.json")], in: copy.root)
        #expect(exported.status == 0, "\(exported.stderr)")
        try FileManager.default.createSymbolicLink(atPath: copy.path("acme-payroll-phish/notes/01-summary.md"),
            withDestinationPath: "../../commodity-loader-c2/notes/01-overview.md")
        let note = copy.read("commodity-loader-c2/notes/01-overview.md")
        let imported = try CLI.run(["import", "acme-payroll-phish", copy.path("../vpn.json")], in: copy.root)
        #expect(imported.status == 1 && imported.stderr.contains("nothing was imported"), "\(imported.stdout)\(imported.stderr)")
        #expect(copy.read("commodity-loader-c2/notes/01-overview.md") == note)
    }

    @Test("report -o names its format: a .md file gets Markdown without --format; a --format that contradicts the name, or a name of another kind without --format, is refused and writes nothing")
    func reportFormatFollowsFileName() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let markdown = try CLI.run(["report", "commodity-loader-c2", "-o", "loader.md"], in: copy.root)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(copy.read("loader.md").hasPrefix("# HollowPost"))
        let html = try CLI.run(["report", "commodity-loader-c2", "-o", "loader.HTM"], in: copy.root)
        #expect(html.status == 0 && copy.read("loader.HTM").hasPrefix("<!DOCTYPE html>"))
        // A name of another kind is refused unless --format says what goes in it; a name
        // without an extension gets HTML, the default.
        let pdf = try CLI.run(["report", "commodity-loader-c2", "-o", "loader.pdf"], in: copy.root)
        #expect(pdf.status == 64 && pdf.stderr.contains("a report is HTML or Markdown, but loader.pdf is named as .pdf"), "\(pdf.stderr)")
        #expect(!FileManager.default.fileExists(atPath: copy.path("loader.pdf")))
        #expect(try CLI.run(["report", "commodity-loader-c2", "--format", "html", "-o", "loader.txt"], in: copy.root).status == 0)
        #expect(copy.read("loader.txt").hasPrefix("<!DOCTYPE html>"))
        #expect(try CLI.run(["report", "commodity-loader-c2", "-o", "loader"], in: copy.root).status == 0)
        #expect(copy.read("loader").hasPrefix("<!DOCTYPE html>"))
        let contradicted = try CLI.run(["report", "commodity-loader-c2", "--format", "html", "-o", "other.md"], in: copy.root)
        #expect(contradicted.status == 64 && contradicted.stderr.contains("--format html writes HTML, but other.md is named as Markdown"), "\(contradicted.stderr)")
        #expect(!FileManager.default.fileExists(atPath: copy.path("other.md")))
        // Agreeing with the name, or on standard output, --format is as before.
        #expect(try CLI.run(["report", "commodity-loader-c2", "--format", "md", "-o", "agreed.markdown"], in: copy.root).status == 0)
        #expect(try CLI.run(["report", "commodity-loader-c2", "--format", "md"], in: copy.root).stdout.hasPrefix("# HollowPost"))
        // -o - is standard output, as import reads - as standard input; no file named -.
        #expect(try CLI.run(["report", "commodity-loader-c2", "--format", "md", "-o", "-"], in: copy.root).stdout.hasPrefix("# HollowPost"))
        #expect(try CLI.run(["export", "commodity-loader-c2", "--format", "text", "-o", "-"], in: copy.root).stdout.contains("192.0.2.250"))
        #expect(!FileManager.default.fileExists(atPath: copy.path("-")))
    }

    @Test("a Markdown report links its notes' images from the folder of the -o file, or from the current folder on standard output")
    func markdownReportLinksImages() throws {
        let copy = try TemporaryCopy(of: Self.samples)
        let image = "commodity-loader-c2/notes/images/sinkhole-connections.png"
        try FileManager.default.createDirectory(atPath: copy.path("reports/2026"), withIntermediateDirectories: true)
        #expect(try CLI.run(["report", "commodity-loader-c2", "-o", "reports/2026/c2.md"], in: copy.root).status == 0)
        #expect(copy.read("reports/2026/c2.md").contains("](../../\(image))"))
        let printed = try CLI.run(["report", "commodity-loader-c2", "--format", "md"], in: copy.path("reports"))
        #expect(printed.status == 0 && printed.stdout.contains("](../\(image))"), "\(printed.stderr)")
        // Outside the workspace a link would climb out of it, naming the analyst's folders: the
        // description, as a report that links nothing shows.
        let outside = try CLI.run(["report", "commodity-loader-c2", "-w", copy.root, "-o", copy.root + "/../c2.md"], in: copy.root)
        #expect(outside.status == 0, "\(outside.stderr)")
        let text = (try? String(contentsOfFile: copy.root + "/../c2.md", encoding: .utf8)) ?? ""
        #expect(text.contains("Connections to the sinkhole per week") && !text.contains("sinkhole-connections.png"))
    }

    @Test("outside a workspace, commands say how to make one")
    func noWorkspace() throws {
        let copy = try TemporaryCopy()
        try FileManager.default.createDirectory(atPath: copy.root, withIntermediateDirectories: true)
        let result = try CLI.run(["check"], in: copy.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("no dossier.json"))
        #expect(result.stderr.contains("dossier init"))
    }

    @Test("--version and --help answer; a bad option is a usage error")
    func usage() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try CLI.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--strict"))
        #expect(help.stdout.contains("--workspace"))
        let bad = try CLI.run(["check", "--no-such-option"])
        #expect(bad.status == 64)
    }
}
