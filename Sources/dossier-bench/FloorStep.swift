/// The floor: the least any tool must spend to read the same content with C parsers. `cmark` renders
/// every note (in batches of files per process, so process start-up does not dominate) and Python's
/// `json` module (a C scanner) loads every `indicators.json`. Both run one after the other, on one core.
struct FloorStep {
    let files: WorkspaceFiles
    let scratch: String

    struct Result {
        var cmark: StepOutcome
        var json: StepOutcome
        var total: StepOutcome
    }

    /// Three rounds, as for dossier's short steps; the round with the median total counts.
    func run() -> Result {
        var rounds: [Result] = []
        for _ in 0..<DossierSteps.shortStepRuns {
            let cmark = runCmark()
            let json = runPythonJSON()
            guard case .measured(let a) = cmark, case .measured(let b) = json else {
                return Result(cmark: cmark, json: json, total: .notAvailable("needs both cmark and python3"))
            }
            rounds.append(Result(cmark: cmark, json: json, total: .measured(Measurement.sum([a, b]))))
        }
        let median = Measurement.median(rounds.compactMap(\.total.measurement))
        return rounds.first { $0.total.measurement?.wall == median.wall } ?? rounds[0]
    }

    private func runCmark() -> StepOutcome {
        guard let cmark = ToolInstaller.locate("cmark", package: "cmark", log: scratch + "/apt-cmark.log") else {
            return .notAvailable("cmark is not installed and could not be installed")
        }
        return ChildProcess.runInBatches(cmark, over: files.notes, stderr: scratch + "/cmark.err")
    }

    private func runPythonJSON() -> StepOutcome {
        guard let python = ChildProcess.find("python3") else { return .notAvailable("python3 is not installed") }
        let script = scratch + "/floor-json.py"
        let listing = scratch + "/indicator-files.txt"
        let source = """
            import json, sys
            with open(sys.argv[1], encoding="utf-8") as listing:
                paths = listing.read().splitlines()
            for path in paths:
                with open(path, "rb") as f:
                    json.loads(f.read())

            """
        do {
            try FileOutput.write(source, to: script)
            try FileOutput.write(files.indicators.joined(separator: "\n") + "\n", to: listing)
            return .measured(try ChildProcess.run(python, [script, listing], stderr: scratch + "/python.err"))
        } catch {
            return .notAvailable(error.description)
        }
    }
}
