import Foundation  // memchr

/// TLP labels as reports, mails and front matter write them.
extension TLP {
    /// The labels of `text` that mark it as a title marks itself: at its start or its end, with
    /// only blanks, brackets and markup beside (`TLP:RED - Acme breach`, `[TLP:AMBER] Kit`,
    /// `Acme breach (TLP:AMBER)`); not a mention inside (`Reuse of a kit from a TLP:RED report`).
    public static func markingLabels(in text: String) -> [TLP] {
        let beside: Set<Character> = [" ", "\t", "\n", "[", "]", "(", ")", "{", "}", "<", ">", "*", "_", ".", "!", "\u{A0}"]
        return labels(in: text).compactMap { label in
            text[..<label.range.lowerBound].allSatisfy(beside.contains) || text[label.range.upperBound...].allSatisfy(beside.contains) ? label.tlp : nil
        }
    }

    /// The strictest level the labels of `text` name; nil when it writes none.
    public static func strictestLabel(in text: String) -> TLP? {
        labels(in: text).map(\.tlp).max()
    }

    /// The TLP labels written in `text`, each with where it is written: `TLP` (or `T.L.P.`, or
    /// `Traffic Light Protocol`; any case, not inside a word), then a separator (a colon, a
    /// blank, a dash, an underscore, a slash, a bracket; also `=`, a no-break space, an en dash),
    /// a version (`TLP v2.0: AMBER`), a form's field (`TLP Level: AMBER`) or, before a level in
    /// capitals, a sentence's words (`The TLP is AMBER`), and a level, `AMBER+STRICT` before
    /// `AMBER`. A level before the name reads too, in capitals or with the name in brackets
    /// (`RED TLP`, `Amber (TLP)`). What imports read as a file's marking, and what hides a note
    /// whose front matter writes one.
    public static func labels(in text: String) -> [(tlp: TLP, range: Range<String.Index>)] {
        let found = writtenLabels(in: text)
        // A label with an invisible character inside (`T\u{200B}LP:RED`, `TLP:R\u{00AD}ED`), as a
        // copy from a web page gives, or one who hides it, or in full-width letters (`ＴＬＰ:RED`,
        // as East Asian text writes them): read again without them, in ASCII. (Between the name
        // and its level, an invisible one is a separator, read the first time.)
        guard mayBeDisguised(text) else { return found }
        // Mapped back by Unicode scalar: taking out a joiner or a space may join or part the
        // characters around it (an emoji's, a CR LF), never the scalars.
        var visible = String.UnicodeScalarView()
        var origins: [String.Index] = []
        for index in text.unicodeScalars.indices {
            let scalar = text.unicodeScalars[index]
            guard !invisibleScalars.contains(scalar) else { continue }
            visible.append(fullWidthASCII.contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar)
            origins.append(index)
        }
        let shown = String(visible)
        // The labels are in order: their offsets are counted on from the last one.
        var (at, offset) = (shown.unicodeScalars.startIndex, 0)
        func scalarOffset(_ index: String.Index) -> Int {
            offset += shown.unicodeScalars.distance(from: at, to: index)
            at = index
            return offset
        }
        let hidden = writtenLabels(in: shown).map { label in
            let (first, end) = (scalarOffset(label.range.lowerBound), scalarOffset(label.range.upperBound))
            // Out to the characters of `text` that hold the label's first and last scalars.
            let lower = text.index(before: text.index(after: origins[first]))
            return (tlp: label.tlp, range: lower..<text.index(after: origins[end - 1]))
        }
        // Both lists in order: a label read twice (once each way) is kept once.
        var merged: [(tlp: TLP, range: Range<String.Index>)] = []
        var next = 0
        for label in hidden {
            while next < found.count, found[next].range.upperBound <= label.range.lowerBound {
                merged.append(found[next])
                next += 1
            }
            if next < found.count, found[next].range.overlaps(label.range) { continue }
            merged.append(label)
        }
        return merged + found[next...]
    }

    /// False only for a text that cannot write a label: one read often (every public note at each
    /// `check`) is read whole only when this is true.
    static func mayWriteLabel(_ text: String) -> Bool {
        ByteSearch.contains(caseInsensitive: "tlp", in: text) || ByteSearch.contains(caseInsensitive: "t.l.p", in: text)
            || mayWriteLongName(text) || mayBeDisguised(text)
    }

