import Foundation

/// Writes diagnostics as `path:line:column: error: message`, the form compilers use, so that editors
/// and terminals make them clickable.
public struct DiagnosticPrinter: Sendable {
    /// Paths are printed relative to this folder when they lie inside it.
    public var currentDirectory: String

    public init(currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.currentDirectory = currentDirectory
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        let prefix: String
        if let location = diagnostic.location {
            prefix = "\(displayPath(location.path)):\(location.position.line):\(location.position.column): "
        } else {
            prefix = ""
        }
        return "\(prefix)\(diagnostic.severity.rawValue): \(diagnostic.message)"
    }

    /// `path` relative to the current folder (with `../` when it lies beside it), else absolute.
    public func displayPath(_ path: String) -> String {
        Paths.relative(path, from: currentDirectory)
    }
}
