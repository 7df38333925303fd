import DossierTestSupport

/// The generator's random numbers: SplitMix64, so that the same seed gives the same workspace byte
/// for byte on every machine and every run.
typealias SeededRandom = SplitMix64

extension SplitMix64 {
    /// A generator for one part of the workspace, independent of the order in which parts are made
    /// (projects are generated in parallel).
    init(seed: UInt64, stream: UInt64, index: Int) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        self.init(seed: mixer.next() ^ (UInt64(truncatingIfNeeded: index) &* 0xBF58_476D_1CE4_E5B9))
    }

    mutating func between(_ low: Int, _ high: Int) -> Int { int(low...high) }

    mutating func percent(_ percent: Int) -> Bool { chance(percent) }
}
