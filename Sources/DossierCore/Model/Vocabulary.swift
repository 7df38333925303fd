import Foundation

/// One tag of the workspace vocabulary (`dossier.json` → `tags`).
public struct TagDefinition: Sendable, Hashable {
    public var name: String
    /// The classification an indicator with this tag gets when it has none of its own.
    public var classification: Classification?
    public var description: String?
    /// Stripped from every public output. Nil when the file does not say.
    public var isPrivate: Bool?
    /// Fields dossier does not know, kept verbatim.
    public var extra: [JSONObject.Member]
    public var position: SourcePosition

    public init(
        name: String, classification: Classification? = nil, description: String? = nil,
        isPrivate: Bool? = nil, extra: [JSONObject.Member] = [], position: SourcePosition = .start
    ) {
        self.name = name
        self.classification = classification
        self.description = description
        self.isPrivate = isPrivate
        self.extra = extra
        self.position = position
    }
}

/// The workspace's tag vocabulary. Tags compare case-insensitively; spelling is kept as written.
public struct Vocabulary: Sendable, Hashable {
    public private(set) var definitions: [TagDefinition]
    private var byKey: [String: Int]
    /// Each definition's name as written, to the definition its key finds: most tags are written
    /// as the vocabulary spells them, and are found without folding (a site asks of a million).
    private var byName: [String: Int]

    public init(_ definitions: [TagDefinition] = []) {
        self.definitions = definitions
        byKey = [:]
        for (index, definition) in definitions.enumerated() where byKey[Tag.key(definition.name)] == nil {
            byKey[Tag.key(definition.name)] = index
        }
        byName = [:]
        for definition in definitions { byName[definition.name] = byKey[Tag.key(definition.name)] }
        privateLetters = Set(definitions.filter { $0.isPrivate == true }.map { Self.letters(of: $0.name) }.filter { $0.utf8.count >= 4 })
        privateLetterCounts = Set(privateLetters.map(\.utf8.count))
        privateWords = definitions.filter { $0.isPrivate == true && Self.letters(of: $0.name).utf8.count >= 4 }.map { Self.words(of: $0.name) }
        shortestPrivate = privateLetters.map(\.utf8.count).min() ?? .max
    }

    /// The words of each private tag's name, folded (`["company", "name"]`): a tag that holds
    /// them in a row among others (`Company Name (internal)`, `Zebra Canary:yes`) names it.
    private var privateWords: [[String]]

    /// The fewest letters and digits a private tag has: a shorter tag holds none.
    private var shortestPrivate: Int

    /// How many letters and digits the private tags have: a tag in ASCII of another count is
    /// none of them, told without making its letters (the public filter asks of every tag).
    private var privateLetterCounts: Set<Int>

    /// The letters and digits of each private tag's name, folded (`companyname`): a tag written
    /// with other separators (`company-name`, `Company_Name`, `CompanyName`) is that tag to the
    /// public filter, so that no spelling of it is published.
    private var privateLetters: Set<String>

    static func letters(of tag: String) -> String {
        String(String.UnicodeScalarView(Tag.key(tag).unicodeScalars.filter(isWordScalar).map(latin)))
    }

