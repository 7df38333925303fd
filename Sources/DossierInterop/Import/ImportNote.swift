import DossierCore

/// The note `dossier import` adds to a project for what a file says besides indicators (MISP
/// references, text and comments; STIX reports and notes): a Markdown file in `notes/`, numbered
/// after the existing ones, so the project keeps the context the indicators came with.
public enum ImportNote {
    /// One imported file's note lines.
    public struct Section: Sendable {
        public var file: String
        public var format: ImportFormat
        public var lines: [String]

        public init(file: String, format: ImportFormat, lines: [String]) {
            self.file = file
            self.format = format
            self.lines = lines
        }
    }

    /// The note's file name: the next number after the existing notes' (`05-import-<name>.md`).
    public static func fileName(for files: [String], existing: [String]) -> String {
        let numbers = existing.compactMap { Int($0.prefix { $0.isNumber }) }
        let next = (numbers.max() ?? 0) + 1
        let prefix = next < 10 ? "0\(next)" : "\(next)"
        let stem = files.first.map(slug) ?? "input"
        var name = "\(prefix)-import-\(stem).md"
        var n = 2
        while existing.contains(name) {
            name = "\(prefix)-import-\(stem)-\(n).md"
            n += 1
        }
        return name
    }

    /// The note's text: front matter (title, date, and `visibility: private` for a private import),
    /// then `body`.
    public static func text(_ sections: [Section], date: String, isPrivate: Bool) -> String {
        let names = sections.map(\.file).joined(separator: ", ")
        var text = "---\ntitle: \(yamlQuoted("Imported from \(names)"))\ndate: \(date)\n"
        if isPrivate { text += "visibility: private\n" }
        return text + "---\n" + body(sections)
    }

    /// `sections` (those with lines) split into those no note of `project` holds yet, which the
    /// import writes, and the notes that hold the others (a file imported again, alone or with
    /// others): each file's lines are written once.
    public static func split(_ sections: [Section], in project: Project) -> (fresh: [Section], present: [Note]) {
        var fresh: [Section] = []
        var present: [Note] = []
        for section in sections where !section.lines.isEmpty {
            let written = body([section]).trimmingSpaces
            if let note = project.notes.first(where: { $0.body.comparedText.contains(written) }) {
                if !present.contains(where: { $0.fileName == note.fileName }) { present.append(note) }
            } else {
                fresh.append(section)
            }
        }
        return (fresh, present)
    }

    /// A paragraph and the lines of each file.
    static func body(_ sections: [Section]) -> String {
        var text = ""
        for section in sections where !section.lines.isEmpty {
            text += "\nReferences, comments and text from `\(section.file)` (\(section.format.rawValue)), kept by `dossier import`:\n\n"
            for line in section.lines {
                // Bullets as they are; other lines (a MISP event's title) as a paragraph of their own.
                text += line.hasPrefix("- ") ? line + "\n" : "\n" + line + "\n\n"
            }
        }
        // One blank line between blocks, however the sections ended.
        while text.contains("\n\n\n") { text = text.replacingBlankRuns() }
        return text
    }

    /// The file name of a note an import makes of a titled text (a MISP event report, a STIX
    /// note), numbered in its file's order: `02-kit-analysis.md`, as wide as `count` needs.
    static func numberedFileName(_ title: String, position: Int, count: Int) -> String {
        // A title's `/` is no folder's (`C2 / exfiltration`).
        numbered(position + 1, width: max(2, String(count).count)) + "-" + slug(title.replacingOccurrences(of: "/", with: " ") + ".md") + ".md"
    }

