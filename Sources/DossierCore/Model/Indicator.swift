import Foundation

/// One recorded indicator of a project (`indicators.json`).
public struct Indicator: Sendable, Hashable {
    /// Normal form when the value is valid for its type, else as written.
    public var value: String
    public var type: IndicatorType
    /// As written; nil means "implied by the tags, else unknown".
    public var classification: Classification?
    public var tags: [String]
    public var firstSeen: String?
    public var lastSeen: String?
    /// Internal provenance; never in public output.
    public var source: String?
    public var comment: String?
    /// Nil when the file does not say (which means not private).
    public var privateFlag: Bool?
    public var extra: [JSONObject.Member]
    /// Where the indicator was read; nil for one made in code.
    public var origin: Origin?

    public struct Origin: Sendable, Hashable {
        public var object: SourcePosition
        public var value: SourcePosition
        public var classification: SourcePosition?
        public var tags: SourcePosition?
    }

    public init(
        value: String, type: IndicatorType, classification: Classification? = nil, tags: [String] = [],
        firstSeen: String? = nil, lastSeen: String? = nil, source: String? = nil, comment: String? = nil,
        privateFlag: Bool? = nil, extra: [JSONObject.Member] = [], origin: Origin? = nil
    ) {
        self.value = value
        self.type = type
        self.classification = classification
        self.tags = tags
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.source = source
        self.comment = comment
        self.privateFlag = privateFlag
        self.extra = extra
        self.origin = origin
    }

    public var isPrivate: Bool { privateFlag ?? false }

    /// The tag of this indicator that keeps it out of public output (`private`, `do-not-publish`:
    /// `HidingKeys.isHidingTag`), as the loader reads it.
    public var hidingTag: String? { tags.first(where: HidingKeys.isHidingTag) }

    /// Written private when a tag of it hides it: an edit that gives it such a tag writes
    /// `"private": true` beside it, so the file says so in the one field dossier reads for it.
    public mutating func keepPrivateIfHidingTagged() {
        if privateFlag != true, hidingTag != nil { privateFlag = true }
    }

    /// Whether an internal output shows private material of this indicator, its tags aside
    /// (a private tag is the vocabulary's to say): it is private, or has a source.
    public var showsPrivateMaterial: Bool { isPrivate || source != nil }

    /// What identifies an indicator within and across projects.
    public var key: IndicatorKey { IndicatorKey(type: type, value: value) }

    /// The explicit classification, else the most severe one the vocabulary tags imply, else unknown.
    public func effectiveClassification(in vocabulary: Vocabulary) -> Classification {
        effectiveClassification(implied: vocabulary.impliedClassification(of: tags))
    }

    /// The same, given what the tags imply (`Vocabulary.impliedClassification(of:)`), for a caller
    /// that works it out once for many indicators with the same tags.
    public func effectiveClassification(implied: Classification?) -> Classification {
        Classification.effective(written: classification, implied: implied)
    }

    /// Canonical order: by type, then value (`ValueOrder`: addresses by number).
    public static func canonicalOrder(_ a: Indicator, _ b: Indicator) -> Bool {
        a.type != b.type ? a.type < b.type : ValueOrder.precedes(a.value, b.value, type: a.type)
    }

    /// The positions of `indicators` in canonical order. Fields are compared in place (a copy of
    /// an indicator retains and releases all of its strings), and a list already in order, as
    /// `dossier fmt` writes every file, is taken in one pass.
    public static func canonicalPositions(of indicators: [Indicator]) -> [Int] {
        // The numbers an address sorts by (`ValueOrder`), read once per value, not per comparison.
        let numbers = indicators.contains(where: \.type.sortsByNumber)
            ? indicators.map { $0.type.sortsByNumber ? ValueOrder.numbers(of: $0.value, type: $0.type) : nil } : []
        func precedes(_ a: Int, _ b: Int) -> Bool {
            let (typeA, typeB) = (indicators[a].type, indicators[b].type)
            guard typeA == typeB else { return typeA < typeB }
            return typeA.sortsByNumber
                ? ValueOrder.precedes(indicators[a].value, numbers[a], indicators[b].value, numbers[b])
                : utf8Precedes(indicators[a].value, indicators[b].value)
        }
        let positions = Array(indicators.indices)
        if positions.dropFirst().allSatisfy({ !precedes($0, $0 - 1) }) { return positions }
        return positions.sorted(by: precedes)
    }

    /// `indicators` in canonical order.
    public static func canonicallyOrdered(_ indicators: [Indicator]) -> [Indicator] {
        canonicalPositions(of: indicators).map { indicators[$0] }
    }
}

/// Type and normalized value: the identity of an indicator. Values compare as `String` compares
/// them (canonically equivalent letters alike), a URL by its spelling too
/// (`Indicators.urlSpellingKey`): `http://x.example/ü` and `http://x.example/%C3%BC`, as a feed
/// or a STIX file writes it, and a registry key or Windows path without regard to case
/// (`Indicators.windowsNameKey`), are one indicator for `check`, `lookup`, the reports'
/// correlations and the merges of `add`, `import` and `fmt --merge` alike.
public struct IndicatorKey: Sendable, Hashable, Comparable {
    public var type: IndicatorType
    public var value: String

    public init(type: IndicatorType, value: String) {
        self.type = type
        self.value = value
    }

    /// What a value of `type` is compared by: a URL's spelling key, a registry key's or Windows
    /// path's case-folded form, else the value. The key is taken of the URL's precomposed form, so
    /// that two values Swift deems equal (`é` precomposed or not next to an escape) have one key:
    /// equality and hashing must agree.
    public static func identity(of value: String, type: IndicatorType) -> String {
        if type == .registryKey || type == .filepath { return Indicators.windowsNameKey(value, type: type) ?? value }
        guard type == .url else { return value }
        // One pass decides: most URLs have neither a `%`, a letter outside ASCII nor a `/.`
        // (which may start a dot-segment, `Indicators.hasDotSegment`), and are their own identity
        // (a key is hashed with it, a million times per workspace).
        var isASCII = true
        var hasEscape = false
        var hasSlashDot = false
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if byte == UInt8(ascii: "%") { hasEscape = true }
            if byte == UInt8(ascii: ".") && previous == UInt8(ascii: "/") { hasSlashDot = true }
            previous = byte
        }
        guard !isASCII || hasEscape || hasSlashDot && Indicators.hasDotSegment(value) else { return value }
        let composed = isASCII ? value : value.precomposedStringWithCanonicalMapping
        return Indicators.urlSpellingKey(composed) ?? composed
    }

    /// Equal values (as Swift compares them) have one identity, so they are equal keys without
    /// working it out.
    public static func == (a: Self, b: Self) -> Bool {
        a.type == b.type && (a.value == b.value || a.type.hasSpellings && identity(of: a.value, type: a.type) == identity(of: b.value, type: b.type))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(Self.identity(of: value, type: type))
    }

    public static func < (a: Self, b: Self) -> Bool {
        a.type != b.type ? a.type < b.type : ValueOrder.precedes(a.value, b.value, type: a.type)
    }
}

/// Whether `a` sorts before `b` by their UTF-8 bytes, the order of canonical files: compared where
/// the bytes lie (a site orders a million values; the generic comparison went a byte at a time).
func utf8Precedes(_ a: String, _ b: String) -> Bool {
    let compared = a.utf8.withContiguousStorageIfAvailable { x in
        b.utf8.withContiguousStorageIfAvailable { y -> Bool in
            let common = min(x.count, y.count)
            let order = common == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, common)
            return order != 0 ? order < 0 : x.count < y.count
        }
    }
    return (compared ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
}
