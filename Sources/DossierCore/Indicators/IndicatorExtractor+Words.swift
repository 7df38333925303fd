/// Pass 3 of `IndicatorExtractor`: IP addresses, CIDR blocks, CVE ids, AS numbers, domains and hashes in the
/// words outside URLs and e-mail addresses.
extension IndicatorExtractor {
    /// Length of a word character at `k`: letters, digits, `.`, `-`, `_`, `:`, or a letter of any script.
    func wordCharacterLength(at k: Int) -> Int? {
        let b = bytes[k]
        if b < 0x80 {
            return IndicatorBytes.isAlphanumeric(b) || b == IndicatorBytes.dot || b == IndicatorBytes.hyphen || b == UInt8(ascii: "_")
                || b == IndicatorBytes.colon ? 1 : nil
        }
        guard let (scalar, length) = IndicatorBytes.scalar(bytes, at: k), IndicatorBytes.isWordScalar(scalar) else { return nil }
        return length
    }

    mutating func findWords() {
        // The table is taken once: read through its global at each byte, its lazy initialisation
        // was checked at each byte too.
        Self.asciiWordBytes.withUnsafeBufferPointer { findWords(kinds: $0) }
    }

    private mutating func findWords(kinds: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var claimIndex = 0
        var i = 0
        while i < n {
            if claimIndex < claimed.count && i >= claimed[claimIndex].lowerBound {
                i = max(i, claimed[claimIndex].upperBound)
                claimIndex += 1
                continue
            }
            let limit = claimIndex < claimed.count ? claimed[claimIndex].lowerBound : n
            guard wordCharacterLength(at: i) != nil else {
                i += bytes[i] < 0x80 ? 1 : (IndicatorBytes.scalar(bytes, at: i)?.1 ?? 1)
                continue
            }
            var end = i
            var separated = false
            while end < limit {
                let b = bytes[end]
                if b < 0x80 {
                    let kind = kinds[Int(b)]
                    guard kind != 0 else { break }
                    separated = separated || kind == Self.separator
                    end += 1
                } else {
                    guard let length = wordCharacterLength(at: end) else { break }
                    end += length
                }
            }
            if separated || end - i >= Self.shortestUnseparated || mayBeASNumber(i, end) { word(i..<end) }
            i = max(end, skipUntil)
        }
    }

    /// ASCII bytes of words by value: 0 none, 1 a letter, digit, `-` or `_`, `separator` for `.` and `:`.
    private static let asciiWordBytes: [UInt8] = (0..<128).map { value in
        let b = UInt8(value)
        if b == IndicatorBytes.dot || b == IndicatorBytes.colon { return separator }
        return IndicatorBytes.isAlphanumeric(b) || b == IndicatorBytes.hyphen || b == UInt8(ascii: "_") ? 1 : 0
    }
    private static let separator: UInt8 = 2

    /// Words without `.` or `:` shorter than this are prose to `word` (neither a CVE id nor a hash,
    /// and no address or domain without a dot or colon) unless they may be an AS number: most words
    /// of a note, which are then not looked at again.
    private static let shortestUnseparated = 13

    /// True when the word in `start..<end`, trimmed as `word` and `part` trim it, begins with `AS`,
    /// or with `as` or `asn` in any case and a digit (`asNumber`).
    private func mayBeASNumber(_ start: Int, _ end: Int) -> Bool {
        var k = start
        while k < end && Self.isTrimmable(bytes[k]) { k += 1 }
        guard k + 1 < end else { return false }
        if bytes[k] == UInt8(ascii: "A") && bytes[k + 1] == UInt8(ascii: "S") { return true }
        return digitsOfASNumber(at: k, end: end).map { $0 < end && IndicatorBytes.isDigit(bytes[$0]) } ?? false
    }

    /// Where the digits of an AS number written from `start` begin (after `as` or `asn`, in any
    /// case); nil when it does not start so.
    private func digitsOfASNumber(at start: Int, end: Int) -> Int? {
        // A letter's lower case is its byte with 0x20 set; no other byte gives `a`, `s` or `n`.
        guard end - start >= 2, bytes[start] | 0x20 == UInt8(ascii: "a"), bytes[start + 1] | 0x20 == UInt8(ascii: "s") else { return nil }
        return start + 2 < end && bytes[start + 2] | 0x20 == UInt8(ascii: "n") ? start + 3 : start + 2
    }

