import Foundation

/// File-name and fragment-safe names for tags and sections. Tags can hold anything (`misp-galaxy:
/// threat-actor="Sednit"`), so their pages need a name that is safe on every file system.
public enum Anchors {
    /// Lower-case ASCII letters and digits joined by single dashes; never empty.
    public static func slug(_ text: String) -> String {
        var result = ""
        var dash = false
        for scalar in asciiLetters(text).lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash, !result.isEmpty { result.append("-") }
                result.unicodeScalars.append(scalar)
                dash = false
            } else {
                dash = true
            }
        }
        if result.count > 60 { result = String(result.prefix(60)) }
        return result.isEmpty ? "tag" : result
    }

    /// `text` in Latin letters without accents, where ICU knows how (`Ünïcødé` → `Unicode`,
    /// `日本` → `ri ben`), so that a page's name says what it is about.
    private static func asciiLetters(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        return text.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? text
    }

    /// Unique slugs for `names` (in order): a clash gets `-2`, `-3`… in the order given. The next
    /// suffix to try is kept per slug, so that many names of one slug (100,000 tags differing only
    /// in non-ASCII letters) cost linear time, not quadratic.
    public static func uniqueSlugs(_ names: [String]) -> [String: String] {
        var used: Set<String> = []
        var next: [String: Int] = [:]
        var result: [String: String] = [:]
        for name in names {
            let base = slug(name)
            var candidate = base
            var n = next[base] ?? 2
            while used.contains(candidate) {
                candidate = "\(base)-\(n)"
                n += 1
            }
            next[base] = n
            used.insert(candidate)
            result[name] = candidate
        }
        return result
    }
}
