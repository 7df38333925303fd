import DossierTestSupport
import Testing
@testable import DossierCore

/// One passing and one failing case per workspace rule.
@Suite("Workspace rules")
struct RuleTests {
    func diagnostics(_ setup: (TemporaryWorkspace) throws -> Void, rule: any WorkspaceRule) throws -> [String] {
        let workspace = try TemporaryWorkspace()
        try setup(workspace)
        let loaded = workspace.load()
        #expect(!loaded.diagnostics.hasErrors, "setup must load cleanly: \(loaded.diagnostics.items)")
        return rule.check(loaded.workspace, index: IndicatorIndex(loaded.workspace)).sorted().rendered(relativeTo: workspace.root)
    }

    /// What several rules find together, sorted and rendered.
    func diagnostics(_ setup: (TemporaryWorkspace) throws -> Void, rules: [any WorkspaceRule]) throws -> [String] {
        let workspace = try TemporaryWorkspace()
        try setup(workspace)
        let loaded = workspace.load()
        #expect(!loaded.diagnostics.hasErrors, "setup must load cleanly: \(loaded.diagnostics.items)")
        let index = IndicatorIndex(loaded.workspace)
        return rules.flatMap { $0.check(loaded.workspace, index: index) }.sorted().rendered(relativeTo: workspace.root)
    }

    static let mentionRules: [any WorkspaceRule] = [NoteMentionRule(), PublishedPrivateValueRule()]