    /// The runs of letters and digits of `tag`, folded as `letters(of:)` folds them.
    static func words(of tag: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in Tag.key(tag).unicodeScalars {
            if isWordScalar(scalar) {
                current.append(latin(scalar))
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A Cyrillic or Greek letter that looks like a Latin one, as that Latin letter (`Compаny`
    /// with a Cyrillic `а` reads `Company`: UTS #39's confusables, lower case, for the letters
    /// of both scripts that pass for Latin ones).
    private static func latin(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value < 0x370 ? scalar : confusables[scalar] ?? scalar
    }

    private static let confusables: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, String)] = [
            ("аеорсухіјѕԁԛԝӏһ", "aeopcyxijsdqwlh"),  // Cyrillic
            ("αοειкνρτυχ", "aoeiκvptux"),  // Greek (κ stays: no Latin twin in lower case)
        ]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (from, to) in pairs {
            for (a, b) in zip(from.unicodeScalars, to.unicodeScalars) where a != b { map[a] = b }
        }
        return map
    }()

    public func definition(of tag: String) -> TagDefinition? {
        (byName[tag] ?? byKey[Tag.key(tag)]).map { definitions[$0] }
    }

    /// The vocabulary tag that `tag`, itself none, is a misspelling of (`Blokced`, `Phising` for
    /// `Blocked`, `Phishing`): one letter wrong, missing, extra, or two swapped, the first letter
    /// right, or an English ending more or less (`Quarantined`, `Block`). Words of their own stay
    /// unasked about: a short tag (`C3`), one holding a vocabulary tag or held by one otherwise
    /// (`Unblocked`, `Phishing kit`), one starting otherwise (`Locked`, `Smishing`), one with
    /// other digits (`APT29` beside `APT28`).
    public func misspelling(_ tag: String) -> TagDefinition? {
        guard definition(of: tag) == nil else { return nil }
        let key = Tag.key(tag)
        let target = Array(key.unicodeScalars)
        guard target.count > 3 else { return nil }
        // Digits tell things apart, never a slip of the pen: `APT29` is not `APT28`, nor
        // `CVE-2024-1234` `CVE-2023-1234`, nor `INC-0143` `INC-0142`.
        let digits = key.filter(\.isNumber)
        for candidate in definitions {
            let name = Tag.key(candidate.name)
            guard name.filter(\.isNumber) == digits else { continue }
            if Self.isInflection(key, of: name) { return candidate }
            let other = Array(name.unicodeScalars)
            guard other.first == target.first, !key.contains(name), !name.contains(key),
                  abs(other.count - target.count) <= 1, Self.isOneEditApart(target, other) else { continue }
            return candidate
        }
        return nil
    }

    /// Whether `a` is `b` with an English ending put on or taken off (`quarantined` and
    /// `quarantine`, `block` and `blocked`, `false positives`): the same tag to its writer, but
    /// not to a report.
    static func isInflection(_ a: String, of b: String) -> Bool {
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        guard short.count > 3, long.hasPrefix(short) else { return false }
        return ["s", "es", "d", "ed"].contains(String(long.dropFirst(short.count)))
    }

    /// One substitution, insertion, deletion, or swap of neighbours apart (optimal string
    /// alignment distance 1); `a` and `b` differ.
    static func isOneEditApart(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
        if a.count == b.count {
            if a[(i + 1)...] == b[(i + 1)...] { return true }
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        return long[(i + 1)...].elementsEqual(short[i...])
    }

    /// Whether `tag` is a private tag: defined private, or any spelling of a private tag's name,
    /// even when the vocabulary also defines that spelling as public (`company-name` beside a
    /// private `Company Name`): by its letters and digits, escaped (`Company%20Name`,
    /// `Company&#32;Name`) or as a machine tag's value (`tag:Company Name`,
    /// `misp-galaxy:sector="Company Name"`).
    public func isPrivate(_ tag: String) -> Bool {
        if definition(of: tag)?.isPrivate == true { return true }
        guard !privateLetters.isEmpty else { return false }
        if spellsPrivate(tag[...]) { return true }
        // A machine tag's value, read in place (every MISP tag has a `:`; the public filter asks
        // of every tag of every indicator); escapes, rarer, are decoded.
        var separator: String.Index?
        var escaped = false
        for index in tag.utf8.indices {
            switch tag.utf8[index] {
            case UInt8(ascii: ":"), UInt8(ascii: "="): separator = index
            case UInt8(ascii: "%"), UInt8(ascii: "&"): escaped = true
            default: break
            }
        }
        if let separator, spellsPrivate(tag[tag.index(after: separator)...]) { return true }
        if escaped {
            let unescaped = String(decoding: PercentEncoding.decodedFully(Array(tag.utf8)), as: UTF8.self)
            let decoded = CharacterReferences.decoded(unescaped) ?? unescaped
            if decoded != tag, isPrivate(decoded) { return true }
        }
        // Within a longer tag, as words in a row (`Company Name (internal)`).
        guard tag.utf8.count > shortestPrivate else { return false }
        let words = Self.words(of: tag)
        return privateWords.contains { name in
            name.count <= words.count && (0...(words.count - name.count)).contains { words[$0..<($0 + name.count)].elementsEqual(name) }
        }
    }

    /// Whether `tag` has a private tag's letters and digits (told first by their count in ASCII).
    private func spellsPrivate(_ tag: Substring) -> Bool {
        var letters = 0
        for byte in tag.utf8 {
            if byte >= 0x80 { return privateLetters.contains(Self.letters(of: String(tag))) }
            if IndicatorBytes.isAlphanumeric(byte) { letters += 1 }
        }
        return privateLetterCounts.contains(letters) && privateLetters.contains(Self.letters(of: String(tag)))
    }

    /// The classification `tags` imply that `explicit` goes against, if any: the one they imply
    /// (the most severe), unless `explicit` is that, or agrees with what they imply besides
    /// unknown. A tag that implies unknown (`Newly Observed`: not assessed yet) is answered by an
    /// assessment written down, not contradicted; the others still speak (`Company Name` with
    /// `Newly Observed` still says non-malicious against malicious).
    public func contradiction(of explicit: Classification, tags: [String]) -> Classification? {
        guard let implied = impliedClassification(of: tags), implied != explicit,
              let assessed = impliedClassification(of: tags, counting: { $0 != .unknown }), assessed != explicit else { return nil }
        return assessed
    }

    /// The most severe classification implied by `tags`, if any of them implies one.
    public func impliedClassification(of tags: [String]) -> Classification? {
        impliedClassification(of: tags, counting: { _ in true })
    }

    private func impliedClassification(of tags: [String], counting: (Classification) -> Bool) -> Classification? {
        var best: Classification?
        for tag in tags {
            guard let implied = definition(of: tag)?.classification, counting(implied) else { continue }
            if best == nil || implied.severity > best!.severity { best = implied }
        }
        return best
    }

    /// The vocabulary every new workspace starts with (PRODUCT.md).
    public static let starter = Vocabulary([
        TagDefinition(name: "Abuse Box", classification: .suspicious, description: "Host submitted to the abuse mailbox"),
        TagDefinition(name: "Blocked", classification: .malicious, description: "Host or IP blocked by a web or email gateway"),
        TagDefinition(
            name: "Company Name", classification: .nonMalicious,
            description: "Host registered to our own company", isPrivate: true),
        TagDefinition(
            name: "Newly Observed", classification: .unknown,
            description: "Host or IP first seen in our network less than 30 days ago"),
        TagDefinition(name: "Quarantine", classification: .suspicious, description: "Host quarantined by a web or email gateway"),
    ])
}

/// Tag comparison rules in one place.
public enum Tag {
    /// The comparison key of a tag: case-folded, its white space trimmed and each run of it made
    /// one space, in Unicode's compatibility form, without invisible characters: `blocked`,
    /// `Blocked`, `Blocked ` and `Blocked` with a zero-width space are one tag (a stray character
    /// must not turn a private vocabulary tag into a free one that a public site shows).
    public static func key(_ tag: String) -> String {
        // Most tags are ASCII and tidy: folded byte by byte (or returned as they are when already
        // lower case), without the Unicode case mapping of `lowercased()`; a site groups a million
        // rows by tag.
        let upper = UInt8(ascii: "A")...UInt8(ascii: "Z")
        let folded = tag.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }), !hasUntidySpace(bytes) else { return nil }
            guard bytes.contains(where: upper.contains) else { return tag }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (i, b) in bytes.enumerated() { out[i] = upper.contains(b) ? b | 0x20 : b }
                return bytes.count
            }
        }
        // Else in Unicode's compatibility form (a full-width `Ｃompany` is `Company`) and without
        // invisible format characters (a zero-width space, a soft hyphen): what looks like a
        // private tag is that tag.
        return (folded ?? nil) ?? tidy(tag.precomposedStringWithCompatibilityMapping).lowercased()
    }

    /// True for a tag of dossier's source namespace, how its MISP export writes an indicator's
    /// `source` (`dossier:source="mail gateway"`), however it is spelled: compared as tags are
    /// (`key`: case, compatibility forms, invisible characters), and without blanks or quotes
    /// (`Dossier : Source = "x"`, `"dossier:source"="x"`), then nothing, `=` or `:`. Such a tag is
    /// provenance, which no public output shows (`AudienceFilter`), and every import reads it as
    /// the source.
    public static func isSourceTag(_ tag: String) -> Bool {
        // Asked of every distinct tag: an ASCII one without a colon is none, and an ASCII one with
        // one is told by its bytes, with nothing made.
        guard tag.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 >= 0x80 }) else { return false }
        if let bytes = squeezedASCII(tag, dropping: "\"'") {
            var rest = bytes.makeIterator()
            guard sourceNamespace.utf8.allSatisfy({ rest.next() == $0 }) else { return false }
            let next = rest.next()
            return next == nil || next == UInt8(ascii: "=") || next == UInt8(ascii: ":")
        }
        let squeezed = String(String.UnicodeScalarView(key(tag).unicodeScalars.filter {
            !$0.properties.isWhitespace && $0 != "\"" && $0 != "'" && $0 != "\u{201C}" && $0 != "\u{201D}"
        }))
        guard squeezed.hasPrefix(sourceNamespace) else { return false }
        let next = squeezed.dropFirst(sourceNamespace.count).first
        return next == nil || next == "=" || next == ":"
    }

    /// An ASCII tag's bytes as machine tags are compared however they are spaced or quoted:
    /// case-folded, without white space or the `dropped` characters (`PAP: "RED"` is `pap:red`),
    /// made one at a time as they are read. Nil for a tag with other characters, which compares
    /// in Unicode (its compatibility forms, invisible characters).
    public static func squeezedASCII(_ tag: String, dropping dropped: StaticString) -> LazyMapSequence<LazyFilterSequence<String.UTF8View>, UInt8>? {
        guard tag.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        // ASCII white space is what `Character.isWhitespace` says of these bytes.
        return tag.utf8.lazy
            .filter { byte in !(0x09...0x0D).contains(byte) && byte != 0x20 && !dropped.withUTF8Buffer { $0.contains(byte) } }
            .map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }

    /// The namespace and predicate of a source tag, as `isSourceTag` compares them.
    public static let sourceNamespace = "dossier:source"

    /// True for a tag that shows no name: white space, characters that show as nothing (a
    /// zero-width space, which `tidy` removes) or control characters.
    public static func isBlank(_ tag: String) -> Bool {
        // A visible ASCII character stays: most tags are answered without tidying (a check asks
        // this of every tag of a million indicators).
        if tag.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F }) { return false }
        return tidy(tag).unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
    }

    /// `tag` with its white space trimmed, each run of it made one space, characters that show
    /// as a blank (a Hangul filler, a blank Braille pattern) taken for spaces, and those that show
    /// as nothing removed (format characters such as a zero-width space or a soft hyphen, and
    /// every other default-ignorable one: variation selectors, the combining grapheme joiner):
    /// how the editing commands write a tag they are given.
    public static func tidy(_ tag: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in tag.unicodeScalars {
            if blanks.contains(scalar.value) {
                scalars.append(" ")
            } else if scalar.properties.generalCategory != .format, !scalar.properties.isDefaultIgnorableCodePoint {
                scalars.append(scalar)
            }
        }
        return String(scalars).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Characters that are no white space to Unicode but show as a blank one.
    private static let blanks: Set<UInt32> = [0x115F, 0x1160, 0x2800, 0x3164, 0xFFA0]

    /// True when ASCII `bytes` have white space other than single spaces between words.
    private static func hasUntidySpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasSpace = true
        for b in bytes {
            let isSpace = b == 0x20 || (0x09...0x0D).contains(b)
            if isSpace && (previousWasSpace || b != 0x20) { return true }
            previousWasSpace = isSpace
        }
        return previousWasSpace && !bytes.isEmpty
    }

    public static func contains(_ tags: [String], _ tag: String) -> Bool {
        let key = key(tag)
        return tags.contains { Self.key($0) == key }
    }

    /// `tags` with each tag once, as first written, and each one written again with the spelling
    /// it was first written in (`Blocked, blocked` keeps `Blocked`, and `blocked` repeats it).
    public static func once(_ tags: [String]) -> (kept: [String], repeats: [(first: String, again: String)]) {
        // Most lists are a few tags, none repeated (a check asks of a million): compared pairwise,
        // with no table.
        let keys = tags.map(key)
        if tags.count <= 8, !keys.indices.contains(where: { i in keys[..<i].contains(keys[i]) }) { return (tags, []) }
        var first: [String: String] = [:]
        var kept: [String] = []
        var repeats: [(first: String, again: String)] = []
        for (tag, key) in zip(tags, keys) {
            if let earlier = first[key] { repeats.append((earlier, tag)) } else { first[key] = tag; kept.append(tag) }
        }
        return (kept, repeats)
    }

    /// The tags `tag` lists with commas (`Blocked,Phishing`), when it seems a list rather than one
    /// name: without a quote (`misp-galaxy:threat-actor="Sofacy,APT28"`), and without a space
    /// after its commas (`Smith, Jones` may be one name) unless a part is a tag of `vocabulary`;
    /// nil when it is one tag.
    public static func listedParts(_ tag: String, vocabulary: Vocabulary?) -> [String]? {
        guard tag.contains(","), !tag.contains("\"") else { return nil }
        let parts = tag.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let isList = parts.contains { vocabulary?.definition(of: $0) != nil } || !tag.contains(", ")
        return parts.count > 1 && isList ? parts : nil
    }

    /// `tags` with `added` appended unless already present (in any case). Linear: an indicator
    /// with 100,000 tags must not make a merge quadratic.
    public static func union(_ tags: [String], _ added: [String]) -> [String] {
        guard !added.isEmpty else { return tags }
        var result = tags
        var keys = Set(tags.map(key))
        for tag in added where keys.insert(key(tag)).inserted { result.append(tag) }
        return result
    }
}