    static func isTrimmable(_ b: UInt8) -> Bool {
        b == IndicatorBytes.dot || b == IndicatorBytes.hyphen || b == UInt8(ascii: "_")
    }

    mutating func word(_ range: Range<Int>) {
        var start = range.lowerBound, end = range.upperBound
        // A leading `_` is emphasis when one closes the word too (`_evil.example_`); alone it
        // begins a name (`_dmarc.evil.example`).
        var last = end - 1
        while last > start && (bytes[last] == IndicatorBytes.dot || bytes[last] == IndicatorBytes.colon) { last -= 1 }
        let keepsUnderscore = bytes[last] != UInt8(ascii: "_") && bytes[start..<end].contains(IndicatorBytes.dot)
        while start < end {
            let b = bytes[start]
            if b == UInt8(ascii: "_") && keepsUnderscore { break }
            if Self.isTrimmable(b) || b == IndicatorBytes.colon && !(start + 1 < end && bytes[start + 1] == IndicatorBytes.colon) {
                start += 1
            } else {
                break
            }
        }
        while end > start {
            let b = bytes[end - 1]
            if Self.isTrimmable(b) || b == IndicatorBytes.colon && !(end - 2 >= start && bytes[end - 2] == IndicatorBytes.colon) {
                end -= 1
            } else {
                break
            }
        }
        guard start < end else { return }
        let followedBySlash = end == range.upperBound && end < bytes.count && bytes[end] == IndicatorBytes.slash
        var colons = 0
        for k in start..<end where bytes[k] == IndicatorBytes.colon { colons += 1 }
        if colons >= 2, let address = ipv6(start..<end) {
            emitAddress(address, start: start, end: end, followedBySlash: followedBySlash)
            return
        }
        var partStart = start
        for k in start...end where k == end || bytes[k] == IndicatorBytes.colon {
            part(partStart..<k, followedBySlash: followedBySlash && k == end)
            partStart = k + 1
        }
    }

    /// An IPv6 address as an analyst writes one: valid, and when `::` is used, with a digit and two groups.
    func ipv6(_ range: Range<Int>) -> String? {
        guard case .success(let address) = IPv6Address.parse(bytes, range) else { return nil }
        var compressed = false, digit = false, groups = 0
        var inGroup = false
        for k in range {
            let b = bytes[k]
            if b == IndicatorBytes.colon {
                if k > range.lowerBound && bytes[k - 1] == IndicatorBytes.colon { compressed = true }
                inGroup = false
            } else {
                if IndicatorBytes.isDigit(b) { digit = true }
                if !inGroup { groups += 1; inGroup = true }
            }
        }
        if compressed && (!digit || groups < 2) { return nil }
        return address.description
    }

    mutating func emitAddress(_ address: String, start: Int, end: Int, followedBySlash: Bool) {
        if followedBySlash {
            var k = end + 1
            while k < bytes.count && k - end <= 4 && IndicatorBytes.isDigit(bytes[k]) { k += 1 }
            let boundary = k == bytes.count || !(IndicatorBytes.isAlphanumeric(bytes[k]) || bytes[k] == IndicatorBytes.slash)
            if k > end + 1 && k - end <= 4 && boundary,
               case .success(let block) = CIDRBlock.parse(bytes, start..<k) {
                found.append(Found(start: start, end: k, type: .cidr, value: block.description))
                skipUntil = k
                return
            }
        }
        found.append(Found(start: start, end: end, type: address.utf8.contains(IndicatorBytes.colon) ? .ipv6 : .ipv4, value: address))
    }

