import Foundation

/// A link's destination as prose writes it, read as a git host reads it: relative to the folder
/// of the file it is in (`02-follow-up.md`, `../indicators.json`, `../../acme-phish/`). Reports
/// (`NoteLinks`) and `check` (`BrokenLinkRule`) resolve links by it alike.
public enum RelativeLink {
    /// The scheme `url` starts with, lower-cased: what comes before a colon that comes before
    /// any `/`, `#` or `?` (after them a colon is no scheme's separator). Nil for a path.
    public static func scheme(of url: String) -> Substring? {
        // Told by bytes for what nearly every link is, ASCII with nothing to trim (a report and
        // `check` ask of every link); anything else as Foundation trims and lower-cases it.
        var url = url
        let ascii = url.withUTF8 { bytes -> Substring?? in
            guard let first = bytes.first, let last = bytes.last, first > 0x20, last > 0x20, bytes.allSatisfy({ $0 < 0x7F }) else { return .none }
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: ":"): return .some(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<index]), as: UTF8.self).lowercased()))
                case UInt8(ascii: "/"), UInt8(ascii: "#"), UInt8(ascii: "?"): return .some(nil)
                default: continue
                }
            }
            return .some(nil)
        }
        if let ascii { return ascii }
        let lowered = url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let colon = lowered.firstIndex(of: ":") else { return nil }
        let slash = lowered.firstIndex(of: "/") ?? lowered.endIndex
        let hash = lowered.firstIndex(of: "#") ?? lowered.endIndex
        let query = lowered.firstIndex(of: "?") ?? lowered.endIndex
        guard colon < slash, colon < hash, colon < query else { return nil }
        return lowered[..<colon]
    }

    /// Whether `scalar` is one that `CharacterSet.whitespaces` trims (a space, a tab, a space
    /// of another width), told for ASCII without the set.
    private static func isBlank(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.isASCII ? scalar == " " || scalar == "\t" : blanks.contains(scalar)
    }

    private static let blanks = CharacterSet.whitespaces

    /// `destination` resolved from `base` (path segments from the workspace's root) as a path of
    /// segments from the root, with its fragment; nil when it is no relative path (it has a
    /// scheme, or starts with `/`, `//` or `#`) or climbs above the root.
    public static func resolve(_ destination: String, from base: [String]) -> (path: [String], fragment: String?)? {
        // Trimmed only when it starts or ends with a blank (most do not).
        let trimmed = isBlank(destination.unicodeScalars.first) || isBlank(destination.unicodeScalars.last)
            ? destination.trimmingCharacters(in: .whitespaces) : destination
        guard let first = trimmed.first, first != "/", first != "#", first != "\\", scheme(of: trimmed) == nil else { return nil }
        var rest = Substring(trimmed)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(decoding: PercentEncoding.decoded(Array(rest[rest.index(after: hash)...].utf8)), as: UTF8.self)
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        // Decoded once, as a browser and a git host read a path (`+` is no space there).
        let decoded = rest.utf8.contains(UInt8(ascii: "%")) ? String(decoding: PercentEncoding.decoded(Array(rest.utf8)), as: UTF8.self) : String(rest)
        var path = base
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..":
                guard !path.isEmpty else { return nil }
                path.removeLast()
            default: path.append(String(segment))
            }
        }
        return (path, fragment)
    }
}

/// The link destinations a Markdown text writes, found by their bytes, without a Markdown parse:
/// `[text](destination)` (an image's too), `<destination>` in those parentheses, a link
/// reference definition (`[1]: destination`) and an autolink (`<https://...>`). Each with the
/// byte offset where it starts.
enum MarkdownLinks {
    struct Destination {
        var text: String
        var offset: Int
    }

    static func destinations(in markdown: String) -> [Destination] {
        var markdown = markdown
        return markdown.withUTF8(destinations)
    }

