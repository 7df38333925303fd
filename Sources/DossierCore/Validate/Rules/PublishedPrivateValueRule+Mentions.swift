import Foundation  // NFKC of a text written in compatibility forms, seldom

extension PublishedPrivateValueRule.Mentions {
    /// What `texts` mention: the indicators written in each (a public indicator's URL or address
    /// is taken whole, with no scan) with their hosts, and what may name a project.
    init(_ texts: [PublishedPrivateValueRule.PublishedText]) {
        var triples: Set<UInt32> = []
        defer { wordTriples = triples.sorted() }
        for text in texts {
            PublishedPrivateValueRule.addWordTriples(of: text.text, to: &triples)
            if text.isWordsOnly { continue }
            let index = self.texts.count
            let firstValue = values.count
            self.texts.append(Text(name: text.name, location: text.location, isNote: text.isNote, value: text.valueType.map { _ in text.text }))
            let found = text.valueType.map { [ExtractedIndicator(type: $0, value: text.text, line: 1, column: 1)] }
                ?? Indicators.extract(from: text.text)
            for mention in found { addMention(mention, of: text, at: index) }
            if text.valueType == nil {
                // Addresses and hashes inside longer words (`host_192.0.2.130`), which the
                // extractor does not take as values: a page shows them all the same.
                addEmbedded(in: text.text, of: text, at: index, after: firstValue)
                // What inline markup joins (`192.0.2.*130*`), as the page shows it: the values the
                // text's words are not.
                // And written in compatibility forms (full-width `２０３．０．１１３．７７`, math
                // bold `𝐝𝐞𝐚𝐝`, superscript digits), as a reader reads them: NFKC.
                // And with an escaped `@` (`mailto:leaky%40mail.example`), as a mail client reads it.
                for variant in [text.joined, Self.compatibilityFolded(text.text), Self.escapedAtsDecoded(text.text)].compactMap({ $0 }) {
                    let taken = Set(values[firstValue...].map(\.value))
                    for mention in Indicators.extract(from: variant) where !taken.contains(mention.value) {
                        addMention(mention, of: text, at: index)
                    }
                    addEmbedded(in: variant, of: text, at: index, after: firstValue)
                }
                projects += Self.projectReferences(in: text, at: index)
                var seen: Set<String> = []
                var place = TextPlace(text.text)
                // The words as written, and those a defanged form breaks apart, read refanged.
                var found = PublishedPrivateValueRule.freeFormWords(of: text.text)
                let refanged = PublishedPrivateValueRule.refangedFreeFormWords(of: text.text)
                if !refanged.isEmpty { found = (found + refanged).sorted { $0.start < $1.start } }
                // A text as its page shows it (comments, escapes and references taken off) keeps
                // the lines of the file: a word's line is right, its column only where the line
                // had none of those.
                for (word, start) in found where seen.insert(word).inserted {
                    words.append(Word(text: index, word: word, position: text.bodyLine.map { place.position(at: start, bodyLine: $0) }))
                }
            }
        }
    }

