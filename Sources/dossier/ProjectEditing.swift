import ArgumentParser
import DossierCore
import Foundation

/// What the editing commands (`add`, `tag`, `untag`, `classify`, `remove`) share: opening a project with the
/// refusals printed, reading values, selecting indicators and saving. Every failure prints its
/// reason and ends with exit 1 before anything is written.
enum ProjectEditing {
    /// The project `slug`, or exit 1 saying which projects exist, or which errors to fix first.
    /// - Parameter arguments: the command's other arguments, in order (`dossier tag PROJECT TAG
    ///   VALUE...`): one that names a project, where the project names none, is the arguments
    ///   swapped (`dossier add 198.51.100.9 acme-phish`), a usage error (exit 64) that shows the order.
    static func open(_ slug: String, global: GlobalOptions, command: String? = nil, arguments: [String] = []) throws -> ProjectEdit {
        let root = try global.root()
        do {
            return try ProjectEdit.open(root: root, slug: slug) {
                if !global.quiet { Console.note("waiting for another dossier command editing \(slug), or formatting the workspace, to finish…") }
            }
        } catch {
            if case .unknownProject(_, let projects, _) = error, let command,
               let swapped = arguments.firstIndex(where: { projects.contains($0) }) {
                var order = arguments
                order.remove(at: swapped)
                let shown = ([arguments[swapped], slug] + order.prefix(3)).map(Console.shellWord).joined(separator: " ")
                Console.error("no project \"\(slug)\", but \"\(arguments[swapped])\" is one: the project comes first (dossier \(command) \(shown)\(order.count > 3 ? " ..." : ""))")
                throw ExitCode(64)
            }
            if case .invalidFiles(_, let diagnostics) = error { Console.report(DiagnosticList(diagnostics)) }
            Console.error(error.description)
            throw ExitCode(1)
        }
    }

    /// Writes the edited project (refreshing `updated`); returns the paths written.
    @discardableResult
    static func save(_ edit: ProjectEdit, _ project: Project) throws -> [String] {
        try refuseNewErrors(edit, project)
        // A file deleted by mistake would be written anew, and `check` no longer say it is gone.
        let missing = !FileManager.default.fileExists(atPath: project.indicatorsFile)
        do {
            let written = try edit.save(project)
            if missing {
                let path = Console.printer.displayPath(project.indicatorsFile)
                Console.note("warning: \(path) was missing: it now holds these indicators alone; if it was deleted by mistake, restore it with git (git restore \(Console.shellWord(path))) and run the edit again")
            }
            return written
        } catch {
            Console.error(error)
            throw ExitCode(1)
        }
    }

    /// Saves `changed` (an edit of the indicators at `indices`); with `dryRun`, refuses as the
    /// edit would be, and says each indicator it would change (`describe`: before, after) instead,
    /// writing nothing.
    static func saveOrPreview(_ edit: ProjectEdit, _ changed: Project, at indices: [Int], dryRun: DryRunOption, global: GlobalOptions,
        describe: (_ before: Indicator, _ after: Indicator) -> String) throws {
        guard dryRun.dryRun else {
            try save(edit, changed)
            return
        }
        try refuseNewErrors(edit, changed)
        for i in indices where changed.indicators[i] != edit.project.indicators[i] {
            let after = changed.indicators[i]
            global.say("would \(describe(edit.project.indicators[i], after))")
        }
    }

    /// ` (now suspicious, no longer malicious)` when an edit changes what an indicator is
    /// classified as (a tag that implied it taken off), ` (made private)` when it makes it
    /// private (the `private` tag), else empty: what a dry run says with it.
    static func change(_ before: Indicator, _ after: Indicator, in edit: ProjectEdit) -> String {
        let (was, now) = (before.effectiveClassification(in: edit.vocabulary), after.effectiveClassification(in: edit.vocabulary))
        return (was == now ? "" : " (now \(now.rawValue), no longer \(was.rawValue))") + (after.isPrivate && !before.isPrivate ? " (made private)" : "")
    }

    /// Exit 1, printing them, when `changed` has errors the project as read had not (`check` would
    /// then fail): nothing is written.
    static func refuseNewErrors(_ edit: ProjectEdit, _ changed: Project) throws {
        let errors = edit.newErrors(in: changed, cache: ProjectCache.standard(root: edit.root))
        guard !errors.isEmpty else { return }
        report(errors, of: changed)
        // Data marked above TLP:CLEAR may not be published (`import` makes such data private).
        let marked = errors.contains { $0.code == PublicProjectTLPRule.code }
        // The public values a marking tag would publish, named in the command that keeps them in.
        let shown = changed.indicators.filter { !$0.isPrivate && TLP.marked(by: $0.tags).map { $0 > .clear } == true }.map(\.value)
        let command = valuesCommand("dossier add \(changed.slug)", values: shown.isEmpty ? ["VALUE"] : shown, flags: " --private")
        Console.note("nothing was changed" + (marked ? "; record \(shown.count == 1 ? "it" : "them") private first (\(command)), or keep the tag off" : ""))
        throw ExitCode(1)
    }

