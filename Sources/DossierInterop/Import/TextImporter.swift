import DossierCore

/// Indicators in free text: vendor blog posts, emails, Markdown or AsciiDoc reports, one-per-line
/// lists. What counts as an indicator is `Indicators.extract`'s decision (refanged; `report.pdf`,
/// version numbers and a sentence's final period are not indicators). A dotted quad read as a
/// version or a section's number (`version 1.2.3.4`, `section 4.2.1.1`), or a hash as a commit's
/// id (`commit 3f78...`), is a warning at its place, since it may be an indicator.
///
/// A file whose every line (blank lines and `#` comments aside), or nine in ten of five or more,
/// is a single word is a list: each line is then parsed as a value, so a line that is no
/// indicator is reported as skipped with the reason, instead of passing unnoticed as prose would.
///
/// A TLP label written in the text (`TLP:AMBER`, `TLP RED`, as vendor reports and e-mails carry it) marks
/// the file, as a MISP event's tag does: the strictest label counts. A PAP:RED label keeps every
/// value of it private, as a MISP attribute's tag does.
public enum TextImporter {
    /// What keeps a pasted text in, as an import of it reads it (`add --extract`): the strictest
    /// TLP label above TLP:CLEAR it writes, else `PAP:RED`, else a caveat line of its header
    /// (`Handling: Internal use only`); nil when nothing does.
    public static func restriction(of text: String) -> (said: String, tlp: TLP?)? {
        if let tlp = labels(in: text).max(), tlp > .clear { return (tlp.label, tlp) }
        if PAP.marksRed(text) { return ("PAP:RED", nil) }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return lines.lazy.prefix(40).compactMap(Self.restrictingCaveat).first.map { ("\"\($0)\"", nil) }
    }

    /// The line itself when it is a caveat field that keeps the text in (`Handling: Internal use
    /// only`), as `HidingKeys` reads one.
    static func restrictingCaveat(_ line: Substring) -> String? {
        let trimmed = line.trimmingSpaces
        guard let colon = trimmed.firstIndex(of: ":"), trimmed.distance(from: trimmed.startIndex, to: colon) <= 30 else { return nil }
        let key = trimmed[..<colon].trimmingSpaces.lowercased()
        guard ["handling", "classification", "security classification", "caveat", "caveats", "dissemination", "distribution", "sensitivity"].contains(key)
        else { return nil }
        let value = trimmed[trimmed.index(after: colon)...].trimmingSpaces
        return HidingKeys.meansHidden(key: key.hasPrefix("caveat") ? "handling" : key, value: value, near: nil) ? trimmed : nil
    }

