/// Undoes defanging in UTF-8 bytes, remembering where each replacement was so that positions in the refanged
/// text can be mapped back to the original (for `extract`'s line and column).
///
/// Replacements:
/// - `[.]` `(.)` `{.}` `[dot]` `(dot)` `{dot}`, `\.` and the full stops a browser reads as dots (`。`, `．`,
///   `｡`, `﹒`, `․`) → `.`, between two name characters (`evil[.]example`); what shows as nothing (a
///   zero-width space, a soft hyphen) inside a name → nothing;
///   a single space on each side of a square or curly bracketed form is absorbed (`evil [.] example`);
/// - `[@]` `(@)` `{@}` `[at]` `(at)` `{at}` → `@`, after an address character and before a name character;
/// - `[:]` → `:`, `[::]` → `::`, `[://]` → `://`, `[/]` → `/`, `[//]` → `//`, after a name character or `:`
///   (`hxxp[:]//`, `2001:db8[::]5`);
/// - `hxxp`, `hxxps` (any case) → `http`, `https`, and `fxp` → `ftp`, at the start of a word (not after `/`,
///   `=`, `?`, `&`... inside a URL, unless that URL's own scheme was refanged) and before `://`, `[:]` or `[://]`;
/// - in `.value` mode only, ` dot ` → `.` between two name characters (in prose, "the dot com era" is no domain).
///
/// The context rules keep text that was not defanged intact: a Markdown checkbox, `(at)` in a sentence or
/// `a[.]` in a URL query do not change.
struct Refanger {
    enum Mode { case value, text }

    struct Replacement {
        /// Offset in the refanged bytes, and length of what was written there.
        var output: Int
        var outputLength: Int
        /// Offset and length of the defanged form in the original bytes.
        var input: Int
        var inputLength: Int
    }

    private(set) var output: [UInt8] = []
    private(set) var replacements: [Replacement] = []
    /// Where the output stands after the last scheme refanged (`hxxps://`); nil once that URL
    /// has ended.
    private var refangedSchemeEnd: Int?
    /// How far the output was found to be inside that URL (`isInsideRefangedURL`).
    private var urlLookedAtTo = 0

