/// Occurrences filed by key, for the index's side tables. Most keys are recorded once: their
/// occurrence is stored inline, and only keys with more get an array, so building and freeing a
/// table of a million keys does not cost a million small heap arrays.
struct OccurrenceSlots<Key: Hashable & Sendable>: Sendable {
    private enum Slot: Sendable {
        case one(IndicatorIndex.Occurrence)
        case many(Int)
    }

    private var slots: [Key: Slot] = [:]
    /// The keys filed more than once, with their occurrences in the order filed.
    private(set) var repeated: [(key: Key, occurrences: [IndicatorIndex.Occurrence])] = []

    mutating func reserveCapacity(_ count: Int) {
        slots.reserveCapacity(count)
    }

    mutating func append(_ occurrence: IndicatorIndex.Occurrence, for key: Key) {
        guard let old = slots.updateValue(.one(occurrence), forKey: key) else { return }
        switch old {
        case .one(let first):
            repeated.append((key, [first, occurrence]))
            slots[key] = .many(repeated.count - 1)
        case .many(let index):
            repeated[index].occurrences.append(occurrence)
            slots[key] = .many(index)
        }
    }

    /// How many occurrences `key` has, without making an array of them.
    func count(_ key: Key) -> Int {
        switch slots[key] {
        case nil: 0
        case .one: 1
        case .many(let index): repeated[index].occurrences.count
        }
    }

    subscript(key: Key) -> [IndicatorIndex.Occurrence] {
        switch slots[key] {
        case nil: []
        case .one(let occurrence): [occurrence]
        case .many(let index): repeated[index].occurrences
        }
    }
}
