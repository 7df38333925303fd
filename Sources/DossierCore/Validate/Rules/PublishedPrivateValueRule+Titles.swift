import Foundation  // the composed form of a text outside ASCII

/// A private project's title written in a public text ("as in Payroll phishing kit targeting ACME
/// finance staff, the lure...") names the project as its folder name does (PRODUCT.md §2: no
/// reference to a private project): a warning, as for the folder name written as a word. Titles
/// of three words and twenty characters or more only: a shorter one may be a phrase of any text.
///
/// Each public project's survey keeps a hash of every run of three words of its texts
/// (`Mentions.wordTriples`); a check looks up each private title's first three words there, and
/// reads the texts of a project again only where one is found.
extension PublishedPrivateValueRule {
    struct PrivateTitle {
        var project: Int
        /// The hashes of the title's words (`forEachTitleWord`).
        var words: [UInt64]
    }

    /// The private projects' titles that a public text may name them by, under the hash of their
    /// first three words. A title a public project has too is published by that one.
    static func privateTitles(_ workspace: Workspace) -> [UInt32: [PrivateTitle]] {
        func words(_ title: String) -> [UInt64] {
            var hashes: [UInt64] = []
            forEachTitleWord(of: title) { _, hash in hashes.append(hash) }
            return hashes
        }
        let published = Set(workspace.projects.filter { $0.visibility == .public }.map { words($0.title) })
        var titles: [UInt32: [PrivateTitle]] = [:]
        for (position, project) in workspace.projects.enumerated() where project.visibility == .private && project.title.count >= 20 {
            let title = words(project.title)
            guard title.count >= 3, !published.contains(title) else { continue }
            titles[tripleHash(title[0], title[1], title[2]), default: []].append(PrivateTitle(project: position, words: title))
        }
        return titles
    }

    /// Calls `body` with each word of `text` as titles are compared (a run of letters and digits,
    /// of any script, in composed form), in order: the UTF-8 offset where it starts and its hash,
    /// letters lower-cased. Punctuation and spaces outside ASCII (typographic quotes, a dash, a
    /// no-break space) end a word, as ASCII ones do; what shows as nothing (a soft hyphen, a
    /// zero-width joiner) does not. Markup a page does not show between words is skipped: a
    /// link's destination (`[ACME](https://acme.example)` shows "ACME"), not its title, which
    /// shows on hover; an HTML tag. Yet what they hold is published (in the page's source, the
    /// Markdown report, a browser's status bar): each destination, its escapes decoded
    /// (`/Payroll%20phishing%20kit`), and each quoted attribute value of a tag (`title="..."`)
    /// is read after the text, each as words of their own, all at the offset where it starts.
    static func forEachTitleWord(of text: String, _ body: (Int, UInt64) -> Void) {
        var start: Int?
        var hasher = FNV1a()
        func end() {
            if let first = start { body(first, hasher.value) }
            start = nil
            hasher = FNV1a()
        }
        // A title decomposed in one text and composed in another is one title. (Offsets are then
        // the composed text's: its lines are the same.)
        var text = text.utf8.contains(where: { $0 >= 0x80 }) ? text.precomposedStringWithCanonicalMapping : text
        // Read by bytes (every public text of a workspace is read so on a cold check), a
        // character outside ASCII decoded.
        text.withUTF8 { bytes in
            // The markup skipped: each tag, for its attribute values; each link's destination.
            var tags: [Range<Int>] = []
            var destinations: [Range<Int>] = []
            func read(_ range: Range<Int>, skippingMarkup: Bool) {
                var i = range.lowerBound
                while i < range.upperBound {
                    let byte = bytes[i]
                    if byte < 0x80 {
                        if IndicatorBytes.isAlphanumeric(byte) {
                            if start == nil { start = i }
                            hasher.add(IndicatorBytes.lower(byte))
                            i += 1
                            continue
                        }
                        end()
                        guard skippingMarkup, let skipped = skippedMarkup(bytes, at: i) else { i += 1; continue }
                        if byte == UInt8(ascii: "<") { tags.append(i..<skipped) } else { destinations.append(i + 2..<skipped) }
                        i = skipped
                        continue
                    }
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                    for k in 1..<length where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                    defer { i += length }
                    guard let properties = Unicode.Scalar(value)?.properties else { end(); continue }
                    if properties.isDefaultIgnorableCodePoint { continue }
                    let isMark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
                    guard properties.isAlphabetic || properties.numericType != nil || isMark && start != nil else { end(); continue }
                    if start == nil { start = i }
                    // Most letters outside ASCII are their own lower case.
                    if properties.changesWhenLowercased {
                        for lower in properties.lowercaseMapping.utf8 { hasher.add(lower) }
                    } else {
                        for k in i..<min(i + length, bytes.count) { hasher.add(bytes[k]) }
                    }
                }
            }
            read(0..<bytes.count, skippingMarkup: true)
            end()
            for value in destinations + tags.flatMap({ attributeValues(bytes, in: $0) }) {
                guard bytes[value].contains(UInt8(ascii: "%")) else {
                    read(value, skippingMarkup: false)
                    end()
                    continue
                }
                let decoded = String(decoding: PercentEncoding.decoded(Array(bytes[value])), as: UTF8.self)
                forEachTitleWord(of: decoded) { _, hash in body(value.lowerBound, hash) }
            }
        }
    }

