import ArgumentParser
import DossierCore
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a project: project.json, an empty indicators.json and a starter note.",
        discussion: """
            Projects are private and TLP:AMBER unless told otherwise. --public makes the project \
            publishable by `dossier build`, which requires TLP:CLEAR.

            Notes are Markdown files in the project's notes/ folder (any name ending in .md; \
            reports show them in file-name order). Front matter is optional; its keys are title, \
            author, date (YYYY-MM-DD) and visibility (private keeps a note of a public project \
            out of every public output; a note is otherwise as public as its project):
              ---
              title: Infrastructure
              author: jdoe
              date: 2026-11-02
              visibility: private
              ---
              The kit posts credentials to hxxps://payroll-acme[.]com/gate.php ...
            An indicator written in a note but not recorded is a warning of `dossier check`; \
            `dossier add PROJECT - --extract < notes/02-infrastructure.md` records them (add \
            --private for a private note of a public project, or the public site shows them).

            Examples:
              dossier new acme-payroll-phish --title "ACME payroll phishing" --owner jdoe
              dossier new vpn-bruteforce-2026 --public
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Folder name of the project: lower-case letters, digits, '-', '_' and '.' (e.g. acme-payroll-phish).")
    var slug: String

    @Option(help: "Project title (default: from the slug).")
    var title: String?

    @Flag(help: "Make the project public (published by `dossier build`); implies --tlp clear.")
    var `public` = false

    @Option(help: ArgumentHelp("Traffic Light Protocol 2.0 marking: \(TLP.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "tlp"))
    var tlp: TLP?

    @Option(help: "Who owns the investigation.")
    var owner: String?

    func validate() throws {
        if let problem = Scaffold.slugProblem(slug) {
            // Most often a title given where the folder's name goes: the slug it makes, and the
            // title kept as the title.
            let hint = Scaffold.suggestedSlug(for: slug).map { suggested in
                // The project may be there already: then it is the one meant.
                if let root = global.quietRoot, FileManager.default.fileExists(atPath: root + "/" + suggested + "/" + ProjectFiles.project) {
                    return "; the workspace has a project \(suggested) already (dossier add \(suggested) VALUE... adds to it)"
                }
                let shown = slug.trimmingCharacters(in: .whitespacesAndNewlines)
                return "; did you mean dossier new \(Console.shellWord(suggested))" + (title == nil ? (shown.hasPrefix("-") ? " --title=\(Console.shellWord(shown))" : " --title \(Console.shellWord(shown))") : "") + "?"
            } ?? ""
            throw ValidationError("cannot use \"\(slug)\" as a project name: \(problem)\(hint)")
        }
        if let title, title.allSatisfy(\.isWhitespace) {
            throw ValidationError("--title is blank: a report would start with an empty heading; give a title, or leave --title out for one made from the slug")
        }
        if `public`, let tlp, tlp != .clear {
            throw ValidationError("a public project must be TLP:CLEAR; drop --tlp \(tlp.rawValue) or --public")
        }
    }

    func run() throws {
        let root = try global.root()
        let folder: String
        do {
            folder = try Scaffold.newProject(
                in: root, slug: slug, title: title, visibility: `public` ? .public : .private,
                tlp: tlp ?? (`public` ? .clear : .amber), owner: owner, today: Scaffold.today())
        } catch {
            Console.error(error)
            throw ExitCode(1)
        }
        global.say("Created project \(slug) in \(Console.printer.displayPath(folder))")
    }
}
