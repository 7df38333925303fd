import ArgumentParser
import DossierCore
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a project: project.json, an empty indicators.json and a starter note.",
        discussion: """
            Projects are private and TLP:AMBER unless told otherwise. --public makes the project \
            publishable by `dossier build`, which requires TLP:CLEAR.

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
            throw ValidationError("cannot use \"\(slug)\" as a project name: \(problem)")
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
            Console.error(error.description)
            throw ExitCode(1)
        }
        global.say("Created project \(slug) in \(Console.printer.displayPath(folder))")
    }
}

extension TLP: ExpressibleByArgument {}
extension Classification: ExpressibleByArgument {}
extension IndicatorType: ExpressibleByArgument {}
