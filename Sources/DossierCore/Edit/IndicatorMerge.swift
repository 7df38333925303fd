/// The merge rules of `dossier add` and `dossier import`: an indicator that is already recorded is
/// merged, never duplicated.
///
/// - tags: unioned case-insensitively; the recorded spelling stays, new tags are appended.
/// - classification: an explicit incoming one replaces the recorded one (reported as a change);
///   an incoming indicator without one leaves it alone. Data from a file (`Unknown.keepsRecorded`)
///   never replaces it with `unknown`.
/// - firstSeen / lastSeen: the earliest and the latest of both.
/// - source / comment: filled in when the recorded indicator has none. When both differ, the
///   recorded one is kept and the difference reported as a conflict: it is what an analyst wrote
///   in this project, while incoming text is usually a feed's or a tool's.
/// - private: sticky. Incoming `private: true`, or a tag that hides (`private`, `do-not-publish`:
///   `Indicator.hidingTag`), makes it private; nothing makes it public, since an import must
///   never publish what an analyst kept private.
/// - unknown fields: added when missing; a differing value keeps the recorded one (a conflict).
///
/// Incoming values must be normalized (as `Indicators.parse` or the loader give them): identity
/// is `IndicatorKey`, type and normal value, a URL's two spellings alike (`http://x/ü` is
/// `http://x/%C3%BC`); the recorded spelling stays.
public enum IndicatorMerge {
    /// How an incoming `unknown` classification is taken.
    public enum Unknown: Sendable {
        /// Like any other classification: `add --classify unknown` and `classify` are the analyst's word.
        case replaces
        /// It leaves a recorded indicator's classification alone (`import`): a file's "unknown"
        /// says its author had no verdict (exports write it for every unclassified indicator), not
        /// that the analyst's verdict is wrong.
        case keepsRecorded
        /// Neither it nor another classification replaces the one already taken (repeats within
        /// one file): a feed that says malicious, then non-malicious, of one value disagrees with
        /// itself, which is reported (`Conflict.classification`) rather than settled by row order.
        case keepsFirst
    }

    /// Merges `incoming` into `project`'s indicators; only `indicators` of the project changes
    /// (saving it, with `updated`, is `ProjectEdit`'s job). Several incoming indicators with one key
    /// merge into each other in order. Recorded duplicates (a `check` error) are left alone; the
    /// first of them receives the merge.
    ///
    /// `impliedBy`: for data from a file, the workspace's vocabulary. A classification the file
    /// states only because the tags imply it, or `unknown` where none do (exports write the
    /// effective one), is then left implied on an indicator the project does not classify, so that
    /// it follows the vocabulary as the original did.
    public static func merge(
        _ incoming: [Indicator], into project: Project, unknown: Unknown = .replaces, impliedBy vocabulary: Vocabulary? = nil
    ) -> (project: Project, report: MergeReport) {
        var result = project
        var position: [IndicatorKey: Int] = [:]
        position.reserveCapacity(project.indicators.count + incoming.count)
        for (index, indicator) in project.indicators.enumerated() where position[indicator.key] == nil {
            position[indicator.key] = index
        }
        var added: [IndicatorKey] = []
        var addedKeys: Set<IndicatorKey> = []
        // Recorded indicators the input met, and added ones it met again.
        var entries = EntryLog()
        var addedAgain = EntryLog()
        var repeated = 0
        var given: Set<IndicatorKey> = []
        for var item in incoming {
            item.keepPrivateIfHidingTagged()
            // Given before in this input: counted apart, whether it is merged or added.
            if !given.insert(item.key).inserted { repeated += 1 }
            let found = position[item.key]
            // Merged into a recorded one under its spelling, which the report names.
            let key = found.map { result.indicators[$0].key } ?? item.key
            if let vocabulary, let stated = item.classification {
                let recorded = found.map { result.indicators[$0] }
                if recorded?.classification == nil,
                   vocabulary.impliedClassification(of: Tag.union(recorded?.tags ?? [], item.tags)) ?? .unknown == stated {
                    item.classification = nil
                }
            }
            guard let index = found else {
                position[item.key] = result.indicators.count
                result.indicators.append(item)
                added.append(key)
                addedKeys.insert(key)
                continue
            }
            let (merged, changes, conflicts) = merge(item, into: result.indicators[index], unknown: unknown)
            result.indicators[index] = merged
            if addedKeys.contains(key) {
                // Its conflicts kept: a second comment is not dropped unsaid.
                if !conflicts.isEmpty { addedAgain.record(key, changes: [], conflicts: conflicts) }
                continue
            }
            entries.record(key, changes: changes, conflicts: conflicts)
        }
        let report = MergeReport(
            added: added, merged: entries.entries.filter { !$0.changes.isEmpty }, unchanged: entries.entries.filter { $0.changes.isEmpty },
            repeatedInInput: repeated, addedWithConflicts: addedAgain.entries)
        return (result, report)
    }

