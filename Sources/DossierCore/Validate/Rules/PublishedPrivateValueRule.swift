import Foundation

/// A private indicator's value written where the public site shows it (PRODUCT.md §2: public
/// output holds no private indicator). The audience filter drops private indicators, not their
/// values written in a text it publishes: a public note, the title, summary or tags of a public
/// project, a public note's title or author, a public indicator's comment or tags, or the value of
/// a public URL, e-mail address or domain on a private host; the workspace's title and the
/// descriptions of its public tags, which every page shows.
///
/// A value is private when some project records it as a private indicator and no public project
/// records it as a public one (that one publishes it anyway); the host of a URL or e-mail address
/// written counts too, and a URL's carried hosts (`?u=https://...`). A host within a private
/// domain is a warning (a provider's domain many share is no secret). Values of the free-form types (a file path, a user agent), which no text
/// scan recognizes, are looked for as written in the texts of their own project. A private
/// project's folder name in a link (`../acme-phish/`) or as a word of two parts or more
/// (`acme-phish`) is a reference PRODUCT.md §2 forbids too.
public struct PublishedPrivateValueRule: WorkspaceRule {
    public static let code = "private-indicator-in-public-note"
    public init() {}

    /// Where a private value is recorded: its type, the value as recorded, and the project.
    struct Recording {
        var type: IndicatorType
        var value: String
        var project: Int
    }

    /// A text the public site shows, and how a message names it.
    struct PublishedText {
        var text: String
        /// "this note", "the project's summary".
        var name: String
        var location: SourceLocation
        /// For a note's body: where the body starts in its file, so each mention is pointed at.
        var bodyLine: Int?
        /// Scanned for indicators only if it may hold one (a comment of a few words does not).
        var isProse: Bool
        /// Set when the text is a public indicator's value (a URL, an e-mail address or a domain):
        /// it is taken whole, with no scan, with its host (and a URL's carried hosts).
        var valueType: IndicatorType? = nil
        /// A note's body, which front matter can make private.
        var isNote = false
        /// The text is the note's body as its file has it (no reference decoded, no escape taken
        /// off): an offset in it is one in the file, from `bodyLine`, for a word's line and column.
        var isVerbatim = false
        /// Prose as its page shows it where inline markup joins words (`InlineMarkup.joined`):
        /// read for what the text itself does not write.
        var joined: String? = nil
        /// A text that may hold no value (no digit, no `.:@-`), kept for its words only: a private
        /// project's title may be written in it (`titleFindings`).
        var isWordsOnly = false
    }

    /// What a public project's texts mention that another project may hold private: each value
    /// (and the host of each URL or address) written in a text the public site shows, and each
    /// project folder its prose links to or names, with where they stand. Finding them is most of the
    /// rule's work and depends on the project alone, so the project cache keeps them; which
    /// values and projects are private is looked up on every check.
    public struct Mentions: Sendable, Equatable {
        struct Text: Sendable, Equatable {
            /// "this note", "the project's summary".
            var name: String
            var location: SourceLocation
            var isNote: Bool
            /// A public indicator's value, when the text is it (`valueTexts`): what the remedies
            /// name. (Never in a survey the cache keeps.)
            var value: String? = nil
        }
        /// A value written in `texts[text]`, or the host of a URL or address (`within`).
        struct Value: Sendable, Equatable {
            var text: Int
            var value: String
            /// The value's type, for a value written as it is (not a host or a value a URL carries).
            var type: IndicatorType?
            var within: String?
            /// In a note's body, where the value stands; elsewhere the text's location serves.
            var position: SourcePosition?
            /// A name inside the name `within` (`acme-corp.example` in `acme-corp.example.net`,
            /// `PublishedPrivateValueRule.innerNames`), which shows it as a domain it lies within does.
            var isInner = false
        }
        /// What may be a project's folder name in `texts[text]` (lower-cased): in a path to its
        /// folder or page (`../acme-phish/`), or as a word of two parts or more (`acme-phish`).
        struct ProjectReference: Sendable, Equatable {
            var text: Int
            var slug: String
            var isLink: Bool
            var position: SourcePosition?
        }
        /// A word of `texts[text]` that a free-form value may be (`freeFormWords`), each once in
        /// each text.
        struct Word: Sendable, Equatable {
            var text: Int
            var word: String
            /// In a note's body, where the word stands; elsewhere the text's location serves.
            var position: SourcePosition?
        }
        var texts: [Text] = []
        var values: [Value] = []
        var projects: [ProjectReference] = []
        var words: [Word] = []
        /// What the project's own published values (`valueTexts`) are looked up by
        /// (`lookupNames(of:)`), each name as its hash (`nameHash`), each hash once and in order: on
        /// each check, a project none of whose names is a private value's (nearly every one) has
        /// no value parsed again.
        var valueNameHashes: [UInt64] = []
        /// Some public URL of the project carries a whole URL: its values are always looked at.
        var looksAtEveryValue = false
        /// What the project's public values show besides themselves and their hosts
        /// (`shownValues(of:)`), each once: looked up on each check among the values only
        /// private projects record, which a public value publishes as much as a text does.
        var shownValues: [ShownValue] = []
        struct ShownValue: Sendable, Hashable {
            var value: String
            var type: IndicatorType
        }
        /// Every run of three words of the texts, as its hash (`tripleHash`), each once, in order:
        /// what a private project's title is looked for by (`titleFindings`).
        var wordTriples: [UInt32] = []

        /// False when no value of the project may be private: none of its names' hashes is one
        /// of `privateHashes`, and nothing makes it look at every value.
        func mayPublishPrivateValue(_ privateHashes: Set<UInt64>) -> Bool {
            looksAtEveryValue || valueNameHashes.contains(where: privateHashes.contains)
        }
    }

    public func check(_ workspace: Workspace, index: IndicatorIndex) -> [Diagnostic] {
        let surveys = workspace.projects.map(Self.survey)
        return surveys.flatMap(\.findings) + parts(workspace, index: index, mentions: surveys.map(\.mentions)).flatMap { $0() }
    }

    /// The rule's work on one project alone, done beside the project rules (and kept in the
    /// project cache with their findings): a public project's findings that need no other project
    /// (a stray `visibility: private`, its own free-form private values written) and its mentions.
    public static func survey(_ project: Project) -> (findings: [Diagnostic], mentions: Mentions?) {
        guard project.visibility == .public else { return ([], nil) }
        let texts = publishedTexts(of: project)
        var mentions = Mentions(texts)
        var hashes: Set<UInt64> = []
        var shown: Set<Mentions.ShownValue> = []
        for indicator in project.indicators where isValueText(indicator) {
            let names = lookupNames(of: indicator)
            hashes.formUnion(names.map(nameHash))
            shown.formUnion(shownValues(of: indicator, names: names))
            if carriesURL(indicator) { mentions.looksAtEveryValue = true }
        }
        mentions.valueNameHashes = hashes.sorted()
        mentions.shownValues = shown.sorted { ($0.type, $0.value) < ($1.type, $1.value) }
        return (strayVisibility(in: project) + freeFormFindings(in: texts.filter { !$0.isWordsOnly } + valueTexts(of: project), of: project), mentions)
    }

    /// The findings across projects, from each project's survey (`mentions`, by position; nil for
    /// a private project): the workspace's own texts, then each public project's, side by side.
    public func parts(_ workspace: Workspace, index fullIndex: IndicatorIndex, mentions: [Mentions?]) -> [@Sendable () -> [Diagnostic]] {
        // While a project's indicators are not all read (one has an invalid value or none, which
        // the check reports), which values are private and which published cannot be told: a value it
        // records would be taken for another project's alone. Only private projects' folders are
        // looked for until the file is mended (no output is built meanwhile).
        let complete = workspace.projects.allSatisfy(\.hasAllIndicators)
        let index = complete ? fullIndex : nil
        let privateValues = index.map { Self.privateValues(workspace, index: $0) } ?? [:]
        let privateSlugs = Self.privateSlugs(workspace)
        let privateNotes = Self.privateNoteNames(workspace)
        guard !privateValues.isEmpty || !privateSlugs.isEmpty || !privateNotes.isEmpty else { return [] }
        let hosts = index == nil ? [:] : Self.privateProjectURLs(workspace)
        let publishedHosts = index == nil ? [] : Self.publishedURLHosts(workspace)
        let titles = Self.privateTitles(workspace)
        var parts: [@Sendable () -> [Diagnostic]] = [{
            let settingsFile = workspace.settingsFile
            var texts = [PublishedText(text: workspace.settings.title, name: "the workspace's title",
                location: SourceLocation(path: settingsFile, position: workspace.settings.titlePosition ?? .start), isProse: false)]
            for tag in workspace.vocabulary.definitions where !workspace.vocabulary.isPrivate(tag.name) {
                texts.append(PublishedText(text: tag.name + " " + (tag.description ?? ""), name: "the public tag \"\(tag.name)\"",
                    location: SourceLocation(path: settingsFile, position: tag.position), isProse: false))
            }
            return Self.findings(Mentions(texts), project: nil, privateValues: privateValues, privateSlugs: privateSlugs, workspace: workspace,
                index: index, privateProjectURLs: hosts, privateNotes: privateNotes)
                + Self.titleFindings(in: texts, titles: titles.values.flatMap { $0 }, workspace: workspace)
        }]
        let freeForm = index.map { Self.otherProjectsFreeForm(workspace, index: $0) } ?? FreeFormValues(byWord: [:], lengths: [])
        let privateHashes = Set(privateValues.keys.map(Self.nameHash))
        for (position, project) in workspace.projects.enumerated() where project.visibility == .public {
            guard position < mentions.count, let found = mentions[position] else { continue }
            parts.append {
                // What its values show that only private projects record.
                let onlyPrivate = index.map { index in
                    Set(found.shownValues.compactMap { Self.privateProjectRecording(of: $0.value, type: $0.type, index: index) == nil ? nil : $0.value })
                } ?? []
                return Self.findings(found, project: position, privateValues: privateValues, privateSlugs: privateSlugs, workspace: workspace,
                    index: index, privateProjectURLs: hosts, privateNotes: privateNotes, publishedHosts: publishedHosts)
                    + (found.mayPublishPrivateValue(privateHashes) || !onlyPrivate.isEmpty
                        ? Self.valueFindings(of: project, at: position, privateValues: privateValues, onlyPrivate: onlyPrivate, workspace: workspace,
                            index: index, publishedHosts: publishedHosts) : [])
                    + Self.freeFormFindings(found, at: position, values: freeForm, workspace: workspace)
                    + Self.titleFindings(project: project, mentions: found, titles: titles, workspace: workspace)
            }
        }
        return parts
    }