    /// `number` with zeros before it to `width` digits.
    private static func numbered(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `signsight-misp-event.json` → `signsight-misp-event`; lower-case letters, digits and `-`.
    static func slug(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let stem = name.contains(".") ? String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)]) : name
        var result = ""
        // Accents folded (`Ünïcödé` is `unicode`), as letters outside ASCII are dropped.
        for c in stem.folding(options: .diacriticInsensitive, locale: nil).lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) {
                result.append(c)
            } else if !result.hasSuffix("-") {
                result.append("-")
            }
        }
        let trimmed = result.trimming("-")
        return trimmed.isEmpty ? "input" : String(trimmed.prefix(40))
    }

    /// The notes a file carries whole as notes of `project`: each under its own file name (a
    /// numbered one's number moved after the project's notes and `taken`: a MISP event's second
    /// report is `05-...` in a project of three notes), or the next free one (`03-c2-2.md`) when
    /// another note (of the project, or `taken`) has it, said in `renamed`, as is a note of the
    /// project with its title and other text (a report edited since); one whose text the project
    /// or `taken` has already (the same report in two files of one import) is left out, and
    /// counted.
    /// - Parameters:
    ///   - taken: the notes earlier files of the import write, by file name and body; returned
    ///     with this file's added.
    ///   - makePrivate: what the file restricts (a private project's, a TLP above clear,
    ///     `--private`) is written private.
    public static func planned(_ files: [ImportResult.NoteFile], in project: Project, taken: [(fileName: String, body: String)], makePrivate: Bool)
        -> (write: [(fileName: String, text: String)], taken: [(fileName: String, body: String)], present: Int, renamed: [(from: String, to: String)]) {
        var names = Set(project.notes.map { $0.fileName.lowercased() } + taken.map { $0.fileName.lowercased() })
        var bodies = Set(project.notes.map(\.writtenBody.comparedText) + taken.map(\.body.comparedText))
        var taken = taken
        var write: [(fileName: String, text: String)] = []
        var renamed: [(from: String, to: String)] = []
        var present = 0
        let last = (project.notes.map(\.fileName) + taken.map(\.fileName)).compactMap { Int($0.prefix(while: \.isNumber)) }.max() ?? 0
        let numberedCount = files.filter(\.isNumbered).count
        // Another project's starter note, untouched, beside this one's: nothing to bring.
        let hasStarter = project.notes.contains { Scaffold.isUntouchedStarter($0.writtenBody) }
        for var file in files {
            guard bodies.insert(file.body.comparedText).inserted, !(hasStarter && Scaffold.isUntouchedStarter(file.body)) else {
                present += 1
                continue
            }
            if file.isNumbered, let number = Int(file.fileName.prefix(while: \.isNumber)) {
                let digits = file.fileName.prefix(while: \.isNumber).count
                file.fileName = numbered(last + number, width: max(2, String(last + numberedCount).count)) + file.fileName.dropFirst(digits)
            }
            let stem = String(file.fileName.dropLast(3))
            var name = file.fileName
            var n = 2
            while names.contains(name.lowercased()) {
                name = "\(stem)-\(n).md"
                n += 1
            }
            names.insert(name.lowercased())
            if name != file.fileName {
                renamed.append((file.fileName, name))
            } else if let title = file.title, let namesake = project.notes.first(where: { $0.displayTitle == title }) {
                renamed.append((namesake.fileName, name))
            }
            write.append((name, text(of: file, isPrivate: makePrivate || file.isPrivate)))
            taken.append((name, file.body))
        }
        return (write, taken, present, renamed)
    }

    /// A carried note's file: its front matter (title, author, date, and `visibility: private`),
    /// then its body.
    static func text(of note: ImportResult.NoteFile, isPrivate: Bool) -> String {
        var front = ""
        if let title = note.title { front += "title: \(yamlQuoted(title))\n" }
        if let author = note.author { front += "author: \(yamlQuoted(author))\n" }
        if let date = note.date { front += "date: \(date)\n" }
        if isPrivate { front += "visibility: private\n" }
        let body = note.body.hasSuffix("\n") || note.body.isEmpty ? note.body : note.body + "\n"
        return (front.isEmpty ? "" : "---\n" + front + "---\n") + body
    }

    static func yamlQuoted(_ text: String) -> String {
        var result = "\""
        for c in text {
            switch c {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n", "\r": result += " "
            default: result.append(c)
            }
        }
        return result + "\""
    }
}

private extension String {
    func replacingBlankRuns() -> String {
        var result = ""
        var newlines = 0
        for c in self {
            newlines = c == "\n" ? newlines + 1 : 0
            if newlines <= 2 { result.append(c) }
        }
        return result
    }
}
