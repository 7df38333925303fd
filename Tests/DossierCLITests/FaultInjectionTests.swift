import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// Issue 7's fault injection, end to end on the built binary: a full disk, a write that fails, a
/// read-only workspace, a file that disappears between listing and reading, and SIGKILL during
/// `fmt`, `add`, `import` and `build`. Each must end with a clear error (exit 1, a message naming
/// the file and the reason), the workspace unchanged or completely updated (`check` passes, every
/// file byte-equal to its old or its new version), and the previous site intact.
///
/// The full disk and the read-only file system are real mounts (a small tmpfs) when the tests run
/// as root where mounting is allowed; otherwise the read-only case uses folders without write
/// permission, and the file size limit (RLIMIT_FSIZE) gives a failing write for any user.
@Suite("Fault injection", .serialized)
struct FaultInjectionTests {
    static let project = "acme-payroll-phish"
    /// A public project, whose title shows in the public site.
    static let publicProject = "commodity-loader-c2"

    /// The writing commands, in a workspace made by `prepare`.
    static func writers(importing file: String) -> [[String]] {
        [
            ["add", project, "203.0.113.99", "--tag", "Blocked"],
            ["fmt"],
            ["import", project, file],
            ["build"],
        ]
    }

    /// The sample workspace in `root` with a built site (the previous site), one file that `fmt`
    /// rewrites, and a MISP event outside the workspace to import (with a link, so that the import
    /// writes a note as well as indicators).
    static func prepare(_ root: String) throws -> String {
        let samples = CLI.repository + "/sample-projects"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: samples) {
            try FileManager.default.copyItem(atPath: samples + "/" + name, toPath: root + "/" + name)
        }
        let build = try CLI.run(["build", "--quiet"], in: root)
        try #require(build.status == 0, "\(build.stderr)")
        let typosquat = root + "/typosquat-watch/indicators.json"
        try (String(contentsOfFile: typosquat, encoding: .utf8) + "\n").write(toFile: typosquat, atomically: false, encoding: .utf8)
        let importFile = (root as NSString).deletingLastPathComponent + "/event-\(UUID().uuidString).json"
        try Self.mispEvent.write(toFile: importFile, atomically: false, encoding: .utf8)
        return importFile
    }

    static let mispEvent = """
        {"Event": {"info": "Fault injection", "Attribute": [
          {"type": "domain", "value": "fault-injection.example", "comment": "a value to add"},
          {"type": "ip-dst", "value": "203.0.113.77"},
          {"type": "link", "value": "https://vendor.example/report"}
        ]}}
        """

    /// A failed command: exit 1, stderr names a file of the workspace and the reason, and the
    /// workspace (site included) is exactly as before.
    func expectRefused(_ result: CLI.Result, _ arguments: [String], root: String, before: Snapshot, reasons: [String]) {
        let command = arguments.joined(separator: " ")
        #expect(result.status == 1, "\(command): exit \(result.status): \(result.stderr)")
        #expect(reasons.contains { result.stderr.contains($0) }, "\(command): no reason (\(reasons)) in: \(result.stderr)")
        #expect([".json", ".md", "/site", ".dossier-build"].contains { result.stderr.contains($0) }, "\(command): no file named in: \(result.stderr)")
        // Named as every message names a file: relative to the current folder (here the workspace).
        #expect(!result.stderr.contains(root + "/"), "\(command): a path not relative to the current folder in: \(result.stderr)")
        let after = Snapshot(root)
        #expect(after == before, "\(command) changed the workspace: \(after.difference(from: before))")
    }

    @Test("a full disk: each writing command fails naming the file, and nothing changes", .enabled(if: Mounts.canMount))
    func fullDisk() throws {
        let folder = try TemporaryCopy()
        let root = folder.root
        try #require(Mounts.tmpfs(at: root, kilobytes: 8192))
        defer { Mounts.unmount(root) }
        let importFile = try Self.prepare(root)
        Mounts.fill(root + "/.filler")
        let before = Snapshot(root)
        for arguments in Self.writers(importing: importFile) {
            let result = try CLI.run(arguments, in: root)
            expectRefused(result, arguments, root: root, before: before, reasons: ["No space left on device"])
        }
        let check = try CLI.run(["check"], in: root)
        #expect(check.status == 0, "\(check.stderr)")
        // With space again, the same commands complete.
        unlink(root + "/.filler")
        for arguments in Self.writers(importing: importFile) {
            let result = try CLI.run(arguments, in: root)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        #expect(try CLI.run(["check"], in: root).status == 0)
    }

    @Test("a write that fails (a file size limit): each writing command fails naming the file, and nothing changes")
    func failingWrite() throws {
        let folder = try TemporaryCopy()
        let importFile = try Self.prepare(folder.root)
        let before = Snapshot(folder.root)
        for arguments in Self.writers(importing: importFile) {
            // 8 blocks of 512 bytes: project.json and a note fit, indicators.json and pages do not.
            let result = try CLI.run(arguments, in: folder.root, fileSizeLimit: 8)
            expectRefused(result, arguments, root: folder.root, before: before, reasons: ["File too large"])
        }
        #expect(try CLI.run(["check"], in: folder.root).status == 0)
    }

    @Test("a read-only workspace: each writing command fails naming the file; reading still works",
        .enabled(if: Mounts.canMount || !Mounts.isRoot))
    func readOnly() throws {
        let folder = try TemporaryCopy()
        let root = folder.root
        var mounted = false
        if Mounts.canMount {
            try #require(Mounts.tmpfs(at: root, kilobytes: 16384))
            mounted = true
        }
        defer { if mounted { Mounts.unmount(root) } }
        let importFile = try Self.prepare(root)
        if mounted {
            try #require(Mounts.remountReadOnly(root))
        } else {
            try Self.setWritable(false, root)
        }
        defer { if !mounted { try? Self.setWritable(true, root) } }
        let before = Snapshot(root)
        for arguments in Self.writers(importing: importFile) {
            let result = try CLI.run(arguments, in: root)
            expectRefused(result, arguments, root: root, before: before, reasons: ["Read-only file system", "Permission denied"])
        }
        let check = try CLI.run(["check"], in: root)
        #expect(check.status == 0, "\(check.stderr)")
        let elsewhere = (root as NSString).deletingLastPathComponent + "/site-elsewhere"
        let build = try CLI.run(["build", "--out", elsewhere], in: root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/index.html"))
    }

    static func setWritable(_ writable: Bool, _ root: String) throws {
        let enumerator = FileManager.default.enumerator(atPath: root)
        var folders = [root]
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isFolder), isFolder.boolValue {
                folders.append(root + "/" + relative)
            }
        }
        for folder in folders { chmod(folder, writable ? 0o755 : 0o555) }
    }

    @Test("a note that is listed but cannot be read is an error naming it, and the previous site stays")
    func vanishedNote() throws {
        let folder = try TemporaryCopy()
        _ = try Self.prepare(folder.root)
        // A dangling link is what a file deleted between listing and reading looks like to the loader.
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("\(Self.project)/notes/09-gone.md"), withDestinationPath: "09-deleted-meanwhile.md")
        let site = Snapshot(folder.path("site"))
        let check = try CLI.run(["check"], in: folder.root)
        #expect(check.status == 1)
        #expect(check.stderr.contains("\(Self.project)/notes/09-gone.md:1:1: error: file is missing"), "\(check.stderr)")
        let build = try CLI.run(["build"], in: folder.root)
        #expect(build.status == 1)
        #expect(build.stderr.contains("09-gone.md"), "\(build.stderr)")
        #expect(Snapshot(folder.path("site")) == site)
    }

    @Test("files deleted and recreated while the loader reads: no crash, each vanished file named")
    func racingDeletes() throws {
        let folder = try TemporaryCopy()
        let notes = folder.path("race/notes")
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: true)
        try Data(CanonicalJSON.workspaceFile(WorkspaceSettings(title: "Race"))).write(to: URL(fileURLWithPath: folder.path("dossier.json")))
        try folder.write("race/project.json", #"{ "title": "Race" }"#)
        try folder.write("race/indicators.json", #"{ "indicators": [] }"#)
        let names = (0..<200).map { String(format: "%03d.md", $0) }
        for name in names { try folder.write("race/notes/" + name, "# \(name)\n\nevil.example\n") }
        final class Flag: @unchecked Sendable { var stop = false }
        let flag = Flag()
        let deleter = Thread {
            var random = SplitMix64(seed: 7)
            while !flag.stop {
                let path = notes + "/" + names[Int(random.next() % UInt64(names.count))]
                unlink(path)
                usleep(500)
                let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                if fd >= 0 {
                    _ = "# back\n".withCString { write(fd, $0, 7) }
                    close(fd)
                }
            }
        }
        deleter.start()
        defer { flag.stop = true }
        var vanished = 0
        for _ in 0..<12 {
            let loaded = WorkspaceLoader.load(root: folder.root)
            #expect(loaded.workspace.projects.count == 1)
            for diagnostic in loaded.diagnostics.items where diagnostic.severity == .error {
                vanished += 1
                #expect(diagnostic.message == "file is missing", "\(diagnostic)")
                #expect(diagnostic.location?.path.hasPrefix(notes + "/") == true, "\(diagnostic)")
            }
        }
        flag.stop = true
        print("racing deletes: \(vanished) notes vanished between listing and reading, each reported as missing")
    }
}

