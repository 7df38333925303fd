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
final class FolderLock: Sendable {
    private let folder: String

    /// Each locked folder's descriptor, and how many holders it has in this process.
    private static let held = Mutex<[String: (descriptor: Int32, holders: Int)]>([:])

    /// Waits until no other process holds `folder`'s lock, then holds it.
    init(_ folder: String) {
        self.folder = folder
        Self.held.withLock { held in
            if let lock = held[folder] {
                held[folder] = (lock.descriptor, lock.holders + 1)
                return
            }
            let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
            held[folder] = (descriptor, 1)
        }
    }

    deinit {
        Self.held.withLock { held in
            guard let lock = held[folder] else { return }
            if lock.holders > 1 {
                held[folder] = (lock.descriptor, lock.holders - 1)
            } else {
                close(lock.descriptor)
                held[folder] = nil
            }
        }
    }
}
