import CCmark
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

    /// `folder` as path segments from `root`; nil when it is not inside it.
    public static func segments(of folder: String, under root: String) -> [String]? {
        guard folder.hasPrefix(root + "/") else { return folder == root ? [] : nil }
        return folder.dropFirst(root.count + 1).split(separator: "/").map(String.init)
    }

    /// The relative path from the folder `base` to `path` (both segments from the root): `..`
    /// for each segment of `base` that `path` does not share. Nil for the folder itself.
    public static func relative(_ path: [String], from base: [String]) -> String? {
        let shared = zip(path, base).prefix { $0 == $1 }.count
        let segments = Array(repeating: "..", count: base.count - shared) + path.dropFirst(shared)
        return segments.isEmpty ? nil : segments.joined(separator: "/")
    }

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
/// `[text](destination)` (an image's too, balanced parentheses and escapes in it kept),
/// `<destination>` in those parentheses, a link reference definition (`[1]: destination`, on a
/// line of its own after a blank line or another definition; not a footnote, `[^1]:`) and an
/// autolink (`<https://...>`). Each with the byte offset where it starts.
enum MarkdownLinks {
    struct Destination {
        var text: String
        var offset: Int
        /// Written as an image's, `![description](destination)`, its description on one line;
        /// or a definition an image refers to (`![description][label]`, `![label]`).
        var isImage = false
        /// A definition's label, normalized (`normalizedLabel`).
        var label: String?
        /// An HTML attribute's (`htmlDestinations`): in an HTML block too, which CommonMark
        /// keeps as written.
        var isRawHTML = false
    }

