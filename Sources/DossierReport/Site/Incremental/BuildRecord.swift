import DossierCore
import Foundation

/// `.dossier-build` in a built site: each file's key (`PageKey`) and size, so that the next build
/// into the same folder can reuse the files whose keys did not change. It holds digests and paths
/// only, nothing of the pages' content, and like every file of a site it is a pure function of the
/// workspace and the build of dossier (no times), so a site kept in git does not change when nothing
/// changed.
struct BuildRecord: Sendable {
    static let fileName = ".dossier-build"
    static let header = "dossier build record 1"

    struct Entry: Sendable, Equatable {
        var key: String
        var bytes: Int
    }

    /// The version and build (`DossierVersion.buildIdentity`) of dossier that built the site.
    var tool: String
    var audience: Audience

    /// The tool line of the running dossier; nil when its build cannot be told apart from others.
    static let currentTool: String? = DossierVersion.buildIdentity.map { "dossier \(DossierVersion.current) build \($0)" }
    var entries: [String: Entry]

    init(audience: Audience, entries: [String: Entry]) {
        tool = Self.currentTool ?? "dossier \(DossierVersion.current)"
        self.audience = audience
        self.entries = entries
    }

    /// The text written into the site: a header, then `key bytes path` per file, sorted by path.
    func text() -> String {
        var lines = [Self.header, "tool \(tool)", "audience \(audience.rawValue)"]
        for path in entries.keys.sorted() {
            guard let entry = entries[path] else { continue }
            lines.append("\(entry.key) \(entry.bytes) \(path)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The record of the site in `folder`, or nil when there is none or it cannot be read: the
    /// build then renders everything. Read as bytes: a site has thousands of lines, and splitting
    /// them as Swift strings (by grapheme) took longer than the rest of reading the previous build.
    static func read(from folder: String) -> BuildRecord? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return nil }
        let bytes = [UInt8](data)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        guard lines.count >= 3, text(lines[0]) == header else { return nil }
        let tool = text(lines[1]), audienceLine = text(lines[2])
        guard tool.hasPrefix("tool "), audienceLine.hasPrefix("audience "),
              let audience = Audience(rawValue: String(audienceLine.dropFirst("audience ".count)))
        else { return nil }
        var record = BuildRecord(audience: audience, entries: [:])
        record.tool = String(tool.dropFirst("tool ".count))
        record.entries.reserveCapacity(lines.count)
        for line in lines.dropFirst(3) where !line.isEmpty {
            // `key bytes path`: the path is the rest of the line, spaces and all.
            guard let first = line.firstIndex(of: 0x20), let second = line[(first + 1)...].firstIndex(of: 0x20),
                  let size = Int(text(line[(first + 1)..<second]))
            else { return nil }
            record.entries[text(line[(second + 1)...])] = Entry(key: text(line[..<first]), bytes: size)
        }
        return record
    }
}

/// The site an incremental build may take files from: only one built by this same build of
/// dossier (its executable's digest, not only its version: pages follow the code) for this same
/// audience (a public build never reuses anything of an internal one).
struct PreviousBuild: Sendable {
    let folder: String
    let record: BuildRecord

    init?(folder: String, audience: Audience) {
        guard let record = BuildRecord.read(from: folder), record.audience == audience,
            let tool = BuildRecord.currentTool, record.tool == tool
        else { return nil }
        self.folder = folder
        self.record = record
    }

    /// Puts the previous build's file for `path` into `staging` (whose folders the caller made)
    /// when its key is `key` and the file is still there, whole; its size, or nil when the page
    /// must be rendered.
    func reuse(_ path: String, key: String, into staging: String) -> Int? {
        guard let entry = record.entries[path], entry.key == key else { return nil }
        let source = folder + "/" + path
        var status = stat()
        // A file gone, replaced or of another size (edited by hand) is rendered again.
        guard lstat(source, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == entry.bytes else { return nil }
        let target = staging + "/" + path
        // A hard link: no copy, and safe, since no build ever writes into a file it did not
        // create (pages are written to a fresh staging folder). Where no link can be made, the
        // page is rendered again.
        return link(source, target) == 0 ? entry.bytes : nil
    }
}
