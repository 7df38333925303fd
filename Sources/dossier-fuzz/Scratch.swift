import DossierCore
import Foundation

/// A workspace folder the targets write their input into, so that it goes through the real loader
/// (file reading, folder listing and all). In memory (/dev/shm) where there is one; one per process.
enum Scratch {
    static let root: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let root = base + "/dossier-fuzz-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: root)
        try? FileManager.default.createDirectory(atPath: root + "/p/notes", withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
        return root
    }()

    static let settings = CanonicalJSON.workspaceFile(WorkspaceSettings(title: "Fuzz", vocabulary: .starter))
    static let project = Array(#"{ "title": "Fuzz", "visibility": "public", "tlp": "clear" }"#.utf8)
    static let emptyIndicators = Array(#"{ "indicators": [] }"#.utf8)

    /// Replaces the workspace's files: `dossier.json`, `p/project.json`, `p/indicators.json` and the
    /// single note `p/notes/01.md` (none when nil).
    static func write(settings: [UInt8], project: [UInt8], indicators: [UInt8], note: [UInt8]? = nil) {
        put(root + "/dossier.json", settings)
        put(root + "/p/project.json", project)
        put(root + "/p/indicators.json", indicators)
        if let note { put(root + "/p/notes/01.md", note) } else { unlink(root + "/p/notes/01.md") }
    }

    private static func put(_ path: String, _ bytes: [UInt8]) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { fatalError("dossier-fuzz: cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let written = Foundation.write(fd, base + offset, buffer.count - offset)
                if written <= 0 { fatalError("dossier-fuzz: cannot write \(path)") }
                offset += written
            }
        }
    }
}
