/// Byte-level helpers for the indicator parsers, which work on UTF-8 bytes to stay fast (no regular
/// expressions, no Character iteration) when a workspace holds a million values.
enum IndicatorBytes {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static let dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let slash = UInt8(ascii: "/")
    static let at = UInt8(ascii: "@")
    static let hyphen = UInt8(ascii: "-")
    static let space = UInt8(ascii: " ")

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { isLower(b) ? b & 0xDF : b }

    /// Value of a hex digit in either case, or nil.
    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        if isDigit(b) { return b &- 0x30 }
        let l = b | 0x20
        if l &- 0x61 < 6 { return l &- 0x61 &+ 10 }
        return nil
    }

    /// Space, tab, line breaks and other C0 controls, and DEL.
    @inline(__always) static func isControlOrSpace(_ b: UInt8) -> Bool { b <= 0x20 || b == 0x7F }

    /// Runs `body` over the UTF-8 bytes of `string`, without copying native strings.
    @inline(__always) static func withBytes<R>(_ string: String, _ body: (Bytes) throws -> R) rethrows -> R {
        var string = string
        return try string.withUTF8(body)
    }

    /// A string from a range of bytes.
    @inline(__always) static func string(_ bytes: Bytes, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The bytes lower-cased (ASCII letters only) as a string.
    static func lowercased(_ bytes: Bytes, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count, initializingUTF8With: { buffer in
            var i = 0
            for j in range {
                buffer[i] = lower(bytes[j])
                i += 1
            }
            return i
        })
    }

    /// True when every byte in `range` satisfies `predicate` (and the range is not empty).
    @inline(__always) static func all(_ bytes: Bytes, _ range: Range<Int>, _ predicate: (UInt8) -> Bool) -> Bool {
        if range.isEmpty { return false }
        for i in range where !predicate(bytes[i]) { return false }
        return true
    }

    /// True when the bytes in `range` equal `literal`, comparing ASCII letters case-insensitively.
    /// `literal` must be lower-case.
    @inline(__always) static func matches(_ bytes: Bytes, at start: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start >= 0, start + count <= bytes.count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where lower(bytes[start + k]) != p[k] { return false }
        return true
    }

    /// Decodes the Unicode scalar starting at `i` (which must be a lead byte); returns it and its length in bytes.
    static func scalar(_ bytes: Bytes, at i: Int) -> (Unicode.Scalar, Int)? {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length: Int
        var value: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(b0 & 0x07)
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Letters, combining marks and digits of any script: what an internationalized host name label is made of.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }
}
