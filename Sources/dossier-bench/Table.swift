import Foundation

/// The result table: one row per step with wall time, CPU time and peak memory.
struct Table {
    struct Row {
        var step: String
        var outcome: StepOutcome
        var detail: String = ""
    }

    var rows: [Row] = []

    mutating func add(_ step: String, _ outcome: StepOutcome, detail: String = "") {
        rows.append(Row(step: step, outcome: outcome, detail: detail))
    }

    static let width = 46

    var lines: [String] {
        var lines = [
            "step".padding(toLength: Self.width, withPad: " ", startingAt: 0) + "  wall s   CPU s  peak MB  result",
            String(repeating: "-", count: Self.width) + "  ------  ------  -------  ------",
        ]
        for row in rows {
            let name = row.step.padding(toLength: Self.width, withPad: " ", startingAt: 0)
            switch row.outcome {
            case .measured(let m):
                var result = m.timedOut ? "timed out, killed" : m.exitCode == 0 ? "ok" : "exit \(m.exitCode)"
                if !row.detail.isEmpty { result += " (\(row.detail))" }
                lines.append(name + Self.number(m.wall, 8) + Self.number(m.cpu, 8)
                    + Self.number(Double(m.peakBytes) / 1_048_576, 9, digits: 0) + "  " + result)
            case .notAvailable(let reason):
                lines.append(name + "  not available: " + reason)
            }
        }
        return lines
    }

    static func number(_ value: Double, _ width: Int, digits: Int = 2) -> String {
        let text = String(format: "%.\(digits)f", value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// "a / b = 1.23x" from two outcomes' wall times, or why it cannot be computed.
    static func ratio(_ name: String, _ a: StepOutcome, _ b: StepOutcome, target: String) -> String {
        let label = "  " + name.padding(toLength: Self.width, withPad: " ", startingAt: 0)
        guard let x = a.measurement, let y = b.measurement, y.wall > 0, y.exitCode == 0, !y.timedOut else {
            return label + "  not available" + (target.isEmpty ? "" : "  (target \(target))")
        }
        let wall = String(format: "%.2fx wall", x.wall / y.wall)
        let cpu = y.cpu > 0 ? String(format: ", %.2fx CPU", x.cpu / y.cpu) : ""
        let failed = x.timedOut ? " (dossier timed out: a lower bound)" : x.exitCode == 0 ? "" : " (dossier exited \(x.exitCode))"
        return label + "  " + wall + cpu + (target.isEmpty ? "" : "  (target \(target))") + failed
    }
}
