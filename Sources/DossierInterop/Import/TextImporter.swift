import DossierCore

/// Indicators in free text: vendor blog posts, emails, Markdown or AsciiDoc reports, one-per-line
/// lists. What counts as an indicator is `Indicators.extract`'s decision (refanged; `report.pdf`,
/// version numbers and a sentence's final period are not indicators).
///
/// A file whose every line (blank lines and `#` comments aside) is a single word is a list: each
/// line is then parsed as a value, so a line that is no indicator is reported as skipped with the
/// reason, instead of passing unnoticed as prose would.
///
/// A TLP label written in the text (`TLP:AMBER`, `TLP RED`, as vendor reports and e-mails carry it) marks
/// the file, as a MISP event's tag does: the strictest label counts.
enum TextImporter {
    static func read(_ text: String, into collector: inout ImportCollector) {
        if let tlp = labels(in: text).max() { collector.projectTLP(tlp) }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let entries = lines.enumerated().compactMap { number, line -> (line: Int, text: String)? in
            let trimmed = line.trimmingSpaces
            // A TLP label on a line of its own marks the list; it is no value of it.
            return trimmed.isEmpty || trimmed.hasPrefix("#") || isLabelLine(trimmed) ? nil : (number + 1, trimmed)
        }
        let isList = !entries.isEmpty && entries.allSatisfy { !$0.text.contains { $0.isWhitespace } }
        if isList {
            for entry in entries {
                let column = (lines[entry.line - 1].firstIndex { !$0.isWhitespace }).map {
                    lines[entry.line - 1].distance(from: lines[entry.line - 1].startIndex, to: $0) + 1
                } ?? 1
                collector.add(entry.text, as: nil, at: SourcePosition(line: entry.line, column: column))
            }
            return
        }
        collector.restating { collector in
            for found in Indicators.extract(from: text) {
                collector.record(Indicator(value: found.value, type: found.type))
            }
        }
    }

    /// The TLP labels written in `text`: `TLP` or `Traffic Light Protocol` (any case, not inside
    /// a word), then a colon, a blank, a dash, an underscore or a slash (`TLP:AMBER`, `TLP: RED`,
    /// `TLP RED`, `TLP-GREEN`, `TLP_CLEAR`, `Traffic Light Protocol (TLP): AMBER`), and a level,
    /// `AMBER+STRICT` before `AMBER`.
    static func labels(in text: String) -> [TLP] {
        labelRanges(in: text).map(\.tlp)
    }

    /// Each label with where it is written.
    private static func labelRanges(in text: String) -> [(tlp: TLP, range: Range<String.Index>)] {
        var found: [(TLP, Range<String.Index>)] = []
        var rest = text[...]
        // The next long name, looked for again only once passed: a text without one is read once.
        var nextLong = longName(in: rest)
        func nextName() -> Range<String.Index>? {
            if let passed = nextLong, passed.lowerBound < rest.startIndex { nextLong = longName(in: rest) }
            let short = rest.range(of: "tlp", options: .caseInsensitive)
            // Or its long name first (`Traffic Light Protocol: RED`, `... (TLP): RED`).
            guard let long = nextLong, short.map({ long.lowerBound < $0.lowerBound }) ?? true else { return short }
            let abbreviated = text[long.upperBound...].range(of: " (tlp)", options: [.caseInsensitive, .anchored])
            return long.lowerBound..<(abbreviated?.upperBound ?? long.upperBound)
        }
        while let name = nextName() {
            rest = text[name.upperBound...]
            guard name.lowerBound == text.startIndex || !text[text.index(before: name.lowerBound)].isLetter else { continue }
            let after = rest.drop { labelSeparators.contains($0) }
            guard after.startIndex > name.upperBound else { continue }
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
            if let tlp = TLP(named: level) { found.append((tlp, name.lowerBound..<word.endIndex)) }
        }
        return found
    }

    /// `:`, `-`... and Markdown's emphasis (`TLP: **AMBER**`).
    private static let labelSeparators = TLP.labelSeparators.union(["*"])

    /// Where `Traffic Light Protocol` is first written in `text`, in any case, its words apart by
    /// any blanks (a line wrapped in a mail, a no-break space).
    private static func longName(in text: Substring) -> Range<String.Index>? {
        var rest = text
        while let first = rest.range(of: "traffic", options: .caseInsensitive) {
            var end: String.Index? = first.upperBound
            for word in ["light", "protocol"] {
                guard let at = end else { break }
                let blanks = text[at...].prefix { $0.isWhitespace }
                end = blanks.isEmpty ? nil : text[blanks.endIndex...].range(of: word, options: [.caseInsensitive, .anchored])?.upperBound
            }
            if let end { return first.lowerBound..<end }
            rest = text[first.upperBound...]
        }
        return nil
    }

    /// True for a line that is a TLP label and nothing else (`TLP:AMBER`, `[TLP RED]`): it marks a
    /// list and is no value of it.
    static func isLabelLine(_ line: String) -> Bool {
        let labels = labelRanges(in: line)
        guard labels.count == 1, let range = labels.first?.range else { return false }
        return (line[..<range.lowerBound] + line[range.upperBound...]).allSatisfy { "[]():*_ ".contains($0) }
    }
}
