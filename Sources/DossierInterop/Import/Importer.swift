import DossierCore

/// Reads one input file of `dossier import` (PRODUCT.md §6) into an `ImportResult`. Never throws
/// and never traps on odd input: a file that cannot be read at all gives an error diagnostic with
/// its line and column (JSON syntax, an unclosed CSV quote, a JSON file of no known shape), and
/// values that are not indicators are skipped with their reason.
public enum Importer {
    /// `format` `.auto` detects the format from the content (`detect`).
    public static func read(_ bytes: [UInt8], path: String, format: ImportFormat = .auto) -> ImportResult {
        let concrete = format == .auto ? detect(bytes) : format
        var collector = ImportCollector(path: path, format: concrete)
        // Said, not read as a text of no value (a feed's download that failed, a wrong path): a
        // warning, since a day's feed may be empty, but an error where JSON is expected (a
        // MISP event, a STIX bundle: a `curl` that failed must not pass for an import).
        if bytes.dropFirst(bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0).allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            let said = bytes.isEmpty ? "the file is empty" : "the file holds only blanks"
            if [.misp, .stix, .passivetotal, .json].contains(format) || format == .auto && path.lowercased().hasSuffix(".json") {
                collector.error(said + ", where JSON was expected", at: nil)
            } else {
                collector.warning(said + ": there is nothing in it to import", at: nil)
            }
            collector.finish()
            return collector.result
        }
        switch concrete {
        case .auto, .text, .csv:
            let text = decode(bytes, into: &collector)
            if concrete == .csv {
                CSVImporter.read(text, into: &collector)
            } else {
                TextImporter.read(text, into: &collector)
            }
        case .misp, .stix, .passivetotal, .json:
            let root: JSONNode
            do {
                root = try JSONParser.parse(bytes)
            } catch {
                collector.error("not valid JSON: \(error.message)", at: error.position)
                return collector.result
            }
            switch concrete {
            case .misp: MISPImporter.read(root, into: &collector)
            case .stix: STIXImporter.read(root, into: &collector)
            case .passivetotal: PassiveTotalImporter.read(root, into: &collector)
            default:
                if format == .auto && !DossierJSONImporter.recognizes(root) {
                    collector.error(
                        "cannot tell what this JSON file is: expected a MISP event, a STIX bundle or object, PassiveTotal artifacts or dossier JSON; give --format",
                        at: root.position)
                } else {
                    DossierJSONImporter.read(root, into: &collector)
                }
            }
        }
        collector.finish()
        return collector.result
    }

    /// The format of a file from its content: JSON is told apart by shape (MISP event, STIX,
    /// dossier JSON, PassiveTotal); text whose first line names a value column is CSV; anything
    /// else is free text. JSON of no known shape (or that is not valid) detects as `.json`, whose
    /// reader says what is wrong; but text that opens with a bracket and does not read as JSON
    /// (`[TLP:AMBER] Phishing wave`, `[1] see ...`) is text.
    public static func detect(_ bytes: [UInt8]) -> ImportFormat {
        let blanks: [UInt8] = [0x20, 0x09, 0x0A, 0x0D]
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let firstAt = bytes[start...].firstIndex { !blanks.contains($0) }
        let first = firstAt.map { bytes[$0] }
        func textFormat() -> ImportFormat { CSVImporter.looksLikeCSV(String(decoding: bytes, as: UTF8.self)) ? .csv : .text }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            // What a JSON object or array of objects opens with: `{"`, `{}`, `[{`, `[[`, `["`, `[]`.
            let second = firstAt.flatMap { at in bytes[(at + 1)...].first { !blanks.contains($0) } }
            let opensJSON = second.map { Array("\"}{[]".utf8).contains($0) } ?? true
            guard let root = try? JSONParser.parse(bytes) else {
                return opensJSON ? .json : textFormat()
            }
            if MISPImporter.recognizes(root) { return .misp }
            if STIXImporter.recognizes(root) { return .stix }
            if DossierJSONImporter.recognizes(root) { return .json }
            if PassiveTotalImporter.recognizes(root) { return .passivetotal }
            return .json
        }
        return textFormat()
    }

    /// UTF-8's byte order mark, which some editors write at a file's start.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The text of a file. One that is not valid UTF-8 is read as Windows-1252, what Excel and
    /// most Windows tools of Western Europe and the Americas save text in (`Résumé` written
    /// `R\xE9sum\xE9`), with a warning at its first such byte: replacing those bytes would
    /// write U+FFFD into the records for good. A file with a NUL byte early on is no text at all (an executable, an archive, an image, as
    /// git tells them) or UTF-16 text (told by its byte order mark): an error, since the words
    /// found in it would be junk indicators.
    static func decode(_ bytes: [UInt8], into collector: inout ImportCollector) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            collector.error("this is UTF-16 text; dossier reads UTF-8: save the file as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8) and import it again", at: nil)
            return ""
        }
        if bytes.prefix(8000).contains(0) {
            collector.error("this is a binary file (it holds NUL bytes), not text; import a text, CSV, MISP, STIX or JSON file", at: nil)
            return ""
        }
        // A byte order mark (Notepad writes one) is no text of the file.
        let bytes = bytes.starts(with: byteOrderMark) ? Array(bytes.dropFirst(byteOrderMark.count)) : bytes
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let first = firstInvalidUTF8(bytes)
        let line = bytes[..<first].count(where: { $0 == 0x0A }) + 1
        let column = first - (bytes[..<first].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        collector.warning("the file is not valid UTF-8 (from byte \(first), 0x\(String(bytes[first], radix: 16, uppercase: true))); it was read as Windows-1252, as Excel saves text: check its accented letters, or save it as UTF-8 and import it again",
            at: SourcePosition(line: line, column: column))
        // What is valid UTF-8 stays so (a file edited in two tools holds both).
        var text = String.UnicodeScalarView()
        var i = 0
        while i < bytes.count {
            if let (scalar, length) = utf8Scalar(bytes, at: i) {
                text.append(scalar)
                i += length
            } else {
                text.append(windows1252[Int(bytes[i])])
                i += 1
            }
        }
        return String(text)
    }

    /// The scalar the valid UTF-8 sequence at `i` encodes, and its length; nil if there is none.
    static func utf8Scalar(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[i]
        let length = lead < 0x80 ? 1 : (0xC2...0xDF).contains(lead) ? 2 : (0xE0...0xEF).contains(lead) ? 3 : (0xF0...0xF4).contains(lead) ? 4 : 0
        guard length > 0, i + length <= bytes.count,
              let decoded = String(validating: bytes[i..<i + length], as: UTF8.self), let scalar = decoded.unicodeScalars.first
        else { return nil }
        return (scalar, length)
    }

    /// Where the first byte that is not part of valid UTF-8 is.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count, let (_, length) = utf8Scalar(bytes, at: i) { i += length }
        return i
    }

    /// Windows-1252: Latin-1 but for 0x80-0x9F, which hold typographic quotes, dashes and the euro
    /// sign (the five it leaves undefined are taken as the C1 controls, as Windows does).
    static let windows1252: [Unicode.Scalar] = (0...255).map { byte in
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                              0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        return Unicode.Scalar((0x80...0x9F).contains(byte) ? high[byte - 0x80] : UInt32(byte))!
    }
}
