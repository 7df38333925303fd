import Foundation

/// Checks an indicator's value against its type with the indicator engine, and says what is wrong
/// in the analyst's terms: invalid, of another type than declared, defanged, or not normalized.
enum IndicatorValueCheck {
    static func check(_ raw: String, type declared: IndicatorType?, at position: SourcePosition, reader: inout ObjectReader) -> ParsedIndicator? {
        if isBlank(raw) {
            reader.error("indicator value is empty", at: position, code: "invalid-value")
            return nil
        }
        guard let type = declared ?? Indicators.detect(Indicators.refang(raw)) else {
            reader.error("cannot tell what kind of indicator \"\(raw)\" is; add a \"type\" (\(IndicatorType.choices))", at: position, code: "missing-type")
            return nil
        }
        if case .success(let value) = Indicators.normalize(raw, as: type) {
            if value != raw {
                reader.warning("\(type.rawValue) \"\(raw)\" is not in normal form; `dossier fmt` rewrites it as \"\(value)\"", at: position, code: "not-normalized")
            } else if declared == nil {
                reader.warning("indicator \"\(raw)\" has no \"type\"; it is taken as \(type.rawValue) and `dossier fmt` writes it", at: position, code: "missing-type")
            }
            return ParsedIndicator(type: type, value: value)
        }
        let refanged = Indicators.refang(raw)
        if refanged != raw, case .success(let value) = Indicators.normalize(refanged, as: type) {
            if raw.trimmingCharacters(in: .whitespacesAndNewlines) == refanged {
                reader.warning("\(type.rawValue) \"\(raw)\" has blanks or line breaks around it; `dossier fmt` rewrites it as \"\(value)\"", at: position, code: "not-normalized")
                return ParsedIndicator(type: type, value: value)
            }
            reader.warning("\(type.rawValue) \"\(raw)\" is stored defanged; values are stored as they are and `dossier fmt` rewrites it as \"\(value)\"", at: position, code: "defanged-value")
            return ParsedIndicator(type: type, value: value)
        }
        guard case .failure(let problem) = Indicators.normalize(raw, as: type) else { return nil }
        var message = "invalid \(type.rawValue) \"\(raw)\": \(problem.message)"
        if let actual = Indicators.detect(refanged), actual != type {
            message = "\"\(raw)\" is not a valid \(type.rawValue) but looks like \(actual.withArticle); set \"type\": \"\(actual.rawValue)\""
        }
        reader.error(message, at: position, code: "invalid-value")
        return nil
    }

    /// Empty or only white space. Nearly every value starts with a printable ASCII byte, which
    /// settles it without forming a Character (a million values are checked).
    static func isBlank(_ raw: String) -> Bool {
        guard let first = raw.utf8.first else { return true }
        if first > 0x20 && first < 0x7F { return false }
        return raw.allSatisfy(\.isWhitespace)
    }
}
