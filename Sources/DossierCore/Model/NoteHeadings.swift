import CCmark
import Foundation

/// The ids a git host gives the headings of a note, which a link's fragment names
/// (`02-infrastructure.md#c2-servers`, `#timeline`): GitHub's, from each heading's text as libcmark
/// reads it (lower-cased; only letters, digits, marks, `-`, `_` and spaces kept, spaces as `-`; a
/// repeated one numbered, `timeline-1`). A report gives its headings these ids (under the note's
/// anchor) and `check` warns of a fragment that names none, so both read headings here.
public enum NoteHeadings {
    /// The ids of the headings of `markdown`, in order; "" for a heading with none of the kept
    /// characters (it gets no id).
    /// - Parameter leading: a heading line the text came after (`Note.leadingHeading`), which
    ///   counts first in the numbering, as a git host numbers it; its own id is not among them.
    public static func ids(of markdown: String, after leading: String? = nil) -> [String] {
        guard let document = CommonMarkTree.parse(markdown) else { return [] }
        defer { cmark_node_free(document) }
        return ids(in: document, after: leading)
    }

    /// The same, of a document already parsed (and not yet changed).
    package static func ids(in document: OpaquePointer, after leading: String? = nil) -> [String] {
        var slugs: [String] = []
        CommonMarkTree.forEachNode(in: document) { node, type in
            if type == CMARK_NODE_HEADING { slugs.append(slug(CommonMarkTree.literalText(of: node))) }
        }
        return numbered(slugs, after: leading.flatMap { ids(of: $0).first })
    }

    /// Headings' slugs as ids: a repeated one numbered (`timeline-1`), counting `leading` first;
    /// an empty one stays empty (no id).
    private static func numbered(_ slugs: [String], after leading: String? = nil) -> [String] {
        var taken: [String: Int] = [:]
        if let leading, !leading.isEmpty { taken[leading] = 1 }
        return slugs.map { id in
            guard !id.isEmpty else { return "" }
            let count = taken[id, default: 0]
            taken[id] = count + 1
            return count == 0 ? id : "\(id)-\(count)"
        }
    }