    /// The projects that keep `recording`'s value private (private projects, or marked private),
    /// for a message: `rt-csv`, `rt-csv and rt-json`, `rt-csv, rt-json, rt-misp and 2 more`;
    /// `recording`'s own first. Only asked for a finding: a few per workspace.
    static func keepers(of recording: Recording, workspace: Workspace, index: IndicatorIndex?) -> String {
        var projects = [recording.project]
        for occurrence in index?.occurrences(of: IndicatorKey(type: recording.type, value: recording.value)) ?? [] {
            let project = workspace.projects[occurrence.project]
            guard project.visibility == .private || project.indicators[occurrence.indicator].isPrivate,
                  !projects.contains(occurrence.project) else { continue }
            projects.append(occurrence.project)
        }
        let slugs = projects.map { workspace.projects[$0].slug }
        return slugs.count <= 3 ? slugs.listed("and") : slugs.prefix(3).joined(separator: ", ") + " and \(slugs.count - 3) more"
    }

    /// The private projects' folder names by their lower-cased form, as references are kept
    /// (`../ACME-Phish/` opens the folder on a file system that ignores case).
    static func privateSlugs(_ workspace: Workspace) -> [String: String] {
        Dictionary(workspace.projects.filter { $0.visibility == .private }.map { ($0.slug.lowercased(), $0.slug) },
            uniquingKeysWith: { first, _ in first })
    }

    /// The file names of public projects' private notes (lower-cased, `04-internal-sightings.md`),
    /// each with its path in the workspace (`acme/notes/04-internal-sightings.md`); not a name a
    /// published note also has (`01-overview.md`, which every project may have).
    static func privateNoteNames(_ workspace: Workspace) -> [String: String] {
        var names: [String: String] = [:]
        var published: Set<String> = []
        for project in workspace.projects where project.visibility == .public {
            for note in project.notes {
                if AudienceFilter.publishes(note, of: project) {
                    published.insert(note.fileName.lowercased())
                } else if !note.isWithheld, names[note.fileName.lowercased()] == nil {
                    names[note.fileName.lowercased()] = project.slug + "/" + ProjectFiles.notes + "/" + note.fileName
                }
            }
        }
        return names.filter { !published.contains($0.key) }
    }

    /// What the workspace's own templates (`templates/*.mustache`) write as they are, on every
    /// page they make: a private value, or a private project's name or link, in their literal
    /// text (not in their `{{tags}}`, which the data fills) is published with each page.
    /// - Parameter templates: each template's path and text.
    public static func findings(inTemplates templates: [(path: String, text: String)], workspace: Workspace, index: IndicatorIndex) -> [Diagnostic] {
        guard !templates.isEmpty else { return [] }
        let privateValues = Self.privateValues(workspace, index: index)
        let privateSlugs = Self.privateSlugs(workspace)
        let (projectURLs, privateNotes, titles) = (privateProjectURLs(workspace), privateNoteNames(workspace), privateTitles(workspace).values.flatMap { $0 })
        func findings(joiningTags: Bool) -> [Diagnostic] {
            let texts = templates.map { template in
                // With its delimiters changed (`{{=<% %>=}}`), what looks like a tag may be text:
                // all of it is read. What a browser shows of HTML has its character references decoded.
                let literal = template.text.contains("{{=") ? template.text : literalText(ofTemplate: template.text, joiningTags: joiningTags)
                return PublishedText(text: CharacterReferences.decoded(literal) ?? literal, name: "this template",
                    location: SourceLocation(path: template.path), bodyLine: 1, isProse: true)
            }
            return Self.findings(Mentions(texts), project: nil, privateValues: privateValues, privateSlugs: privateSlugs, workspace: workspace,
                index: index, privateProjectURLs: projectURLs, privateNotes: privateNotes)
                + titleFindings(in: texts, titles: titles, workspace: workspace)
        }
        // A tag renders something or nothing: read as either, and what only the joined text
        // writes (`acme-corp{{#x}}{{/x}}.example`) added, where its line is.
        let blanked = findings(joiningTags: false)
        let said = Set(blanked.map { "\($0.location?.path ?? "") \($0.message)" })
        return blanked + findings(joiningTags: true).filter { !said.contains("\($0.location?.path ?? "") \($0.message)") }
    }

