import DossierCore
import Foundation

/// In-process measurement of what share of `check` goes to JSON parsing: the core's `JSONParser`
/// over every `indicators.json` (one thread) against the full `WorkspaceLoader.load` plus
/// `WorkspaceChecker.check` (all cores), with Foundation's `JSONSerialization` for comparison.
struct ParseShare {
    struct Timing {
        var wall: Double
        var cpu: Double
    }

    var bytes = 0
    var files = 0
    var parser = Timing(wall: 0, cpu: 0)
    var foundation = Timing(wall: 0, cpu: 0)
    var load = Timing(wall: 0, cpu: 0)
    var check = Timing(wall: 0, cpu: 0)
    var parseErrors = 0
    var diagnostics = ""
    /// The first few findings, so a generator that wrote something `check` dislikes is noticed.
    var examples: [String] = []

    /// Measures, and hands back the loaded workspace (the Hugo peer is written from it).
    static func measure(root: String, files: WorkspaceFiles) throws(BenchError) -> (ParseShare, Workspace) {
        var share = ParseShare()
        var contents: [[UInt8]] = []
        for path in files.indicators { contents.append(try FileOutput.read(path)) }
        share.files = contents.count
        share.bytes = contents.reduce(0) { $0 + $1.count }

        var errors = 0
        share.parser = time {
            for bytes in contents {
                do { _ = try JSONParser.parse(bytes) } catch { errors += 1 }
            }
        }
        share.parseErrors = errors
        let data = contents.map { Data($0) }
        contents = []
        share.foundation = time {
            for item in data { _ = try? JSONSerialization.jsonObject(with: item) }
        }

        var loaded: LoadedWorkspace?
        share.load = time { loaded = WorkspaceLoader.load(root: root) }
        guard let loaded else { throw BenchError("the workspace did not load") }
        var found = DiagnosticList()
        share.check = time { found = WorkspaceChecker.check(loaded) }
        share.diagnostics = WorkspaceChecker.summary(found, fileCount: loaded.fileCount)
        let printer = DiagnosticPrinter()
        share.examples = found.items.prefix(5).map { printer.format($0) }
        return (share, loaded.workspace)
    }

    static func time(_ work: () -> Void) -> Timing {
        let (wall, cpu) = (Clock.now(), Clock.cpu())
        work()
        return Timing(wall: Clock.now() - wall, cpu: Clock.cpu() - cpu)
    }

    /// Throughput by wall time, and by CPU time (steadier on a machine shared with other work).
    func rates(_ timing: Timing) -> String {
        func rate(_ seconds: Double) -> String { Table.number(seconds > 0 ? Double(bytes) / 1e6 / seconds : 0, 8, digits: 1) }
        return rate(timing.wall) + rate(timing.cpu)
    }

    var lines: [String] {
        let total = Timing(wall: load.wall + check.wall, cpu: load.cpu + check.cpu)
        let mb = Double(bytes) / 1e6
        func row(_ name: String, _ t: Timing, rate: Bool) -> String {
            name.padding(toLength: 44, withPad: " ", startingAt: 0) + Table.number(t.wall, 8) + Table.number(t.cpu, 8)
                + (rate ? rates(t) : "")
        }
        var lines = [
            "In-process, \(files) indicators.json files, \(String(format: "%.1f", mb)) MB:",
            "".padding(toLength: 44, withPad: " ", startingAt: 0) + "  wall s   CPU s  MB/s by wall, by CPU",
            row("JSONParser.parse (DossierCore, 1 thread)", parser, rate: true),
            row("JSONSerialization (Foundation, 1 thread)", foundation, rate: true),
            row("WorkspaceLoader.load (all files, parallel)", load, rate: false),
            row("WorkspaceChecker.check (rules)", check, rate: false),
            row("load + check", total, rate: false),
        ]
        if total.cpu > 0 {
            lines.append(String(format: "JSON parsing share of load + check: %.0f%% of CPU time, %.0f%% of wall time (parse on 1 thread vs. load + check on all cores)",
                100 * parser.cpu / total.cpu, 100 * parser.wall / max(total.wall, 1e-9)))
        }
        if parseErrors > 0 { lines.append("warning: \(parseErrors) files did not parse") }
        lines.append("in-process check found: \(diagnostics)")
        lines += examples.map { "  " + $0 }
        return lines
    }
}