    static func read(_ text: String, into collector: inout ImportCollector) {
        if let tlp = labels(in: text).max() { collector.projectTLP(tlp) }
        if PAP.marksRed(text) {
            // No action anyone could detect, and a public site is one.
            collector.warning("the text is marked PAP:RED: each of its values is read as private", at: nil)
            collector.keepsIn = true
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        // A caveat line, as a mail's or a report's header writes one (`Handling: Internal use
        // only - do not distribute`, `Classification: CONFIDENTIAL`): read as the same field of a
        // note's front matter is.
        if !collector.keepsIn, let caveat = lines.lazy.prefix(40).compactMap(Self.restrictingCaveat).first {
            collector.warning("the text's \"\(caveat)\" restricts it: each of its values is read as private", at: nil)
            collector.keepsIn = true
        }
        let entries = lines.enumerated().compactMap { number, line -> (line: Int, text: String)? in
            let trimmed = line.trimmingSpaces
            // A TLP label on a line of its own marks the list; it is no value of it.
            return trimmed.isEmpty || trimmed.hasPrefix("#") || isLabelLine(trimmed) ? nil : (number + 1, trimmed)
        }
        // Nine lines in ten at least (a list with a user agent or two in it, as dossier's own
        // text export of a project may be): then each line is a value, or said skipped.
        // A Windows path with blanks in it (`C:\Program Files\x.exe`) is one value too.
        let words = entries.count { !$0.text.contains { $0.isWhitespace } || Indicators.windowsNameType($0.text) != nil }
        let isList = !entries.isEmpty && (words == entries.count || entries.count >= 5 && words * 10 >= entries.count * 9)
        if isList {
            for entry in entries {
                let column = (lines[entry.line - 1].firstIndex { !$0.isWhitespace }).map {
                    lines[entry.line - 1].distance(from: lines[entry.line - 1].startIndex, to: $0) + 1
                } ?? 1
                let position = SourcePosition(line: entry.line, column: column)
                // A Windows path or registry key (`C:\Program Files\x.exe`), free-form, which
                // the line gives whole.
                if let type = Indicators.windowsNameType(entry.text) {
                    collector.add(entry.text, as: type, at: position)
                    continue
                }
                // A line of several words in a list (`192.0.2.10  # C2`, a user agent): what it
                // writes, else the line is said skipped whole.
                if entry.text.contains(where: \.isWhitespace) {
                    let found = Indicators.extract(from: entry.text)
                    if !found.isEmpty {
                        for value in found { collector.add(value.value, as: value.type, at: position) }
                        continue
                    }
                }
                if let (host, dropped) = AddressSuffix.split(entry.text, as: nil) {
                    collector.unrepresentable(dropped)
                    collector.add(host, as: nil, at: position)
                } else {
                    collector.add(entry.text, as: nil, at: position)
                }
            }
            return
        }
        let (indicators, versions) = Indicators.extractNotingVersions(from: text)
        // A link the text makes (Markdown's, AsciiDoc's) points the reader to a reference, the
        // vendor's own post above all: no indicator (as `check` reads a note's links). An
        // autolink shows its address, as a mail writes the lure's: a value.
        let links = Indicators.referenceURLs(in: text, asciiDoc: true, autolinks: false)
        // So is a web address written live, alone on its line, in a text that defangs its
        // indicators (`office365.blogdns[.]com`): the write-up's own source, as vendors write it.
        // Beside other words, or at an address's host, it is a value left live by mistake.
        var written = WrittenWords(text)
        let defanged = indicators.first { written.word(at: $0).isDefanged }
        var saidLinks: Set<String> = []
        collector.restating { collector in
            for found in indicators {
                let isLink = found.type == .url && links.contains(found.value)
                let isSource = found.type == .url && defanged != nil && written.isAlone(found) && !Self.hasAddressHost(found.value)
                if isLink || isSource {
                    if saidLinks.insert(found.value).inserted {
                        let reason = isLink
                            ? "the text links to it as a reference to read (Markdown's [text](url), AsciiDoc's url[text]), not as an indicator"
                            : "the text defangs its indicators (\(defanged.map { written.word(at: $0).text } ?? "")) but writes this address live, on a line of its own: a reference to read, not an indicator"
                        collector.skip(found.value, reason + "; `dossier add` records it if it is one",
                            at: SourcePosition(line: found.line, column: found.column))
                    }
                    continue
                }
                collector.record(Indicator(value: found.value, type: found.type))
            }
        }
        hostBitsWarnings(indicators, in: &written, into: &collector)
        droppedSuffixes(indicators, in: &written, into: &collector)
        // Prose is otherwise not itemized, but a value passed over is worth a warning at its
        // place (not a skip: a text with a version and no indicator is no failed import), unless
        // the text writes it as a value too.
        let values = Set(indicators.lazy.map(\.value))
        var said: Set<String> = []
        for version in versions where !values.contains(version.value) && said.insert(version.value).inserted {
            let (what, kind) = version.type == .ipv4 ? ("a version or section number", "an address") : ("a commit's id", "a file's hash")
            collector.warning("\(version.value) is read as \(what), as the word before it says, and not imported; `dossier add` records it if it is \(kind)",
                at: SourcePosition(line: version.line, column: version.column))
        }
        // Windows paths and registry keys are free-form values, which prose does not give with
        // their ends (`C:\Program Files\x` goes on past the blank): passed over, and said.
        let names = Indicators.windowsNamesInProse(text)
        if !names.isEmpty {
            let shown = names.prefix(3).map(\.value).joined(separator: ", ") + (names.count > 3 ? ", ..." : "")
            collector.warning("the text writes \(names.count) Windows \(names.count == 1 ? "path or registry key" : "paths or registry keys") (\(shown)), which are not imported from prose, where one's end cannot be told for sure; `dossier add PROJECT VALUE --type filepath` (or `--type registry-key`) records each as written", at: nil)
        }
        // Most lines single values, but short of a list (a project's text export with its user
        // agents and mutexes, each a line of several words): the lines of several words that give
        // no value are said, not lost unsaid.
        if words * 2 >= entries.count {
            let bare = entries.filter { entry in
                entry.text.contains(where: \.isWhitespace) && Indicators.windowsNameType(entry.text) == nil && Indicators.extract(from: entry.text).isEmpty
            }
            if let first = bare.first {
                let shown = bare.prefix(3).map { "\(ImportCollector.quoted($0.text)) (line \($0.line))" }.joined(separator: ", ") + (bare.count > 3 ? ", ..." : "")
                collector.warning("the text is read as prose (\(words) of its \(entries.count) lines are single words, short of nine in ten), and \(bare.count) \(bare.count == 1 ? "line" : "lines") of several words give no value: \(shown); "
                    + "if one is a value (a user agent, a mutex), `dossier add PROJECT VALUE --type TYPE` records it as written", at: SourcePosition(line: first.line, column: 1))
            }
        }
    }

    /// Whether a URL's host is an address (`http://203.0.113.5/payload.bin`): no write-up's own.
    static func hasAddressHost(_ url: String) -> Bool {
        guard let host = Indicators.host(of: url, type: .url) else { return false }
        return [IndicatorType.ipv4, .ipv6].contains { (try? Indicators.parse(host, as: $0).get()) != nil }
    }

    /// The TLP labels written in `text` (`TLP.labels(in:)`).
    static func labels(in text: String) -> [TLP] {
        TLP.labels(in: text).map(\.tlp)
    }

    /// True for a line that is a TLP label and nothing else (`TLP:AMBER`, `[TLP RED]`): it marks a
    /// list and is no value of it.
    static func isLabelLine(_ line: String) -> Bool {
        let labels = TLP.labels(in: line)
        guard labels.count == 1, let range = labels.first?.range else { return false }
        return (line[..<range.lowerBound] + line[range.upperBound...]).allSatisfy { "[]():*_ ".contains($0) }
    }

    /// A port or zone written after a value found in prose (`203.0.113.9:4444`, `fe80::1%eth0`)
    /// is dropped, as a list's or a CSV's is: counted as not representable.
    private static func droppedSuffixes(_ found: [ExtractedIndicator], in written: inout WrittenWords, into collector: inout ImportCollector) {
        for value in found {
            guard let dropped = AddressSuffix.dropped(after: written.slice(at: value), type: value.type) else { continue }
            collector.unrepresentable(dropped)
        }
    }

    /// A block written with host bits set (`10.20.30.40/16`) is recorded as its network: said at
    /// its place, with the host, as for a value of a list (`ImportCollector.add`).
    private static func hostBitsWarnings(_ found: [ExtractedIndicator], in written: inout WrittenWords, into collector: inout ImportCollector) {
        for block in found where block.type == .cidr {
            let word = written.slice(at: block).prefix { !$0.isWhitespace && !",;)]>\"'".contains($0) }
            guard let (address, network) = Indicators.hostBits(of: String(word)) else { continue }
            collector.warning(Indicators.hostBitsWarning(address, block: network), at: SourcePosition(line: block.line, column: block.column))
        }
    }
}

/// The words a text writes its indicators as, found by the extractor's places: lines end at line
/// feeds and columns count Unicode scalars, as it counts them. Each line is read once, when asked
/// (a list of a million values on one line is not walked again for each).
struct WrittenWords {
    private let lines: [Substring]
    private var scalars: [Int: [Unicode.Scalar]] = [:]