    /// A value found in `text` (the text itself, for a public indicator's value), and what it
    /// shows besides: its host, and the host a browser goes to; a URL's embedded hosts and what
    /// it carries; the IPv4 address of an IPv4-mapped one; an e-mail address after a word's
    /// elision (`l'admin@...` writes `admin@...`).
    private mutating func addMention(_ mention: ExtractedIndicator, of text: PublishedPrivateValueRule.PublishedText, at index: Int) {
        let position = text.bodyLine.map { SourcePosition(line: $0 + mention.line - 1, column: mention.column) }
        // An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) shows the IPv4 one too: the same
        // address, published on purpose with a public value (or its host) as written.
        func add(_ value: String, type: IndicatorType? = nil, within: String?, isInner: Bool = false) {
            values.append(Value(text: index, value: value, type: type, within: within, position: position, isInner: isInner))
            if let mapped = Indicators.mappedIPv4(value) {
                values.append(Value(text: index, value: mapped, type: type == nil ? nil : .ipv4, within: within ?? value, position: position))
            }
        }
        // A public indicator's own value is published on purpose, and its host with it; what a
        // text writes is not, nor the host of a URL or an address it writes. What either shows
        // inside (an address, a name, what a URL carries) is written there: a value only private
        // projects record is theirs, however published.
        let written = text.valueType == nil
        add(mention.value, type: written ? mention.type : nil, within: nil)
        if mention.type == .email, let at = mention.value.lastIndex(of: "@"), let apostrophe = mention.value[..<at].lastIndex(of: "'") {
            add(String(mention.value[mention.value.index(after: apostrophe)...]), type: written ? .email : nil, within: mention.value)
        }
        // The address a block is written with (`192.0.2.130/31`), a local part that is a host.
        for shown in Indicators.valuesShown(by: mention.value, type: mention.type) {
            add(shown.value, type: shown.type, within: mention.value)
        }
        let host = Indicators.host(of: mention.value, type: mention.type)
        if let host {
            add(host, type: written ? Self.hostType(host) : nil, within: mention.value)
            // And the host it goes to, written otherwise (`%2E`, `0xC0000282`).
            if mention.type == .url, let browsed = Indicators.browsedHost(host) {
                add(browsed, type: written ? Self.hostType(browsed) : nil, within: mention.value)
            }
        }
        // The names inside a name (`login.acme-corp.example.phish.test`).
        for name in PublishedPrivateValueRule.innerNames(mention.type == .domain ? mention.value : host ?? "") {
            add(name, type: .domain, within: mention.value, isInner: true)
        }
        guard mention.type == .url else { return }
        for host in Indicators.embeddedHosts(of: mention.value) { add(host, within: mention.value) }
        // What its path and query carry, escaped or not: a page shows it all.
        // (What the URL carries is decoded once, for both looks at it.)
        let carriedText = Indicators.carriedText(of: mention.value)
        for carried in carriedText.map(Indicators.carried(inText:)) ?? [] {
            add(carried.value, type: carried.type, within: mention.value)
            if let host = Indicators.host(of: carried.value, type: carried.type) {
                add(host, type: Self.hostType(host), within: mention.value)
            }
        }
        // And its words as values are recorded, which the extractor does not read
        // (`?h=evil.example:8080`, `?to=%C3%BCser@...`).
        for word in carriedText.map(PublishedPrivateValueRule.carriedWords(inText:)) ?? [] {
            add(word, type: Indicators.detect(word), within: mention.value)
        }
    }

    /// The addresses and hashes inside longer words of `shown` (`host_192.0.2.130`,
    /// `Indicators.embeddedValues`) that the values from `firstValue` on do not hold yet. Lines
    /// are kept by every reading of a text as shown, as for the values the extractor finds.
    private mutating func addEmbedded(in shown: String, of text: PublishedPrivateValueRule.PublishedText, at index: Int, after firstValue: Int) {
        let embedded = Indicators.embeddedValues(in: shown)
        guard !embedded.isEmpty else { return }
        let taken = Set(values[firstValue...].map(\.value))
        let new = embedded.filter { !taken.contains($0.value) }
        guard !new.isEmpty else { return }
        var place = TextPlace(shown)
        for found in new.sorted(by: { $0.offset < $1.offset }) {
            values.append(Value(text: index, value: found.value, type: found.type, within: nil,
                position: text.bodyLine.map { place.position(at: found.offset, bodyLine: $0) }))
        }
    }

    /// `text` in NFKC when it holds a compatibility form a value may be written in (full-width
    /// forms, mathematical letters and digits, superscripts and subscripts, enclosed
    /// alphanumerics), told by their UTF-8 lead bytes; nil when it holds none.
    static func compatibilityFolded(_ text: String) -> String? {
        // Most texts are ASCII: told in one tight pass.
        guard text.utf8.contains(where: { $0 >= 0xC2 }) else { return nil }
        var previous: UInt8 = 0
        var holds = false
        for byte in text.utf8 {
            switch (previous, byte) {
            case (0xEF, 0xBC), (0xEF, 0xBD), (0xF0, 0x9D), (0xE2, 0x81), (0xE2, 0x82), (0xE2, 0x91), (0xE2, 0x92), (0xE2, 0x93),
                 (0xC2, 0xB2), (0xC2, 0xB3), (0xC2, 0xB9):
                holds = true
            default: break
            }
            if holds { break }
            previous = byte
        }
        guard holds else { return nil }
        let folded = text.precomposedStringWithCompatibilityMapping
        return folded == text ? nil : folded
    }