    /// Whether `text` may write the long name (`longNameRange`), told by its bytes: `traffic`, then
    /// blanks, hyphens or characters outside ASCII (a no-break space), then `light`, in any case.
    /// Not `traffic` alone, which most notes of network intrusions write.
    private static func mayWriteLongName(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var from = 0
            while let found = ByteSearch.firstOffset(caseInsensitive: "traffic", in: bytes, from: from) {
                var next = found + 7
                while next < bytes.count, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "-")].contains(bytes[next]) || bytes[next] >= 0x80 { next += 1 }
                if next + 5 <= bytes.count, zip(bytes[next..<(next + 5)], "light".utf8).allSatisfy({ IndicatorBytes.lower($0) == $1 }) { return true }
                from = found + 1
            }
            return false
        }
    }

    /// Whether `text` holds an invisible character or a full-width form of ASCII: told first by
    /// their UTF-8 lead bytes, since curly quotes and dashes share only one of them.
    private static func mayBeDisguised(_ text: String) -> Bool {
        var text = text
        let leads = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return [0xC2, 0xE1, 0xE2, 0xEF].contains { lead in memchr(base, lead, bytes.count) != nil }
        }
        return leads && text.unicodeScalars.contains { invisibleScalars.contains($0) || fullWidthASCII.contains($0.value) }
    }

    /// The full-width forms of ASCII's printable characters, `！` to `～`.
    private static let fullWidthASCII: ClosedRange<UInt32> = 0xFF01...0xFF5E

    /// Zero-width spaces and joiners, the word joiner, a byte order mark, a soft hyphen, the
    /// Mongolian vowel separator.
    private static let invisibleScalars: Set<Unicode.Scalar> = ["\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{180E}"]

    private static func writtenLabels(in text: String) -> [(tlp: TLP, range: Range<String.Index>)] {
        var found: [(TLP, Range<String.Index>)] = []
        var rest = text[...]
        // The next long name, looked for again only once passed: a text without one is read once;
        // so is the dotted short name (`T.L.P. RED`).
        var nextLong = longNameRange(in: rest)
        let dotted = ByteSearch.contains(caseInsensitive: "t.l.p", in: text)
        var nextDotted = dotted ? rest.range(of: "t.l.p", options: .caseInsensitive) : nil
        func nextName() -> Range<String.Index>? {
            if let passed = nextLong, passed.lowerBound < rest.startIndex { nextLong = longNameRange(in: rest) }
            if let passed = nextDotted, passed.lowerBound < rest.startIndex { nextDotted = rest.range(of: "t.l.p", options: .caseInsensitive) }
            let short = [rest.range(of: "tlp", options: .caseInsensitive), nextDotted].compactMap { $0 }.min { $0.lowerBound < $1.lowerBound }
            // Or its long name first (`Traffic Light Protocol: RED`, `... (TLP): RED`).
            guard let long = nextLong, short.map({ long.lowerBound < $0.lowerBound }) ?? true else { return short }
            let abbreviated = text[long.upperBound...].range(of: " (tlp)", options: [.caseInsensitive, .anchored])
            // `TLP (Traffic Light Protocol): RED`: the name ends after its bracket.
            let bracketed = long.lowerBound > text.startIndex && text[text.index(before: long.lowerBound)] == "("
                && text[long.upperBound...].first == ")"
            return long.lowerBound..<(abbreviated?.upperBound ?? (bracketed ? text.index(after: long.upperBound) : long.upperBound))
        }
        while let name = nextName() {
            rest = text[name.upperBound...]
            guard name.lowerBound == text.startIndex || !text[text.index(before: name.lowerBound)].isLetter else { continue }
            // The protocol's version, after the name or a separator (`TLP2.0:RED`, `TLPv2: AMBER`,
            // `TLP v2.0: AMBER`, `TLP 2.0 AMBER`), then a separator.
            func pastVersion(_ text: Substring) -> Substring? {
                let version = text.prefix { $0 == "v" || $0 == "V" || $0.isASCII && $0.isNumber || $0 == "." }
                guard version.contains(where: \.isNumber), let next = text[version.endIndex...].first, separatorsInText.contains(next) else { return nil }
                return text[version.endIndex...]
            }
            var after = (pastVersion(rest) ?? rest).drop { separatorsInText.contains($0) }
            guard after.startIndex > name.upperBound else {
                if let before = levelBefore(name, in: text) { found.append(before) }
                continue
            }
            if let past = pastVersion(after) { after = past.drop { separatorsInText.contains($0) } }
            // The field's own name between (`TLP Level: AMBER`, `TLP Color - Red`), as forms and
            // mails write it, or a sentence's words (`The TLP is AMBER`, `TLP level set to RED`).
            var inSentence = false
            for _ in 0..<3 {
                let written = after.prefix { $0.isLetter }
                let field = written.lowercased()
                guard fieldWords.contains(field) || sentenceWords.contains(field), let next = after[written.endIndex...].first,
                      separatorsInText.contains(next) else { break }
                if sentenceWords.contains(field) { inSentence = true }
                after = after[written.endIndex...].drop { separatorsInText.contains($0) }
            }
            var word = after.prefix { $0.isLetter || $0 == "+" }
            var level = String(word)
            // `TLP:AMBER STRICT`, `TLP-AMBER-STRICT`: AMBER+STRICT as its label is also written.
            let rest = text[word.endIndex...]
            if word.lowercased() == "amber", let separator = rest.first, " -_".contains(separator),
               rest.dropFirst().prefix(6).lowercased() == "strict", rest.dropFirst(7).first.map({ !$0.isLetter }) ?? true {
                word = text[word.startIndex..<rest.index(rest.startIndex, offsetBy: 7)]
                level = "amber+strict"
            }
            // A name that only starts like a label (`tlp-red.example`, `tlp_red_team`) is none.
            let next = text[word.endIndex...].prefix(2)
            if let first = next.first, ".-_".contains(first), next.dropFirst().first.map({ $0.isLetter || $0.isNumber }) ?? false { continue }
            if name.lowerBound > text.startIndex, ".-_/@".contains(text[text.index(before: name.lowerBound)]) { continue }
            // In a sentence, a level in capitals alone is a marking (`The TLP is AMBER`, not
            // `whether the TLP is red`).
            if let tlp = TLP(named: level), !inSentence || !word.contains(where: \.isLowercase) {
                found.append((tlp, name.lowerBound..<word.endIndex))
            } else if let before = levelBefore(name, in: text) {
                found.append(before)
            }
        }
        return found
    }

    /// What a form names the field of a TLP label by, between `TLP` and its level.
    private static let fieldWords: Set<String> = ["level", "color", "colour", "rating", "designation", "classification", "status", "marking", "label", "code"]

    /// What a sentence puts there (`The TLP is AMBER`, `TLP level set to RED`).
    private static let sentenceWords: Set<String> = ["is", "was", "set", "to", "of", "as", "marked"]

    /// A level written before the name, with a blank between, as some cover pages and mails
    /// write it: in capitals (`RED TLP`), or with the name in brackets (`Amber (TLP)`); not a
    /// word of prose (`the red TLP marking`, `Amber TLP guidance`), nor one that goes on (`RED TLPs`).
    private static func levelBefore(_ name: Range<String.Index>, in text: String) -> (TLP, Range<String.Index>)? {
        var start = name.lowerBound
        var end = name.upperBound
        let bracketed = start > text.startIndex && text[text.index(before: start)] == "(" && text[end...].first == ")"
        if bracketed {
            start = text.index(before: start)
            end = text.index(after: end)
        }
        if let next = text[end...].first, next.isLetter || next.isNumber { return nil }
        let blanks = text[..<start].reversed().prefix { $0 == " " || $0 == "\u{A0}" }.count
        guard blanks > 0 else { return nil }
        let wordEnd = text.index(start, offsetBy: -blanks)
        let letters = text[..<wordEnd].reversed().prefix { $0.isLetter || $0 == "+" }.count
        let wordStart = text.index(wordEnd, offsetBy: -letters)
        guard bracketed || !text[wordStart..<wordEnd].contains(where: \.isLowercase), let tlp = TLP(named: String(text[wordStart..<wordEnd])) else { return nil }
        return (tlp, wordStart..<end)
    }

    /// `:`, `-`... a bracket (`TLP (RED)`), Markdown's emphasis (`TLP: **AMBER**`), and what a copy from a mail, a
    /// word processor or a web page puts there: `=`, a no-break space, a dash, a full-width
    /// colon, a zero-width space.
    private static let separatorsInText = labelSeparators.union(["*", "=", ".", "#", "(", "\u{00A0}", "\u{202F}", "\u{2007}", "\u{2009}", "\u{200A}",
        "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FF1A}", "\u{FE55}", "\u{FF1D}", "\u{200B}", "\u{2060}", "\u{FEFF}"])

    /// Where `Traffic Light Protocol` is first written in `text`, in any case, its words apart by
    /// any blanks (a line wrapped in a mail, a no-break space).
    private static func longNameRange(in text: Substring) -> Range<String.Index>? {
        var rest = text
        while let first = rest.range(of: "traffic", options: .caseInsensitive) {
            var end: String.Index? = first.upperBound
            for word in ["light", "protocol"] {
                guard let at = end else { break }
                // Or hyphens (`Traffic-Light-Protocol: RED`).
                let blanks = text[at...].prefix { $0.isWhitespace || $0 == "-" }
                end = blanks.isEmpty ? nil : text[blanks.endIndex...].range(of: word, options: [.caseInsensitive, .anchored])?.upperBound
            }
            if let end { return first.lowerBound..<end }
            rest = text[first.upperBound...]
        }
        return nil
    }
}
