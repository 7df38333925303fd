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
        return Self.oneLine("\(prefix)\(diagnostic.severity.rawValue): \(diagnostic.message)")
    }

    /// `diagnostics` as one JSON object, for a script or an editor: each finding's `file` (as
    /// `format` shows it), `line`, `column`, `severity`, `code` and `message`, and the counts.
    public func json(_ diagnostics: DiagnosticList, fileCount: Int) -> String {
        var root = JSONObject()
        root.set("diagnostics", .array(diagnostics.sorted.map { diagnostic in
            var object = JSONObject()
            object.set("file", diagnostic.location.map { .string(displayPath($0.path)) })
            object.set("line", diagnostic.location.map { .number(String($0.position.line)) })
            object.set("column", diagnostic.location.map { .number(String($0.position.column)) })
            object.set("severity", .string(diagnostic.severity.rawValue))
            object.set("code", diagnostic.code.map { .string($0) })
            object.set("message", .string(diagnostic.message))
            return JSONNode(.object(object))
        }))
        root.set("errors", .number(String(diagnostics.errorCount)))
        root.set("warnings", .number(String(diagnostics.warningCount)))
        root.set("files", .number(String(fileCount)))
        var text = JSONWriter.string(JSONNode(.object(root)))
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// `diagnostic` as a GitHub Actions workflow command (`::error file=...,line=...,col=...::`),
    /// which a pull request shows on the line it names. Its path is relative to the current
    /// folder, which a workflow's steps run in: the repository's root.
    public func githubAnnotation(_ diagnostic: Diagnostic) -> String {
        // The workflow command's own escapes: `%`, line breaks, and in a property `:` and `,`.
        func escaped(_ text: String, property: Bool) -> String {
            var out = text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
            if property { out = out.replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
            return out
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties += ["file=" + escaped(displayPath(location.path), property: true), "line=\(location.position.line)", "col=\(location.position.column)"]
        }
        properties.append("title=" + escaped("dossier" + (diagnostic.code.map { " (\($0))" } ?? ""), property: true))
        let message = Self.escapingControls(diagnostic.message, keepingLines: true)
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escaped(message, property: false))"
    }

    /// `line` as one line a script can read as `path:line:column: ...`: control characters (a
    /// value's line break, a NUL that makes `grep` call the output binary, a direction override)
    /// written as escapes, and a line longer than `longest` characters (a 70 KB URL quoted) cut
    /// in its middle, where the value stands; its start (the place) and its end (the fix) kept.
    public static func oneLine(_ line: String, longest: Int = 1_000) -> String {
        let text = escapingControls(line, keepingLines: false)
        guard text.count > longest else { return text }
        let kept = longest / 2
        return text.prefix(kept) + " [\(text.count - 2 * kept) characters left out] " + text.suffix(kept)
    }

    /// `text` with each control character written as an escape (`\u{1B}`), so that a value from a
    /// feed cannot rewrite what a terminal shows (an escape sequence, a bell, a direction
    /// override); line feeds and tabs kept as they are when `keepingLines` (a command's output).
    public static func escapingControls(_ text: String, keepingLines: Bool) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepingLines && ($0 == "\n" || $0 == "\t")) }) else { return text }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where keepingLines, "\t" where keepingLines: escaped.append(scalar)
            case "\n": escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\r": escaped.append(contentsOf: "\\r".unicodeScalars)
            case "\t": escaped.append(contentsOf: "\\t".unicodeScalars)
            case _ where isControl(scalar): escaped.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }

    /// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional
    /// embeddings, overrides and isolates, with which a value from a feed could reorder the
    /// line a terminal shows.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// `path` relative to the current folder (with `../` when it lies beside it), else absolute.
    public func displayPath(_ path: String) -> String {
        Paths.relative(path, from: currentDirectory)
    }
}
