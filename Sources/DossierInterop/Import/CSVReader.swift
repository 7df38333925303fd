import DossierCore

/// RFC 4180 records with the line and column where each field starts: quoted fields (with `""`
/// for a quote, and line breaks inside), CRLF or LF line ends, a UTF-8 byte order mark, blanks
/// before a field, and a delimiter (`,`, `;` or tab) guessed from the header line, or named by
/// Excel's `sep=;` line.
struct CSVReader {
    struct Field {
        var text: String
        var position: SourcePosition
    }

    struct Record {
        var fields: [Field]
        /// Line of the record's first field.
        var line: Int
    }

    /// Why the file is not CSV, and where.
    struct Failure: Error {
        var message: String
        var position: SourcePosition
    }

    static func records(_ text: String) throws(Failure) -> [Record] {
        try table(text).records
    }

    /// The records, and whether the file opens with a feed's comment lines (`isFeed`: its lists
    /// are then comma-separated, as abuse.ch writes them).
    static func table(_ text: String) throws(Failure) -> (records: [Record], isFeed: Bool) {
        let scalars = Array(text.unicodeScalars.drop { $0 == "\u{FEFF}" })
        let hint = separatorHint(scalars)
        // A feed's comment lines before the data (`# abuse.ch URLhaus ...`), the last of them its
        // header (`# id,dateadded,url,...`).
        let comments = hint == nil ? commentLines(scalars) : nil
        let delimiter = hint?.delimiter ?? guessDelimiter(comments.map { Array(scalars[$0.header]) } ?? scalars)
        var records: [Record] = []
        var fields: [Field] = []
        var field = String.UnicodeScalarView()
        var fieldStart = SourcePosition.start
        var atFieldStart = true, inQuotes = false, afterQuote = false
        var line = hint == nil ? 1 : 2, column = 1
        var i = hint?.length ?? 0
        if let comments {
            records.append(Record(fields: try Self.records(String(String.UnicodeScalarView(scalars[comments.header]))).first?.fields.map {
                Field(text: $0.text, position: SourcePosition(line: comments.headerLine, column: $0.position.column + comments.header.lowerBound - comments.headerStart))
            } ?? [], line: comments.headerLine))
            (i, line) = (comments.dataStart, comments.headerLine + 1)
        }

        func endField() {
            fields.append(Field(text: String(field), position: fieldStart))
            field = String.UnicodeScalarView()
            atFieldStart = true
            afterQuote = false
        }
        func endRecord() {
            endField()
            // A blank line is no record (and no row to report), nor, in a feed that opens with
            // comment lines, a later one (Feodo Tracker's closing `# Number of entries: 1`).
            let isComment = comments != nil && fields[0].text.hasPrefix("#")
            if !(fields.count == 1 && fields[0].text.isEmpty) && !isComment {
                records.append(Record(fields: fields, line: fields[0].position.line))
            }
            fields = []
        }

        while i < scalars.count {
            let c = scalars[i]
            let here = SourcePosition(line: line, column: column)
            i += 1
            column += 1
            if inQuotes {
                if c == "\"" {
                    if i < scalars.count, scalars[i] == "\"" {
                        field.append("\"")
                        i += 1
                        column += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    field.append(c)
                    if c == "\n" || c == "\r" && !(i < scalars.count && scalars[i] == "\n") {
                        line += 1
                        column = 1
                    }
                }
                continue
            }
            if atFieldStart { fieldStart = here }
            if c == delimiter {
                endField()
            } else if c == "\r" || c == "\n" {
                if c == "\r", i < scalars.count, scalars[i] == "\n" { i += 1 }
                endRecord()
                line += 1
                column = 1
            } else if afterQuote {
                guard c == " " || c == "\t" else {
                    throw Failure(
                        message: "unexpected text after the closing quote of a field (a quote inside a quoted field is written \"\")",
                        position: here)
                }
            } else if c == "\"" && atFieldStart {
                inQuotes = true
                atFieldStart = false
            } else if atFieldStart && (c == " " || c == "\t") {
                // Blanks before a field (`a, "b; c"`): a quote after them still opens it.
                continue
            } else {
                atFieldStart = false
                field.append(c)
            }
        }
        if inQuotes { throw Failure(message: "a quoted field is never closed", position: fieldStart) }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
        return (records, comments != nil)
    }

    /// A file that opens with `#` comment lines whose last names columns (`# id,dateadded,url`)
    /// and goes on with data: where that header's text is, its line, where its line starts, and
    /// where the data starts. Nil for any other file.
    static func commentLines(_ scalars: [Unicode.Scalar]) -> (header: Range<Int>, headerLine: Int, headerStart: Int, dataStart: Int)? {
        guard scalars.first == "#" else { return nil }
        var start = 0, line = 1
        var last: (range: Range<Int>, line: Int, start: Int)?
        while start < scalars.count, scalars[start] == "#" {
            var end = start
            while end < scalars.count, scalars[end] != "\n" { end += 1 }
            var text = start + 1
            while text < end, scalars[text] == " " || scalars[text] == "#" { text += 1 }
            let lineEnd = end > start && scalars[end - 1] == "\r" ? end - 1 : end
            last = (text..<max(text, lineEnd), line, start)
            (start, line) = (end + 1, line + 1)
        }
        guard let last, start < scalars.count else { return nil }
        let delimiters: [Unicode.Scalar] = [",", ";", "\t"]
        if delimiters.contains(where: scalars[last.range].contains) { return (last.range, last.line, last.start, start) }
        // The header after the comment lines rather than among them (a feed's banner as scripts
        // leave it, then `first_seen_utc,dst_ip,...`).
        var end = start
        while end < scalars.count, scalars[end] != "\n" { end += 1 }
        let lineEnd = end > start && scalars[end - 1] == "\r" ? end - 1 : end
        guard end < scalars.count, delimiters.contains(where: scalars[start..<lineEnd].contains) else { return nil }
        return (start..<lineEnd, line, start, end + 1)
    }

    /// Excel's first line `sep=;` (written by its CSV export in some locales): the delimiter it
    /// names, and the length of the line with its line end. Nil when the file has none.
    static func separatorHint(_ scalars: [Unicode.Scalar]) -> (delimiter: Unicode.Scalar, length: Int)? {
        guard scalars.count >= 5, String(String.UnicodeScalarView(scalars[0..<4])).lowercased() == "sep=",
              scalars[4] != "\n", scalars[4] != "\r" else { return nil }
        var length = 5
        guard length == scalars.count || scalars[length] == "\n" || scalars[length] == "\r" else { return nil }
        if length < scalars.count, scalars[length] == "\r" { length += 1 }
        if length < scalars.count, scalars[length] == "\n" { length += 1 }
        return (scalars[4], length)
    }

    /// The delimiter of the first line: the most frequent of comma, semicolon and tab outside
    /// quotes (comma when there is a tie or none).
    static func guessDelimiter(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        let candidates: [Unicode.Scalar] = [",", ";", "\t"]
        var counts = [0, 0, 0]
        var quoted = false
        for c in scalars {
            if c == "\"" { quoted.toggle() }
            if !quoted && (c == "\n" || c == "\r") { break }
            if !quoted, let k = candidates.firstIndex(of: c) { counts[k] += 1 }
        }
        var best = 0
        for k in 1..<candidates.count where counts[k] > counts[best] { best = k }
        return candidates[best]
    }
}
