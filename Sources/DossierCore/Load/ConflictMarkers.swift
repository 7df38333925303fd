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
            if index - lineStart >= 7, let first = marker(bytes[lineStart..<index]) {
                if first == 0x3C { sawOpening = true }
                found.append(SourcePosition(line: line, column: 1))
            }
            line += 1
            lineStart = index + 1
        }
        return markdown && !sawOpening ? [] : found
    }

    /// The marker character (`<`, `|`, `=`, `>`) of a line that is a conflict marker: seven of it,
    /// then a blank or the line's end; nil for any other line.
    static func marker(_ line: ArraySlice<UInt8>) -> UInt8? {
        guard line.count >= 7, let first = line.first, first == 0x3C || first == 0x3E || first == 0x3D || first == 0x7C,
              line.prefix(7).allSatisfy({ $0 == first }) else { return nil }
        let after = line.dropFirst(7).first
        return after == nil || after == 0x20 || after == 0x0D || after == 0x09 || after == 0x0A ? first : nil
    }
}
