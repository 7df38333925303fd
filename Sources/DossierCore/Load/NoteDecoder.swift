import Yams

extension Note {
    /// The note `bytes` would be at `path` (a note an import is about to write, checked before it
    /// is); nil when it cannot be read as one.
    public init?(reading bytes: [UInt8], fileName: String, path: String) {
        var diagnostics: [Diagnostic] = []
        guard let note = NoteDecoder.decode(bytes, fileName: fileName, path: path, into: &diagnostics) else { return nil }
        self = note
    }
}

/// Reads a Markdown note and its optional YAML front matter (`title`, `author`, `date`,
/// `visibility`), with positions of front-matter keys for diagnostics.
enum NoteDecoder {
    static let keys = ["title", "author", "date", "visibility"]

    /// The first line of `yaml` whose value starts a flow collection it does not close on the
    /// line (`title: [unclosed`): its line (from 1), the value's column and the key.
    static func flowValue(in yaml: String) -> (line: Int, column: Int, key: String)? {
        for (n, line) in FrontMatter.lines(of: yaml).enumerated() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " }
            guard let first = value.first, first == "[" || first == "{" else { continue }
            let closing: Character = first == "[" ? "]" : "}"
            if value.trimmingCharacters(in: .whitespaces).last != closing {
                return (n + 1, line.distance(from: line.startIndex, to: value.startIndex) + 1, line[..<colon].trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    static func decode(_ bytes: [UInt8], fileName: String, path: String, into diagnostics: inout [Diagnostic]) -> Note? {
        guard var note = read(bytes, fileName: fileName, path: path, into: &diagnostics).map(titledByHeading) else { return nil }
        // A file named as kept in (`private-sources.md`, `_draft-timeline.md`) whose front matter
        // does not say: taken at its name's word, as an unknown key of its front matter would be.
        if note.visibility == nil, let word = hidingWord(in: fileName) {
            diagnostics.append(.warning(at: SourceLocation(path: path, position: .start),
                "the file name \(describe(hidingWord: word)), so the note is kept out of public output; write visibility: private in its front matter to say so, or visibility: public to publish it",
                code: "hiding-field"))
            note.visibility = .private
        }
        return note
    }

    /// The word of a note's file name that says it is not for publication, if any: `private`,
    /// `draft`, `confidential`, `hidden`, `embargoed`, `unpublished`,
    /// `do not publish`, a TLP above CLEAR (`tlp-amber`), PAP:RED, or a leading `_` (Jekyll's drafts and
    /// partials); in any case and compatibility form (`ｐｒｉｖａｔｅ`), between any separators
    /// (`notes.private.md`), but for a word that negates it (`non-confidential`) and "private
    /// sector".
    static func hidingWord(in fileName: String) -> String? {
        if fileName.hasPrefix("_") { return "_" }
        // Compared as tags are: case, compatibility forms, invisible characters (a zero-width space inside `draft`).
        var stem = Tag.key(fileName)
        if stem.hasSuffix(".md") { stem.removeLast(3) }
        let words = stem.split { !$0.isLetter }.map(String.init)
        let joined = words.joined()
        for phrase in ["donotpublish", "notforpublication", "donotshare"] where joined.contains(phrase) { return "do not publish" }
        for (i, word) in words.enumerated() {
            let next = i + 1 < words.count ? words[i + 1] : ""
            if i > 0, ["non", "not", "un"].contains(words[i - 1]) { continue }
            if word == "tlp", ["green", "amber", "red"].contains(next) { return "tlp \(next)" }
            if word == "pap", next == "red" { return "pap red" }
            // Subjects: "private sector", "private keys", the HIDDEN COBRA actor.
            if word == "private" && ["sector", "key", "keys"].contains(next) || word == "hidden" && next == "cobra" { continue }
            // Not `internal` or `secret`, which name what a note is about as often
            // (`internal-sightings`, `secrets-dump`).
            if ["private", "draft", "drafts", "confidential", "hidden", "embargoed", "unpublished"].contains(word) { return word }
        }
        return nil
    }

    /// How a message says what `hidingWord` found: `says "draft"`, `starts with _`.
    static func describe(hidingWord word: String) -> String {
        word == "_" ? "starts with _" : "says \"\(word)\""
    }

    /// A note without a `title:` whose text starts with a `#` heading takes the heading for its
    /// title (as a Markdown file read anywhere else shows it), and its body starts after it: the
    /// report shows the title once, not under a title made from the file name. A note whose
    /// `title:` its first heading repeats (`title: C2 protocol` over `# C2 protocol`) loses the
    /// heading: the report showed it twice.
    static func titledByHeading(_ note: Note) -> Note {
        let written = note.title.flatMap { $0.isEmpty ? nil : $0 }
        // The note with `heading` for its title (or dropped under a title it repeats), its body
        // starting after it; the note as it is under a title the heading does not repeat.
        func titled(by heading: String, line: String, body: String, linesBefore: Int) -> Note {
            if let written, written.trimmingCharacters(in: .whitespaces).lowercased() != heading.lowercased() { return note }
            var titled = note
            titled.title = written ?? heading
            titled.body = body
            titled.bodyLine = note.bodyLine + linesBefore + 1
            titled.leadingHeading = line
            if written == nil { titled.titlePosition = SourcePosition(line: note.bodyLine + linesBefore, column: 1) }
            return titled
        }
        // Most notes have no comment before their first line of text: that line is found in the
        // bytes as they are (blanking a note's comments costs a pass over all of it).
        let utf8 = note.body.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return note }
        let lineEnd = utf8[first...].firstIndex(of: 0x0A) ?? utf8.endIndex
        if !Self.containsCommentStart(utf8[..<lineEnd]) {
            guard utf8[first] == UInt8(ascii: "#") else { return note }
            let lineStart = utf8[..<first].lastIndex(of: 0x0A).map { utf8.index(after: $0) } ?? utf8.startIndex
            let line = String(utf8[lineStart..<lineEnd])!
            guard let title = headingTitle(line) else { return note }
            return titled(by: title, line: line, body: lineEnd < utf8.endIndex ? String(utf8[utf8.index(after: lineEnd)...])! : "",
                linesBefore: utf8[..<lineStart].count(where: { $0 == 0x0A }))
        }
        // Line by line over the bytes: a CR LF is one `Character`, which splitting at "\n" missed.
        // A line is blank when its comments are (a reviewer's remark above the heading), so the
        // same lines are walked in the text with its comments blanked, whose line breaks are kept.
        let bytes = Array(note.body.utf8)
        let visible = Array(HTMLComments.blanked(in: note.body).utf8)
        var (start, visibleStart) = (0, 0)
        var skipped = 0
        while true {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let visibleEnd = visible[visibleStart...].firstIndex(of: 0x0A) ?? visible.count
            let shown = String(decoding: visible[visibleStart..<visibleEnd], as: UTF8.self)
            if shown.allSatisfy(\.isWhitespace) {
                // A note that is all comments has no title of its own.
                guard end < bytes.count else { return note }
                (start, visibleStart) = (end + 1, visibleEnd + 1)
                skipped += 1
                continue
            }
            let line = String(decoding: bytes[start..<end], as: UTF8.self)
            // Only a line whose comments open and close on it: one that a comment runs into or out
            // of would leave the comment's text in the title or at the top of the body.
            guard HTMLComments.blanked(in: line) == shown, let title = headingTitle(line) else { return note }
            return titled(by: title, line: line, body: end < bytes.count ? String(decoding: bytes[(end + 1)...], as: UTF8.self) : "", linesBefore: skipped)
        }
    }

    private static func containsCommentStart(_ bytes: Substring.UTF8View) -> Bool {
        var index = bytes.startIndex
        while let at = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if bytes[at...].starts(with: "<!--".utf8) { return true }
            index = bytes.index(after: at)
        }
        return false
    }

    /// The text of `line` as a level-one ATX heading (`# Title`, `# Title #`), as plain text: its
    /// comments gone, emphasis and code marks dropped, a link shown as its text, a backslash
    /// escape and the common entities as the characters they stand for. Nil for any other line.
    static func headingTitle(_ line: String) -> String? {
        let indent = line.prefix { $0 == " " }
        let text = HTMLComments.removed(from: String(line.dropFirst(indent.count))).trimmingCharacters(in: .whitespacesAndNewlines)
        guard indent.count < 4, text.hasPrefix("# ") else { return nil }
        var title = String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
        // `# Title #`: closing hashes after a space are no part of the title. The regular
        // expressions run only where they can match: made for every note, they were a twentieth
        // of a cold `check`.
        if title.hasSuffix("#"), let closing = title.range(of: " #+$", options: .regularExpression) {
            title = String(title[..<closing.lowerBound])
        }
        if title.containsByte(UInt8(ascii: "[")) {
            title = title.replacingOccurrences(of: "\\[([^\\]]*)\\]\\([^)]*\\)", with: "$1", options: .regularExpression)
        }
        let characters = Array(title)
        var plain = ""
        var i = 0
        while i < characters.count {
            let c = characters[i]
            let before = i > 0 ? characters[i - 1] : " ", after = i + 1 < characters.count ? characters[i + 1] : " "
            if c == "\\", after.isASCII, after.isPunctuation || after.isSymbol {
                plain.append(after)
                i += 2
                continue
            }
            // A `*` or `_` at a word's edge marks emphasis; inside a word (`wp_admin`) it is text.
            let isMark = c == "`" || (c == "*" || c == "_") && !(before.isLetter || before.isNumber) || (c == "*" || c == "_") && !(after.isLetter || after.isNumber)
            if !isMark { plain.append(c) }
            i += 1
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] where plain.containsByte(UInt8(ascii: "&")) {
            plain = plain.replacingOccurrences(of: entity, with: character)
        }
        plain = plain.trimmingCharacters(in: .whitespaces)
        return plain.isEmpty ? nil : plain
    }

    private static func read(_ bytes: [UInt8], fileName: String, path: String, into diagnostics: inout [Diagnostic]) -> Note? {
        func error(_ message: String, _ position: SourcePosition, _ code: String) {
            diagnostics.append(.error(at: SourceLocation(path: path, position: position), message, code: code))
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        guard let text = String(validating: bytes[start...], as: UTF8.self) else {
            error("the note is not valid UTF-8 text", .start, "invalid-utf8")
            return nil
        }
        let markers = ConflictMarkers.find(in: bytes, markdown: true)
        for position in markers {
            error("git conflict marker: resolve the merge conflict in this file", position, "conflict-marker")
        }
        guard markers.isEmpty else { return nil }
        let split = FrontMatter.split(text)
        let note = Note(fileName: fileName, path: path, body: split.body, bodyLine: split.bodyLine)
        // A note whose front matter cannot be read is still read for its links and the values it
        // writes, so that one check names every problem; as private, since what its front matter
        // meant to hide cannot be told (nothing is built while the error stands).
        var withheld: Note {
            var note = note
            note.visibility = .private
            note.isWithheld = true
            return note
        }
        guard let yaml = split.yaml else {
            if split.isUnclosed { error("front matter opened with --- is never closed by a --- line", .start, "front-matter") }
            if text.split(whereSeparator: \.isNewline).first(where: { !$0.allSatisfy(\.isWhitespace) })?
                .trimmingCharacters(in: .whitespaces) == "+++" {
                // Hugo's TOML front matter: as text, its `draft = true` hides nothing.
                error("front matter between +++ lines (TOML, as Hugo writes it) is not read: its keys would be shown as text and the note published with the project's visibility; write it as YAML between --- lines (title: ..., visibility: private)",
                    .start, "front-matter")
                return withheld
            }
            if let (form, key) = FrontMatter.unreadForm(text) {
                // As text (or a comment, which reports drop), its `visibility: private` hides
                // nothing: the note is taken at its word, private, and said so (a warning: nothing
                // is published meanwhile, so no build need stop).
                diagnostics.append(.warning(at: SourceLocation(path: path, position: .start),
                    "front matter \(form) is not read, and it says \(key): the note is kept private until its front matter is YAML between --- lines at the top (visibility: private)",
                    code: "front-matter"))
                var kept = note
                kept.visibility = .private
                return kept
            }
            if let misplaced = FrontMatter.misplacedStart(text, keys: keys) {
                // Read as text, its `visibility: private` would be shown on the public site.
                error("this looks like front matter, but front matter must start on the note's first line with --- at its first column; as written it is text, and the note has the project's visibility. Move the --- line to the top",
                    misplaced, "front-matter")
                return withheld
            }
            return split.isUnclosed ? withheld : note
        }
        if let simple = SimpleFrontMatter.parse(yaml) {
            return apply(simple, to: note, path: path, into: &diagnostics)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let yamlError as YamlError {
            var (message, position) = describe(yamlError, in: yaml)
            // `title: [draft] Kit analysis`: a value that starts with [ or { is a YAML list or map,
            // which its writer meant as text. Said at the value, with the mend.
            // A line above it that is no `key: value` stays the place, and the value is named too.
            if let (line, column, key) = Self.flowValue(in: yaml) {
                let flow = SourcePosition(line: line + 1, column: column)
                let isLater = flow.line > position.line
                message += "; \(isLater ? "and on line \(flow.line), " : "")a value that starts with [ or { is read as a YAML list or map: quote it (\(key): \"...\")"
                if !isLater { position = flow }
            }
            error("invalid front matter: \(message)", position, "front-matter")
            return withheld
        } catch let other {
            error("invalid front matter: \(other)", SourcePosition(line: 2, column: 1), "front-matter")
            return withheld
        }
        guard let root else { return note }
        guard let mapping = root.mapping else {
            error("front matter must be a mapping of keys such as title: and author:", filePosition(root.mark), "front-matter")
            return withheld
        }
        func entry(_ keyNode: Node, _ valueNode: Node) -> SimpleFrontMatter.Entry {
            SimpleFrontMatter.Entry(
                key: keyNode.string ?? "", keyPosition: filePosition(keyNode.mark),
                value: valueNode.scalar?.string, valuePosition: filePosition(valueNode.mark),
                items: valueNode.sequence?.compactMap { $0.scalar?.string } ?? [],
                nested: valueNode.mapping?.map { entry($0, $1) } ?? [])
        }
        var entries: [SimpleFrontMatter.Entry] = []
        var merged: [SimpleFrontMatter.Entry] = []
        for (keyNode, valueNode) in mapping {
            // A merge key (`<<: {visibility: private}`, or a list of mappings) brings its mapping's
            // keys, as YAML 1.1 readers take them; a key written beside it wins.
            guard keyNode.string == "<<", valueNode.scalar == nil else {
                entries.append(entry(keyNode, valueNode))
                continue
            }
            for source in valueNode.mapping.map({ [$0] }) ?? valueNode.sequence?.compactMap(\.mapping) ?? [] {
                merged += source.map { entry($0, $1) }
            }
        }
        let written = Set(entries.map(\.key))
        entries += merged.filter { !written.contains($0.key) }
        return apply(entries, to: note, path: path, into: &diagnostics)
    }

    /// Whether an unknown entry hides the note (`HidingKeys`): its value, its list's items, or
    /// an entry of its mapping (`meta: {visibility: private}`).
    static func hides(_ entry: SimpleFrontMatter.Entry, near: String?) -> Bool {
        HidingKeys.meansHidden(key: entry.key, value: entry.value, near: near)
            || entry.items.contains { HidingKeys.meansHidden(key: entry.key, value: $0, near: nil) }
            || entry.nested.contains { hides($0, near: $0.key == "visibility" ? "visibility" : nil) }
    }

    /// Checks the front matter's keys and values and sets them on the note. A value in error is
    /// left out (the note is still read for its links and values); a `visibility` in error makes
    /// the note private, as what it meant cannot be told.
    static func apply(_ entries: [SimpleFrontMatter.Entry], to note: Note, path: String, into diagnostics: inout [Diagnostic]) -> Note {
        var note = note
        var hidden = false
        var unread = false
        func error(_ message: String, _ position: SourcePosition, _ code: String) {
            diagnostics.append(.error(at: SourceLocation(path: path, position: position), message, code: code))
        }
        func warning(_ message: String, _ position: SourcePosition, _ code: String) {
            diagnostics.append(.warning(at: SourceLocation(path: path, position: position), message, code: code))
        }
        for entry in entries {
            let key = entry.key
            let position = entry.valuePosition
            guard keys.contains(key) else {
                let near = Spelling.closest(to: key, in: keys)
                if Self.hides(entry, near: near) {
                    // Another tool's way (or a misspelling) of keeping a page unpublished: taken at
                    // its word, so that no public site shows a note its author thought hidden.
                    hidden = true
                    warning("front matter \"\(key)\" is read as \"visibility: private\" (the only key dossier reads to hide a note); write that instead", entry.keyPosition, "hiding-field")
                } else if let near {
                    warning("unknown front matter key \"\(key)\" (did you mean \"\(near)\"?)", entry.keyPosition, "unknown-field")
                }
                continue
            }
            guard let value = entry.value else {
                error("front matter \"\(key)\" must be a single value", position, "wrong-type")
                if key == "visibility" { unread = true }
                continue
            }
            switch key {
            case "title":
                note.title = value
                note.titlePosition = position
            case "author":
                note.author = value
                note.authorPosition = position
            case "date":
                if ISODate.isValid(value) {
                    note.date = value
                } else {
                    error(ISODate.isNoSuchDay(value) ? "front matter \"date\" \(value) is no day of the calendar"
                        : "front matter \"date\" must be an ISO 8601 date such as 2026-11-02, found \"\(value)\"", position, "invalid-date")
                }
            default:
                if let visibility = Visibility(rawValue: value) {
                    note.visibility = visibility
                } else {
                    let meant = Visibility(rawValue: value.lowercased()).map { "; did you mean \"\($0.rawValue)\"?" } ?? ""
                    error("unknown visibility \"\(value)\"; expected \(Visibility.choices)\(meant)", position, "unknown-value")
                    unread = true
                }
            }
        }
        // Private wins over a `visibility: public` written beside the hiding key.
        if hidden || unread { note.visibility = .private }
        note.isWithheld = unread && !hidden
        return note
    }

    /// Where `key` is written again after its first place (`first`, which YAML gives; the one
    /// to take out is the second), looked for as a line's key at the same column, bare or quoted.
    static func repeatedKey(_ key: String, in yaml: String, after first: Mark?) -> SourcePosition? {
        guard let first else { return nil }
        let lines = FrontMatter.lines(of: yaml)
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        for index in lines.indices where index + 1 > first.line {
            let text = lines[index].utf8.dropFirst(first.column - 1)
            let written = spellings.contains { spelling in
                text.starts(with: spelling.utf8) && text.dropFirst(spelling.utf8.count).drop { $0 == UInt8(ascii: " ") }.first == UInt8(ascii: ":")
            }
            if written { return SourcePosition(line: index + 2, column: first.column) }
        }
        return nil
    }

    /// Front matter starts on line 2 of the file (after the opening `---`).
    static func filePosition(_ mark: Mark?) -> SourcePosition {
        guard let mark else { return SourcePosition(line: 2, column: 1) }
        return SourcePosition(line: mark.line + 1, column: mark.column)
    }

    static func describe(_ error: YamlError, in yaml: String) -> (String, SourcePosition) {
        switch error {
        case .scanner(let context?, let problem, _, _) where problem.hasPrefix("could not find expected ':'"):
            // YAML finds the colon missing on the next line; the line that lacks it is the key's,
            // or an earlier one YAML read on as the value above it (`title: Infra` then
            // `author jdoe`): the first key's line without a colon, up to where YAML stopped.
            let stopped = filePosition(context.mark)
            let lines = FrontMatter.lines(of: yaml)
            // A quoted value's lines (`title: "Long` then `continued"`) are none of a key's.
            var openQuote: Character?
            let lacking = (0..<min(max(stopped.line - 1, 0), lines.count)).first { index in
                let line = lines[index]
                if let quote = openQuote {
                    if line.filter({ $0 == quote }).count % 2 == 1 { openQuote = nil }
                    return false
                }
                guard let first = line.first, !first.isWhitespace, !"#-'\"[{".contains(first) else { return false }
                guard let colon = line.firstIndex(of: ":") else { return true }
                let value = line[line.index(after: colon)...].drop { $0 == " " }
                if let quote = value.first, quote == "\"" || quote == "'", value.filter({ $0 == quote }).count % 2 == 1 { openQuote = quote }
                return false
            }
            return ("this line is not `key: value` (no ':' after the key); add the colon, or quote the line if it is text",
                lacking.map { SourcePosition(line: $0 + 2, column: 1) } ?? stopped)
        case .scanner(let context?, let problem, _, _) where problem.hasPrefix("found unexpected end of stream") && context.text.hasSuffix("quoted scalar"):
            // The stream ends at the closing `---`; the quote left open is where to look.
            return ("this quoted value has no closing quote; add it, or take out the opening one", filePosition(context.mark))
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text): " } ?? ""
            return (detail + problem, filePosition(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let position = duplicates.first.flatMap { repeatedKey($0, in: yaml, after: context.mark) } ?? filePosition(context.mark)
            return ("duplicate key \(duplicates.joined(separator: ", "))", position)
        default:
            return ("\(error)", SourcePosition(line: 2, column: 1))
        }
    }
}

/// Separates `---` front matter from the Markdown body, working on bytes (notes are many).
enum FrontMatter {
    struct Split {
        var yaml: String?
        var body: String
        /// 1-based line of the file where the body starts.
        var bodyLine: Int
        var isUnclosed = false
    }

    static func split(_ text: String) -> Split {
        let bytes = Array(text.utf8)
        guard let first = lineEnd(bytes, from: 0), isDelimiter(bytes, 0..<first.content, "---") else {
            return Split(yaml: nil, body: text, bodyLine: 1)
        }
        var start = first.next
        var line = 2
        while start < bytes.count {
            guard let end = lineEnd(bytes, from: start) else { break }
            if isDelimiter(bytes, start..<end.content, "---") || isDelimiter(bytes, start..<end.content, "...") {
                let yaml = String(decoding: bytes[first.next..<start], as: UTF8.self)
                let body = String(decoding: bytes[end.next...], as: UTF8.self)
                return Split(yaml: yaml, body: body, bodyLine: line + 1)
            }
            start = end.next
            line += 1
        }
        return Split(yaml: nil, body: text, bodyLine: 1, isUnclosed: true)
    }

    /// The lines of `text`, each ending at a line feed, a carriage return or both (a CR LF is one
    /// `Character`, which splitting at "\n" misses).
    static func lines(of text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
    }

    /// The line (from 0) of `body` that says `visibility: private` as text: not in a code block
    /// (fenced, or indented four spaces or a tab). Lines end at a line feed, a carriage return or both.
    static func strayPrivateVisibility(in body: String) -> Int? {
        guard body.utf8.count >= 19, ByteSearch.contains(caseInsensitive: "visibility", in: body) else { return nil }
        var fence: (character: Character, length: Int)?
        var line = 0
        for text in lines(of: body) {
            defer { line += 1 }
            let indent = text.prefix { $0 == " " || $0 == "\t" }
            let trimmed = text.dropFirst(indent.count)
            let run = trimmed.prefix { $0 == "`" || $0 == "~" }
            let marker = run.first.map { first in (first, run.prefix { $0 == first }.count) }
            if let open = fence {
                // A fence closes with a run of its character at least as long as the one that opened it.
                if let marker, marker.0 == open.character, marker.1 >= open.length, trimmed.dropFirst(marker.1).allSatisfy(\.isWhitespace) {
                    fence = nil
                }
                continue
            }
            if let marker, marker.1 >= 3, indent.count < 4 {
                fence = (marker.0, marker.1)
                continue
            }
            if indent.contains("\t") || indent.count >= 4 { continue }
            // In a comment too (`<!-- visibility: private -->`): reports drop it, and the note is published.
            let said = trimmed.hasPrefix("<!--") ? trimmed.dropFirst(4).drop { $0 == " " || $0 == "\t" } : trimmed
            guard said.lowercased().hasPrefix("visibility"), let colon = said.firstIndex(of: ":") else { continue }
            let key = said[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = said[said.index(after: colon)...].replacingOccurrences(of: "-->", with: "")
            // YAML's comment after the value (`visibility: private # internal only`).
            if let comment = value.range(of: #"[ \t]#"#, options: .regularExpression) { value = String(value[..<comment.lowerBound]) }
            if key == "visibility" && value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased() == "private" { return line }
        }
        return nil
    }

    /// How the note's top sets its keys in a form dossier does not read, when one of them keeps
    /// a note unpublished (`visibility: private`, Hugo's `draft`, a `tlp` above clear, as
    /// `HidingKeys` reads another tool's keys): JSON, as Hugo writes it (`{"draft": true}`), or
    /// YAML in an HTML comment (`<!--` then `visibility: private`), which no report shows. The
    /// form and the key as written; nil otherwise.
    static func unreadForm(_ text: String) -> (form: String, key: String)? {
        let top = text.drop { $0.isWhitespace }
        let jsonPairs = #/"([^"\n]+)"\s*:\s*"?([^",\n}]*)"?/#, yamlPairs = #/(?m)^\s*([A-Za-z_][\w -]*?)\s*:\s*(.*?)\s*$/#
        let block: Substring, form: String, pairs: Regex<(Substring, Substring, Substring)>
        if top.hasPrefix("{") {
            // Up to the line that closes it (a few lines at most).
            let lines = top.split(separator: "\n", maxSplits: 30, omittingEmptySubsequences: false)
            block = Substring(lines.prefix { !$0.hasPrefix("}") }.joined(separator: "\n"))
            (form, pairs) = ("as JSON", jsonPairs)
        } else if top.hasPrefix("<!--"), let end = top.range(of: "-->") {
            block = top[top.index(top.startIndex, offsetBy: 4)..<end.lowerBound]
            // JSON in the comment too (`<!-- {"draft": true} -->`).
            (form, pairs) = ("in an HTML comment", block.drop { $0.isWhitespace }.hasPrefix("{") ? jsonPairs : yamlPairs)
        } else {
            return nil
        }
        for match in block.matches(of: pairs) {
            let (key, value) = (String(match.output.1), String(match.output.2).trimmingCharacters(in: .whitespaces))
            if key.lowercased() == "visibility" ? value.lowercased() == "private" : HidingKeys.meansHidden(key: key, value: value, near: nil) {
                return (form, "\(key): \(value)")
            }
        }
        return nil
    }

    /// Where a block that was meant as front matter starts, when it is not where front matter
    /// goes: the first line that is not blank is `---` but indented or after blank lines (or
    /// after a comment, as a licence header is written: `<!-- SPDX-License-Identifier: ... -->`),
    /// and a line after it sets one of `keys` (`title:`, `visibility:`). Nil otherwise.
    static func misplacedStart(_ text: String, keys: [String]) -> SourcePosition? {
        // Most notes start with neither: they are not split into lines.
        let top = text.drop { $0.isWhitespace }
        let startsWithComment = top.hasPrefix("<!--")
        guard startsWithComment || top.hasPrefix("---") else { return nil }
        let lines = Self.lines(of: text)
        // Comments blanked, lines kept: only for a note that starts with one.
        let shown = startsWithComment ? Self.lines(of: HTMLComments.blanked(in: text)) : lines
        guard shown.count == lines.count, let first = shown.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }),
              lines[first].trimmingCharacters(in: .whitespaces) == "---",
              first > 0 || lines[first].first?.isWhitespace == true else { return nil }
        for line in lines[(first + 1)...] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" { break }
            if keys.contains(where: { trimmed.hasPrefix($0 + ":") }) {
                let column = lines[first].prefix { $0.isWhitespace }.count + 1
                return SourcePosition(line: first + 1, column: column)
            }
        }
        return nil
    }

    /// End of the line starting at `start`: where its content stops (before `\r\n` or `\n`) and
    /// where the next line begins; nil past the end of the text.
    private static func lineEnd(_ bytes: [UInt8], from start: Int) -> (content: Int, next: Int)? {
        guard start < bytes.count else { return nil }
        var index = start
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        let content = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
        return (content, min(index + 1, bytes.count))
    }

    private static func isDelimiter(_ bytes: [UInt8], _ range: Range<Int>, _ marker: StaticString) -> Bool {
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return end - range.lowerBound == 3 && (0..<3).allSatisfy { bytes[range.lowerBound + $0] == marker.utf8Start[$0] }
    }
}

import Foundation
