import ArgumentParser
import DossierCore

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set the classification of indicators of a project, named by value or selected in bulk.",
        discussion: """
            CLASSIFICATION is one of \(Classification.allCases.map(\.rawValue).joined(separator: ", ")), \
            or implied. The explicit classification wins over what the indicator's tags imply; \
            implied takes it off, and the indicator is again what its tags imply (else unknown). \
            Name the indicators by \
            value (- reads them from standard input), or select them with --tagged, --type, --classified \
            or --all; everything given narrows the selection (a repeated --type or --classified selects any of them). \
            An indicator that was malicious or suspicious and is now less of a threat (it leaves \
            the blocklists) is named in a warning.

            Examples:
              dossier classify acme-payroll-phish malicious payroll-acme[.]example
              dossier classify acme-payroll-phish suspicious --tagged Quarantine \\
                --type domain
              # back to what its tags say:
              dossier classify acme-payroll-phish implied 198.51.100.23
              dossier classify acme-payroll-phish malicious --tagged Blocked --dry-run
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ProjectArgument.help, transform: ProjectArgument.slug)
    var project: String

    @Argument(help: ArgumentHelp(
        "The classification to set: \(Classification.allCases.map(\.rawValue).joined(separator: ", ")); or implied, to take it off.", valueName: "classification"))
    var classificationName: String

    /// Read here rather than by the parser, so that one given after the values is told apart
    /// from a typo (`classify P 192.0.2.10 malicious`); nil for `implied`.
    var classification: Classification? { Classification(argument: classificationName) }

    /// The word that takes the explicit classification off.
    static let implied = "implied"
    var takesOff: Bool { classificationName.lowercased() == Self.implied }

    @Argument(help: ArgumentHelp("Values of the indicators to classify; - reads them from standard input.", valueName: "value"))
    var values: [String] = []

    @OptionGroup var selection: SelectionOptions

    @OptionGroup var preview: DryRunOption

    func validate() throws {
        if Classification(argument: classificationName) == nil, !takesOff {
            // `dossier classify malicious acme-phish 198.51.100.1`: the project and the
            // classification swapped.
            if Classification(argument: project) != nil {
                throw ValidationError("\"\(project)\" is a classification, where the project goes: give the project first (dossier classify \(classificationName) \(project) VALUE...)")
            }
            if let given = values.first(where: { Classification(argument: $0) != nil }) {
                throw ValidationError("\"\(classificationName)\" is no classification, and \"\(given)\" is one: give the classification first (dossier classify PROJECT \(given) VALUE...)")
            }
            throw ValidationError("\"\(classificationName)\" is no classification; give one of \(Classification.allCases.map(\.rawValue).joined(separator: ", ")), or implied to take it off")
        }
        try selection.validate(values: values, verb: "classify")
    }

    func run() throws {
        let project = try global.project(self.project)
        // Values (standard input above all) are read before the project's lock is taken.
        let inputs = ProjectEditing.selectionInputs(values)
        let edit = try ProjectEditing.open(project, global: global, command: "classify", arguments: [classificationName] + values)
        let indices = try ProjectEditing.select(inputs, selection, in: edit, global: global)
        var changed = edit.project
        let outcome = IndicatorEdit.classify(&changed, as: classification, at: indices)
        let what = classification?.rawValue ?? "no explicit classification"
        guard outcome.changed > 0 else {
            global.say("nothing changed: every selected indicator (\(outcome.selected)) is already \(classification == nil ? "without an explicit classification" : "classified \(what)")")
            return
        }
        let takeOff = "the explicit classification off"
        try ProjectEditing.saveOrPreview(edit, changed, at: indices, dryRun: preview, global: global) { before, after in
            let change = ProjectEditing.change(before, after, in: edit)
            return "\(classification == nil ? "take \(takeOff)" : "classify") \(after.type.rawValue) \(after.value)"
                + (change.isEmpty ? " (\(after.effectiveClassification(in: edit.vocabulary).rawValue) still)" : change)
        }
        let already = outcome.selected - outcome.changed
        ProjectEditing.sayEdited(classification == nil ? "took \(takeOff)" : "classified", would: classification == nil ? "take \(takeOff)" : "classify",
            "\(ProjectEditing.count(outcome.changed)) of \(project)" + (classification.map { " as \($0.rawValue)" } ?? "")
                + ProjectEditing.unchangedSuffix(already) { one in classification == nil ? "had none" : one ? "already was" : "already were" },
            dryRun: preview.dryRun, global: global)
        // What the edit leaves to decide is said of a dry run too; its lines said what each
        // would be.
        if classification != nil { ProjectEditing.warnNewContradictions(edit, changed) }
        if preview.dryRun { return }
        guard classification != nil else {
            // What each now is, from its tags, when that is another classification than it had:
            // the point of taking the classification off (a blocklist of malicious ones shrinks).
            let taken = indices.filter { edit.project.indicators[$0].classification != nil }
            let moved = taken.filter {
                changed.indicators[$0].effectiveClassification(in: edit.vocabulary) != edit.project.indicators[$0].effectiveClassification(in: edit.vocabulary)
            }
            for i in moved.prefix(10) {
                let (before, after) = (edit.project.indicators[i], changed.indicators[i])
                global.say("  \(after.type.rawValue) \(after.value): now \(after.effectiveClassification(in: edit.vocabulary).rawValue), no longer \(before.effectiveClassification(in: edit.vocabulary).rawValue)")
            }
            if moved.count > 10 { global.say("  and \(ProjectEditing.count(moved.count - 10)) more classified otherwise now") }
            let kept = taken.count - moved.count
            if kept > 0 { global.say("  \(ProjectEditing.count(kept)) \(kept == 1 ? "keeps its" : "keep their") classification, now implied by \(kept == 1 ? "its" : "their") tags") }
            // Less of a threat now: said as a warning too, which --quiet keeps.
            warnLowered(edit, changed, at: indices, now: "what their tags imply")
            return
        }
        warnLowered(edit, changed, at: indices, now: what)
    }
}

extension Classify {
    /// Names each indicator `changed` makes less of a threat than it was (malicious or
    /// suspicious before): it leaves the blocklists made of it. As `add` and `import` say theirs,
    /// on standard error, which --quiet keeps; ten, then a count.
    func warnLowered(_ edit: ProjectEdit, _ changed: Project, at indices: [Int], now what: String) {
        let lowered = indices.compactMap { i -> (Indicator, from: Classification, to: Classification)? in
            let from = edit.project.indicators[i].effectiveClassification(in: edit.vocabulary)
            let to = changed.indicators[i].effectiveClassification(in: edit.vocabulary)
            return from.isLowered(to: to) ? (changed.indicators[i], from, to) : nil
        }
        for (indicator, from, to) in lowered.prefix(10) {
            Console.note("warning: \(indicator.type.rawValue) \(indicator.value) was \(from.rawValue) and is now \(to.rawValue)")
        }
        if lowered.count > 10 {
            Console.note("warning: and \(ProjectEditing.count(lowered.count - 10)) more that were malicious or suspicious are now \(what)")
        }
    }
}

extension Classify: TakesValueList {
    static var valueList: WritableKeyPath<Self, [String]> { \.values }
}
