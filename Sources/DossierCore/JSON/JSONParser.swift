/// Why a file is not valid JSON, and where.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var position: SourcePosition
}

/// A strict RFC 8259 reader that keeps the line and column of every value.
///
/// Foundation's `JSONDecoder` reports only a key path, never a line, and accepts duplicate keys
/// silently; analysts need `indicators.json:1204:21`, so dossier reads JSON itself. It works on
/// UTF-8 bytes in one pass, rejects duplicate keys, lone surrogates, invalid UTF-8 and numbers out
/// of range, and limits nesting so hostile input cannot exhaust the stack.
public struct JSONParser {
    /// Deeper nesting than any workspace file needs; beyond it the file is refused.
    public static let maximumDepth = 256

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var duplicateKeys: [JSONSyntaxError] = []
        let node = try parse(bytes, duplicateKeys: &duplicateKeys)
        if let first = duplicateKeys.first { throw first }
        return node
    }

    /// The tree of `bytes`, reading on past a key repeated in an object (the first one is kept,
    /// and each repetition is added to `duplicateKeys`), so that a checker can report the rest of
    /// the file too.
    public static func parse(_ bytes: [UInt8], duplicateKeys: inout [JSONSyntaxError]) throws(JSONSyntaxError) -> JSONNode {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        var result: Result<JSONNode, JSONSyntaxError> = .failure(JSONSyntaxError(message: "", position: .start))
        var repeated: [JSONSyntaxError] = []
        bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONReader(bytes: buffer, index: start)
            result = Result { () throws(JSONSyntaxError) -> JSONNode in try reader.parseDocument() }
            repeated = reader.duplicateKeys
        }
        duplicateKeys += repeated
        return try result.get()
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8))
    }
}