    /// `text` with each `%40` an `@`; nil when it has none.
    static func escapedAtsDecoded(_ text: String) -> String? {
        guard ByteSearch.contains("%40", in: text) else { return nil }
        return text.replacingOccurrences(of: "%40", with: "@")
    }

    /// The type of a URL's or an e-mail address's host: an address or a domain name.
    private static func hostType(_ host: String) -> IndicatorType {
        if case .success = IPv4Address.parse(host) { return .ipv4 }
        return host.utf8.contains(IndicatorBytes.colon) ? .ipv6 : .domain
    }

    /// In prose, paths to a project's folder or page (`../acme-phish/`,
    /// `projects/acme-phish/index.html`); in any text, words that may be a folder name: letters,
    /// digits, `_` and at least one inner `-` (`acme-phish`). Each name once, where first written;
    /// each link where it is.
    private static func projectReferences(in text: PublishedPrivateValueRule.PublishedText, at index: Int) -> [ProjectReference] {
        let bytes = Array(text.text.utf8)
        var references: [ProjectReference] = []
        var seen: Set<String> = []
        // Found left to right: the text is walked once for their places, however long its lines.
        var place = TextPlace(text.text)
        func add(_ range: Range<Int>, isLink: Bool) {
            let slug = String(decoding: bytes[range].map(IndicatorBytes.lower), as: UTF8.self)
            // Every link is one to take out; a name, once is enough.
            guard seen.insert(isLink ? "/\(range.lowerBound) " + slug : slug).inserted else { return }
            references.append(ProjectReference(text: index, slug: slug, isLink: isLink,
                position: text.bodyLine.map { place.position(at: range.lowerBound, bodyLine: $0) }))
        }
        func isWordByte(_ byte: UInt8) -> Bool {
            IndicatorBytes.isAlphanumeric(byte) || byte == IndicatorBytes.hyphen || byte == UInt8(ascii: "_")
        }
        // What may be a folder's name: five characters or more with an inner `-`. A CVE is a
        // public name, whatever a private project is called after it.
        func isFolderName(_ word: Range<Int>) -> Bool {
            word.count >= 5 && bytes[word.lowerBound] != IndicatorBytes.hyphen && bytes[word.upperBound - 1] != IndicatorBytes.hyphen
                && bytes[(word.lowerBound + 1)..<(word.upperBound - 1)].contains(IndicatorBytes.hyphen) && !Self.isCVE(bytes[word])
        }
        var i = 0
        // Whether the address being read has a scheme (`https://`) since what last ended one: a
        // `projects/` in it is another site's.
        var inAddress = false
        while i < bytes.count {
            if isAddressEnd(bytes[i]) {
                inAddress = false
            } else if bytes[i] == UInt8(ascii: ":"), bytes[i...].starts(with: "://".utf8) {
                inAddress = true
            }
            if text.isProse, var start = pathLead(bytes, at: i, inAddress: inAddress) {
                // From a note two folders down, a link climbs twice: `../../acme-phish/`, and from
                // a page of the site into its projects: `../../projects/acme-phish/`; a path
                // resolves `./` and a doubled `/` away (`.././acme-phish/`, `..//acme-phish/`).
                while let next = pathLead(bytes, at: start, inAddress: inAddress) ?? Self.pathNoise(bytes, at: start) { start = next }
                var end = start
                while end < bytes.count, isWordByte(bytes[end]) || bytes[end] == IndicatorBytes.dot { end += 1 }
                if end > start { add(start..<end, isLink: true) }
                i = end
                continue
            }
            // A segment of a path or an address (`https://git.example/cti/-/tree/main/acme-phish`,
            // `file:acme-phish/notes/02.md`) may name a folder too; a word joined otherwise
            // (`acme-phish.example`) does not.
            let isSegment = i > 0 && (bytes[i - 1] == IndicatorBytes.slash || Self.endsFileScheme(bytes, at: i))
            guard isWordByte(bytes[i]), i == 0 || !isWordByte(bytes[i - 1]) && (isSegment || !Self.joiners.contains(bytes[i - 1])) && bytes[i - 1] < 0x80
            else { i += 1; continue }
            var end = i
            while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
            // A note's file name (`04-internal-sightings.md`), which may be a private note's; not
            // a link's destination (`](04-...md)`, `](notes/04-...md)`), which the link rule reports.
            if end + 3 <= bytes.count, bytes[end] == IndicatorBytes.dot, bytes[(end + 1)..<(end + 3)].elementsEqual("md".utf8, by: { $0 | 0x20 == $1 }),
               end + 3 == bytes.count || !isWordByte(bytes[end + 3]) && !(bytes[end + 3] == IndicatorBytes.dot && end + 4 < bytes.count && isWordByte(bytes[end + 4])) {
                // Where the path it ends starts (`../../acme/notes/04-...md`). A destination with a
                // scheme (`file:04-...md`) is no link the link rule follows.
                var pathStart = i
                while pathStart > 0, !Self.pathStops.contains(bytes[pathStart - 1]) { pathStart -= 1 }
                let hasScheme = RelativeLink.scheme(of: String(decoding: bytes[pathStart..<i], as: UTF8.self)) != nil
                if !startsLinkDestination(bytes, at: pathStart) || hasScheme { add(i..<end + 3, isLink: false) }
                // And a note named after a folder (`acme-phish.md`) names it.
                if isFolderName(i..<end) { add(i..<end, isLink: false) }
                i = end + 3
                continue
            }
            // A word within a longer one (`acme-phish.example`, `acme-phish[.]example`, a value)
            // is not a name.
            // A repository's address (`.../acme-phish.git`) names the folder all the same, and so
            // does a file named after it (`images/acme-phish.png`).
            var extensionEnd = end + 1
            while extensionEnd < bytes.count, IndicatorBytes.isAlphanumeric(bytes[extensionEnd]) { extensionEnd += 1 }
            let isFile = end < bytes.count && bytes[end] == IndicatorBytes.dot && (extensionEnd == bytes.count || !isWordByte(bytes[extensionEnd]))
                && (bytes[end + 1..<extensionEnd].elementsEqual("git".utf8) || Indicators.isFileExtension(bytes[end + 1..<extensionEnd]))
                && !(extensionEnd + 1 < bytes.count && bytes[extensionEnd] == IndicatorBytes.dot && isWordByte(bytes[extensionEnd + 1]))
            let inside = end < bytes.count && !isFile && (bytes[end] >= 0x80 || bytes[end] == UInt8(ascii: "[")
                || bytes[end] == IndicatorBytes.dot && end + 1 < bytes.count && isWordByte(bytes[end + 1]))
            if !inside, isFolderName(i..<end) { add(i..<end, isLink: false) }
            i = end
        }
        return references
    }

