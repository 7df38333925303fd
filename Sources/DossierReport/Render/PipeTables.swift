/// GitHub-flavoured pipe tables in notes: libcmark (CommonMark without GitHub's extensions) reads
/// a table as a paragraph of pipes, and analysts write timelines, host lists and gates as tables.
///
/// libcmark's own reading of the note says where a table may stand: only in a paragraph at the
/// top of the note (never in code, a list, a quote or raw HTML). In such a paragraph, a line with
/// a pipe followed by a delimiter row with as many cells (`---`, `:--`, `--:`, `:-:`, at least one
/// pipe) starts a table, and every later line of the paragraph is a row, as on GitHub. The note is
/// then cut into its tables and the Markdown around them (`CommonMark` renders each, cells as
/// inline Markdown); the note's link reference definitions go with every part, so that a link
/// resolves wherever it stands.
enum PipeTables {
    enum Alignment: Equatable {
        case left, center, right
    }

    struct Table: Equatable {
        var alignments: [Alignment?]
        var header: [String]
        var rows: [[String]]
    }

    enum Part: Equatable {
        case markdown(String)
        case table(Table)
    }

    /// `lines` (the note's, without line ends) as its tables and the Markdown around them;
    /// nil when it has no table.
    /// - Parameters:
    ///   - paragraphs: the line ranges (0-based) of the note's top-level paragraphs.
    static func parts(of lines: [String], paragraphs: [ClosedRange<Int>]) -> [Part]? {
        var tables: [(range: ClosedRange<Int>, table: Table)] = []
        for paragraph in paragraphs where paragraph.count >= 2 {
            for header in paragraph.lowerBound..<paragraph.upperBound where lines[header].contains("|") {
                guard let alignments = delimiterRow(lines[header + 1]) else { continue }
                let names = cells(of: lines[header])
                guard names.count == alignments.count else { continue }
                let rows = lines[(header + 2)...paragraph.upperBound].map { fitted(cells(of: $0), to: alignments.count) }
                tables.append((header...paragraph.upperBound, Table(alignments: alignments, header: names, rows: rows)))
                break
            }
        }
        guard !tables.isEmpty else { return nil }
        var parts: [Part] = []
        var next = 0
        for (range, table) in tables {
            if range.lowerBound > next { parts.append(.markdown(lines[next..<range.lowerBound].joined(separator: "\n"))) }
            parts.append(.table(table))
            next = range.upperBound + 1
        }
        if next < lines.count { parts.append(.markdown(lines[next...].joined(separator: "\n"))) }
        return parts
    }

    /// The alignments of a delimiter row, or nil when `line` is none.
    static func delimiterRow(_ line: String) -> [Alignment?]? {
        guard line.contains("|") else { return nil }
        var alignments: [Alignment?] = []
        for cell in cells(of: line) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : right ? .right : left ? .left : nil)
        }
        return alignments.isEmpty ? nil : alignments
    }

    /// The cells of a row: split at pipes not escaped with a backslash, without the outer ones,
    /// trimmed. A cell keeps its Markdown as written, but for an escaped pipe, which is a pipe
    /// before the cell is read as Markdown, as GitHub reads it: in a code span too
    /// (`` `net user \| findstr` `` shows `net user | findstr`).
    static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        let row = trimmed(line)
        for character in row {
            if escaped {
                if character == "|" { current.removeLast() }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                current.append(character)
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        cells.append(current)
        // The pipes at either end open and close the row; they hold no cell.
        if row.hasPrefix("|") { cells.removeFirst() }
        if row.hasSuffix("|"), !row.hasSuffix("\\|"), !cells.isEmpty { cells.removeLast() }
        return cells.map(trimmed)
    }

    /// `text` without the white space at either end (`CharacterSet.whitespaces`: spaces and
    /// tabs, Unicode's too), scalar by scalar as `trimmingCharacters(in:)` takes it off, without
    /// going through `NSString` for every row and cell of every note's tables.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, CharacterSet.whitespaces.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, CharacterSet.whitespaces.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return start == scalars.startIndex && end == scalars.endIndex ? text : String(scalars[start..<end])
    }

    /// A body row with as many cells as the header: missing ones empty, extra ones dropped.
    private static func fitted(_ cells: [String], to count: Int) -> [String] {
        Array((cells + Array(repeating: "", count: max(0, count - cells.count))).prefix(count))
    }

    /// The HTML of `table`, given its cells rendered inline (in order: the header's, then each row's).
    static func html(_ table: Table, cells: [String]) -> String {
        var rendered = cells.makeIterator()
        func cell(_ tag: String, _ alignment: Alignment?) -> String {
            let style = switch alignment {
            case .left?: #" style="text-align: left""#
            case .center?: #" style="text-align: center""#
            case .right?: #" style="text-align: right""#
            case nil: ""
            }
            return "<\(tag)\(style)>" + (rendered.next() ?? "") + "</\(tag)>"
        }
        var html = "<div class=\"table-wrap\"><table>\n<thead>\n<tr>"
        for alignment in table.alignments { html += cell("th", alignment) }
        html += "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            html += "<tbody>\n"
            for _ in table.rows {
                html += "<tr>"
                for alignment in table.alignments { html += cell("td", alignment) }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table></div>\n"
    }

    /// `table` as a GitHub table again, given its cells rendered inline as CommonMark (cleaned and
    /// defanged like the rest of the note; in order), their pipes escaped so that no cell spills
    /// into the next.
    static func markdown(_ table: Table, cells: [String]) -> String {
        var rendered = cells.makeIterator()
        func row() -> String {
            "| " + table.alignments.map { _ in escapingPipes(rendered.next() ?? "") }.joined(separator: " | ") + " |\n"
        }
        var text = row()
        text += "|" + table.alignments.map { alignment in
            switch alignment {
            case .left?: ":---"
            case .center?: ":---:"
            case .right?: "---:"
            case nil: "---"
            }
        }.joined(separator: "|") + "|\n"
        for _ in table.rows { text += row() }
        return text
    }

    /// `text` with each pipe not already escaped written `\|`, on one line.
    private static func escapingPipes(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if character == "\n" {
                result.append(" ")
            } else if character == "|" && !escaped {
                result += "\\|"
            } else {
                result.append(character)
            }
            escaped = character == "\\" && !escaped
        }
        return result
    }
}

import Foundation