// MARK: - SIGKILL

extension FaultInjectionTests {
    /// One writing command to kill, and how its files may be left.
    struct KillScenario {
        var name: String
        var arguments: [String]
        /// Files in the order the command puts them in place: a kill may leave only a prefix of
        /// them new (a new project.json beside an old indicators.json would be a lost edit).
        var order: [String] = []
        /// Where the command's temporary files (or staging folder) appear.
        var watch: String
        /// Whether running the command again after a kill must give exactly the new files.
        var rerunCompletes: Bool
    }

    /// A private project of `count` indicators, canonical but for a trailing blank line (so that
    /// `fmt` rewrites a large file): long enough runs to kill at many moments.
    static func addBulkProject(_ root: String, count: Int) throws {
        try FileManager.default.createDirectory(atPath: root + "/bulk", withIntermediateDirectories: true)
        var text = "{\n  \"indicators\": [\n"
        for i in 0..<count {
            let value = "10.\(100 + i / 10_000).\(100 + i / 100 % 100).\(100 + i % 100)"
            text += "    {\n      \"value\": \"\(value)\",\n      \"type\": \"ipv4\"\n    }" + (i == count - 1 ? "\n" : ",\n")
        }
        text += "  ]\n}\n\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/bulk/indicators.json"))
        let project = Project(slug: "bulk", folder: root + "/bulk", title: "Bulk", updated: "2020-01-01")
        try Data(CanonicalJSON.projectFile(project)).write(to: URL(fileURLWithPath: root + "/bulk/project.json"))
    }

    /// A file a killed command may leave: a hidden temporary file beside its target, or the build's
    /// hidden staging folder; nothing loads either.
    /// A temporary file (`.NAME.dossier-PID-N.tmp`) or staging folder (`.NAME.dossier-build-PID`);
    /// not a site's own `.dossier-build` record, which has no NAME before it.
    static func isLeftover(_ relative: String) -> Bool {
        relative.split(separator: "/").contains { $0.hasPrefix(".") && $0.dropFirst().contains(".dossier-") }
    }

    static func restore(_ root: String, to snapshot: Snapshot) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: root) {
            try FileManager.default.removeItem(atPath: root + "/" + name)
        }
        for (relative, data) in snapshot.files {
            let path = root + "/" + relative
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path))
        }
    }

    /// What is wrong with the files a kill left, or nil.
    static func problem(after: Snapshot, old: Snapshot, new: Snapshot, scenario: KillScenario) -> String? {
        let paths = Set(after.files.keys).union(old.files.keys).union(new.files.keys)
        for path in paths.sorted() where after.files[path] != old.files[path] && after.files[path] != new.files[path] {
            return "\(path) is neither the old nor the new version (\(after.files[path]?.count ?? -1) bytes)"
        }
        let changing = scenario.order.filter { old.files[$0] != new.files[$0] }
        let changed = changing.filter { after.files[$0] != old.files[$0] }
        if changed != Array(changing.prefix(changed.count)) {
            return "\(changed) new, but they are put in place in the order \(changing)"
        }
        let site = { (snapshot: Snapshot) in snapshot.files.filter { $0.key.hasPrefix("site/") } }
        if site(after) != site(old) && site(after) != site(new) {
            return "site/ is neither the old nor the new site (\(site(after).count) files)"
        }
        return nil
    }

    @Test("SIGKILL during fmt, add, import and build: each file old or new, check passes, the site never lost")
    func sigkill() throws {
        let environment = ProcessInfo.processInfo.environment
        let kills = environment["DOSSIER_FAULT_KILLS"].flatMap(Int.init) ?? 8
        let budget = environment["DOSSIER_FAULT_SECONDS"].flatMap(Double.init) ?? 12
        let seed = environment["DOSSIER_FAULT_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970 * 1000)
        var random = SplitMix64(seed: seed)
        let pristine = try TemporaryCopy()
        let importFile = try Self.prepare(pristine.root)
        try Self.addBulkProject(pristine.root, count: 20_000)
        let scenarios = [
            KillScenario(name: "fmt", arguments: ["fmt"], watch: "bulk", rerunCompletes: true),
            KillScenario(name: "add", arguments: ["add", "bulk", "203.0.113.99", "--tag", "Blocked"],
                order: ["bulk/indicators.json", "bulk/project.json"], watch: "bulk", rerunCompletes: false),
            KillScenario(name: "import", arguments: ["import", "bulk", importFile],
                order: ["bulk/indicators.json", "bulk/project.json"], watch: "bulk", rerunCompletes: false),
            KillScenario(name: "build", arguments: ["build"], watch: ".", rerunCompletes: true),
        ]
        var summary: [String] = []
        for var scenario in scenarios {
            let work = try TemporaryCopy(of: pristine.root)
            if scenario.name == "build" {
                // A change the public site shows, so that the new site differs from the old one.
                let path = work.path("\(Self.publicProject)/project.json")
                try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"title\": \"", with: "\"title\": \"Renamed: ")
                    .write(toFile: path, atomically: false, encoding: .utf8)
            }
            let old = Snapshot(work.root)
            let watched = work.path(scenario.watch)
            let existing = Set((try? FileManager.default.contentsOfDirectory(atPath: watched)) ?? [])
            // The first temporary file (or the staging folder) appearing: writing has begun.
            let writing = { ((try? FileManager.default.contentsOfDirectory(atPath: watched)) ?? []).contains { !existing.contains($0) && Self.isLeftover($0) } }
            // One complete run: the new files, how long a run takes and how long its writing.
            let complete = CLI.watched(scenario.arguments, in: work.root, kill: nil, trigger: writing)
            try #require(complete.status == 0, "\(scenario.name) failed")
            let new = Snapshot(work.root)
            try #require(new != old)
            if scenario.name == "import" {
                // The note comes last, after the indicators and project.json.
                scenario.order += new.files.keys.filter { $0.hasPrefix("bulk/notes/") && old.files[$0] == nil }
            }
            var outcomes: [String: Int] = [:]
            let scenarioStart = Date()
            for k in 0..<kills where k < 3 || Date().timeIntervalSince(scenarioStart) < budget {
                try Self.restore(work.root, to: old)
                let fraction = Double(random.next() % 1_000_000) / 1_000_000
                // Half the kills at any moment of the run, half in the short window of writing.
                let status = k % 2 == 0
                    ? CLI.watched(scenario.arguments, in: work.root, kill: fraction * complete.duration * 1.05).status
                    : CLI.watched(scenario.arguments, in: work.root, kill: fraction * complete.afterTrigger * 1.1, trigger: writing).status
                let all = Snapshot(work.root)
                let leftovers = all.files.keys.filter(Self.isLeftover)
                let after = Snapshot(work.root, skipping: Set(leftovers))
                let state = after == old ? "old" : after == new ? "new" : "partial"
                outcomes[(status == nil ? "killed, " : "finished, ") + state, default: 0] += 1
                if let problem = Self.problem(after: after, old: old, new: new, scenario: scenario) {
                    Issue.record("\(scenario.name), kill \(k) (seed \(seed)): \(problem)")
                    continue
                }
                let check = try CLI.run(["check"], in: work.root)
                #expect(check.status == 0, "\(scenario.name), kill \(k) (seed \(seed)): check: \(check.stderr)")
                if scenario.rerunCompletes {
                    let rerun = try CLI.run(scenario.arguments, in: work.root)
                    #expect(rerun.status == 0, "\(scenario.name), kill \(k): the re-run failed: \(rerun.stderr)")
                    let final = Snapshot(work.root, skipping: Set(Snapshot(work.root).files.keys.filter(Self.isLeftover)))
                    #expect(final == new, "\(scenario.name), kill \(k) (seed \(seed)): the re-run left \(final.difference(from: new))")
                }
            }
            summary.append("\(scenario.name) (\(String(format: "%.2f s, writing %.2f s", complete.duration, complete.afterTrigger))): " + outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
        }
        print("sigkill (seed \(seed)): " + summary.joined(separator: "; "))
    }
}
