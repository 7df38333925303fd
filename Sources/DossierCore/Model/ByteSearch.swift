import Foundation

/// Finding a short ASCII marker in a text by its UTF-8 bytes. Foundation's `range(of:)` goes
/// through CFString at some tens of MB/s; `check` looks for markers (`<!--`, `visibility`) in every
/// public note of the workspace on every run.
public enum ByteSearch {
    /// Byte offset of the first `needle` in `haystack` at or after `start`: each place its first
    /// byte is found (memchr), compared whole (memcmp).
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first, let needleBase = needle.baseAddress else { return nil }
        var start = start
        while start + needle.count <= haystack.count {
            guard let found = memchr(base + start, Int32(first), haystack.count - needle.count - start + 1) else { return nil }
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            if memcmp(found, needleBase, needle.count) == 0 { return at }
            start = at + 1
        }
        return nil
    }

    /// Byte offset of the first `needle` in `bytes` at or after `start`.
    static func firstOffset(of needle: StaticString, in bytes: [UInt8], from start: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { haystack in
            firstOffset(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: haystack, from: start)
        }
    }

    /// Byte offset of the first `needle` in `text`.
    static func firstOffset(of needle: String, in text: String) -> Int? {
        var (needle, text) = (needle, text)
        return needle.withUTF8 { needle in text.withUTF8 { firstOffset(of: needle, in: $0) } }
    }

    /// True when `text` holds `needle` byte for byte.
    public static func contains(_ needle: StaticString, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            firstOffset(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: bytes) != nil
        }
    }

    /// True when `text` holds `needle` (lower-case ASCII) in any ASCII case.
    static func contains(caseInsensitive needle: StaticString, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { firstOffset(caseInsensitive: needle, in: $0) != nil }
    }

    /// Byte offset of the first `needle` (lower-case ASCII) in `bytes` at or after `start`, in any
    /// ASCII case.
    static func firstOffset(caseInsensitive needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let needle = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = needle.first else { return nil }
        var at = start
        while at + needle.count <= bytes.count {
            if IndicatorBytes.lower(bytes[at]) == first {
                var matched = 1
                while matched < needle.count, IndicatorBytes.lower(bytes[at + matched]) == needle[matched] { matched += 1 }
                if matched == needle.count { return at }
            }
            at += 1
        }
        return nil
    }
}
