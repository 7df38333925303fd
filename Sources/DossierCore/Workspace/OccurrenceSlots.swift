/// Occurrences filed by key, for the index's side tables. Most keys are recorded once: their
/// occurrence is stored inline, and only keys with more get an array, so building and freeing a
/// table of a million keys does not cost a million small heap arrays.
struct OccurrenceSlots<Key: Hashable & Sendable>: Sendable {
    private enum Slot: Sendable {
        case one(IndicatorIndex.Occurrence)
        case many(Int)
    }

    private var slots: [Key: Slot] = [:]
    private var lists: [[IndicatorIndex.Occurrence]] = []

    mutating func append(_ occurrence: IndicatorIndex.Occurrence, for key: Key) {
        guard let old = slots.updateValue(.one(occurrence), forKey: key) else { return }
        switch old {
        case .one(let first):
            lists.append([first, occurrence])
            slots[key] = .many(lists.count - 1)
        case .many(let index):
            lists[index].append(occurrence)
            slots[key] = .many(index)
        }
    }

    subscript(key: Key) -> [IndicatorIndex.Occurrence] {
        switch slots[key] {
        case nil: []
        case .one(let occurrence): [occurrence]
        case .many(let index): lists[index]
        }
    }
}