    /// One part of a word between colons.
    mutating func part(_ range: Range<Int>, followedBySlash: Bool) {
        var start = range.lowerBound, end = range.upperBound
        // `word` kept a leading `_` that begins a name (`_dmarc.evil.example`).
        while start < end && Self.isTrimmable(bytes[start]) && bytes[start] != UInt8(ascii: "_") { start += 1 }
        while end > start && Self.isTrimmable(bytes[end - 1]) { end -= 1 }
        // After a percent sign, the escape's two digits are no part of the name
        // (`?u=https%3A%2F%2Fevil.example` names `evil.example`, not `2fevil.example`).
        if start > 0, bytes[start - 1] == UInt8(ascii: "%"), end - start > 2,
           IndicatorBytes.hexValue(bytes[start]) != nil, IndicatorBytes.hexValue(bytes[start + 1]) != nil {
            start += 2
        }
        guard start < end else { return }
        let count = end - start
        if count >= 13 && IndicatorBytes.matches(bytes, at: start, "cve-") {
            if case .success(let cve) = Indicators.normalizeCVE(IndicatorBytes.string(bytes, start..<end)) {
                found.append(Found(start: start, end: end, type: .cve, value: cve))
            }
            return
        }
        if asNumber(start, end) { return }
        if IndicatorBytes.all(bytes, start..<end, { IndicatorBytes.isDigit($0) || $0 == IndicatorBytes.dot }) {
            var dots = 0
            for k in start..<end where bytes[k] == IndicatorBytes.dot { dots += 1 }
            if dots == 3, case .success = IPv4Address.parse(bytes, start..<end) {
                if followsVersionWord(start) {
                    // A product's version in a user agent (`Chrome/120.0.0.0`) is plainly one.
                    if bytes[start - 1] != IndicatorBytes.slash {
                        versionNumbers.append(Found(start: start, end: end, type: .ipv4, value: IndicatorBytes.string(bytes, start..<end)))
                    }
                } else {
                    emitAddress(IndicatorBytes.string(bytes, start..<end), start: start, end: end,
                                followedBySlash: followedBySlash && end == range.upperBound)
                }
            }
            return
        }
        if addressRange(start, end) { return }
        if bytes[start..<end].contains(IndicatorBytes.dot) && domain(start, end) { return }
        // The shortest hash is 32 digits: most words of prose are shorter and stop here.
        if count >= 32 { hashes(start, end) }
    }

    /// `AS64500`, `ASN64500`, `as64500` or `AS 64500` (as `add` and `lookup` read them); in lower
    /// case, four digits or more; with a space, upper-case `AS` and at least three digits, so that
    /// the English word "as" does not count.
    mutating func asNumber(_ start: Int, _ end: Int) -> Bool {
        guard var digits = digitsOfASNumber(at: start, end: end) else { return false }
        var last = end
        if digits == end {
            // `AS 64500`: the number is the next word.
            guard bytes[start] == UInt8(ascii: "A"), bytes[start + 1] == UInt8(ascii: "S"),
                end + 1 < bytes.count, bytes[end] == IndicatorBytes.space, IndicatorBytes.isDigit(bytes[end + 1]) else { return false }
            last = end + 1
            while last < bytes.count && IndicatorBytes.isDigit(bytes[last]) { last += 1 }
            // `such AS 2 SAMPLES`: a spaced number needs three digits (`AS 701`).
            if last - (end + 1) < 3 { return false }
            if last < bytes.count && (IndicatorBytes.isLetter(bytes[last]) || bytes[last] == IndicatorBytes.dot && last + 1 < bytes.count
                && IndicatorBytes.isDigit(bytes[last + 1])) {
                return false
            }
            digits = end + 1
        } else if !IndicatorBytes.all(bytes, digits..<end, IndicatorBytes.isDigit) {
            return false
        } else if !(bytes[start] == UInt8(ascii: "A") && bytes[start + 1] == UInt8(ascii: "S")) && end - digits < 4 {
            // `asn1`, `as3`, `as400` are a library, a language, a computer: in lower case, an AS
            // number has four digits or more (a private one five).
            return false
        }
        guard last - digits <= 10, case .success(let asn) = Indicators.normalizeASN(IndicatorBytes.string(bytes, digits..<last)) else {
            return false
        }
        found.append(Found(start: start, end: last, type: .asn, value: asn))
        skipUntil = last
        return true
    }

