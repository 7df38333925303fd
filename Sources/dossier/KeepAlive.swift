/// Keeps large loaded models alive until the process exits. Freeing a million-indicator
/// workspace object by object takes longer than the operating system needs to drop the whole
/// address space, and nothing runs after a command finishes.
enum KeepAlive {
    nonisolated(unsafe) private static var kept: [Any] = []

    static func untilExit(_ object: Any) {
        kept.append(object)
    }
}
