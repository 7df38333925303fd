/// What one child process cost: wall time, CPU time (user + system) and peak resident memory.
struct Measurement: Sendable {
    var wall: Double
    var cpu: Double
    /// Peak resident set size in bytes (the largest of the processes measured).
    var peakBytes: Int
    var exitCode: Int32
    /// The first lines of standard error, to show why a step failed.
    var errorOutput: String = ""
    /// Killed after the step's time limit: the times are lower bounds.
    var timedOut = false

    /// Of runs of the same step, the one with the median wall time: the host is shared, and one
    /// busy moment should not make a short step's figure. A run that failed or timed out is
    /// returned instead, so that the failure shows.
    static func median(_ runs: [Measurement]) -> Measurement {
        let sorted = runs.sorted { $0.wall < $1.wall }
        return sorted.first { $0.exitCode != 0 || $0.timedOut } ?? sorted[sorted.count / 2]
    }

    /// Several processes run one after the other: times add up, memory is the largest.
    static func sum(_ parts: [Measurement]) -> Measurement {
        Measurement(
            wall: parts.reduce(0) { $0 + $1.wall }, cpu: parts.reduce(0) { $0 + $1.cpu },
            peakBytes: parts.map(\.peakBytes).max() ?? 0,
            exitCode: parts.first { $0.exitCode != 0 }?.exitCode ?? 0,
            errorOutput: parts.first { $0.exitCode != 0 }?.errorOutput ?? "",
            timedOut: parts.contains { $0.timedOut })
    }
}

/// What a step gave: a measurement (whatever the exit code), or why it could not run.
enum StepOutcome {
    case measured(Measurement)
    case notAvailable(String)

    var measurement: Measurement? {
        if case .measured(let m) = self { m } else { nil }
    }
}
