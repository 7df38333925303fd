import ArgumentParser
import DossierCore
import DossierInterop
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a project's indicators for machines: CSV, JSON, STIX 2.1, MISP or plain text.",
        discussion: """
            Exports are public unless --internal: they then hold only what a public report \
            shows (no private indicator, tag or note, no source), and a private project is \
            refused, as is any project while `dossier check` finds errors (a private value \
            written in a public note or comment would be published). Internal exports add the private indicators and tags (where the format has \
            tags) and the sources (STIX as the description of each indicator's external \
            reference "dossier source", MISP as a dossier:source="..." tag, both read back by \
            import; text has none), and JSON, \
            STIX and MISP carry the notes (STIX as notes about the report, MISP as the \
            event's reports; CSV and text have none). An \
            internal export reads the project alone (at once, however large the workspace), \
            and is refused while `dossier check` finds an error in the project's files. \
            Values are real, never defanged, and each indicator states its \
            classification (the explicit one, else the one its tags imply, else unknown).

            Formats:
              csv   value,type,classification,tags,firstSeen,lastSeen,comment
                    (tags joined with "; "; internal exports add source, private, tlp;
                    a cell starting with = + - @ is written after a ' so no
                    spreadsheet runs it as a formula; import takes it off)
              json  the project, its indicators and notes, and the images the notes
                    show (dossier import reads it, and writes the images back)
              stix  a STIX 2.1 bundle: an indicator with a pattern per value, the
                    observables, the project as a report, its notes as notes,
                    the TLP 2.0 marking (internal: the source in the indicator's
                    external reference "dossier source")
              misp  a MISP event: an attribute per value, the classification as a
                    passivetotal:class="..." tag, the TLP as a tlp: tag, the
                    notes as event reports (Markdown; internal: the source as a
                    dossier:source="..." tag)
              text  one value per line (an internal list holding anything above
                    TLP:CLEAR starts with a "# TLP:AMBER" comment line)

            --classification keeps only the indicators of that classification (the \
            effective one), --type only those of that type; give either more than once for \
            several. A blocklist wants malicious ones: the others include look-alikes ruled \
            benign and the team's own domains; a DNS or proxy blocklist wants domains or URLs \
            only (a file name such as invoice.zip is also a domain name).

            The same project always gives the same bytes: ids are derived from the content \
            and dates come from the project, never from the clock.

            Examples:
              dossier export commodity-loader-c2 --format stix -o loader.stix.json
              dossier export acme-payroll-phish --format misp --internal > ../phish.json
              dossier export vpn-bruteforce-2026 --format text \\
                --classification malicious > blocklist.txt
              dossier export commodity-loader-c2 --format text \\
                --classification malicious --type domain > dns-block.txt
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ProjectArgument.help, transform: ProjectArgument.slug)
    var project: String

    @Option(help: ArgumentHelp("Output format (with -o, told by the file's name when not given: .csv, .stix.json, .misp.json, .json, .txt).", valueName: "format"))
    var format: ExportFormat?

    /// The format given, else the one `-o`'s file name says.
    var chosenFormat: ExportFormat? { format ?? output.flatMap(ExportFormat.init(fileName:)) }

    @Flag(help: "Make an internal export: private indicators and tags included, and sources (all but text), private notes (JSON, STIX and MISP).")
    var `internal` = false

    @Option(help: ArgumentHelp("Export only indicators of this classification (repeatable).", valueName: "classification"))
    var classification: [Classification] = []

    @Option(help: ArgumentHelp("Export only indicators of this type (repeatable).", valueName: "type"))
    var type: [IndicatorType] = []

    @Option(name: [.customShort("o"), .long, .customLong("out")], help: ArgumentHelp("Write to this file instead of standard output (-: standard output, as for import).", valueName: "file"))
    var output: String?

    @OptionGroup var cacheOptions: CacheOptions

    func validate() throws {
        // A plain `.json` may hold any JSON format (a MISP event is saved so); a name that says
        // another format than --format would mislead whoever opens the file.
        if let format, let output, let named = ExportFormat(fileName: output), named != format, !(named == .json && [.stix, .misp].contains(format)) {
            throw ValidationError("--format \(format.rawValue) writes \(format.rawValue.uppercased()), but \((output as NSString).lastPathComponent) is named as \(named.rawValue.uppercased()): name the file as its format (\(format.fileNameExample)), or leave --format out")
        }
        guard chosenFormat == nil else { return }
        let formats = ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")
        if let output, output != "-" {
            throw ValidationError("the format cannot be told from \((output as NSString).lastPathComponent): give --format (\(formats))")
        }
        throw ValidationError("give --format (\(formats))")
    }

    func run() throws {
        guard let format = chosenFormat else { throw ExitCode(64) }
        let project = try global.project(self.project)
        let root = try global.root()
        let workspace: Workspace
        let edit: ProjectEdit
        do {
            // The same refusals as the editing commands: an unknown project, or one whose files
            // have errors. An internal export shows nothing of other projects: it reads this one
            // alone (in a workspace of a thousand, at once). A public one is checked whole.
            if `internal` {
                edit = try ProjectEdit.open(root: root, slug: project, reading: true)
                workspace = Workspace(root: edit.root, settings: edit.settings, projects: [edit.project])
            } else {
                let loaded = WorkspaceLoader.load(root: root, cache: cacheOptions.cache(root: root), fingerprinting: false)
                edit = try ProjectEdit(loaded: loaded, slug: project, refusingDuplicates: false)
                if edit.project.visibility == .private {
                    Console.error(AudienceFilter.refusal(for: edit.project))
                    throw ExitCode(1)
                }
                // As `report` and `build`: what keeps private material out of public text is the check.
                let diagnostics = WorkspaceChecker.check(loaded)
                if diagnostics.hasErrors {
                    Console.report(DiagnosticList(diagnostics.sorted.filter { $0.severity == .error }))
                    Console.error("the workspace has errors; fix them (see `dossier check`) and export again; nothing was exported")
                    throw ExitCode(1)
                }
                workspace = loaded.workspace
            }
        } catch let error as ProjectEdit.Failure {
            if case .invalidFiles(_, let diagnostics) = error { Console.report(DiagnosticList(diagnostics)) }
            Console.error(error.description(ending: "nothing was exported"))
            throw ExitCode(1)
        }
        let audience: Audience = `internal` ? .internal : .public
        let view = AudienceFilter.view(of: workspace, for: audience)
        guard let filtered = view.project(project) else {
            Console.error(AudienceFilter.refusal(for: edit.project))
            throw ExitCode(1)
        }
        let bytes = Exporter.export(filtered, in: view, for: audience, format: format, classifications: classification, types: type)
        guard let output, output != "-" else {
            try OutputFile.writeToStandardOutput(bytes, workspaceRoot: workspace.root, internalOutput: `internal` ? "this internal export" : nil)
            return
        }
        let path = try OutputFile.write(bytes, to: output, workspaceRoot: workspace.root, internalOutput: `internal` ? "this internal export" : nil)
        let count = Exporter.selected(filtered.indicators, classifications: classification, types: type, vocabulary: view.vocabulary).count
        global.say("wrote \(Console.printer.displayPath(path)) (\(format.rawValue), \(ProjectEditing.count(count, "indicator")))")
        if `internal` { Build.warnIfCommitted(path, what: "this internal export", root: workspace.root) }
    }
}

extension ExportFormat: LenientChoice {
    static let aliases: [String: ExportFormat] = ["txt": .text, "stix2": .stix, "stix2.1": .stix]

    /// The format a file's name says (what `dossier build` names its exports): `.csv`, `.txt`,
    /// `.json`, and before `.json` a format's name (`.stix.json`, `.stix2.json`, `.misp.json`);
    /// nil for any other.
    init?(fileName: String) {
        let parts = (fileName as NSString).lastPathComponent.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, let last = parts.last else { return nil }
        switch last {
        case "csv": self = .csv
        case "txt": self = .text
        case "json":
            let named = parts.count >= 3 ? ExportFormat(argument: String(parts[parts.count - 2])) : nil
            self = named.flatMap { $0 == .stix || $0 == .misp ? $0 : nil } ?? .json
        default: return nil
        }
    }

    /// A file name of this format, as `dossier build` names its exports.
    var fileNameExample: String {
        switch self {
        case .csv: "indicators.csv"
        case .json: "indicators.json"
        case .stix: "indicators.stix.json"
        case .misp: "indicators.misp.json"
        case .text: "indicators.txt"
        }
    }
}
