/// FNV-1a, 64 bits: a hash that is the same in every run (Swift's `Hasher` is seeded anew in each
/// process), for what is kept between runs and what is hashed a byte at a time.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    static func hash(_ text: String) -> UInt64 {
        var hasher = FNV1a()
        for byte in text.utf8 { hasher.add(byte) }
        return hasher.value
    }
}
