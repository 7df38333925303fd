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
    /// Seconds after which a dossier step or Hugo is killed.
    var timeout: Double = .infinity

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
        files.warmPageCache()
        Console.note("timing \(dossier)")
        let steps = try DossierSteps(dossier: dossier, root: root, shape: shape, scratch: scratch, timeout: timeout).run()

        var floor: FloorStep.Result?
        var inputOutput: InputOutputFloor.Result?
        var hugo = StepOutcome.notAvailable("skipped (--no-peers)")
        var hugoPages = ""
        if peers {
            Console.note("timing the floor: cmark over \(files.notes.count) notes, python3 json over \(files.indicators.count) files")
            floor = FloorStep(files: files, scratch: scratch).run()
            Console.note("timing reading every workspace file (cat) and writing the internal site's bytes (python3)")
            inputOutput = InputOutputFloor(files: files, site: scratch + "/site-internal", scratch: scratch).run()
        }
        Console.note("measuring JSON parsing, load and check in process")
        let (share, workspace) = try ParseShare.measure(root: root, files: files)
        if peers {
            Console.note("writing the Hugo site")
            let writing = Clock.now()
            switch HugoStep.prepare(workspace, scratch: scratch) {
            case .success(let binary):
                Console.note(String(format: "wrote the Hugo site in %.1f s", Clock.now() - writing))
                Console.note("timing hugo")
                (hugo, hugoPages) = HugoStep.run(hugo: binary, scratch: scratch, timeout: timeout)
            case .failure(let error):
                hugo = .notAvailable(error.description)
            }
        }

        var table = Table()
        table.add("dossier check --no-cache", steps.check, detail: steps.checkSummary)
        table.add("dossier check, filling the cache", steps.checkFilling)
        table.add("dossier check, cache warm", steps.checkWarm)
        table.add("dossier build --internal --no-cache", steps.buildInternal, detail: outputCount(scratch + "/site-internal"))
        table.add("dossier build --no-cache (public)", steps.buildPublic, detail: outputCount(scratch + "/site-public"))
        table.add("dossier lookup, 100 values (cache warm)", steps.lookup)
        table.add("dossier rebuild --internal, 1 project edited", steps.rebuild)
        table.add("dossier add (1 value)", steps.add)
        let floorTotal = floor?.total ?? .notAvailable("skipped (--no-peers)")
        if let floor {
            table.add("floor: cmark over all notes", floor.cmark)
            table.add("floor: python3 json over indicators", floor.json)
        }
        table.add("floor total (cmark + json)", floorTotal)
        let readFloor = inputOutput?.read ?? .notAvailable("skipped (--no-peers)")
        let writeFloor = inputOutput?.write ?? .notAvailable("skipped (--no-peers)")
        table.add("read floor: cat every workspace file", readFloor, detail: "\(files.everyFile.count) files")
        table.add("write floor: the internal site's bytes", writeFloor, detail: outputCount(scratch + "/site-internal"))
        table.add("peer: hugo --quiet", hugo, detail: hugoPages)

        for line in header(root: root, files: files) + [""] + table.lines { Console.out(line) }
        Console.out("")
        Console.out("Ratios (dossier / other, wall time; CPU time beside it):")
        Console.out(Table.ratio("dossier check --no-cache / floor", steps.check, floorTotal, target: "at most 2x"))
        Console.out(Table.ratio("dossier check, cache warm / floor", steps.checkWarm, floorTotal, target: "at most 2x"))
        Console.out(Table.ratio("dossier build --internal / hugo", steps.buildInternal, hugo, target: "at most 0.1x"))
        Console.out(Table.ratio("dossier build --internal / write floor", steps.buildInternal, writeFloor, target: ""))
        Console.out(Table.ratio("dossier rebuild / read floor", steps.rebuild, readFloor, target: ""))
        Console.out("")
        for line in Targets.lines(steps, shape: shape, floors: inputOutput) { Console.out(line) }
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
}
