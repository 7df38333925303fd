import ArgumentParser
import DossierCore

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tag",
        abstract: "Add a tag to indicators of a project, named by value or selected in bulk.",
        discussion: """
            Name the indicators by value (defanged is fine; - reads them from standard input), or select \
            them with --tagged, --type, --classified or --all. Everything given narrows the selection (a repeated --type or --classified selects any of them). \
            Tags compare case-insensitively; a tag of the vocabulary is written as the vocabulary spells \
            it. A vocabulary tag may imply a classification (Blocked: malicious); an explicit \
            classification still wins, and you are told when one contradicts the tag.

            Examples:
              dossier tag acme-payroll-phish Blocked payroll-acme[.]example 198.51.100.23
              dossier tag acme-payroll-phish Quarantine --type domain \\
                --classified suspicious
              dossier tag acme-payroll-phish Reviewed --all --dry-run  # look first
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ProjectArgument.help, transform: ProjectArgument.slug)
    var project: String

    @Argument(help: "The tag to add.")
    var tag: String

    @Argument(help: ArgumentHelp("Values of the indicators to tag; - reads them from standard input.", valueName: "value"))
    var values: [String] = []

    @OptionGroup var selection: SelectionOptions

    @OptionGroup var preview: DryRunOption

    func validate() throws {
        if Tag.isBlank(tag) { throw ValidationError("the tag name is empty") }
        try ProjectEditing.refuseValueAsTag(tag, command: "tag", alone: values.isEmpty && selection.selection.isEmpty)
        try ProjectEditing.refuseSourceTag(tag, option: "")
        try selection.validate(values: values, verb: "tag")
    }

    func run() throws {
        let project = try global.project(self.project)
        // Values (standard input above all) are read before the project's lock is taken.
        let inputs = ProjectEditing.selectionInputs(values)
        let edit = try ProjectEditing.open(project, global: global, command: "tag", arguments: [tag] + values)
        // A value the project records where the tag goes, and a word that is no value after it:
        // the arguments are swapped (`tag P payroll-acme.example Blocked`), whatever the value's
        // type. (A CVE or AS number the project records may well be a tag of other indicators.)
        if case .success(let parsed) = IndicatorInput.parse(tag, as: nil),
           values.contains(where: { $0 != "-" && (try? IndicatorInput.parse($0, as: nil).get()) == nil }),
           edit.project.indicators.contains(where: { $0.key == IndicatorKey(type: parsed.type, value: parsed.value) }) {
            Console.error("\"\(tag)\" is an indicator \(project) records (\(parsed.type.rawValue)), not a tag: give the tag, then the values (dossier tag \(project) TAG VALUE...)")
            throw ExitCode(64)
        }
        let indices = try ProjectEditing.select(inputs, selection, in: edit, global: global)
        ProjectEditing.warnMisspelled(tag, vocabulary: edit.vocabulary, project: project)
        if let parts = Tag.listedParts(tag, vocabulary: edit.vocabulary) {
            Console.note("warning: \"\(tag)\" is one tag; for \(parts.count), run `dossier tag` once for each")
        }
        let tag = IndicatorEdit.spelling(of: tag, in: edit.vocabulary)
        var changed = edit.project
        let outcome = IndicatorEdit.tag(&changed, with: tag, at: indices)
        guard outcome.changed > 0 else {
            global.say("nothing changed: every selected indicator (\(outcome.selected)) already has tag \(tag)")
            return
        }
        try ProjectEditing.saveOrPreview(edit, changed, at: indices, dryRun: preview, global: global) { before, after in
            "tag \(after.type.rawValue) \(after.value)" + ProjectEditing.change(before, after, in: edit)
        }
        let already = outcome.selected - outcome.changed
        ProjectEditing.sayEdited("tagged", would: "tag", "\(ProjectEditing.count(outcome.changed)) of \(project) with \(tag)"
            + ProjectEditing.unchangedSuffix(already) { _ in "already had it" }, dryRun: preview.dryRun, global: global)
        // What the edit leaves to decide is said of a dry run too.
        if !preview.dryRun { ProjectEditing.noteMadePrivate(from: edit.project, to: changed, global: global) }
        ProjectEditing.warnPrivateTagShown(tag, in: changed, at: indices, vocabulary: edit.vocabulary)
        // Said of the indicators whose tags the new one makes imply another classification than
        // their explicit one: a contradiction they had before is their other tags' (a Blocked
        // host classified suspicious), and the tag must not be blamed for it, nor its own
        // classification offered as the mend. What all the tags now imply is.
        func contradiction(_ indicator: Indicator) -> Classification? {
            indicator.classification.flatMap { edit.vocabulary.contradiction(of: $0, tags: indicator.tags) }
        }
        let made = IndicatorEdit.contradictions(in: changed, at: indices, vocabulary: edit.vocabulary)
            .filter { contradiction(changed.indicators[$0]) != contradiction(edit.project.indicators[$0]) }
        let byImplied = Dictionary(grouping: made) { contradiction(changed.indicators[$0])! }
        for (implied, positions) in byImplied.sorted(by: { $0.key.severity > $1.key.severity }) {
            // The command names the indicators just tagged: `--tagged` would also overwrite the
            // explicit classifications of others that had the tag, decisions made on purpose.
            let command = ProjectEditing.classifyCommand(project, implied, values: positions.map { changed.indicators[$0].value })
            Console.note("""
                warning: \(ProjectEditing.count(positions.count)) \(positions.count == 1 ? "keeps" : "keep") an explicit classification that tag \(tag) contradicts \
                (with it, the tags imply \(implied.rawValue)); the explicit one wins. To change it: \(command)
                """)
        }
    }
}

extension TagCommand: TakesValueList {
    static var valueList: WritableKeyPath<Self, [String]> { \.values }
}
