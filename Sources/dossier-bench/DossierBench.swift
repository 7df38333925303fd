import ArgumentParser

/// The benchmark of issue 6: generates synthetic workspaces and times dossier on them against a
/// floor (C parsers over the same files) and a peer (Hugo building the same content).
/// Not part of the test suite.
@main
struct DossierBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier-bench",
        abstract: "Generate synthetic dossier workspaces and time dossier on them.",
        discussion: """
            Build in release mode first: `swift build -c release && .build/release/dossier-bench run`.
            """,
        subcommands: [Generate.self, Run.self]
    )
}

/// The size and seed options shared by both subcommands.
struct ShapeOptions: ParsableArguments {
    @Option(help: "Number of projects (a third of them public).")
    var projects = 1_000

    @Option(help: "Indicators per project (about a tenth also recorded in other projects).")
    var indicators = 1_000

    @Option(help: "Markdown notes per project (about 3 KB each).")
    var notes = 10

    @Option(help: "Seed of the generator: the same seed gives the same bytes.")
    var seed: UInt64 = 1

    var shape: WorkspaceShape {
        WorkspaceShape(projects: projects, indicators: indicators, notes: notes, seed: seed)
    }

    func validate() throws {
        guard projects >= 1 else { throw ValidationError("--projects must be at least 1") }
        guard indicators >= 0, notes >= 0 else { throw ValidationError("--indicators and --notes cannot be negative") }
        guard projects <= 9_999, indicators <= 1_000_000 else {
            throw ValidationError("at most 9,999 projects and 1,000,000 indicators per project")
        }
    }
}
