/// Where one element of a JSON array of a file starts (a tag among an indicator's `tags`), for a
/// diagnostic about that element. Loading keeps the place of each array only (a million
/// indicators' tags would otherwise each carry theirs), so the file is read again here, once,
/// and only by a rule that has something to say; the array's place stands in when the file
/// changed meanwhile.
struct ElementPlaces {
    let path: String
    /// The file's bytes, read at the first question (nil inside: it could not be read).
    private var bytes: [UInt8]??

    init(path: String) {
        self.path = path
    }

    /// The place of element `index` of the array at `array`, or `array` itself when it cannot
    /// be found there.
    mutating func position(ofElement index: Int, inArrayAt array: SourcePosition) -> SourcePosition {
        if bytes == nil { bytes = .some(try? FileReader.readAll(path).get()) }
        guard let file = bytes ?? nil, let start = Self.offset(of: array, in: file), file[start] == UInt8(ascii: "["),
            let end = Self.closingBracket(in: file, from: start),
            let elements = (try? JSONParser.parse(Array(file[start...end])))?.value.arrayValue, elements.indices.contains(index)
        else { return array }
        // The slice's places, on the file's lines: only its first line starts at the bracket.
        let place = elements[index].position
        return SourcePosition(line: array.line + place.line - 1, column: place.line == 1 ? array.column + place.column - 1 : place.column)
    }

    /// The byte offset of a line and column (columns count Unicode scalars, as the parser's do).
    static func offset(of position: SourcePosition, in bytes: [UInt8]) -> Int? {
        var index = 0
        for _ in 1..<max(position.line, 1) {
            guard let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            index = newline + 1
        }
        var column = 1
        while column < position.column, index < bytes.count {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index < bytes.count ? index : nil
    }

    /// The offset of the `]` that closes the array opened at `start`, strings passed over.
    static func closingBracket(in bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }
}
