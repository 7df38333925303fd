import Foundation
import DossierCore

/// A workspace in a fresh temporary folder, made of `relative path → content` files; removed on deinit.
public final class TemporaryWorkspace {
    public let root: String

    public init(_ files: [String: String] = [:], withSettings: Bool = true) throws {
        root = try TemporaryFolder.make()
        var all = files
        if withSettings, all[ProjectFiles.workspace] == nil {
            all[ProjectFiles.workspace] = String(decoding: CanonicalJSON.workspaceFile(WorkspaceSettings(title: "Test", vocabulary: .starter)), as: UTF8.self)
        }
        for (path, content) in all { try write(path, content) }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    public func path(_ relative: String) -> String { root + "/" + relative }

    public func write(_ relative: String, _ content: String) throws {
        try writeBytes(relative, Array(content.utf8))
    }

    public func writeBytes(_ relative: String, _ bytes: [UInt8]) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    public func read(_ relative: String) -> String {
        (try? String(contentsOfFile: path(relative), encoding: .utf8)) ?? ""
    }

    public func load() -> LoadedWorkspace { WorkspaceLoader.load(root: root) }

    public func check() -> [Diagnostic] { WorkspaceChecker.check(load()).sorted }

    /// A project with a project.json of the given fields and the given indicators.json text.
    public func addProject(_ slug: String, visibility: String = "private", tlp: String = "amber", indicators: String = #"{ "indicators": [] }"#) throws {
        try write("\(slug)/project.json", #"{ "title": "\#(slug)", "visibility": "\#(visibility)", "tlp": "\#(tlp)", "status": "open" }"#)
        try write("\(slug)/indicators.json", indicators)
    }
}

public enum TemporaryFolder {
    public static func make() throws -> String {
        let path = NSTemporaryDirectory() + "dossier-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}

extension [Diagnostic] {
    /// `file:line:col: severity: message` with paths relative to `root`, as a user reads them.
    public func rendered(relativeTo root: String) -> [String] {
        let printer = DiagnosticPrinter(currentDirectory: root)
        return map { printer.format($0) }
    }

    public func codes() -> [String] { compactMap(\.code) }
}
