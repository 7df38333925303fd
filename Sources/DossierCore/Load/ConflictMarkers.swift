/// Finds git merge-conflict markers, which make a file unreadable and must be resolved by hand.
enum ConflictMarkers {
    /// Positions of lines starting with `<<<<<<<`, `|||||||`, `=======` or `>>>>>>>`. In Markdown a
    /// line of `=` is a heading underline, so there only files with an opening marker count.
    static func find(in bytes: [UInt8], markdown: Bool = false) -> [SourcePosition] {
        var found: [SourcePosition] = []
        var sawOpening = false
        var line = 1
        var lineStart = 0
        var index = 0
        let count = bytes.count
        while lineStart < count {
            index = lineStart
            while index < count, bytes[index] != 0x0A { index += 1 }
            if index - lineStart >= 7 {
                let first = bytes[lineStart]
                if first == 0x3C || first == 0x3E || first == 0x3D || first == 0x7C,
                    (1..<7).allSatisfy({ bytes[lineStart + $0] == first }),
                    lineStart + 7 == index || [0x20, 0x0D, 0x09].contains(bytes[lineStart + 7])
                {
                    if first == 0x3C { sawOpening = true }
                    found.append(SourcePosition(line: line, column: 1))
                }
            }
            line += 1
            lineStart = index + 1
        }
        return markdown && !sawOpening ? [] : found
    }
}
