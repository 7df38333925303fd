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

    /// Unique slugs for `names` (in order). Of names with one slug, the one written as the slug
    /// (`feed-bulk`) has it as it is, else the first; another has the slug followed by the start of
    /// its own name's SHA-256 (`feed bulk` as `feed-bulk-0b1af8`). So a tag that comes or goes moves no other
    /// tag's page unless it is written as the slug or held it, where numbering them `-2`, `-3`… in
    /// order moved every one after it (a bookmark, a link from elsewhere), and `Feed bulk 2`'s own
    /// slug took a number. A suffix some name has as its slug is made longer; the next numbers
    /// come last. Each name costs one hash at most: linear in the names.
    public static func uniqueSlugs(_ names: [String]) -> [String: String] {
        let bases = names.map(slug)
        var holders: [String: String] = [:]
        for (name, base) in zip(names, bases) where name == base { holders[base] = holders[base] ?? name }
        for (name, base) in zip(names, bases) where holders[base] == nil { holders[base] = name }
        var used = Set(holders.keys)
        var result: [String: String] = [:]
        for (name, base) in zip(names, bases) {
            guard holders[base] != name else {
                result[name] = base
                continue
            }
            let hash = SHA256.hex(Array(name.utf8))
            var length = 6
            var candidate = base + "-" + hash.prefix(length)
            while used.contains(candidate), length < hash.count {
                length += 2
                candidate = base + "-" + hash.prefix(length)
            }
            var n = 2
            while used.contains(candidate) {
                candidate = base + "-" + hash + "-\(n)"
                n += 1
            }
            used.insert(candidate)
            result[name] = candidate
        }
        return result
    }
}