    /// Prints the errors an edit of `changed` would bring, each where it is (a public note that
    /// would publish a value made private), as `check` says it; in the files the edit rewrites,
    /// what it would write has no place yet, but what they hold already (another indicator's
    /// comment) has its place in them as they stand: the edit is refused, and writes nothing.
    static func report(_ errors: [Diagnostic], of changed: Project) {
        let rewritten = [changed.projectFile, changed.indicatorsFile]
        for error in errors {
            if let location = error.location, !rewritten.contains(location.path) || location.position != .start {
                Console.report(DiagnosticList([error]))
            } else {
                Console.error(error.message)
            }
        }
    }

    /// Warns of the indicators this edit left classified otherwise than their tags imply (`check`
    /// warns of each too): the explicit classification wins, which the writer may not have meant.
    /// Refuses a tag that is an address, a URL or a hash, or, with nothing else given (`tag
    /// PROJECT payroll-acme[.]com`), any indicator: the values were given first, or the tag
    /// forgotten (`tag PROJECT 198.51.100.23 --all` would have tagged every indicator with it).
    static func refuseValueAsTag(_ tag: String, command: String, alone: Bool) throws {
        guard case .success(let parsed) = IndicatorInput.parse(tag, as: nil) else { return }
        switch parsed.type {
        case .ipv4, .ipv6, .cidr, .url, .email, .md5, .sha1, .sha256, .sha512: break
        default: guard alone else { return }
        }
        throw ValidationError("\"\(tag)\" is an indicator (\(parsed.type.rawValue)), not a tag: give the tag, then the values (dossier \(command) PROJECT TAG VALUE...)")
    }

    /// Refuses a tag written as dossier's MISP export writes a source (`dossier:source="x"`):
    /// every import reads it as the source, so the tag would not come back, and a MISP export
    /// would let it stand for the indicator's source.
    static func refuseSourceTag(_ tag: String, option: String) throws {
        guard Tag.isSourceTag(tag) else { return }
        throw ValidationError("\(option)\"\(tag)\" is how dossier's MISP export writes an indicator's source, not a tag (imports read it as the source); record a source with dossier add PROJECT VALUE --source TEXT")
    }

    /// Warns of a tag that is no vocabulary tag but a misspelling of one: it implies nothing, and
    /// reports list it apart.
    /// A tag named like a classification (`malicious`) that the vocabulary does not define is a
    /// free tag, which classifies nothing: most likely `--classify` was meant.
    static func warnMisspelled(_ tag: String, vocabulary: Vocabulary, project: String) {
        if let level = TLP.levelOfUnreadMarking(tag) {
            Console.note("warning: \"\(tag)\" is written as a TLP marking dossier cannot read (tlp:clear, tlp:green, tlp:amber, tlp:amber+strict or tlp:red); reports and exports read it as \(level.label), the safe side")
            return
        }
        if vocabulary.definition(of: tag) == nil, let meant = Classification(argument: tag) {
            Console.note("warning: \"\(tag)\" is a classification, not a tag of the vocabulary: as a tag it classifies nothing; to classify, run `dossier classify \(project) \(meant.rawValue) VALUE...` (or `dossier add --classify \(meant.rawValue)`)")
            return
        }
        guard let meant = vocabulary.misspelling(tag) else { return }
        let implies = meant.classification.map { " (which implies \($0.rawValue))" } ?? ""
        Console.note("warning: \"\(tag)\" is not in the workspace's vocabulary; did you mean \"\(meant.name)\"\(implies)? It is kept as a free tag")
    }

