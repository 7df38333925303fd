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
    /// reader says what is wrong.
    public static func detect(_ bytes: [UInt8]) -> ImportFormat {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let first = bytes[start...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            guard let root = try? JSONParser.parse(bytes) else { return .json }
            if MISPImporter.recognizes(root) { return .misp }
            if STIXImporter.recognizes(root) { return .stix }
            if DossierJSONImporter.recognizes(root) { return .json }
            if PassiveTotalImporter.recognizes(root) { return .passivetotal }
            return .json
        }
        return CSVImporter.looksLikeCSV(String(decoding: bytes, as: UTF8.self)) ? .csv : .text
    }

    /// The text of a file, with a warning when it is not valid UTF-8 (the bad bytes become U+FFFD).
    /// A file with a NUL byte early on is no text at all (an executable, an archive, an image, as
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
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        collector.warning("the file is not valid UTF-8; invalid bytes were replaced", at: nil)
        return String(decoding: bytes, as: UTF8.self)
    }
}
