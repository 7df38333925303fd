import ArgumentParser

/// `dossier-bench generate OUT`: writes a synthetic workspace and says how big it is.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic workspace (deterministic: the same seed gives the same bytes).")

    @Argument(help: "The folder to create; it must be new or empty.")
    var out: String

    @OptionGroup var shape: ShapeOptions

    func validate() throws {
        guard FileOutput.isEmptyOrMissing(out) else { throw ValidationError("\(out) is not empty") }
    }

    func run() throws {
        do {
            let summary = try WorkspaceGenerator.generate(shape.shape, into: out)
            Console.out(String(format: "%@: %d projects, %d indicators, %d notes, %d files, %.1f MB in %.2f s",
                out, shape.projects, summary.indicators, summary.notes, summary.files, Double(summary.bytes) / 1e6, summary.seconds))
        } catch {
            Console.note(error.description)
            throw ExitCode(1)
        }
    }
}
