#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A set of byte values as a 256-bit map: a membership test is a shift and a mask, where a
/// `Set<UInt8>` hashed every byte it was asked about (scans of note text ask about every byte).
struct ByteSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ members: String.UTF8View) {
        for byte in members { insert(byte) }
    }

    init(_ members: [UInt8]) {
        for byte in members { insert(byte) }
    }

    private mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << (byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return word & (UInt64(1) << (byte & 63)) != 0
    }
}

extension String {
    /// Whether the text's UTF-8 form holds `byte`: by `memchr` over a native string's bytes, where
    /// `utf8.contains` walked a 3 KB note byte by byte through the view.
    public func containsByte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        } ?? utf8.contains(byte)
    }
}
