import Foundation

/// Issue 6's targets for 1,000 x 1,000 x 10 on a 2-core machine, and whether each was met.
enum Targets {
    /// - Parameter floors: what reading the workspace and writing the internal site take alone,
    ///   named beside the targets they bound (the rebuild must read every file; the build must
    ///   write every byte).
    static func lines(_ steps: DossierSteps.Results, shape: WorkspaceShape, floors: InputOutputFloor.Result? = nil) -> [String] {
        func verdict(_ outcome: StepOutcome, _ limit: Double) -> String {
            guard let m = outcome.measurement else { return "not available" }
            if m.timedOut { return String(format: "over %.0f s (timed out): missed", m.wall) }
            if m.exitCode != 0 { return "failed (exit \(m.exitCode))" }
            return String(format: "%.2f s: %@", m.wall, m.wall <= limit ? "met" : "missed")
        }
        func bound(_ floor: StepOutcome?, _ what: String) -> String {
            guard let m = floor?.measurement, m.exitCode == 0 else { return "" }
            return String(format: " (%@ alone: %.2f s)", what, m.wall)
        }
        func label(_ text: String) -> String { "  " + text.padding(toLength: Table.width, withPad: " ", startingAt: 0) }
        let measured = [steps.check, steps.checkFilling, steps.checkWarm, steps.buildInternal, steps.buildPublic, steps.lookup, steps.rebuild, steps.add]
            .compactMap(\.measurement)
        let peak = measured.map(\.peakBytes).max()
        let memory = peak.map { String(format: "%.0f MB: %@", Double($0) / 1_048_576, $0 <= 2 << 30 ? "met" : "missed") } ?? "not available"
        return [
            shape.projects == 1_000 && shape.indicators == 1_000 && shape.notes == 10
                ? "Targets (issue 6, for 1,000 x 1,000 x 10 on 2 cores):"
                : "Targets (issue 6, set for 1,000 x 1,000 x 10 on 2 cores; this run is another shape, so the verdicts are only indicative):",
            label("check at most 1.5 s (no cache)") + verdict(steps.check, 1.5),
            label("check at most 1.5 s (cache warm)") + verdict(steps.checkWarm, 1.5),
            label("build --internal at most 5 s") + verdict(steps.buildInternal, 5) + bound(floors?.write, "writing its bytes"),
            label("one-project rebuild at most 0.5 s") + verdict(steps.rebuild, 0.5) + bound(floors?.read, "reading every workspace file"),
            label("peak memory of any step at most 2 GB") + memory,
        ]
    }
}
