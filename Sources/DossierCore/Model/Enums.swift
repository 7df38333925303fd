/// PassiveTotal's four classifications. Declaration order is report order.
public enum Classification: String, CaseIterable, Sendable, Codable, Hashable {
    case malicious
    case suspicious
    case unknown
    case nonMalicious = "non-malicious"

    /// How alarming a classification is: when tags imply several, the most severe wins
    /// (malicious > suspicious > unknown > non-malicious).
    public var severity: Int {
        switch self {
        case .malicious: 3
        case .suspicious: 2
        case .unknown: 1
        case .nonMalicious: 0
        }
    }

    /// True when the team has decided something: `unknown` means not assessed yet, which no
    /// decision elsewhere contradicts.
    public var isDecision: Bool { self != .unknown }

    /// True when the decisions among `classifications` disagree (`unknown` left aside). Asked of
    /// every value recorded more than once: told without a set.
    public static func disagree(_ classifications: some Sequence<Classification>) -> Bool {
        var first: Classification?
        for classification in classifications where classification.isDecision {
            if let first, first != classification { return true }
            first = first ?? classification
        }
        return false
    }

    /// What an indicator is classified as: as `written`, else as its tags imply, else unknown.
    public static func effective(written: Classification?, implied: Classification?) -> Classification {
        written ?? implied ?? .unknown
    }

    /// True when going from `self` to `other` makes a threat less of one: a malicious or
    /// suspicious indicator now anything but malicious (it leaves the blocklists made of it),
    /// which the editing commands name in a warning.
    public func isLowered(to other: Classification) -> Bool {
        (self == .malicious || self == .suspicious) && other != .malicious && other != self
    }

    /// Report order: malicious, suspicious, unknown, non-malicious.
    public var reportRank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Title-case label for reports ("Non-malicious").
    public var label: String {
        switch self {
        case .malicious: "Malicious"
        case .suspicious: "Suspicious"
        case .unknown: "Unknown"
        case .nonMalicious: "Non-malicious"
        }
    }
}

/// Traffic Light Protocol 2.0.
public enum TLP: String, CaseIterable, Sendable, Codable, Hashable {
    case clear, green, amber
    case amberStrict = "amber+strict"
    case red

    /// As written on a banner: `TLP:AMBER+STRICT`.
    public var label: String { "TLP:" + rawValue.uppercased() }

    /// A level as tags and markings name it, any case: `tlp:amber`, `AMBER+STRICT`, `Traffic
    /// Light Protocol: RED`, and `white` (TLP 1.0's clear).
    /// A stray invisible character or a full-width letter (`tlp:amber` with a zero-width space)
    /// does not hide a marking: the name is compared as tags are.
    public init?(named name: String) {
        // `TLP: RED`, with a blank after the colon (a no-break space, a Hangul filler: spaces to
        // Tag.key); `TLP RED`, `TLP-RED` as a marking is written on a cover page; `[TLP:RED]` in
        // brackets, `TLP2:RED` or `tlp=red` as other tools tag.
        var key = Substring(Self.withShortName(Tag.key(name)))
        if let first = key.first, let last = key.last, Self.enclosing[first] == last, key.count > 2 {
            key = key.dropFirst().dropLast()
        }
        // Dotted (`T.L.P.:RED`), or the level first (`Amber (TLP)`, `RED TLP`), as cover pages
        // write it.
        key = Self.undotted(key)
        for suffix in [" (tlp)", "(tlp)", " tlp"] where key.hasSuffix(suffix) && key.count > suffix.count {
            key = key.dropLast(suffix.count)
            break
        }
        if key.hasPrefix("tlp") {
            var rest = key.dropFirst(3)
            for version in ["v2.0", "v2", "2.0", "2"] where rest.hasPrefix(version) {
                rest = rest.dropFirst(version.count)
                break
            }
            if let next = rest.first, Self.labelSeparators.contains(next) || next == "=" {
                key = rest.drop { Self.labelSeparators.contains($0) || $0 == "=" }
            }
        }
        // `amber-strict`, `amber strict`: AMBER+STRICT as its label is also written.
        if key.hasPrefix("amber"), ["-strict", " strict", "_strict", "strict"].contains(key.dropFirst(5)) { key = "amber+strict" }
        self.init(rawValue: key == "white" ? "clear" : String(key))
    }

    /// The opening and closing bytes of `enclosing`, told apart without making a `Character` of
    /// every tag's.
    private static let openings = ByteSet("[({\"'".utf8)
    private static let closings = ByteSet("])}\"'".utf8)

