import DossierCore
import Foundation

/// Where the CLI's output goes: results on standard output, diagnostics and progress on standard
/// error, so that `dossier report x > file` stays clean.
enum Console {
    static let printer = DiagnosticPrinter()

    /// A line of a command's output (never a report or an export, which are written as files
    /// are): control characters escaped (`DiagnosticPrinter.escapingControls`), so that a value
    /// an import took from a feed cannot send the terminal an escape sequence.
    static func out(_ line: String) {
        print(DiagnosticPrinter.escapingControls(line, keepingLines: true))
    }

    /// One line, as a diagnostic is (`DiagnosticPrinter.oneLine`): a value given with a line break
    /// or 70 KB long is quoted escaped and cut.
    static func error(_ message: String, at place: String? = nil) {
        let line = (place.map { "\($0): " } ?? "") + "error: \(message)"
        FileHandle.standardError.write(Data(DiagnosticPrinter.oneLine(line).utf8 + [0x0A]))
    }

    /// A file that could not be written, named relative to the current folder as diagnostics are.
    static func error(_ failure: WriteError) {
        error(failure.description(showingPaths: printer.displayPath))
    }

    static func error(_ failure: Scaffold.Failure) {
        // A folder named as a sentence can say it: "the current folder", not ".".
        error(failure.description { path in
            let shown = printer.displayPath(path)
            return shown == "." ? "the current folder" : shown
        })
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(DiagnosticPrinter.escapingControls(message, keepingLines: true))\n".utf8))
    }

    static func report(_ diagnostics: DiagnosticList) {
        var text = ""
        for diagnostic in diagnostics.sorted {
            text += printer.format(diagnostic) + "\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// `value` as one word of a shell command: as it is when it holds nothing a shell reads
    /// (most values), else in single quotes (a URL's `?` and `&`).
    static func shellWord(_ value: String) -> String {
        ShellWord.quoted(value)
    }

    /// `values` as the last words of a shell command: each a `shellWord`, after `--` when one
    /// starts with `-` (it would be read as an option).
    static func shellWords(_ values: [String]) -> String {
        (values.contains { $0.hasPrefix("-") } ? "-- " : "") + values.map(shellWord).joined(separator: " ")
    }

    /// An internal output's errors that only a public one stops at (a private value it would
    /// publish): each in full, since a public build will refuse until they are mended.
    static func mention(publicOnlyErrors errors: [Diagnostic]) {
        guard !errors.isEmpty else { return }
        report(DiagnosticList(errors))
        let count = errors.count == 1 ? "this error stops" : "these \(errors.count) errors stop"
        note("note: \(count) a public output, not an internal one, which publishes nothing")
    }

    /// One line about the warnings, for commands whose job is not checking: the workspace's, or
    /// those of `project`'s files (and the workspace's own), which an internal report of it
    /// alone is given. Public output first says whole those about what it shows
    /// (`PublicationRisk`), in the files under `publishing` (the workspace's, or a reported
    /// project's folder), `--quiet` or not; the line counts the others, and `--quiet` drops it.
    static func mention(warnings: [Diagnostic], ofProject project: String? = nil, publishing: String? = nil, quiet: Bool) {
        let risks = publishing.map { folder in
            warnings.filter { PublicationRisk.concerns($0) && $0.location?.path.hasPrefix(folder + "/") == true }
        } ?? []
        report(DiagnosticList(risks))
        let others = warnings.count - risks.count
        guard others > 0, !quiet else { return }
        let count = (others == 1 ? "1 warning" : "\(others) warnings") + (risks.isEmpty ? "" : " more")
        let whose = project.map { "the files of \($0) and the workspace's own have" } ?? "the workspace has"
        note("warning: \(whose) \(count); run `dossier check` to see them")
    }
}