    static func warnNewContradictions(_ edit: ProjectEdit, _ changed: Project) {
        func contradicting(_ project: Project) -> [Int] {
            IndicatorEdit.contradictions(in: project, at: Array(project.indicators.indices), vocabulary: edit.vocabulary)
        }
        // By value and classification: classifying anew one that contradicted is said again.
        func said(_ indicator: Indicator) -> String { indicator.type.rawValue + " " + indicator.value + " " + (indicator.classification?.rawValue ?? "") }
        let before = Set(contradicting(edit.project).map { said(edit.project.indicators[$0]) })
        let new = contradicting(changed).filter { !before.contains(said(changed.indicators[$0])) }
        for i in new.prefix(5) {
            let indicator = changed.indicators[i]
            let implied = indicator.classification.flatMap { edit.vocabulary.contradiction(of: $0, tags: indicator.tags) }?.rawValue ?? "another classification"
            Console.note("warning: \(indicator.type.rawValue) \(indicator.value) is classified \(indicator.classification?.rawValue ?? "") but its tags imply \(implied); the explicit classification wins")
        }
        if new.count > 5 { Console.note("warning: and \(count(new.count - 5)) more, classified against what their tags imply (see `dossier check`)") }
    }

    /// The values given, `-` replaced by the lines of standard input.
    static func values(_ arguments: [String]) -> [InputValue] {
        IndicatorInput.values(arguments, standardInput: standardInput)
    }

    static func standardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    /// Prints rejected values. Unless `skip`, they end the command with exit 1 (nothing written).
    static func handle(_ rejected: [IndicatorInput.Rejected], skip: Bool, global: GlobalOptions) throws {
        guard !rejected.isEmpty else { return }
        if skip {
            for item in rejected { Console.note(DiagnosticPrinter.oneLine((item.location.map { "\($0): " } ?? "") + "warning: skipped \(item)")) }
            return
        }
        for item in rejected { Console.error(item.description, at: item.location) }
        let count = rejected.count == 1 ? "1 invalid value" : "\(rejected.count) invalid values"
        Console.note("\(count); nothing was changed (--skip-invalid goes on without them)")
        throw ExitCode(1)
    }

    /// The values named to select indicators (`-` read from standard input), or nil when none is
    /// named: read before the project is opened, as its lock is then held.
    static func selectionInputs(_ values: [String]) -> [InputValue]? {
        values.isEmpty ? nil : Self.values(values)
    }

    /// Positions of the selected indicators of the project: the values named (nil: none named;
    /// none read from an empty standard input selects nothing) intersected with the bulk
    /// selectors. An empty selection says so and exits 1.
    static func select(_ inputs: [InputValue]?, _ options: SelectionOptions, in edit: ProjectEdit, global: GlobalOptions,
        suggestingAdd: Bool = true) throws -> [Int] {
        var selection = options.selection
        if let inputs {
            let (keys, rejected) = Selection.keys(for: inputs, type: options.type.first, in: edit.project, suggestingAdd: suggestingAdd)
            try handle(rejected, skip: options.skipInvalid, global: global)
            selection.keys = keys
        }
        let indices = selection.indices(in: edit.project, vocabulary: edit.vocabulary)
        if indices.isEmpty {
            Console.error("nothing matched: no indicator of \(edit.project.slug) is \(selection)\(tagHint(options.tagged, in: edit)); nothing was changed")
            throw ExitCode(1)
        }
        return indices
    }

    /// For a `--tagged` tag no indicator of the project has, the tag meant: one of its
    /// indicators' tags, or of the vocabulary, a slip of the pen away (`Blokced`).
    static func tagHint(_ tagged: [String], in edit: ProjectEdit) -> String {
        let recorded = Tag.union([], edit.project.indicators.flatMap(\.tags))
        let own = Vocabulary(recorded.map { TagDefinition(name: $0) })
        for tag in tagged where !recorded.contains(where: { Tag.key($0) == Tag.key(tag) }) {
            if let meant = own.misspelling(tag) ?? edit.vocabulary.misspelling(tag) {
                return " (did you mean \(meant.name), which \(recorded.contains(meant.name) ? "indicators of the project have" : "the vocabulary defines")?)"
            }
        }
        return ""
    }

    /// The command that classifies `values` of `project`, whole, to paste: past a few values, as
    /// lines for standard input.
    static func classifyCommand(_ project: String, _ classification: Classification, values: [String]) -> String {
        valuesCommand("dossier classify \(project) \(classification.rawValue)", values: values)
    }

    /// `command` given `values`, then `flags`: on its line for eight at most, else reading them
    /// from standard input (a here-document), to paste whole.
    static func valuesCommand(_ command: String, values: [String], flags: String = "") -> String {
        values.count <= 8
            ? command + " " + Console.shellWords(values) + flags
            : command + " -" + flags + " <<'VALUES'\n" + values.joined(separator: "\n") + "\nVALUES"
    }

