import Foundation

/// Runs a program with `posix_spawn` and measures it with `wait4`, which gives the child's own
/// resource usage (its peak memory included, which `RUSAGE_CHILDREN` would mix with earlier children).
/// CPU time is taken as the `RUSAGE_CHILDREN` delta, which also counts processes the child waited for.
enum ChildProcess {
    /// Runs `executable` to its end, or kills it after `timeout` seconds (then `timedOut` is set).
    static func run(
        _ executable: String, _ arguments: [String], stdout: String = "/dev/null", stderr: String,
        timeout: Double = .infinity
    ) throws(BenchError) -> Measurement {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }

        let cpuBefore = Clock.cpu(children: true)
        let started = Clock.now()
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw BenchError("cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        var timedOut = false
        // Poll every millisecond when a timeout is set (a negligible error on the wall time).
        let options = timeout.isFinite ? WNOHANG : 0
        while true {
            let waited = wait4(pid, &status, options, &usage)
            if waited == pid { break }
            if waited < 0 {
                guard errno == EINTR else { throw BenchError("waiting for \(executable) failed: \(String(cString: strerror(errno)))") }
                continue
            }
            if !timedOut && Clock.now() - started > timeout {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(1_000)
        }
        let wall = Clock.now() - started
        let cpu = Clock.cpu(children: true) - cpuBefore
        // Exited normally: the code; killed by a signal: 128 + signal, as shells report it.
        let exitCode = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Measurement(
            wall: wall, cpu: cpu, peakBytes: Int(usage.ru_maxrss) * 1024, exitCode: exitCode,
            errorOutput: exitCode == 0 ? "" : head(of: stderr), timedOut: timedOut)
    }

    /// Runs `executable` over `files`, a thousand per process so that process start-up does not
    /// dominate, one process after the other: their times added up.
    static func runInBatches(_ executable: String, over files: [String], stderr: String) -> StepOutcome {
        var parts: [Measurement] = []
        var start = 0
        while start < files.count {
            let batch = Array(files[start..<min(start + 1_000, files.count)])
            start += batch.count
            do {
                parts.append(try run(executable, batch, stderr: stderr))
            } catch {
                return .notAvailable(error.description)
            }
        }
        return .measured(Measurement.sum(parts))
    }

    /// The first few lines of a file, for error messages.
    static func head(of path: String, lines: Int = 4) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).prefix(lines).joined(separator: "\n")
    }

    /// The last non-empty line of a file (a command's summary line), or "".
    static func lastLine(of path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        let text = String(decoding: data.suffix(4096), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).last.map(String.init) ?? ""
    }

    /// The absolute path of `name` on `PATH`, or nil.
    static func find(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
