import DossierCore
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

    /// Unique slugs for `names` (in order): the first name of a slug has it as it is, and another
    /// one the slug followed by the start of its own name's SHA-256 (`feed-bulk-de8c85`), so that
    /// a tag that comes or goes moves no other tag's page (a bookmark, a link from elsewhere),
    /// where numbering them `-2`, `-3`… in order moved every one after it, and `Feed bulk 2`'s
    /// own slug took a number. A suffix taken already (by a name slugged so) is made longer; the
    /// next numbers come last. Each name costs one hash at most: linear in the names.
    public static func uniqueSlugs(_ names: [String]) -> [String: String] {
        var used: Set<String> = []
        var result: [String: String] = [:]
        for name in names {
            let base = slug(name)
            var candidate = base
            if used.contains(candidate) {
                let hash = SHA256.hex(Array(name.utf8))
                var length = 6
                repeat {
                    candidate = base + "-" + hash.prefix(length)
                    length += 2
                } while used.contains(candidate) && length <= hash.count
                var n = 2
                while used.contains(candidate) {
                    candidate = base + "-" + hash + "-\(n)"
                    n += 1
                }
            }
            used.insert(candidate)
            result[name] = candidate
        }
        return result
    }
}
