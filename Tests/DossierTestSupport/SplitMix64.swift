/// SplitMix64: a small, fast pseudo-random generator that gives the same sequence for the same seed
/// on every platform and every run, so generated tests, fuzz runs and benchmark workspaces can be
/// replayed. `SystemRandomNumberGenerator` and Swift's per-process hash seeds could not be.
public struct SplitMix64: RandomNumberGenerator {
    public private(set) var state: UInt64

    /// The seed is scrambled first: with `state = seed`, seed n+1 would replay seed n's sequence
    /// shifted by one step, and 40 seeds would test little more than one.
    public init(seed: UInt64) {
        state = Self.mix(seed &+ Self.increment)
    }

    public mutating func next() -> UInt64 {
        state &+= Self.increment
        return Self.mix(state)
    }

    /// A number in `0..<bound` (0 when bound is 0); the tiny modulo bias does not matter here.
    public mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }

    /// A number in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// True with probability `percent` / 100.
    public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// `count` lower-case hexadecimal digits.
    public mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        var word = next()
        for i in 0..<count {
            if i > 0 && i % 16 == 0 { word = next() }
            bytes.append(digits[Int(word & 0xF)])
            word >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