    /// A range of addresses written without blanks (`10.1.1.1-10.1.1.9`, as firewall rules and
    /// advisories write them): both ends, as the spaced spelling (`10.1.1.1 - 10.1.1.9`) gives
    /// them. True when the word is one.
    mutating func addressRange(_ start: Int, _ end: Int) -> Bool {
        guard let dash = bytes[start..<end].firstIndex(of: UInt8(ascii: "-")),
              IndicatorBytes.all(bytes, start..<end, { IndicatorBytes.isDigit($0) || $0 == IndicatorBytes.dot || $0 == UInt8(ascii: "-") }),
              case .success = IPv4Address.parse(bytes, start..<dash), case .success = IPv4Address.parse(bytes, dash + 1..<end) else { return false }
        found.append(Found(start: start, end: dash, type: .ipv4, value: IndicatorBytes.string(bytes, start..<dash)))
        found.append(Found(start: dash + 1, end: end, type: .ipv4, value: IndicatorBytes.string(bytes, dash + 1..<end)))
        return true
    }

    /// True when the dotted quad at `start` reads as a version or a section's number: after
    /// "version", "FileVersion" or "ProductVersion" (`version 1.2.3.4`, `**Version:** 1.2.3.4`),
    /// right after "ver", "v" or "build" (`build 1.2.3.4`), after a browser's product token
    /// (`Chrome/120.0.0.0`), or after "section", "§", "clause", "chapter" or "appendix" (an RFC's
    /// `section 4.2.1.1`).
    func followsVersionWord(_ start: Int) -> Bool {
        // A browser's version in a user agent (`Chrome/120.0.0.0`, `Version/17.0.1.2`).
        if start > 1, bytes[start - 1] == IndicatorBytes.slash {
            var k = start - 1
            while k > 0 && start - 1 - k < 15 && IndicatorBytes.isLetter(bytes[k - 1]) { k -= 1 }
            if (k == 0 || !IndicatorBytes.isAlphanumeric(bytes[k - 1])) && Self.productTokens.contains(IndicatorBytes.lowercased(bytes, k..<start - 1)) {
                return true
            }
        }
        guard let (word, plain) = label(before: start) else { return false }
        // "version" and the kinds a file's metadata names (FileVersion, ProductVersion); not
        // "versions", after which a list may hold anything (`hosts across versions: 192.0.2.10`),
        // nor "diversion" or "conversion". Not after "build" or "v" set apart by markup: they
        // name hosts and shares as often (`the build (198.18.7.11) host`), nor "section" (`the DMZ
        // section (10.0.0.5)`). An address read as a
        // version is not defanged: the words are few.
        switch word {
        case "version", "fileversion", "productversion": return true
        case "ver", "v", "build", "section", "sections", "§", "clause", "chapter", "appendix": return plain
        default: return false
        }
    }

    /// The word of letters (or `§`) just before `start` in lower case, as a label before its
    /// value, with what may stand between them: blanks, `:`, `=`, `.` (`plain`), or also the
    /// markup around a label or a value (`**Version:** 10.0.0.12`, `"version": "10.0.0.13"`,
    /// `| version | 10.0.0.9`, `<version>9.8.7.6`, `` Version: `10.0.0.14` ``). Nil when a digit
    /// or letter is glued to it, or a sentence ends between them (`the last version. 10.0.0.1 was`).
    func label(before start: Int) -> (word: String, plain: Bool)? {
        var k = start
        var plain = true
        while k > 0 && start - k < 6 && Self.betweenLabelAndValue.contains(bytes[k - 1]) {
            if !Self.betweenWordAndNumber.contains(bytes[k - 1]) { plain = false }
            if bytes[k - 1] == IndicatorBytes.dot && (bytes[k] == UInt8(ascii: " ") || bytes[k] == UInt8(ascii: "\t")) { return nil }
            k -= 1
        }
        plain = plain && start - k <= 3
        // `§` (U+00A7), two bytes in UTF-8.
        if k > 1, bytes[k - 2] == 0xC2, bytes[k - 1] == 0xA7 { return ("§", plain) }
        let wordEnd = k
        while k > 0 && wordEnd - k <= 16 && IndicatorBytes.isLetter(bytes[k - 1]) { k -= 1 }
        if k > 0 && IndicatorBytes.isAlphanumeric(bytes[k - 1]) { return nil }
        return (IndicatorBytes.lowercased(bytes, k..<wordEnd), plain)
    }

    /// What may stand between a label and its value (`followsVersionWord`).
    static let betweenLabelAndValue: Set<UInt8> = Set(" \t:=.*_`\"'|([>".utf8)
    /// What may stand between any version word and its number.
    static let betweenWordAndNumber: Set<UInt8> = Set(" \t:=.".utf8)

