import ArgumentParser
import DossierCore
import Foundation

/// The bulk selectors of `tag`, `untag`, `classify` and `remove`. Given together (and with values) they
/// intersect: every one narrows the selection; a repeated `--type` or `--classified` selects any
/// of its values (a repeated `--tagged`, every tag).
struct SelectionOptions: ParsableArguments {
    @Option(name: .customLong("tagged"), help: ArgumentHelp(
        "Select indicators that have this tag (case-insensitive; repeat to require several).", valueName: "tag"))
    var tagged: [String] = []

    @Option(help: ArgumentHelp(
        "Select indicators of this type (repeat for any of several); with values, read them as this type (as free-form types need).",
        valueName: "type"))
    var type: [IndicatorType] = []

    @Option(help: ArgumentHelp(
        "Select indicators with this classification, explicit or implied by their tags (repeat for any of several).",
        valueName: "classification"))
    var classified: [Classification] = []

    @Flag(help: "Select every indicator of the project.")
    var all = false

    @Flag(help: "Skip values that are invalid or not recorded in the project, instead of changing nothing.")
    var skipInvalid = false

    var selection: Selection {
        Selection(tagged: tagged, types: type, classified: classified, all: all)
    }

    /// Usage check shared by the commands: something must say which indicators to change.
    func validate(values: [String], verb: String) throws {
        if values.isEmpty && selection.isEmpty {
            throw ValidationError(
                "say which indicators to \(verb): give their values (or - to read them from standard input), or select them with --tagged, --type, --classified or --all")
        }
        if !values.isEmpty, type.count > 1 {
            throw ValidationError("give one --type to read the values as; several select indicators in bulk, without values")
        }
        if tagged.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--tagged needs a tag name")
        }
    }
}
