import ArgumentParser
import DossierCore

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove indicators recorded by mistake from a project, named by value or selected in bulk.",
        discussion: """
            Name the indicators by value, as you would give them to add (defanged, any case; - reads \
            them from standard input), or select them with --tagged, --type, --classified or --all; \
            everything given narrows the selection. A value the project does not record is an error, \
            and nothing is removed (--skip-invalid goes on without it). Each indicator removed is \
            listed with its classification and tags, so that it can be added again; --dry-run only \
            lists them. A removal that would make the workspace fail `dossier check` (a public note \
            then publishing a value only private projects record) is refused.

            Examples:
              dossier remove acme-payroll-phish 10.0.0.8
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
        let edit = try ProjectEditing.open(project, global: global)
        let indices = try ProjectEditing.select(inputs, selection, in: edit, global: global, suggestingAdd: false)
        var changed = edit.project
        let removed = IndicatorEdit.remove(&changed, at: indices)
        if !dryRun { try ProjectEditing.save(edit, changed) }
        // Each as `add` would record it again: what a mistaken removal needs.
        for indicator in removed {
            let classification = indicator.effectiveClassification(in: edit.vocabulary).rawValue
            let tags = indicator.tags.isEmpty ? "" : ", tags " + indicator.tags.joined(separator: ", ")
            let mark = indicator.isPrivate ? ", private" : ""
            global.say("\(dryRun ? "would remove" : "removed") \(indicator.type.rawValue) \(indicator.value) (\(classification)\(tags)\(mark))")
        }
        let what = "\(ProjectEditing.count(removed.count)) of \(project)"
        global.say(dryRun ? "would remove \(what); dry run: nothing was changed" : "removed \(what)")
        if !dryRun, removed.count > 1 {
            global.say("to undo: git restore \(Console.shellWords([Console.printer.displayPath(changed.indicatorsFile)]))")
        }
    }
}

extension Remove: TakesValueList {
    static var valueList: WritableKeyPath<Self, [String]> { \.values }
}
