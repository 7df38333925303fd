/// What merging indicators into a project did, per indicator: added, merged (with what changed) or
/// unchanged. Conflicts (an incoming comment or source that differs from the recorded one) are kept
/// apart from changes, because the recorded value wins and nothing in the file changes for them.
public struct MergeReport: Sendable, Hashable {
    /// Indicators that were not in the project, in input order (each once).
    public var added: [IndicatorKey] = []
    /// Recorded indicators that the incoming ones changed.
    public var merged: [Entry] = []
    /// Recorded indicators that the incoming ones did not change (possibly with conflicts).
    public var unchanged: [Entry] = []
    /// Incoming indicators the same input gave before (a file listing a value twice, two files
    /// listing it), merged into the first.
    public var repeatedInInput = 0
    /// Added indicators whose repeats in the input disagreed with them (another comment or
    /// source), with those conflicts: the first one given was kept.
    public var addedWithConflicts: [Entry] = []

    public init(added: [IndicatorKey] = [], merged: [Entry] = [], unchanged: [Entry] = [], repeatedInInput: Int = 0,
        addedWithConflicts: [Entry] = []) {
        self.added = added
        self.merged = merged
        self.unchanged = unchanged
        self.repeatedInInput = repeatedInInput
        self.addedWithConflicts = addedWithConflicts
    }

    /// True when the project's indicators differ from what they were.
    public var hasChanges: Bool { !added.isEmpty || !merged.isEmpty }

    /// Every conflict, with the indicator it concerns.
    public var conflicts: [(key: IndicatorKey, conflict: Conflict)] {
        (addedWithConflicts + merged + unchanged).flatMap { entry in entry.conflicts.map { (entry.key, $0) } }
    }

    /// One recorded indicator that incoming data met.
    public struct Entry: Sendable, Hashable {
        public var key: IndicatorKey
        public var changes: [Change]
        public var conflicts: [Conflict]

        public init(key: IndicatorKey, changes: [Change] = [], conflicts: [Conflict] = []) {
            self.key = key
            self.changes = changes
            self.conflicts = conflicts
        }
    }

    /// A change made to a recorded indicator.
    public enum Change: Sendable, Hashable, CustomStringConvertible {
        /// Tags the indicator did not have (compared case-insensitively), as spelled by the input.
        case tagsAdded([String])
        /// An explicit classification replaced the recorded one (nil: none was written, it was implied).
        case classification(from: Classification?, to: Classification)
        case firstSeen(from: String?, to: String)
        case lastSeen(from: String?, to: String)
        /// A source filled in where the indicator had none.
        case source(String)
        /// A comment filled in where the indicator had none.
        case comment(String)
        /// The indicator became private (merging never makes a private indicator public).
        case madePrivate
        /// Unknown fields the indicator did not have, by name.
        case fieldsAdded([String])

        public var description: String {
            switch self {
            case .tagsAdded(let tags): "tags +" + tags.joined(separator: ", +")
            case .classification(let from, let to): "classification \(from?.rawValue ?? "(implied)") → \(to.rawValue)"
            case .firstSeen(let from, let to): "firstSeen \(from ?? "(none)") → \(to)"
            case .lastSeen(let from, let to): "lastSeen \(from ?? "(none)") → \(to)"
            case .source(let source): "source set to \(quoted(source))"
            case .comment(let comment): "comment set to \(quoted(comment))"
            case .madePrivate: "made private"
            case .fieldsAdded(let names): "fields added: " + names.joined(separator: ", ")
            }
        }
    }

    /// Incoming data that disagreed with the recorded indicator and was not taken.
    public enum Conflict: Sendable, Hashable, CustomStringConvertible {
        case source(kept: String, ignored: String)
        case comment(kept: String, ignored: String)
        /// An unknown field with another value than the recorded one.
        case field(String)
        /// Another classification than the one already taken (`IndicatorMerge.Unknown.keepsFirst`).
        case classification(kept: Classification, ignored: Classification)

        public var description: String {
            switch self {
            case .classification(let kept, let ignored): "classification \(ignored.rawValue) ignored; kept \(kept.rawValue)"
            case .source(let kept, let ignored): "source \(quoted(ignored)) ignored; kept \(quoted(kept))"
            case .comment(let kept, let ignored): "comment \(quoted(ignored)) ignored; kept \(quoted(kept))"
            case .field(let name): "field \"\(name)\" differs; kept the recorded value"
            }
        }
    }

    /// A text of the indicator's in quotes, on one line: a comment or source from a file may hold
    /// line breaks, which printed as they are would start what reads as another message.
    static func quoted(_ text: String) -> String {
        "\"" + DiagnosticPrinter.escapingControls(text, keepingLines: false) + "\""
    }
}
