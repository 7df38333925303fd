extension MergeReport.Change {
    /// The field a change is about.
    var field: String {
        switch self {
        case .tagsAdded: "tags"
        case .classification: "classification"
        case .firstSeen: "firstSeen"
        case .lastSeen: "lastSeen"
        case .source: "source"
        case .comment: "comment"
        case .madePrivate: "private"
        case .fieldsAdded: "extra"
        }
    }

    /// The changes of a later merge into the same indicator folded into those of an earlier one,
    /// so the report has one line per field: lists are concatenated, and a value change keeps the
    /// first "from" and the last "to" (and disappears if it came back to where it started).
    static func fold(_ earlier: [Self], _ later: [Self]) -> [Self] {
        var result = earlier
        for change in later {
            guard let i = result.firstIndex(where: { $0.field == change.field }) else {
                result.append(change)
                continue
            }
            switch (result[i], change) {
            case (.tagsAdded(let a), .tagsAdded(let b)): result[i] = .tagsAdded(a + b)
            case (.fieldsAdded(let a), .fieldsAdded(let b)): result[i] = .fieldsAdded(a + b)
            case (.classification(let from, _), .classification(_, let to)): result[i] = .classification(from: from, to: to)
            case (.firstSeen(let from, _), .firstSeen(_, let to)): result[i] = .firstSeen(from: from, to: to)
            case (.lastSeen(let from, _), .lastSeen(_, let to)): result[i] = .lastSeen(from: from, to: to)
            default: result.append(change)
            }
        }
        return result.filter { change in
            if case .classification(let from, let to) = change { return from != to }
            return true
        }
    }
}
