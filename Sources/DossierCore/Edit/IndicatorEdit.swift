/// The bulk edits of `tag`, `untag` and `classify` on selected indicators of a project (see
/// `Selection`). Each says how many of the selected indicators it actually changed, so the caller
/// can write nothing when nothing changed.
public enum IndicatorEdit {
    public struct Outcome: Sendable, Hashable {
        /// Indicators the selection held.
        public var selected: Int
        /// Of those, the ones the edit changed.
        public var changed: Int

        public init(selected: Int, changed: Int) {
            self.selected = selected
            self.changed = changed
        }
    }

    /// Adds `tag` to each indicator at `indices` that does not have it (in any case). A tag that
    /// hides (`private`) makes each of them private too, written down.
    public static func tag(_ project: inout Project, with tag: String, at indices: [Int]) -> Outcome {
        var changed = 0
        for i in indices where !Tag.contains(project.indicators[i].tags, tag) {
            project.indicators[i].tags.append(tag)
            project.indicators[i].keepPrivateIfHidingTagged()
            changed += 1
        }
        return Outcome(selected: indices.count, changed: changed)
    }

    /// Removes `tag` (in any case) from each indicator at `indices`.
    public static func untag(_ project: inout Project, removing tag: String, at indices: [Int]) -> Outcome {
        let key = Tag.key(tag)
        var changed = 0
        for i in indices where Tag.contains(project.indicators[i].tags, tag) {
            project.indicators[i].tags.removeAll { Tag.key($0) == key }
            changed += 1
        }
        return Outcome(selected: indices.count, changed: changed)
    }

    /// The tag of the indicators at `indices` that `tag` may be a typo of (`Blokced` for
    /// `Blocked`), when none of them has `tag` itself: what an untag that changed nothing meant.
    public static func closestTag(to tag: String, in project: Project, at indices: [Int]) -> String? {
        var tags: [String] = []
        var seen: Set<String> = []
        for i in indices {
            for candidate in project.indicators[i].tags where seen.insert(Tag.key(candidate)).inserted { tags.append(candidate) }
        }
        return ClosestName.find(tag, in: tags)
    }

    /// The indicators at `indices` whose effective classification differs between `before` and
    /// `after` (the same project before and after an edit that kept its indicators in place):
    /// removing a tag that implied one changes it unasked.
    public static func reclassified(from before: Project, to after: Project, at indices: [Int], vocabulary: Vocabulary)
        -> [(indicator: Int, was: Classification, now: Classification)] {
        indices.compactMap { i in
            let was = before.indicators[i].effectiveClassification(in: vocabulary)
            let now = after.indicators[i].effectiveClassification(in: vocabulary)
            return was == now ? nil : (i, was, now)
        }
    }

    /// Sets the explicit classification of each indicator at `indices` (nil: takes it off, and
    /// the indicator is what its tags imply, else unknown). One whose classification was only
    /// implied by its tags changes too: it is now written down.
    public static func classify(_ project: inout Project, as classification: Classification?, at indices: [Int]) -> Outcome {
        var changed = 0
        for i in indices where project.indicators[i].classification != classification {
            project.indicators[i].classification = classification
            changed += 1
        }
        return Outcome(selected: indices.count, changed: changed)
    }

    /// Takes the indicators at `indices` out of the project; returns them, in the project's order.
    public static func remove(_ project: inout Project, at indices: [Int]) -> [Indicator] {
        let removing = Set(indices)
        let removed = indices.sorted().map { project.indicators[$0] }
        project.indicators = project.indicators.enumerated().filter { !removing.contains($0.offset) }.map(\.element)
        return removed
    }

    /// A tag as the vocabulary spells it when it is a vocabulary tag in another case (`blocked` →
    /// `Blocked`), so that typing on the command line does not scatter spellings; else as given,
    /// white space tidied (`Tag.tidy`).
    public static func spelling(of tag: String, in vocabulary: Vocabulary) -> String {
        vocabulary.definition(of: tag)?.name ?? Tag.tidy(tag)
    }

    /// Indicators at `indices` whose explicit classification contradicts what their tags imply
    /// (what `check` warns about), for a hint after tagging.
    public static func contradictions(in project: Project, at indices: [Int], vocabulary: Vocabulary) -> [Int] {
        indices.filter { i in
            let indicator = project.indicators[i]
            guard let explicit = indicator.classification else { return false }
            return vocabulary.contradiction(of: explicit, tags: indicator.tags) != nil
        }
    }
}
