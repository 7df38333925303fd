import ArgumentParser
import DossierCore

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Keep threat-intelligence investigations in git: validate, edit, correlate and publish them.",
        discussion: """
            A workspace is a folder holding dossier.json; each direct subfolder with a project.json is a \
            project (an investigation) with indicators.json and notes/*.md. Commands find the workspace \
            like git finds a repository: --workspace DIR, else the nearest folder at or above the \
            current one that holds dossier.json.

            Start with `dossier init`, then `dossier new SLUG`, `dossier add SLUG VALUE...` and `dossier check`.

            The options every command takes (--workspace/-w, --quiet/-q) may also come before the \
            command: `dossier -w ~/intel check`.
            """,
        version: DossierVersion.current,
        subcommands: [
            Init.self, New.self, Add.self, TagCommand.self, Untag.self, Classify.self, ImportCommand.self, ExportCommand.self, LookupCommand.self, Check.self, Fmt.self, Report.self, Build.self,
        ]
    )
}

extension Dossier {
    /// Runs the command line with the options every command takes moved after the command when
    /// they come before it (`dossier -w DIR check`, as `git -C DIR status`): the argument parser
    /// knows them only as the commands' own.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let reordered = LeadingOptions.movedAfterCommand(arguments) else {
            Self.exit(withError: ValidationError("--workspace/-w and --quiet/-q go with a command, before or after it: dossier -w DIR check"))
        }
        main(reordered)
    }
}

/// `GlobalOptions` written before the command.
enum LeadingOptions {
    /// `arguments` with the global options before the command moved just after it; unchanged when
    /// there are none, or when what follows them is an option (the parser then says what is
    /// wrong); nil when nothing follows them.
    static func movedAfterCommand(_ arguments: [String]) -> [String]? {
        var leading: [String] = []
        var rest = arguments[...]
        scan: while let first = rest.first {
            switch first {
            case "-q", "--quiet":
                leading.append(first)
                rest = rest.dropFirst()
            case "-w", "--workspace":
                guard rest.count >= 2 else { break scan }
                leading += rest.prefix(2)
                rest = rest.dropFirst(2)
            case _ where first.hasPrefix("--workspace="):
                leading.append(first)
                rest = rest.dropFirst()
            default:
                break scan
            }
        }
        guard !leading.isEmpty else { return arguments }
        guard let command = rest.first else { return nil }
        guard !command.hasPrefix("-") else { return arguments }
        return [command] + leading + Array(rest.dropFirst())
    }
}