    static func list(_ items: String...) -> String { #"{ "indicators": [ "# + items.joined(separator: ", ") + " ] }" }

    @Test func duplicateIndicator() throws {
        let failing = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "evil.example", "type": "domain" }"#, #"{ "value": "EVIL.example.", "type": "domain" }"#))
        }, rule: DuplicateIndicatorRule())
        #expect(failing == [#"p/indicators.json:1:77: error: duplicate domain "evil.example": already recorded at line 1 of this file; merge the two entries into one (`dossier fmt --merge` does where they agree)"#])
        let passing = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "evil.example", "type": "domain" }"#, #"{ "value": "evil.example.com", "type": "domain" }"#))
            try $0.addProject("q", indicators: Self.list(#"{ "value": "evil.example", "type": "domain" }"#))
        }, rule: DuplicateIndicatorRule())
        #expect(passing.isEmpty)
    }

    @Test("a URL written with a letter outside ASCII and written escaped is one URL: a duplicate in one project, a disagreement across two")
    func urlSpellings() throws {
        let found = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "http://x.example/\u00fcber", "type": "url", "classification": "malicious" }"#,
                #"{ "value": "http://x.example/%C3%BCber", "type": "url", "classification": "malicious" }"#))
            try $0.addProject("q", indicators: Self.list(#"{ "value": "http://x.example/u%CC%88ber", "type": "url", "classification": "non-malicious" }"#,
                #"{ "value": "http://x.example/%C3%BCber2", "type": "url" }"#))
        }, rules: [DuplicateIndicatorRule(), CrossProjectClassificationRule()])
        #expect(found == [
            "p/indicators.json:1:30: warning: http://x.example/\u{FC}ber is malicious here but non-malicious in q",
            #"p/indicators.json:1:119: error: duplicate url "http://x.example/%C3%BCber": already recorded at line 1 of this file; merge the two entries into one (`dossier fmt --merge` does where they agree)"#,
            "p/indicators.json:1:119: warning: http://x.example/%C3%BCber is malicious here but non-malicious in q",
            // The project that records it twice is named once.
            "q/indicators.json:1:30: warning: http://x.example/u%CC%88ber is non-malicious here but malicious in p",
        ])
    }

    @Test("a registry key or Windows path written in another case is one indicator: a duplicate in one project, a disagreement across two")
    func windowsNamesIgnoreCase() throws {
        let found = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "HKLM\\Software\\Run\\upd", "type": "registry-key", "classification": "malicious" }"#,
                #"{ "value": "HKEY_LOCAL_MACHINE\\SOFTWARE\\Run\\upd", "type": "registry-key" }"#))
            try $0.addProject("q", indicators: Self.list(#"{ "value": "hklm\\software\\run\\upd", "type": "registry-key", "classification": "suspicious" }"#,
                #"{ "value": "/tmp/Upd", "type": "filepath" }"#, #"{ "value": "/tmp/upd", "type": "filepath" }"#))
        }, rules: [DuplicateIndicatorRule(), CrossProjectClassificationRule()])
        #expect(found == [
            #"p/indicators.json:1:30: warning: HKLM\Software\Run\upd is malicious here but suspicious in q"#,
            #"p/indicators.json:1:126: error: duplicate registry-key "HKEY_LOCAL_MACHINE\SOFTWARE\Run\upd": already recorded at line 1 of this file; merge the two entries into one (`dossier fmt --merge` does where they agree)"#,
            #"q/indicators.json:1:30: warning: hklm\software\run\upd is suspicious here but malicious in p"#,
        ])
    }

    @Test("a tag with no name (empty, blank, a zero-width space) is a warning; the editing commands refuse one")
    func blankTags() throws {
        let found = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "evil.example", "type": "domain", "tags": ["Blocked", "\u200b"] }"#,
                #"{ "value": "good.example", "type": "domain", "tags": [" "] }"#, #"{ "value": "fine.example", "type": "domain", "tags": ["a"] }"#))
            try $0.write("p/project.json", #"{ "title": "P", "tags": ["Phishing", ""] }"#)
        }, rule: BlankTagRule())
        #expect(found == [
            "p/indicators.json:1:84: warning: evil.example has a tag with no name; remove it (`dossier untag` cannot name it: edit the file)",
            "p/indicators.json:1:151: warning: good.example has a tag with no name; remove it (`dossier untag` cannot name it: edit the file)",
            "p/project.json:1:38: warning: the project has a tag with no name; remove it from project.json",
        ], "\(found)")
        #expect(Tag.isBlank("\u{200B}") && Tag.isBlank(" \t") && Tag.isBlank("\u{01}") && !Tag.isBlank("a\u{200B}") && !Tag.isBlank("Ü"))
    }

    @Test("a free tag a letter away from a vocabulary tag is a warning, once per project at its first place, with its count; a vocabulary tag in another case, a word of its own and a tag holding one are not")
    func misspelledTags() throws {
        let found = try diagnostics({
            try $0.addProject("p", indicators: Self.list(
                #"{ "value": "a.example", "type": "domain", "tags": ["Blokced"] }"#,
                #"{ "value": "b.example", "type": "domain", "tags": ["blocked", "Blokced"] }"#,
                #"{ "value": "d.example", "type": "domain", "tags": ["blokced"] }"#,
                #"{ "value": "c.example", "type": "domain", "tags": ["Unblocked", "Locked", "C3", "loader"] }"#))
            try $0.write("p/project.json", #"{ "title": "p", "visibility": "private", "tlp": "amber", "status": "open", "tags": ["Quarantime"] }"#)
        }, rule: MisspelledTagRule())
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.hasPrefix("p/indicators.json:1:69: warning: tag \"Blokced\" is not in the workspace's vocabulary; did you mean \"Blocked\" (which implies malicious)? As a free tag it implies nothing. It is written 3 times in the project.") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("p/project.json:") && $0.contains("tag \"Quarantime\" is not in the workspace's vocabulary; did you mean \"Quarantine\" (which implies suspicious)?") }, "\(found)")
    }

    @Test("a misspelled private tag on what the public site shows is an error of public output; on a private indicator, or past the first few dozen distinct tags, it is found as well")
    func misspelledPrivateTags() throws {
        let many = (0..<40).map { #"{ "value": "h\#($0).example", "type": "domain", "tags": ["free-\#($0)"] }"# }
        let found = try diagnostics({
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "a.example", "type": "domain", "tags": ["Company Nmae"] }"#,
                #"{ "value": "b.example", "type": "domain", "tags": ["Company Nmae"], "private": true }"#))
            try $0.addProject("hidden", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "c.example", "type": "domain", "tags": ["Company Nmae"], "private": true }"#))
            try $0.addProject("wide", indicators: Self.list(many.joined(separator: ", "),
                #"{ "value": "y.example", "type": "domain", "tags": ["Quarantime"] }"#, #"{ "value": "z.example", "type": "domain", "tags": ["Quarantime"] }"#))
        }, rule: MisspelledTagRule())
        #expect(found.count == 3, "\(found)")
        #expect(found.contains { $0.hasPrefix("pub/indicators.json:1:") && $0.contains("error: tag \"Company Nmae\" is a misspelling of the private tag \"Company Name\", and as a free tag the public site would publish it. It is written 2 times") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("hidden/indicators.json:1:") && $0.contains("warning: tag \"Company Nmae\" is not in the workspace's vocabulary") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("wide/indicators.json:") && $0.contains("\"Quarantime\"") && $0.contains("written 2 times") }, "\(found)")
    }

    @Test("a note the public site would publish that still holds dossier new's placeholder is a warning, at its line; a private or internal one is not")
    func starterNotes() throws {
        let starter = "---\ntitle: Overview\n---\n# Overview\n\n\(Scaffold.placeholder)\n"
        let found = try diagnostics({
            try $0.addProject("pub", visibility: "public", tlp: "clear")
            try $0.write("pub/notes/01-overview.md", starter)
            try $0.write("pub/notes/02-hidden.md", starter.replacingOccurrences(of: "title: Overview", with: "title: Overview\nvisibility: private"))
            try $0.write("pub/notes/03-written.md", "# Overview\n\nThe kit was found on a parked domain.\n")
            try $0.addProject("ir")
            try $0.write("ir/notes/01-overview.md", starter)
        }, rule: StarterNoteRule())
        #expect(found == [
            "pub/notes/01-overview.md:6:1: warning: this note still holds the placeholder of `dossier new` (\"\(Scaffold.placeholder)\"), and the public site would publish it as written; write the note, or make it private",
        ], "\(found)")
    }

    @Test("a link into a private project by a path of the computer is an error in any case, escaped, or in raw HTML (at its place); a file: URL of a private file path writes that path")
    func linksIntoPrivateProjectsInAnySpelling() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("secret-case", indicators: Self.list(#"{ "value": "C:\\Users\\Public\\hp.dat", "type": "filepath", "private": true }"#))
        try workspace.addProject("pub", visibility: "public", tlp: "clear")
        try workspace.write("pub/notes/01.md", "[a](file:///home/me/Secret-Case/) [b](~/cti/secret%2Dcase/x.md)\n\nSee <a href=\"file:///home/me/SECRET-CASE/notes/01.md\">here</a>; [c](file:///C:/Users/Public/hp.dat)\n")
        let found = WorkspaceChecker.check(workspace.load()).items.filter { $0.severity == .error }.sorted().rendered(relativeTo: workspace.root)
        #expect(found.count == 4, "\(found)")
        #expect(found.map { $0.prefix { $0 != " " } } == ["pub/notes/01.md:1:5:", "pub/notes/01.md:1:39:", "pub/notes/01.md:3:14:", "pub/notes/01.md:3:69:"], "\(found)")
        #expect(found.last?.contains(#"filepath "C:\Users\Public\hp.dat" is recorded as private in secret-case"#) == true, "\(found)")
    }

    @Test("a public project or a public indicator of one tagged PAP:RED is an error: it allows no action anyone could detect, and publication is one")
    func papRedIsNotPublished() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("pub/project.json", #"{ "title": "P", "visibility": "public", "tlp": "clear", "tags": ["pap:red"] }"#)
        try workspace.write("pub/indicators.json", Self.list(#"{ "value": "a.example", "type": "domain", "tags": ["PAP:RED"] }"#,
            #"{ "value": "b.example", "type": "domain", "tags": ["PAP:RED"], "private": true }"#, #"{ "value": "c.example", "type": "domain", "tags": ["PAP:GREEN"] }"#))
        let found = WorkspaceChecker.check(workspace.load()).items.filter { $0.code == PublicProjectTLPRule.code }.map(\.message)
        #expect(found.count == 2 && found.allSatisfy { $0.contains("allows no action anyone could detect") } && found[1].hasPrefix("domain a.example is tagged PAP:RED"), "\(found)")
    }

    @Test("a value one project records private and a public project records public is a warning at the public one, with the command that keeps it off the site; a private project's unmarked values are none")
    func privateElsewhere() throws {
        let found = try diagnostics({
            try $0.addProject("victim", indicators: Self.list(#"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#, #"{ "value": "shared.example", "type": "domain" }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "192.0.2.130", "type": "ipv4" }"#,
                #"{ "value": "shared.example", "type": "domain" }"#))
            try $0.addProject("kept", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#))
        }, rule: PrivateElsewhereRule())
        #expect(found == ["pub/indicators.json:1:30: warning: 192.0.2.130 is recorded private in kept, victim but public here, so the public site shows it; if it may not be published: dossier add pub 192.0.2.130 --private"], "\(found)")
    }

    @Test("a link to a file of the writer's computer is a warning (readers cannot follow it), and an error of public output when its path goes into a private project; one from the root is none unless it does")
    func linksToTheWritersComputer() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("secret-case")
        try workspace.addProject("pub", visibility: "public", tlp: "clear")
        try workspace.write("pub/notes/01.md", "[a](file:///home/me/ws/secret-case/notes/01.md) [b](~/notes/x.md) [c](/pub/notes/01.md) [e](/secret-case/notes/01.md) [d](C:\\cases\\secret-case\\x.md) [f](//cdn.example/x)\n")
        // `//cdn.example/x` is a web address (the page's scheme), which a browser follows: no finding.
        let found = WorkspaceChecker.check(workspace.load()).items.filter { [BrokenLinkRule.code, BrokenLinkRule.privateNoteCode].contains($0.code) }.sorted().rendered(relativeTo: workspace.root)
        #expect(found.count == 4 && found[0].hasPrefix("pub/notes/01.md:1:5: error: this public note links to file:///home/me/ws/secret-case/notes/01.md, a path into the private project secret-case"), "\(found)")
        #expect(found.count == 4 && found[1].hasPrefix("pub/notes/01.md:1:53: warning: the link to ~/notes/x.md is a path of the writer's computer: no reader can follow it"), "\(found)")
        #expect(found.count == 4 && found[2].hasPrefix("pub/notes/01.md:1:93: error: this public note links to /secret-case/notes/01.md, a path into"), "\(found)")
        #expect(found.count == 4 && found[3].hasPrefix("pub/notes/01.md:1:123: error: this public note links to C:\\cases\\secret-case\\x.md"), "\(found)")
    }

    @Test("a tag twice on one indicator, in any case or with spaces around it, is a warning")
    func repeatedTags() throws {
        let found = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "evil.example", "type": "domain", "tags": ["Blocked", "Phishing", " blocked "] }"#,
                #"{ "value": "good.example", "type": "domain", "tags": ["a", "b"] }"#, #"{ "value": "fine.example", "type": "domain", "tags": ["C2", "C2"] }"#,
                #"{ "value": "many.example", "type": "domain", "tags": ["Zeta", "Alpha", "alpha", "zeta"] }"#))
        }, rule: RepeatedTagRule())
        #expect(found.count == 3, "\(found)")
        // Every repeated tag of an indicator is named, in one warning.
        #expect(found.contains { $0.hasSuffix(#"warning: many.example has the tags "Alpha" and "alpha", "Zeta" and "zeta", which are each pair one tag (tags compare without case or extra blanks); keep one (`dossier fmt --merge` keeps the first)"#) }, "\(found)")
        #expect(found.first?.hasSuffix(#"warning: evil.example has the tag "Blocked" and " blocked ", which are one tag (tags compare without case or extra blanks); keep one (`dossier fmt --merge` keeps the first)"#) == true, "\(found)")
        #expect(found.contains { $0.contains(#"fine.example has the tag "C2" twice"#) }, "\(found)")
        // At the tag written again, in a file laid out as fmt writes it, and in the project's tags.
        let placed = try diagnostics({
            try $0.addProject("m", indicators: "{\n  \"indicators\": [\n    {\n      \"value\": \"evil.example\",\n      \"type\": \"domain\",\n      \"tags\": [\n        \"Blocked\",\n        \"Phishing\",\n        \"blocked \"\n      ]\n    }\n  ]\n}\n")
            try $0.write("m/project.json", "{\n  \"title\": \"M\",\n  \"tags\": [\"Phishing\", \"Ünïcode\", \"phishing\"]\n}\n")
        }, rule: RepeatedTagRule())
        #expect(placed.map { $0.prefix { $0 != " " } } == ["m/indicators.json:9:9:", "m/project.json:3:35:"], "\(placed)")
    }

    @Test func classificationContradiction() throws {
        let failing = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "192.0.2.1", "type": "ipv4", "classification": "non-malicious", "tags": ["Blocked"] }"#))
        }, rule: ClassificationContradictionRule())
        #expect(failing == [#"p/indicators.json:1:77: warning: 192.0.2.1 is classified non-malicious but tag "Blocked" implies malicious; the explicit classification wins"#])
        // Two tags that imply it are said as such; one tag written twice, once.
        let vocabulary = #"{ "title": "T", "tags": { "Blocked": { "classification": "malicious" }, "C2": { "classification": "malicious" } } }"#
        let several = try diagnostics({
            try $0.write("dossier.json", vocabulary)
            try $0.addProject("p", indicators: Self.list(
                #"{ "value": "192.0.2.1", "type": "ipv4", "classification": "non-malicious", "tags": ["Blocked", "blocked ", "C2"] }"#,
                #"{ "value": "192.0.2.2", "type": "ipv4", "classification": "non-malicious", "tags": ["Blocked", "blocked "] }"#))
        }, rule: ClassificationContradictionRule())
        #expect(several.count == 2, "\(several)")
        #expect(several.first?.contains(#"192.0.2.1 is classified non-malicious but tags "Blocked" and "C2" imply malicious;"#) == true, "\(several)")
        #expect(several.last?.contains(#"192.0.2.2 is classified non-malicious but tag "Blocked" implies malicious;"#) == true, "\(several)")
        let passing = try diagnostics({
            try $0.addProject("p", indicators: Self.list(
                #"{ "value": "192.0.2.1", "type": "ipv4", "classification": "malicious", "tags": ["blocked", "Newly Observed"] }"#,
                #"{ "value": "192.0.2.2", "type": "ipv4", "tags": ["Quarantine"] }"#,
                // A tag that implies unknown (not assessed yet) is answered by an assessment.
                #"{ "value": "192.0.2.3", "type": "ipv4", "classification": "malicious", "tags": ["Newly Observed"] }"#))
        }, rule: ClassificationContradictionRule())
        #expect(passing.isEmpty)
        // ... but does not hide what another tag says.
        let masked = try diagnostics({
            try $0.addProject("p", indicators: Self.list(
                #"{ "value": "192.0.2.4", "type": "ipv4", "classification": "malicious", "tags": ["Company Name", "Newly Observed"] }"#))
        }, rule: ClassificationContradictionRule())
        #expect(masked.count == 1 && masked[0].contains(#"but tag "Company Name" implies non-malicious"#), "\(masked)")
        // Unknown, as one of the tags says, contradicts nothing; so does what the others say.
        let agreeing = try diagnostics({
            try $0.addProject("p", indicators: Self.list(
                #"{ "value": "192.0.2.5", "type": "ipv4", "classification": "unknown", "tags": ["Company Name", "Newly Observed"] }"#,
                #"{ "value": "192.0.2.6", "type": "ipv4", "classification": "non-malicious", "tags": ["Company Name", "Newly Observed"] }"#,
                #"{ "value": "192.0.2.7", "type": "ipv4", "classification": "unknown", "tags": ["Blocked", "Newly Observed"] }"#))
        }, rule: ClassificationContradictionRule())
        #expect(agreeing.count == 1 && agreeing[0].contains("192.0.2.7 is classified unknown but tag \"Blocked\" implies malicious"), "\(agreeing)")
    }

    @Test func publicProjectTLP() throws {
        let failing = try diagnostics({ try $0.addProject("p", visibility: "public", tlp: "amber") }, rule: PublicProjectTLPRule())
        #expect(failing == [#"p/project.json:1:48: error: public project "p" is TLP:AMBER; a public project must be TLP:CLEAR (set "tlp": "clear", or make it private)"#])
        let passing = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear")
            try $0.addProject("q", visibility: "private", tlp: "red")
        }, rule: PublicProjectTLPRule())
        #expect(passing.isEmpty)
    }

    @Test("a public note marked TLP:AMBER or RED at the start of a line is a warning at the label; TLP:CLEAR, a label within a sentence, in code or in a note naming three levels, a private note or a private project's, or a word like tlp-red.example, is not")
    func publicNoteMarkedInText() throws {
        let found = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear")
            try $0.write("p/notes/01.md", "# Handling\n\n**TLP:RED** Share only by name.\n")
            try $0.write("p/notes/02.md", "Shared as TLP:CLEAR; see tlp-red.example. The vendor report, first shared as TLP:AMBER, was released.\n\nThe kit checks for `TLP:RED`.\n\n```\nSubject: [TLP:AMBER] invoice\n```\n")
            try $0.write("p/notes/04.md", "# Levels\n\n- TLP:RED: by name\n- TLP:AMBER: the organisation\n- TLP:GREEN: the community\n")
            try $0.write("p/notes/05.md", "The vendor shared the report as\nTLP:AMBER, then re-released it.\n")
            try $0.write("p/notes/03.md", "---\nvisibility: private\n---\nTLP:AMBER\n")
            // A Windows checkout's line breaks.
            try $0.write("p/notes/06.md", "---\r\ntitle: x\r\n---\r\n\r\nIntro.\r\n\r\nTLP Level: AMBER\r\n\r\nSecret\r\n")
            try $0.addProject("q")
            try $0.write("q/notes/01.md", "TLP:RED\n")
        }, rule: PublicProjectTLPRule())
        #expect(found == [
            "p/notes/01.md:3:3: warning: this public note is marked TLP:RED, but the public site publishes it under TLP:CLEAR; if the note is so marked, make it private (visibility: private in its front matter), else take the label out",
            "p/notes/06.md:7:1: warning: this public note is marked TLP:AMBER, but the public site publishes it under TLP:CLEAR; if the note is so marked, make it private (visibility: private in its front matter), else take the label out",
        ], "\(found)")
    }

    @Test("a public indicator's comment, a public project's summary or a public note's title marked above TLP:CLEAR is a warning; a private indicator's, or a text naming three levels, is not")
    func publicTextsMarked() throws {
        let found = try diagnostics({
            try $0.write("p/project.json", #"{ "title": "P", "summary": "Feed notes. TLP:AMBER+STRICT: inside our organisation only.", "visibility": "public", "tlp": "clear" }"#)
            try $0.write("p/indicators.json", Self.list(#"{ "value": "a.example", "type": "domain", "comment": "TLP:RED - do not share" }"#,
                #"{ "value": "b.example", "type": "domain", "comment": "TLP:RED, TLP:AMBER and TLP:GREEN explained", "private": false }"#,
                #"{ "value": "c.example", "type": "domain", "comment": "TLP:RED", "private": true }"#))
            try $0.write("p/notes/01.md", "---\ntitle: \"TLP:RED Overview\"\n---\nbody\n")
        }, rule: PublicProjectTLPRule())
        #expect(found.map { String($0.split(separator: ",")[0]) } == [
            "p/indicators.json:1:30: warning: the comment of domain a.example is marked TLP:RED",
            "p/notes/01.md:2:8: warning: this public note's title is marked TLP:RED",
            "p/project.json:1:28: warning: this public project's summary is marked TLP:AMBER+STRICT",
        ], "\(found)")
    }

    @Test func crossProjectClassification() throws {
        let failing = try diagnostics({
            try $0.addProject("a", indicators: Self.list(#"{ "value": "evil.example", "type": "domain", "classification": "malicious" }"#))
            try $0.addProject("b", indicators: Self.list(#"{ "value": "evil.example", "type": "domain", "tags": ["Abuse Box"] }"#))
        }, rule: CrossProjectClassificationRule())
        #expect(failing == [
            "a/indicators.json:1:30: warning: evil.example is malicious here but suspicious in b",
            "b/indicators.json:1:30: warning: evil.example is suspicious here but malicious in a",
        ])
        let passing = try diagnostics({
            try $0.addProject("a", indicators: Self.list(#"{ "value": "evil.example", "type": "domain", "classification": "malicious" }"#))
            try $0.addProject("b", indicators: Self.list(#"{ "value": "evil.example", "type": "domain", "tags": ["Blocked"] }"#))
            // Not assessed yet (no classification, no tag implying one): no disagreement.
            try $0.addProject("c", indicators: Self.list(#"{ "value": "evil.example", "type": "domain" }"#))
        }, rule: CrossProjectClassificationRule())
        #expect(passing.isEmpty)
    }

    @Test func unrecordedNoteIndicator() throws {
        let note = "---\ntitle: Overview\n---\nThe kit lives on payroll-acme[.]example and\nposts to hxxps://collect.example.net/p.php today.\n"
        let failing = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "payroll-acme.example", "type": "domain" }"#))
            try $0.write("p/notes/01-overview.md", note)
        }, rule: NoteMentionRule())
        #expect(failing == [
            "p/notes/01-overview.md:5:10: warning: url https://collect.example.net/p.php is written in this note but not recorded; add it with `dossier add p https://collect.example.net/p.php`"
        ])
        // A value a shell would cut (`&`, `?`) is quoted in the command to copy.
        let query = try diagnostics({
            try $0.addProject("p")
            try $0.write("p/notes/01.md", "Drop at http://drop.bad.example/g.php?a=1&b=2 today.\n")
        }, rule: NoteMentionRule())
        #expect(query.first?.hasSuffix("add it with `dossier add p 'http://drop.bad.example/g.php?a=1&b=2'`") == true, "\(query)")
        // A value markup splits (a `<wbr>` to let a hash wrap) is the whole value, where it starts, not its halves.
        let split = try diagnostics({
            try $0.addProject("p")
            try $0.write("p/notes/01.md", "Sample e3b0c44298fc1c149afbf4c8996fb924<wbr>27ae41e4649b934ca495991b7852b855 seen.\n")
        }, rule: NoteMentionRule())
        #expect(split == ["p/notes/01.md:1:8: warning: sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 is written in this note but not recorded; add it with `dossier add p e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`"], "\(split)")
        // A value written apart, elsewhere, is still its own.
        let apart = try diagnostics({
            try $0.addProject("p")
            try $0.write("p/notes/01.md", "C2 at evil.example first.\n\nLater cdn<wbr>.evil.example too.\n")
        }, rule: NoteMentionRule())
        #expect(apart.map { $0.split(separator: " ").prefix(3).joined(separator: " ") } == ["p/notes/01.md:1:7: warning: domain", "p/notes/01.md:3:7: warning: domain"], "\(apart)")
        // A private note of a public project: the command records the value private, so that
        // following it publishes nothing the note kept out of the public site; a public note's not.
        let privateNote = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear")
            try $0.write("p/notes/01.md", "---\nvisibility: private\n---\nSOC mailbox soc@acme.example.\n")
            try $0.write("p/notes/02.md", "Scanner at 198.51.100.9.\n")
        }, rule: NoteMentionRule())
        #expect(privateNote == [
            "p/notes/01.md:4:13: warning: email soc@acme.example is written in this note but not recorded; add it with `dossier add p soc@acme.example --private` (private, as the note is: the project is public)",
            "p/notes/02.md:1:12: warning: ipv4 198.51.100.9 is written in this note but not recorded; add it with `dossier add p 198.51.100.9`",
        ], "\(privateNote)")
        let passing = try diagnostics({
            try $0.addProject("p", indicators: Self.list(
                #"{ "value": "payroll-acme.example", "type": "domain" }"#,
                #"{ "value": "https://collect.example.net/p.php", "type": "url" }"#))
            try $0.write("p/notes/01-overview.md", note + "\nSee report.pdf and config.json, version 1.2.3.4.\n")
        }, rule: NoteMentionRule())
        #expect(passing.isEmpty)
    }

    @Test("a URL its writer made a link ([text](url), <url>, as an import's note writes a MISP reference) is a reference, not an unrecorded indicator; a bare one is")
    func linkedURLsAreReferences() throws {
        let found = try diagnostics({
            try $0.addProject("p")
            try $0.write("p/notes/01.md", "See [the write-up](https://research.example.net/post) and\n- link: <https://research.example.net/auto> (<https://research.example.net/paren>)\nbut https://research.example.net/bare and evil.example.\n\n[1]: https://research.example.net/ref\n")
        }, rule: NoteMentionRule())
        #expect(found == [
            "p/notes/01.md:3:5: warning: url https://research.example.net/bare is written in this note but not recorded; add it with `dossier add p https://research.example.net/bare`",
            "p/notes/01.md:3:43: warning: domain evil.example is written in this note but not recorded; add it with `dossier add p evil.example`",
        ], "\(found)")
    }

    @Test("a relative link in a note to no file of the workspace is a warning at the link; links to notes, files, folders and other projects that exist, links out of the workspace, with a scheme, in code, are not")
    func brokenLinks() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("acme")
        try workspace.addProject("other")
        try workspace.write("other/notes/01-summary.md", "# Summary\n")
        try workspace.write("acme/notes/02-follow-up.md", "# Follow-up\n")
        try workspace.write("acme/attachments/kit.png", "png")
        try workspace.write("acme/notes/01-overview.md", """
            # Overview

            See [the follow-up](02-follow-up.md#details), [IOCs](../indicators.json), [the kit](../attachments/kit.png),
            [the other case](../../other/), [its summary](../../other/notes/01-summary.md) and [the web](https://example.org/x.md).
            A [moved note](02-follow-up-old.md) and ![a screenshot](../attachments/gate.png "The gate").
            Escaped: [ok](02\\_follow-up.md) is broken too; [spaced](<03 the end.md>).
            Out of the workspace: [passwd](../../../../etc/passwd); [here](#details); [root](/README.md).

            `[in code](nowhere.md)` and

            ```
            [fenced](nowhere-either.md)
            ```

            [ref]: ../notes/04-missing.md
            """)
        // What only looks like a link to nothing: markup and placeholders with a colon, a
        // footnote, a line that continues a paragraph, a comment, code in a longer fence,
        // parentheses and escapes in a destination that exists.
        try workspace.write("acme/attachments/Screenshot (3).png", "png")
        try workspace.write("acme/attachments/a_(b).png", "png")
        try workspace.write("acme/notes/03-clean.md", """
            <b>Summary:</b> connect to <IP>:<port> and read <https://example.org/gone.md>.

            [^1]: See the vendor report.
            At [10:32]: beacon observed,
            [p]: gone.md
            <!-- [old](gone.md) -->
            ![shot](../attachments/Screenshot%20(3).png) and ![b](../attachments/a_\\(b\\).png) and [kit](../attachments/a_(b).png 'title').

            ````
            ```
            [in the fence](gone.md)
            ```
            ````
            """)
        // The attachments' images are no images by their bytes (`NoteImageTests` has those findings).
        let findings = BrokenLinkRule.check(workspace.load().workspace.projects[0], root: workspace.root).filter { $0.code == BrokenLinkRule.code }
            .sorted().rendered(relativeTo: workspace.root)
        #expect(findings == [
            "acme/notes/01-overview.md:5:16: warning: the link to 02-follow-up-old.md leads to nothing: the workspace has no acme/notes/02-follow-up-old.md (a git host shows the link dead, and a report shows only its text)",
            "acme/notes/01-overview.md:5:57: warning: the link to ../attachments/gate.png leads to nothing: the workspace has no acme/attachments/gate.png (a git host shows the link dead, and a report shows only its text)",
            "acme/notes/01-overview.md:6:15: warning: the link to 02_follow-up.md leads to nothing: the workspace has no acme/notes/02_follow-up.md (a git host shows the link dead, and a report shows only its text)",
            "acme/notes/01-overview.md:6:58: warning: the link to 03 the end.md leads to nothing: the workspace has no acme/notes/03 the end.md (a git host shows the link dead, and a report shows only its text)",
            "acme/notes/01-overview.md:15:8: warning: the link to ../notes/04-missing.md leads to nothing: the workspace has no acme/notes/04-missing.md (a git host shows the link dead, and a report shows only its text)",
        ], "\(findings)")
        // `check` reports them; a note linking only what exists is clean.
        #expect(WorkspaceChecker.check(workspace.load()).items.filter { $0.code == BrokenLinkRule.code }.count == 5)
        try workspace.write("acme/notes/01-overview.md", "# Overview\n\nSee [the follow-up](02-follow-up.md) and [the other](../../other/notes/01-summary.md#summary).\n")
        #expect(WorkspaceChecker.check(workspace.load()).items.filter { $0.code == BrokenLinkRule.code }.isEmpty)
    }

    @Test("a project's summary is looked at as its notes are, from the project's folder, at its place in project.json; an image by reference (![d][label], ![label]) is an image")
    func summaryAndReferenceImages() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("acme")
        try workspace.write("acme/notes/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        try workspace.write("acme/project.json", #"""
            {
              "title": "Acme",
              "summary": "See [the overview](notes/01-overview.md), [a moved file](notes/gone.md) and ![the chart](notes/chart.svg).",
              "visibility": "private"
            }
            """#)
        try workspace.write("acme/notes/01-overview.md", """
            # Overview

            ![The chart][c] and ![chart.svg] and [a link][l], `![in code][k]` and \\![escaped][e].

            [c]: chart.svg
            [chart.svg]: chart.svg
            [l]: chart.svg
            [k]: chart.svg
            [e]: chart.svg

            > Quoted: ![q][q]
            >
            > [q]: chart.svg

            """)
        let findings = workspace.check().filter { $0.code == BrokenLinkRule.code || $0.code == BrokenLinkRule.imageCode }
        let summary = findings.filter { $0.location?.path.hasSuffix("acme/project.json") == true }
        #expect(Set(summary.map(\.message)) == [
            "the link to notes/gone.md leads to nothing: the workspace has no acme/notes/gone.md (a report shows only its text)",
            "the image notes/chart.svg is not shown in reports (HTML or Markdown), only its description: it is not a PNG, JPEG, GIF or WebP image",
        ])
        #expect(summary.allSatisfy { $0.location?.position == SourcePosition(line: 3, column: 14) }, "\(summary.map(\.location))")
        // The definitions images refer to are images' (in a block quote too); a link's, one
        // referred to in code and one after an escaped `!` are not, and the file is there.
        let note = findings.filter { $0.location?.path.hasSuffix("01-overview.md") == true }
        #expect(note.map(\.code) == [BrokenLinkRule.imageCode, BrokenLinkRule.imageCode, BrokenLinkRule.imageCode], "\(note.map(\.message))")
        #expect(note.map { $0.location?.position.line } == [5, 6, 13])
    }

    @Test("a public text's link to a private note of a public project, Markdown's or raw HTML's, is an error at the link (a public JSON export carries a note's file name, the site's STIX and MISP exports a summary's); a private note's, or a private project's, is not")
    func linkToPrivateNote() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("open", visibility: "public", tlp: "clear")
        try workspace.write("open/project.json", #"{ "title": "Open", "summary": "See [sightings](notes/02-hr.md).", "visibility": "public", "tlp": "clear" }"#)
        try workspace.write("open/notes/01-public.md", "# Public\n\nDetails in [the internal note](02-hr.md) and [ours](03-other.md).\n\nA [C:\\Temp\\](03-other.md) path.\n\nSee <a href=\"02-hr.md\">here</a>; `<a href='03-other.md'>` is code.\n\n<div>\n<a href='03-other.md'>in a block</a>\n</div>\n\n<A HREF=02-hr.md>x</A> <img srcset=\"01-public.md 1x, 03-other.md 2x\">\n")
        try workspace.write("open/notes/02-hr.md", "---\nvisibility: private\n---\n# HR\n\nSee [the public one](01-public.md) and [ours](03-other.md).\n")
        try workspace.write("open/notes/03-other.md", "---\nvisibility: private\n---\n# Other\n")
        try workspace.addProject("closed")
        try workspace.write("closed/notes/01-x.md", "# X\n\n[theirs](02-y.md)\n")
        try workspace.write("closed/notes/02-y.md", "---\nvisibility: private\n---\n# Y\n")
        let findings = workspace.check().filter { $0.code == BrokenLinkRule.privateNoteCode }
        #expect(findings.map { $0.location.map { "\($0.path.split(separator: "/").last ?? ""):\($0.position.line):\($0.position.column)" } ?? "" }
            == ["01-public.md:3:32", "01-public.md:3:53", "01-public.md:5:14", "01-public.md:7:14", "01-public.md:10:10", "01-public.md:13:9", "01-public.md:13:54", "project.json:1:31"], "\(findings)")
        #expect(findings.allSatisfy { $0.severity == .error })
        #expect(findings.first?.message == "this public note links to the private note open/notes/02-hr.md: public exports carry the note's file name as written; link it from a private note, or make that note public (visibility: public in its front matter)")
    }

    @Test("a public text that names a private note of a public project by its file name is a warning (the site would publish the name); a name a published note also has, a private project's note, or a word in a longer name, is not")
    func privateNoteNamedInText() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("open", visibility: "public", tlp: "clear")
        try workspace.write("open/notes/01-overview.md", "# Overview\n\nSee 04-Internal-Sightings.md, `notes/04-internal-sightings.md` and 01-overview.md; not 04-internal-sightings.md.bak.\n")
        try workspace.write("open/notes/04-internal-sightings.md", "---\nvisibility: private\n---\n# Internal\n")
        try workspace.addProject("other", visibility: "public", tlp: "clear")
        try workspace.write("other/notes/01-overview.md", "---\nvisibility: private\n---\n# Other\n")
        try workspace.write("other/notes/02-open.md", "# Open\n\nOur 02-closed.md is elsewhere; [a link](../../open/notes/04-internal-sightings.md) is the link rule's.\n")
        try workspace.addProject("closed")
        try workspace.write("closed/notes/02-closed.md", "---\nvisibility: private\n---\n# Closed\n")
        let findings = workspace.check().filter { $0.code == PublishedPrivateValueRule.code }.rendered(relativeTo: workspace.root)
        #expect(findings == [
            "open/notes/01-overview.md:3:5: warning: this note names the private note open/notes/04-internal-sightings.md, but it is public: the public site shows no private note and names none; if it means the note, take the name out",
        ], "\(findings)")
    }

    @Test("a private note's file name in a link with a scheme (`file:`, a git host's address), which the link rule does not follow, is a warning; so is a private project's folder after `file:`")
    func privateNoteNamedInAddress() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("open", visibility: "public", tlp: "clear")
        try workspace.write("open/notes/04-internal-sightings.md", "---\nvisibility: private\n---\n# Internal\n")
        try workspace.addProject("secret-case")
        try workspace.write("open/notes/01-overview.md", """
            # Overview

            [local](file:04-internal-sightings.md)
            [case](FILE:secret-case/notes/01.md)

            """)
        try workspace.write("open/notes/02-more.md", "[repository](https://git.example/cti/open/notes/04-internal-sightings.md)\n")
        let findings = workspace.check().filter { $0.code == PublishedPrivateValueRule.code }.rendered(relativeTo: workspace.root)
        #expect(findings.count == 3 && findings[0].hasPrefix("open/notes/01-overview.md:3:14: warning: this note names the private note open/notes/04-internal-sightings.md")
            && findings[1].hasPrefix("open/notes/01-overview.md:4:13: warning: this note names the private project secret-case")
            && findings[2].hasPrefix("open/notes/02-more.md:1:49: warning: this note names the private note"), "\(findings)")
    }

    @Test("a public indicator that shows a private value is an error: a block of that one address, an e-mail address whose local part is the private domain, a reverse lookup's name; a note's mailto: with an escaped @ and an IPv6 address defanged [::] too")
    func publicValuesShowingPrivateOnes() throws {
        let found = try diagnostics({
            try $0.addProject("a", indicators: Self.list(
                #"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#, #"{ "value": "2001:db8:c2::10", "type": "ipv6", "private": true }"#,
                #"{ "value": "192.0.2.10", "type": "ipv4", "private": true }"#,
                #"{ "value": "acme-corp.example", "type": "domain", "private": true }"#, #"{ "value": "leaky@freemail.example", "type": "email", "private": true }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "192.0.2.130/32", "type": "cidr" }"#, #"{ "value": "2001:db8:c2::10/128", "type": "cidr" }"#,
                #"{ "value": "192.0.2.0/24", "type": "cidr" }"#, #"{ "value": "acme-corp.example@relay.example", "type": "email" }"#,
                #"{ "value": "j.smith@relay.example", "type": "email" }"#, #"{ "value": "10.2.0.192.in-addr.arpa", "type": "domain" }"#))
            try $0.write("b/notes/01.md", "[mail](mailto:leaky%40freemail.example)\n\nand 2001:db8:c2[::]10\n")
        }, rules: [PublishedPrivateValueRule()])
        let errors = found.filter { $0.contains(": error: ") }
        #expect(errors.count == 6, "\(found)")
        for shown in ["ipv4 192.0.2.10 is recorded as private in a", "ipv4 192.0.2.130 is recorded as private in a", "ipv6 2001:db8:c2::10 is recorded as private in a", "domain acme-corp.example is recorded as private in a"] {
            #expect(errors.contains { $0.hasPrefix("b/indicators.json:") && $0.contains(shown) }, "\(shown): \(errors)")
        }
        #expect(errors.contains { $0.hasPrefix("b/notes/01.md:1:") && $0.contains("email leaky@freemail.example is recorded as private") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("b/notes/01.md:3:") && $0.contains("ipv6 2001:db8:c2::10 is recorded as private") }, "\(errors)")
    }

    @Test("a file named after a private project's folder (an image, a dead link to a note) names the project, a warning; one named after a private host shows the host, an error; a folder's name inside a host name does not")
    func filesNamedAfterPrivateThings() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("secret-case", indicators: RuleTests.list(#"{ "value": "acme-corp.example", "type": "domain", "private": true }"#))
        try workspace.addProject("open", visibility: "public", tlp: "clear")
        try workspace.write("open/notes/01-a.md", "![chart](images/secret-case.png)\n")
        try workspace.write("open/notes/02-b.md", "See [the case](secret-case.md).\n")
        try workspace.write("open/notes/03-c.md", "The capture acme-corp.example.pcap and ![x](images/ACME-corp.example.PNG).\n")
        try workspace.write("open/notes/04-d.md", "Not secret-case.example.net, nor secret-case.png.example.\n")
        let findings = workspace.check().filter { $0.code == PublishedPrivateValueRule.code }.rendered(relativeTo: workspace.root)
        #expect(findings.map { String($0.prefix(while: { $0 != " " })) + " " + ($0.contains("error: domain acme-corp.example is recorded as private") ? "host" : $0.contains("names the private project secret-case") ? "folder" : $0) } == [
            "open/notes/01-a.md:1:17: folder", "open/notes/02-b.md:1:16: folder", "open/notes/03-c.md:1:13: host",
        ], "\(findings)")
    }

    @Test("a private project's title in a link's title or destination, or an HTML tag's attribute, is published (on hover, in the page's source, in the Markdown report): a warning; a destination's words are not the text's")
    func privateProjectTitleInLinkTitle() throws {
        let found = try diagnostics({
            try $0.write("acme/project.json", #"{ "title": "Payroll phishing kit targeting ACME finance staff", "visibility": "private", "tlp": "amber" }"#)
            try $0.write("acme/indicators.json", Self.list())
            try $0.addProject("open", visibility: "public", tlp: "clear", indicators: Self.list())
            try $0.write("open/notes/01.md", "[kit](https://kit.example/a_(b) \"Payroll phishing kit targeting ACME finance staff\")\n")
            try $0.write("open/notes/02.md", "[kit](<https://kit.example/a b> 'payroll phishing kit targeting ACME finance staff')\n")
            try $0.write("open/notes/03.md", "<abbr class=\"x\" title=\"Payroll phishing kit targeting ACME finance staff\">kit</abbr>\n")
            try $0.write("open/notes/04.md", "[Payroll phishing](https://p.example/x_(y)) kit targeting ACME finance staff\n")
            try $0.write("open/notes/05.md", "[Payroll phishing kit](https://x.example/targeting-acme-finance-staff) went quiet.\n")
            // A destination's own words are published (in the page's source, the status bar).
            try $0.write("open/notes/06.md", "See [the wiki](https://wiki.example/Payroll%20phishing%20kit%20targeting%20ACME%20finance%20staff).\n")
            try $0.write("open/notes/07.md", "<a href=\"https://wiki.example/payroll-phishing-kit-targeting-acme-finance-staff\">wiki</a>\n")
        }, rule: PublishedPrivateValueRule())
        #expect(found.map { String($0.prefix(while: { $0 != " " })) } == [
            "open/notes/01.md:1:34:", "open/notes/02.md:1:34:", "open/notes/03.md:1:24:", "open/notes/04.md:1:2:",
            "open/notes/06.md:1:16:", "open/notes/07.md:1:31:",
        ], "\(found)")
    }

    @Test("raw HTML's links are read in its tags alone: an autolink's query or prose that says src=x is no link")
    func htmlLinksInTagsAlone() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("acme")
        try workspace.write("acme/notes/01-overview.md", "See <https://x.example/?data=02-gone.md> and set src=03-gone.md in the config.\n\n<a href=04-gone.md>x</a>\n")
        let findings = WorkspaceChecker.check(workspace.load()).items.filter { $0.code == BrokenLinkRule.code }.sorted().rendered(relativeTo: workspace.root)
        #expect(findings.count == 1 && findings.first?.hasPrefix("acme/notes/01-overview.md:3:9: warning: the link to 04-gone.md leads to nothing") == true, "\(findings)")
    }

    @Test("a line that starts with three backticks and holds more is a code span in text, not a fence: links after it are looked at")
    func backticksInTextOpenNoFence() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("acme")
        try workspace.write("acme/notes/01-overview.md", "```whoami``` ran as root.\n\nSee [the follow-up](02-gone.md).\n\n```\n[fenced](03-gone.md)\n```\n")
        let findings = WorkspaceChecker.check(workspace.load()).items.filter { $0.code == BrokenLinkRule.code }.sorted().rendered(relativeTo: workspace.root)
        #expect(findings == [
            "acme/notes/01-overview.md:3:21: warning: the link to 02-gone.md leads to nothing: the workspace has no acme/notes/02-gone.md (a git host shows the link dead, and a report shows only its text)",
        ], "\(findings)")
    }

    @Test("a link in an indented code block, in an HTML block or in a fence under a list item is no link: neither a broken file nor a missing heading is reported; an indented line that continues a list item is prose, and checked")
    func linksInCodeAndHTMLBlocks() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("acme")
        let note = """
            # Overview

            Indented code:

                see [the kit](missing-kit.md) and [t](#nowhere)

            <div>
            [x](also-missing.md) and [y](#gone)
            </div>

            - a step

                  [in the item's code](item-code.md)

              ```
              [in the item's fence](item-fence.md)
              ```

            - another step

                [continued](continued-gone.md)

            And [after](after-gone.md#x).

            """
        // The same note with CR LF line ends gives the same findings.
        for (name, text) in [("01-overview.md", note), ("02-overview.md", note.replacingOccurrences(of: "\n", with: "\r\n"))] {
            try workspace.write("acme/notes/" + name, text)
        }
        let findings = WorkspaceChecker.check(workspace.load()).items
            .filter { $0.code == BrokenLinkRule.code || $0.code == HeadingLinkRule.code }.sorted().rendered(relativeTo: workspace.root)
        #expect(findings == ["01", "02"].flatMap { number in [
            "acme/notes/\(number)-overview.md:21:17: warning: the link to continued-gone.md leads to nothing: the workspace has no acme/notes/continued-gone.md (a git host shows the link dead, and a report shows only its text)",
            "acme/notes/\(number)-overview.md:23:13: warning: the link to after-gone.md#x leads to nothing: the workspace has no acme/notes/after-gone.md (a git host shows the link dead, and a report shows only its text)",
        ] }, "\(findings)")
    }

    @Test("a link to a heading its note does not have is a warning at the link, with the id meant; links to headings, to the note's title, in code, and to notes that are not there are not")
    func brokenHeadingLinks() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("acme")
        try workspace.addProject("other")
        try workspace.write("other/notes/01-summary.md", "---\ntitle: Summary\n---\n## C2 servers\n")
        try workspace.write("acme/notes/02-follow-up.md", "---\ntitle: Follow-up\n---\n## Details\n\n## Details\n")
        try workspace.write("acme/notes/01-overview.md", """
            ---
            title: Overview
            ---
            ## The *C2* servers

            See [details](02-follow-up.md#details), [the second](02-follow-up.md#details-1), [servers](#the-c2-servers), [top](#overview),
            [typo](#the-c2-servrs), [case](02-follow-up.md#Details), [gone](02-follow-up.md#timeline), [theirs](../../other/notes/01-summary.md#c2-servers),
            [their typo](../../other/notes/01-summary.md#c2-server), [encoded](#the%2Dc2%2Dservers) and [missing note](03-none.md#x).

            `[in code](#nowhere)` and ![an image](#nowhere).
            """)
        let findings = WorkspaceChecker.check(workspace.load()).items.filter { $0.code == HeadingLinkRule.code }.sorted().rendered(relativeTo: workspace.root)
        #expect(findings == [
            "acme/notes/01-overview.md:7:8: warning: the link to #the-c2-servrs leads to no heading of this note, so a report shows only the link's text; did you mean #the-c2-servers?",
            "acme/notes/01-overview.md:7:32: warning: the link to 02-follow-up.md#Details leads to no heading of 02-follow-up.md, so it opens the note at its top; did you mean #details?",
            "acme/notes/01-overview.md:7:65: warning: the link to 02-follow-up.md#timeline leads to no heading of 02-follow-up.md, so it opens the note at its top; a link may name #details, #details-1, #follow-up",
            "acme/notes/01-overview.md:8:14: warning: the link to ../../other/notes/01-summary.md#c2-server leads to no heading of other/notes/01-summary.md, so it opens the note at its top; did you mean #c2-servers?",
        ], "\(findings)")
        // The missing note is the broken-link rule's alone.
        #expect(WorkspaceChecker.check(workspace.load()).items.filter { $0.code == BrokenLinkRule.code }.count == 1)

        // As libcmark reads a link: a reference's destination on a CR LF line ends before the CR;
        // a character reference is the character. A heading whose text is markup is looked up by
        // libcmark; a link naming its own note by file name opens the note.
        try workspace.write("acme/notes/01-overview.md", "## Caf\u{E9}\r\n## Loader __init__ hook\r\n\r\nSee [it][t], [here](#caf&eacute;), [hook](#loader-init-hook), "
            + "[raw](#loader-__init__-hook) and [self](01-overview.md#nope).\r\n\r\n[t]: #caf%C3%A9\r\n")
        let again = WorkspaceChecker.check(workspace.load()).items.filter { $0.code == HeadingLinkRule.code }.sorted().rendered(relativeTo: workspace.root)
        #expect(again == [
            "acme/notes/01-overview.md:4:69: warning: the link to #loader-__init__-hook leads to no heading of this note, so a report shows only the link's text; a link may name #café, #loader-init-hook, #overview",
            "acme/notes/01-overview.md:4:103: warning: the link to 01-overview.md#nope leads to no heading of 01-overview.md, so it opens the note at its top; a link may name #café, #loader-init-hook, #overview",
        ], "\(again)")
    }

    @Test("code that reads as an IPv6 address (a slice, C++ scope) is not an unrecorded indicator; an address with a group of three hex digits is")
    func unrecordedNoteIndicatorIPv6Code() throws {
        let note = "---\ntitle: Decoder\n---\n```python\nkey = blob[0::2]; odd = blob[1::2]\n```\nIt calls a1::b2 and beacons to 2001:db8:4006:812::200e.\n"
        let found = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "payroll-acme.example", "type": "domain" }"#))
            try $0.write("p/notes/01-decoder.md", note)
        }, rule: NoteMentionRule())
        #expect(found == [
            "p/notes/01-decoder.md:7:32: warning: ipv6 2001:db8:4006:812::200e is written in this note but not recorded; add it with `dossier add p 2001:db8:4006:812::200e`"
        ])
    }

    @Test("a value written in a note in another Unicode spelling of the recorded one (composed or not) is recorded")
    func unrecordedNoteIndicatorSpellings() throws {
        // A URL's path is kept as written: `café` recorded decomposed, written composed in one
        // note and decomposed in the other. Strings compare by canonical equivalence.
        let decomposed = "https://collect.example.net/cafe\u{301}", composed = "https://collect.example.net/caf\u{E9}"
        let found = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "\#(decomposed)", "type": "url" }"#))
            try $0.write("p/notes/01-a.md", "---\ntitle: A\n---\nPosts to \(composed) daily.\n")
            try $0.write("p/notes/02-b.md", "---\ntitle: B\n---\nPosts to \(decomposed) daily.\n")
        }, rule: NoteMentionRule())
        #expect(found.isEmpty)
    }

    @Test("a private indicator written in a note the public site shows is an error; in a private note or project it is not")
    func privateIndicatorInPublicNote() throws {
        let indicators = Self.list(
            #"{ "value": "203.0.113.9", "type": "ipv4", "private": true }"#,
            #"{ "value": "intranet.acme.example", "type": "domain", "private": true }"#,
            #"{ "value": "payroll-acme.example", "type": "domain" }"#)
        let note = "---\ntitle: Overview\n---\nThe kit posts to 203[.]0.113.9 and payroll-acme.example.\nIt copies hxxps://intranet.acme[.]example/login.\n"
        let failing = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: indicators)
            try $0.write("p/notes/01-overview.md", note)
        }, rules: Self.mentionRules)
        let fix = "make the note private (visibility: private in its front matter) or the indicator public"
        #expect(failing == [
            "p/notes/01-overview.md:4:18: error: ipv4 203.0.113.9 is recorded as private, but this note is public and the public site would show it; \(fix)",
            "p/notes/01-overview.md:5:11: error: domain intranet.acme.example is recorded as private, but this note is public and the public site would show it (in https://intranet.acme.example/login); \(fix)",
            "p/notes/01-overview.md:5:11: warning: url https://intranet.acme.example/login is written in this note but not recorded; add it with `dossier add p https://intranet.acme.example/login`",
        ])
        let privateNote = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: indicators)
            try $0.write("p/notes/01-overview.md", note.replacingOccurrences(of: "title: Overview", with: "title: Overview\nvisibility: private"))
        }, rules: Self.mentionRules)
        #expect(privateNote.count == 1 && privateNote.allSatisfy { $0.contains(": warning: url ") }, "\(privateNote)")
        let privateProject = try diagnostics({
            try $0.addProject("p", indicators: indicators)
            try $0.write("p/notes/01-overview.md", note)
        }, rules: Self.mentionRules)
        #expect(privateProject.count == 1 && privateProject.allSatisfy { $0.contains(": warning: url ") }, "\(privateProject)")
    }

    @Test("a private value in a public note's front matter title or author, or in the workspace's title, is pointed at where it is written")
    func privateValueInTitlesIsPlaced() throws {
        let found = try diagnostics({
            try $0.write("dossier.json", "{\n  \"title\": \"Intel on 203.0.113.9\"\n}\n")
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "203.0.113.9", "type": "ipv4", "private": true }"#))
            try $0.write("p/notes/01.md", "---\ndate: 2026-01-02\ntitle: About 203.0.113.9\nauthor: ops 203.0.113.9\n---\nbody\n")
            try $0.write("p/notes/02.md", "\n# Seen 203.0.113.9\n\nbody\n")
        }, rule: PublishedPrivateValueRule())
        #expect(found.map { $0.prefix { $0 != " " } } == ["dossier.json:2:12:", "p/notes/01.md:3:8:", "p/notes/01.md:4:9:", "p/notes/02.md:2:1:"], "\(found)")
    }

    @Test("the host of a URL a public project publishes is published already, wherever it is written (with the URL, another URL on it, bare): no error though only private projects record the host; a host no public URL has is one")
    func hostOfPublishedURLIsPublished() throws {
        let found = try diagnostics({
            try $0.addProject("case", indicators: Self.list(#"{ "value": "bit.ly", "type": "domain" }"#, #"{ "value": "tinyurl.example", "type": "domain" }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "https://bit.ly/4AbCdEf", "type": "url" }"#))
            try $0.write("pub/notes/01.md", "---\ntitle: A\n---\nThe lure: https://bit.ly/4AbCdEf, https://bit.ly/other and bit.ly; https://tinyurl.example/x.\n")
        }, rule: PublishedPrivateValueRule())
        #expect(found.count == 1 && found[0].contains("(in https://tinyurl.example/x)") && found[0].hasSuffix("dossier classify case non-malicious tinyurl.example"), "\(found)")
    }

    @Test("a name within a domain only private projects record, written in a public note, is a warning that names the domain, once per text")
    func nameWithinPrivateProjectsDomain() throws {
        let found = try diagnostics({
            try $0.addProject("case", indicators: Self.list(#"{ "value": "victim-corp.example", "type": "domain", "classification": "malicious" }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "mail.victim-corp.example", "type": "domain" }"#))
            try $0.write("pub/notes/01.md", "---\ntitle: A\n---\nSeen: mail.victim-corp.example and vpn.victim-corp.example.\n")
        }, rule: PublishedPrivateValueRule())
        #expect(found == ["pub/notes/01.md:4:7: warning: domain victim-corp.example is recorded only in private projects (case), but this note is public and the public site would show it (in mail.victim-corp.example), unless it is a domain many share, such as a hosting provider's; make the note private (visibility: private in its front matter), or record it in this public project to publish it"], "\(found)")
    }

    @Test("a value several projects keep private, written where the public site shows it, is said with every one of them (past three, how many more), the remedy's project first")
    func everyProjectKeepingAValuePrivate() throws {
        let privateIP = Self.list(#"{ "value": "192.0.2.44", "type": "ipv4", "private": true }"#)
        let found = try diagnostics({
            for name in ["a", "b", "c"] { try $0.addProject(name, visibility: "public", tlp: "clear", indicators: privateIP) }
            try $0.addProject("pub", visibility: "public", tlp: "clear")
            try $0.write("pub/notes/01.md", "Seen: 192.0.2.44.\n")
            for name in ["p1", "p2", "p3", "p4", "p5"] {
                try $0.addProject(name, indicators: Self.list(#"{ "value": "c2.\#(name).example", "type": "domain" }"#, #"{ "value": "shared-c2.example", "type": "domain", "classification": "malicious" }"#))
            }
            try $0.write("pub/notes/02.md", "And shared-c2.example.\n")
        }, rule: PublishedPrivateValueRule())
        #expect(found.count == 2, "\(found)")
        #expect(found.first?.hasPrefix("pub/notes/01.md:1:7: error: ipv4 192.0.2.44 is recorded as private in a, b and c, but this note is public") == true, "\(found)")
        #expect(found.first?.contains("or the indicator public in a") == true, "\(found)")
        #expect(found.last?.hasPrefix("pub/notes/02.md:1:5: error: domain shared-c2.example is recorded only in private projects (p1, p2, p3 and 2 more), but this note is public") == true, "\(found)")
    }

    @Test("a section's number or a commit's id in a note is no unrecorded indicator; written so, a private address or hash is still found where the public site shows it")
    func sectionNumbersAndCommits() throws {
        let note = "---\ntitle: A\n---\nRFC 5280 section 4.2.1.1 applies; see also § 4.2.1.3.\nFixed in commit 3f786850e387550fdab836ed7e6dc881de23001b.\n"
        let quiet = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear")
            try $0.write("p/notes/01-a.md", note)
        }, rules: Self.mentionRules)
        #expect(quiet.isEmpty, "\(quiet)")
        let leaking = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "4.2.1.1", "type": "ipv4", "private": true }"#,
                #"{ "value": "3f786850e387550fdab836ed7e6dc881de23001b", "type": "sha1", "private": true }"#))
            try $0.write("p/notes/01-a.md", note)
        }, rules: Self.mentionRules)
        #expect(leaking.count == 2 && leaking.allSatisfy { $0.contains(": error: ") && $0.contains("is recorded as private") }, "\(leaking)")
        #expect(leaking.contains { $0.contains("ipv4 4.2.1.1") } && leaking.contains { $0.contains("sha1 3f786850e387550fdab836ed7e6dc881de23001b") })
    }

    @Test("a URL in a note counts as recorded in its other spelling; keys that compare equal hash alike, whatever the escapes next to a letter")
    func urlSpellingIdentity() throws {
        let found = try diagnostics({
            try $0.addProject("p", indicators: Self.list(#"{ "value": "http://x.example/%C3%BCber", "type": "url" }"#))
            try $0.write("p/notes/01.md", "Seen at http://x.example/\u{FC}ber and http://x.example/u%CC%88ber.\n")
        }, rule: NoteMentionRule())
        #expect(found.isEmpty, "\(found)")
        // Equal as Swift compares them (é precomposed or not after `%25a`): one key, one hash.
        let pairs = [("http://x.example/%25a\u{E9}", "http://x.example/%25ae\u{301}"), ("http://x.example/%C3%A\u{E9}", "http://x.example/%C3%Ae\u{301}")]
        for (a, b) in pairs {
            let (x, y) = (IndicatorKey(type: .url, value: a), IndicatorKey(type: .url, value: b))
            #expect(x == y && x.hashValue == y.hashValue && Set([x, y]).count == 1, "\(a)")
        }
    }

    @Test("a private URL written in a public note in its other spelling (escaped, or not) is an error all the same")
    func privateURLSpelling() throws {
        let found = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "http://x.example/\u00fcber", "type": "url", "private": true }"#,
                #"{ "value": "http://y.example/%C3%A9t%C3%A9", "type": "url", "private": true }"#))
            try $0.write("p/notes/01.md", "---\ntitle: N\n---\nSee http://x.example/%C3%BCber and http://y.example/\u{E9}t\u{E9}.\n")
        }, rule: PublishedPrivateValueRule())
        let fix = "make the note private (visibility: private in its front matter) or the indicator public"
        #expect(found == [
            "p/notes/01.md:4:5: error: url http://x.example/\u{FC}ber is recorded as private, but this note is public and the public site would show it; \(fix)",
            "p/notes/01.md:4:36: error: url http://y.example/%C3%A9t%C3%A9 is recorded as private, but this note is public and the public site would show it; \(fix)",
        ])
    }

    @Test("a URL's path read as a browser asks for it: escaped letters decoded, dot-segments resolved, the query and fragment left")
    func urlDotSegmentsAndEscapedLetters() throws {
        let same = [
            ("http://evil.example/gate.php", "http://evil.example/./gate.php"),
            ("http://evil.example/gate.php", "http://evil.example/%67ate.php"),
            ("http://evil.example/gate.php", "http://evil.example/kit/../gate.php"),
            ("http://evil.example/gate.php", "http://evil.example/%2e/kit/%2E%2E/gate.php"),
            ("http://evil.example/kit/", "http://evil.example/kit/x/.."),
            ("http://evil.example/", "http://evil.example/.."),
            ("http://evil.example/a?x=%41", "http://evil.example/b/../a?x=A"),
            // An escape that decodes to no letter leaves the others read.
            ("http://evil.example/gate.php?q=%FF", "http://evil.example/%67ate.php?q=%FF"),
        ]
        for (a, b) in same {
            let (x, y) = (IndicatorKey(type: .url, value: a), IndicatorKey(type: .url, value: b))
            #expect(x == y && x.hashValue == y.hashValue, "\(b)")
        }
        let apart = [
            ("http://evil.example/gate.php", "http://evil.example/.gate.php"),
            ("http://evil.example/a//b", "http://evil.example/a/b"),
            ("http://evil.example/a?p=/../b", "http://evil.example/b"),
            ("http://evil.example/a%2Fb", "http://evil.example/a/b"),
            ("http://evil.example/.well-known/x", "http://evil.example/well-known/x"),
        ]
        for (a, b) in apart {
            #expect(IndicatorKey(type: .url, value: a) != IndicatorKey(type: .url, value: b), "\(b)")
        }
        let found = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "http://evil.example/gate.php", "type": "url", "private": true }"#))
            try $0.write("p/notes/01.md", "---\ntitle: N\n---\nSee hxxp://evil[.]example/./%67ate.php today.\n")
        }, rule: PublishedPrivateValueRule())
        #expect(found.count == 1 && found[0].hasPrefix("p/notes/01.md:4:5: error: url "), "\(found)")
    }

    @Test("a private value spliced by an HTML comment or written with a Latin-1 or invisible character reference in a public note is found as the page shows it")
    func privateValueSplicedInNote() throws {
        let found = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "vpn.acme-corp.example", "type": "domain", "private": true }"#,
                #"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#,
                #"{ "value": "xn--mnchen-acme-thb.example", "type": "domain", "private": true }"#))
            try $0.write("p/notes/01.md", """
                ---
                title: N
                ---
                L1 vpn.acme-corp<!-- -->.example and 192.0.<!--
                -->2.130 end

                L6 m&uuml;nchen-acme.example end
                """)
            // Inline markup that joins words on the page: emphasis, an empty link, two links.
            try $0.write("p/notes/02.md", "Seen 192.0.2.*130* today.\n")
            try $0.write("p/notes/03.md", "Portal vpn.acme-corp[](x).example and **bold** text, [a link](https://x.example/) (see [it](y)).\n")
            try $0.write("p/notes/04.md", "Portal [vpn.acme-corp](x)[.example](y).\n")
            // Links by reference, full and collapsed.
            try $0.write("p/notes/06.md", "Portal vpn.acme-corp[.example][r] and 192.0.2.[130][].\n\n[r]: https://x.example/\n[130]: https://y.example/\n")
            // A direction mark or an invisible operator shows as nothing too.
            try $0.write("p/notes/05.md", "Portal vpn.acme-corp&lrm;.example and vpn.acme&InvisibleTimes;-corp.example\n")
            // An inline HTML tag, shown as written: the value reads whole across it. Not a hard
            // line break, nor a tag that parts words (`<br>`, table cells).
            try $0.write("p/notes/07.md", "Portal vpn.acme-corp.<wbr>example and 192.0.<span class=\"x\">2.130</span>.\n")
            try $0.write("p/notes/08.md", "Portal vpn.acme-corp.\\\nexample end, 192.0.<br>2.130 and <td>192.0.</td><td>2.130</td>\n")
        }, rule: PublishedPrivateValueRule())
        let lines = found.map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
        #expect(lines == ["p/notes/01.md:4", "p/notes/01.md:4", "p/notes/01.md:7", "p/notes/02.md:1", "p/notes/03.md:1", "p/notes/04.md:1", "p/notes/05.md:1", "p/notes/06.md:1", "p/notes/06.md:1",
            "p/notes/07.md:1", "p/notes/07.md:1"], "\(found)")
        #expect(InlineMarkup.joined("Hash e3b0c442<wbr>98fc and a\\\nb, <br/>x, <b>bold</b> words") == "Hash e3b0c44298fc and a\\\nb, <br/>x, bold words")
        #expect(InlineMarkup.joined("Mail <user@example.com> or <https://x.example/>, 2 < 3 > 1") == nil)
        #expect(InlineMarkup.joined("**Bold** words, a [link](https://x.example/) and host_name.") == nil)
        #expect(InlineMarkup.joined("See 192.0.2.*130*.") == "See 192.0.2.130.")
        #expect(InlineMarkup.joined("A [reference][r] and an [array][0] stay words.") == nil)
        // An empty image right after a word: its `!` shows nothing either.
        #expect(InlineMarkup.joined("secretcanary![](x).example and 203.0.113.![]()77") == "secretcanary.example and 203.0.113.77")
        #expect(InlineMarkup.joined("Wow! [see](x) it") == nil)
        // What shows as it is written joins nothing: an escaped or unpaired marker, a `_` that
        // cannot open emphasis, a tilde (no strike-through in CommonMark).
        for literal in [#"Lookalikes matched acme-corp\*.example"#, "192.0.2.13*0", "192.0.2.13~~0~~", "vpn.acme-corp_.example_", "*.example and *.test"] {
            #expect(InlineMarkup.joined(literal) == nil, "\(literal)")
        }
    }

    @Test("a private address or hash inside a longer word, or a private host written in another form in a URL, is found in a public note and a public value")
    func privateValueInsideWords() throws {
        let sha256 = "79a60c4e61c81a29bdaec5ce261d00675fdd1193fc522e5f2e3c4c4f99a729d7"
        let found = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "vpn.acme-corp.example", "type": "domain", "private": true }"#,
                #"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#,
                #"{ "value": "\#(sha256)", "type": "sha256", "private": true }"#,
                #"{ "value": "pcap_192.0.2.130_2026.pcap", "type": "filename" }"#))
            try $0.write("p/notes/01.md", """
                ---
                title: N
                ---
                L4 range 192.0.2.129-192.0.2.130 end
                L5 saved as sample_\(sha256).dll end
                L6 see http://vpn.acme-corp%2Eexample/login
                L7 version 10.0.19041.1 and 1.2.3 and 2001 are nothing private, nor the PTR 192.0.2.130.in-addr.arpa of 130.2.0.192
                """)
            // Each note names a value once: one note per spelling.
            try $0.write("p/notes/02.md", "See http://0xC0000282/gate.\n")
            try $0.write("p/notes/03.md", "See http://user@0300.0.02.0202:8080/.\n")
            try $0.write("p/notes/04.md", "PTR 130.2.0.192.in-addr.arpa.\n")
            // A public URL whose host is the private address in numbers, and one in prose
            // followed by a comma.
            try $0.write("p/indicators.json", Self.list(
                #"{ "value": "vpn.acme-corp.example", "type": "domain", "private": true }"#,
                #"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#,
                #"{ "value": "\#(sha256)", "type": "sha256", "private": true }"#,
                #"{ "value": "pcap_192.0.2.130_2026.pcap", "type": "filename" }"#,
                #"{ "value": "http://0xc0000282/gate.php", "type": "url" }"#))
            try $0.write("p/notes/05.md", "See http://3221226114, then http://+3221226114/ (no host).\n")
        }, rule: PublishedPrivateValueRule())
        let places = found.map { $0.split(separator: ":").prefix(3).joined(separator: ":") }
        #expect(places == ["p/indicators.json:1:280", "p/indicators.json:1:343", "p/notes/01.md:4:22", "p/notes/01.md:5:20", "p/notes/01.md:6:8",
                           "p/notes/02.md:1:12", "p/notes/03.md:1:17", "p/notes/04.md:1:5", "p/notes/05.md:1:12"], "\(found)")
        #expect(found.filter { $0.contains("ipv4 192.0.2.130") }.count == 7 && found.contains { $0.contains(sha256) }
            && found.contains { $0.contains("vpn.acme-corp.example") }, "\(found)")
        #expect(Indicators.numericHostAddress("3221226114") == "192.0.2.130" && Indicators.numericHostAddress("192.000.002.130") == "192.0.2.130")
        #expect(Indicators.numericHostAddress("+3221226114") == nil && Indicators.numericHostAddress("0x+1") == nil)
        #expect(Indicators.numericHostAddress("192.0.2.130") == nil && Indicators.numericHostAddress("evil.example") == nil
            && Indicators.numericHostAddress("0x1.0x2.256.1") == nil && Indicators.numericHostAddress("4294967296") == nil)
    }

    @Test("a private address spelt with dashes in a host name (either way round), and a private free-form value after a scheme (bitcoin:), in a public note are found; dates and phone numbers are nothing")
    func privateValueDashedOrAfterScheme() throws {
        let found = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#,
                #"{ "value": "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "type": "other", "private": true }"#))
            try $0.write("p/notes/01.md", "Line 192-0-2-130.dyn.example.net seen.\n")
            try $0.write("p/notes/02.md", "PTR 130-2-0-192.rev.example.net seen.\n")
            try $0.write("p/notes/03.md", "Pay to bitcoin:1BoatSLRHtKNngkdXEeobR76b53LETtpyT now.\n")
            try $0.write("p/notes/04.md", "On 2026-11-30, call 555-123-4567 or 1-800-555-0199; build 10-20-30.\n")
        }, rule: PublishedPrivateValueRule())
        let places = found.map { $0.split(separator: ":").prefix(3).joined(separator: ":") }
        #expect(places == ["p/notes/01.md:1:6", "p/notes/02.md:1:5", "p/notes/03.md:1:16"], "\(found)")
    }

    @Test("a private address padded with zeros or spelt with underscores, and a private host written as code or a file name (a capital letter, a parenthesis after it, window. before it, a top-level domain that is mostly a file extension), in a public note are found")
    func privateValueInOtherSpellings() throws {
        let found = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#,
                #"{ "value": "payroll-acme.example", "type": "domain", "private": true }"#,
                #"{ "value": "secret-c2.example", "type": "domain", "private": true }"#,
                #"{ "value": "payroll-update.zip", "type": "domain", "private": true }"#))
            // A title read only for its words (it holds no value) comes before the notes' texts:
            // the findings still point into the notes.
            try $0.write("p/project.json", #"{ "title": "Quarterly phishing trends report", "visibility": "public", "tlp": "clear" }"#)
            // Each note names a value once: one note per spelling. The eighth names nothing
            // private; the last three write one among other numbers of a file name (dates, a
            // port, a range).
            let notes = [
                "Blocked 192.000.002.130 at the edge.", "Saved capture_192_0_2_130.pcap.", "Host ip-192-0-2-130.ec2.internal seen.",
                "See Payroll-Acme.Example today.", "Panel Secret-C2.Example(1) up.", "The kit sets window.secret-c2.example here.",
                "Dropped payroll-update.zip again.",
                "Nothing private: System.Net, README.md, setup.zip, this.name, 010.020.030.040, 1-800-555-0199.",
                "Saved pcap_2026-11-02_192-0-2-130.pcap.", "Saved capture_192_0_2_130_443.pcap.", "Range 192-0-2-129_192-0-2-130 blocked.",
            ]
            for (number, text) in notes.enumerated() { try $0.write("p/notes/\(number < 9 ? "0" : "")\(number + 1).md", text + "\n") }
        }, rule: PublishedPrivateValueRule())
        let places = found.map { $0.split(separator: ":").prefix(3).joined(separator: ":") }
        #expect(places == ["p/notes/01.md:1:9", "p/notes/02.md:1:15", "p/notes/03.md:1:9", "p/notes/04.md:1:5", "p/notes/05.md:1:7",
                           "p/notes/06.md:1:21", "p/notes/07.md:1:9", "p/notes/09.md:1:23", "p/notes/10.md:1:15", "p/notes/11.md:1:19"], "\(found)")
        #expect(found.filter { $0.contains("ipv4 192.0.2.130") }.count == 6 && found.contains { $0.contains("domain payroll-acme.example") }
            && found.filter { $0.contains("domain secret-c2.example") }.count == 2 && found.contains { $0.contains("domain payroll-update.zip") }
            && found.allSatisfy { $0.contains(": error: ") },
            "\(found)")
    }

    @Test("a private e-mail address written after an elision (l'admin@) in a public note is found")
    func privateEmailAfterElision() throws {
        let found = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "admin@evil.example", "type": "email", "private": true }"#))
            try $0.write("p/notes/01.md", "Écrire à l'admin@evil.example aujourd'hui.\n")
        }, rule: PublishedPrivateValueRule())
        #expect(found.count == 1 && found[0].contains("email admin@evil.example is recorded as private"), "\(found)")
    }

    @Test("a private indicator written in a public project's title or summary, a public note's title or a public indicator's comment is an error")
    func privateIndicatorInPublishedFields() throws {
        let indicators = Self.list(
            #"{ "value": "203.0.113.9", "type": "ipv4", "private": true }"#,
            #"{ "value": "vpn.acme.example", "type": "domain", "private": true, "comment": "our gateway 203.0.113.9" }"#,
            #"{ "value": "198.51.100.7", "type": "ipv4", "comment": "also hit https://vpn.acme.example/remote/login" }"#,
            #"{ "value": "payroll-acme.example", "type": "domain", "comment": "Seen in the first wave" }"#)
        func project(_ visibility: String) -> String {
            """
            {
              "title": "Brute force on 203.0.113.9",
              "summary": "All attempts targeted\\nvpn[.]acme.example.",
              "visibility": "\(visibility)", "tlp": "clear"
            }
            """
        }
        let failing = try diagnostics({
            try $0.addProject("p", visibility: "public", tlp: "clear", indicators: indicators)
            try $0.write("p/project.json", project("public"))
            try $0.write("p/notes/01-detection.md", "---\ntitle: Detection of 203.0.113.9 traffic\n---\nBody.\n")
            try $0.write("p/notes/02-internal.md", "---\ntitle: Sightings on 203.0.113.9\nvisibility: private\n---\nBody.\n")
        }, rules: Self.mentionRules)
        let take = "or make the indicator public"
        #expect(failing == [
            "p/indicators.json:1:186: error: domain vpn.acme.example is recorded as private, but the comment of 198.51.100.7 is public and the public site would show it (in https://vpn.acme.example/remote/login); take it out of the comment of 198.51.100.7, \(take)",
            "p/notes/01-detection.md:2:8: error: ipv4 203.0.113.9 is recorded as private, but this note's title is public and the public site would show it; take it out of this note's title, \(take)",
            "p/project.json:2:12: error: ipv4 203.0.113.9 is recorded as private, but the project's title is public and the public site would show it; take it out of the project's title, \(take)",
            "p/project.json:3:14: error: domain vpn.acme.example is recorded as private, but the project's summary is public and the public site would show it; take it out of the project's summary, \(take)",
        ], "\(failing)")
        // A private project publishes none of them.
        let privateProject = try diagnostics({
            try $0.addProject("p", indicators: indicators)
            try $0.write("p/project.json", project("private"))
            try $0.write("p/notes/01-detection.md", "---\ntitle: Detection of 203.0.113.9 traffic\n---\nBody.\n")
        }, rules: Self.mentionRules)
        #expect(privateProject.isEmpty, "\(privateProject)")
    }

    @Test("a private value of any project is an error wherever the public site shows it: another project's texts, tags, a note's author, a public URL on its host, the workspace's tag descriptions; not when a public project publishes it anyway")
    func privateValuesAcrossTheWorkspace() throws {
        let found = try diagnostics({
            try $0.write("dossier.json", """
                { "title": "Test", "tags": { "Blocked": { "classification": "malicious", "description": "Blocked at vpn.acme.example" } } }
                """)
            try $0.addProject("a", indicators: Self.list(
                #"{ "value": "79a60c4e61c81a29bdaec5ce261d00675fdd1193fc522e5f2e3c4c4f99a729d7", "type": "sha256", "private": true }"#,
                #"{ "value": "vpn.acme.example", "type": "domain", "private": true }"#,
                #"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "https://vpn.acme.example/public-page", "type": "url", "tags": ["seen-with-192.0.2.130"] }"#,
                #"{ "value": "C:\\Users\\Public\\hp.dat", "type": "filepath", "private": true }"#))
            try $0.write("b/project.json", #"{ "title": "B", "summary": "Dropped C:\\Users\\Public\\hp.dat.", "visibility": "public", "tlp": "clear" }"#)
            try $0.write("b/notes/01.md", "---\nauthor: ops@vpn.acme.example\n---\nAlso 79a60c4e61c81a29bdaec5ce261d00675fdd1193fc522e5f2e3c4c4f99a729d7.\n")
            // Private in a, but c publishes it: no secret to keep.
            try $0.addProject("c", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "198.51.100.7", "type": "ipv4" }"#))
            try $0.write("c/notes/01.md", "Seen 198.51.100.7.\n")
        }, rules: [PublishedPrivateValueRule()])
        let errors = found.map { String($0.split(separator: ";")[0]) }
        #expect(errors == [
            "b/indicators.json:1:30: error: domain vpn.acme.example is recorded as private in a, but the url https://vpn.acme.example/public-page is public and the public site would show it (in https://vpn.acme.example/public-page)",
            "b/indicators.json:1:93: error: ipv4 192.0.2.130 is recorded as private in a, but a tag of https://vpn.acme.example/public-page is public and the public site would show it",
            "b/notes/01.md:2:9: error: domain vpn.acme.example is recorded as private in a, but this note's author is public and the public site would show it (in ops@vpn.acme.example)",
            "b/notes/01.md:4:6: error: sha256 79a60c4e61c81a29bdaec5ce261d00675fdd1193fc522e5f2e3c4c4f99a729d7 is recorded as private in a, but this note is public and the public site would show it",
            #"b/project.json:1:28: error: filepath "C:\Users\Public\hp.dat" is recorded as private, but the project's summary is public and the public site would show it"#,
            #"dossier.json:1:30: error: domain vpn.acme.example is recorded as private in a, but the public tag "Blocked" is public and the public site would show it"#,
        ], "\(found)")
    }

    @Test("a private registry key or Windows path written in a public text in another case, or under another spelling of its hive, is an error")
    func privateWindowsNamesInAnyCase() throws {
        let found = try diagnostics({
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "C:\\Users\\Public\\Libraries\\hp.dat", "type": "filepath", "private": true }"#,
                #"{ "value": "hklm\\software\\AcmeInternal\\Agent", "type": "registry-key", "private": true }"#))
            try $0.write("b/notes/01.md", "The blob goes to c:\\users\\public\\libraries\\HP.DAT.\n")
            try $0.write("b/notes/02.md", "It reads HKEY_LOCAL_MACHINE\\SOFTWARE\\AcmeInternal\\Agent\\ at start.\n")
            try $0.write("b/notes/03.md", "Nothing of /tmp/hp.dat here, nor of HKLM\\Software\\AcmeInternal\\Agents.\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.map { String($0.split(separator: ";")[0]) } == [
            #"b/notes/01.md:1:18: error: filepath "C:\Users\Public\Libraries\hp.dat" is recorded as private, but this note is public and the public site would show it"#,
            #"b/notes/02.md:1:29: error: registry-key "hklm\software\AcmeInternal\Agent" is recorded as private, but this note is public and the public site would show it"#,
        ], "\(found)")
    }

    @Test("a private value a URL carries in its path or query, escaped or not, or an IPv4-mapped address of a private one, is an error in a public note, comment or value")
    func privateValuesCarriedByURLs() throws {
        let hash = "79a60c4e61c81a29bdaec5ce261d00675fdd1193fc522e5f2e3c4c4f99a729d7"
        let found = try diagnostics({
            try $0.addProject("a", indicators: Self.list(
                #"{ "value": "\#(hash)", "type": "sha256", "private": true }"#,
                #"{ "value": "repo.acme-corp.example", "type": "domain", "private": true }"#,
                #"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "198.51.100.7", "type": "ipv4", "comment": "Seen by https://www.shodan.io/host/192.0.2.130" }"#,
                #"{ "value": "https://www.virustotal.com/gui/file/\#(hash.uppercased())", "type": "url" }"#,
                #"{ "value": "::ffff:192.0.2.130", "type": "ipv6" }"#,
                #"{ "value": "https://safe.example/?url=https%3A%2F%2Frepo.acme-corp.example%2F", "type": "url" }"#))
            try $0.write("b/notes/01.md", "VT: [report](https://www.virustotal.com/gui/file/\(hash)/detection).\n"
                + "Link https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Frepo.acme-corp.example%2F&data=05 here.\n"
                + "Fine: https://www.virustotal.com/gui/file/0000000000000000000000000000000000000000000000000000000000000000\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.map { String($0.split(separator: ";")[0]) } == [
            "b/indicators.json:1:19: error: ipv4 192.0.2.130 is recorded as private in a, but the comment of 198.51.100.7 is public and the public site would show it (in https://www.shodan.io/host/192.0.2.130)",
            "b/indicators.json:1:136: error: sha256 \(hash) is recorded as private in a, but the url https://www.virustotal.com/gui/file/\(hash.uppercased()) is public and the public site would show it (in https://www.virustotal.com/gui/file/\(hash.uppercased()))",
            "b/indicators.json:1:268: error: ipv4 192.0.2.130 is recorded as private in a, but the ipv6 ::ffff:192.0.2.130 is public and the public site would show it (in ::ffff:192.0.2.130)",
            "b/indicators.json:1:319: error: domain repo.acme-corp.example is recorded as private in a, but the url https://safe.example/?url=https%3A%2F%2Frepo.acme-corp.example%2F is public and the public site would show it (in https://safe.example/?url=https%3A%2F%2Frepo.acme-corp.example%2F)",
            "b/notes/01.md:1:14: error: sha256 \(hash) is recorded as private in a, but this note is public and the public site would show it (in https://www.virustotal.com/gui/file/\(hash)/detection)",
            "b/notes/01.md:2:6: error: domain repo.acme-corp.example is recorded as private in a, but this note is public and the public site would show it (in https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Frepo.acme-corp.example%2F&data=05)",
        ], "\(found)")
    }

    @Test("a link that climbs twice to a private project (from notes/) is an error; a segment of an address that names one is a warning")
    func deeperLinksToPrivateProjects() throws {
        let found = try diagnostics({
            try $0.addProject("acme-payroll-phish")
            try $0.addProject("b", visibility: "public", tlp: "clear")
            try $0.write("b/notes/01.md", "See [triage](../../acme-payroll-phish/notes/01-overview.md).\n")
            try $0.write("b/notes/02.md", "Tree: https://git.acme.example/cti/-/tree/main/acme-payroll-phish\n")
            try $0.write("b/notes/03.md", "Not it: https://acme-payroll-phish.example/ and acme-payroll-phish-kit/x.\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found == [
            "b/notes/01.md:1:20: error: this note links to the private project acme-payroll-phish, but it is public: the public site has no page of that project and names none; take the link out",
            "b/notes/02.md:1:48: warning: this note names the private project acme-payroll-phish, but it is public: the public site names no private project; if it means the project, take the name out",
        ], "\(found)")
    }

    @Test("a link to a private project with dot segments or doubled slashes in its path, or from the root as a git host reads one, is an error as the plain one is; a path in an address, or a slash in prose, is not a link")
    func resolvedFormsOfLinksToPrivateProjects() throws {
        let found = try diagnostics({
            try $0.addProject("nightjar")
            try $0.addProject("b", visibility: "public", tlp: "clear")
            try $0.write("b/notes/01.md", "[a](../.././nightjar/)\n")
            try $0.write("b/notes/02.md", "[b](../..//nightjar/notes/01-x.md)\n")
            try $0.write("b/notes/03.md", "[c](/nightjar/notes/01-x.md) and\n\n[d](../../nightjar/)\n")
            try $0.write("b/notes/04.md", "See https://git.example/nightjar/ and TCP/nightjar and and / or //nightjar.example/x.\n")
            // A path in prose or code is no link, whatever private project shares its first folder.
            try $0.addProject("etc")
            try $0.write("b/notes/05.md", "They read /etc/passwd (/etc/shadow too), \"/etc/hosts\" and `cat /etc/group`:\n\n    ls /etc/\n\n[ref]: /nightjar/\n")
            try $0.write("b/notes/06.md", "<a href=\"/nightjar/\">x</a> and [x](</nightjar/notes/01-x.md>)\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found == [
            "b/notes/01.md:1:13: error: this note links to the private project nightjar, but it is public: the public site has no page of that project and names none; take the link out",
            "b/notes/02.md:1:12: error: this note links to the private project nightjar, but it is public: the public site has no page of that project and names none; take the link out",
            "b/notes/03.md:1:6: error: this note links to the private project nightjar, but it is public: the public site has no page of that project and names none; take the link out",
            // Every link, each to take out.
            "b/notes/03.md:3:11: error: this note links to the private project nightjar, but it is public: the public site has no page of that project and names none; take the link out",
            "b/notes/05.md:5:9: error: this note links to the private project nightjar, but it is public: the public site has no page of that project and names none; take the link out",
            "b/notes/06.md:1:11: error: this note links to the private project nightjar, but it is public: the public site has no page of that project and names none; take the link out",
            "b/notes/06.md:1:38: error: this note links to the private project nightjar, but it is public: the public site has no page of that project and names none; take the link out",
        ], "\(found)")
        // A public note's link from the root to a private note of a public project.
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("open", visibility: "public", tlp: "clear")
        try workspace.write("open/notes/01-public.md", "# Public\n\nSee [it](/open/notes/02-hr.md).\n")
        try workspace.write("open/notes/02-hr.md", "---\nvisibility: private\n---\n# HR\n")
        #expect(workspace.check().filter { $0.code == BrokenLinkRule.privateNoteCode }.count == 1)
    }

    @Test("an address written in a public text that lies in a private network (a CIDR block recorded \"private\": true) is a warning, naming the narrowest; one a public project publishes, or outside every private network, is not")
    func addressInPrivateNetwork() throws {
        let found = try diagnostics({
            try $0.addProject("priv", indicators: Self.list(
                #"{ "value": "203.0.113.128/25", "type": "cidr", "private": true }"#, #"{ "value": "203.0.113.128/27", "type": "cidr", "private": true }"#,
                #"{ "value": "2001:db8:77::/48", "type": "cidr", "private": true }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "203.0.113.150", "type": "ipv4" }"#))
            try $0.write("pub/notes/01.md", "Seen: 203.0.113.140, 203.0.113.150, 203.0.113.7 and 2001:db8:77::9.\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found == [
            "pub/notes/01.md:1:7: warning: ipv4 203.0.113.140 lies in cidr 203.0.113.128/27, recorded as private in priv, but this note is public and the public site would show it (unless the network is one many share, such as a hosting provider's); take it out, or make the note private (visibility: private in its front matter); to record the address, add it with --private",
            "pub/notes/01.md:1:53: warning: ipv6 2001:db8:77::9 lies in cidr 2001:db8:77::/48, recorded as private in priv, but this note is public and the public site would show it (unless the network is one many share, such as a hosting provider's); take it out, or make the note private (visibility: private in its front matter); to record the address, add it with --private",
        ], "\(found)")
    }

    @Test("a link to a private project is pointed at by Unicode scalars, as every other place in a note is, however long its line")
    func privateProjectLinkColumn() throws {
        let found = try diagnostics({
            try $0.addProject("acme-payroll-phish")
            try $0.addProject("b", visibility: "public", tlp: "clear")
            // A decomposed é is two scalars, a woman technologist three (joined): one character each.
            let long = String(repeating: "word-of-prose ", count: 5_000)
            try $0.write("b/notes/01.md", "x\nCafe\u{301} 👩‍💻 see ../acme-payroll-phish/ \(long)../other-thing/\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found == [
            "b/notes/01.md:2:18: error: this note links to the private project acme-payroll-phish, but it is public: the public site has no page of that project and names none; take the link out",
        ], "\(found)")
    }

    @Test("what a review found still published: values encoded twice, joined by _, carried by a public URL value (an IPv6 or e-mail address, an ASN, a CVE, a whole URL), a private IPv4-mapped address written as IPv4, a link through ../../projects/, a repository's address; and what it found wrongly refused")
    func reviewedLeaksAndFalseErrors() throws {
        let hash = "79a60c4e61c81a29bdaec5ce261d00675fdd1193fc522e5f2e3c4c4f99a729d7"
        let found = try diagnostics({
            try $0.addProject("acme-payroll-phish")
            try $0.addProject("supply-chain")
            try $0.addProject("a", indicators: Self.list(
                #"{ "value": "\#(hash)", "type": "sha256", "private": true }"#,
                #"{ "value": "vpn.acme-corp.example", "type": "domain", "private": true }"#,
                #"{ "value": "2001:db8:dead::1", "type": "ipv6", "private": true }"#,
                #"{ "value": "jane.doe@mail.example", "type": "email", "private": true }"#,
                #"{ "value": "AS65999", "type": "asn", "private": true }"#,
                #"{ "value": "CVE-2026-99999", "type": "cve", "private": true }"#,
                #"{ "value": "https://paste.example/raw/abc123", "type": "url", "private": true }"#,
                #"{ "value": "::ffff:203.0.113.250", "type": "ipv6", "private": true }"#,
                #"{ "value": "setup.exe", "type": "filename", "private": true }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "https://www.shodan.io/host/2001:db8:dead::1", "type": "url" }"#,
                #"{ "value": "https://hibp.example/account/jane.doe%40mail.example", "type": "url" }"#,
                #"{ "value": "https://bgp.example/AS65999", "type": "url" }"#,
                #"{ "value": "https://nvd.example/vuln/detail/CVE-2026-99999", "type": "url" }"#,
                #"{ "value": "https://urlscan.example/result?url=https%3A%2F%2Fpaste.example%2Fraw%2Fabc123", "type": "url" }"#,
                #"{ "value": "https://dl.example/files/vendor-setup.exe", "type": "url" }"#))
            try $0.write("b/notes/01.md", "VT https://www.virustotal.com/gui/search/sha256%253A\(hash) and https://bazaar.example/download/sample_\(hash).zip\n"
                + "Via https://gw.example/?url=https%253A%252F%252Fvpn.acme-corp.example%252Flogin\nThe beacon came from 203.0.113.250.\n")
            try $0.write("b/notes/02.md", "See [kit](../../projects/acme-payroll-phish/) and https://git.example/cti/acme-payroll-phish.git\n")
            try $0.write("b/notes/03.md", "Board https://github.com/orgs/acme/projects/supply-chain and subprojects/supply-chain/x.\n")
        }, rules: [PublishedPrivateValueRule()])
        let errors = found.filter { $0.contains(": error: ") }.map { String($0.split(separator: ";")[0]) }
        for value in ["ipv6 2001:db8:dead::1", "email jane.doe@mail.example", "asn AS65999", "cve CVE-2026-99999", "url https://paste.example/raw/abc123"] {
            #expect(errors.contains { $0.hasPrefix("b/indicators.json:") && $0.contains("error: \(value) is recorded as private in a") }, "\(value): \(errors)")
        }
        // The address is named as recorded: the IPv4-mapped one.
        for value in ["sha256 \(hash)", "domain vpn.acme-corp.example", "ipv6 ::ffff:203.0.113.250"] {
            #expect(errors.contains { $0.hasPrefix("b/notes/01.md:") && $0.contains("error: \(value) is recorded as private in a") }, "\(value): \(errors)")
        }
        #expect(errors.contains { $0.hasPrefix("b/notes/02.md:1:") && $0.contains("links to the private project acme-payroll-phish") }, "\(errors)")
        // No false error: a longer file name, another site's projects/ page (a name, a warning).
        #expect(!errors.contains { $0.contains("setup.exe") || $0.contains("supply-chain") }, "\(errors)")
        #expect(found.contains { $0.hasPrefix("b/notes/03.md:1:") && $0.contains("warning: this note names the private project supply-chain") }, "\(found)")
        #expect(errors.count == 9, "\(errors)")
    }

    @Test("a private host with a port, a name or e-mail address outside ASCII percent-encoded, or a name in the user-info (https://brand@host/), carried by a public URL (a value or a note's) is found; so is a value only private projects record, carried by a note's URL; a public host with a port is not")
    func carriedHostsWithPortsAndEncodedNames() throws {
        let found = try diagnostics({
            try $0.addProject("a", indicators: Self.list(
                #"{ "value": "hidden.example", "type": "domain", "private": true }"#,
                #"{ "value": "üser@xn--bcher-kva.example", "type": "email", "private": true }"#,
                #"{ "value": "threat.example", "type": "domain" }"#,
                #"{ "value": "open.example", "type": "domain", "private": true }"#))
            // open.example is published here too: not a private value.
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "https://cdn.example/r?h=hidden.example:8080", "type": "url" }"#,
                #"{ "value": "https://cdn.example/m?to=%C3%BCser@b%C3%BCcher.example", "type": "url" }"#,
                #"{ "value": "https://cdn.example/s?h=open.example:8080", "type": "url" }"#,
                #"{ "value": "https://user:hidden.example@cdn.example/login", "type": "url" }"#,
                #"{ "value": "open.example", "type": "domain" }"#,
                #"{ "value": "https://cdn.example/t?to=alice@hidden.example", "type": "url" }"#,
                #"{ "value": "https://cdn.example/u?h=asia.hidden.example:8080", "type": "url" }"#))
            try $0.write("b/notes/01.md", "Beacon https://cdn.example/q?h=hidden.example:8443 seen.\n")
            try $0.write("b/notes/02.md", "Redirect https://cdn.example/r?h=threat.example:8080 seen.\n")
        }, rules: [PublishedPrivateValueRule()])
        let errors = found.filter { $0.contains(": error: ") }.map { String($0.split(separator: ",")[0]) }
        #expect(errors == [
            "b/indicators.json:1:30: error: domain hidden.example is recorded as private in a",
            "b/indicators.json:1:105: error: email üser@xn--bcher-kva.example is recorded as private in a",
            "b/indicators.json:1:264: error: domain hidden.example is recorded as private in a",
            "b/indicators.json:1:388: error: domain hidden.example is recorded as private in a",
            "b/notes/01.md:1:8: error: domain hidden.example is recorded as private in a",
            "b/notes/02.md:1:10: error: domain threat.example is recorded only in private projects (a)",
        ], "\(found)")
        // A host within the private domain shows it: a warning, as for every host so written.
        #expect(found.contains { $0.hasPrefix("b/indicators.json:1:465: warning: domain hidden.example is recorded as private in a") }, "\(found)")
    }

    @Test("what a public value's URL carries is published: a value only private projects record so shown is an error, whose remedy names the commands; a name inside a name (a lure, a typosquat) a warning, in a value as in a note; neither for the value itself, an IPv4-mapped address as its IPv4 one, a block wider than one address, a host some public URL publishes, a country's domain (google.com.au), or a version number (?version=10.0.0.12)")
    func valuesShownInsidePublicValues() throws {
        let found = try diagnostics({
            try $0.addProject("priv", indicators: Self.list(
                #"{ "value": "payroll-acme.example", "type": "domain" }"#, #"{ "value": "33ec9e7ec6ecf9a72c876150313b0b7e", "type": "md5" }"#,
                #"{ "value": "198.51.100.23", "type": "ipv4" }"#, #"{ "value": "198.51.100.24", "type": "ipv4" }"#,
                #"{ "value": "acme-corp.example", "type": "domain" }"#, #"{ "value": "bit.ly", "type": "domain" }"#,
                #"{ "value": "storage.googleapis.com", "type": "domain" }"#, #"{ "value": "google.com", "type": "domain" }"#,
                #"{ "value": "10.0.0.12", "type": "ipv4", "classification": "suspicious" }"#, #"{ "value": "1.0.0.1", "type": "ipv4" }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "https://redirect.example/?to=payroll-acme.example", "type": "url" }"#,
                #"{ "value": "https://www.virustotal.example/gui/file/33ec9e7ec6ecf9a72c876150313b0b7e", "type": "url" }"#,
                #"{ "value": "::ffff:198.51.100.23", "type": "ipv6" }"#,
                #"{ "value": "198.51.100.24/31", "type": "cidr" }"#,
                #"{ "value": "login.acme-corp.example.phish.test", "type": "domain" }"#,
                #"{ "value": "https://bit.ly/abc", "type": "url" }"#,
                #"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#,
                #"{ "value": "192.0.2.130/31", "type": "cidr" }"#,
                #"{ "value": "https://storage.googleapis.com/bkt-1/invoice.html", "type": "url" }"#,
                #"{ "value": "https://www.google.com/url?q=https://storage.googleapis.com/bkt-2/index.html", "type": "url" }"#,
                #"{ "value": "https://www.google.com.au/url?q=https://lure.example/", "type": "url" }"#,
                // Version numbers, not addresses.
                #"{ "value": "https://update.evil.example/check?version=10.0.0.12&os=win", "type": "url" }"#,
                #"{ "value": "https://github.com/someorg/agent/releases/download/1.0.0.1/agent.zip", "type": "url" }"#))
            try $0.write("pub/notes/01.md", "Mail came from x@acme-corp.example.attacker.test and https://bit.ly/abc.\n"
                + "Seen at ::ffff:198.51.100.23, that is 198.51.100.23, which this project publishes.\n")
        }, rules: [PublishedPrivateValueRule()])
        let errors = found.filter { $0.contains(": error: ") }.map { String($0.split(separator: ",")[0]) }
        #expect(errors == [
            "pub/indicators.json:1:30: error: domain payroll-acme.example is recorded only in private projects (priv)",
            "pub/indicators.json:1:111: error: md5 33ec9e7ec6ecf9a72c876150313b0b7e is recorded only in private projects (priv)",
        ], "\(found)")
        #expect(PublishedPrivateValueRule.innerNames("login.acme-corp.example.phish.test") == ["login.acme-corp", "login.acme-corp.example",
            "login.acme-corp.example.phish", "acme-corp.example", "acme-corp.example.phish", "example.phish"])
        #expect(PublishedPrivateValueRule.innerNames("www.google.com.au") == ["www.google"] && PublishedPrivateValueRule.innerNames("acme.example").isEmpty)
        #expect(PublishedPrivateValueRule.innerNames("a..b.example").isEmpty && PublishedPrivateValueRule.innerNames("192.0.2.130").isEmpty)
        // The value cannot be taken out of itself: it is removed, or kept off the site.
        #expect(found[0].contains("remove it (dossier remove pub 'https://redirect.example/?to=payroll-acme.example') or keep it off the site (dossier add pub 'https://redirect.example/?to=payroll-acme.example' --private)"), "\(found[0])")
        let warnings = found.filter { $0.contains(": warning: ") }.map { String($0.split(separator: ",")[0]) }
        #expect(warnings == [
            "pub/indicators.json:1:317: warning: domain acme-corp.example is recorded only in private projects (priv)",
            "pub/notes/01.md:1:16: warning: domain acme-corp.example is recorded only in private projects (priv)",
        ], "\(found)")
    }

    @Test("while a project's indicators.json has errors, no value is taken for private (it may be recorded there): check reports the file's error, not a published private value; a link to a private project still is one")
    func brokenFileMakesNoFalseLeak() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("priv", indicators: Self.list(#"{ "value": "evil.example", "type": "domain" }"#))
        try workspace.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "evil.example", "type": "domain" }"#))
        try workspace.write("pub/notes/01.md", "Seen at evil.example, see [kit](../priv/).\n")
        func errors() -> [String] {
            WorkspaceChecker.check(workspace.load()).sorted.filter { $0.severity == .error }.rendered(relativeTo: workspace.root)
        }
        // The value is published (pub records it); the link is an error either way.
        #expect(errors().map { $0.contains("links to the private project priv") } == [true], "\(errors())")
        try workspace.write("pub/indicators.json", #"{ "indicators": [ { "value": "evil.example", "type": "domain", } ] }"#)
        let found = errors()
        #expect(found.count == 2 && found[0].hasPrefix("pub/indicators.json:1:") && found[1].contains("links to the private project priv"), "\(found)")
    }

    @Test("a private URL written with a fragment (#login), in a public note or as a public URL value, is the private URL")
    func privateURLWithFragment() throws {
        let found = try diagnostics({
            try $0.addProject("a", indicators: Self.list(#"{ "value": "https://secret-c2.corp.example/gate.php", "type": "url", "private": true }"#))
            try $0.addProject("c", indicators: Self.list(#"{ "value": "https://threat.example/kit.zip", "type": "url" }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "https://secret-c2.corp.example/gate.php#panel", "type": "url" }"#))
            try $0.write("b/notes/01.md", "See hxxps://secret-c2[.]corp[.]example/gate.php#login now.\n")
            try $0.write("b/notes/02.md", "Kit at https://threat.example/kit.zip#x here.\n")
        }, rules: [PublishedPrivateValueRule()])
        let errors = found.filter { $0.contains(": error: ") }.map { String($0.split(separator: ",")[0]) }
        #expect(errors == [
            "b/indicators.json:1:30: error: url https://secret-c2.corp.example/gate.php is recorded as private in a",
            "b/notes/01.md:1:5: error: url https://secret-c2.corp.example/gate.php is recorded as private in a",
            "b/notes/02.md:1:8: error: url https://threat.example/kit.zip is recorded only in private projects (c)",
        ], "\(found)")
    }

    @Test("a private URL written another way (no scheme, another scheme, a user-info or default port, a final slash, backslashes, more path or query) publishes it")
    func privateURLWrittenOtherwise() throws {
        let secret = "https://pastebin.example/raw/AbCd1234"
        let publishing = [
            "pastebin.example/raw/AbCd1234", "http://pastebin.example/raw/AbCd1234", "https://u:p@PasteBin.example:443/raw/AbCd1234/",
            "[link](//pastebin.example/raw/AbCd1234)",
            #"https://pastebin.example\raw\AbCd1234"#, "https://pastebin.example/raw/AbCd1234?dl=1", "(pastebin.example/raw/AbCd1234/x).",
        ]
        let apart = ["https://pastebin.example/raw/AbCd12345", "pastebin.example/raw/Other", "https://pastebin.example/raw",
            "https://pastebin.example:8443/raw/AbCd1234", "https://www.pastebin.example/raw/AbCd1234"]
        let found = try diagnostics({
            try $0.addProject("a", indicators: Self.list(#"{ "value": "\#(secret)", "type": "url", "private": true }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "http://pastebin.example/raw/AbCd1234/x", "type": "url" }"#,
                #"{ "value": "https://pastebin.example/raw/Other", "type": "url" }"#))
            for (i, text) in (publishing + apart).enumerated() { try $0.write("b/notes/\(10 + i).md", "See \(text) now.\n") }
        }, rules: [PublishedPrivateValueRule()])
        let errors = found.filter { $0.contains(": error: url \(secret) is recorded as private in a") }
        #expect(errors.count == publishing.count + 1, "\(found)")
        // A public URL further down it shows it too.
        #expect(errors.contains { $0.hasPrefix("b/indicators.json:1:") && $0.contains("(in http://pastebin.example/raw/AbCd1234/x)") }, "\(errors)")
        for (i, text) in publishing.enumerated() {
            #expect(errors.contains { $0.hasPrefix("b/notes/\(10 + i).md:") }, "\(text): \(found)")
        }
        #expect(found.count == errors.count, "\(found)")
    }

    @Test("a URL only private projects record, written another way (no scheme, another scheme, a final slash, more path or query, defanged without a scheme) in a public note or comment, publishes it, on the line that writes it")
    func privateProjectURLWrittenOtherwise() throws {
        let secret = "http://secret-gate.example/panel/login.php"
        let publishing = [
            "secret-gate.example/panel/login.php", "https://secret-gate.example/panel/login.php",
            "secret-gate[.]example/panel/login.php", "secret-gate(.)example[/]panel/login.php?x=1",
            "hxxps://secret-gate[.]example/panel/login.php/", "[portal](//secret-gate.example/panel/login.php)",
        ]
        let apart = ["secret-gate.example/panel/other.php", "secret-gate.example/panel", "https://secret-gate.example/panel/login.php5"]
        let found = try diagnostics({
            try $0.addProject("a", indicators: Self.list(#"{ "value": "\#(secret)", "type": "url" }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "203.0.113.80", "type": "ipv4", "comment": "mirrors secret-gate[.]example/panel/login.php" }"#))
            for (i, text) in (publishing + apart).enumerated() { try $0.write("b/notes/\(10 + i).md", "Our notes.\n\nSee \(text) now.\n") }
        }, rules: [PublishedPrivateValueRule()])
        let errors = found.filter { $0.contains(": error: url \(secret) is recorded only in private projects (a), but") }
        for (i, text) in publishing.enumerated() {
            #expect(errors.contains { $0.hasPrefix("b/notes/\(10 + i).md:3:") }, "\(text): \(found)")
        }
        #expect(errors.contains { $0.hasPrefix("b/indicators.json:") && $0.contains("(in secret-gate.example/panel/login.php)") }, "\(errors)")
        #expect(found.count == publishing.count + 1 && errors.count == found.count, "\(found)")

        // Recorded with a user-info, a default port and a fragment, it leads to the same place;
        // and so does a host written with a root's dot.
        let spelled = try diagnostics({
            try $0.addProject("c", indicators: Self.list(#"{ "value": "https://admin@vault.example:443/keys/list#top", "type": "url" }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list())
            try $0.write("b/notes/01.md", "See vault.example/keys/list now.\n")
            try $0.write("b/notes/02.md", "See http://vault.example./keys/list?x=1 now.\n")
            try $0.write("b/notes/03.md", "See vault.example/keys/other now.\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(spelled.count == 2 && spelled.allSatisfy { $0.contains("is recorded only in private projects (c)") }, "\(spelled)")
        #expect(spelled.contains { $0.hasPrefix("b/notes/01.md:1:5:") } && spelled.contains { $0.hasPrefix("b/notes/02.md:1:5:") }, "\(spelled)")

        // A public project's public URL leading there publishes it: no error.
        let published = try diagnostics({
            try $0.addProject("a", indicators: Self.list(#"{ "value": "\#(secret)", "type": "url" }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "https://secret-gate.example/panel/login.php", "type": "url" }"#))
            try $0.write("b/notes/01.md", "See secret-gate[.]example/panel/login.php and secret-gate.example/panel/login.php/.\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(published.isEmpty, "\(published)")
    }

    @Test("a URL's host is hashed as where it leads is: after its scheme and user-info, before its port, path, query or fragment; an IPv6 address whole")
    func hostHashes() {
        let cases: [(url: String, resource: String)] = [
            ("https://paste.example/raw/1", "paste.example/raw/1"), ("http://u:p@paste.example:8080/raw?x=1#f", "paste.example:8080/raw?x=1"),
            ("https://paste.example?q=1", "paste.example?q=1"), ("http://[2001:db8::1]:8443/x", "[2001:db8::1]:8443/x"),
        ]
        for (url, resource) in cases {
            #expect(PublishedPrivateValueRule.hostHash(ofURL: url) == PublishedPrivateValueRule.hostHash(ofResource: resource), "\(url)")
        }
        #expect(PublishedPrivateValueRule.hostHash(ofURL: "https://paste.example/x") != PublishedPrivateValueRule.hostHash(ofURL: "https://paste.example.org/x"))
        #expect(PublishedPrivateValueRule.hostHash(ofURL: "paste.example/raw/1") == nil)
    }

    @Test("a private URL written defanged without a scheme (`host[.]example/path`) in a public note publishes it, on the line that writes it")
    func privateURLDefangedWithoutScheme() throws {
        let found = try diagnostics({
            try $0.addProject("a", indicators: Self.list(#"{ "value": "https://pastebin.example/raw/AbCd1234", "type": "url", "private": true }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list())
            try $0.write("b/notes/01.md", "<!-- draft -->\nFirst line.\nSee pastebin[.]example/raw/AbCd1234 and pastebin{.}example[/]raw/AbCd1234/x.\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.count == 1 && found[0].hasPrefix("b/notes/01.md:3:") && found[0].contains("error: url https://pastebin.example/raw/AbCd1234 is recorded as private in a"), "\(found)")
    }

    @Test("a private URL that leads where a public project's public URL leads is published: no error for it, in the public project or a note")
    func privateURLLeadingWherePublished() throws {
        let found = try diagnostics({
            try $0.addProject("a", indicators: Self.list(#"{ "value": "http://paste.example/raw/1", "type": "url", "private": true }"#))
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "https://paste.example/raw/1", "type": "url" }"#))
            try $0.write("b/notes/01.md", "See paste.example/raw/1 and //paste.example/raw/1.\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.isEmpty, "\(found)")
    }

    @Test("a public project with a TLP no one knows (purple) is told that, not that it is TLP:AMBER, the level taken meanwhile")
    func unknownTLPIsOneError() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/project.json", #"{ "title": "P", "visibility": "public", "tlp": "purple" }"#)
        try workspace.write("p/indicators.json", Self.list())
        let errors = WorkspaceChecker.check(workspace.load()).sorted.filter { $0.severity == .error }
        #expect(errors.count == 1 && errors[0].message.contains("purple") && errors[0].code != PublicProjectTLPRule.code, "\(errors)")
    }

    @Test("a private project's title written in a public note or summary is a warning where it is written, in any case and across lines; a short title, or one a public project has too, is not looked for")
    func privateProjectTitle() throws {
        let found = try diagnostics({
            try $0.write("acme-payroll-phish/project.json", #"{ "title": "Payroll phishing kit targeting ACME finance staff", "visibility": "private", "tlp": "amber" }"#)
            try $0.write("acme-payroll-phish/indicators.json", Self.list())
            try $0.write("loader/project.json", #"{ "title": "Loader C2", "visibility": "private", "tlp": "amber" }"#)
            try $0.write("loader/indicators.json", Self.list())
            try $0.write("twin/project.json", #"{ "title": "Quarterly phishing trends report", "visibility": "private", "tlp": "amber" }"#)
            try $0.write("twin/indicators.json", Self.list())
            try $0.write("trends/project.json", #"{ "title": "Quarterly Phishing Trends Report", "visibility": "public", "tlp": "clear", "summary": "Unlike payroll phishing kit targeting ACME finance staff." }"#)
            try $0.write("trends/indicators.json", Self.list())
            try $0.write("watch/project.json", #"{ "title": "Überwachung der Zahlungsläufe bei ACME", "visibility": "private", "tlp": "amber" }"#)
            try $0.write("watch/indicators.json", Self.list())
            try $0.write("trends/notes/01.md", "---\ntitle: N\n---\nAs in the PAYROLL phishing kit targeting\nACME finance staff, the Loader C2 and the quarterly phishing trends report say.\n")
            // Typographic quotes and dashes end words as ASCII ones do; a title with no digit or
            // `.:@-` (which no value scan reads) is read for titles all the same.
            try $0.write("trends/notes/02.md", "---\ntitle: Follow up on Payroll phishing kit targeting ACME finance staff\n---\nSee “Payroll phishing kit targeting ACME finance staff”—and ÜBERWACHUNG der zahlungsläufe bei acme.\n")
            // A link's destination and an HTML tag between the words are not shown; a title
            // written decomposed is the composed one; a note's file name is read too.
            try $0.write("trends/notes/03-payroll_phishing_kit_targeting_acme_finance_staff.md",
                "---\ntitle: N\n---\nPayroll phishing kit targeting [ACME](https://acme.example) <b>finance</b> staff; U\u{0308}berwachung der\u{00A0}Zahlungsla\u{0308}ufe bei ACME.\n")
        }, rule: PublishedPrivateValueRule())
        func warning(_ place: String, _ text: String, _ slug: String, _ title: String) -> String {
            "\(place): warning: \(text) names the private project \(slug) by its title (\"\(title)\"), but it is public: the public site names no private project; if it means the project, take the title out"
        }
        let payroll = "Payroll phishing kit targeting ACME finance staff"
        #expect(found == [
            warning("trends/notes/01.md:4:11", "this note", "acme-payroll-phish", payroll),
            warning("trends/notes/02.md:2:8", "this note's title", "acme-payroll-phish", payroll),
            warning("trends/notes/02.md:4:6", "this note", "acme-payroll-phish", payroll),
            warning("trends/notes/02.md:4:61", "this note", "watch", "Überwachung der Zahlungsläufe bei ACME"),
            warning("trends/notes/03-payroll_phishing_kit_targeting_acme_finance_staff.md:1:1", "this note's file name", "acme-payroll-phish", payroll),
            warning("trends/notes/03-payroll_phishing_kit_targeting_acme_finance_staff.md:4:1", "this note", "acme-payroll-phish", payroll),
            warning("trends/notes/03-payroll_phishing_kit_targeting_acme_finance_staff.md:4:83", "this note", "watch", "Überwachung der Zahlungsläufe bei ACME"),
            warning("trends/project.json:1:99", "the project's summary", "acme-payroll-phish", payroll),
        ], "\(found)")
    }

    @Test("a value only private projects record, written in a template, is to be recorded in a public project to publish it: a template belongs to none")
    func templateRemedyNamesNoProject() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("acme", indicators: Self.list(#"{ "value": "secret-panel.example", "type": "domain" }"#))
        try workspace.write("acme/project.json", #"{ "title": "Payroll phishing kit targeting ACME finance staff", "visibility": "private", "tlp": "amber" }"#)
        let loaded = workspace.load().workspace
        let found = PublishedPrivateValueRule.findings(inTemplates: [(path: "templates/page.mustache",
            text: "<p>Ask secret-panel.example</p>\n<footer>Payroll phishing kit targeting ACME finance staff</footer>\n")],
            workspace: loaded, index: IndicatorIndex(loaded, scope: .correlations))
        #expect(found.map(\.message) == [
            "domain secret-panel.example is recorded only in private projects (acme), but this template is public and the public site would show it; take it out of this template, or record it in a public project to publish it; or, if it is no threat (a service many share), dossier classify acme non-malicious secret-panel.example",
            "this template names the private project acme by its title (\"Payroll phishing kit targeting ACME finance staff\"), but it is public: the public site names no private project; if it means the project, take the title out",
        ], "\(found)")
    }

    @Test("a public project's owner is published: a private value written there is an error, at the owner")
    func ownerIsPublished() throws {
        let found = try diagnostics({
            try $0.addProject("acme-payroll-phish", indicators: Self.list(#"{ "value": "payroll@acme-corp.example", "type": "email", "private": true }"#))
            try $0.write("b/project.json", #"{ "title": "B", "visibility": "public", "tlp": "clear", "owner": "payroll@acme-corp.example" }"#)
            try $0.write("b/indicators.json", Self.list())
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.contains { $0.hasPrefix("b/project.json:1:66:") && $0.contains("error: email payroll@acme-corp.example is recorded as private in acme-payroll-phish, but the project's owner is public") }, "\(found)")
    }

    @Test("a public note's link to a private project's folder or page is an error; a link to a public one is not")
    func linksToPrivateProjects() throws {
        let found = try diagnostics({
            try $0.addProject("acme-payroll-phish")
            try $0.addProject("open-case", visibility: "public", tlp: "clear")
            try $0.addProject("b", visibility: "public", tlp: "clear")
            try $0.write("b/notes/01.md", "# B\n\nSee [phish](../acme-payroll-phish/index.html) and [open](../open-case/).\nAlso projects/acme-payroll-phish/report.md.\n")
            // A name written before a link hides no link.
            try $0.write("b/notes/02.md", "See acme-payroll-phish.\n\nLink [a](../acme-payroll-phish/notes/01.md)\n")
        }, rules: [PublishedPrivateValueRule()])
        let link = "error: this note links to the private project acme-payroll-phish, but it is public: the public site has no page of that project and names none; take the link out"
        #expect(found == [
            "b/notes/01.md:3:16: " + link,
            // Each link is one to take out.
            "b/notes/01.md:4:15: " + link,
            "b/notes/02.md:1:5: warning: this note names the private project acme-payroll-phish, but it is public: the public site names no private project; if it means the project, take the name out",
            "b/notes/02.md:3:13: " + link,
        ], "\(found)")
    }

    @Test("a private project's folder name written as a word, or as a segment of an address, in what the public site shows is a warning (it may be an ordinary word: supply-chain, living-off-the-land, apt-28); a word of one part, or inside a domain, is none")
    func namesOfPrivateProjects() throws {
        let found = try diagnostics({
            try $0.addProject("acme-payroll-phish")
            try $0.addProject("nightjar")
            try $0.addProject("supply-chain")
            try $0.addProject("living-off-the-land")
            try $0.addProject("open-case", visibility: "public", tlp: "clear")
            try $0.write("b/project.json", #"{ "title": "Follow-up of ACME-Payroll-Phish", "visibility": "public", "tlp": "clear", "tags": ["open-case", "nightjar"] }"#)
            try $0.write("b/indicators.json", Self.list(#"{ "value": "evil.example", "type": "domain", "tags": ["acme-payroll-phish"] }"#))
            try $0.write("b/notes/01.md", """
                # B

                The command-and-control of nightjar, see open-case and https://git.example/acme-payroll-phish.
                Hosts: acme-payroll-phish.example, mail@acme-payroll-phish.example, x.acme-payroll-phish, acme-payroll-phishing, acme-payroll-phish[.]example.
                As acme-payroll-phish found (internal notes in acme-payroll-phish/notes).
                A supply-chain attack, living-off-the-land binaries.

                """)
        }, rules: [PublishedPrivateValueRule()])
        #expect(found == [
            "b/indicators.json:1:72: warning: a tag of evil.example names the private project acme-payroll-phish, but it is public: the public site names no private project; if it means the project, take the name out",
            "b/notes/01.md:3:76: warning: this note names the private project acme-payroll-phish, but it is public: the public site names no private project; if it means the project, take the name out",
            "b/notes/01.md:6:3: warning: this note names the private project supply-chain, but it is public: the public site names no private project; if it means the project, take the name out",
            "b/notes/01.md:6:24: warning: this note names the private project living-off-the-land, but it is public: the public site names no private project; if it means the project, take the name out",
            "b/project.json:1:12: warning: the project's title names the private project acme-payroll-phish, but it is public: the public site names no private project; if it means the project, take the name out",
        ], "\(found)")
    }

    @Test("a host or domain within a private domain, published anywhere, shows the private domain: a warning (a provider's domain many share is no secret); a URL's carried host that is the private domain is an error")
    func subdomainsOfPrivateDomains() throws {
        let found = try diagnostics({
            try $0.addProject("ir", indicators: Self.list(#"{ "value": "canary-op.example", "type": "domain", "private": true }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "www.canary-op.example", "type": "domain" }"#,
                #"{ "value": "https://cdn.canary-op.example/a.js", "type": "url" }"#,
                #"{ "value": "not-canary-op.example", "type": "domain" }"#,
                #"{ "value": "https://redirect.example/r?u=https://canary-op.example/x", "type": "url" }"#))
            try $0.write("pub/notes/01.md", "Mail goes through smtp.mail.canary-op[.]example, not xcanary-op.example.\n")
            try $0.write("pub/notes/02.md", "The lure: hxxps://t.example/?to=https://login.canary-op.example/.\n")
            // The value itself after a host within it: the host's warning hides no error.
            try $0.write("pub/notes/03.md", "mail.canary-op.example and canary-op.example, then mx.canary-op.example\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.map { String($0.split(separator: ";")[0]) } == [
            "pub/indicators.json:1:30: warning: domain canary-op.example is recorded as private in ir, but the domain www.canary-op.example is public and the public site would show it (in www.canary-op.example)",
            "pub/indicators.json:1:86: warning: domain canary-op.example is recorded as private in ir, but the url https://cdn.canary-op.example/a.js is public and the public site would show it (in https://cdn.canary-op.example/a.js)",
            "pub/indicators.json:1:208: error: domain canary-op.example is recorded as private in ir, but the url https://redirect.example/r?u=https://canary-op.example/x is public and the public site would show it (in https://redirect.example/r?u=https://canary-op.example/x)",
            "pub/notes/01.md:1:19: warning: domain canary-op.example is recorded as private in ir, but this note is public and the public site would show it (in smtp.mail.canary-op.example)",
            "pub/notes/02.md:1:11: warning: domain canary-op.example is recorded as private in ir, but this note is public and the public site would show it (in https://t.example/?to=https://login.canary-op.example/)",
            "pub/notes/03.md:1:1: warning: domain canary-op.example is recorded as private in ir, but this note is public and the public site would show it (in mail.canary-op.example)",
            "pub/notes/03.md:1:28: error: domain canary-op.example is recorded as private in ir, but this note is public and the public site would show it",
        ], "\(found)")
        // In a private project a public indicator is unpublished still: the remedy is to record it here.
        #expect(found.contains { $0.hasPrefix("pub/notes/03.md:1:28:") && $0.hasSuffix("; make the note private (visibility: private in its front matter), or record it in this public project to publish it") })
    }

    @Test("a private value written in compatibility forms (a full-width letter, math bold or superscript digits) is read as a reader reads it: an error")
    func compatibilityForms() throws {
        let hash = String(repeating: "deadbeef", count: 8)
        let found = try diagnostics({
            try $0.addProject("ir", indicators: Self.list(#"{ "value": "203.0.113.77", "type": "ipv4", "private": true }"#,
                #"{ "value": "\#(hash)", "type": "sha256", "private": true }"#, #"{ "value": "2001:db8::cafe", "type": "ipv6", "private": true }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear")
            try $0.write("pub/notes/01.md", "Hash \u{FF44}\(hash.dropFirst())\n")
            try $0.write("pub/notes/02.md", "Host \u{1D7EE}\u{1D7EC}\u{1D7EF}.0.113.77\n")
            try $0.write("pub/notes/03.md", "Host 203.0.113.\u{2077}\u{2077} and 2001:db8::c\u{FF41}fe\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.map { String($0.split(separator: ":")[0]) } == ["pub/notes/01.md", "pub/notes/02.md", "pub/notes/03.md", "pub/notes/03.md"], "\(found)")
        #expect(found.allSatisfy { $0.contains(": error: ") })
    }

    @Test("the remedy names the text's own project when it keeps the value private too, whichever project records it first")
    func remedyNamesOwnProject() throws {
        let found = try diagnostics({
            try $0.addProject("a-ir", indicators: Self.list(#"{ "value": "10.9.8.7", "type": "ipv4", "private": true }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "10.9.8.7", "type": "ipv4", "private": true }"#))
            try $0.write("pub/notes/01.md", "seen 10.9.8.7\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found == ["pub/notes/01.md:1:6: error: ipv4 10.9.8.7 is recorded as private, but this note is public and the public site would show it; make the note private (visibility: private in its front matter) or the indicator public"], "\(found)")
    }

    @Test("a private value in an HTML comment of a public note is no error: reports drop comments")
    func privateValueInComment() throws {
        let found = try diagnostics({
            try $0.addProject("a", indicators: Self.list(#"{ "value": "10.9.8.7", "type": "ipv4", "private": true }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear")
            try $0.write("pub/notes/01.md", "body <!-- internal host 10.9.8.7 -->\n\n<!--\n10.9.8.7\n-->\nthen 10.9.8.7 in the text.\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.map { String($0.prefix(40)) } == ["pub/notes/01.md:6:6: error: ipv4 10.9.8."], "only the mention outside the comments: \(found)")
    }

    @Test("a public indicator of a public project tagged above TLP:CLEAR is an error: the site would publish marked data")
    func markedPublicIndicator() throws {
        let found = try diagnostics({
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "198.51.100.7", "type": "ipv4", "tags": ["TLP:RED"] }"#,
                #"{ "value": "198.51.100.8", "type": "ipv4", "tags": ["tlp:amber"], "private": true }"#,
                #"{ "value": "198.51.100.9", "type": "ipv4", "tags": ["tlp:clear"] }"#,
                #"{ "value": "198.51.100.10", "type": "ipv4", "tags": ["tlp:unclear"] }"#))
        }, rule: PublicProjectTLPRule())
        #expect(found.count == 2 && found[0].contains("ipv4 198.51.100.7 is tagged TLP:RED, but it is a public indicator of a public project"), "\(found)")
        // A marking dossier cannot read is named as written, and as read.
        #expect(found[1].contains("ipv4 198.51.100.10 is tagged tlp:unclear (read as TLP:RED), but it is a public indicator"), "\(found)")
    }

    @Test("a public project tagged above TLP:CLEAR is an error, at its tags; a private one, or tlp:clear, is none")
    func markedPublicProject() throws {
        let found = try diagnostics({
            try $0.write("pub/project.json", #"{ "title": "P", "visibility": "public", "tlp": "clear", "tags": ["phishing", "TLP:RED"] }"#)
            try $0.write("pub/indicators.json", Self.list())
            try $0.write("ok/project.json", #"{ "title": "O", "visibility": "public", "tlp": "clear", "tags": ["tlp:clear"] }"#)
            try $0.write("ok/indicators.json", Self.list())
            try $0.write("internal/project.json", #"{ "title": "I", "tlp": "red", "tags": ["tlp:red"] }"#)
            try $0.write("internal/indicators.json", Self.list())
        }, rule: PublicProjectTLPRule())
        #expect(found == [#"pub/project.json:1:65: error: public project "pub" is tagged TLP:RED: the public site would publish what it marks; take the tag off, or make the project private (and set "tlp" to match)"#])
    }

    @Test("a public note's file name that holds a private project's folder name is a warning, as is a tag that does; it is shown as the note's title")
    func privateProjectNamesInFileNamesAndTags() throws {
        let found = try diagnostics({
            try $0.addProject("acme-payroll-phish")
            try $0.addProject("b", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "evil.example", "type": "domain", "tags": ["seen-in-acme-payroll-phish-wave"] }"#))
            try $0.write("b/notes/05-acme-payroll-phish-follow-up.md", "Nothing to see.\n")
            try $0.write("b/notes/06-payroll-follow-up.md", "Nothing either.\n")
            // A public project's folder name is published too: its pages, links and index entry.
            try $0.addProject("acme-payroll-phish-wave-2", visibility: "public", tlp: "clear")
            try $0.addProject("secret-c2.example-followup", visibility: "public", tlp: "clear")
            try $0.addProject("ir", indicators: Self.list(#"{ "value": "secret-c2.example", "type": "domain", "private": true }"#))
        }, rules: [PublishedPrivateValueRule()])
        let name = "names the private project acme-payroll-phish, but it is public: the public site names no private project"
        let expected: [String] = [
            "acme-payroll-phish-wave-2/project.json:1:1: warning: the project's folder name \(name)",
            "b/indicators.json:1:72: warning: a tag of evil.example \(name)",
            "b/notes/05-acme-payroll-phish-follow-up.md:1:1: warning: this note's file name \(name)",
            "secret-c2.example-followup/project.json:1:1: error: domain secret-c2.example is recorded as private in ir, but the project's folder name is public and the public site would show it",
        ]
        #expect(found.map { String($0.split(separator: ";")[0]) } == expected, "\(found)")
    }

    @Test("a private free-form value written percent-escaped in a public link is an error, once per text; a project named after a CVE draws no warning at the CVE's mentions, but a link to it is an error")
    func escapedFreeFormValuesAndCVENames() throws {
        let found = try diagnostics({
            try $0.addProject("cve-2024-3094")
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "C:\\Users\\jdoe\\payroll-stealer.exe", "type": "filepath", "private": true }"#,
                #"{ "value": "CVE-2024-3094", "type": "cve" }"#))
            try $0.write("pub/notes/01.md", "Search https://search.example/?q=C%3A%5CUsers%5Cjdoe%5Cpayroll-stealer.exe and C%253A%255CUsers%255Cjdoe%255Cpayroll-stealer.exe\n\nCVE-2024-3094 is the xz backdoor.\n")
            try $0.write("pub/notes/02.md", "See [triage](../cve-2024-3094/).\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.map { String($0.split(separator: ";")[0]) } == [
            #"pub/notes/01.md:1:1: error: filepath "C:\Users\jdoe\payroll-stealer.exe" is recorded as private, but this note is public and the public site would show it"#,
            "pub/notes/02.md:1:17: error: this note links to the private project cve-2024-3094, but it is public: the public site has no page of that project and names none",
        ], "\(found)")
    }

    @Test("a private value or a link to a private project written with character references (&#46;, &period;, &#47;) is found: the site shows them decoded")
    func characterReferences() throws {
        let found = try diagnostics({
            try $0.addProject("acme-payroll-phish", indicators: Self.list(
                #"{ "value": "198.51.100.250", "type": "ipv4", "private": true }"#,
                #"{ "value": "vpn.acme-corp.example", "type": "domain", "private": true }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear")
            try $0.write("pub/project.json", #"{ "title": "P", "summary": "Source 198&#46;51&#46;100&#46;250.", "visibility": "public", "tlp": "clear" }"#)
            try $0.write("pub/notes/01.md", "Portal vpn&period;acme-corp&#x2E;example.\n\nDetails: [internal](..&#47;acme-payroll-phish/).\n")
            // A backslash escape and an escaped dot or slash lead there too.
            try $0.write("pub/notes/02.md", "[prev](..\\/acme-payroll-phish\\/)\n")
            try $0.write("pub/notes/03.md", "[prev](%2E%2E/acme-payroll-phish/)\n")
            // Any escaped letter: a browser asks for the folder all the same.
            try $0.write("pub/notes/04.md", "[case](../%61cme-payroll-phish/) and http://vpn.acme-corp%2Eexample/x\n")
        }, rules: [PublishedPrivateValueRule()])
        let errors = found.map { String($0.split(separator: ";")[0]) }
        #expect(errors.count == 7, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("pub/notes/04.md:1:") && $0.contains("domain vpn.acme-corp.example is recorded as private") }, "\(errors)")
        for note in ["02", "03", "04"] {
            #expect(errors.contains { $0.hasPrefix("pub/notes/\(note).md:1:") && $0.contains("error: this note links to the private project acme-payroll-phish") }, "\(errors)")
        }
        #expect(errors.contains { $0.hasPrefix("pub/project.json") && $0.contains("ipv4 198.51.100.250 is recorded as private in acme-payroll-phish") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("pub/notes/01.md:1:") && $0.contains("domain vpn.acme-corp.example is recorded as private") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("pub/notes/01.md:3:") && $0.contains("error: this note links to the private project acme-payroll-phish") }, "\(errors)")
    }

    @Test("a public free-form value is published text: a private value or path written in it is an error")
    func freeFormValuesAreText() throws {
        let found = try diagnostics({
            try $0.addProject("ir", indicators: Self.list(#"{ "value": "192.0.2.130", "type": "ipv4", "private": true }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "C:\\Users\\Public\\Libraries\\hp.dat", "type": "filepath", "private": true }"#,
                #"{ "value": "C:\\Users\\Public\\Libraries\\hp.dat.bak", "type": "filepath" }"#,
                #"{ "value": "beacon to 192.0.2.130", "type": "other" }"#))
        }, rules: [PublishedPrivateValueRule()])
        let errors = found.map { String($0.split(separator: ";")[0]) }
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.contains { $0.contains(#"error: filepath "C:\Users\Public\Libraries\hp.dat" is recorded as private, but the filepath C:\Users\Public\Libraries\hp.dat.bak is public"#) }, "\(errors)")
        #expect(errors.contains { $0.contains("error: ipv4 192.0.2.130 is recorded as private in ir, but the other beacon to 192.0.2.130 is public") }, "\(errors)")
    }

    @Test("a threat only private projects record, written where the public site shows it, is an error; one a public project publishes, a non-malicious one, a CVE or an AS number is none")
    func valuesOnlyPrivateProjectsRecord() throws {
        let found = try diagnostics({
            try $0.addProject("red-case", tlp: "red", indicators: Self.list(
                #"{ "value": "artifact-sync.example", "type": "domain", "classification": "malicious" }"#,
                #"{ "value": "192.0.2.199", "type": "ipv4" }"#,
                #"{ "value": "time.example.org", "type": "domain", "classification": "non-malicious" }"#,
                #"{ "value": "shared.example", "type": "domain", "classification": "malicious" }"#,
                #"{ "value": "CVE-2024-3094", "type": "cve" }"#,
                #"{ "value": "AS64500", "type": "asn" }"#))
            try $0.addProject("open", visibility: "public", tlp: "clear", indicators: Self.list(#"{ "value": "shared.example", "type": "domain" }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "198.51.100.7", "type": "ipv4", "comment": "Talks to 192.0.2.199" }"#,
                #"{ "value": "https://artifact-sync.example/a", "type": "url" }"#))
            try $0.write("pub/notes/01.md", "C2 artifact-sync.example; also time.example.org, shared.example, CVE-2024-3094 and AS64500.\n")
            // The host of a URL the note writes is shown too.
            try $0.write("pub/notes/02.md", "Panel at http://192.0.2.199/admin and ![x](https://artifact-sync.example/a.png).\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.map { String($0.split(separator: ";")[0]) } == [
            "pub/indicators.json:1:19: error: ipv4 192.0.2.199 is recorded only in private projects (red-case), but the comment of 198.51.100.7 is public and the public site would show it",
            "pub/notes/02.md:1:10: error: ipv4 192.0.2.199 is recorded only in private projects (red-case), but this note is public and the public site would show it (in http://192.0.2.199/admin)",
        ], "\(found)")
        // The host of the public URL is published with it, wherever the note writes it.
        #expect(!found.contains { $0.contains("domain artifact-sync.example") }, "\(found)")
    }

    @Test("another project's private free-form value written as a word where the public site shows it: an error when recorded private, a warning when only private projects record it")
    func otherProjectsFreeFormValues() throws {
        let found = try diagnostics({
            try $0.addProject("acme", indicators: Self.list(
                #"{ "value": "C:\\Users\\jdoe\\AppData\\Roaming\\updater.exe", "type": "filepath", "classification": "malicious" }"#,
                #"{ "value": "Global\\SecretMutex42", "type": "mutex", "private": true }"#,
                #"{ "value": "payroll-kit.tar.gz", "type": "filename", "classification": "malicious" }"#,
                #"{ "value": "svchost.exe", "type": "filename", "classification": "non-malicious" }"#,
                #"{ "value": "zqxdrop7.exe", "type": "filename", "classification": "malicious" }"#))
            try $0.addProject("pub", visibility: "public", tlp: "clear")
            try $0.write("pub/notes/01.md", "Mutex `Global\\SecretMutex42`; archive payroll-kit.tar.gz.\nDropped c:\\users\\JDOE\\appdata\\roaming\\updater.exe, then svchost.exe.\n"
                + "Then C:\\Users\\Public\\zqxdrop7.exe ran; see https://x.example/dl/zqxdrop7.exe.\n")
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.map { String($0.split(separator: ";")[0]) } == [
            #"pub/notes/01.md:1:8: error: mutex "Global\SecretMutex42" is recorded as private in acme, but this note is public and the public site would show it"#,
            #"pub/notes/01.md:1:39: warning: filename "payroll-kit.tar.gz" is recorded only in private projects (acme), but this note is public and the public site would show it"#,
            #"pub/notes/01.md:2:9: warning: filepath "C:\Users\jdoe\AppData\Roaming\updater.exe" is recorded only in private projects (acme), but this note is public and the public site would show it"#,
            // The file a path ends with is a value of its own (a URL's path is not looked at so).
            #"pub/notes/01.md:3:22: warning: filename "zqxdrop7.exe" is recorded only in private projects (acme), but this note is public and the public site would show it"#,
        ], "\(found)")
    }

    @Test("dashed runs: every run of two parts or more but the whole, at most eight parts long")
    func dashedRuns() {
        #expect(PublishedPrivateValueRule.dashedRuns(of: "a-b") == [])
        #expect(PublishedPrivateValueRule.dashedRuns(of: "a-b-c") == ["a-b", "b-c"])
        #expect(PublishedPrivateValueRule.dashedRuns(of: "a--b-c") == ["b-c"])
        let long = (1...100).map(String.init).joined(separator: "-")
        #expect(PublishedPrivateValueRule.dashedRuns(of: long).count == 99 * 7 - 21)
    }

    @Test("a private free-form value counts only as a whole word: Global is not in GlobalSign")
    func freeFormWholeWords() throws {
        let found = try diagnostics({
            try $0.addProject("pub", visibility: "public", tlp: "clear", indicators: Self.list(
                #"{ "value": "Global", "type": "mutex", "private": true }"#,
                #"{ "value": "update.exe", "type": "filename", "private": true }"#))
            try $0.write("pub/project.json", #"{ "title": "P", "summary": "Signed by GlobalSign; drops myupdate.exe, then update.exe.", "visibility": "public", "tlp": "clear" }"#)
        }, rules: [PublishedPrivateValueRule()])
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.contains(#"filename "update.exe" is recorded as private"#) == true, "\(found)")
    }
}

