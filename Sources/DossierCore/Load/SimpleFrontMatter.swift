/// A fast reader for the front matter nearly every note has: lines of `key: value` with a plain,
/// single-quoted or double-quoted (escape-free) scalar. Anything else (lists, blocks, anchors,
/// comments, escapes) returns nil and goes to the full YAML parser, so results never differ.
/// Ten thousand notes should not cost ten thousand YAML parser set-ups.
enum SimpleFrontMatter {
    struct Entry {
        var key: String
        var keyPosition: SourcePosition
        /// Nil when the value is not a scalar.
        var value: String?
        var valuePosition: SourcePosition
        /// The scalars of a list value (`marking: [TLP:RED]`); empty otherwise.
        var items: [String] = []
        /// The entries of a mapping value (`meta: {visibility: private}`); empty otherwise.
        var nested: [Entry] = []
    }

    static func parse(_ yaml: String) -> [Entry]? {
        var entries: [Entry] = []
        var seen = Set<String>()
        var lineNumber = 1
        for rawLine in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { lineNumber += 1 }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " }) { continue }
            guard line.unicodeScalars.allSatisfy({ $0.isASCII ? $0.value >= 0x20 : true }),
                let colon = line.firstIndex(of: ":"),
                let first = line.first, first.isLetter || first == "_"
            else { return nil }
            let key = String(line[..<colon])
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }), seen.insert(key).inserted else { return nil }
            let afterColon = line[line.index(after: colon)...]
            guard afterColon.first == " " else { return nil }
            let raw = afterColon.drop { $0 == " " }
            let valueColumn = line.distance(from: line.startIndex, to: raw.startIndex) + 1
            guard let value = scalar(raw), !value.isEmpty || raw.isEmpty else { return nil }
            entries.append(Entry(
                key: key, keyPosition: SourcePosition(line: lineNumber + 1, column: 1),
                value: value, valuePosition: SourcePosition(line: lineNumber + 1, column: valueColumn)))
        }
        return entries
    }

    /// The scalar's text, or nil when the full parser must decide.
    static func scalar(_ raw: Substring) -> String? {
        // Trailing spaces are dropped byte-wise: a space is one byte and never part of a longer
        // character, and going through characters backwards was a fifth of loading the notes.
        var end = raw.utf8.endIndex
        while end > raw.utf8.startIndex, raw.utf8[raw.utf8.index(before: end)] == UInt8(ascii: " ") {
            end = raw.utf8.index(before: end)
        }
        let text = raw[..<end]
        guard let first = text.first else { return "" }
        if first == "\"" || first == "'" {
            guard text.count >= 2, text.last == first else { return nil }
            let inner = text.dropFirst().dropLast()
            guard !inner.contains(first), !inner.contains("\\") else { return nil }
            return String(inner)
        }
        // Plain scalars: anything that YAML could read as structure goes to the full parser.
        if "[]{}&*!|>%@`#,?:-".contains(first) { return nil }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return nil }
        return String(text)
    }
}
