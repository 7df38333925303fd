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
            """,
        version: DossierVersion.current,
        subcommands: [
            Init.self, New.self, Add.self, TagCommand.self, Untag.self, Classify.self, ImportCommand.self, ExportCommand.self, LookupCommand.self, Check.self, Fmt.self, Report.self, Build.self,
        ]
    )
}
