/// How bad a finding is. Warnings never fail a command unless `--strict` asks for it.
public enum Severity: String, Sendable, Codable, Hashable, Comparable {
    case warning
    case error

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .warning && rhs == .error }
}

/// A 1-based line and column (columns count Unicode scalars, as editors do).
public struct SourcePosition: Sendable, Codable, Hashable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourcePosition(line: 1, column: 1)

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A place in a file of the workspace. `path` is absolute; printers make it relative.
public struct SourceLocation: Sendable, Codable, Hashable, Comparable {
    public var path: String
    public var position: SourcePosition

    public init(path: String, position: SourcePosition = .start) {
        self.path = path
        self.position = position
    }

    public init(path: String, line: Int, column: Int) {
        self.init(path: path, position: SourcePosition(line: line, column: column))
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.path, lhs.position) < (rhs.path, rhs.position)
    }
}

/// One problem found in the user's files: a value, never a thrown error, so that a run can report
/// every problem at once.
public struct Diagnostic: Sendable, Codable, Hashable, Comparable {
    public var severity: Severity
    /// Where the problem is; nil for problems of the workspace as a whole.
    public var location: SourceLocation?
    public var message: String
    /// A stable identifier of the rule that found it, e.g. `unknown-value`.
    public var code: String?

    public init(_ severity: Severity, at location: SourceLocation?, _ message: String, code: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.code = code
    }

    public static func error(at location: SourceLocation?, _ message: String, code: String? = nil) -> Self {
        Diagnostic(.error, at: location, message, code: code)
    }

    public static func warning(at location: SourceLocation?, _ message: String, code: String? = nil) -> Self {
        Diagnostic(.warning, at: location, message, code: code)
    }

    /// Sorted by file, then position, then errors before warnings, then text, so output is stable.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs.location, rhs.location) {
        case (nil, .some): return true
        case (.some, nil): return false
        case let (l?, r?) where l != r: return l < r
        default:
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            return lhs.message < rhs.message
        }
    }
}
