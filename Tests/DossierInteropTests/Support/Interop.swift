import DossierCore
import Foundation
@testable import DossierInterop

/// Paths and helpers shared by the interop tests.
enum TestFiles {
    /// The repository's root folder.
    static var repository: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    static var fixtures: String { repository + "/Tests/Fixtures" }
    static var scripts: String { repository + "/Tests/DossierInteropTests/Scripts" }
    static var samples: String { repository + "/sample-projects" }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Imports a fixture (path relative to Tests/Fixtures).
    static func importFixture(_ relative: String, format: ImportFormat = .auto) throws -> ImportResult {
        let path = fixtures + "/" + relative
        return Importer.read(try bytes(path), path: path, format: format)
    }

    /// Imports text given in the test.
    static func importText(_ text: String, format: ImportFormat = .auto, path: String = "/input") -> ImportResult {
        Importer.read(Array(text.utf8), path: path, format: format)
    }
}

/// A fresh temporary folder, removed on deinit.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "dossier-interop-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}

extension ImportResult {
    /// `type value` of each indicator, sorted: easy to compare with an expected list.
    var keys: [String] { indicators.map { "\($0.type.rawValue) \($0.value)" }.sorted() }

    func indicator(_ value: String) -> Indicator? { indicators.first { $0.value == value } }

    func count(_ type: IndicatorType) -> Int { indicators.count { $0.type == type } }

    func unrepresentable(_ kind: String) -> Int { unrepresentable.first { $0.kind == kind }?.count ?? 0 }
}

extension Workspace {
    /// A workspace holding only `project` with the starter vocabulary (for exporter tests).
    static func single(_ project: Project, vocabulary: Vocabulary = .starter) -> Workspace {
        Workspace(root: "/w", settings: WorkspaceSettings(title: "Test Workspace", vocabulary: vocabulary), projects: [project])
    }
}