    /// Where the reading goes on after markup that starts at `i` and that a page does not show:
    /// a link's destination after its text (`](...)`: to the closing parenthesis on the line, or
    /// to the blank before a title, `](https://x.example "Title")`, which a page shows), an HTML
    /// tag (`<b>`, `</b>`, to its `>` on the line). Nil for any other byte.
    private static func skippedMarkup(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        guard i + 1 < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "]") where bytes[i + 1] == UInt8(ascii: "("):
            var k = i + 2
            if k < bytes.count, bytes[k] == UInt8(ascii: "<") {
                // `](<a destination with blanks>)`
                while k < bytes.count, bytes[k] != UInt8(ascii: ">"), bytes[k] != 0x0A { k += 1 }
                return k < bytes.count && bytes[k] == UInt8(ascii: ">") ? k + 1 : nil
            }
            // A destination's parentheses may nest (`](https://x.example/a_(b))`).
            var depth = 0
            while k < bytes.count, bytes[k] > 0x20 {
                if bytes[k] == UInt8(ascii: "(") { depth += 1 }
                if bytes[k] == UInt8(ascii: ")") {
                    if depth == 0 { return k + 1 }
                    depth -= 1
                }
                k += 1
            }
            return k < bytes.count && bytes[k] != 0x0A ? k : nil
        case UInt8(ascii: "<") where IndicatorBytes.isLetter(bytes[i + 1]) || bytes[i + 1] == UInt8(ascii: "/"):
            var k = i + 1
            while k < bytes.count, bytes[k] != UInt8(ascii: ">"), bytes[k] != 0x0A { k += 1 }
            return k < bytes.count && bytes[k] == UInt8(ascii: ">") ? k + 1 : nil
        default:
            return nil
        }
    }

    /// The quoted attribute values of the HTML tag at `tag` (`title="..."`, `alt='...'`).
    private static func attributeValues(_ bytes: UnsafeBufferPointer<UInt8>, in tag: Range<Int>) -> [Range<Int>] {
        var values: [Range<Int>] = []
        var k = tag.lowerBound
        while k < tag.upperBound {
            defer { k += 1 }
            guard bytes[k] == UInt8(ascii: "="), k + 1 < tag.upperBound, bytes[k + 1] == UInt8(ascii: "\"") || bytes[k + 1] == UInt8(ascii: "'")
            else { continue }
            let quote = bytes[k + 1]
            var close = k + 2
            while close < tag.upperBound, bytes[close] != quote { close += 1 }
            values.append(k + 2..<close)
            k = close
        }
        return values
    }

    /// The hash of a run of three words, from their hashes.
    static func tripleHash(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt32 {
        let mixed = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F) ^ c
        return UInt32(truncatingIfNeeded: mixed ^ mixed >> 32)
    }

    /// The hashes of every run of three words of `text`, added to `hashes`.
    static func addWordTriples(of text: String, to hashes: inout Set<UInt32>) {
        var (first, second): (UInt64, UInt64) = (0, 0)
        var count = 0
        forEachTitleWord(of: text) { _, hash in
            if count >= 2 { hashes.insert(tripleHash(first, second, hash)) }
            (first, second) = (second, hash)
            count += 1
        }
    }

    /// Where `texts` write a private project's title (`titles`): a warning for each title in
    /// each text, where it is first written.
    static func titleFindings(in texts: [PublishedText], titles: [PrivateTitle], workspace: Workspace) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for text in texts {
            var words: [(offset: Int, hash: UInt64)] = []
            forEachTitleWord(of: text.text) { words.append(($0, $1)) }
            var reported: Set<Int> = []
            for title in titles where !reported.contains(title.project) && words.count >= title.words.count {
                guard let start = (0...(words.count - title.words.count)).first(where: { first in
                    title.words.indices.allSatisfy { words[first + $0].hash == title.words[$0] }
                }) else { continue }
                reported.insert(title.project)
                var place = TextPlace(text.text)
                let position = text.bodyLine.map { place.position(at: words[start].offset, bodyLine: $0) }
                let named = workspace.projects[title.project]
                diagnostics.append(.warning(at: position.map { SourceLocation(path: text.location.path, position: $0) } ?? text.location,
                    "\(text.name) names the private project \(named.slug) by its title (\"\(named.title)\"), but it is public: the public site names no private project; if it means the project, take the title out",
                    code: code))
            }
        }
        return diagnostics
    }

    /// The titles `mentions` may write (its texts hold their first three words). Nearly no
    /// project writes one: the texts of one that may are then made again to find where.
    static func titles(_ titles: [UInt32: [PrivateTitle]], in mentions: Mentions) -> [PrivateTitle] {
        guard !titles.isEmpty else { return [] }
        return titles.keys.sorted().flatMap { mentions.wordTriples.binarySearchContains($0) ? titles[$0]! : [] }
    }
}

extension [UInt32] {
    /// Whether this sorted array holds `value`.
    func binarySearchContains(_ value: UInt32) -> Bool {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }
}

extension PublishedPrivateValueRule {
    /// `titleFindings(in:titles:workspace:)` for a public project, from its survey's `mentions`.
    static func titleFindings(project: Project, mentions: Mentions, titles: [UInt32: [PrivateTitle]], workspace: Workspace) -> [Diagnostic] {
        let candidates = Self.titles(titles, in: mentions)
        return candidates.isEmpty ? [] : titleFindings(in: publishedTexts(of: project), titles: candidates, workspace: workspace)
    }
}