    /// Brackets and quotes a marking may be written in (`[TLP:AMBER]`), by their opening one.
    private static let enclosing: [Character: Character] = ["[": "]", "(": ")", "{": "}", "\"": "\"", "'": "'"]

    /// `text` (lower-cased) with the protocol's long name written as its short one: `traffic
    /// light protocol: red` and `traffic light protocol (tlp): red` as `tlp: red`, as some
    /// vendors' reports and government advisories mark themselves.
    static func withShortName(_ text: String) -> String {
        guard text.contains(longName) else { return text }
        return text.replacingOccurrences(of: longName + " (tlp)", with: "tlp").replacingOccurrences(of: "tlp (" + longName + ")", with: "tlp")
            .replacingOccurrences(of: longName, with: "tlp")
    }

    /// `key` (lower-cased) with a dotted short name (`t.l.p.:red`) written `tlp` (`tlp:red`).
    static func undotted(_ key: Substring) -> Substring {
        key.hasPrefix("t.l.p") ? "tlp" + key.dropFirst(5).drop { $0 == "." } : key
    }

    /// What separates `TLP` from its level (`TLP:RED`, `TLP RED`, `TLP-RED`, `TLP/RED`).
    static let labelSeparators: Set<Character> = [":", " ", "\t", "-", "_", "/"]

    /// The protocol's long name, lower-cased.
    static let longName = "traffic light protocol"

    /// The most restrictive level the `tlp:` tags among `tags` name (data imported with its
    /// marking keeps it as a tag); nil when none does. A marking dossier cannot read
    /// (`tlp:unclear`, `tlp:ambr`) counts as the level `levelOfUnreadMarking` reads it as, as the
    /// import that warned of it said: reports and exports mark it so too.
    public static func marked(by tags: [String]) -> TLP? {
        var strictest: TLP?
        // Byte by byte, no lower-cased copy: a site asks this of every tag of every indicator.
        for tag in tags where mayName(tag) {
            if let level = TLP(named: tag) ?? levelOfUnreadMarking(tag), strictest.map({ level > $0 }) ?? true { strictest = level }
        }
        return strictest
    }

    /// The tag among `tags` that marks them at `marked(by:)`'s level, as written, and how it is
    /// read when that is not what it says (`tlp:ambr (read as TLP:RED)`): what a message names.
    public static func markingTag(among tags: [String]) -> String? {
        guard let level = marked(by: tags), let tag = tags.first(where: { marked(by: [$0]) == level }) else { return nil }
        return TLP(named: tag) == nil ? "\(tag) (read as \(level.label))" : tag
    }

    /// For a tag written as a TLP marking that `init(named:)` cannot read (`tlp:"red"`, `TLP: RED.`,
    /// `tlp:ambr`, `tlp:unclear`): the strictest level it names as a word, else RED, since who
    /// wrote it meant to restrict the data; nil for any other tag. `tlp:ex:chr` (the Chatham House
    /// Rule, beside a level) restricts no value.
    public static func levelOfUnreadMarking(_ tag: String) -> TLP? {
        guard mayName(tag), TLP(named: tag) == nil else { return nil }
        // As `init(named:)` reads it: `tlp` and a separator, in brackets or not.
        let key = undotted(withShortName(Tag.key(tag)).drop { enclosing[$0] != nil })
        // A colon or `=` as a tag's namespace has it: `tlp-red.example` or `tlp_team` is a name.
        guard key.hasPrefix("tlp"), let separator = key.dropFirst(3).first, separator == ":" || separator == "=" else { return nil }
        guard !key.filter({ !$0.isWhitespace }).hasSuffix("ex:chr") else { return nil }
        let words = key.dropFirst(3).split { !$0.isLetter && $0 != "+" }
        return words.compactMap { TLP(rawValue: $0 == "white" ? "clear" : String($0)) }.max() ?? .red
    }

