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
            Init.self, New.self, Add.self, TagCommand.self, Untag.self, Classify.self, Remove.self, ImportCommand.self, ExportCommand.self, LookupCommand.self, Check.self, Fmt.self, Report.self, Build.self,
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
        // `init` makes the workspace in the folder it is given: it takes no --workspace.
        if reordered.first == "init", reordered.contains(where: { $0 == "-w" || $0 == "--workspace" || $0.hasPrefix("--workspace=") }) {
            Self.exit(withError: ValidationError("init makes the workspace in the folder it is given, and takes no --workspace: dossier init DIR"))
        }
        // A mistyped command, named as such (the parser would list every word as unexpected),
        // also after `help` (which would show the overview, and exit 0).
        let named = reordered.first == "help" ? reordered.dropFirst().first : reordered.first
        if let word = named, !word.hasPrefix("-"), !Self.commandNames.contains(word), word != "help" {
            let meant = ClosestName.find(word, in: Self.commandNames).map { " Did you mean \"\($0)\"?" } ?? ""
            Self.exit(withError: ValidationError("no command \"\(word)\".\(meant) The commands: \(Self.commandNames.joined(separator: ", ")) (dossier --help says what each does)"))
        }
        // A value that starts with a dash (`--comment "-5 score"`) is read as an option, and the
        // parser says only that the value is missing: said how to give it.
        // (Parsed as the parser is given them below: a long run of values shortened.)
        if let hint = DashValue.hint(for: LongValueRun(in: reordered)?.shortened ?? reordered) { Self.exit(withError: ValidationError(hint)) }
        // A long run of values is parsed as one placeholder, put back after parsing; any failure
        // is left to the parser given everything, so errors read as they always do.
        guard let run = LongValueRun(in: reordered), var command = try? parseAsRoot(run.shortened),
              var listing = command as? any TakesValueList, listing.putBack(run) else {
            return main(reordered)
        }
        do {
            try listing.validate()
            command = listing
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

extension Dossier {
    /// Every command's name and aliases.
    static var commandNames: [String] {
        configuration.subcommands.flatMap { command in
            [command.configuration.commandName ?? String(describing: command).lowercased()] + command.configuration.aliases
        }
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


/// A command whose last positional argument is a list of values (indicators, files).
protocol TakesValueList: ParsableCommand {
    static var valueList: WritableKeyPath<Self, [String]> { get }
}

extension TakesValueList {
    /// Puts `run`'s values in the place of its placeholder; false when the placeholder is not
    /// among the command's values.
    mutating func putBack(_ run: LongValueRun) -> Bool {
        guard let place = self[keyPath: Self.valueList].firstIndex(of: LongValueRun.placeholder) else { return false }
        self[keyPath: Self.valueList].replaceSubrange(place...place, with: run.held)
        return true
    }
}

/// A long run of values on the command line (`dossier add P $(cat iocs.txt) --tag T`), handed to
/// the argument parser as one placeholder: the parser's time grows with the square of the values
/// it is given (2.4 s for 8,000, a minute for 30,000), this way with their number.
struct LongValueRun {
    /// Runs shorter than this are handed to the parser as they are.
    static let threshold = 512
    /// The first arguments of a run stay with the parser, which may read them as the command, an
    /// option's value or the positional arguments before the values (`tag PROJECT TAG VALUE...`).
    static let kept = 4
    /// Not a value anyone types: it starts with a control character.
    static let placeholder = "\u{1}dossier: values held back from the parser\u{1}"

    /// The arguments with the run's values after the first `kept` replaced by the placeholder.
    var shortened: [String]
    var held: [String]

    /// The longest run of arguments that do not start with `-`; nil when it is short.
    init?(in arguments: [String]) {
        var longest = 0..<0
        var start = 0
        for (position, argument) in arguments.enumerated() where argument.hasPrefix("-") {
            if position - start > longest.count { longest = start..<position }
            start = position + 1
        }
        if arguments.count - start > longest.count { longest = start..<arguments.count }
        guard longest.count >= Self.threshold else { return nil }
        let values = (longest.lowerBound + Self.kept)..<longest.upperBound
        held = Array(arguments[values])
        shortened = arguments
        shortened.replaceSubrange(values, with: [Self.placeholder])
    }
}

/// An option's value that starts with a dash, which the parser takes for an option.
enum DashValue {
    /// A word that starts with a dash but is written as no option is (`--name`, `-x`, `-xyz`,
    /// `--`, `-`).
    static func isDashValue(_ word: String) -> Bool {
        guard word.hasPrefix("-"), word != "-", word != "--" else { return false }
        let name = word.hasPrefix("--") ? word.dropFirst(2) : word.dropFirst()
        let isOptionName = name.first?.isLetter == true && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } && name.last != "-"
        return !isOptionName
    }

    /// What to say when parsing `arguments` fails for a missing value that the next argument,
    /// starting with a dash, was meant to be; nil otherwise.
    static func hint(for arguments: [String]) -> String? {
        // Only where an option is followed by a word with a dash that no option is written as
        // (`-5 score`, `-draft-`; not `--private`, `-q`, `--`): a forgotten value is the parser's
        // to say. Most command lines have none, and are parsed once.
        guard zip(arguments, arguments.dropFirst()).contains(where: { $0.hasPrefix("-") && isDashValue($1) }) else { return nil }
        do {
            _ = try Dossier.parseAsRoot(arguments)
            return nil
        } catch {
            let message = Dossier.message(for: error)
            // "Missing value for '--comment <comment>'": the option's name, as written.
            guard message.hasPrefix("Missing value for '"), let shown = message.split(separator: "'").dropFirst().first,
                  let option = shown.split(separator: " ").first,
                  let at = arguments.firstIndex(where: { $0 == option }),
                  at + 1 < arguments.count, case let next = arguments[at + 1], isDashValue(next) else { return nil }
            return "\(arguments[at]) has no value: \(Console.shellWord(next)) starts with a dash and is read as an option; give it after an equals sign: \(arguments[at])=\(Console.shellWord(next))"
        }
    }
}
