import Foundation  // only for NFC of Unicode host names, off the hot path

/// Validation and normal form of domain names (PRODUCT.md §1): lower-case, no trailing dot, labels of 1–63
/// letters, digits and hyphens (not at either end), at most 253 characters, a top-level label that is not all
/// digits. Unicode names are converted to their `xn--` (Punycode, RFC 3492) form; `xn--` labels must decode.
enum DomainName {
    /// The normal form of `name`, or why it is not a domain name. `minimumLabels` is 2 for a `domain` indicator
    /// and 1 for the host of a URL (`http://intranet/`).
    static func normalize(_ name: String, minimumLabels: Int = 2) -> Result<String, IndicatorProblem> {
        IndicatorBytes.withBytes(name) { bytes in
            for b in bytes where b >= 0x80 { return normalizeUnicode(name, minimumLabels: minimumLabels) }
            return normalize(bytes, 0..<bytes.count, minimumLabels: minimumLabels, original: name)
        }
    }

    /// Validates the ASCII name in `bytes[range]`. When it is already in normal form and `original` is given,
    /// returns `original` without allocating.
    static func normalize(_ bytes: IndicatorBytes.Bytes, _ range: Range<Int>, minimumLabels: Int, original: String?) -> Result<String, IndicatorProblem> {
        let start = range.lowerBound
        var end = range.upperBound
        var changed = original == nil
        if end > start && bytes[end - 1] == IndicatorBytes.dot {
            end -= 1
            changed = true
        }
        let name = { IndicatorBytes.string(bytes, range) }
        if end == start { return .failure(IndicatorProblem("'\(name())' is not a domain name")) }
        if end - start > 253 {
            return .failure(IndicatorProblem("'\(name())' is \(end - start) characters long; a domain name has at most 253"))
        }
        var labels = 0
        var labelStart = start
        var lastLabelNumeric = true
        var lastLabelUnderscore = false
        for i in start...end {
            let b = i < end ? bytes[i] : IndicatorBytes.dot
            if b == IndicatorBytes.dot {
                let label = labelStart..<i
                if label.isEmpty {
                    if labelStart == start { return .failure(IndicatorProblem("'\(name())' starts with a dot")) }
                    return .failure(IndicatorProblem("'\(name())' has an empty label (two dots in a row)"))
                }
                if label.count > 63 {
                    return .failure(IndicatorProblem("the label '\(IndicatorBytes.string(bytes, label))' is \(label.count) characters long; a label has at most 63"))
                }
                if bytes[labelStart] == IndicatorBytes.hyphen || bytes[i - 1] == IndicatorBytes.hyphen {
                    let which = bytes[labelStart] == IndicatorBytes.hyphen ? "starts" : "ends"
                    return .failure(IndicatorProblem("the label '\(IndicatorBytes.string(bytes, label))' in '\(name())' \(which) with '-'"))
                }
                if label.count > 4 && IndicatorBytes.matches(bytes, at: labelStart, "xn--") {
                    let encoded = IndicatorBytes.lowercased(bytes, labelStart + 4..<i)
                    let decoded = Punycode.decode(encoded[...].utf8)
                    if decoded?.unicodeScalars.allSatisfy({ $0.value < 0x80 || isLabelScalar($0) }) != true {
                        return .failure(IndicatorProblem("the label '\(IndicatorBytes.string(bytes, label))' is not valid Punycode"))
                    }
                }
                labels += 1
                lastLabelNumeric = true
                for k in label where !IndicatorBytes.isDigit(bytes[k]) { lastLabelNumeric = false; break }
                lastLabelUnderscore = label.contains { bytes[$0] == UInt8(ascii: "_") }
                labelStart = i + 1
            } else if IndicatorBytes.isUpper(b) {
                changed = true
            } else if !(IndicatorBytes.isLower(b) || IndicatorBytes.isDigit(b) || b == IndicatorBytes.hyphen || b == UInt8(ascii: "_")) {
                return .failure(IndicatorProblem("'\(name())' contains '\(Character(Unicode.Scalar(b)))', which is not allowed in a domain name (letters, digits, '-', '_' and dots)"))
            }
        }
        // DNS takes `_` in a name (`_dmarc.example`, and hosts browsers resolve, such as
        // `secure_login.evil.example`), but no top-level domain has one.
        if lastLabelUnderscore {
            return .failure(IndicatorProblem("'\(name())' has '_' in its top-level label, which no top-level domain has"))
        }
        if labels < minimumLabels {
            return .failure(IndicatorProblem("'\(name())' is a single label; a domain name has at least two, like example.com"))
        }
        if lastLabelNumeric {
            return .failure(IndicatorProblem("'\(name())' ends in an all-numeric label, so it is not a domain name"))
        }
        if !changed, let original { return .success(original) }
        return .success(IndicatorBytes.lowercased(bytes, start..<end))
    }

    /// Non-ASCII characters a label may hold: letters, marks and digits of any script, and symbols (registries
    /// still serve some emoji names, and a lookalike name is exactly what an analyst records).
    static func isLabelScalar(_ scalar: Unicode.Scalar) -> Bool {
        IndicatorBytes.isWordScalar(scalar) || scalar.properties.generalCategory == .otherSymbol
    }

    /// A name with non-ASCII letters: mapped as a browser maps it (UTS #46: compatibility forms
    /// such as full-width `ｅｘａｍｐｌｅ` to their letters, NFKC, then lower case and NFC), then
    /// each Unicode label to `xn--` form. Unmapped, a full-width spelling of a private domain was
    /// another name, which a published note could carry past the leak check.
    static func normalizeUnicode(_ name: String, minimumLabels: Int) -> Result<String, IndicatorProblem> {
        // IDNA (RFC 3490 §3.1) treats the ideographic and full-width full stops as dots.
        var mapped = String.UnicodeScalarView()
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 0x3002, 0xFF0E, 0xFF61: mapped.append(".")
            default: mapped.append(scalar)
            }
        }
        let folded = String(mapped).precomposedStringWithCompatibilityMapping.lowercased().precomposedStringWithCanonicalMapping
        var labels: [String] = []
        for label in folded.split(separator: ".", omittingEmptySubsequences: false) {
            if label.utf8.allSatisfy({ $0 < 0x80 }) {
                labels.append(String(label))
                continue
            }
            for scalar in label.unicodeScalars where scalar.value >= 0x80 && !isLabelScalar(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return .failure(IndicatorProblem("'\(name)' contains '\(scalar)' (U+\(hex)), which is not allowed in a domain name"))
            }
            guard let encoded = Punycode.encode(String(label)) else {
                return .failure(IndicatorProblem("the label '\(label)' cannot be converted to Punycode"))
            }
            labels.append("xn--" + encoded)
        }
        return normalize(labels.joined(separator: "."), minimumLabels: minimumLabels)
    }
}
