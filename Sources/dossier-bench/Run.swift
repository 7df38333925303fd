import ArgumentParser
import Foundation

/// `dossier-bench run`: times the built dossier on a synthetic workspace, with the floor and the peer.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time dossier's check, builds, lookup, one-project rebuild and add, against cmark + Python json and Hugo.")

    @OptionGroup var shape: ShapeOptions

    @Option(help: ArgumentHelp("The dossier binary to time.", discussion: "Default: the dossier next to dossier-bench.", valueName: "path"))
    var dossier: String?

    @Option(help: ArgumentHelp("Keep the workspace in this folder and reuse it on the next run of the same shape.", valueName: "dir"))
    var keep: String?

    @Flag(help: "Skip the floor (cmark, python3) and the peer (hugo).")
    var noPeers = false

    @Flag(help: "Keep the scratch folder (dossier's sites, the Hugo site, logs) and print its path.")
    var keepOutputs = false

    @Option(help: ArgumentHelp("Kill a dossier step or Hugo after this many seconds and report it as timed out.", valueName: "seconds"))
    var timeout: Double = 900

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        let binary = dossier.map(FileOutput.absolute) ?? Self.siblingDossier()
        do {
            try BenchmarkRun(shape: shape.shape, dossier: binary, keep: keep, peers: !noPeers, keepOutputs: keepOutputs, timeout: timeout).run()
        } catch {
            Console.note(error.description)
            throw ExitCode(1)
        }
    }

    /// `dossier` in the folder of this executable (e.g. `.build/release`).
    static func siblingDossier() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (FileOutput.absolute(me) as NSString).deletingLastPathComponent + "/dossier"
    }
}
