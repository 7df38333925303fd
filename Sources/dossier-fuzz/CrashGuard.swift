import Foundation

/// Keeps the input being run where a signal handler can reach it, so that a crash (a trap, an
/// abort from a broken property) leaves the input on disk; a watchdog thread does the same for an
/// input that runs longer than the timeout (a hang), then ends the process.
///
/// The handler may only make async-signal-safe calls: the paths are prepared in advance and the
/// input is kept in plain memory.
enum CrashGuard {
    nonisolated(unsafe) private static var buffer = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
    nonisolated(unsafe) private static var capacity = 1
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var crashPath: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var hangPath: UnsafeMutablePointer<CChar>?
    /// Start of the current input (seconds since boot), 0 between inputs.
    nonisolated(unsafe) private static var startedAt: Double = 0
    /// The actions replaced, by signal number, restored before a crash goes on.
    nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
        let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: 32)
        actions.initialize(repeating: sigaction(), count: 32)
        return actions
    }()
    private static let lock = NSLock()

    static func install(target: FuzzTarget, artifacts: String, timeout: Double) {
        try? FileManager.default.createDirectory(atPath: artifacts, withIntermediateDirectories: true)
        crashPath = strdup(artifacts + "/crash-" + target.rawValue)
        hangPath = strdup(artifacts + "/hang-" + target.rawValue)
        for number in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                CrashGuard.save(to: CrashGuard.crashPath)
                let message = "dossier-fuzz: crash; the input is saved as crash-<target> in the artifacts folder\n"
                _ = message.withCString { write(2, $0, strlen($0)) }
                // Hand over to the handler that was there (Swift's backtracer), or the default.
                if number < 32 { sigaction(number, CrashGuard.previous + Int(number), nil) }
                raise(number)
            }
            sigaction(number, &action, previous + Int(number))
        }
        let watchdog = Thread {
            while true {
                usleep(200_000)
                lock.lock()
                let started = startedAt
                lock.unlock()
                if started > 0, ProcessInfo.processInfo.systemUptime - started > timeout {
                    save(to: hangPath)
                    FileHandle.standardError.write(Data("dossier-fuzz: hang: an input ran longer than \(timeout) s; saved to \(artifacts)/hang-\(target.rawValue)\n".utf8))
                    _exit(3)
                }
            }
        }
        watchdog.start()
    }

    static func run(_ bytes: [UInt8], _ body: ([UInt8]) -> Void) {
        lock.lock()
        if bytes.count > capacity {
            buffer.deallocate()
            capacity = bytes.count
            buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
        }
        bytes.withUnsafeBytes { raw in
            if let base = raw.baseAddress { buffer.copyMemory(from: base, byteCount: raw.count) }
        }
        length = bytes.count
        startedAt = ProcessInfo.processInfo.systemUptime
        lock.unlock()
        body(bytes)
        lock.lock()
        startedAt = 0
        lock.unlock()
    }

    private static func save(to path: UnsafeMutablePointer<CChar>?) {
        guard let path else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        _ = write(fd, buffer, length)
        close(fd)
    }
}