    /// The id of a heading of this text alone.
    static func slug(_ text: String) -> String {
        // Most headings are ASCII: kept, lower-cased or dropped byte by byte, as the Unicode
        // properties below take them.
        if let ascii = asciiSlug(text) { return ascii }
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == " " {
                slug += "-"
            } else if scalar == "-" || scalar == "_" || properties.isAlphabetic || properties.numericType != nil
                || [.nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation].contains(properties.generalCategory) {
                slug.unicodeScalars.append(scalar)
            }
        }
        return slug
    }

    private static func asciiSlug(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): out[count] = byte + 0x20
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): out[count] = byte
                    case UInt8(ascii: " "): out[count] = UInt8(ascii: "-")
                    default: continue
                    }
                    count += 1
                }
                return count
            }
        }
    }

    /// The id of a note's title as a heading would have it (`#overview` for "Overview"): a
    /// report leads a link to it to the note itself. An empty id when the title has none of the
    /// kept characters.
    public static func titleID(of note: Note) -> String? {
        ids(of: "# " + note.displayTitle).first
    }

    /// Where a fragment may lead in `note`: its headings' ids in order (the heading taken off
    /// as its title first), then its title's.
    public static func targets(of note: Note) -> [String] {
        var targets: [String] = []
        var seen: Set<String> = [""]
        let leading = note.leadingHeading.flatMap { ids(of: $0).first } ?? ""
        for id in [leading] + ids(of: note.body, after: note.leadingHeading) + [titleID(of: note) ?? ""] where seen.insert(id).inserted {
            targets.append(id)
        }
        return targets
    }

    /// Whether fragments name headings of one note, each note read once: first by a look at its
    /// lines (`writtenIDs`), which finds most fragments that do, and only for one it does not
    /// find by libcmark (`targets`). Checking every note of a large workspace, the parse cost a
    /// tenth of a cold check's time.
    public struct Lookup {
        public let note: Note
        private var written: Set<String>?
        private var parsed: [String]?

        public init(_ note: Note) { self.note = note }

        public mutating func names(_ fragment: String) -> Bool {
            if written == nil { written = NoteHeadings.writtenIDs(of: note.body, after: note.leadingHeading) ?? [] }
            return written!.contains(fragment) || targets.contains(fragment)
        }

        /// `NoteHeadings.targets(of: note)`.
        public var targets: [String] {
            mutating get {
                if parsed == nil { parsed = NoteHeadings.targets(of: note) }
                return parsed!
            }
        }
    }

    /// The ids of the headings written `#` at the start of a line outside a fenced code block
    /// (`## Timeline`, `### C2 servers ###`), from the line's text, where they are sure to be
    /// the ids libcmark gives: a heading whose text may hold markup that changes it (`_`, a
    /// character reference, a link, HTML, a backslash) is left out, and a note where a heading
    /// may not be what it looks like gives nil (a line starting with `<`, which may open an HTML
    /// block or comment; a run of three backticks or tildes that is not a fence of its own line,
    /// as in a list item). Emphasis with `*` is kept: its markers are no part of an id. Leaving
    /// headings out never adds an id libcmark would not give (the numbering of a repeated one
    /// counts fewer), so a fragment found here names a heading, and one not found must be looked
    /// up in `targets`.
    /// - Parameter leading: as for `ids`, counted first (and given); when this look cannot
    ///   take it, the numbering is unknown, and the result nil.
    static func writtenIDs(of markdown: String, after leading: String? = nil) -> Set<String>? {
        var markdown = markdown
        guard var found = markdown.withUTF8(writtenHeadings) else { return nil }
        if var leading {
            guard let taken = leading.withUTF8(writtenHeadings), taken.count == 1 else { return nil }
            found.insert(taken[0], at: 0)
        }
        return Set(numbered(found.map(slug))).subtracting([""])
    }

    /// The texts of the headings `writtenIDs` takes, read by bytes (every note of a workspace is
    /// read so on a cold check); nil for a note it does not read.
    private static func writtenHeadings(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
        guard let base = bytes.baseAddress else { return [] }
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#")
        let backtick = UInt8(ascii: "`"), tilde = UInt8(ascii: "~")
        func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == 0x0D }
        // What may make a heading's text other than its id shows: emphasis with `_`, a character
        // reference, a link or image, HTML or an autolink, a backslash escape.
        // Or a code span, whose spaces at both ends libcmark takes off (`` ` ls ` ``).
        func mayHoldMarkup(_ text: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
            text.contains { byte in
                switch byte {
                case UInt8(ascii: "_"), UInt8(ascii: "&"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "\\"), backtick: true
                default: false
                }
            }
        }
        // Where a line's own text starts, after the markers of the list items and quotes it is in
        // (`- `, `1. `, `> `) and the spaces around them.
        func afterContainers(_ from: Int, _ end: Int) -> Int {
            var at = from
            while at < end {
                if bytes[at] == space || bytes[at] == tab || bytes[at] == UInt8(ascii: ">") {
                    at += 1
                } else if bytes[at] == UInt8(ascii: "-") || bytes[at] == UInt8(ascii: "*") || bytes[at] == UInt8(ascii: "+"), at + 1 < end, isBlank(bytes[at + 1]) {
                    at += 2
                } else if IndicatorBytes.isDigit(bytes[at]) {
                    var digits = at
                    while digits < end, IndicatorBytes.isDigit(bytes[digits]) { digits += 1 }
                    guard digits + 1 < end, bytes[digits] == UInt8(ascii: ".") || bytes[digits] == UInt8(ascii: ")"), isBlank(bytes[digits + 1]) else { return at }
                    at = digits + 2
                } else {
                    return at
                }
            }
            return at
        }
        // Whether the line holds a run of three `marker`s or more.
        func holdsRun(of marker: UInt8, from start: Int, to end: Int) -> Bool {
            var from = start
            while from < end, let found = memchr(base + from, Int32(marker), end - from) {
                let position = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                var next = position
                while next < end, bytes[next] == marker { next += 1 }
                if next - position >= 3 { return true }
                from = next
            }
            return false
        }
        var headings: [String] = []
        // The fence's character and length while in a fenced code block.
        var fence: (byte: UInt8, count: Int)?
        var start = 0
        while start < bytes.count {
            var end = bytes.count
            if let newline = memchr(base + start, 0x0A, bytes.count - start) { end = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) - base }
            defer { start = end + 1 }
            func run(of byte: UInt8, from position: Int) -> Int {
                var next = position
                while next < end, bytes[next] == byte { next += 1 }
                return next - position
            }
            var at = start
            while at < end, at - start < 4, bytes[at] == space { at += 1 }
            let leads = at - start <= 3 && at < end
            // A CR alone ends a line for libcmark, which this reading does not split at.
            if let cr = memchr(base + start, 0x0D, end - start), UnsafePointer(cr.assumingMemoryBound(to: UInt8.self)) - base < end - 1 { return nil }
            if let open = fence {
                if leads, bytes[at] == open.byte {
                    let length = run(of: open.byte, from: at)
                    if length >= open.count, bytes[(at + length)..<end].allSatisfy(isBlank) { fence = nil }
                }
                continue
            }
            if leads, bytes[at] == backtick || bytes[at] == tilde {
                let length = run(of: bytes[at], from: at)
                // A backtick fence's info string holds no backtick (```` ```whoami``` ```` is code in a line).
                if length >= 3, bytes[at] == tilde || !bytes[(at + length)..<end].contains(backtick) {
                    // Indented, it may be a list item's, which ends with the item, not at its
                    // closing line.
                    guard at == start else { return nil }
                    fence = (bytes[at], length)
                    continue
                }
            }
            // A fence it does not see opening (in a list item, a quote, after text) may hold lines
            // that read as headings; so may an HTML block, in a list item or a quote too.
            let text = afterContainers(start, end)
            if text < end, bytes[text] == UInt8(ascii: "<") { return nil }
            if holdsRun(of: backtick, from: start, to: end) || holdsRun(of: tilde, from: start, to: end) { return nil }
            guard leads, bytes[at] == hash else { continue }
            let level = run(of: hash, from: at)
            guard level <= 6 else { continue }
            var from = at + level
            guard from == end || isBlank(bytes[from]) else { continue }
            var to = end
            while from < to, isBlank(bytes[from]) { from += 1 }
            while to > from, isBlank(bytes[to - 1]) { to -= 1 }
            // A closing run of `#` after a blank (or alone) is no part of the heading.
            var closing = to
            while closing > from, bytes[closing - 1] == hash { closing -= 1 }
            if closing == from || isBlank(bytes[closing - 1]) {
                to = closing
                while to > from, isBlank(bytes[to - 1]) { to -= 1 }
            }
            guard !mayHoldMarkup(bytes[from..<to]) else { continue }
            headings.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self))
        }
        return headings
    }
}

