import ArgumentParser
import DossierCore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a new workspace: dossier.json with the starter tag vocabulary, and a .gitignore.",
        discussion: """
            The vocabulary starts with Blocked (malicious), Quarantine and Abuse Box (suspicious), \
            Company Name (non-malicious, private) and Newly Observed (unknown); edit dossier.json to add \
            your own. Refuses a folder that already holds dossier.json, or that lies inside a workspace \
            (a project folder made a workspace would stop being a project).

            Examples:
              dossier init my-cti --title "ACME Threat Intelligence"
              cd my-cti && git init && dossier new acme-payroll-phish
            """)

    @Argument(help: "Folder to make a workspace of (created if missing).")
    var directory: String = "."

    @Option(help: "Workspace title shown on the site's index.")
    var title: String?

    @Flag(name: [.customShort("q"), .long], help: "Print nothing on success.")
    var quiet = false

    func validate() throws {
        if let title, Tag.isBlank(title) {
            throw ValidationError("--title is blank: the site's index would have an empty title; give a title, or leave --title out for one made from the folder's name")
        }
    }

    func run() throws {
        let folder = WorkspaceLocator.absolute(directory, from: FileManager.default.currentDirectoryPath)
        do {
            try Scaffold.initialize(folder: folder, title: title)
        } catch {
            Console.error(error)
            throw ExitCode(1)
        }
        if !quiet {
            Console.out("Initialized a dossier workspace in \(Console.printer.displayPath(folder))")
            Console.out("Next: dossier new SLUG --title \"...\"")
        }
    }
}