/// The parser's cursor over UTF-8 bytes. `JSONParser` builds a whole tree with it; a decoder for a
/// large file can instead read its known shape member by member (see `IndicatorsStreamDecoder`)
/// and use `parseValue` for anything else. A copy of a reader is a saved place to go back to.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    var line = 1
    var lineStart = 0
    /// UTF-8 continuation bytes seen on the current line, so columns count scalars, not bytes.
    var continuationBytes = 0
    /// Each key repeated in its object, where it is repeated; the repetition's value is read and
    /// left out. Boxed, and made only for the first: the reader is copied for every indicator of a
    /// large file, and a copy of nil costs nothing.
    private var repeatedKeys: RepeatedKeys?
    var duplicateKeys: [JSONSyntaxError] { repeatedKeys?.list ?? [] }

    private final class RepeatedKeys {
        var list: [JSONSyntaxError] = []
    }

    init(bytes: UnsafeBufferPointer<UInt8>, index: Int) {
        self.bytes = bytes
        self.index = index
        self.lineStart = index
    }

    var position: SourcePosition {
        SourcePosition(line: line, column: index - lineStart - continuationBytes + 1)
    }

    func fail(_ message: String, at position: SourcePosition? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: position ?? self.position)
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        guard index < bytes.count else {
            throw fail("the file is empty; expected a JSON object")
        }
        let node = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count {
            if isCommentStart { throw commentError() }
            throw fail("unexpected \(describe(bytes[index])) after the end of the JSON value")
        }
        return node
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20:
                // An indent: eight spaces at a time, then the rest of the run at once (the first
                // byte that is no space, found from the lowest byte that differs).
                index += 1
                while index + 8 <= bytes.count {
                    let different = UInt64(littleEndian: word(at: index)) ^ Self.spaces
                    guard different == 0 else {
                        index += different.trailingZeroBitCount >> 3
                        break
                    }
                    index += 8
                }
            case 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
                continuationBytes = 0
            default:
                return
            }
        }
    }

    /// The eight bytes at `offset` (which has eight after it) as one word.
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    }

    static let spaces: UInt64 = 0x2020_2020_2020_2020

    /// True when none of the eight bytes of `word` ends or escapes a string, is a control
    /// character or is not ASCII: the word goes into the string as it is.
    @inline(__always)
    static func isPlainASCII(_ word: UInt64) -> Bool {
        word & 0x8080_8080_8080_8080 == 0 && !JSONWriter.mayNeedEscape(word)
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        let start = position
        guard index < bytes.count else { throw fail("unexpected end of file; expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return JSONNode(.object(try parseObject(depth: depth + 1)), at: start)
        case UInt8(ascii: "["):
            return JSONNode(.array(try parseArray(depth: depth + 1)), at: start)
        case UInt8(ascii: "\""):
            return JSONNode(.string(try parseString()), at: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONNode(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONNode(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONNode(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber()), at: start)
        case UInt8(ascii: "/") where isCommentStart:
            throw commentError()
        case let byte:
            throw fail("unexpected \(describe(byte)); expected a value")
        }
    }

    /// `//` or `/*` at the reader: a comment, which some writers allow and JSON does not.
    var isCommentStart: Bool {
        index + 1 < bytes.count && bytes[index] == UInt8(ascii: "/") && (bytes[index + 1] == UInt8(ascii: "/") || bytes[index + 1] == UInt8(ascii: "*"))
    }

    func commentError() -> JSONSyntaxError {
        fail("JSON has no comments; remove this one")
    }

    /// A comma followed by the end of its object or array, which some writers allow and JSON
    /// does not: said at the comma, where the fix is.
    func trailingComma(at comma: SourcePosition, before close: Character) -> JSONSyntaxError {
        fail("a comma after the last \(close == "}" ? "member" : "element"), before '\(close)': JSON allows none; remove it", at: comma)
    }

    mutating func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
        if depth > JSONParser.maximumDepth {
            throw fail("nesting deeper than \(JSONParser.maximumDepth) levels")
        }
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        try checkDepth(depth)
        index += 1
        var members: [JSONObject.Member] = []
        // Keys seen, once the object is large enough that a linear search would make hostile
        // input (an object of 100,000 keys) quadratic.
        var keys: Set<String> = []
        var indexed = false
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return JSONObject(members)
        }
        var comma: SourcePosition?
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file inside an object") }
            if let comma, bytes[index] == UInt8(ascii: "}") { throw trailingComma(at: comma, before: "}") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if isCommentStart { throw commentError() }
                throw fail("unexpected \(describe(bytes[index])); expected a key in double quotes")
            }
            let keyPosition = position
            let key = try parseString()
            if !indexed, members.count >= 16 {
                keys = Set(members.map(\.key))
                indexed = true
            }
            let isDuplicate = indexed ? !keys.insert(key).inserted : members.contains { $0.key == key }
            if isDuplicate {
                if repeatedKeys == nil { repeatedKeys = RepeatedKeys() }
                repeatedKeys?.list.append(fail("duplicate key \"\(key)\" in this object; the first one is read", at: keyPosition))
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw fail(index < bytes.count ? "expected ':' after the key \"\(key)\"" : "unexpected end of file after a key")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            if !isDuplicate { members.append(JSONObject.Member(key: key, keyPosition: keyPosition, value: value)) }
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file inside an object; expected '}'") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                comma = position
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                return JSONObject(members)
            case _ where isCommentStart:
                throw commentError()
            case let byte:
                throw fail("unexpected \(describe(byte)); expected ',' or '}'")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
        try checkDepth(depth)
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return elements
        }
        var comma: SourcePosition?
        while true {
            skipWhitespace()
            if let comma, index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw trailingComma(at: comma, before: "]") }
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of file inside an array; expected ']'") }
            switch bytes[index] {
            case UInt8(ascii: ","):
                comma = position
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                return elements
            case _ where isCommentStart:
                throw commentError()
            case let byte:
                throw fail("unexpected \(describe(byte)); expected ',' or ']'")
            }
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let matches = index + count <= bytes.count && (0..<count).allSatisfy {
            bytes[index + $0] == literal.utf8Start[$0]
        }
        guard matches else { throw fail("invalid literal; expected \(literal)") }
        index += count
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        let startPosition = position
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.index
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) {
                reader.index += 1
            }
            return reader.index - from
        }
        let integerStart = index
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw fail("invalid number: expected a digit") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw fail("invalid number: leading zeros are not allowed", at: startPosition)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw fail("invalid number: expected a digit after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw fail("invalid number: expected a digit in the exponent") }
        }
        // Kept as written, however large (`1e400` is valid JSON): dossier reads no number, and an
        // unknown field's is written back verbatim.
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let open = position
        index += 1
        let start = index
        var isPlainASCII = true
        // Fast path: no escapes. Most strings of a workspace are plain, and their ASCII runs are
        // passed eight bytes at a time.
        while index < bytes.count {
            while index + 8 <= bytes.count, Self.isPlainASCII(word(at: index)) { index += 8 }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                if isPlainASCII { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw fail("invalid UTF-8 in a string", at: open)
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail(controlMessage(byte)) }
            if byte >= 0x80 {
                isPlainASCII = false
                if byte & 0xC0 == 0x80 { continuationBytes += 1 }
            }
            index += 1
        }
        guard index < bytes.count else { throw fail("unterminated string", at: open) }
        return try parseEscapedString(from: start, open: open)
    }

    /// The slow path for strings with escapes: decodes into a byte buffer, then validates.
    mutating func parseEscapedString(from start: Int, open: SourcePosition) throws(JSONSyntaxError) -> String {
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw fail("invalid UTF-8 in a string", at: open)
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    index -= 1
                    throw fail("invalid escape \\\(String(decoding: [escape], as: UTF8.self)) in a string")
                }
            default:
                if byte < 0x20 { throw fail(controlMessage(byte)) }
                if byte & 0xC0 == 0x80 { continuationBytes += 1 }
                buffer.append(byte)
                index += 1
            }
        }
        throw fail("unterminated string", at: open)
    }

    /// Reads the four hex digits after `\u` (and a following low surrogate when needed).
    mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let escapeStart = SourcePosition(line: line, column: position.column - 2)
        let high = try parseHex4()
        if (0xDC00...0xDFFF).contains(high) {
            throw fail("lone low surrogate \\u\(hex(high)) in a string", at: escapeStart)
        }
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                throw fail("lone high surrogate \\u\(hex(high)) in a string", at: escapeStart)
            }
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw fail("lone high surrogate \\u\(hex(high)) in a string", at: escapeStart)
            }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("invalid \\u escape: expected four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    func controlMessage(_ byte: UInt8) -> String {
        byte == 0x0A ? "unterminated string (a line break must be written \\n)" : "control character U+00\(hex(UInt32(byte)).suffix(2)) in a string must be escaped"
    }

    func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20...0x7E: "'\(String(decoding: [byte], as: UTF8.self))'"
        default: "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}