    /// False for a tag that is no TLP marking, told by its first bytes: after any blanks, neither
    /// `tlp` and a separator (a blank of any kind among them) nor the long name nor `t.l.p`, not
    /// ending `tlp` (a level written first, `RED TLP`, `[Amber (TLP)]`), and all ASCII
    /// (a letter outside it may be a full-width `ｔｌｐ`, or a blank of its own). A level alone
    /// (`amber`) is an ordinary tag.
    private static func mayName(_ tag: String) -> Bool {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        var tag = tag
        // Byte by byte in place: every tag of every indicator of a site is asked.
        return tag.withUTF8 { all in
            // After blanks and an opening bracket or quote (`[TLP:AMBER]`), before blanks and a
            // closing one (`[RED TLP]`; `(tlp)` below with its own).
            var (start, end) = (0, all.count)
            while start < end, isBlank(all[start]) { start += 1 }
            while start < end, openings.contains(all[start]) { start += 1 }
            while end > start, isBlank(all[end - 1]) || closings.contains(all[end - 1]) { end -= 1 }
            guard end - start > 4 else { return false }
            /// Whether `text` is written at `offset`, in any case.
            func written(_ text: StaticString, at offset: Int) -> Bool {
                offset >= start && offset + text.utf8CodeUnitCount <= end
                    && (0..<text.utf8CodeUnitCount).allSatisfy { all[offset + $0] | 0x20 == text.utf8Start[$0] }
            }
            let separator = all[start + 3]
            // `TLP:`, `TLP RED`, `tlp=red`, and `TLP2:`, `TLPv2:` as versions are written.
            let afterName = isBlank(separator) || Self.labelSeparators.contains(Character(Unicode.Scalar(separator)))
                || separator == UInt8(ascii: "=") || separator == UInt8(ascii: "2") || separator | 0x20 == UInt8(ascii: "v")
            return written("tlp", at: start) && afterName || written("traffic", at: start) || written("t.l.p", at: start)
                || written("tlp", at: end - 3) || all[start..<end].contains { $0 >= 0x80 }
        }
    }

    /// The level an internal output marks private material with at least (a private project,
    /// indicator, note or tag, a source): kept out of public output, it may not go "via publicly accessible
    /// channels", which is TLP:GREEN; never TLP:CLEAR, for the world.
    public static let privateMaterial = TLP.green

    /// The tag that marks data with this level, as MISP writes it: `tlp:amber`.
    public var tag: String { "tlp:" + rawValue }
}

/// The Permissible Actions Protocol (FIRST): what a recipient may do with data. Its RED allows
/// no action anyone could detect, and a public site is one: data so tagged is kept out of public
/// output, as data marked above TLP:CLEAR is.
public enum PAP {
    /// True for a `PAP:RED` tag, however spelled (`pap:red`, `PAP: RED`, `pap="red"`).
    public static func isRed(_ tag: String) -> Bool {
        // Asked of every tag of every public indicator: an ASCII one is told by its bytes.
        if let bytes = Tag.squeezedASCII(tag, dropping: "\"") {
            return bytes.lazy.map { $0 == UInt8(ascii: "=") ? UInt8(ascii: ":") : $0 }.elementsEqual("pap:red".utf8)
        }
        return Tag.key(tag).filter { !$0.isWhitespace && $0 != "\"" }.replacing("=", with: ":") == "pap:red"
    }

    /// True for a text that writes a PAP:RED label (`PAP:RED`, `pap: red`, `PAP/RED`, `pap-red`,
    /// `**PAP:** RED`, or capitalized `PAP RED`, `PAP Red`), as a report marks itself; not the
    /// words in prose (`the PAP red level`) or a red team (`PAP RED TEAM exercise`).
    public static func marksRed(_ text: String) -> Bool {
        // Emphasis markup around either word is no part of the label.
        let plain = text.contains(where: { $0 == "*" || $0 == "_" }) ? text.replacing("*", with: "").replacing("_", with: " ") : text
        if plain.contains(/(?i)\b(?:PAP|Permissible\s+Actions?\s+Protocol(?:\s*\(PAP\))?)\s*[:=\/\-\u{2013}\u{2014}]\s*"?RED\b/) { return true }
        return plain.contains(/\bPAP\s+R(?:ED|ed)\b(?!\s+(?i:team))/)
    }
}

/// Ordered by restriction: clear < green < amber < amber+strict < red.
extension TLP: Comparable {
    public static func < (a: TLP, b: TLP) -> Bool { a.restriction < b.restriction }

    private var restriction: Int {
        switch self {
        case .clear: 0
        case .green: 1
        case .amber: 2
        case .amberStrict: 3
        case .red: 4
        }
    }
}

/// Who may see a project, note or indicator.
public enum Visibility: String, CaseIterable, Sendable, Codable, Hashable {
    case `public`
    case `private`
}

public enum ProjectStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case open, closed
}

/// Who an output is made for (PRODUCT.md §2).
public enum Audience: String, CaseIterable, Sendable, Codable, Hashable {
    case `public`
    case `internal`
}

extension CaseIterable where Self: RawRepresentable, RawValue == String {
    /// "a, b or c", for messages listing the valid values.
    public static var choices: String {
        allCases.map { "\"\($0.rawValue)\"" }.listed("or")
    }
}
