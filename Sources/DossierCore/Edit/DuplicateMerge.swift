/// `dossier fmt --merge`: the entries of one project that record the same indicator (the
/// `duplicate-indicator` error) made one, by the merge rules of `add` (`IndicatorMerge`), where
/// nothing is lost or decided by it; and each tag of an entry once (the `repeated-tag` warning).
/// Entries whose classifications (as given or as their tags imply them; an entry with neither
/// agrees with any) or unknown fields differ are left as they are, with the reason: which to
/// keep is the analyst's call. What can be kept whole is: two comments or two sources are
/// joined (`a; b`, as `import` joins sources), and an entry private on one side only makes the
/// merged one private (what one analyst kept off the site stays off it); each is said.
public enum DuplicateMerge {
    /// What happened to one indicator recorded more than once.
    public struct Outcome: Sendable, Equatable {
        public var key: IndicatorKey
        /// How many entries recorded it.
        public var entries: Int
        /// Why they were left apart; nil when they were merged.
        public var keptApartBecause: String?
        /// What the merge kept of both (`comments joined`), when the entries differed there.
        public var joined: [String] = []
    }

    /// `indicators` with each indicator's entries merged into its first, where they agree;
    /// classifications implied by tags are read in `vocabulary`.
    public static func merged(_ indicators: [Indicator], vocabulary: Vocabulary) -> (indicators: [Indicator], outcomes: [Outcome]) {
        var positions: [IndicatorKey: [Int]] = [:]
        for (index, indicator) in indicators.enumerated() { positions[indicator.key, default: []].append(index) }
        let repeated = positions.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        guard !repeated.isEmpty else { return (indicators, []) }
        var result = indicators
        var dropped: Set<Int> = []
        var outcomes: [Outcome] = []
        for group in repeated {
            let key = indicators[group[0]].key
            var merged = indicators[group[0]]
            var disagreement: String?
            var joined: [String] = []
            func say(_ what: String) { if !joined.contains(what) { joined.append(what) } }
            for index in group.dropFirst() {
                let entry = indicators[index]
                // As given or as tags imply it (`Blocked` and `False Positive` are two verdicts),
                // and as the merged entry would have it: a merge must not decide one.
                let classifications = [merged, entry].map { $0.effectiveClassification(in: vocabulary) }
                // An entry with no verdict at all (no classification, no tag implying one: the
                // bare copy a merge of two branches leaves) agrees with any, as `add` merges it.
                let undecided = [merged, entry].map { $0.classification == nil && vocabulary.impliedClassification(of: $0.tags) == nil }
                let verdict = undecided[0] ? classifications[1] : classifications[0]
                if classifications[0] != classifications[1], !undecided[0], !undecided[1] {
                    disagreement = "their classifications differ (\(classifications[0].rawValue), \(classifications[1].rawValue))"
                    break
                }
                var (next, _, conflicts) = IndicatorMerge.merge(entry, into: merged)
                if merged.isPrivate != entry.isPrivate {
                    next.privateFlag = true
                    say("made private, as one entry was")
                }
                let after = next.effectiveClassification(in: vocabulary)
                if after != verdict {
                    disagreement = "their tags together would make it \(after.rawValue), not \(verdict.rawValue)"
                    break
                }
                for conflict in conflicts {
                    switch conflict {
                    case .comment(let kept, let other):
                        next.comment = Self.joining(kept, other)
                        say("comments joined")
                    case .source(let kept, let other):
                        next.source = Self.joining(kept, other)
                        say("sources joined")
                    case .field(let name): disagreement = disagreement ?? "their \"\(name)\" fields differ"
                    case .classification: disagreement = disagreement ?? "their classifications differ"
                    }
                }
                if disagreement != nil { break }
                merged = next
            }
            if let disagreement {
                outcomes.append(Outcome(key: key, entries: group.count, keptApartBecause: disagreement))
                continue
            }
            result[group[0]] = merged
            dropped.formUnion(group.dropFirst())
            outcomes.append(Outcome(key: key, entries: group.count, joined: joined))
        }
        let kept = result.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
        return (kept, outcomes)
    }

    /// `kept` as written, then each part of `other` (as a join writes parts, after `; `) that
    /// `kept` does not have: a text joined before is not joined again (`gw; proxy` and
    /// `proxy; gw` are one), and nothing of either is lost or rewritten.
    private static func joining(_ kept: String, _ other: String) -> String {
        let parts = Set(kept.components(separatedBy: "; ").map { $0.trimmingCharacters(in: .whitespaces) })
        var joined = kept
        for part in other.components(separatedBy: "; ") where !part.trimmingCharacters(in: .whitespaces).isEmpty
            && !parts.contains(part.trimmingCharacters(in: .whitespaces)) {
            joined += joined.isEmpty ? part : "; " + part
        }
        return joined
    }

    /// A tag written twice on one indicator (the `repeated-tag` warning), as tags compare:
    /// the spellings written again, which the merge drops.
    public struct RepeatedTags: Sendable, Equatable {
        /// The indicator; nil for the project's own tags.
        public var key: IndicatorKey?
        public var dropped: [String]
    }

    /// `indicators` with each tag once per indicator, as first written (`Blocked, blocked` is
    /// `Blocked`): one tag, so nothing the reports show or the classification it implies changes.
    public static func withoutRepeatedTags(_ indicators: [Indicator]) -> (indicators: [Indicator], repeated: [RepeatedTags]) {
        var result = indicators
        var repeated: [RepeatedTags] = []
        for i in result.indices where result[i].tags.count > 1 {
            let (kept, repeats) = Tag.once(result[i].tags)
            guard !repeats.isEmpty else { continue }
            result[i].tags = kept
            repeated.append(RepeatedTags(key: result[i].key, dropped: repeats.map(\.again)))
        }
        return (result, repeated)
    }
}