    /// The report's entries, one per indicator in the order the input first met it, each with
    /// the changes of every merge into it folded together and its conflicts once.
    private struct EntryLog {
        var entries: [MergeReport.Entry] = []
        var position: [IndicatorKey: Int] = [:]

        mutating func record(_ key: IndicatorKey, changes: [MergeReport.Change], conflicts: [MergeReport.Conflict]) {
            let e = position[key] ?? entries.count
            if e == entries.count {
                position[key] = e
                entries.append(MergeReport.Entry(key: key))
            }
            entries[e].changes = MergeReport.Change.fold(entries[e].changes, changes)
            entries[e].conflicts.append(contentsOf: conflicts.filter { !entries[e].conflicts.contains($0) })
        }
    }

    /// Merges one incoming indicator into the recorded one with the same key.
    public static func merge(_ incoming: Indicator, into recorded: Indicator, unknown: Unknown = .replaces)
        -> (indicator: Indicator, changes: [MergeReport.Change], conflicts: [MergeReport.Conflict])
    {
        var result = recorded
        var changes: [MergeReport.Change] = []
        var conflicts: [MergeReport.Conflict] = []

        // The union appends the new tags after the recorded ones (linear, however many tags).
        let tags = Tag.union(recorded.tags, incoming.tags)
        let newTags = Array(tags.dropFirst(recorded.tags.count))
        if !newTags.isEmpty {
            result.tags = tags
            changes.append(.tagsAdded(newTags))
        }
        if let classification = incoming.classification, classification != recorded.classification,
            classification != .unknown || unknown == .replaces
        {
            // A first `unknown` is no verdict: a later one is taken.
            if unknown == .keepsFirst, let kept = recorded.classification, kept != .unknown {
                conflicts.append(.classification(kept: kept, ignored: classification))
            } else {
                result.classification = classification
                changes.append(.classification(from: recorded.classification, to: classification))
            }
        }
        // Each date is a sighting: the span runs from the earliest to the latest of them all, at
        // each end that either side gives (first seen 2026-11-05, then a last sighting given as
        // 2026-11-01; or a span of March, then a last sighting in January, which was a sighting
        // before the first).
        let dates = [recorded.firstSeen, recorded.lastSeen, incoming.firstSeen, incoming.lastSeen]
        let first = recorded.firstSeen == nil && incoming.firstSeen == nil ? nil : dates.reduce(nil, ISODate.earlier)
        let last = recorded.lastSeen == nil && incoming.lastSeen == nil ? nil : dates.reduce(nil, ISODate.later)
        if let first, first != recorded.firstSeen {
            result.firstSeen = first
            changes.append(.firstSeen(from: recorded.firstSeen, to: first))
        }
        if let last, last != recorded.lastSeen {
            result.lastSeen = last
            changes.append(.lastSeen(from: recorded.lastSeen, to: last))
        }
        // An empty text is none: it is filled in, and fills in nothing (`--comment "$EMPTY"`).
        func written(_ text: String?) -> String? { text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } }
        switch (written(recorded.source), written(incoming.source)) {
        case (nil, let new?): result.source = new; changes.append(.source(new))
        case (let old?, let new?) where old != new: conflicts.append(.source(kept: old, ignored: new))
        default: break
        }
        switch (written(recorded.comment), written(incoming.comment)) {
        case (nil, let new?): result.comment = new; changes.append(.comment(new))
        case (let old?, let new?) where old != new: conflicts.append(.comment(kept: old, ignored: new))
        default: break
        }
        if incoming.privateFlag == true && recorded.privateFlag != true {
            result.privateFlag = true
            changes.append(.madePrivate)
        }
        var addedFields: [String] = []
        for member in incoming.extra {
            if let existing = recorded.extra.first(where: { $0.key == member.key }) {
                if !sameValue(existing.value.value, member.value.value) { conflicts.append(.field(member.key)) }
            } else if !addedFields.contains(member.key) {
                result.extra.append(member)
                addedFields.append(member.key)
            }
        }
        if !addedFields.isEmpty { changes.append(.fieldsAdded(addedFields)) }
        return (result, changes, conflicts)
    }

    /// JSON values compared without source positions.
    static func sameValue(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { sameValue($0.value, $1.value) }
        case (.object(let x), .object(let y)):
            return x.members.count == y.members.count
                && zip(x.members, y.members).allSatisfy { $0.key == $1.key && sameValue($0.value.value, $1.value.value) }
        default:
            return a == b
        }
    }
}
