import Foundation

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
            // memchr: this scan runs over every byte of every file of the workspace.
            index = bytes.withUnsafeBufferPointer { buffer in
                guard let found = memchr(buffer.baseAddress! + lineStart, 0x0A, count - lineStart) else { return count }
                return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
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