/// The few calls into libcmark that reading a note's structure needs (a report's rendering makes
/// the rest, in DossierReport's `CommonMark`). cmark's default options: raw HTML is kept as nodes,
/// never rendered.
package enum CommonMarkTree {
    /// The document of `markdown`, to be freed with `cmark_node_free`; nil if cmark fails.
    package static func parse(_ markdown: String) -> OpaquePointer? {
        let bytes = Array(markdown.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, buffer.count, CMARK_OPT_DEFAULT) }
        }
    }

    /// `body` for `root` and every node under it, in document order, as each is entered.
    package static func forEachNode(in root: OpaquePointer, _ body: (OpaquePointer, cmark_node_type) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            body(node, cmark_node_get_type(node))
        }
    }

    /// The lines block `node` stands on, counted from 0. libcmark 0.30 ends an HTML block that
    /// closes on a marker (`-->`, `</script>`) a line early, before its start if it is one line:
    /// its lines are those it holds.
    package static func lines(of node: OpaquePointer) -> ClosedRange<Int>? {
        let first = Int(cmark_node_get_start_line(node)) - 1
        var last = Int(cmark_node_get_end_line(node)) - 1
        if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            last = first + max(literal.utf8.count { $0 == UInt8(ascii: "\n") }, 1) - 1
        }
        return first >= 0 && first <= last ? first...last : nil
    }

    /// The text of `node` as written, without its markup: its texts and code spans joined.
    package static func literalText(of node: OpaquePointer) -> String {
        var text = ""
        forEachNode(in: node) { child, type in
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            }
        }
        return text
    }
}