    /// Whether the output ends inside a URL whose scheme was refanged: there a `hxxp://` in the
    /// path or query whose host is defanged too was defanged by the same hand
    /// (`hxxps://redirect[.]example/?u=hxxp://evil[.]example/`), where elsewhere it may be text the
    /// URL carries (`http://hxxp:8080/hxxp://x`, which `defang` leaves as it is).
    private mutating func isInsideRefangedURL() -> Bool {
        guard let start = refangedSchemeEnd else { return false }
        // Each byte is looked at once however many candidates follow: up to where the last
        // look stopped, the URL was still going on.
        let from = max(start, urlLookedAtTo)
        if output[from...].contains(where: { $0 <= 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) {
            refangedSchemeEnd = nil
            return false
        }
        urlLookedAtTo = output.count
        return true
    }

    /// True when the bytes might hold a defanged form (one of `defangBytes`, an `x` only after
    /// an `h` or an `f`); text without any is returned unchanged.
    static func mayBeDefanged(_ bytes: IndicatorBytes.Bytes) -> Bool {
        defangBytes.withUnsafeBufferPointer { table in
            var previous: UInt8 = 0
            for byte in bytes {
                // An `x` starts a form only as the second letter of `hxxp` or `fxp` (any case):
                // the `x` of `example`, in nearly every address, does not.
                if table[Int(byte)], byte | 0x20 != UInt8(ascii: "x") || previous | 0x20 == UInt8(ascii: "h") || previous | 0x20 == UInt8(ascii: "f") {
                    return true
                }
                previous = byte
            }
            return false
        }
    }

    /// The bytes `mayBeDefanged` looks for, by value: a bracket, a backslash, the lead byte of a
    /// look-alike, the `x` of `hxxp` and `fxp`, or a blank before a form.
    private static let defangBytes: [Bool] = (0...255).map { formBytes[$0] || $0 == Int(IndicatorBytes.space) }

    /// What a look-alike character stands for.
    enum Lookalike {
        /// A dot to a browser (U+3002, U+FF0E, U+FF61, U+FE52, U+2024).
        case dot
        /// Nothing to a reader (U+200B-U+200F: zero-width spaces, joiners and direction marks;
        /// U+2060-U+2064: the word joiner and invisible operators; U+FEFF, U+00AD).
        case invisible
        /// A hyphen as word processors and PDFs write one (U+2010-U+2013, U+2212): in a CVE id
        /// (`CVE‑2024‑3094`) it is the id's own.
        case hyphen
        /// An at sign in its full-width or small form (U+FF20, U+FE6B), which NFKC, and so a
        /// mail client, reads as `@`.
        case at
    }

    /// Whether `bytes` (UTF-8) hold a full stop other than `.` that a browser reads as a host's
    /// dot (UTS 46 maps it to one: U+3002, U+FF0E, U+FF61, U+FE52, U+2024): a name written with
    /// one is live, where the other look-alikes, as `[.]` does, keep it from being followed.
    static func holdsBrowserDot(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.indices.contains { isBrowserDot(bytes, at: $0) }
    }

    /// Whether such a full stop starts at `i`.
    static func isBrowserDot(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 2 < bytes.count, bytes[i] == 0xE3 || bytes[i] == 0xEF || bytes[i] == 0xE2 else { return false }
        switch (bytes[i], bytes[i + 1], bytes[i + 2]) {
        case (0xE3, 0x80, 0x82), (0xEF, 0xBC, 0x8E), (0xEF, 0xBD, 0xA1), (0xEF, 0xB9, 0x92), (0xE2, 0x80, 0xA4): return true
        default: return false
        }
    }

    /// At `i`, a character a value may be written with that stands for another (`Lookalike`): its
    /// length in bytes, and which.
    static func lookalike(_ bytes: IndicatorBytes.Bytes, at i: Int) -> (length: Int, kind: Lookalike)? {
        guard i + 1 < bytes.count else { return nil }
        let (a, b) = (bytes[i], bytes[i + 1])
        switch (a, b) {
        case (0xC2, 0xAD), (0xCD, 0x8F), (0xD8, 0x9C): return (2, .invisible)  // soft hyphen, grapheme joiner, Arabic letter mark
        case (0xC2, 0xB7), (0xCE, 0x87), (0xDB, 0x94), (0xD6, 0x89): return (2, .dot)  // middle dots, Arabic and Armenian full stops
        default: break
        }
        guard i + 2 < bytes.count else { return nil }
        let c = bytes[i + 2]
        switch (a, b) {
        case (0xE3, 0x80): return c == 0x82 ? (3, .dot) : nil
        case (0xE3, 0x83): return c == 0xBB ? (3, .dot) : nil  // katakana middle dot
        case (0xEA, 0x98): return c == 0x8E ? (3, .dot) : nil  // Vai full stop
        case (0xE2, 0xB8): return c == 0xB3 ? (3, .dot) : nil  // raised dot
        case (0xE2, 0x8B): return c == 0x85 ? (3, .dot) : nil  // dot operator
        case (0xEF, 0xBC): return c == 0x8E ? (3, .dot) : c == 0xA0 ? (3, .at) : c == 0x8D ? (3, .hyphen) : nil
        case (0xEF, 0xBD): return c == 0xA1 || c == 0xA5 ? (3, .dot) : nil
        case (0xEF, 0xB9): return c == 0x92 ? (3, .dot) : c == 0xAB ? (3, .at) : c == 0xA3 ? (3, .hyphen) : nil
        case (0xEF, 0xBB): return c == 0xBF ? (3, .invisible) : nil
        case (0xEF, 0xB8): return (0x80...0x8F).contains(c) ? (3, .invisible) : nil  // variation selectors
        case (0xE1, 0x9E): return c == 0xB4 || c == 0xB5 ? (3, .invisible) : nil  // Khmer inherent vowels
        case (0xE1, 0xA0): return (0x8B...0x8F).contains(c) ? (3, .invisible) : nil  // Mongolian selectors and vowel separator
        case (0xE2, 0x80):
            if c == 0xA4 { return (3, .dot) }
            if (0x8B...0x8F).contains(c) { return (3, .invisible) }
            return (0x90...0x93).contains(c) ? (3, .hyphen) : nil
        case (0xE2, 0x81): return (0xA0...0xA4).contains(c) ? (3, .invisible) : nil
        case (0xE2, 0x88): return c == 0x92 ? (3, .hyphen) : c == 0x99 ? (3, .dot) : nil
        case (0xF3, 0xA0):  // tag characters, U+E0000-U+E007F
            return i + 3 < bytes.count && (c == 0x80 || c == 0x81) ? (4, .invisible) : nil
        default: return nil
        }
    }

    /// Whether the bytes at `i` are a full-width letter or digit (U+FF10-U+FF19, U+FF21-U+FF3A,
    /// U+FF41-U+FF5A).
    static func isFullWidthAlphanumeric(_ bytes: some Collection<UInt8>, at i: Int) -> Bool {
        let b = Array(bytes.dropFirst(i).prefix(3))
        guard b.count == 3, b[0] == 0xEF else { return false }
        return b[1] == 0xBC && ((0x90...0x99).contains(b[2]) || (0xA1...0xBA).contains(b[2])) || b[1] == 0xBD && (0x81...0x9A).contains(b[2])
    }

    static func endsFullWidthAlphanumeric(_ output: [UInt8]) -> Bool {
        output.count >= 3 && isFullWidthAlphanumeric(output, at: output.count - 3)
    }

    /// True when `output` ends with `CVE` or `CVE-` and a year, in any case, the `CVE` starting
    /// the text or a word of prose: where a look-alike hyphen is the id's. Anywhere else it stays
    /// as written: `2020–2024` in prose, and in a URL's path (`/cve‐2024‐3094-analysis`), where
    /// the server reads it as the character it is.
    static func endsCVEPart(_ output: [UInt8]) -> Bool {
        func isCVE(endingAt end: Int) -> Bool {
            end >= 3 && output[(end - 3)..<end].elementsEqual("cve".utf8) { IndicatorBytes.lower($0) == $1 }
                && (end == 3 || proseBreaks.contains(output[end - 4]))
        }
        let n = output.count
        if isCVE(endingAt: n) { return true }
        return n >= 8 && output[(n - 4)...].allSatisfy(IndicatorBytes.isDigit) && output[n - 5] == IndicatorBytes.hyphen && isCVE(endingAt: n - 5)
    }

    /// What may stand before a word of prose: blanks, brackets, quotes, `,` `;` and Markdown's marks.
    private static let proseBreaks = ByteSet(" \t\n\r([{\"'`,;*>|".utf8)

    /// Letters, digits, `-`, `_` and any non-ASCII byte: what can stand on either side of a dot in a name.
    @inline(__always) static func isNameByte(_ b: UInt8) -> Bool {
        IndicatorBytes.isAlphanumeric(b) || b == IndicatorBytes.hyphen || b == UInt8(ascii: "_") || b >= 0x80
    }

    /// What can end the user part of an address before `@`.
    @inline(__always) static func isAddressByte(_ b: UInt8) -> Bool {
        if isNameByte(b) { return true }
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "%"), UInt8(ascii: "!"), UInt8(ascii: "#"),
             UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "/"),
             UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "|"),
             UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return true
        default:
            return false
        }
    }

    init(_ bytes: IndicatorBytes.Bytes, mode: Mode) {
        output.reserveCapacity(bytes.count)
        let n = bytes.count
        var i = 0
        func byte(_ k: Int) -> UInt8? { k < n ? bytes[k] : nil }
        while i < n {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"):
                if let (length, replacement) = Self.bracketForm(bytes, at: i),
                   contextAllows(replacement, before: output.last, after: byte(i + length)) || endsDottedName(replacement, after: byte(i + length)) {
                    emit(replacement, from: i, length: length)
                    i += length
                    continue
                }
            case IndicatorBytes.space:
                // `evil [.] example`, `user [at] evil [dot] example`
                if i + 1 < n, bytes[i + 1] != UInt8(ascii: "("), let (length, replacement) = Self.bracketForm(bytes, at: i + 1),
                   replacement.utf8Start[0] == IndicatorBytes.dot || replacement.utf8Start[0] == IndicatorBytes.at {
                    var end = i + 1 + length
                    if byte(end) == IndicatorBytes.space { end += 1 }
                    if end > i + 1 + length || byte(end).map(Self.isNameByte) == true,
                       contextAllows(replacement, before: output.last, after: byte(end)) {
                        emit(replacement, from: i, length: end - i)
                        i = end
                        continue
                    }
                }
                if mode == .value && IndicatorBytes.matches(bytes, at: i, " dot "),
                   let last = output.last, Self.isNameByte(last), byte(i + 5).map(Self.isNameByte) == true {
                    emit(".", from: i, length: 5)
                    i += 5
                    continue
                }
            case _ where Self.lookalikeLeads.contains(b):
                // The full stops IDNA reads as dots (`evil。example`, `evil．example`): a browser goes
                // to `evil.example`; the full-width at sign (`victim＠evil.example`); and what shows
                // as nothing inside a name (a zero-width space, a soft hyphen), which a reader does
                // not see. Between ASCII names only: in Chinese or Japanese prose `。` ends a sentence.
                // A full stop between full-width letters or digits too (`ｅｖｉｌ．ｅｘａｍｐｌｅ`),
                // which a browser maps to ASCII (UTS #46) as `DomainName` does.
                if let (length, kind) = Self.lookalike(bytes, at: i), let last = output.last, let next = byte(i + length),
                   last < 0x80 && next < 0x80 || kind == .dot && (Self.endsFullWidthAlphanumeric(output) || Self.isFullWidthAlphanumeric(bytes, at: i + length)) {
                    if kind == .at {
                        guard Self.isAddressByte(last) && Self.isNameByte(next) else { break }
                        emit("@", from: i, length: length)
                        i += length
                        continue
                    }
                    let isDot = kind == .dot
                    // A look-alike hyphen is the id's own in a CVE, and a name's in a host name (a
                    // reader sees `evil‐canary.example`); in a URL's path the server reads it as
                    // the character it is.
                    if kind == .hyphen ? Self.endsCVEPart(output) && IndicatorBytes.isDigit(next)
                        || IndicatorBytes.isAlphanumeric(last) && IndicatorBytes.isAlphanumeric(next) && Self.endsHostWord(output)
                        : (Self.isNameByte(last) || !isDot && last == IndicatorBytes.dot) && (Self.isNameByte(next) || !isDot && next == IndicatorBytes.dot) {
                        emit(kind == .hyphen ? "-" : isDot ? "." : "", from: i, length: length)
                        i += length
                        continue
                    }
                }
            case UInt8(ascii: "\\"):
                if byte(i + 1) == IndicatorBytes.dot, contextAllows(".", before: output.last, after: byte(i + 2)) {
                    emit(".", from: i, length: 2)
                    i += 2
                    continue
                }
            case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "f"), UInt8(ascii: "F"):
                let startsWord = output.last.map(Self.startsScheme) ?? true
                if startsWord || refangedSchemeEnd != nil, let (length, scheme) = Self.defangedScheme(bytes, at: i, encoded: !startsWord),
                   startsWord || Self.hostIsDefanged(bytes, after: i + length) && isInsideRefangedURL() {
                    emit(scheme, from: i, length: length)
                    i += length
                    refangedSchemeEnd = output.count
                    continue
                }
            default:
                break
            }
            output.append(b)
            i += 1
            // Up to the next byte that may start a defanged form nothing changes: copied at once
            // (a byte at a time was most of the time `check` spends on notes).
            var end = i
            if mode == .text {
                end = Self.nextFormStart(bytes, from: i)
            } else {
                while end < n && !Self.mayStartForm(bytes, at: end, mode: mode) { end += 1 }
            }
            if end > i {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                i = end
            }
        }
    }

    /// True where the loop above may replace something: a bracket or backslash, a space before a
    /// bracketed form (or before ` dot ` in `.value` mode), an `h` or `f` before an `x`. Anything
    /// else is copied as it is. (Spaces and the letters h and f are frequent in prose: looking one
    /// byte ahead keeps the copied runs long.)
    @inline(__always) private static func mayStartForm(_ bytes: IndicatorBytes.Bytes, at k: Int, mode: Mode) -> Bool {
        switch bytes[k] {
        case UInt8(ascii: "["), UInt8(ascii: "("), UInt8(ascii: "{"), UInt8(ascii: "\\"):
            return true
        case IndicatorBytes.space:
            guard k + 1 < bytes.count else { return false }
            let next = bytes[k + 1]
            if next == UInt8(ascii: "[") || next == UInt8(ascii: "{") { return true }
            return mode == .value && (next == UInt8(ascii: "d") || next == UInt8(ascii: "D"))
        case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return k + 1 < bytes.count && (bytes[k + 1] == UInt8(ascii: "x") || bytes[k + 1] == UInt8(ascii: "X"))
        case _ where lookalikeLeads.contains(bytes[k]):
            return lookalike(bytes, at: k) != nil
        default:
            return false
        }
    }

    /// In `.text` mode, the first place at or after `start` where `mayStartForm` holds, or the end.
    /// Found by looking for the rare bytes a form needs (`[`, `(`, `{`, a backslash, the `x` of `hxxp`
    /// and `fxp`, or the lead byte of a look-alike, `lookalike`) through a table, then stepping back to a space before `[` or `{` and to the
    /// `h` or `f` before `x`: a test of every byte for what may follow it was a jump per byte, most of
    /// the time notes take to scan.
    static func nextFormStart(_ bytes: IndicatorBytes.Bytes, from start: Int) -> Int {
        formBytes.withUnsafeBufferPointer { isFormByte in
            var k = start
            while k < bytes.count {
                guard isFormByte[Int(bytes[k])] else {
                    k += 1
                    continue
                }
                switch bytes[k] {
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    return k > start && bytes[k - 1] == IndicatorBytes.space ? k - 1 : k
                case UInt8(ascii: "x"), UInt8(ascii: "X"):
                    if k > start, mayStartForm(bytes, at: k - 1, mode: .text) { return k - 1 }
                    k += 1
                case _ where lookalikeLeads.contains(bytes[k]):
                    if lookalike(bytes, at: k) != nil { return k }
                    k += 1
                default:
                    return k
                }
            }
            return bytes.count
        }
    }

    /// The bytes `nextFormStart` stops at, by value.
    private static let formBytes: [Bool] = (0...255).map { "[({\\xX".utf8.contains(UInt8($0)) || lookalikeLeads.contains(UInt8($0)) }

    /// Whether `output` ends in a word with no `/` (a host name, not a path), looked at over its
    /// last 255 bytes at most, so a long line is read in linear time.
    static func endsHostWord(_ output: [UInt8]) -> Bool {
        for byte in output.reversed().prefix(255) {
            if byte == UInt8(ascii: "/") { return false }
            if byte <= 0x20 { return true }
        }
        return true
    }

    /// The lead bytes of the look-alikes `lookalike` knows.
    static let lookalikeLeads = ByteSet([0xC2, 0xCD, 0xCE, 0xD6, 0xD8, 0xDB, 0xE1, 0xE2, 0xE3, 0xEA, 0xEF, 0xF3])

    /// True when a scheme may start after `b`: not inside a word, path or query (`/?u=hxxp://` stays).
    static func startsScheme(after b: UInt8) -> Bool {
        if IndicatorBytes.isAlphanumeric(b) { return false }
        switch b {
        case UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "&"), UInt8(ascii: "%"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "#"),
             UInt8(ascii: "~"):
            return false
        default:
            return true
        }
    }

    /// A defanged scheme at `i` (`hxxps`, `hxxp`, `fxp`, before its separator): its length and
    /// the scheme. With `encoded`, the separator may be percent-encoded too (`hxxps%3A%2F%2F`,
    /// as a URL carried in another's query is written).
    private static func defangedScheme(_ bytes: IndicatorBytes.Bytes, at i: Int, encoded: Bool = false) -> (Int, StaticString)? {
        for (defanged, scheme) in [("hxxps", "https"), ("hxxp", "http"), ("fxp", "ftp")] as [(StaticString, StaticString)]
        where IndicatorBytes.matches(bytes, at: i, defanged) && (schemeSeparatorFollows(bytes, at: i + defanged.utf8CodeUnitCount)
            || encoded && IndicatorBytes.matches(bytes, at: i + defanged.utf8CodeUnitCount, "%3a%2f%2f")) {
            return (defanged.utf8CodeUnitCount, scheme)
        }
        return nil
    }

    /// Whether the host after the scheme separator at `i` holds a bracketed form (`evil[.]example`).
    private static func hostIsDefanged(_ bytes: IndicatorBytes.Bytes, after i: Int) -> Bool {
        var k = i
        while k < bytes.count {
            if IndicatorBytes.matches(bytes, at: k, "%3a") || IndicatorBytes.matches(bytes, at: k, "%2f") {
                k += 3
            } else if [UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]")].contains(bytes[k]) {
                k += 1
            } else {
                break
            }
        }
        while k < bytes.count, bytes[k] > 0x20, ![UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\"")].contains(bytes[k]) {
            // A form refang reads (`[.]`, `(dot)`), not any bracket (`x(1)`).
            if bracketForm(bytes, at: k) != nil { return true }
            k += 1
        }
        return false
    }

    /// `://`, `[:]` or `[://]` at `i`: what must follow `hxxp` for it to be a scheme.
    static func schemeSeparatorFollows(_ bytes: IndicatorBytes.Bytes, at i: Int) -> Bool {
        IndicatorBytes.matches(bytes, at: i, "://") || IndicatorBytes.matches(bytes, at: i, "[:]")
            || IndicatorBytes.matches(bytes, at: i, "[://]")
    }

    /// True when `[@]` between these bytes is refanged; `defang` writes `[@]` only where it is.
    static func refangsAt(before: UInt8?, after: UInt8?) -> Bool {
        guard let before, let after else { return false }
        return isAddressByte(before) && isNameByte(after)
    }

    private func contextAllows(_ replacement: StaticString, before: UInt8?, after: UInt8?) -> Bool {
        guard let before else { return false }
        switch replacement.utf8Start[0] {
        case IndicatorBytes.dot:
            return Self.isNameByte(before) && after.map(Self.isNameByte) == true
        case IndicatorBytes.at:
            return Self.refangsAt(before: before, after: after)
        default:
            return Self.isNameByte(before) || before == IndicatorBytes.colon
        }
    }

    /// A bracketed dot after a name of two labels or more, at the end of the text, a word or a
    /// URL's host (`evil[.]example[.]`, `hxxp://evil[.]example[.]/x`): the root's dot of a fully
    /// qualified name, which normalizing takes off.
    private func endsDottedName(_ replacement: StaticString, after: UInt8?) -> Bool {
        guard replacement.utf8Start[0] == IndicatorBytes.dot, let last = output.last, Self.isNameByte(last) else { return false }
        if let after, !(after <= 0x20 || after == UInt8(ascii: "/") || after == IndicatorBytes.colon) { return false }
        // The name: back over its labels and dots, to what comes before it.
        var start = output.count
        while start > 0, Self.isNameByte(output[start - 1]) || output[start - 1] == IndicatorBytes.dot { start -= 1 }
        guard output[start..<output.count].contains(IndicatorBytes.dot) else { return false }
        // After a `/` it is a URL's path (`/login.php[.]`), unless the `//` of its host.
        return start == 0 || output[start - 1] != UInt8(ascii: "/") || start >= 2 && output[start - 2] == UInt8(ascii: "/")
    }

    private mutating func emit(_ replacement: StaticString, from start: Int, length: Int) {
        let text = UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
        replacements.append(Replacement(output: output.count, outputLength: text.count, input: start, inputLength: length))
        output.append(contentsOf: text)
    }

    /// What may stand between brackets, and what it stands for.
    private static let bracketForms: [(StaticString, StaticString)] = [
        (".", "."), ("dot", "."), ("@", "@"), ("at", "@"), (":", ":"), ("::", "::"), ("://", "://"), ("/", "/"), ("//", "//"),
    ]

    /// A bracketed form at `i`: its length and what it stands for.
    static func bracketForm(_ bytes: IndicatorBytes.Bytes, at i: Int) -> (Int, StaticString)? {
        let close: UInt8
        switch bytes[i] {
        case UInt8(ascii: "["): close = UInt8(ascii: "]")
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        case UInt8(ascii: "{"): close = UInt8(ascii: "}")
        default: return nil
        }
        for (inner, replacement) in bracketForms {
            let length = inner.utf8CodeUnitCount
            if IndicatorBytes.matches(bytes, at: i + 1, inner), i + 1 + length < bytes.count, bytes[i + 1 + length] == close {
                return (length + 2, replacement)
            }
        }
        return nil
    }

    /// Offset in the original bytes of the refanged byte at `offset` (a replacement maps to its first byte).
    func inputOffset(of offset: Int) -> Int {
        var low = 0, high = replacements.count
        while low < high {
            let mid = (low + high) / 2
            if replacements[mid].output <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return offset }
        let r = replacements[low - 1]
        if offset < r.output + r.outputLength { return r.input }
        return r.input + r.inputLength + (offset - r.output - r.outputLength)
    }

    /// True when a replacement lies within `range` of the refanged bytes.
    func wasDefanged(_ range: Range<Int>) -> Bool {
        var low = 0, high = replacements.count
        while low < high {
            let mid = (low + high) / 2
            if replacements[mid].output < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < replacements.count && replacements[low].output < range.upperBound
    }
}