    /// The product tokens of browsers' user agents, whose versions look like addresses.
    static let productTokens: Set<String> = [
        "mozilla", "applewebkit", "chrome", "chromium", "crios", "safari", "version", "firefox", "fxios", "gecko", "edg", "edge",
        "opr", "opera", "trident", "yabrowser", "samsungbrowser", "ucbrowser", "vivaldi", "brave",
    ]

    mutating func domain(_ start: Int, _ end: Int) -> Bool {
        guard case .success(let name) = DomainName.normalize(IndicatorBytes.string(bytes, start..<end)),
              let topLevel = Indicators.topLevel(of: name), Indicators.topLevelDomains.contains(topLevel) else { return false }
        if !refanger.wasDefanged(start..<end), Self.codeShape(bytes, start, end) != nil { return false }
        found.append(Found(start: start, end: end, type: .domain, value: name))
        return true
    }

    /// How a dotted word reads as code or a file name rather than as a host name.
    enum CodeShape {
        /// `this.name`, `window.open`: a first label of `codeReceivers`.
        case afterReceiver
        /// `README.md`, `setup.zip`: a top-level domain that is mostly a file extension.
        case fileName
        /// `obj.call(`.
        case call
        /// `System.Net`: lower-case letters, and an upper-case one in the top-level label.
        case mixedCase
    }

    /// The code shape of the dotted word `start..<end` of `bytes`, or nil when it reads as a host
    /// name. The word pass takes a name of such a shape for a domain only when it was defanged;
    /// the leak check looks up such names all the same (`Indicators.embeddedValues`). Told by
    /// bytes: every dotted word of a text is asked.
    static func codeShape(_ bytes: IndicatorBytes.Bytes, _ start: Int, _ end: Int) -> CodeShape? {
        guard let firstDot = bytes[start..<end].firstIndex(of: IndicatorBytes.dot),
              let lastDot = bytes[start..<end].lastIndex(of: IndicatorBytes.dot) else { return nil }
        if (4...8).contains(firstDot - start), codeReceivers.contains(IndicatorBytes.lowercased(bytes, start..<firstDot)) { return .afterReceiver }
        // The longest such extension is four letters.
        if end - lastDot <= 5, Indicators.fileExtensionTopLevels.contains(IndicatorBytes.lowercased(bytes, lastDot + 1..<end)) { return .fileName }
        if end < bytes.count && bytes[end] == UInt8(ascii: "(") { return .call }
        if bytes[start..<end].contains(where: IndicatorBytes.isLower) && bytes[lastDot..<end].contains(where: IndicatorBytes.isUpper) { return .mixedCase }
        return nil
    }

    /// Whole runs of exactly 32, 40, 64 or 128 hex digits (not all decimal) between non-word characters.
    mutating func hashes(_ start: Int, _ end: Int) {
        var k = start
        while k < end {
            while k < end && !Self.isHashWordByte(bytes[k]) { k += 1 }
            let runStart = k
            var allHex = true, allDecimal = true
            while k < end && Self.isHashWordByte(bytes[k]) {
                if IndicatorBytes.hexValue(bytes[k]) == nil { allHex = false }
                if !IndicatorBytes.isDigit(bytes[k]) { allDecimal = false }
                k += 1
            }
            if allHex && !allDecimal, let type = Indicators.hashType(hexDigits: k - runStart) {
                let hash = Found(start: runStart, end: k, type: type, value: IndicatorBytes.lowercased(bytes, runStart..<k))
                // A git commit's id (`commit 3f78...`, `fixed in rev 3f78...`) is no file's hash.
                if let (word, _) = label(before: runStart), Self.commitWords.contains(word) {
                    versionNumbers.append(hash)
                } else {
                    found.append(hash)
                }
            }
        }
    }

    /// What names a version control system's commit, whose id looks like a SHA-1 or SHA-256.
    static let commitWords: Set<String> = ["commit", "commits", "revision", "rev", "changeset"]

    static func isHashWordByte(_ b: UInt8) -> Bool { IndicatorBytes.isAlphanumeric(b) || b == UInt8(ascii: "_") }
}
