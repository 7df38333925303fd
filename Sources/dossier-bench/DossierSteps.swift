import DossierCore
import Foundation

/// Times the `dossier` binary on the workspace: check, both builds, 100 lookups in one invocation,
/// a rebuild after a one-project edit, and one add. A subcommand the binary does not have yet is
/// reported as not available. Every file a step edits is restored afterwards.
struct DossierSteps {
    let dossier: String
    let root: String
    let shape: WorkspaceShape
    let scratch: String
    /// Seconds after which a step is killed (and reported as timed out).
    var timeout: Double = .infinity

    struct Results {
        var check: StepOutcome
        var buildInternal: StepOutcome
        var buildPublic: StepOutcome
        var lookup: StepOutcome
        var rebuild: StepOutcome
        var add: StepOutcome
        var checkSummary = ""
    }

    func run() throws(BenchError) -> Results {
        let generator = ProjectGenerator(shape: shape, root: root)
        let edited = generator.make(shape.projects / 2)
        let addedTo = generator.make((shape.projects / 2 + 1) % shape.projects)
        let touched = [edited.project.indicatorsFile, edited.project.projectFile, addedTo.project.indicatorsFile, addedTo.project.projectFile]
        var originals: [(String, [UInt8])] = []
        for path in touched where !originals.contains(where: { $0.0 == path }) {
            originals.append((path, try FileOutput.read(path)))
        }
        // Without its marker while edited, a kept workspace interrupted mid-run is generated again.
        let marker = root + "/" + WorkspaceShape.markerName
        let hadMarker = FileManager.default.fileExists(atPath: marker)
        FileOutput.remove(marker)
        defer {
            for (path, bytes) in originals { try? FileOutput.write(bytes, to: path) }
            if hadMarker { try? FileOutput.write(shape.marker, to: marker) }
        }

        let internalOut = scratch + "/site-internal"
        let publicOut = scratch + "/site-public"
        let check = step("check", ["check", "-w", root], log: "check")
        let checkSummary = [ChildProcess.lastLine(of: scratch + "/check.err"), ChildProcess.lastLine(of: scratch + "/check.out")]
            .first { $0.contains(" in ") && $0.contains("error") } ?? ""
        let buildInternal = step("build", ["build", "--internal", "--out", internalOut, "-w", root], log: "build-internal")
        let buildPublic = step("build", ["build", "--out", publicOut, "-w", root], log: "build-public")
        let values = LookupSample.values(shape: shape, root: root)
        let lookup = step("lookup", ["lookup", "-w", root] + values, log: "lookup")

        var rebuild = StepOutcome.notAvailable("needs a successful build --internal")
        if case .measured(let first) = buildInternal, first.exitCode == 0 {
            var project = edited.project
            if !project.indicators.isEmpty { project.indicators[0].comment = "Edited by dossier-bench for the rebuild" }
            try FileOutput.write(CanonicalJSON.indicatorsFile(project), to: project.indicatorsFile)
            rebuild = step("build", ["build", "--internal", "--out", internalOut, "-w", root], log: "rebuild")
        }
        let add = step("add", ["add", addedTo.project.slug, "bench-added-\(shape.seed).example", "--tag", "Blocked", "-w", root], log: "add")
        return Results(
            check: check, buildInternal: buildInternal, buildPublic: buildPublic, lookup: lookup, rebuild: rebuild,
            add: add, checkSummary: checkSummary)
    }

    /// Runs one dossier command, or says it is not available: the binary lacks the subcommand
    /// (its help does not name it, or it exits 64 as for an unknown argument).
    private func step(_ subcommand: String, _ arguments: [String], log: String) -> StepOutcome {
        guard has(subcommand) else { return .notAvailable("this dossier has no `\(subcommand)` command yet") }
        Console.note("dossier " + log)
        do {
            let measured = try ChildProcess.run(
                dossier, arguments, stdout: scratch + "/\(log).out", stderr: scratch + "/\(log).err", timeout: timeout)
            if measured.exitCode == 64 {
                return .notAvailable("exit 64 (usage): " + measured.errorOutput.replacingOccurrences(of: "\n", with: " "))
            }
            return .measured(measured)
        } catch {
            return .notAvailable(error.description)
        }
    }

    private func has(_ subcommand: String) -> Bool {
        let help = scratch + "/help-\(subcommand).txt"
        guard let probe = try? ChildProcess.run(dossier, [subcommand, "--help"], stdout: help, stderr: help + ".err", timeout: 60),
            probe.exitCode == 0, let text = FileManager.default.contents(atPath: help)
        else { return false }
        return String(decoding: text, as: UTF8.self).contains("dossier \(subcommand)")
    }
}