    /// A template's text with each `{{tag}}` blanked (lines and columns kept), or taken out
    /// (`joiningTags`: lines kept), as a tag rendering nothing would; a comment (`{{! x }}`) is
    /// always taken out, as Mustache renders it: `vpn.acme{{! x }}.example` writes
    /// `vpn.acme.example` on every page.
    static func literalText(ofTemplate text: String, joiningTags: Bool = false) -> String {
        var out = ""
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { return out + String(repeating: " ", count: rest[open.lowerBound...].count) }
            let tag = rest[open.lowerBound..<close.upperBound]
            let takenOut = joiningTags || rest[open.upperBound...].first == "!"
            out += String(tag.compactMap { $0.isNewline ? $0 : takenOut ? nil : " " })
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// A free-form value (a file path, a mutex, a file name) another project keeps: recorded
    /// private (`flagged`), or a threat only private projects record.
    struct FreeFormRecording {
        var recording: Recording
        var flagged: Bool
    }

    /// The free-form values of six characters or more that some project records private, or that
    /// only private projects record as threats, and no public project publishes; each under the
    /// word it is looked for as (a Windows name folded, `Indicators.windowsNameKey`).
    static func otherProjectsFreeForm(_ workspace: Workspace, index: IndicatorIndex) -> FreeFormValues {
        let vocabulary = workspace.vocabulary
        let found = workspace.projects.indices.map { $0 }.concurrentMap { p -> [(String, FreeFormRecording)] in
            let project = workspace.projects[p]
            let isPrivate = project.visibility == .private
            // Cheapest first, in place: most indicators are of the strict types, and a copy of
            // one retains and releases each of its strings.
            return project.indicators.withUnsafeBufferPointer { indicators in
                indicators.indices.compactMap { i -> (String, FreeFormRecording)? in
                    guard !indicators[i].type.isStrict, indicators[i].isPrivate || isPrivate else { return nil }
                    let indicator = indicators[i]
                    guard indicator.value.utf8.count >= 6, !indicator.value.utf8.contains(where: { $0 <= 0x20 }) else { return nil }
                    let flagged = indicator.isPrivate
                    guard flagged || indicator.effectiveClassification(in: vocabulary) != .nonMalicious else { return nil }
                    guard !Self.isPublished(index.occurrences(of: indicator.key), index: index) else { return nil }
                    let word = Indicators.windowsNameKey(indicator.value, type: indicator.type) ?? indicator.value
                    return (word, FreeFormRecording(recording: Recording(type: indicator.type, value: indicator.value, project: p), flagged: flagged))
                }
            }
        }
        // A value recorded private anywhere is so, whatever else records it.
        let byWord = Dictionary(found.joined(), uniquingKeysWith: { first, second in second.flagged && !first.flagged ? second : first })
        return FreeFormValues(byWord: byWord, lengths: Set(byWord.keys.map(\.utf8.count)))
    }

    /// `otherProjectsFreeForm`'s values by word, and the lengths of the words (in bytes): a word
    /// of no such length is looked up no further.
    struct FreeFormValues {
        var byWord: [String: FreeFormRecording]
        var lengths: Set<Int>
    }

    /// Another project's private free-form values (`otherProjectsFreeForm`) written as words of
    /// the public project's texts: an error when recorded private, a warning when only private
    /// projects record it (a common file name, `update.exe`, may be innocent). The project's
    /// own values are its survey's (`freeFormFindings(in:of:)`), which looks inside words too.
    static func freeFormFindings(_ mentions: Mentions, at position: Int, values: FreeFormValues, workspace: Workspace) -> [Diagnostic] {
        guard !values.byWord.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        var reported: Set<String> = []
        // A Windows name is looked up folded, whatever its length as written.
        for word in mentions.words where values.lengths.contains(word.word.utf8.count) || word.word.containsByte(UInt8(ascii: "\\")) {
            let key = word.word.containsByte(UInt8(ascii: "\\")) || word.word.containsByte(UInt8(ascii: "/"))
                ? Indicators.windowsNameKey(word.word, type: .filepath) ?? Indicators.windowsNameKey(word.word, type: .registryKey) : nil
            guard let found = values.byWord[word.word] ?? key.flatMap({ values.byWord[$0] }), found.recording.project != position,
                  reported.insert("\(word.text) " + found.recording.value).inserted else { continue }
            let text = mentions.texts[word.text]
            let location = word.position.map { SourceLocation(path: text.location.path, position: $0) } ?? text.location
            let slug = workspace.projects[found.recording.project].slug
            let recording = found.recording
            if found.flagged {
                diagnostics.append(.error(at: location,
                    "\(recording.type.rawValue) \"\(recording.value)\" is recorded as private in \(slug), but \(text.name) is public and the public site would show it; take it out, or make the indicator public in \(slug)",
                    code: Self.code))
            } else {
                diagnostics.append(.warning(at: location,
                    "\(recording.type.rawValue) \"\(recording.value)\" is recorded only in private projects (\(slug)), but \(text.name) is public and the public site would show it; unless it is a common name, take it out, or record it in this public project to publish it",
                    code: Self.code))
            }
        }
        return diagnostics
    }

    /// The words of `text` a free-form value may be: between blanks, quotes, brackets, commas and
    /// the like, without a sentence's final punctuation, six characters or more, with a digit or
    /// one of `\ / . _ :` (a name, a path; a word of prose has none); a word with escapes also
    /// decoded (`C%3A%5CUsers...`).
    /// Each word with the offset of its first byte in `text`.
    static func freeFormWords(of text: String) -> [(word: String, start: Int)] {
        var words: [(word: String, start: Int)] = []
        let bytes = Array(text.utf8)
        var start = 0
        func flush(_ end: Int) {
            var last = end
            while last > start, Self.sentenceEnds.contains(bytes[last - 1]) { last -= 1 }
            guard last - start >= 6, bytes[start..<last].contains(where: { IndicatorBytes.isDigit($0) || Self.nameMarks.contains($0) }) else { return }
            let word = String(decoding: bytes[start..<last], as: UTF8.self)
            words.append((word, start))
            // A `file:` URL writes its path (`file:///C:/Users/x/a.dat`: `C:\Users\x\a.dat`).
            if let path = Indicators.path(ofFileURL: word) { words.append((path, start)) }
            // A value after a scheme of letters (`bitcoin:1Boat...`, `tel:`, `xmpp:`) is shown too.
            if let colon = bytes[start..<last].firstIndex(of: IndicatorBytes.colon), (2...10).contains(colon - start), last - colon > 6,
               bytes[start..<colon].allSatisfy({ IndicatorBytes.isLetter($0) }), bytes[colon + 1] != UInt8(ascii: "/") {
                words.append((String(decoding: bytes[colon + 1..<last], as: UTF8.self), colon + 1))
            }
            if bytes[start..<last].contains(UInt8(ascii: "%")) {
                words.append((String(decoding: PercentEncoding.decodedFully(Array(bytes[start..<last])), as: UTF8.self), start))
            }
            // The file a path ends with (`C:\Users\Public\drop7.exe`, `%TEMP%\drop7.exe`), a value
            // of its own; not a URL's (what a URL carries is looked at as such).
            if let separator = bytes[start..<last].lastIndex(where: { $0 == UInt8(ascii: "\\") || $0 == IndicatorBytes.slash }), separator > start,
               last - separator - 1 >= 6,
               !(start..<last - 2).contains(where: { bytes[$0] == IndicatorBytes.colon && bytes[$0 + 1] == IndicatorBytes.slash && bytes[$0 + 2] == IndicatorBytes.slash }),
               bytes[separator + 1..<last].contains(where: { IndicatorBytes.isDigit($0) || $0 == IndicatorBytes.dot || $0 == UInt8(ascii: "_") }) {
                words.append((String(decoding: bytes[separator + 1..<last], as: UTF8.self), separator + 1))
            }
        }
        for (i, byte) in bytes.enumerated() where byte <= 0x20 || Self.wordBreaks.contains(byte) {
            flush(i)
            start = i + 1
        }
        flush(bytes.count)
        return words
    }

    /// The free-form words that refanging changes (`evil[.]example/gate.php`,
    /// `evil(.)example[/]gate.php`), refanged, each with the UTF-8 offset in `text` where it
    /// starts: the brackets of a defanged form break it apart for `freeFormWords`, and a reader
    /// reads it whole all the same.
    static func refangedFreeFormWords(of text: String) -> [(word: String, start: Int)] {
        IndicatorBytes.withBytes(text) { bytes in
            guard Refanger.mayBeDefanged(bytes) else { return [] }
            let refanger = Refanger(bytes, mode: .text)
            let output = refanger.output
            func breaks(_ byte: UInt8) -> Bool { byte <= 0x20 || Self.wordBreaks.contains(byte) }
            var words: [(word: String, start: Int)] = []
            // Where the last word read ended: a word with several forms is read once.
            var covered = 0
            for replacement in refanger.replacements where replacement.output >= covered {
                var start = replacement.output
                while start > 0, !breaks(output[start - 1]) { start -= 1 }
                var end = replacement.output + replacement.outputLength
                while end < output.count, !breaks(output[end]) { end += 1 }
                covered = end
                for (word, offset) in freeFormWords(of: String(decoding: output[start..<end], as: UTF8.self)) {
                    words.append((word, refanger.inputOffset(of: start + offset)))
                }
            }
            return words
        }
    }

    private static let sentenceEnds = ByteSet(".:!?".utf8)
    private static let wordBreaks = ByteSet("\"'`()[]{}<>,;|*".utf8)
    private static let nameMarks = ByteSet("\\/._:".utf8)

    /// The values recorded as private indicators that no public project records as a public one,
    /// by value alone (a 40-hex hash may be recorded as sha1 or x509-sha1).
    static func privateValues(_ workspace: Workspace, index: IndicatorIndex) -> [String: Recording] {
        // Each project's on its own core; the first project that records a value names it.
        let found = workspace.projects.indices.map { $0 }.concurrentMap { p in
            // Read in place: a copy of each indicator retains and releases all of its strings.
            workspace.projects[p].indicators.withUnsafeBufferPointer { indicators in
                indicators.indices.compactMap { i -> (String, Recording)? in
                    guard indicators[i].isPrivate, indicators[i].type.isStrict else { return nil }
                    let (type, value) = (indicators[i].type, indicators[i].value)
                    guard !Self.isPublished(index.occurrences(of: IndicatorKey(type: type, value: value)), index: index) else { return nil }
                    return (value, Recording(type: type, value: value, project: p))
                }
            }
        }
        // Made at its size: filled one by one, it was rehashed as it grew, on one core.
        var values = [String: Recording](minimumCapacity: found.reduce(0) { $0 + $1.count })
        values.merge(found.joined()) { first, _ in first }
        // A URL also under its spelling (`http://x/%C3%BC` for `http://x/ü`), as texts may write
        // it, and under where it leads (`resourceKeys`), written with another scheme or none;
        // but not where a public URL of a public project leads: that place is published.
        let privateURLs = values.filter { $0.value.type == .url }.map { (value: $0.key, recording: $0.value) }
        let names = privateURLs.map { Set([$0.value, IndicatorKey.identity(of: $0.value, type: .url)].compactMap(Indicators.resourceName(ofURL:))) }
        let published = privateURLs.isEmpty ? [] : Self.publishedResources(workspace, hosts: Set(names.joined().compactMap(Self.hostHash(ofResource:))))
        for ((value, recording), names) in zip(privateURLs, names) {
            let spelling = IndicatorKey.identity(of: value, type: .url)
            if values[spelling] == nil { values[spelling] = recording }
            for name in names where !published.contains(name) {
                let key = resourceKey(name)
                if values[key] == nil { values[key] = recording }
                // Marks that some private URL is looked up by where it leads (`findings` asks).
                values[Self.resourceMarker] = recording
            }
        }
        // An IPv4-mapped IPv6 address (`::ffff:203.0.113.250`, as dual-stack logs write one) also
        // as its IPv4 address.
        for (value, recording) in values where recording.type == .ipv6 {
            if let mapped = Indicators.mappedIPv4(value), values[mapped] == nil { values[mapped] = recording }
        }
        // Each prefix length of a private network: an address is looked up by its network at
        // those lengths only (`privateNetwork(containing:type:in:)`).
        for (value, recording) in values where recording.type == .cidr {
            guard let slash = value.lastIndex(of: "/"), let prefix = Int(value[value.index(after: slash)...]) else { continue }
            let key = value.contains(":") ? networkKeys.v6[min(prefix, 128)] : networkKeys.v4[min(prefix, 32)]
            if values[key] == nil { values[key] = recording }
        }
        return values
    }

    /// The `privateValues` keys that mark a prefix length of a private network, for IPv4 and IPv6.
    static let networkKeys = (v4: (0...32).map { "\u{3}4/\($0)" }, v6: (0...128).map { "\u{3}6/\($0)" })

    /// The private network (`privateValues`, recorded as a CIDR block) that `value`, an IPv4 or
    /// IPv6 address, lies in: the narrowest.
    static func privateNetwork(containing value: String, type: IndicatorType, in privateValues: [String: Recording]) -> (block: String, recording: Recording)? {
        func found(_ block: String) -> (String, Recording)? {
            privateValues[block].flatMap { $0.type == .cidr ? (block, $0) : nil }
        }
        if type == .ipv4, case .success(let address) = IPv4Address.parse(value) {
            for prefix in (0...32).reversed() where privateValues[networkKeys.v4[prefix]] != nil {
                let mask: UInt32 = prefix == 0 ? 0 : ~0 << (32 - prefix)
                if let hit = found(IPv4Address(value: address.value & mask).description + "/\(prefix)") { return hit }
            }
        } else if type == .ipv6, case .success(let address) = IPv6Address.parse(value) {
            for prefix in (0...128).reversed() where privateValues[networkKeys.v6[prefix]] != nil {
                if let hit = found(address.masked(prefix: prefix).description + "/\(prefix)") { return hit }
            }
        }
        return nil
    }

    /// Where `value` (of `type`) is recorded, when only private projects record it and at least
    /// one as a threat (classified other than non-malicious): the first of them. Nil when a public
    /// project records it as a public indicator (it is published), and for a CVE or an AS number,
    /// which are public names.
    static func privateProjectRecording(of value: String, type: IndicatorType, index: IndicatorIndex) -> Recording? {
        guard type.isStrict, type != .cve, type != .asn else { return nil }
        let occurrences = index.occurrences(of: IndicatorKey(type: type, value: value))
        guard !Self.isPublished(occurrences, index: index) else { return nil }
        let vocabulary = index.workspace.vocabulary
        guard let threat = occurrences.first(where: {
            index.project($0).visibility == .private && index.indicator($0).effectiveClassification(in: vocabulary) != .nonMalicious
        }) else { return nil }
        // An IPv4 address a public project publishes as its IPv4-mapped IPv6 one is published.
        if type == .ipv4, case .success(let mapped) = Indicators.parse("::ffff:" + value, as: .ipv6),
           Self.isPublished(index.occurrences(of: IndicatorKey(type: .ipv6, value: mapped.value)), index: index) { return nil }
        let indicator = index.indicator(threat)
        return Recording(type: indicator.type, value: indicator.value, project: threat.project)
    }

    /// True when one of `occurrences` is a public indicator of a public project: the value is
    /// published, however else it is recorded.
    static func isPublished(_ occurrences: [IndicatorIndex.Occurrence], index: IndicatorIndex) -> Bool {
        occurrences.contains { index.project($0).visibility == .public && !index.indicator($0).isPrivate }
    }

    /// What the public site shows of a public project, besides its indicators' values.
    static func publishedTexts(of project: Project) -> [PublishedText] {
        var texts: [PublishedText] = []
        // Name and place made only for a text that is kept: a project has thousands of comments.
        func add(_ text: String?, _ name: @autoclosure () -> String, _ location: @autoclosure () -> SourceLocation,
            bodyLine: Int? = nil, isProse: Bool = false, isNote: Bool = false, isVerbatim: Bool = false, joined: String? = nil) {
            guard let text, !text.isEmpty else { return }
            let scanned = isProse || mayHoldMention(text)
            // Three words and twenty characters, told cheaply: a comment of two words is no title
            // (words are parted by anything but ASCII letters and digits: a no-break space, `_`).
            guard scanned || text.utf8.count >= 20 && text.utf8.count(where: { !IndicatorBytes.isAlphanumeric($0) }) >= 2 else { return }
            texts.append(PublishedText(text: text, name: name(), location: location(), bodyLine: bodyLine, isProse: isProse, isNote: isNote,
                isVerbatim: isVerbatim, joined: joined, isWordsOnly: !scanned))
        }
        /// Prose as shown, and as its inline markup joins it (read before its escapes are taken
        /// off: an escaped `\\*` is no markup).
        func prose(_ markdown: String) -> (shown: String, joined: String?) {
            let visible = Self.visibleMarkdown(markdown)
            return (Self.decodedEscapes(visible), InlineMarkup.joined(visible).map(Self.decodedEscapes))
        }
        let projectFile = SourceLocation(path: project.projectFile)
        // The folder name names the project's pages, its links and its entry in index.json.
        add(Self.nameText([project.slug]), "the project's folder name", projectFile)
        add(project.title, "the project's title", SourceLocation(path: project.projectFile, position: project.origin?.title ?? .start))
        let summary = project.summary.map(prose)
        add(summary?.shown, "the project's summary",
            SourceLocation(path: project.projectFile, position: project.origin?.summary ?? .start), isProse: true, joined: summary?.joined)
        add(Self.nameText(project.tags), "a tag of the project", SourceLocation(path: project.projectFile, position: project.origin?.tags ?? .start))
        add(project.owner, "the project's owner", SourceLocation(path: project.projectFile, position: project.origin?.owner ?? .start))
        for note in project.notes where AudienceFilter.publishes(note, of: project) {
            let start = SourceLocation(path: note.path)
            let (shown, joined) = prose(note.body)
            add(shown, "this note", start, bodyLine: note.bodyLine, isProse: true, isNote: true, isVerbatim: shown == note.body, joined: joined)
            add(note.title, "this note's title", SourceLocation(path: note.path, position: note.titlePosition ?? .start))
            add(note.author, "this note's author", SourceLocation(path: note.path, position: note.authorPosition ?? .start))
            // Shown as the note's title when it has none, and kept in exports.
            // (A name with no value in it is still read for a private title: `payroll_phishing_kit.md`.)
            let stem = String(note.fileName.dropLast(ProjectFiles.isNoteName(note.fileName) ? 3 : 0))
            add(Self.nameText([stem]) ?? stem, "this note's file name", start)
        }
        let indicatorsFile = project.indicatorsFile
        // Comments and tags repeat across a project's indicators: each is scanned once, and a
        // finding names the first indicator that has it.
        var seenComments: Set<String> = []
        var seenTags: Set<String> = []
        for indicator in project.indicators where !indicator.isPrivate {
            // Each finding where what it reads is written: the value, the tags; a comment (whose
            // place is not kept) at its indicator.
            func location(_ position: SourcePosition?) -> SourceLocation {
                SourceLocation(path: indicatorsFile, position: position ?? indicator.origin?.object ?? .start)
            }
            if let comment = indicator.comment, seenComments.insert(comment).inserted {
                add(comment, "the comment of \(indicator.value)", location(nil))
            }
            let newTags = indicator.tags.filter { seenTags.insert($0).inserted }
            if !newTags.isEmpty { add(Self.nameText(newTags), "a tag of \(indicator.value)", location(indicator.origin?.tags)) }
            // A free-form value is text too (`beacon to 192.0.2.130`, a path that holds another).
            if !indicator.type.isStrict { add(indicator.value, "the \(indicator.type.rawValue) \(indicator.value)", location(indicator.origin?.value)) }
        }
        return texts
    }

    /// Markdown as the site shows its text, but for its escapes (`decodedEscapes`): without its
    /// HTML comments (the text around one joined, as a page shows it: `HTMLComments.spliced`),
    /// its character references decoded (`198&#46;51&#46;100&#46;7` shows `198.51.100.7`).
    static func visibleMarkdown(_ markdown: String) -> String {
        let text = HTMLComments.spliced(in: markdown)
        return CharacterReferences.decoded(text) ?? text
    }

    /// `text` with its backslash escapes taken off and the escapes of what a URL holds as
    /// written decoded.
    static func decodedEscapes(_ text: String) -> String {
        var text = text
        // A backslash escape shows the character alone (`..\/acme-phish\/` links to
        // `../acme-phish/`), a browser reads an escaped letter, digit or `-._~` as the character
        // (`../%61cme-phish/`, `vpn.acme%2Eexample`) and climbs a folder for `..%2F`.
        if text.containsByte(UInt8(ascii: "\\")) { text = MarkdownLinks.withoutEscapes(text) }
        if text.containsByte(UInt8(ascii: "%")) {
            let decoded = PercentEncoding.decoded(Array(text.utf8)) { byte, _ in PercentEncoding.isUnreserved(byte) }
            text = String(decoding: decoded, as: UTF8.self)
            for escaped in ["..%2F", "..%2f"] where text.contains(escaped) {
                text = text.replacingOccurrences(of: escaped, with: "../")
            }
        }
        return text
    }

    /// The values of a public project's public URLs, e-mail addresses, domains, IPv6 addresses
    /// and CIDR blocks (those `keeping` keeps): one on a private host, or within a private domain,
    /// an IPv4-mapped address of a private one (`::ffff:192.0.2.1`), a block of one private
    /// address, an e-mail address whose local part is a private domain, publishes it.
    static func valueTexts(of project: Project, keeping: (Indicator) -> Bool = { _ in true }) -> [PublishedText] {
        project.indicators.compactMap { indicator in
            guard isValueText(indicator), keeping(indicator) else { return nil }
            return PublishedText(text: indicator.value, name: "the \(indicator.type.rawValue) \(indicator.value)",
                location: SourceLocation(path: project.indicatorsFile, position: indicator.origin?.value ?? .start),
                isProse: false, valueType: indicator.type)
        }
    }

    /// The findings of a public project's own values (see `valueTexts`), looked up on every check
    /// with no scan: the host is taken from the value, and a text made only for a value found.
    /// - Parameter onlyPrivate: what the project's values show (`Mentions.shownValues`) that
    ///   only private projects record.
    static func valueFindings(of project: Project, at position: Int, privateValues: [String: Recording], onlyPrivate: Set<String> = [],
        workspace: Workspace, index: IndicatorIndex? = nil, publishedHosts: Set<UInt64> = []) -> [Diagnostic] {
        let texts = valueTexts(of: project) { indicator in
            carriesURL(indicator) || lookupNames(of: indicator).contains { privateValues[$0] != nil || onlyPrivate.contains($0) }
        }
        return texts.isEmpty ? [] : findings(Mentions(texts), project: position, privateValues: privateValues, privateSlugs: [:], workspace: workspace,
            index: index, publishedHosts: publishedHosts)
    }

    /// What a public value shows besides itself and its host (of its `lookupNames`): the address
    /// a block is written with, what a URL carries, an IPv4-mapped address's IPv4 one, the names
    /// inside a name. Each with its type, for the values only private projects record.
    static func shownValues(of indicator: Indicator, names: [String]) -> [Mentions.ShownValue] {
        let host = Indicators.host(of: indicator.value, type: indicator.type) ?? indicator.value
        let browsed = indicator.type == .url ? Indicators.browsedHost(host) : nil
        return names.compactMap { name in
            // Not the value, its host, or a domain that lies within (`withParents`).
            guard name != indicator.value, name != host, name != browsed,
                  !(host.utf8.count > name.utf8.count && host.hasSuffix(name) && host.utf8.dropLast(name.utf8.count).last == IndicatorBytes.dot),
                  let type = Indicators.detect(name), type.isStrict else { return nil }
            return Mentions.ShownValue(value: name, type: type)
        }
    }

    /// The hash a name is looked for by among the private values' (`Mentions.valueNameHashes`):
    /// of its bytes, or of its composed form (NFC) when it has a byte outside ASCII, since names
    /// compare as Swift compares strings, canonically (`é` written as `e` and an accent is `é`).
    static func nameHash(_ name: String) -> UInt64 {
        name.utf8.contains { $0 >= 0x80 } ? FNV1a.hash(name.precomposedStringWithCanonicalMapping) : FNV1a.hash(name)
    }

    /// A public value `valueTexts` takes: a URL, an e-mail address, a domain, an IPv6 address or a
    /// CIDR block (of one address, `Indicators.valuesShown`).
    static func isValueText(_ indicator: Indicator) -> Bool {
        !indicator.isPrivate && [.url, .email, .domain, .ipv6, .cidr].contains(indicator.type)
    }

    /// What `valueFindings` looks a public value up by among the private values: the value, its
    /// host (or the value) with each domain the host lies within, and a URL's carried hosts and
    /// words (`carriedWords`) with theirs; each IPv4-mapped IPv6 address also as its IPv4 one.
    static func lookupNames(of indicator: Indicator) -> [String] {
        var hosts = [Indicators.host(of: indicator.value, type: indicator.type) ?? indicator.value]
        var values = [indicator.value]
        if indicator.type == .url {
            // The host a browser goes to, written otherwise (`http://0xC0000282/`).
            hosts += hosts.compactMap(Indicators.browsedHost)
            hosts += Indicators.embeddedHosts(of: indicator.value) + carriedWords(of: indicator.value)
            values += Indicators.withoutFragment(indicator.value).map { [$0] } ?? []
        }
        hosts += Indicators.valuesShown(by: indicator.value, type: indicator.type).map(\.value)
        let names = values + hosts.flatMap(withParents) + hosts.flatMap(innerNames)
        return names + names.compactMap(Indicators.mappedIPv4) + (indicator.type == .url ? resourceKeys(of: indicator.value) : [])
    }

    /// What a private URL is also looked up by among the private values: where it leads
    /// (`Indicators.resourceName(ofURL:)`), marked apart from every value.
    static func resourceKey(_ name: String) -> String { "\u{1}" + name }

    /// The key of the private values present when some resource key is (`resourceKey` of
    /// nothing, which no URL leads to): without it, no text's URL is taken apart.
    static let resourceMarker = resourceKey("")

    /// Where the public URLs of public projects on one of `hosts` lead
    /// (`Indicators.resourceName(ofURL:)`): each URL's host is told by its hash, without a copy,
    /// on every check, and only those on a private URL's host are taken apart.
    static func publishedResources(_ workspace: Workspace, hosts: Set<UInt64>) -> Set<String> {
        guard !hosts.isEmpty else { return [] }
        let found = workspace.projects.indices.map { $0 }.concurrentMap { p -> [String] in
            let project = workspace.projects[p]
            guard project.visibility == .public else { return [] }
            // Read in place: a copy of each indicator retains and releases all of its strings.
            return project.indicators.withUnsafeBufferPointer { indicators in
                indicators.indices.compactMap { i in
                    guard indicators[i].type == .url, !indicators[i].isPrivate, let host = hostHash(ofURL: indicators[i].value),
                          hosts.contains(host) else { return nil }
                    return Indicators.resourceName(ofURL: indicators[i].value)
                }
            }
        }
        return Set(found.joined())
    }

    /// The hosts of the public URLs of public projects, by their hash (`hostHash(ofURL:)`): each
    /// is published with its URL, wherever else it is written.
    static func publishedURLHosts(_ workspace: Workspace) -> Set<UInt64> {
        let found = workspace.projects.indices.map { $0 }.concurrentMap { p -> [UInt64] in
            guard workspace.projects[p].visibility == .public else { return [] }
            // Read in place: a copy of each indicator retains and releases all of its strings.
            return workspace.projects[p].indicators.withUnsafeBufferPointer { indicators in
                indicators.indices.compactMap { i in
                    indicators[i].type == .url && !indicators[i].isPrivate ? hostHash(ofURL: indicators[i].value) : nil
                }
            }
        }
        return Set(found.joined())
    }

    /// The URLs private projects record, by the hash of their host (`hostHash(ofURL:)`): a URL
    /// written in a public text is looked up by where it leads among those on its host
    /// (`privateProjectRecording(leadingTo:among:index:)`), and not at all on another host.
    static func privateProjectURLs(_ workspace: Workspace) -> [UInt64: [IndicatorIndex.Occurrence]] {
        let found = workspace.projects.indices.map { $0 }.concurrentMap { p -> [(UInt64, IndicatorIndex.Occurrence)] in
            guard workspace.projects[p].visibility == .private else { return [] }
            // Read in place: a copy of each indicator retains and releases all of its strings.
            return workspace.projects[p].indicators.withUnsafeBufferPointer { indicators in
                var hashes: [(UInt64, IndicatorIndex.Occurrence)] = []
                for i in indicators.indices where indicators[i].type == .url {
                    if let hash = hostHash(ofURL: indicators[i].value) { hashes.append((hash, IndicatorIndex.Occurrence(project: p, indicator: i))) }
                }
                return hashes
            }
        }
        var byHost = [UInt64: [IndicatorIndex.Occurrence]](minimumCapacity: found.reduce(0) { $0 + $1.count })
        for (hash, occurrence) in found.joined() { byHost[hash, default: []].append(occurrence) }
        return byHost
    }

    /// The hash of the host of a URL in normal form (lower-cased), as it stands between `://`
    /// (or its user-info's `@`) and its port, path, query or fragment.
    static func hostHash(ofURL value: String) -> UInt64? {
        // Over the bytes in place: asked of every URL private projects record, on each check.
        IndicatorBytes.withBytes(value) { bytes -> UInt64? in
            var start = 0
            while start + 2 < bytes.count, !(bytes[start] == IndicatorBytes.colon && bytes[start + 1] == IndicatorBytes.slash && bytes[start + 2] == IndicatorBytes.slash) {
                start += 1
            }
            guard start + 2 < bytes.count else { return nil }
            start += 3
            var end = start
            while end < bytes.count, bytes[end] != IndicatorBytes.slash, bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") {
                if bytes[end] == IndicatorBytes.at { start = end + 1 }
                end += 1
            }
            let bracketed = start < end && bytes[start] == UInt8(ascii: "[")
            var hostEnd = start
            while hostEnd < end, bytes[hostEnd] != IndicatorBytes.colon || bracketed { hostEnd += 1 }
            // A root's dot (`evil.example.`) names the same host, as `resourceName` reads it.
            if hostEnd - start > 1, bytes[hostEnd - 1] == IndicatorBytes.dot { hostEnd -= 1 }
            var hasher = FNV1a()
            for byte in UnsafeBufferPointer(rebasing: bytes[start..<hostEnd]) { hasher.add(byte) }
            return hasher.value
        }
    }

