import CDigestKernels

/// The occurrences of each indicator key, in an open-addressing table of 64-bit hashes of the
/// keys. A key itself is not kept: a slot holds its hash and its first occurrence, and a probe
/// compares the key with that indicator in the workspace, and the slots of a batch of keys are
/// fetched ahead (`prefetch`). Swift's `Dictionary` of the keys waited on memory at every
/// insertion and retained and released their strings: a fifth of a warm `check`'s CPU on a
/// million indicators.
struct KeyTable: Sendable {
    typealias Occurrence = IndicatorIndex.Occurrence

    /// A key's hash (zero: an empty slot; a key's hash never is, see `hash(of:)`) and its first
    /// occurrence, or, with the top bit set, its place in `repeated`: side by side, so that a
    /// probe reads one line of memory.
    private struct Slot {
        var hash: UInt64
        var payload: UInt64
    }

    private static let repeatedFlag: UInt64 = 1 << 63
    private var slots: [Slot]
    private var used = 0
    /// The keys filed more than once, with their occurrences in the order filed.
    private(set) var repeated: [(key: IndicatorKey, occurrences: [Occurrence])] = []

    /// A table that holds `count` keys before it grows (at most 70% of its slots used).
    init(capacity count: Int) {
        slots = Array(repeating: Slot(hash: 0, payload: 0), count: Self.size(for: count))
    }

    private static func size(for count: Int) -> Int {
        var size = 16
        while size * 7 < count * 10 { size *= 2 }
        return size
    }

    private static func pack(_ occurrence: Occurrence) -> UInt64 {
        UInt64(UInt32(occurrence.project)) << 32 | UInt64(UInt32(occurrence.indicator))
    }

    private static func unpack(_ payload: UInt64) -> Occurrence {
        Occurrence(project: Int(payload >> 32), indicator: Int(payload & 0xFFFF_FFFF))
    }

    /// Brings in the slot where `hash` is looked for first, ahead of an `append` of it.
    func prefetch(_ hash: UInt64) {
        slots.withUnsafeBufferPointer { dossier_prefetch($0.baseAddress! + (Int(truncatingIfNeeded: hash) & ($0.count - 1))) }
    }

    /// Files `occurrence` of the indicator `key` of `workspace`, whose hash is `hash`.
    mutating func append(_ occurrence: Occurrence, key: IndicatorKey, hash: UInt64, in workspace: Workspace) {
        let slot = find(key, hash: hash, in: workspace)
        let payload = slots[slot].payload
        if slots[slot].hash == 0 {
            slots[slot] = Slot(hash: hash, payload: Self.pack(occurrence))
            used += 1
            if used * 10 > slots.count * 7 { grow() }
        } else if payload & Self.repeatedFlag == 0 {
            repeated.append((key, [Self.unpack(payload), occurrence]))
            slots[slot].payload = Self.repeatedFlag | UInt64(repeated.count - 1)
        } else {
            repeated[Int(payload & ~Self.repeatedFlag)].occurrences.append(occurrence)
        }
    }

    /// How many occurrences `key` has, without making an array of them.
    func count(_ key: IndicatorKey, hash: UInt64, in workspace: Workspace) -> Int {
        let slot = slots[find(key, hash: hash, in: workspace)]
        if slot.hash == 0 { return 0 }
        return slot.payload & Self.repeatedFlag == 0 ? 1 : repeated[Int(slot.payload & ~Self.repeatedFlag)].occurrences.count
    }

    func occurrences(of key: IndicatorKey, hash: UInt64, in workspace: Workspace) -> [Occurrence] {
        let slot = slots[find(key, hash: hash, in: workspace)]
        if slot.hash == 0 { return [] }
        return slot.payload & Self.repeatedFlag == 0 ? [Self.unpack(slot.payload)] : repeated[Int(slot.payload & ~Self.repeatedFlag)].occurrences
    }

    /// The slot of `key`, or the empty slot where it would go.
    private func find(_ key: IndicatorKey, hash: UInt64, in workspace: Workspace) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].hash != 0 {
            if slots[slot].hash == hash {
                let payload = slots[slot].payload
                let first = payload & Self.repeatedFlag == 0 ? Self.unpack(payload) : repeated[Int(payload & ~Self.repeatedFlag)].occurrences[0]
                if Self.indicator(at: first, in: workspace, is: key) { return slot }
            }
            slot = (slot + 1) & mask
        }
        return slot
    }

    /// Read in place: a copy of the indicator would retain and release each of its strings.
    private static func indicator(at occurrence: Occurrence, in workspace: Workspace, is key: IndicatorKey) -> Bool {
        workspace.projects[occurrence.project].indicators[occurrence.indicator].type == key.type
            && IndicatorKey(type: key.type, value: workspace.projects[occurrence.project].indicators[occurrence.indicator].value) == key
    }

    /// Twice the slots; every key moves by the hash it keeps, with no key compared.
    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(hash: 0, payload: 0), count: 2 * old.count)
        let mask = slots.count - 1
        for entry in old where entry.hash != 0 {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot].hash != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// The key's hash: Swift's SipHash of the key as `IndicatorKey` hashes it, seeded anew in
    /// every process, so that values crafted to collide (a feed's, a pull request's) cannot make
    /// the table quadratic, and keys equal as `IndicatorKey` compares them (canonically
    /// equivalent letters, a URL's two spellings) are one. Its low bits pick the slot, its high
    /// bits the shard (`IndicatorIndex`); never zero.
    static func hash(of type: IndicatorType, _ value: String) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(IndicatorKey(type: type, value: value))
        let hash = UInt64(bitPattern: Int64(hasher.finalize()))
        return hash == 0 ? 1 : hash
    }
}
