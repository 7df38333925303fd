/// A 64-bit checksum read eight bytes at a time, in four lanes: tells a damaged cache entry (a
/// torn write, a bad sector) from a whole one at several times the speed of SHA-256, which a warm
/// `check` spent on a hundred megabytes of entries, and a file changed since an edit read it
/// (`ContentDigest`). No defence against crafted bytes: the cache is the user's own, in a folder
/// only its owner can write, and an edit guards against accidents, not against an adversary.
enum Checksum64 {
    private static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
        func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (lane ^ word) &* prime
            return (mixed << 31) | (mixed >> 33)
        }
        func word(at offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        var offset = 0
        while offset + 32 <= bytes.count {
            lanes.0 = mix(lanes.0, word(at: offset))
            lanes.1 = mix(lanes.1, word(at: offset + 8))
            lanes.2 = mix(lanes.2, word(at: offset + 16))
            lanes.3 = mix(lanes.3, word(at: offset + 24))
            offset += 32
        }
        var hash = UInt64(bytes.count)
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { hash = mix(hash, lane) }
        while offset + 8 <= bytes.count {
            hash = mix(hash, word(at: offset))
            offset += 8
        }
        while offset < bytes.count {
            hash = mix(hash, UInt64(bytes[offset]))
            offset += 1
        }
        // Each bit of the result hangs on every bit of the last words.
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }

    /// As 16 lower-case hexadecimal digits.
    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        let hex = String(of(bytes), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
