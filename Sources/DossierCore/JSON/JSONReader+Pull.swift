import Foundation

/// Reading a document piece by piece instead of as a tree: a decoder that knows a file's usual
/// shape takes it member by member and declines (returns nil) at the first thing it does not
/// expect, so that the tree reader can report it exactly.
extension JSONReader {
    /// The next byte after whitespace, not consumed; nil at the end of the input.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    /// Consumes `byte` when it comes next (after whitespace).
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    /// True when only whitespace is left.
    mutating func isAtEnd() -> Bool {
        peek() == nil
    }

    /// The next object key when it is plain ASCII without escapes, as its bytes, with the
    /// position of its opening quote; the reader is then past the closing quote. Nil, with the
    /// reader unmoved, for anything else.
    mutating func plainKey() -> (text: UnsafeBufferPointer<UInt8>, position: SourcePosition)? {
        guard peek() == UInt8(ascii: "\"") else { return nil }
        let position = self.position
        var end = index + 1
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
                index = end + 1
                return (text, position)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return nil }
            end += 1
        }
        return nil
    }

    /// A string value, or nil (reader unmoved) when the next value is not a string.
    mutating func stringIfPresent() throws(JSONSyntaxError) -> String? {
        guard peek() == UInt8(ascii: "\"") else { return nil }
        return try parseString()
    }

    /// A string value naming one of `names`, or nil when the next value is not one (the reader
    /// may have moved). Without escapes, matched on its bytes: no String is made.
    mutating func nameIfPresent<Value>(of names: ByteNames<Value>) throws(JSONSyntaxError) -> Value? {
        if let (text, _) = plainKey() { return names.value(spelled: text) }
        return try stringIfPresent().flatMap(Value.init(rawValue:))
    }

    /// An array of strings, or nil when the next value is not one (the reader may have moved).
    mutating func stringArrayIfPresent() throws(JSONSyntaxError) -> [String]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        var strings: [String] = []
        if consume(UInt8(ascii: "]")) { return strings }
        repeat {
            guard let string = try stringIfPresent() else { return nil }
            strings.append(string)
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]")) ? strings : nil
    }

    /// `true` or `false`, or nil when the next value is neither.
    mutating func boolIfPresent() throws(JSONSyntaxError) -> Bool? {
        switch peek() {
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return true
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return false
        default:
            return nil
        }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// True when these bytes spell `text` (ASCII).
    func spells(_ text: StaticString) -> Bool {
        count == text.utf8CodeUnitCount && (count == 0 || memcmp(baseAddress!, text.utf8Start, count) == 0)
    }
}

/// The raw values of a closed set (`IndicatorType`, `Classification`) as bytes, to match a value
/// without making a String of it (a million indicators each name a type).
struct ByteNames<Value: RawRepresentable & CaseIterable & Sendable>: Sendable where Value.RawValue == String {
    private let names: [(value: Value, utf8: [UInt8])]

    init() { names = Value.allCases.map { ($0, Array($0.rawValue.utf8)) } }

    func value(spelled bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        names.first { $0.utf8.count == bytes.count && $0.utf8.elementsEqual(bytes) }?.value
    }
}