    /// A private tag on public indicators of a public project: the site leaves the tag out and
    /// still shows the indicators (`acme-vpn.example`, tagged as the company's own, published
    /// as non-malicious). Said once, with the command that keeps them out too.
    static func warnPrivateTagShown(_ tag: String, in changed: Project, at indices: [Int], vocabulary: Vocabulary) {
        guard changed.visibility == .public, vocabulary.isPrivate(tag) else { return }
        let shown = indices.filter { !changed.indicators[$0].isPrivate }.map { changed.indicators[$0].value }
        guard !shown.isEmpty else { return }
        let command = valuesCommand("dossier add \(changed.slug)", values: shown, flags: " --private")
        Console.note("warning: \(tag) is a private tag: the public site leaves it out but still shows \(count(shown.count)) of public project \(changed.slug) that \(shown.count == 1 ? "has" : "have") it; to keep \(shown.count == 1 ? "it" : "them") off the public site too: \(command)")
    }

    /// Indicators an edit made private by a tag that hides (`private`, `do-not-publish`): said,
    /// since `"private": true` is written beside the tag and stays when the tag is taken off.
    static func noteMadePrivate(from before: Project, to after: Project, global: GlobalOptions) {
        let wasPrivate = Set(before.indicators.lazy.filter(\.isPrivate).map(\.key))
        let made = after.indicators.filter { $0.isPrivate && $0.hidingTag != nil && !wasPrivate.contains($0.key) }
        guard let tag = made.first?.hidingTag else { return }
        global.say("tag \(tag) keeps \(count(made.count)) out of public output: \"private\": true is written beside it, and stays if the tag is taken off")
    }

    /// After a tag that hides (`private`) was taken off: the indicators stay private, which
    /// `"private": true` says, and how to publish them.
    static func noteStillPrivate(_ tag: String, in changed: Project, at indices: [Int], global: GlobalOptions) {
        guard HidingKeys.isHidingTag(tag) else { return }
        let still = indices.filter { changed.indicators[$0].isPrivate }
        guard !still.isEmpty else { return }
        let path = Console.printer.displayPath(changed.indicatorsFile)
        global.say("\(count(still.count)) \(still.count == 1 ? "stays" : "stay") private (\"private\": true in \(path)); to publish \(still.count == 1 ? "it" : "them"), delete that field there")
    }

    /// "1 indicator", "3 indicators".
    static func count(_ n: Int, _ noun: String = "indicator") -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// The selected indicators an edit left as they were, after the count of those it changed:
    /// `; 1 more selected already had it`, told apart from that count (`(1 already had it)`
    /// read as one of them). Empty when there are none.
    static func unchangedSuffix(_ n: Int, _ were: (_ one: Bool) -> String) -> String {
        n > 0 ? "; \(n) more selected \(were(n == 1))" : ""
    }

    /// Says an edit's summary: `done` what it did (`tagged`), or with `dryRun` `would` do, and
    /// that nothing was written.
    static func sayEdited(_ done: String, would: String, _ rest: String, dryRun: Bool, global: GlobalOptions) {
        global.say(dryRun ? "would \(would) \(rest); dry run: nothing was written" : "\(done) \(rest)")
    }
}

/// The PROJECT argument of the commands that work on one project: its folder name, also as the
/// shell completes it (`acme-payroll-phish/`, `./acme-payroll-phish`).
enum ProjectArgument {
    static let help = ArgumentHelp("The project: its folder name, or a path to its folder (., ../acme-phish, /work/intel/acme-phish).")

    static func slug(_ argument: String) -> String {
        var slug = Substring(argument)
        while slug.hasPrefix("./") { slug = slug.dropFirst(2) }
        while slug.count > 1, slug.hasSuffix("/") { slug = slug.dropLast() }
        if slug.isEmpty && !argument.isEmpty { slug = "." }
        // A path to the folder or into it (tab completion, `.` inside it or its notes/): the
        // project's folder, kept whole with links followed, when the folder holding it is a
        // workspace; `GlobalOptions.project` takes its name once the workspace is known, and
        // refuses a project of another workspace.
        if slug.contains("/") || slug == "." || slug == ".." {
            let path = slug.hasPrefix("/") ? String(slug) : FileManager.default.currentDirectoryPath + "/" + slug
            var folder = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            while folder.count > 1 {
                let parent = (folder as NSString).deletingLastPathComponent
                if FileManager.default.fileExists(atPath: parent + "/" + ProjectFiles.workspace) { return folder }
                folder = parent
            }
        }
        return String(slug)
    }
}

/// `--dry-run` of the commands that edit selected indicators (`tag`, `untag`, `classify`).
struct DryRunOption: ParsableArguments {
    @Flag(help: "List the indicators the edit would change, and how; change nothing.")
    var dryRun = false
}