    /// Read in place, a byte at a time only where it may be `]` or `<`: every check reads every
    /// note for its links.
    private static func destinations(_ bytes: UnsafeBufferPointer<UInt8>) -> [Destination] {
        var found: [Destination] = []
        // From `start` to the first blank, line break or byte `ends` says ends it.
        func add(from start: Int, until ends: (UInt8) -> Bool) {
            var end = start
            while end < bytes.count, !ends(bytes[end]), bytes[end] != IndicatorBytes.space, bytes[end] != 0x0A { end += 1 }
            guard end > start else { return }
            found.append(Destination(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), offset: start))
        }
        // In angle brackets (`(<a file.md>)`), which may hold blanks.
        func addBracketed(from start: Int) {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ">"), bytes[end] != 0x0A { end += 1 }
            guard end > start, end < bytes.count, bytes[end] == UInt8(ascii: ">") else { return }
            found.append(Destination(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), offset: start))
        }
        // True when the `]` at `close` ends a label that opens its line (after up to three spaces).
        func isReferenceDefinition(endingAt close: Int) -> Bool {
            let lineStart = bytes[..<close].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            var open = lineStart
            while open < close, open - lineStart < 3, bytes[open] == IndicatorBytes.space { open += 1 }
            return bytes[open] == UInt8(ascii: "[") && !bytes[(open + 1)..<close].contains(UInt8(ascii: "]"))
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "]"), i + 1 < bytes.count {
                if bytes[i + 1] == UInt8(ascii: "(") {
                    if i + 2 < bytes.count, bytes[i + 2] == UInt8(ascii: "<") {
                        addBracketed(from: i + 3)
                    } else {
                        add(from: i + 2) { $0 == UInt8(ascii: ")") }
                    }
                } else if bytes[i + 1] == UInt8(ascii: ":"), isReferenceDefinition(endingAt: i) {
                    var start = i + 2
                    while start < bytes.count, bytes[start] == IndicatorBytes.space { start += 1 }
                    if start < bytes.count, bytes[start] == UInt8(ascii: "<") { addBracketed(from: start + 1) } else { add(from: start) { _ in false } }
                }
            } else if byte == UInt8(ascii: "<"), i == 0 || bytes[i - 1] != UInt8(ascii: "("),
                      UnsafeBufferPointer(rebasing: bytes[(i + 1)...]).prefix(12).contains(UInt8(ascii: ":")) {
                add(from: i + 1) { $0 == UInt8(ascii: ">") }
            }
            i += 1
        }
        return found
    }

    /// The byte ranges of `markdown` that are code, where no link is one: fenced code blocks
    /// (between lines that start, after up to three spaces, with three backticks or tildes) and
    /// code spans (between backticks on one line).
    static func codeRanges(in markdown: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let bytes = Array(markdown.utf8)
        var fenceStart: Int?
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            var first = lineStart
            while first < lineEnd, first - lineStart < 3, bytes[first] == IndicatorBytes.space { first += 1 }
            let isFence = first + 3 <= lineEnd && (bytes[first..<first + 3].allSatisfy { $0 == UInt8(ascii: "`") }
                || bytes[first..<first + 3].allSatisfy { $0 == UInt8(ascii: "~") })
            if let start = fenceStart {
                if isFence {
                    ranges.append(start..<lineEnd)
                    fenceStart = nil
                }
            } else if isFence {
                fenceStart = lineStart
            } else {
                // Code spans: a run of backticks to the next run of as many on the line.
                var i = lineStart
                while i < lineEnd {
                    guard bytes[i] == UInt8(ascii: "`") else { i += 1; continue }
                    var run = i
                    while run < lineEnd, bytes[run] == UInt8(ascii: "`") { run += 1 }
                    let length = run - i
                    var j = run
                    var closed: Int?
                    while j < lineEnd {
                        guard bytes[j] == UInt8(ascii: "`") else { j += 1; continue }
                        var end = j
                        while end < lineEnd, bytes[end] == UInt8(ascii: "`") { end += 1 }
                        if end - j == length { closed = end; break }
                        j = end
                    }
                    guard let closed else { i = run; continue }
                    ranges.append(i..<closed)
                    i = closed
                }
            }
            lineStart = lineEnd + 1
        }
        if let start = fenceStart { ranges.append(start..<bytes.count) }
        return ranges
    }
}
