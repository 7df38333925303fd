import Foundation

/// What no code can go under on this machine, whatever it does with the bytes: reading every file
/// of the workspace once, which a rebuild keyed by content hashes must do to tell what changed, and
/// writing the bytes of the internal site, which a full build must do. `cat` reads (in batches of
/// files per process, as `cmark` does for the floor); a Python loop writes a file of each size the
/// built site has, from memory, into a fresh folder of the same layout. One core each.
struct InputOutputFloor {
    let files: WorkspaceFiles
    /// The internal site a build wrote, whose files' sizes the write floor writes.
    let site: String
    let scratch: String

    struct Result {
        var read: StepOutcome
        var write: StepOutcome
    }

    /// Three rounds of each, as for dossier's short steps; the round with the median wall time counts.
    func run() -> Result {
        Result(read: median { readAll() }, write: FileOutput.isFolder(site) ? median { writeSite() } : .notAvailable("needs a successful build --internal"))
    }

    private func median(_ step: () -> StepOutcome) -> StepOutcome {
        var rounds: [Measurement] = []
        for _ in 0..<DossierSteps.shortStepRuns {
            switch step() {
            case .measured(let measurement): rounds.append(measurement)
            case .notAvailable(let reason): return .notAvailable(reason)
            }
        }
        return .measured(Measurement.median(rounds))
    }

    private func readAll() -> StepOutcome {
        guard let cat = ChildProcess.find("cat") else { return .notAvailable("cat is not installed") }
        return ChildProcess.runInBatches(cat, over: files.everyFile, stderr: scratch + "/cat.err")
    }

    private func writeSite() -> StepOutcome {
        guard let python = ChildProcess.find("python3") else { return .notAvailable("python3 is not installed") }
        let script = scratch + "/floor-write.py"
        let listing = scratch + "/site-files.txt"
        let target = scratch + "/floor-written-site"
        // Bytes that are not all zeros, made once: the loop times the writes, not the content.
        let source = """
            import os, sys
            with open(sys.argv[1], encoding="utf-8") as listing:
                entries = [line.split("\\t", 1) for line in listing.read().splitlines()]
            target = sys.argv[2]
            largest = max((int(size) for size, _ in entries), default=0)
            block = memoryview((os.urandom(4096) * (largest // 4096 + 1))[:largest])
            made = set()
            for size, path in entries:
                folder = os.path.dirname(path)
                if folder not in made:
                    os.makedirs(os.path.join(target, folder), exist_ok=True)
                    made.add(folder)
                with open(os.path.join(target, path), "wb") as f:
                    f.write(block[:int(size)])

            """
        do {
            try FileOutput.write(source, to: script)
            try FileOutput.write(siteFiles().map { "\($0.size)\t\($0.path)" }.joined(separator: "\n") + "\n", to: listing)
            FileOutput.remove(target)
            defer { FileOutput.remove(target) }
            return .measured(try ChildProcess.run(python, [script, listing, target], stderr: scratch + "/floor-write.err"))
        } catch {
            return .notAvailable(error.description)
        }
    }

    /// Every file of the built site, by its path in the site, with its size.
    private func siteFiles() -> [(path: String, size: Int)] {
        guard let walker = FileManager.default.enumerator(atPath: site) else { return [] }
        var found: [(path: String, size: Int)] = []
        while let path = walker.nextObject() as? String {
            guard walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular else { continue }
            found.append((path, (walker.fileAttributes?[.size] as? NSNumber)?.intValue ?? 0))
        }
        return found
    }
}
