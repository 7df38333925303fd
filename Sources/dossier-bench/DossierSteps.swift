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
        defer { for (path, bytes) in originals { try? FileOutput.write(bytes, to: path) } }

        let internalOut = scratch + "/site-internal"
        let publicOut = scratch + "/site-public"
        let check = step("check", ["check", "-w", root])
        let checkSummary = ChildProcess.lastLine(of: scratch + "/check.err")
        let buildInternal = step("build", ["build", "--internal", "--out", internalOut, "-w", root])
        let buildPublic = step("build", ["build", "--out", publicOut, "-w", root])
        let lookup = step("lookup", ["lookup", "-w", root] + LookupSample.values(shape: shape, root: root))

        var rebuild = StepOutcome.notAvailable("needs build")
        if case .measured(let first) = buildInternal, first.exitCode == 0 {
            var project = edited.project
            if !project.indicators.isEmpty { project.indicators[0].comment = "Edited by dossier-bench for the rebuild" }
            try FileOutput.write(CanonicalJSON.indicatorsFile(project), to: project.indicatorsFile)
            rebuild = step("build", ["build", "--internal", "--out", internalOut, "-w", root], log: "rebuild")
        }
        let add = step("add", ["add", addedTo.project.slug, "bench-added-\(shape.seed).example", "--tag", "Blocked", "-w", root])
        return Results(
            check: check, buildInternal: buildInternal, buildPublic: buildPublic, lookup: lookup, rebuild: rebuild,
            add: add, checkSummary: checkSummary)
    }

    /// Runs one dossier command, or says it is not available: the binary lacks the subcommand
    /// (its help does not name it, or it exits 64 as for an unknown argument).
    private func step(_ subcommand: String, _ arguments: [String], log: String? = nil) -> StepOutcome {
        guard has(subcommand) else { return .notAvailable("this dossier has no `\(subcommand)` command yet") }
        let name = log ?? arguments.prefix(2).joined(separator: "-").replacingOccurrences(of: "/", with: "")
        do {
            let measured = try ChildProcess.run(dossier, arguments, stderr: scratch + "/\(name).err")
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
        guard let probe = try? ChildProcess.run(dossier, [subcommand, "--help"], stdout: help, stderr: help + ".err"),
            probe.exitCode == 0, let text = FileManager.default.contents(atPath: help)
        else { return false }
        return String(decoding: text, as: UTF8.self).contains("dossier \(subcommand)")
    }
}

/// The values the lookup step asks for: from ten projects spread over the workspace, half of them
/// recorded in several projects and half in one, every other one defanged as an analyst would paste it.
/// Only strict types, which `lookup` detects from a bare value.
enum LookupSample {
    static func values(shape: WorkspaceShape, root: String, count: Int = 100) -> [String] {
        let generator = ProjectGenerator(shape: shape, root: root)
        let projects = Array(Set((0..<10).map { $0 * shape.projects / 10 })).sorted()
        let perProject = max(1, count / projects.count)
        var values: [String] = []
        for index in projects {
            let indicators = generator.make(index).project.indicators
            let split = min(shape.sharedPerProject, indicators.count)
            let shared = indicators[..<split].filter { $0.type.isStrict }
            let unique = indicators[split...].filter { $0.type.isStrict }
            for indicator in spread(shared, perProject / 2) + spread(unique, perProject - min(shared.count, perProject / 2)) {
                values.append(values.count % 2 == 0 ? Indicators.defang(indicator.value, as: indicator.type) : indicator.value)
            }
        }
        return Array(values.prefix(count))
    }

    /// Up to `count` elements spread evenly over `items`.
    static func spread<T>(_ items: [T], _ count: Int) -> [T] {
        guard count > 0, !items.isEmpty else { return [] }
        let step = max(1, items.count / count)
        return Array(stride(from: 0, to: items.count, by: step).prefix(count).map { items[$0] })
    }
}
