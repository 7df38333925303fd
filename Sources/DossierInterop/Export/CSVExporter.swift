import DossierCore

/// RFC 4180 CSV (CRLF line ends, fields quoted when needed): a header row, then one indicator per
/// row in canonical order.
///
/// Columns: `value,type,classification,tags,firstSeen,lastSeen,comment`, and in an internal
/// export `source`, `private` and `tlp` too, whatever the rows hold (a script reads columns by
/// place); a public file has no such column at all (the audience filter removed the first two,
/// and a public project's material is TLP:CLEAR). `private` is true for every row of a private
/// project: imported elsewhere, they stay private. `tlp` is the row's marking
/// (`ExportContext.tlp(of:)`: the project's, raised by the indicator's own `tlp:` tag, TLP:GREEN
/// at least when private), which `dossier import` reads as the file's marking (the strictest; the
/// TLP:GREEN of a private row is its privacy) and a row above TLP:CLEAR as private. Tags are joined
/// with `; ` (the CSV importer splits on `;`); a `;` or `\` inside a tag is written after a `\`
/// (`misp-galaxy:threat-actor="Foo\; Bar"`), which the importer reads back. The classification is the effective one. A cell
/// that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written after a `'`, so no
/// spreadsheet runs it as a formula (the importer takes the quote off).
enum CSVExporter {
    static let columns = ["value", "type", "classification", "tags", "firstSeen", "lastSeen", "comment"]

    /// A tag as the tags cell holds it: its `\` and `;` escaped with a `\`.
    static func escapedTag(_ tag: String) -> String {
        guard tag.contains(where: { $0 == ";" || $0 == "\\" }) else { return tag }
        return String(tag.flatMap { $0 == ";" || $0 == "\\" ? ["\\", $0] : [$0] })
    }

    static func export(_ context: ExportContext) -> [UInt8] {
        let isInternal = context.audience == .internal
        let privateProject = context.project.visibility == .private
        let header = isInternal ? columns + ["source", "private", "tlp"] : columns
        var output: [UInt8] = []
        row(header, into: &output)
        for indicator in context.indicators {
            var fields = [
                indicator.value, indicator.type.rawValue, context.classification(of: indicator).rawValue,
                indicator.tags.map(Self.escapedTag).joined(separator: "; "), indicator.firstSeen ?? "", indicator.lastSeen ?? "",
                indicator.comment ?? "",
            ]
            if isInternal {
                fields += [indicator.source ?? "", indicator.isPrivate || privateProject ? "true" : "false", context.tlp(of: indicator).rawValue]
            }
            row(fields, into: &output)
        }
        return output
    }

    static func row(_ fields: [String], into output: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { output.append(UInt8(ascii: ",")) }
            append(field, into: &output)
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    /// A field, quoted when it holds a comma, quote, line break or surrounding space, and kept
    /// from being read as a spreadsheet formula (`SpreadsheetFormula`).
    static func append(_ field: String, into output: inout [UInt8]) {
        let bytes = Array(SpreadsheetFormula.neutralized(field).utf8)
        let needsQuotes = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || bytes.first == 0x20 || bytes.last == 0x20
        guard needsQuotes else { return output.append(contentsOf: bytes) }
        output.append(UInt8(ascii: "\""))
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }
}
