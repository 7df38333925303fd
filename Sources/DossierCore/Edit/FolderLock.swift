import Foundation
import Synchronization

/// An advisory lock on a project folder (`flock` on the folder itself, so no lock file is left in
/// the workspace), held from reading a project to writing it back: two dossier runs editing one
/// project take turns, and the second reads what the first wrote. Without it, both could read
/// the same file and the later rename drop the earlier run's change, each saying it was saved.
///
/// A process that holds a folder's lock shares it with itself rather than wait for itself. A
/// folder that cannot be opened is not locked (the check against what was read still refuses
/// most concurrent changes).
///
/// The workspace's folder is locked too: shared by every edit of one project (edits of
/// different projects go on side by side), whole by `dossier fmt`, which rewrites any project's
/// files and so waits for the edits under way, and makes new ones wait, from reading the
/// workspace to writing it.
public final class FolderLock: Sendable {
    /// The folder (its links resolved) whose lock this holds; nil when it holds none.
    private let key: String?

    /// Each locked folder's descriptor, and how many holders it has in this process.
    private static let held = Mutex<[String: (descriptor: Int32, holders: Int)]>([:])

    /// Waits until no other process holds `folder`'s lock (with `shared`, until none holds it
    /// whole), then holds it; `waiting` is called first when it has to wait (to say why nothing
    /// happens).
    public init(_ folder: String, shared: Bool = false, waiting: () -> Void = {}) {
        let key = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        // Held by this process already (in either mode: an exclusive request joins a shared hold).
        let alreadyHeld = Self.held.withLock { held -> Bool in
            guard let lock = held[key] else { return false }
            held[key] = (lock.descriptor, lock.holders + 1)
            return true
        }
        if alreadyHeld {
            self.key = key
            return
        }
        // Waited for outside the table's mutex: other folders' locks go on meanwhile.
        let descriptor = open(key, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            self.key = nil
            return
        }
        let mode = shared ? LOCK_SH : LOCK_EX
        if flock(descriptor, mode | LOCK_NB) != 0 {
            if errno == EWOULDBLOCK { waiting() }
            while flock(descriptor, mode) != 0 && errno == EINTR {}
        }
        self.key = key
        Self.held.withLock { held in
            if let lock = held[key] {
                // Another thread of this process took it meanwhile (and so we waited for it).
                close(descriptor)
                held[key] = (lock.descriptor, lock.holders + 1)
            } else {
                held[key] = (descriptor, 1)
            }
        }
    }

    deinit {
        guard let key else { return }
        Self.held.withLock { held in
            guard let lock = held[key] else { return }
            if lock.holders > 1 {
                held[key] = (lock.descriptor, lock.holders - 1)
            } else {
                close(lock.descriptor)
                held[key] = nil
            }
        }
    }
}
