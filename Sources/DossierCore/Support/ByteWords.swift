/// Tests of eight bytes at once (a little-endian word of UTF-8), for the loops that pass over
/// gigabytes of text looking for a few bytes: escapers, which copy plain runs whole.
///
/// Each answer may be wrong on the safe side only: a byte flagged that is not what was asked
/// (one above a match, through the borrow), never a match missed.
public enum ByteWords {
    /// The high bit of each byte of `word` that may be zero, the usual `(x - 0x01..) & ~x & 0x80..`.
    @inlinable @inline(__always)
    public static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// The high bit of each byte of `word` that may be `byte`.
    @inlinable @inline(__always)
    public static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        zeroBytes(word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }

    /// The high bit of each byte of `word` that may be below 0x20 or is not ASCII.
    @inlinable @inline(__always)
    public static func controlOrNonASCII(_ word: UInt64) -> UInt64 {
        ((word &- 0x2020_2020_2020_2020) & ~word | word) & 0x8080_8080_8080_8080
    }

    /// True when every byte of `word` is printable ASCII (0x20 to 0x7E): no control, no DEL, no
    /// part of a longer character. False for some others.
    @inlinable @inline(__always)
    public static func isPrintableASCII(_ word: UInt64) -> Bool {
        controlOrNonASCII(word) | bytes(word, equalTo: 0x7F) == 0
    }
}