    /// The same for where a URL leads (`Indicators.resourceName(ofURL:)`): its host, before its
    /// port, path or query.
    static func hostHash(ofResource name: String) -> UInt64? {
        let host = name.utf8.prefix { $0 != IndicatorBytes.slash && $0 != UInt8(ascii: "?") && ($0 != IndicatorBytes.colon || name.utf8.first == UInt8(ascii: "[")) }
        return hash(host)
    }

    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        for byte in bytes { hasher.add(byte) }
        return hasher.value
    }

    /// Whether `text` starts with a scheme and `://` (`https://`, `hxxp://`).
    static func hasScheme(_ text: String) -> Bool {
        guard let colon = text.utf8.firstIndex(of: IndicatorBytes.colon) else { return false }
        return text.utf8[colon...].starts(with: "://".utf8) && text.utf8[..<colon].allSatisfy(IndicatorBytes.isLetter) && colon != text.utf8.startIndex
    }

    /// The places a URL (or a word that may be one, `paste.example/raw/1`) written leads to or
    /// reveals (`Indicators.resourcePrefixes(of:)`), as `resourceKey`s: a private URL is
    /// published by a text that writes it with another scheme, a user-info, a port, a final
    /// slash, backslashes, or more path and query after it.
    static func resourceKeys(of url: String) -> [String] {
        resourceNames(of: url).map(resourceKey)
    }

    /// The places a URL written leads to or reveals, longest first (`Indicators.resourcePrefixes(of:)`).
    static func resourceNames(of url: String) -> [String] {
        Indicators.resourceName(ofURL: url).map(Indicators.resourcePrefixes(of:)) ?? []
    }

    /// Where a URL written another way (without a scheme, with another, with more path after
    /// it) is recorded, when only private projects record a URL that leads to one of `names`
    /// (`resourceNames(of:)`, longest first), as a threat. `candidates` are the URLs private
    /// projects record on its host (`privateProjectURLs`), each read for where it leads as the
    /// text is (a fragment, a user-info, a default port, a root's dot are no other place). The
    /// longest place recorded decides: nil when a URL leading there is recorded publicly by a
    /// public project (as a browser goes there, by http or https, with or without a final slash,
    /// or one of the candidates itself): it is published, and what it reveals on its way.
    static func privateProjectRecording(leadingTo names: [String], among candidates: [IndicatorIndex.Occurrence], index: IndicatorIndex) -> Recording? {
        let leading = candidates.map { occurrence in
            let value = index.indicator(occurrence).value
            return (occurrence, Set([value, IndicatorKey.identity(of: value, type: .url)].compactMap(Indicators.resourceName(ofURL:))))
        }
        let vocabulary = index.workspace.vocabulary
        for name in names {
            let there = leading.filter { $0.1.contains(name) }.map(\.0)
            guard !there.isEmpty else { continue }
            let spellings = ["http://", "https://"].flatMap { [$0 + name, $0 + name + "/"] }
            if spellings.contains(where: { isPublished(index.occurrences(of: IndicatorKey(type: .url, value: $0)), index: index) })
                || there.contains(where: { isPublished(index.occurrences(of: index.indicator($0).key), index: index) }) {
                return nil
            }
            guard let threat = there.first(where: { index.indicator($0).effectiveClassification(in: vocabulary) != .nonMalicious }) else { return nil }
            let indicator = index.indicator(threat)
            return Recording(type: indicator.type, value: indicator.value, project: threat.project)
        }
        return nil
    }

    /// A URL that carries a whole URL (`?url=https://paste.example/raw/1`), which `Mentions` reads
    /// with all it holds: always looked at.
    static func carriesURL(_ indicator: Indicator) -> Bool {
        indicator.type == .url && Indicators.carriedText(of: indicator.value).map { ByteSearch.contains("://", in: $0) } == true
    }

    /// The words of what a URL carries after its host, decoded and lower-cased, between the
    /// separators of a path and a query (`/`, `?`, `&`, `=`, `:`...), that may be a private value
    /// (a name or an address, with a dot inside; a hash, of 32 characters or more): a first look,
    /// without the indicator extractor, for what a public URL may carry (a hash in
    /// `/gui/file/<sha256>`, a host in `?url=https%3A%2F%2F...`), which `Mentions` then finds.
    /// Every public URL is looked at on each check: no string is made of the other words.
    static func carriedWords(of url: String) -> [String] {
        Indicators.carriedText(of: url).map(carriedWords(inText:)) ?? []
    }

    /// The same, given what the URL carries (`Indicators.carriedText(of:)`).
    static func carriedWords(inText text: String) -> [String] {
        let bytes = Array(text.utf8)
        var words: [String] = []
        var start = 0
        let separators = Indicators.carriedSeparators
        // The two words before, for a version number (`?version=10.0.0.12`,
        // `/releases/download/1.0.0.1/`), which is no address.
        var before: (ArraySlice<UInt8>, ArraySlice<UInt8>) = ([], [])
        for end in bytes.indices where separators.contains(bytes[end]) || end == bytes.count - 1 {
            let word = bytes[start..<(separators.contains(bytes[end]) ? end : end + 1)]
            defer { if !word.isEmpty { before = (before.1, word) } }
            if isVersion(word, after: before) {
                start = end + 1
                continue
            }
            if word.count > 3 && (word.starts(with: "as".utf8, by: { $0 | 0x20 == $1 }) && word.dropFirst(2).allSatisfy(IndicatorBytes.isDigit)
                || word.starts(with: "cve-".utf8, by: { $0 | 0x20 == $1 }) && !word.contains(IndicatorBytes.dot)) {
                // As ASNs and CVEs are written normalized: `AS64500`, `CVE-2024-3094`; a name that
                // only starts so (`assets.example`) is a name.
                words.append(String(decoding: word, as: UTF8.self).uppercased())
            } else if word.count >= 32 || word.count > 2 && word.dropFirst().dropLast().contains(where: joinsValue.contains) {
                let lowered = String(decoding: word.map(IndicatorBytes.lower), as: UTF8.self)
                words.append(lowered)
                words += namesWithin(lowered)
            }
            start = end + 1
        }
        return words
    }

    /// Whether `word`, after the words `before` in what a URL carries, is a version number: four
    /// numbers after a `version` (`ver`, `v`, `build`, `FileVersion`), or after a release's
    /// `download` or `tag` (`/releases/download/1.0.0.1/`).
    private static func isVersion(_ word: ArraySlice<UInt8>, after before: (ArraySlice<UInt8>, ArraySlice<UInt8>)) -> Bool {
        guard word.count(where: { $0 == IndicatorBytes.dot }) == 3, word.allSatisfy({ IndicatorBytes.isDigit($0) || $0 == IndicatorBytes.dot }) else { return false }
        // Compared in any case, byte by byte: asked of every carried word on each check.
        func spells(_ bytes: some Collection<UInt8>, _ word: String) -> Bool {
            bytes.elementsEqual(word.utf8) { IndicatorBytes.lower($0) == $1 }
        }
        return before.1.count >= 7 && spells(before.1.suffix(7), "version") || ["ver", "v", "build"].contains { spells(before.1, $0) }
            || spells(before.0, "releases") && (spells(before.1, "download") || spells(before.1, "tag"))
    }

    /// What a carried word holds when it is not a value as recorded: the host of `host:port`
    /// (`?h=evil.example:8080`), the domain of an e-mail address (`?to=alice@evil.example`), and
    /// a name or an e-mail address outside ASCII in the form it is recorded in (`bücher.example`
    /// as `xn--bcher-kva.example`).
    static func namesWithin(_ word: String) -> [String] {
        var names: [String] = []
        var name = word
        if let colon = word.utf8.lastIndex(of: IndicatorBytes.colon), word.utf8.contains(IndicatorBytes.dot),
            case let port = word.utf8[word.utf8.index(after: colon)...], (1...5).contains(port.count), port.allSatisfy(IndicatorBytes.isDigit) {
            name = String(word[..<colon])
            names.append(name)
        }
        let at = name.utf8.lastIndex(of: UInt8(ascii: "@"))
        var domain = at.map { String(name[name.utf8.index(after: $0)...]) }
        // Names outside ASCII are recorded in punycode; only those with a dot can be one.
        if name.utf8.contains(where: { $0 >= 0x80 }) && name.utf8.contains(IndicatorBytes.dot) {
            if case .success(let normalized) = Indicators.normalize(name, as: at == nil ? .domain : .email), normalized != name {
                names.append(normalized)
                if at != nil { domain = Indicators.host(of: normalized, type: .email) ?? domain }
            }
        }
        if let domain, domain.utf8.contains(IndicatorBytes.dot) { names.append(domain) }
        return names
    }

    /// What stands inside a name, an address or an e-mail address (`.`, `:`, `@`).
    private static let joinsValue = ByteSet(".:@".utf8)

    /// `value`, then, when it is a domain name, each domain it lies within down to two labels
    /// (`smtp.mail.acme.example`: `mail.acme.example`, `acme.example`).
    static func withParents(_ value: String) -> [String] {
        guard isName(value) else { return [value] }
        return [value] + IndicatorIndex.parentDomains(of: value)
    }

    /// Whether `value` is a name of labels (a domain), not an address or anything else.
    private static func isName(_ value: String) -> Bool {
        value.utf8.allSatisfy { IndicatorBytes.isAlphanumeric($0) || $0 == IndicatorBytes.dot || $0 == IndicatorBytes.hyphen || $0 == UInt8(ascii: "_") || $0 >= 0x80 }
            && value.utf8.contains(where: IndicatorBytes.isLetter)
    }

    /// The names of two labels or more inside a name that are neither it nor a domain it lies
    /// within (`withParents`): a lure built on a victim's name (`login.acme-corp.example.phish.test`),
    /// a provider's name for a customer's (`acme-corp.example.edgekey.net`), shows that name whole.
    /// Not one followed by a country's code alone: `google.com.au` and `yahoo.co.jp` are the
    /// registrations of a country's domain, not names built on `google.com` or `yahoo.co`.
    static func innerNames(_ value: String) -> [String] {
        // Told by bytes, with nothing made for a name of two labels (most): asked of every name
        // a public text or value writes.
        let utf8 = value.utf8
        guard utf8.count(where: { $0 == IndicatorBytes.dot }) >= 2, isName(value) else { return [] }
        // Where each label starts and ends.
        var bounds: [(start: String.Index, end: String.Index)] = []
        var start = utf8.startIndex
        for i in utf8.indices where utf8[i] == IndicatorBytes.dot {
            bounds.append((start, i))
            start = utf8.index(after: i)
        }
        bounds.append((start, utf8.endIndex))
        let last = utf8[bounds[bounds.count - 1].start..<bounds[bounds.count - 1].end]
        let countryLast = last.count == 2 && last.allSatisfy(IndicatorBytes.isLetter)
        guard !bounds.contains(where: { $0.start == $0.end }) else { return [] }
        var names: [String] = []
        for first in 0..<bounds.count - 2 {
            for end in first + 2..<bounds.count where !(countryLast && end == bounds.count - 1) {
                let name = value[bounds[first].start..<bounds[end - 1].end]
                if name.utf8.contains(where: IndicatorBytes.isLetter) { names.append(String(name)) }
            }
        }
        return names
    }

    /// The names (tags, a note's file name) that may hold an indicator or a folder name as a text
    /// to scan (nil when none may): each as written, again with its dashes as spaces, since a name
    /// joins words with them (`seen-with-192.0.2.130`), and each run of its dashed parts, since a
    /// folder name may stand inside (`05-acme-payroll-phish-follow-up`).
    static func nameText(_ names: [String]) -> String? {
        let candidates = names.filter(mayHoldMention)
        guard !candidates.isEmpty else { return nil }
        return candidates.map { name in
            ([name, String(name.map { $0 == "-" ? " " : $0 })] + dashedRuns(of: name)).joined(separator: " ")
        }.joined(separator: " ")
    }

    /// The runs of two parts or more of `name` split at its dashes, but `name` itself (`a-b-c`:
    /// `a-b`, `b-c`). A folder name has few parts: runs stop at eight, which keeps a name of many
    /// dashes linear.
    static func dashedRuns(of name: String) -> [String] {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count > 2 else { return [] }
        var runs: [String] = []
        for start in parts.indices {
            for end in stride(from: start + 2, through: min(parts.count, start + 8), by: 1) where !(start == 0 && end == parts.count) {
                let run = parts[start..<end]
                guard !run.contains(where: \.isEmpty) else { continue }
                runs.append(run.joined(separator: "-"))
            }
        }
        return runs
    }

    /// The private values and private projects' folders that `mentions` (of the project at
    /// `project`, or the workspace's) name, each once in each text.
    /// - Parameter index: the workspace's, to find values only private projects record; nil to
    ///   look for values recorded private alone.
    /// - Parameter privateProjectURLs: `privateProjectURLs(_:)`, with an index.
    static func findings(_ mentions: Mentions, project: Int?, privateValues: [String: Recording], privateSlugs: [String: String],
        workspace: Workspace, index: IndicatorIndex?, privateProjectURLs: [UInt64: [IndicatorIndex.Occurrence]] = [:],
        privateNotes: [String: String] = [:], publishedHosts: Set<UInt64> = []) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func location(_ text: Mentions.Text, _ position: SourcePosition?) -> SourceLocation {
            position.map { SourceLocation(path: text.location.path, position: $0) } ?? text.location
        }
        // What was reported in each text: `text value`.
        var reported: Set<String> = []
        func firstTime(_ text: Int, _ key: String) -> Bool { reported.insert("\(text) " + key).inserted }
        // The text's own project's private indicators, made once if a finding asks.
        var keptPrivate: Set<IndicatorKey>?
        // Each value written, or word that may be a URL: reported at most once per text.
        let looksAtResources = privateValues[Self.resourceMarker] != nil
        let hasPrivateNetworks = Self.networkKeys.v4.contains { privateValues[$0] != nil } || Self.networkKeys.v6.contains { privateValues[$0] != nil }
        // A value only private projects record, as a threat: their intelligence.
        // What to do with a value only private projects record, written in `text`.
        func recordingRemedy(_ text: Mentions.Text) -> String {
            if let remedy = valueRemedy(text) { return remedy + ", or record it in this public project to publish it" }
            return text.isNote
                ? "make the note private (visibility: private in its front matter), or record it in this public project to publish it"
                : "take it out of \(text.name), or record it in \(project == nil ? "a" : "this") public project to publish it"
        }
        // A public value cannot be taken out of itself: it is removed, or kept private.
        func valueRemedy(_ text: Mentions.Text) -> String? {
            guard let value = text.value, let project else { return nil }
            let (slug, quoted) = (ShellWord.quoted(workspace.projects[project].slug), ShellWord.quoted(value))
            return "remove it (dossier remove \(slug) \(quoted)) or keep it off the site (dossier add \(slug) \(quoted) --private)"
        }
        func reportOnlyPrivate(_ recording: Recording, _ mention: Mentions.Value) {
            // The host of a URL a public project publishes is shown with it already, wherever it
            // is written (not what else a URL carries: `?to=victim.example` is the private
            // projects' intelligence).
            if publishedHosts.contains(Self.hash(mention.value.utf8)) { return }
            if let within = mention.within, let index, case .success(let url) = Indicators.parse(within, as: .url),
               let host = Indicators.host(of: url.value, type: .url), mention.value == host || mention.value == Indicators.browsedHost(host),
               Self.isPublished(index.occurrences(of: IndicatorKey(type: .url, value: url.value)), index: index) { return }
            guard firstTime(mention.text, recording.value) else { return }
            let text = mentions.texts[mention.text]
            let slug = workspace.projects[recording.project].slug
            let keepers = Self.keepers(of: recording, workspace: workspace, index: index)
            // A name inside a name shows it, as a host within it does: a warning (a provider's
            // name many share is no secret; a typosquat of a brand shows the brand).
            if mention.isInner, let within = mention.within {
                diagnostics.append(.warning(at: location(text, mention.position),
                    "\(recording.type.rawValue) \(recording.value) is recorded only in private projects (\(keepers)), but \(text.name) is public and the public site would show it (in \(within)), unless it is a name many share, such as a hosting provider's; \(recordingRemedy(text))",
                    code: Self.code))
                return
            }
            // A text of the workspace's own (a template, its title) belongs to no project. A
            // shared service (`github.com`) recorded unassessed is no threat: classified so, it is
            // no private intelligence either.
            let noThreat = "; or, if it is no threat (a service many share), dossier classify \(ShellWord.quoted(slug)) non-malicious \(ShellWord.quoted(recording.value))"
            let remedy = recordingRemedy(text) + noThreat
            // Written otherwise than recorded, the text's form is shown.
            let within = mention.within ?? (mention.value == recording.value ? nil : mention.value)
            diagnostics.append(.error(at: location(text, mention.position),
                "\(recording.type.rawValue) \(recording.value) is recorded only in private projects (\(keepers)), but \(text.name) is public and the public site would show it\(within.map { " (in \($0))" } ?? ""); \(remedy)",
                code: Self.code))
        }
        func consider(_ mention: Mentions.Value, resources: [String]) {
            // The value (a URL in its other spelling too), or a private domain it lies within
            // (`smtp.acme.example` names `acme.example`).
            var names = mention.value.utf8.count(where: { $0 == IndicatorBytes.dot }) > 1 ? withParents(mention.value) : [mention.value]
            let spelling = IndicatorKey.identity(of: mention.value, type: .url)
            if spelling != mention.value { names.insert(spelling, at: 1) }
            // A URL with a fragment (`#login`) is the same resource: the private URL itself.
            let unfragmented = Indicators.withoutFragment(mention.value).map { [$0, IndicatorKey.identity(of: $0, type: .url)] } ?? []
            if !unfragmented.isEmpty { names.insert(contentsOf: unfragmented, at: 1) }
            names.insert(contentsOf: resources, at: 1 + unfragmented.count + (spelling != mention.value ? 1 : 0))
            guard let (name, recording) = names.lazy.compactMap({ name in privateValues[name].map { (name, $0) } }).first else {
                // Not recorded private, but a threat only private projects record: their
                // intelligence, written as recorded or, a URL, leading where it leads.
                if let index, let type = mention.type,
                   let recording = Self.privateProjectRecording(of: mention.value, type: type, index: index)
                       ?? unfragmented.first.flatMap({ Self.privateProjectRecording(of: $0, type: type, index: index) })
                       ?? (type == .url ? Self.hostHash(ofURL: mention.value).flatMap({ privateProjectURLs[$0] }).flatMap { candidates in
                           Self.privateProjectRecording(leadingTo: Self.resourceNames(of: mention.value), among: candidates, index: index)
                       } : nil) {
                    reportOnlyPrivate(recording, mention)
                } else if let index, mention.type == .domain, mention.value.utf8.count(where: { $0 == IndicatorBytes.dot }) > 1,
                          let (parent, recording) = withParents(mention.value).dropFirst().lazy.compactMap({ parent in
                              Self.privateProjectRecording(of: parent, type: .domain, index: index).map { (parent, $0) }
                          }).first,
                          // A name inside a name: the names inside that one are looked at each.
                          !mention.isInner,
                          firstTime(mention.text, "\u{0}" + parent) {
                    // A name within a domain only private projects record shows the domain, as one
                    // within a private domain does: a warning (a provider's domain many share is no secret).
                    let text = mentions.texts[mention.text]
                    diagnostics.append(.warning(at: location(text, mention.position),
                        "domain \(parent) is recorded only in private projects (\(Self.keepers(of: recording, workspace: workspace, index: index))), but \(text.name) is public and the public site would show it (in \(mention.value)), unless it is a domain many share, such as a hosting provider's; \(recordingRemedy(text))",
                        code: Self.code))
                } else if hasPrivateNetworks, let type = mention.type, type == .ipv4 || type == .ipv6,
                          let (block, recording) = Self.privateNetwork(containing: mention.value, type: type, in: privateValues),
                          index.map({ !Self.isPublished($0.occurrences(of: IndicatorKey(type: type, value: mention.value)), index: $0) }) ?? true,
                          firstTime(mention.text, "\u{3}" + block) {
                    // An address of a private network shows the network is of interest, as a host
                    // within a private domain shows the domain: a warning (a provider's network
                    // many share is no secret).
                    let text = mentions.texts[mention.text]
                    diagnostics.append(.warning(at: location(text, mention.position),
                        "\(type.rawValue) \(mention.value) lies in cidr \(block), recorded as private in \(workspace.projects[recording.project].slug), but \(text.name) is public and the public site would show it (unless the network is one many share, such as a hosting provider's); \(text.isNote ? "take it out, or make the note private (visibility: private in its front matter)" : "take it out of \(text.name)"); to record the address, add it with --private",
                        code: Self.code))
                }
                return
            }
            let isResource = resources.contains(name)
            // A name inside the name written (`acme-corp.example.net`) shows it as a domain it lies
            // within does: a warning.
            let isValue = !mention.isInner && (name == mention.value || name == spelling || unfragmented.contains(name) || isResource)
            let value = recording.value
            // Each value is reported once per text, but a host within it (a warning) written
            // first does not hide the value itself written after (an error).
            let withinKey = "\u{0}" + value
            guard firstTime(mention.text, isValue ? value : withinKey) else { return }
            if isValue { _ = firstTime(mention.text, withinKey) }
            // Written otherwise than recorded, the URL is shown as the text writes it.
            let within = isValue && !(isResource && mention.value != value) ? mention.within : mention.within ?? mention.value
            let text = mentions.texts[mention.text]
            // The text's own project keeping the value private is the one to name, whichever
            // project the index found first.
            if keptPrivate == nil, let project {
                keptPrivate = Set(workspace.projects[project].indicators.filter(\.isPrivate).map(\.key))
            }
            let keptHere = recording.project == project || keptPrivate?.contains(IndicatorKey(type: recording.type, value: value)) == true
            let elsewhere = keptHere ? "" : " in \(workspace.projects[recording.project].slug)"
            // Every project that keeps it private is named (the remedy needs the first alone).
            let keepers = keptHere ? "" : " in \(Self.keepers(of: recording, workspace: workspace, index: index))"
            // In a private project a public indicator is unpublished still: the way to publish it
            // is to record it in a public project.
            let place = project == nil ? "a public project" : "this public project"
            let remedy = if let remedy = valueRemedy(text) {
                remedy + (!keptHere && workspace.projects[recording.project].visibility == .private ? "" : ", or make the indicator public\(elsewhere)")
            } else { switch (text.isNote, !keptHere && workspace.projects[recording.project].visibility == .private) {
            case (true, false): "make the note private (visibility: private in its front matter) or the indicator public\(elsewhere)"
            case (false, false): "take it out of \(text.name), or make the indicator public\(elsewhere)"
            case (true, true): "make the note private (visibility: private in its front matter), or record it in \(place) to publish it"
            case (false, true): "take it out of \(text.name), or record it in \(place) to publish it"
            } }
            let message = "\(recording.type.rawValue) \(value) is recorded as private\(keepers), but \(text.name) is public and the public site would show it\(within.map { " (in \($0))" } ?? ""); \(remedy)"
            // A host within a private domain shows the domain; but a domain that many share (a
            // dynamic-DNS or hosting provider's, `duckdns.org`) is no secret, however recorded: a
            // warning, where the value itself is an error.
            diagnostics.append(isValue
                ? .error(at: location(text, mention.position), message, code: Self.code)
                : .warning(at: location(text, mention.position), message + " (unless \(value) is a domain many share, such as a hosting provider's)", code: Self.code))
        }
        for mention in mentions.values {
            consider(mention, resources: looksAtResources && hasScheme(mention.value) ? resourceKeys(of: mention.value) : [])
        }
        // A URL also by where it leads: written in prose without a scheme (`paste.example/raw/1`,
        // a word to the extractor) or with backslashes, too. (A URL with a scheme and no
        // backslash is one of the values already.)
        for word in mentions.words where (looksAtResources || index != nil && !privateProjectURLs.isEmpty)
            && (word.word.utf8.contains(UInt8(ascii: "\\")) || !hasScheme(word.word) && word.word.utf8.contains { $0 == IndicatorBytes.slash || $0 == UInt8(ascii: "?") }) {
            let names = resourceNames(of: word.word)
            guard !names.isEmpty else { continue }
            let resources = names.map(resourceKey)
            let mention = Mentions.Value(text: word.text, value: word.word, type: nil, within: nil, position: word.position)
            if looksAtResources, resources.contains(where: { privateValues[$0] != nil }) {
                consider(mention, resources: resources)
            } else if let index, let candidates = hostHash(ofResource: names[0]).flatMap({ privateProjectURLs[$0] }),
                      let recording = privateProjectRecording(leadingTo: names, among: candidates, index: index) {
                reportOnlyPrivate(recording, mention)
            }
        }
        for reference in mentions.projects {
            // A note's file name (`04-internal-sightings.md`, `ProjectReference`): a private one's.
            if let note = privateNotes[reference.slug] {
                guard firstTime(reference.text, "\u{3}" + note) else { continue }
                let text = mentions.texts[reference.text]
                diagnostics.append(.warning(at: location(text, reference.position),
                    "\(text.name) names the private note \(note), but it is public: the public site shows no private note and names none; if it means the note, take the name out",
                    code: Self.code))
                continue
            }
            guard let slug = privateSlugs[reference.slug] else { continue }
            // A link and a name are told apart: a name written first hides no link after it.
            guard firstTime(reference.text, "\u{2}" + (reference.isLink ? "/\(reference.position.map { "\($0.line):\($0.column)" } ?? "") " : "") + slug) else { continue }
            let text = mentions.texts[reference.text]
            // A link is one; a word may also be an ordinary one (a project named `supply-chain`,
            // `living-off-the-land`, `apt-28`): no rule tells a project's name from a phrase.
            if reference.isLink {
                diagnostics.append(.error(at: location(text, reference.position),
                    "\(text.name) links to the private project \(slug), but it is public: the public site has no page of that project and names none; take the link out",
                    code: Self.code))
            } else {
                diagnostics.append(.warning(at: location(text, reference.position),
                    "\(text.name) names the private project \(slug), but it is public: the public site names no private project; if it means the project, take the name out",
                    code: Self.code))
            }
        }
        return diagnostics
    }

    /// A published note that says `visibility: private` below its front matter (after a comment
    /// or a heading, between four dashes, in a second block): as text it hides nothing.
    static func strayVisibility(in project: Project) -> [Diagnostic] {
        project.notes.compactMap { note in
            guard AudienceFilter.publishes(note, of: project), let line = FrontMatter.strayPrivateVisibility(in: note.body) else { return nil }
            return .error(at: SourceLocation(path: note.path, position: SourcePosition(line: note.bodyLine + line, column: 1)),
                "\"visibility: private\" here is text, not front matter (the block between --- lines at the very top of the note), so the note is published; move the line into the front matter",
                code: "front-matter")
        }
    }

    /// The project's private values of free-form types (six characters or more: shorter ones
    /// would be found in any word) written in its published texts: as they are, or, for a
    /// registry key or Windows path, in any case (a key under any spelling of its hive).
    static func freeFormFindings(in texts: [PublishedText], of project: Project) -> [Diagnostic] {
        let values = project.indicators.filter { $0.isPrivate && !$0.type.isStrict && $0.value.count >= 6 }
        guard !values.isEmpty else { return [] }
        let published = Set(project.indicators.filter { !$0.isPrivate }.map(\.key))
        // A text with escapes (a link's `C%3A%5CUsers%5C...`) is also read as a browser shows it,
        // and one with `file:` URLs as the paths they name (`file:///C:/Users/...`).
        let texts = texts + texts.compactMap { text -> PublishedText? in
            guard text.text.containsByte(UInt8(ascii: "%")) else { return nil }
            let decoded = String(decoding: PercentEncoding.decodedFully(Array(text.text.utf8)), as: UTF8.self)
            return decoded == text.text ? nil : PublishedText(text: decoded, name: text.name, location: text.location, bodyLine: text.bodyLine, isProse: text.isProse)
        } + texts.compactMap { text -> PublishedText? in
            guard ByteSearch.contains(caseInsensitive: "file:", in: text.text) else { return nil }
            let paths = freeFormWords(of: text.text).compactMap { Indicators.path(ofFileURL: $0.word) }
            return paths.isEmpty ? nil : PublishedText(text: paths.joined(separator: " "), name: text.name, location: text.location, isProse: false)
        }
        // All the texts at once, searched for each value by its bytes; which text holds it is
        // looked for only when one does.
        var all = texts.map(\.text).joined(separator: "\u{0}")
        var folded: (all: String, texts: [String])?
        var diagnostics: [Diagnostic] = []
        // Per text, the findings in it to point at their place, by the offset of the value.
        var placed: [Int: [(diagnostic: Int, offset: Int)]] = [:]
        for indicator in values where !published.contains(indicator.key) {
            // Each text that holds the value (by position), with the offset where it does.
            let holding: [(text: Int, offset: Int)]
            if let name = Self.windowsName(of: indicator) {
                if folded == nil { folded = (Indicators.upcased(all), texts.map { Indicators.upcased($0.text) }) }
                guard Self.bytes(of: &folded!.all, contain: name) else { continue }
                holding = folded!.texts.indices.compactMap { t in
                    Self.offset(of: name, in: &folded!.texts[t]).map { (t, $0) }
                }
            } else {
                guard Self.bytes(of: &all, contain: indicator.value) else { continue }
                holding = texts.indices.compactMap { t in
                    var text = texts[t].text
                    return Self.offset(of: indicator.value, in: &text).map { (t, $0) }
                }
            }
            // Once for each text (a text and its decoded form are one).
            var reported: Set<[String]> = []
            for (t, offset) in holding {
                let text = texts[t]
                guard reported.insert([text.name, text.location.path, "\(text.location.position.line):\(text.location.position.column)"]).inserted else { continue }
                if text.isVerbatim, text.bodyLine != nil { placed[t, default: []].append((diagnostics.count, offset)) }
                diagnostics.append(.error(at: text.location,
                    "\(indicator.type.rawValue) \"\(indicator.value)\" is recorded as private, but \(text.name) is public and the public site would show it; take it out, or make the indicator public",
                    code: Self.code))
            }
        }
        // Each text walked once, however many findings it has.
        for (t, findings) in placed {
            guard let bodyLine = texts[t].bodyLine else { continue }
            var place = TextPlace(texts[t].text)
            for (d, offset) in findings.sorted(by: { $0.offset < $1.offset }) {
                diagnostics[d].location = SourceLocation(path: texts[t].location.path, position: place.position(at: offset, bodyLine: bodyLine))
            }
        }
        return diagnostics
    }

    /// What a registry key or Windows path is looked for by in upper-cased texts: its folded form
    /// (`Indicators.windowsNameKey`), a key's without its hive (`HKLM\` and `HKEY_LOCAL_MACHINE\`
    /// alike); nil for other values, and for a key too short to tell from a word.
    private static func windowsName(of indicator: Indicator) -> String? {
        guard let key = Indicators.windowsNameKey(indicator.value, type: indicator.type) else { return nil }
        guard indicator.type == .registryKey else { return key }
        guard let slash = key.firstIndex(of: "\\") else { return key }
        let path = String(key[key.index(after: slash)...])
        return path.count >= 6 ? path : key
    }

    /// True when `text`'s UTF-8 bytes hold `value`'s, not next to a letter, a digit, `-` or `_`.
    static func bytes(of text: inout String, contain value: String) -> Bool {
        offset(of: value, in: &text) != nil
    }

    /// The offset of the first byte of `value` in `text`, where `bytes(of:contain:)` finds it.
    static func offset(of value: String, in text: inout String) -> Int? {
        var value = value
        return text.withUTF8 { haystack in
            value.withUTF8 { needle in
                var start = 0
                while let at = ByteSearch.firstOffset(of: needle, in: haystack, from: start) {
                    // A whole value, not part of a word (`Global` in "GlobalSign") or of a longer
                    // name (`setup.exe` in "vendor-setup.exe", `payload.bin` in "stage2_payload.bin").
                    func joins(_ byte: UInt8) -> Bool { IndicatorBytes.isAlphanumeric(byte) || byte == IndicatorBytes.hyphen || byte == UInt8(ascii: "_") }
                    let bounded = (at == 0 || !joins(haystack[at - 1])) && (at + needle.count == haystack.count || !joins(haystack[at + needle.count]))
                    if bounded { return at }
                    start = at + 1
                }
                return nil
            }
        }
    }

    /// False for a text that holds neither an indicator nor a project's folder name (nothing to
    /// mention): none without
    /// a digit, a dot, a colon, an `@` or a `-` (most comments and tags are a few words).
    static func mayHoldMention(_ text: String) -> Bool {
        text.utf8.contains { (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x3A || $0 == 0x40 || $0 == 0x2D }
    }
}
