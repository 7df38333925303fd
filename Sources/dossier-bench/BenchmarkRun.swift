import Foundation

/// `dossier-bench run`: prepares the workspace, times dossier, the floor and the peer on it, measures
/// the parsing share in process, and prints the table, the ratios and the targets of issue 6.
struct BenchmarkRun {
    let shape: WorkspaceShape
    let dossier: String
    let keep: String?
    let peers: Bool
    /// Leave the scratch folder (dossier's sites, the Hugo site, logs) for inspection.
    var keepOutputs = false

    func run() throws(BenchError) {
        guard FileManager.default.isExecutableFile(atPath: dossier) else {
            throw BenchError("no dossier binary at \(dossier); build it with `swift build -c release` or pass --dossier PATH")
        }
        let scratch = try FileOutput.temporaryFolder("dossier-bench")
        defer {
            if keepOutputs { Console.note("outputs kept in \(scratch)") } else { FileOutput.remove(scratch) }
        }
        let root = try prepareWorkspace(scratch: scratch)
        let files = WorkspaceFiles(root: root)
        Console.note("timing \(dossier)")
        let steps = try DossierSteps(dossier: dossier, root: root, shape: shape, scratch: scratch).run()

        var floor: FloorStep.Result?
        var hugo = StepOutcome.notAvailable("skipped (--no-peers)")
        var hugoPages = ""
        if peers {
            Console.note("timing the floor: cmark over \(files.notes.count) notes, python3 json over \(files.indicators.count) files")
            floor = FloorStep(files: files, scratch: scratch).run()
        }
        Console.note("measuring JSON parsing, load and check in process")
        let (share, workspace) = try ParseShare.measure(root: root, files: files)
        if peers {
            Console.note("writing the Hugo site")
            switch HugoStep.prepare(workspace, scratch: scratch) {
            case .success(let binary):
                Console.note("timing hugo")
                (hugo, hugoPages) = HugoStep.run(hugo: binary, scratch: scratch)
            case .failure(let error):
                hugo = .notAvailable(error.description)
            }
        }

        var table = Table()
        table.add("dossier check", steps.check, detail: steps.checkSummary)
        table.add("dossier build --internal", steps.buildInternal, detail: outputCount(scratch + "/site-internal"))
        table.add("dossier build (public)", steps.buildPublic, detail: outputCount(scratch + "/site-public"))
        table.add("dossier lookup (100 values, 1 call)", steps.lookup)
        table.add("dossier build --internal, 1 project edited", steps.rebuild)
        table.add("dossier add (1 value)", steps.add)
        let floorTotal = floor?.total ?? .notAvailable("skipped (--no-peers)")
        if let floor {
            table.add("floor: cmark over all notes", floor.cmark)
            table.add("floor: python3 json over indicators", floor.json)
        }
        table.add("floor total (cmark + json)", floorTotal)
        table.add("peer: hugo --quiet", hugo, detail: hugoPages)

        for line in header(root: root, files: files) + [""] + table.lines { Console.out(line) }
        Console.out("")
        Console.out("Ratios (dossier / other, wall time; CPU time beside it):")
        Console.out(Table.ratio("  dossier check / floor", steps.check, floorTotal, target: "at most 2x"))
        Console.out(Table.ratio("  dossier build --internal / hugo", steps.buildInternal, hugo, target: "at most 0.1x"))
        Console.out("")
        for line in Targets.lines(steps) { Console.out(line) }
        Console.out("")
        for line in share.lines { Console.out(line) }
    }

    private func header(root: String, files: WorkspaceFiles) -> [String] {
        let megabytes = Double(directorySize(root)) / 1e6
        return [
            "dossier-bench: \(shape.projects) projects x \(shape.indicators) indicators x \(shape.notes) notes, seed \(shape.seed)",
            String(format: "workspace: %@ (%d projects, %d notes, %.1f MB)", keep == nil ? "temporary" : root, files.projects.count, files.notes.count, megabytes),
            "dossier: \(dossier)",
            "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GB",
        ]
    }

    private func outputCount(_ folder: String) -> String {
        FileOutput.isFolder(folder) ? "\(FileOutput.countFiles(in: folder)) files" : ""
    }

    private func directorySize(_ root: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return 0 }
        var total = 0
        while walker.nextObject() != nil {
            total += (walker.fileAttributes?[.size] as? NSNumber)?.intValue ?? 0
        }
        return total
    }

    /// The workspace to measure: `--keep DIR` reuses a complete workspace of the same shape, or
    /// generates one there; without it, a temporary one is generated and removed at the end.
    private func prepareWorkspace(scratch: String) throws(BenchError) -> String {
        guard let keep else { return try generate(into: scratch + "/workspace") }
        let root = FileOutput.absolute(keep)
        let marker = root + "/" + WorkspaceShape.markerName
        if let existing = FileManager.default.contents(atPath: marker) {
            if String(decoding: existing, as: UTF8.self) == shape.marker {
                Console.note("reusing the workspace in \(root)")
                return root
            }
            Console.note("\(root) holds a workspace of another shape: generating it again")
            FileOutput.remove(root)
        } else if !FileOutput.isEmptyOrMissing(root) {
            throw BenchError("\(root) is not empty and is not a dossier-bench workspace; give an empty or new folder")
        }
        return try generate(into: root)
    }

    private func generate(into root: String) throws(BenchError) -> String {
        Console.note("generating \(shape.description) into \(root)")
        let summary = try WorkspaceGenerator.generate(shape, into: root)
        Console.note(String(format: "generated %d files, %.1f MB in %.2f s", summary.files, Double(summary.bytes) / 1e6, summary.seconds))
        return root
    }
}

/// Issue 6's targets for 1,000 x 1,000 x 10 on a 2-core machine, and whether each was met.
enum Targets {
    static func lines(_ steps: DossierSteps.Results) -> [String] {
        func verdict(_ outcome: StepOutcome, _ limit: Double) -> String {
            guard let m = outcome.measurement else { return "not available" }
            return String(format: "%.2f s: %@", m.wall, m.wall <= limit ? "met" : "missed")
        }
        let measured = [steps.check, steps.buildInternal, steps.buildPublic, steps.lookup, steps.rebuild, steps.add]
            .compactMap(\.measurement)
        let peak = measured.map(\.peakBytes).max()
        let memory = peak.map { String(format: "%.0f MB: %@", Double($0) / 1_048_576, $0 <= 2 << 30 ? "met" : "missed") } ?? "not available"
        return [
            "Targets (issue 6, for 1,000 x 1,000 x 10 on 2 cores):",
            "  check at most 1.5 s                      " + verdict(steps.check, 1.5),
            "  build --internal at most 5 s             " + verdict(steps.buildInternal, 5),
            "  one-project rebuild at most 0.5 s        " + verdict(steps.rebuild, 0.5),
            "  peak memory of any step at most 2 GB     " + memory,
        ]
    }
}
