import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Issue 4's crash-safety acceptance: `dossier add` on a 200,000-indicator project, killed with
/// SIGKILL at random moments, leaves each file complete, old or new, and `check` passes.
///
/// Every kill starts from the same old files, so "complete old or complete new" is a byte
/// comparison with the two versions. Half the kills fall at a uniformly random moment of the run;
/// the other half at a random moment after the temporary file appeared, so that the short window
/// in which files are written, flushed and renamed is hit every time, not by luck. Both versions
/// pass `dossier check`; after the kills, check runs again on the old version with every temporary
/// file the killed writers left, so it covers each state a kill can leave.
///
/// Kills run in two lanes (two workspace copies) side by side and stop after a time budget (35 s,
/// at least 4 kills), because a debug build needs seconds per run. Environment: DOSSIER_CRASH_KILLS
/// (default 20), DOSSIER_CRASH_SECONDS (the budget), DOSSIER_CRASH_SEED (printed, to replay delays).
@Suite("Crash safety")
struct CrashSafetyTests {
    static let count = 200_000
    static let arguments = ["add", "big", "192.0.2.1", "--tag", "Blocked"]

    @Test("SIGKILL at random moments of `add` leaves the complete old or new file, and check passes")
    func sigkill() throws {
        let environment = ProcessInfo.processInfo.environment
        let kills = environment["DOSSIER_CRASH_KILLS"].flatMap(Int.init) ?? 20
        let budget = environment["DOSSIER_CRASH_SECONDS"].flatMap(Double.init) ?? 35
        let seed = environment["DOSSIER_CRASH_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970 * 1000)
        let lanes = try [TemporaryCopy(), TemporaryCopy()]
        let roots = lanes.map(\.root)
        let old = Self.oldFiles()
        for root in roots { try Self.restore(old, in: root, creating: true) }

        // One run to the end in each lane, side by side: the new version, and how long a run and
        // its writing take under the same load as the kills.
        let calibration = Slots<Run?>(count: roots.count, initial: nil)
        DispatchQueue.concurrentPerform(iterations: roots.count) { l in calibration.set(l, Self.run(in: roots[l], kill: .never)) }
        let runs = try calibration.values.map { try #require($0) }
        for run in runs { try #require(run.status == 0, "\(run)") }
        let new = try Self.files(in: roots[0])
        try #require(try Self.files(in: roots[1]) == new && new.indicators != old.indicators && new.project != old.project)
        let duration = runs.map(\.duration).max() ?? 1
        let writing = runs.map(\.writing).max() ?? 0.1
        let checkNew = try CLI.run(["check"], in: roots[0])
        #expect(checkNew.status == 0, "\(checkNew.stderr)")

        var random = SplitMix64(seed: seed)
        let moments: [Run.Kill] = (0..<kills).map { k in
            let fraction = Double(random.next() % 1_000_000) / 1_000_000
            return k % 2 == 0 ? .after(fraction * duration * 1.05) : .whileWriting(fraction * writing * 1.1)
        }
        let started = Date()
        let outcomes = Slots<String?>(count: kills, initial: nil)
        DispatchQueue.concurrentPerform(iterations: roots.count) { l in
            for k in stride(from: l, to: kills, by: roots.count) where k < 4 || Date().timeIntervalSince(started) < budget {
                do {
                    try Self.restore(old, in: roots[l], creating: false)
                    outcomes.set(k, Self.run(in: roots[l], kill: moments[k])?.outcome(old: old, new: new) ?? "dossier did not start")
                } catch {
                    outcomes.set(k, "\(error)")
                }
            }
        }
        let done = outcomes.values.enumerated().compactMap { k, outcome in outcome.map { (k, $0) } }
        for (k, outcome) in done {
            #expect(outcome == "old" || outcome == "new", "kill \(k) \(moments[k]) (seed \(seed)): \(outcome)")
        }
        print(String(format: "crash safety: %d kills in %.0f s, runs of %.1f s writing for %.2f s (seed %llu): %d left the old files, %d the new ones",
            done.count, Date().timeIntervalSince(started), duration, writing, seed,
            done.count { $0.1 == "old" }, done.count { $0.1 == "new" }))

        // What a killed writer leaves is a hidden temporary file beside its target, which nothing
        // loads: with all of them gathered in one lane, check reads exactly three files and passes.
        for root in roots {
            let names = try FileManager.default.contentsOfDirectory(atPath: root + "/big")
            #expect(names.filter { !$0.hasPrefix(".") }.sorted() == ["indicators.json", "project.json"])
            for name in names where name.hasPrefix(".") {
                #expect(name.hasPrefix(".indicators.json.dossier-") || name.hasPrefix(".project.json.dossier-"), "\(name)")
                #expect(name.hasSuffix(".tmp"), "\(name)")
                if root != roots[0] { try FileManager.default.moveItem(atPath: root + "/big/" + name, toPath: roots[0] + "/big/" + name) }
            }
        }
        try Self.restore(old, in: roots[0], creating: false)
        let check = try CLI.run(["check"], in: roots[0])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("in 3 files"), "\(check.stderr)")
    }

    struct Files: Equatable {
        var indicators: [UInt8]
        var project: [UInt8]
    }

    /// The project before the edit: 200,000 canonical IPv4 indicators, written directly (numbers
    /// of three digits, so that numeric order is the canonical byte order).
    static func oldFiles() -> Files {
        var text = "{\n  \"indicators\": [\n"
        text.reserveCapacity(count * 64)
        for i in 0..<count {
            let value = "10.\(100 + i / 10_000).\(100 + i / 100 % 100).\(100 + i % 100)"
            text += "    {\n      \"value\": \"\(value)\",\n      \"type\": \"ipv4\"\n    }" + (i == count - 1 ? "\n" : ",\n")
        }
        text += "  ]\n}\n"
        let project = Project(slug: "big", folder: "/big", title: "Big", updated: "2020-01-01")
        return Files(indicators: Array(text.utf8), project: CanonicalJSON.projectFile(project))
    }

    static func restore(_ files: Files, in root: String, creating: Bool) throws {
        if creating {
            try FileManager.default.createDirectory(atPath: root + "/big", withIntermediateDirectories: true)
            try Data(CanonicalJSON.workspaceFile(WorkspaceSettings(title: "Crash"))).write(to: URL(fileURLWithPath: root + "/dossier.json"))
        }
        try Data(files.indicators).write(to: URL(fileURLWithPath: root + "/big/indicators.json"))
        try Data(files.project).write(to: URL(fileURLWithPath: root + "/big/project.json"))
    }

    static func files(in root: String) throws -> Files {
        Files(
            indicators: Array(try Data(contentsOf: URL(fileURLWithPath: root + "/big/indicators.json"))),
            project: Array(try Data(contentsOf: URL(fileURLWithPath: root + "/big/project.json"))))
    }

    /// One `dossier add` in `root`, maybe killed.
    static func run(in root: String, kill moment: Run.Kill) -> Run? {
        let folder = root + "/big"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let started = Date()
        guard (try? process.run()) != nil else { return nil }
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        var writingFrom: Date?
        switch moment {
        case .after(let delay):
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
        case .whileWriting, .never:
            // Watch for the writer's temporary file: from then on, files are being replaced.
            while process.isRunning, writingFrom == nil {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                if names.contains(where: { $0.hasPrefix(".indicators.json.dossier-") && !before.contains($0) }) { writingFrom = Date() }
                else { usleep(1_000) }
            }
            if case .whileWriting(let delay) = moment {
                usleep(UInt32(delay * 1_000_000))
                kill(process.processIdentifier, SIGKILL)
            }
        }
        process.waitUntilExit()
        let ended = Date()
        return Run(
            status: process.terminationStatus, duration: ended.timeIntervalSince(started),
            writing: writingFrom.map { ended.timeIntervalSince($0) } ?? 0, files: try? files(in: root))
    }

    struct Run: CustomStringConvertible {
        enum Kill: CustomStringConvertible {
            case never
            /// After this many seconds from the start.
            case after(Double)
            /// This many seconds after the temporary file appeared.
            case whileWriting(Double)

            var description: String {
                switch self {
                case .never: "never"
                case .after(let s): String(format: "%.3f s after the start", s)
                case .whileWriting(let s): String(format: "%.3f s into the writing", s)
                }
            }
        }

        var status: Int32
        var duration: Double
        var writing: Double
        var files: Files?

        /// "old", "new", or what is wrong. indicators.json is written before project.json, so a new
        /// project.json beside the old indicators.json would be a lost edit.
        func outcome(old: Files, new: Files) -> String {
            guard let files else { return "the files cannot be read" }
            let indicators = files.indicators == old.indicators ? "old" : files.indicators == new.indicators ? "new" : nil
            // `add` writes the day it runs (or its time) as `updated`: a kill after midnight, or a
            // second later, leaves another.
            let project = files.project == old.project ? "old"
                : files.project == new.project || Self.dated(files.project, like: new.project) == new.project ? "new" : nil
            guard let indicators, let project else {
                return "indicators.json is \(indicators ?? "neither version") (\(files.indicators.count) bytes), project.json is \(project ?? "neither version")"
            }
            return indicators == "old" && project == "new" ? "new project.json beside the old indicators.json" : indicators
        }

        var description: String { "exit \(status) after \(duration) s" }

        /// `project` with the `updated` date `model` has.
        static func dated(_ project: [UInt8], like model: [UInt8]) -> [UInt8] {
            let pattern = #""updated": "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:]{8}Z)?""#
            let text = String(decoding: project, as: UTF8.self), modelText = String(decoding: model, as: UTF8.self)
            guard let range = modelText.range(of: pattern, options: .regularExpression) else { return project }
            return Array(text.replacingOccurrences(of: pattern, with: String(modelText[range]), options: .regularExpression).utf8)
        }
    }
}

/// One slot per lane or kill, filled from the lanes' threads.
private final class Slots<T>: @unchecked Sendable {
    private var slots: [T]
    private let lock = NSLock()

    init(count: Int, initial: T) { slots = Array(repeating: initial, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
