import DossierCore
import Foundation

/// Times the `dossier` binary on the workspace: check, both builds, 100 lookups in one invocation,
/// a rebuild after a one-project edit, and one add. A subcommand the binary does not have yet is
/// reported as not available. Every file a step edits is restored afterwards.
///
/// `check` runs three ways: without the project cache (`--no-cache`, what the floor compares
/// with), once filling an empty cache, and with the cache warm. The full builds run without it, as
/// a first build would; the rebuild takes it as the check left it, as after any earlier command.
/// The cache lives in the scratch folder (`DOSSIER_CACHE_DIR`), never in the user's.
struct DossierSteps {
    let dossier: String
    let root: String
    let shape: WorkspaceShape
    let scratch: String
    /// Seconds after which a step is killed (and reported as timed out).
    var timeout: Double = .infinity

    struct Results {
        var check: StepOutcome
        var checkFilling: StepOutcome
        var checkWarm: StepOutcome
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
        let cache = scratch + "/cache"
        FileOutput.remove(cache)
        setenv("DOSSIER_CACHE_DIR", cache, 1)
        let check = try step("check", ["check", "--no-cache", "-w", root], log: "check", runs: Self.shortStepRuns)
        let checkFilling = try step("check", ["check", "-w", root], log: "check-filling")
        let checkWarm = try step("check", ["check", "-w", root], log: "check-warm", runs: Self.shortStepRuns)
        let checkSummary = [ChildProcess.lastLine(of: scratch + "/check.err"), ChildProcess.lastLine(of: scratch + "/check.out")]
            .first { $0.contains(" in ") && $0.contains("error") } ?? ""
        let buildInternal = try step("build", ["build", "--internal", "--no-cache", "--out", internalOut, "-w", root], log: "build-internal")
        let buildPublic = try step("build", ["build", "--no-cache", "--out", publicOut, "-w", root], log: "build-public")
        let values = LookupSample.values(shape: shape, root: root)
        let lookup = try step("lookup", ["lookup", "-w", root] + values, log: "lookup", runs: Self.shortStepRuns)

        var rebuild = StepOutcome.notAvailable("needs a successful build --internal")
        if case .measured(let first) = buildInternal, first.exitCode == 0 {
            // Each run follows its own edit of the same comment, so each renders the same pages again.
            var edit = 0
            rebuild = try step("build", ["build", "--internal", "--out", internalOut, "-w", root], log: "rebuild", runs: Self.shortStepRuns) { () throws(BenchError) in
                edit += 1
                var project = edited.project
                if !project.indicators.isEmpty { project.indicators[0].comment = "Edited by dossier-bench for the rebuild (\(edit))" }
                try FileOutput.write(CanonicalJSON.indicatorsFile(project), to: project.indicatorsFile)
            }
        }
        let add = try step("add", ["add", addedTo.project.slug, "bench-added-\(shape.seed).example", "--tag", "Blocked", "-w", root], log: "add")
        return Results(
            check: check, checkFilling: checkFilling, checkWarm: checkWarm, buildInternal: buildInternal, buildPublic: buildPublic, lookup: lookup, rebuild: rebuild,
            add: add, checkSummary: checkSummary)
    }

    /// How many times the steps of a few seconds run (the median is reported); the builds of a
    /// minute run once.
    static let shortStepRuns = 3

    /// Runs one dossier command `runs` times (each after `prepare`) and gives the median run, or
    /// says it is not available: the binary lacks the subcommand (its help does not name it, or it
    /// exits 64 as for an unknown argument).
    private func step(_ subcommand: String, _ arguments: [String], log: String, runs: Int = 1,
        prepare: () throws(BenchError) -> Void = {}) throws(BenchError) -> StepOutcome {
        guard has(subcommand) else { return .notAvailable("this dossier has no `\(subcommand)` command yet") }
        Console.note("dossier " + log + (runs > 1 ? " (\(runs) runs)" : ""))
        var measured: [Measurement] = []
        for _ in 0..<runs {
            try prepare()
            do {
                let run = try ChildProcess.run(
                    dossier, arguments, stdout: scratch + "/\(log).out", stderr: scratch + "/\(log).err", timeout: timeout)
                if run.exitCode == 64 {
                    return .notAvailable("exit 64 (usage): " + run.errorOutput.replacingOccurrences(of: "\n", with: " "))
                }
                measured.append(run)
            } catch {
                return .notAvailable(error.description)
            }
        }
        return .measured(Measurement.median(measured))
    }

    private func has(_ subcommand: String) -> Bool {
        let help = scratch + "/help-\(subcommand).txt"
        guard let probe = try? ChildProcess.run(dossier, [subcommand, "--help"], stdout: help, stderr: help + ".err", timeout: 60),
            probe.exitCode == 0, let text = FileManager.default.contents(atPath: help)
        else { return false }
        return String(decoding: text, as: UTF8.self).contains("dossier \(subcommand)")
    }
}
