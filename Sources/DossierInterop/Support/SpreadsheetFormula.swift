/// CSV injection (OWASP "CSV Injection"): a spreadsheet opening a CSV file runs a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula (`=cmd|' /C calc'!A0` in a
/// comment runs a program). The CSV export puts a single quote before such a cell, which
/// spreadsheets show as text; the CSV import takes it off again, so a value that legitimately
/// starts so (a file name `-rf`, a phone number `+1…`) comes back as it was.
///
/// A cell that already starts with quotes before such a character gets one more, so that taking
/// one off always gives the value back.
enum SpreadsheetFormula {
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell as written to a CSV file.
    static func neutralized(_ cell: String) -> String {
        startsFormula(cell) ? "'" + cell : cell
    }

    /// The value of a cell read from a CSV file.
    static func restored(_ cell: String) -> String {
        cell.unicodeScalars.first == "'" && startsFormula(cell) ? String(cell.unicodeScalars.dropFirst()) : cell
    }

    /// True when the cell, after any leading quotes, starts with a formula character.
    private static func startsFormula(_ cell: String) -> Bool {
        cell.unicodeScalars.first { $0 != "'" }.map(triggers.contains) ?? false
    }
}
