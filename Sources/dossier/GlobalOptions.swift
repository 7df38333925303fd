import ArgumentParser
import DossierCore
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: [.customShort("w"), .long], help: ArgumentHelp(
        "The workspace folder (the one holding dossier.json).",
        discussion: "Default: the nearest folder at or above the current one that holds dossier.json.",
        valueName: "dir"))
    var workspace: String?

    @Flag(name: [.customShort("q"), .long], help: "Print only errors and warnings.")
    var quiet = false

    /// The workspace of a project given as a path to its folder (`dossier add
    /// /work/intel/acme-phish ...` run from anywhere), when no --workspace is: the folder holding
    /// it. Set once, by `project(_:)`, before any other use of the workspace; a command runs once
    /// per process.
    nonisolated(unsafe) private static var projectsWorkspace: String?

    /// The workspace's folder, or nil, said nowhere: for a hint that needs it only if it is there.
    var quietRoot: String? { try? WorkspaceLocator.locate(explicit: workspace ?? Self.projectsWorkspace) }

    /// The workspace root, or exit 1 with a message that says how to get one.
    func root() throws -> String {
        do {
            return try WorkspaceLocator.locate(explicit: workspace ?? Self.projectsWorkspace)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }

    /// The project a PROJECT argument names (`ProjectArgument.slug`): its folder name, or a path
    /// to its folder, which must lie in this workspace (a path into another workspace would
    /// otherwise name the project of the same name here). Without --workspace, a path to a
    /// project folder names its workspace too: the folder holding it.
    func project(_ argument: String) throws -> String {
        guard argument.hasPrefix("/") else { return argument }
        if workspace == nil { Self.projectsWorkspace = (argument as NSString).deletingLastPathComponent }
        let root = try root()
        let resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard (argument as NSString).deletingLastPathComponent == resolvedRoot else {
            Console.error("\(argument) is no project folder of the workspace in \(Console.printer.displayPath(root)); give a project of it, or --workspace for that one")
            throw ExitCode(1)
        }
        return (argument as NSString).lastPathComponent
    }

    /// Loads the workspace. Diagnostics are the caller's to print.
    func load() throws -> LoadedWorkspace {
        WorkspaceLoader.load(root: try root())
    }

    func say(_ line: String) {
        if !quiet { Console.out(line) }
    }
}
