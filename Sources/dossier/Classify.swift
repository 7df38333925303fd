import ArgumentParser
import DossierCore

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set the classification of indicators of a project, named by value or selected in bulk.",
        discussion: """
            CLASSIFICATION is one of \(Classification.allCases.map(\.rawValue).joined(separator: ", ")). \
            The explicit classification wins over what the indicator's tags imply. Name the indicators by \
            value (- reads them from standard input), or select them with --tagged, --type, --classified \
            or --all; everything given narrows the selection.

            Examples:
              dossier classify acme-payroll-phish malicious payroll-acme[.]com 198.51.100.23
              dossier classify acme-payroll-phish suspicious --tagged Quarantine --type domain
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ProjectArgument.help, transform: ProjectArgument.slug)
    var project: String

    @Argument(help: ArgumentHelp(
        "The classification to set: \(Classification.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "classification"))
    var classificationName: String

    /// Read here rather than by the parser, so that one given after the values is told apart
    /// from a typo (`classify P 192.0.2.10 malicious`).
    var classification: Classification { Classification(argument: classificationName) ?? .unknown }

    @Argument(help: ArgumentHelp("Values of the indicators to classify; - reads them from standard input.", valueName: "value"))
    var values: [String] = []

    @OptionGroup var selection: SelectionOptions

    func validate() throws {
        if Classification(argument: classificationName) == nil {
            if let given = values.first(where: { Classification(argument: $0) != nil }) {
                throw ValidationError("\"\(classificationName)\" is no classification, and \"\(given)\" is one: give the classification first (dossier classify PROJECT \(given) VALUE...)")
            }
            throw ValidationError("\"\(classificationName)\" is no classification; give one of \(Classification.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        try selection.validate(values: values, verb: "classify")
    }

    func run() throws {
        let project = try global.project(self.project)
        // Values (standard input above all) are read before the project's lock is taken.
        let inputs = ProjectEditing.selectionInputs(values)
        let edit = try ProjectEditing.open(project, global: global)
        let indices = try ProjectEditing.select(inputs, selection, in: edit, global: global)
        var changed = edit.project
        let outcome = IndicatorEdit.classify(&changed, as: classification, at: indices)
        guard outcome.changed > 0 else {
            global.say("nothing changed: every selected indicator (\(outcome.selected)) is already classified \(classification.rawValue)")
            return
        }
        try ProjectEditing.save(edit, changed)
        let already = outcome.selected - outcome.changed
        global.say("classified \(ProjectEditing.count(outcome.changed)) of \(project) as \(classification.rawValue)"
            + (already > 0 ? " (\(already) already were)" : ""))
        ProjectEditing.warnNewContradictions(edit, changed)
    }
}

extension Classify: TakesValueList {
    static var valueList: WritableKeyPath<Self, [String]> { \.values }
}
