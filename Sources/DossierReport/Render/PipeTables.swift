/// GitHub-flavoured pipe tables in notes, for HTML: libcmark (CommonMark without GitHub's
/// extensions) reads a table as a paragraph of pipes, and analysts write timelines, host lists
/// and gates as tables. A note is cut into its tables and the Markdown between them; each cell is
/// rendered as inline Markdown by the same path as the rest (cleaned, defanged). Markdown reports
/// keep the table as written, which a git host renders.
///
/// What counts as a table (GitHub's rules, simplified where notes do not go): a line with a pipe,
/// then a delimiter row with as many cells (`---`, `:--`, `--:`, `:-:`, at least one pipe), then
/// every following line that is not blank and has a pipe. Not inside fenced code, nor indented as
/// code. Cells are split at pipes not escaped with a backslash.
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

    /// `markdown` as its tables and the Markdown around them, in order; nil when it has no table
    /// (most notes: rendered whole, as before).
    static func parts(of markdown: String) -> [Part]? {
        guard markdown.utf8.contains(UInt8(ascii: "|")) else { return nil }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var parts: [Part] = []
        var pending: [String] = []
        var fence: (character: Character, length: Int)?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if let open = fence {
                if let close = fenceMarker(line), close.character == open.character, close.length >= open.length,
                   line.drop(while: { $0 == " " || $0 == open.character }).allSatisfy(\.isWhitespace) {
                    fence = nil
                }
                pending.append(line)
                index += 1
                continue
            }
            if let marker = fenceMarker(line) {
                fence = marker
                pending.append(line)
                index += 1
                continue
            }
            if index + 1 < lines.count, !isIndentedCode(line), line.contains("|"),
               let alignments = delimiterRow(lines[index + 1]) {
                let header = cells(of: line)
                if header.count == alignments.count {
                    var rows: [[String]] = []
                    var next = index + 2
                    while next < lines.count, lines[next].contains("|"), !lines[next].allSatisfy(\.isWhitespace),
                          !isIndentedCode(lines[next]) {
                        rows.append(fitted(cells(of: lines[next]), to: alignments.count))
                        next += 1
                    }
                    if !pending.isEmpty { parts.append(.markdown(pending.joined(separator: "\n"))) }
                    pending = []
                    parts.append(.table(Table(alignments: alignments, header: header, rows: rows)))
                    index = next
                    continue
                }
            }
            pending.append(line)
            index += 1
        }
        guard parts.contains(where: { if case .table = $0 { true } else { false } }) else { return nil }
        if !pending.isEmpty { parts.append(.markdown(pending.joined(separator: "\n"))) }
        return parts
    }

    /// The opening or closing fence of a fenced code block (three or more backticks or tildes,
    /// indented less than four spaces).
    private static func fenceMarker(_ line: String) -> (character: Character, length: Int)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent < 4 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let length = rest.prefix { $0 == first }.count
        return length >= 3 ? (first, length) : nil
    }

    private static func isIndentedCode(_ line: String) -> Bool {
        line.hasPrefix("    ") || line.hasPrefix("\t")
    }

    /// The alignments of a delimiter row, or nil when `line` is none.
    static func delimiterRow(_ line: String) -> [Alignment?]? {
        guard line.contains("|"), !isIndentedCode(line) else { return nil }
        var alignments: [Alignment?] = []
        for cell in cells(of: line) {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : right ? .right : left ? .left : nil)
        }
        return alignments.isEmpty ? nil : alignments
    }

    /// The cells of a row: split at unescaped pipes, without the outer ones, trimmed; `\|` is a
    /// pipe in the cell.
    static func cells(of line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.trimmingCharacters(in: .whitespaces) {
            if escaped {
                current += character == "|" ? "|" : "\\" + String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current += "\\" }
        cells.append(current)
        // The pipes at either end open and close the row; they hold no cell.
        if line.trimmingCharacters(in: .whitespaces).hasPrefix("|") { cells.removeFirst() }
        if line.trimmingCharacters(in: .whitespaces).hasSuffix("|"), !line.trimmingCharacters(in: .whitespaces).hasSuffix("\\|"), !cells.isEmpty {
            cells.removeLast()
        }
        return cells.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// A body row with as many cells as the header: missing ones empty, extra ones dropped.
    private static func fitted(_ cells: [String], to count: Int) -> [String] {
        Array((cells + Array(repeating: "", count: max(0, count - cells.count))).prefix(count))
    }

    /// The HTML of `table`, its cells' inline Markdown rendered by `inline` (all at once, in
    /// order: the header's, then each row's).
    static func html(_ table: Table, inline: ([String]) -> [String]) -> String {
        var rendered = inline(table.header + table.rows.joined()).makeIterator()
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
}

import Foundation
