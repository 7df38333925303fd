import ArgumentParser
import DossierCore

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove indicators recorded by mistake from a project, named by value or selected in bulk.",
        discussion: """
            Name the indicators by value, as you would give them to add (defanged, any case; - reads \
            them from standard input), or select them with --tagged, --type, --classified or --all; \
            everything given narrows the selection (a repeated --type or --classified selects any of them). A value the project does not record is an error, \
            and nothing is removed (--skip-invalid goes on without it). Each indicator removed is \
            listed with its classification and tags, so that it can be added again; --dry-run only \
            lists them. A removal that would make the workspace fail `dossier check` (a public note \
            then publishing a value only private projects record) is refused, and so is its dry run.

            Examples:
              dossier remove acme-payroll-phish 192.0.2.10
              dossier rm acme-payroll-phish --tagged "False Positive" --dry-run
              dossier rm acme-payroll-phish - < mistakes.txt
            """,
        aliases: ["rm"])

    @OptionGroup var global: GlobalOptions

    @Argument(help: ProjectArgument.help, transform: ProjectArgument.slug)
    var project: String

    @Argument(help: ArgumentHelp("Values of the indicators to remove; - reads them from standard input.", valueName: "value"))
    var values: [String] = []

    @OptionGroup var selection: SelectionOptions

    @Flag(help: "List what would be removed; change nothing.")
    var dryRun = false

    func validate() throws {
        try selection.validate(values: values, verb: "remove")
    }

    func run() throws {
        let project = try global.project(self.project)
        // Values (standard input above all) are read before the project's lock is taken.
        let inputs = ProjectEditing.selectionInputs(values)
        let edit = try ProjectEditing.open(project, global: global, command: "remove", arguments: values)
        let indices = try ProjectEditing.select(inputs, selection, in: edit, global: global, suggestingAdd: false)
        var changed = edit.project
        let removed = IndicatorEdit.remove(&changed, at: indices)
        // A dry run is refused as the removal would be.
        if dryRun { try ProjectEditing.refuseNewErrors(edit, changed) } else { try ProjectEditing.save(edit, changed) }
        // Each as `add` would record it again: what a mistaken removal needs. Where git has no
        // copy either, said under --quiet too: it is all there is.
        let untracked = !dryRun && !removed.isEmpty && !Git.isTracked(changed.indicatorsFile)
        for indicator in removed {
            var facts = [indicator.effectiveClassification(in: edit.vocabulary).rawValue]
            if !indicator.tags.isEmpty { facts.append("tags " + indicator.tags.joined(separator: ", ")) }
            if let first = indicator.firstSeen { facts.append("first seen \(first)") }
            if let last = indicator.lastSeen { facts.append("last seen \(last)") }
            // Whole (what `add --comment` needs again), on the indicator's one line: a line break
            // is shown as `\n`.
            if let comment = indicator.comment { facts.append("comment \"\(DiagnosticPrinter.escapingControls(comment, keepingLines: false))\"") }
            if let source = indicator.source { facts.append("source \"\(DiagnosticPrinter.escapingControls(source, keepingLines: false))\"") }
            if indicator.isPrivate { facts.append("private") }
            let line = "\(dryRun ? "would remove" : "removed") \(indicator.type.rawValue) \(indicator.value) (\(facts.joined(separator: ", ")))"
            if untracked && global.quiet { Console.note(line) } else { global.say(line) }
        }
        let what = "\(ProjectEditing.count(removed.count)) of \(project)"
        global.say(dryRun ? "would remove \(what); dry run: nothing was changed" : "removed \(what)")
        if !dryRun, !removed.isEmpty {
            let file = Console.shellWords([Console.printer.displayPath(changed.indicatorsFile)])
            if untracked {
                // git has no copy to take anything back from: the lines above are all there is.
                Console.note("warning: \(file) is not tracked by git, which has no copy of what was removed; the lines above say what each was, for `dossier add`")
            } else if removed.count > 1 {
                // Not `git restore`, which would also undo the file's other changes not committed yet.
                global.say("to see it: git diff \(file); to take back some of it: git checkout -p \(file)")
            }
        }
    }
}

extension Remove: TakesValueList {
    static var valueList: WritableKeyPath<Self, [String]> { \.values }
}