    init(_ text: String) {
        lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    struct Word {
        /// As written, up to the next blank.
        var text: String
        var isDefanged: Bool {
            let lower = text.lowercased()
            return Self.defangMarks.contains { lower.contains($0) }
        }
        private static let defangMarks = ["[.]", "(.)", "{.}", "[dot]", "(dot)", "hxxp", "[:]", "[://]", "[at]", "(at)", "[@]"]
    }

    private mutating func line(_ number: Int) -> [Unicode.Scalar] {
        guard number >= 1, number <= lines.count else { return [] }
        if let read = scalars[number] { return read }
        let read = Array(lines[number - 1].unicodeScalars)
        scalars[number] = read
        return read
    }

    /// The word `found` is written as, to the next blank, as a slice of a text that holds the
    /// character before it too, which what follows a value may depend on (an IPv6 address's `[`,
    /// `AddressSuffix`).
    mutating func slice(at found: ExtractedIndicator) -> Substring {
        let scalars = line(found.line)
        let start = min(max(found.column - 1, 0), scalars.count)
        let end = scalars[start...].firstIndex { $0.properties.isWhitespace } ?? scalars.count
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[max(start - 1, 0)..<end])
        return start == 0 ? text[...] : text[text.unicodeScalars.index(after: text.startIndex)...]
    }

    /// The word `found` is written as.
    mutating func word(at found: ExtractedIndicator) -> Word {
        Word(text: String(slice(at: found)))
    }

    /// Whether `found` is the only word of its line.
    mutating func isAlone(_ found: ExtractedIndicator) -> Bool {
        let scalars = line(found.line)
        let start = min(max(found.column - 1, 0), scalars.count)
        let end = scalars[start...].firstIndex { $0.properties.isWhitespace } ?? scalars.count
        return scalars[..<start].allSatisfy(\.properties.isWhitespace) && scalars[end...].allSatisfy(\.properties.isWhitespace)
    }
}