    /// Whether `file:` (in any case) ends just before `i`: a file's address, whose path may
    /// start with no `/` (`file:acme-phish/notes/04-internal.md`).
    private static func endsFileScheme(_ bytes: [UInt8], at i: Int) -> Bool {
        i >= 5 && bytes[(i - 5)..<i].elementsEqual("file:".utf8) { $0 | 0x20 == $1 }
            && (i == 5 || !IndicatorBytes.isAlphanumeric(bytes[i - 6]))
    }

    /// True for `CVE-2024-3094` in any case: a year and a number of four digits or more.
    private static func isCVE(_ word: ArraySlice<UInt8>) -> Bool {
        let parts = word.split(separator: IndicatorBytes.hyphen, omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].elementsEqual("cve".utf8, by: { $0 | 0x20 == $1 })
            && parts[1].count == 4 && parts[2].count >= 4 && (parts[1] + parts[2]).allSatisfy(IndicatorBytes.isDigit)
    }

    /// What a path written in a text starts after: a blank, a link's `(` or `<`, an
    /// attribute's quote or `=`.
    private static let pathStops = ByteSet("(<\"'= \t\r\n".utf8)

    /// What joins a word to the one before into something else (a domain, a path, an address).
    private static let joiners = ByteSet(".:/@\\=".utf8)

    /// What leads a path to a project's folder: from a note (`../`) or from the site (`projects/`).
    private static let pathLeads = [Array("../".utf8), Array("projects/".utf8)]

