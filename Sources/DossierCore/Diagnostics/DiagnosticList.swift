/// The findings of one run, collected from every file and rule.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        items.append(contentsOf: other)
    }

    public mutating func error(_ message: String, at location: SourceLocation?, code: String? = nil) {
        items.append(.error(at: location, message, code: code))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?, code: String? = nil) {
        items.append(.warning(at: location, message, code: code))
    }

    public var errorCount: Int { items.count { $0.severity == .error } }
    public var warningCount: Int { items.count { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Every diagnostic once, in file and position order.
    public var sorted: [Diagnostic] { Array(Set(items)).sorted() }

    /// Warnings turned into errors, for `--strict`.
    public func escalatingWarnings() -> DiagnosticList {
        DiagnosticList(items.map { var d = $0; d.severity = .error; return d })
    }
}