    /// A reference's label as CommonMark matches it to a definition's: case folded, runs of
    /// blanks as one space, trimmed.
    static func normalizedLabel(_ label: some StringProtocol) -> String {
        label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    static func destinations(in markdown: String) -> [Destination] {
        var text = markdown
        var (found, imageReferences) = text.withUTF8(destinations)
        // A definition an image refers to, outside code (`` `![d]` `` is text), is an image's.
        let labels = Set(found.compactMap(\.label))
        let referring = imageReferences.filter { labels.contains($0.label) }
        guard !referring.isEmpty else { return found }
        let code = codeRanges(in: markdown)
        let imageLabels = Set(referring.filter { reference in !code.contains { $0.contains(reference.offset) } }.map(\.label))
        for k in found.indices where found[k].label.map(imageLabels.contains) == true { found[k].isImage = true }
        return found
    }

    /// The destinations of raw HTML's links and images in `markdown` (`<a href="...">`,
    /// `<img src='...'>`, `<object data=...>`, a `srcset`'s files), which CommonMark keeps as they
    /// are written: a git host follows them, and a Markdown report or an export publishes them
    /// verbatim. Read in the tags alone (`<` and a tag's name, to the `>`): not in an autolink
    /// (`<https://x.example/?data=1>`) or prose.
    static func htmlDestinations(in markdown: String) -> [Destination] {
        guard markdown.containsByte(UInt8(ascii: "<")) else { return [] }
        let bytes = Array(markdown.utf8)
        var found: [Destination] = []
        var i = 0
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            // A tag's name, then a blank or `/` (not an autolink's scheme and `:`).
            var nameEnd = open + 1
            while nameEnd < bytes.count, IndicatorBytes.isAlphanumeric(bytes[nameEnd]) { nameEnd += 1 }
            i = nameEnd
            guard nameEnd > open + 1, IndicatorBytes.isLetter(bytes[open + 1]), nameEnd < bytes.count,
                  isBlank(bytes[nameEnd]) || bytes[nameEnd] == 0x0A || bytes[nameEnd] == 0x0D || bytes[nameEnd] == UInt8(ascii: "/") else { continue }
            let close = bytes[nameEnd...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count
            let tag = String(decoding: bytes[nameEnd..<close], as: UTF8.self)
            i = close
            for (value, offset) in attributeDestinations(in: tag) {
                found.append(Destination(text: value, offset: nameEnd + offset, isRawHTML: true))
            }
        }
        return found
    }

    /// The values of a tag's attributes that name a file (quoted or not; each candidate of a
    /// `srcset`, `a.png 1x, b.png 2x`), with their offsets in `tag`, in bytes.
    private static func attributeDestinations(in tag: String) -> [(String, Int)] {
        let attributes = /(?i)[\s"'\/](href|src|srcset|data|action|formaction|poster|cite|background)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<>]*)"|'([^'<>]*)'|([^\s"'=<>`]+))/
        return tag.matches(of: attributes).flatMap { match -> [(String, Int)] in
            guard let value = match.output.2 ?? match.output.3 ?? match.output.4 else { return [] }
            let candidates = match.output.1.lowercased() == "srcset"
                ? value.split(separator: ",").compactMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).first } : [value]
            return candidates.map { (String($0), tag.utf8.distance(from: tag.startIndex, to: $0.startIndex)) }
        }
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == IndicatorBytes.space || byte == 0x09 }

    /// How far an image's label after its description is looked for, in bytes: a CommonMark
    /// label holds 999 characters at most.
    static let referenceReach = 4_000

    /// How many `[` of one line are kept open at most (`destinations`): a line of brackets
    /// would keep them all.
    static let openBracketLimit = 1_000

    /// Where the text of the line `line` starts after block-quote markers (`> `, `>> `), each
    /// after up to three spaces.
    private static func afterQuoteMarkers(_ line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var start = line.lowerBound
        while true {
            var k = start
            while k < line.upperBound, k - start < 3, bytes[k] == IndicatorBytes.space { k += 1 }
            guard k < line.upperBound, bytes[k] == UInt8(ascii: ">") else { return start }
            k += 1
            if k < line.upperBound, isBlank(bytes[k]) { k += 1 }
            start = k
        }
    }

    /// Read in place, each line once: every check reads every note for its links. Returns the
    /// destinations, and the labels images refer to (`![description][label]`, `![label]`) with
    /// where each is written.
    private static func destinations(_ bytes: UnsafeBufferPointer<UInt8>) -> ([Destination], [(label: String, offset: Int)]) {
        var found: [Destination] = []
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        // In parentheses: to the first blank or line break, or the `)` that closes them (those
        // inside balanced, `\)` escaped).
        func inParentheses(from start: Int) -> Range<Int>? {
            var end = start
            var depth = 0
            while end < bytes.count, !isBlank(bytes[end]), bytes[end] != 0x0A {
                if bytes[end] == UInt8(ascii: "\\"), end + 1 < bytes.count {
                    end += 2
                    continue
                }
                if bytes[end] == UInt8(ascii: "(") { depth += 1 }
                if bytes[end] == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                end += 1
            }
            return end > start ? start..<end : nil
        }
        // In angle brackets (`(<a file.md>)`), which may hold blanks.
        func inBrackets(from start: Int) -> Range<Int>? {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "<"), bytes[end] != 0x0A { end += 1 }
            return end > start && end < bytes.count && bytes[end] == UInt8(ascii: ">") ? start..<end : nil
        }
        // An autolink at `open` (a `<`): a scheme of 2 to 32 letters, digits, `+ . -` (a letter
        // first), a colon, and no blank or `<` before the `>`. What it links, without the brackets.
        func autolink(at open: Int) -> Range<Int>? {
            var i = open + 1
            guard i < bytes.count, IndicatorBytes.isLetter(bytes[i]) else { return nil }
            while i < bytes.count, i - open <= 32, IndicatorBytes.isLetter(bytes[i]) || IndicatorBytes.isDigit(bytes[i])
                || bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i - open >= 3, i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
            var end = i + 1
            while end < bytes.count, bytes[end] > 0x20, bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: ">") { end += 1 }
            return end < bytes.count && bytes[end] == UInt8(ascii: ">") ? open + 1..<end : nil
        }
        // A link reference definition on the line `line` (bounds), if it is one, by its label
        // and destination: `[label]:` after up to three spaces, the label no footnote's, then the
        // destination and nothing but a title after it.
        func definition(_ line: Range<Int>) -> (label: Range<Int>, destination: Range<Int>)? {
            var open = line.lowerBound
            while open < line.upperBound, open - line.lowerBound < 3, bytes[open] == IndicatorBytes.space { open += 1 }
            guard open + 1 < line.upperBound, bytes[open] == UInt8(ascii: "["), bytes[open + 1] != UInt8(ascii: "^"),
                  let close = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<line.upperBound]).firstIndex(of: UInt8(ascii: "]")).map({ open + 1 + $0 }),
                  close > open + 1, close + 1 < line.upperBound, bytes[close + 1] == UInt8(ascii: ":") else { return nil }
            var start = close + 2
            while start < line.upperBound, isBlank(bytes[start]) { start += 1 }
            guard start < line.upperBound else { return nil }
            let destination: Range<Int>
            var after: Int
            if bytes[start] == UInt8(ascii: "<") {
                guard let inside = inBrackets(from: start + 1), inside.upperBound < line.upperBound else { return nil }
                (destination, after) = (inside, inside.upperBound + 1)
            } else {
                var end = start
                while end < line.upperBound, !isBlank(bytes[end]) { end += 1 }
                (destination, after) = (start..<end, end)
            }
            while after < line.upperBound, isBlank(bytes[after]) { after += 1 }
            // Nothing after it but a title (`"..."`, `'...'`, `(...)`).
            guard after == line.upperBound || [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "(")].contains(bytes[after]) else { return nil }
            return (open + 1..<close, destination)
        }
        // The labels images refer to (`![description][label]`), whose definitions are images'.
        var imageReferences: [(label: String, offset: Int)] = []
        var lineStart = 0
        // Whether the line before may come before a definition: none, a blank one, or another.
        var definitionMayFollow = true
        while lineStart <= bytes.count {
            let lineEnd = UnsafeBufferPointer(rebasing: bytes[lineStart...]).firstIndex(of: 0x0A).map { lineStart + $0 } ?? bytes.count
            let line = lineStart..<lineEnd
            // In a block quote, what follows its markers (`> [q]: images/chart.png`).
            let start = afterQuoteMarkers(line, in: bytes)
            let isBlankLine = bytes[start..<lineEnd].allSatisfy { isBlank($0) || $0 == 0x0D }
            // A definition's destination ends at the line's end, before a CR LF's CR.
            let content = start..<max(start, lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd)
            if definitionMayFollow, let (label, destination) = definition(content) {
                found.append(Destination(text: text(destination), offset: destination.lowerBound, label: normalizedLabel(text(label))))
                definitionMayFollow = true
            } else {
                var i = lineStart
                // The `[`s of the line not closed yet, each with whether it opens an image
                // (`![`, the `!` not escaped): the next `]` closes the last (brackets balance, and
                // an escaped one is none), so that each `]` finds its `[` at once, however long
                // the line.
                var opened: [(position: Int, isImage: Bool)] = []
                var escaped = -1
                while i < lineEnd {
                    let byte = bytes[i]
                    // An escaped `]` before `(` still ends a link here: libcmark then shows the
                    // whole as text, destination and all, which the checks must see.
                    if byte == UInt8(ascii: "\\"), i + 1 < lineEnd, !(bytes[i + 1] == UInt8(ascii: "]") && i + 2 < lineEnd && bytes[i + 2] == UInt8(ascii: "(")) {
                        escaped = i + 1
                        i += 2
                        continue
                    }
                    if byte == UInt8(ascii: "[") {
                        if opened.count < Self.openBracketLimit {
                            opened.append((i, i > lineStart && bytes[i - 1] == UInt8(ascii: "!") && escaped != i - 1))
                        }
                    } else if byte == UInt8(ascii: "]") {
                        let open = opened.popLast()
                        if i + 1 < lineEnd, bytes[i + 1] == UInt8(ascii: "("),
                           let destination = i + 2 < lineEnd && bytes[i + 2] == UInt8(ascii: "<") ? inBrackets(from: i + 3) : inParentheses(from: i + 2) {
                            found.append(Destination(text: text(destination), offset: destination.lowerBound, isImage: open?.isImage ?? false))
                            i = destination.upperBound
                            continue
                        }
                        if let open, open.isImage {
                            // An image by reference: `![description][label]`, `![label][]` or `![label]`.
                            var label = open.position + 1..<i
                            let reach = min(lineEnd, i + 2 + Self.referenceReach)
                            if i + 2 < reach, bytes[i + 1] == UInt8(ascii: "["),
                               let close = UnsafeBufferPointer(rebasing: bytes[(i + 2)..<reach]).firstIndex(of: UInt8(ascii: "]")).map({ i + 2 + $0 }),
                               close > i + 2 {
                                label = i + 2..<close
                            }
                            imageReferences.append((normalizedLabel(text(label)), open.position))
                        }
                    } else if byte == UInt8(ascii: "<"), let destination = autolink(at: i),
                              !(i >= 2 && bytes[i - 1] == UInt8(ascii: "(") && bytes[i - 2] == UInt8(ascii: "]")) {
                        found.append(Destination(text: text(destination), offset: destination.lowerBound))
                        i = destination.upperBound
                        continue
                    }
                    i += 1
                }
                definitionMayFollow = isBlankLine
            }
            lineStart = lineEnd + 1
        }
        return (found, imageReferences)
    }

    /// A destination without its escapes (`withoutEscapes`) as a link leads: its character
    /// references decoded (`caf&eacute;.md` is `café.md`; those `CharacterReferences` knows).
    static func asRead(_ written: String) -> String {
        CharacterReferences.decoded(written) ?? written
    }

    /// `text` with each backslash that escapes ASCII punctuation taken off, as CommonMark shows it.
    static func withoutEscapes(_ text: String) -> String {
        guard text.containsByte(UInt8(ascii: "\\")) else { return text }
        var out: [UInt8] = []
        let bytes = Array(text.utf8)
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] < 0x80, bytes[i + 1] > 0x20,
               !IndicatorBytes.isAlphanumeric(bytes[i + 1]) {
                out.append(bytes[i + 1])
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte ranges of `markdown` where no link is one: code blocks (fenced or indented) and
    /// HTML blocks, as libcmark reads them (a git host shows their text as it is, a report shows
    /// an HTML block's not at all), code spans (between backticks on one line) and HTML
    /// comments, which no page shows. Without `htmlBlocks`, an HTML block's lines are not among
    /// them: where raw HTML's own links are (`htmlDestinations`).
    static func codeRanges(in markdown: String, htmlBlocks: Bool = true) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        let bytes = Array(markdown.utf8)
        var search = 0
        while let open = ByteSearch.firstOffset(of: "<!--", in: bytes, from: search) {
            let close = ByteSearch.firstOffset(of: "-->", in: bytes, from: open + 4).map { $0 + 3 } ?? bytes.count
            ranges.append(open..<close)
            search = close
        }
        // Where each line starts, as libcmark counts lines: after a line feed, a carriage return
        // and line feed, or a carriage return alone.
        var starts = [0]
        for i in bytes.indices where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            starts.append(i + 1)
        }
        func end(ofLine line: Int) -> Int { line + 1 < starts.count ? starts[line + 1] : bytes.count }
        var inBlock = [Bool](repeating: false, count: starts.count)
        if let document = CommonMarkTree.parse(markdown) {
            defer { cmark_node_free(document) }
            CommonMarkTree.forEachNode(in: document) { node, type in
                guard type == CMARK_NODE_CODE_BLOCK || htmlBlocks && type == CMARK_NODE_HTML_BLOCK, let lines = CommonMarkTree.lines(of: node),
                      lines.lowerBound < starts.count else { return }
                let last = min(lines.upperBound, starts.count - 1)
                ranges.append(starts[lines.lowerBound]..<end(ofLine: last))
                for line in lines.lowerBound...last { inBlock[line] = true }
            }
        }
        // Code spans: a run of backticks to the next run of as many on the line.
        for line in starts.indices where !inBlock[line] {
            let lineEnd = end(ofLine: line)
            var i = starts[line]
            while i < lineEnd {
                guard bytes[i] == UInt8(ascii: "`") else { i += 1; continue }
                var opening = i
                while opening < lineEnd, bytes[opening] == UInt8(ascii: "`") { opening += 1 }
                let length = opening - i
                var j = opening
                var closed: Int?
                while j < lineEnd {
                    guard bytes[j] == UInt8(ascii: "`") else { j += 1; continue }
                    var end = j
                    while end < lineEnd, bytes[end] == UInt8(ascii: "`") { end += 1 }
                    if end - j == length { closed = end; break }
                    j = end
                }
                guard let closed else { i = opening; continue }
                ranges.append(i..<closed)
                i = closed
            }
        }
        return ranges
    }
}