    /// Where the folder name after a path lead at `i` starts, if one stands there. `projects/`
    /// leads a path of the site only where a word does not run into it (`subprojects/`) and not
    /// in another site's address (`https://github.com/orgs/acme/projects/x`). A `/` where a link's
    /// destination starts leads a path from the root, which a git host reads from the
    /// repository's (`[the op](/acme-phish/notes/01.md)`); `//` an address. A path in prose
    /// (`/etc/passwd`, `/api/v1/login`) is no link.
    private static func pathLead(_ bytes: [UInt8], at i: Int, inAddress: Bool) -> Int? {
        guard i < bytes.count else { return nil }
        if bytes[i] == IndicatorBytes.slash {
            guard !inAddress, i + 1 < bytes.count, bytes[i + 1] != IndicatorBytes.slash, startsLinkDestination(bytes, at: i) else { return nil }
            return i + 1
        }
        // Asked at every byte of every public note: most bytes start neither lead.
        guard bytes[i] == IndicatorBytes.dot || bytes[i] == UInt8(ascii: "p") else { return nil }
        guard let lead = pathLeads.first(where: { i + $0.count < bytes.count && bytes[i..<i + $0.count].elementsEqual($0) }) else { return nil }
        if lead.first != IndicatorBytes.dot {
            if inAddress { return nil }
            if i > 0, IndicatorBytes.isAlphanumeric(bytes[i - 1]) || bytes[i - 1] == IndicatorBytes.hyphen || bytes[i - 1] == UInt8(ascii: "_") { return nil }
        }
        return i + lead.count
    }

    /// Whether the byte at `i` starts a link's destination: after `](` (or `](<`), after a
    /// reference definition's `]:` and blanks, or in an HTML `href` or `src` attribute.
    private static func startsLinkDestination(_ bytes: [UInt8], at i: Int) -> Bool {
        func ends(with text: String, at end: Int) -> Bool {
            let suffix = Array(text.utf8)
            return end >= suffix.count && bytes[(end - suffix.count)..<end].elementsEqual(suffix) { $0 | 0x20 == $1 | 0x20 }
        }
        if ends(with: "](", at: i) || ends(with: "](<", at: i) { return true }
        if i > 0, bytes[i - 1] == UInt8(ascii: "\"") || bytes[i - 1] == UInt8(ascii: "'") {
            return ends(with: "href=", at: i - 1) || ends(with: "src=", at: i - 1)
        }
        var j = i
        while j > 0, bytes[j - 1] == IndicatorBytes.space || bytes[j - 1] == 0x09 { j -= 1 }
        return j < i && ends(with: "]:", at: j)
    }

    /// Past a `./` or a `/` at `i` within a path, which it resolves away; nil for anything else.
    private static func pathNoise(_ bytes: [UInt8], at i: Int) -> Int? {
        guard i < bytes.count else { return nil }
        if bytes[i] == IndicatorBytes.slash { return i + 1 }
        if bytes[i] == IndicatorBytes.dot, i + 1 < bytes.count, bytes[i + 1] == IndicatorBytes.slash { return i + 2 }
        return nil
    }

    /// What ends an address written in prose: white space, or what encloses one.
    private static func isAddressEnd(_ byte: UInt8) -> Bool {
        byte == IndicatorBytes.space || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == UInt8(ascii: "(") || byte == UInt8(ascii: "<")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}

/// Line and column of byte offsets in a text, asked in increasing order: the text is walked once
/// however many are asked. Columns count Unicode scalars, as JSON positions do.
struct TextPlace {
    let bytes: [UInt8]
    var offset = 0
    var line = 0
    /// Unicode scalars from the start of the line to `offset`: counted as the walk goes, since a
    /// megabyte on one line asked about at each word was quadratic counted anew.
    var column = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    /// Where the byte at `target` stands, in a note whose body starts at line `bodyLine`.
    mutating func position(at target: Int, bodyLine: Int) -> SourcePosition {
        // An offset found in a folded copy (`ß` upper-cased is `SS`) may lie past the end.
        let target = min(target, bytes.count)
        // Asked of an earlier place (raw HTML's links, found after the Markdown ones): walked again.
        if target < offset { (offset, line, column) = (0, 0, 0) }
        while offset < target {
            if bytes[offset] == 0x0A {
                (line, column) = (line + 1, 0)
            } else if bytes[offset] & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return SourcePosition(line: bodyLine + line, column: column + 1)
    }
}
