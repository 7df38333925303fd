import ArgumentParser
import DossierCore

struct Untag: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove a tag from indicators of a project, named by value or selected in bulk.",
        discussion: """
            The tag is matched case-insensitively. Name the indicators by value (- reads them from \
            standard input), or select them with --tagged, --type, --classified or --all; everything \
            given narrows the selection (a repeated --type or --classified selects any of them). An indicator whose classification was implied by the tag falls \
            back to what its other tags imply, else unknown. When no selected indicator has the tag, \
            nothing changes (exit 0), and a tag of theirs that it looks like a typo of is named.

            Examples:
              dossier untag acme-payroll-phish "Newly Observed" --all --dry-run
              dossier untag acme-payroll-phish "Newly Observed" --all
              dossier untag acme-payroll-phish Blocked 198.51.100.23
              dossier untag acme-payroll-phish Blocked - < false-positives.txt
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ProjectArgument.help, transform: ProjectArgument.slug)
    var project: String

    @Argument(help: "The tag to remove.")
    var tag: String

    @Argument(help: ArgumentHelp("Values of the indicators to untag; - reads them from standard input.", valueName: "value"))
    var values: [String] = []

    @OptionGroup var selection: SelectionOptions

    @OptionGroup var preview: DryRunOption

    func validate() throws {
        if Tag.isBlank(tag) { throw ValidationError("the tag name is empty") }
        try selection.validate(values: values, verb: "untag")
    }

    func run() throws {
        let project = try global.project(self.project)
        // Values (standard input above all) are read before the project's lock is taken.
        let inputs = ProjectEditing.selectionInputs(values)
        let edit = try ProjectEditing.open(project, global: global, command: "untag", arguments: [tag] + values)
        // A value where the tag goes, before more values, and no indicator has it as a tag: the
        // arguments are swapped (a tag that is a value, made so by mistake, can still be taken off).
        if !values.isEmpty, !edit.project.indicators.contains(where: { Tag.contains($0.tags, tag) }) {
            try ProjectEditing.refuseValueAsTag(tag, command: "untag", alone: false)
        }
        let indices = try ProjectEditing.select(inputs, selection, in: edit, global: global)
        var changed = edit.project
        let outcome = IndicatorEdit.untag(&changed, removing: tag, at: indices)
        guard outcome.changed > 0 else {
            global.say("nothing changed: no selected indicator (\(outcome.selected)) has tag \(tag)")
            if let meant = IndicatorEdit.closestTag(to: tag, in: edit.project, at: indices) {
                Console.note("warning: did you mean \"\(meant)\"? Some of them have it: dossier untag \(project) \(Console.shellWords([meant])) ...")
            }
            return
        }
        // Said as the project spells it (`Blocked`), however it was typed (`BLOCKED`).
        let spelled = indices.lazy.compactMap { edit.project.indicators[$0].tags.first { Tag.key($0) == Tag.key(tag) } }.first ?? tag
        try ProjectEditing.saveOrPreview(edit, changed, at: indices, dryRun: preview, global: global) { before, after in
            "remove tag \(spelled) from \(after.type.rawValue) \(after.value)" + ProjectEditing.change(before, after, in: edit)
        }
        let without = outcome.selected - outcome.changed
        ProjectEditing.sayEdited("removed", would: "remove", "tag \(spelled) from \(ProjectEditing.count(outcome.changed)) of \(project)"
            + ProjectEditing.unchangedSuffix(without) { one in one ? "does not have it" : "do not have it" }, dryRun: preview.dryRun, global: global)
        ProjectEditing.warnNewContradictions(edit, changed)
        // A dry run's lines said the rest.
        if preview.dryRun { return }
        ProjectEditing.noteStillPrivate(spelled, in: changed, at: indices, global: global)
        let reclassified = IndicatorEdit.reclassified(from: edit.project, to: changed, at: indices, vocabulary: edit.vocabulary)
        for (i, was, now) in reclassified.prefix(5) {
            let indicator = changed.indicators[i]
            Console.note("warning: \(indicator.type.rawValue) \(indicator.value) is now \(now.rawValue), no longer \(was.rawValue): tag \(spelled) implied it")
        }
        if reclassified.count > 5 { Console.note("warning: and \(ProjectEditing.count(reclassified.count - 5)) more changed classification") }
        if let first = reclassified.first, reclassified.allSatisfy({ $0.was == first.was }) {
            let values = reclassified.map { changed.indicators[$0.indicator].value }
            Console.note("to keep \(first.was.rawValue): " + ProjectEditing.classifyCommand(project, first.was, values: values))
        }
    }
}

extension Untag: TakesValueList {
    static var valueList: WritableKeyPath<Self, [String]> { \.values }
}
