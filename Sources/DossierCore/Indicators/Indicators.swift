/// The indicator engine: refang, detect, validate and normalize single values, and find indicators in text.
///
/// Everything here works on UTF-8 bytes without regular expressions, so that `normalize` and `detect` cost
/// well under a microsecond for a typical value, and `extract` is linear in the length of the text.
public enum Indicators {
    /// Validate `value` (already refanged) as `type` and return its normal form, or the reason it is invalid.
    ///
    /// A value already in normal form is returned as is (the same string), so `check` can compare cheaply.
    public static func normalize(_ value: String, as type: IndicatorType) -> Result<String, IndicatorProblem> {
        if value.isEmpty { return .failure(IndicatorProblem("the value is empty")) }
        if value.utf8.count > Limits.valueLength {
            return .failure(IndicatorProblem("the value is longer than \(Limits.valueLength) bytes"))
        }
        // An address written as a block of one (`198.51.100.42/32`) is that address.
        if type == .ipv4 || type == .ipv6, value.utf8.last == UInt8(ascii: "2") || value.utf8.last == UInt8(ascii: "8"),
           value.utf8.contains(IndicatorBytes.slash), let single = singleAddress(value) {
            return single.type == type ? normalize(single.value, as: type) : .failure(IndicatorProblem("'\(value)' is an \(single.type.rawValue) address"))
        }
        switch type {
        case .ipv4:
            return IPv4Address.parse(value).map { _ in value }
        case .ipv6:
            return IPv6Address.parse(value).map { address in
                let normal = address.description
                return normal == value ? value : normal
            }
        case .cidr:
            return CIDRBlock.parse(value).map { block in
                let normal = block.description
                return normal == value ? value : normal
            }
        case .domain:
            return DomainName.normalize(value)
        case .url:
            return URLIndicator.normalize(value).flatMap { notDefanged($0, written: value) }
        case .email:
            return EmailAddress.normalize(value).flatMap { notDefanged($0, written: value) }
        case .md5, .sha1, .sha256, .sha512, .x509Sha1:
            return normalizeHash(value, as: type, length: hexLength(of: type) ?? 0)
        case .asn:
            return normalizeASN(value)
        case .cve:
            return normalizeCVE(value)
        case .filename, .filepath, .registryKey, .mutex, .userAgent, .other:
            return normalizeFreeForm(value, as: type)
        }
    }

    /// The strict type of a bare, already refanged value, or nil when it fits none (free-form types are never
    /// guessed). 40 hex digits are a `sha1`, never an `x509-sha1`. A domain is detected only when its top-level
    /// label is a real one, so that `report.pdf` is not taken for a domain, and not a common file extension
    /// (`README.md`, `invoice.zip`): `parse` takes those for domains only when they were written defanged.
    public static func detect(_ value: String) -> IndicatorType? {
        detect(value, defanged: false)
    }

    /// `defanged`: the value was written defanged, so a name ending in a file extension (`kit[.]zip`) is meant
    /// as a domain.
    static func detect(_ value: String, defanged: Bool) -> IndicatorType? {
        let shape = ValueShape(value)
        if shape.isEmpty || shape.hasSpace && !shape.looksLikeASN { return nil }
        if shape.hasSchemeSeparator { return fits(value, .url) ? .url : nil }
        if shape.hasSlash { return fits(value, .cidr) ? .cidr : nil }
        if shape.hasAt {
            guard case .success(let email) = normalize(value, as: .email), hasKnownTopLevel(email) else { return nil }
            return .email
        }
        if shape.allHex, let hash = hashType(hexDigits: shape.count) { return hash }
        if shape.onlyDigitsAndDots { return fits(value, .ipv4) ? .ipv4 : nil }
        if shape.hasColon { return fits(value, .ipv6) ? .ipv6 : nil }
        if shape.looksLikeCVE { return fits(value, .cve) ? .cve : nil }
        if shape.looksLikeASN { return fits(value, .asn) ? .asn : nil }
        if shape.hasDot, case .success(let domain) = DomainName.normalize(value), let topLevel = topLevel(of: domain),
           topLevelDomains.contains(topLevel), defanged || !fileExtensionTopLevels.contains(topLevel) {
            return .domain
        }
        return nil
    }

    /// trim + refang + (detect when type is nil) + normalize.
    ///
    /// Values of a free-form type are only trimmed: refanging could change a path or registry key. When no type
    /// is given and nothing fits, the problem says what was wrong if the value looks like an attempt at one
    /// type (`999.1.1.1`, `foo..com`, 31 hex digits), and otherwise "cannot tell what kind of indicator 'x' is;
    /// give its type".
    public static func parse(_ input: String, as type: IndicatorType? = nil) -> Result<ParsedIndicator, IndicatorProblem> {
        let value = trimmed(input)
        let refanged = type?.isNetwork ?? true ? refang(value) : value
        if refanged.isEmpty { return .failure(IndicatorProblem("the value is empty")) }
        // An IPv6 address in the brackets a URL or a log writes it in (`[2001:db8::1]`).
        if type == nil || type == .ipv6, refanged.hasPrefix("["), refanged.hasSuffix("]"), refanged.utf8.count > 2,
           case .success(let address) = normalize(String(refanged.dropFirst().dropLast()), as: .ipv6) {
            return .success(ParsedIndicator(type: .ipv6, value: address))
        }
        if let type {
            return normalize(refanged, as: type).map { ParsedIndicator(type: type, value: $0) }
        }
        if let detected = detect(refanged, defanged: refanged != value) {
            let parsed = normalize(refanged, as: detected).map { ParsedIndicator(type: detected, value: $0) }
            if case .success(let block) = parsed, block.type == .cidr, let address = singleAddress(block.value) { return .success(address) }
            return parsed
        }
        return .failure(guessProblem(refanged))
    }

    /// The address a block of one address (`198.51.100.1/32`, `2001:db8::5/128`) is:
    /// written bare, that is what an analyst means, and what a lookup of the address finds.
    static func singleAddress(_ block: String) -> ParsedIndicator? {
        let isIPv6 = block.utf8.contains(IndicatorBytes.colon)
        let suffix = isIPv6 ? "/128" : "/32"
        guard block.hasSuffix(suffix) else { return nil }
        return ParsedIndicator(type: isIPv6 ? .ipv6 : .ipv4, value: String(block.dropLast(suffix.count)))
    }

    /// The other values a value of `type` shows whole, besides its host (`host(of:type:)`): the
    /// address a block of one address is (`192.0.2.130/32`; a wider block, `192.0.2.128/29`, is
    /// a network published on purpose, whatever address it is written with), the domain or
    /// address an e-mail address's local part is (`acme-corp.example@relay.example`), the
    /// address a reverse lookup's name is (`130.2.0.192.in-addr.arpa`).
    static func valuesShown(by value: String, type: IndicatorType) -> [ParsedIndicator] {
        switch type {
        case .cidr: singleAddress(value).map { [$0] } ?? []
        case .email: hostInLocalPart(of: value).map { [$0] } ?? []
        case .domain: reverseLookupAddress(value).map { [$0] } ?? []
        default: []
        }
    }

    /// The IPv4 address a reverse lookup's name writes backwards (`130.2.0.192.in-addr.arpa` is
    /// 192.0.2.130); nil for any other name.
    private static func reverseLookupAddress(_ name: String) -> ParsedIndicator? {
        guard name.hasSuffix(".in-addr.arpa") else { return nil }
        let labels = name.dropLast(".in-addr.arpa".count).split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count == 4, case .success(let address) = parse(labels.reversed().joined(separator: "."), as: .ipv4) else { return nil }
        return address
    }

    /// The domain or address an e-mail address's local part is (a forwarding alias), quotes
    /// taken off; nil for any other local part (`j.smith`).
    private static func hostInLocalPart(of email: String) -> ParsedIndicator? {
        guard let at = email.utf8.lastIndex(of: IndicatorBytes.at) else { return nil }
        var local = Substring(email[..<at])
        if local.count > 2, local.first == "\"", local.last == "\"" { local = local.dropFirst().dropLast() }
        guard local.utf8.contains(IndicatorBytes.dot) || local.utf8.contains(IndicatorBytes.colon),
              let type = detect(String(local)), [.domain, .ipv4, .ipv6].contains(type),
              case .success(let parsed) = parse(String(local), as: type) else { return nil }
        return parsed
    }

    /// For lookups: the host (domain or IP) a url or email points to, lower-cased; nil for other types.
    /// An IPv6 host is returned without brackets, in RFC 5952 form.
    public static func host(of value: String, type: IndicatorType) -> String? {
        switch type {
        case .url:
            return URLIndicator.host(of: value)
        case .email:
            guard let at = value.utf8.lastIndex(of: IndicatorBytes.at) else { return nil }
            let domain = value[value.utf8.index(after: at)...]
            return domain.isEmpty ? nil : domain.lowercased()
        default:
            return nil
        }
    }

    /// The hosts of the URLs a URL carries in its path or query (a redirector's `?u=https://evil.example/`).
    public static func embeddedHosts(of url: String) -> [String] {
        URLIndicator.embeddedHosts(of: url)
    }

    /// The indicators a URL carries after its host, escaped or not: a hash or an address in its
    /// path (`/gui/file/<sha256>`, `/host/192.0.2.1`), a URL in its query
    /// (`?url=https%3A%2F%2Fevil.example%2F`, as mail gateways rewrite links). A page showing the
    /// URL shows them; its own host and the URL itself are not among them.
    public static func carried(by url: String) -> [ExtractedIndicator] {
        carriedText(of: url).map(carried(inText:)) ?? []
    }

    /// The same, given what the URL carries (`carriedText(of:)`), for a caller that reads it too.
    public static func carried(inText text: String) -> [ExtractedIndicator] {
        // As written (a carried URL whole), and with the path's and query's separators made
        // spaces, so that a value between two of them (`/file/<hash>/`) stands as a word.
        let separated = String(decoding: text.utf8.map { carriedSeparators.contains($0) ? IndicatorBytes.space : $0 }, as: UTF8.self)
        var seen: Set<String> = []
        return (extract(from: text) + extract(from: separated)).filter { seen.insert($0.value).inserted }
    }

    /// The IPv4 address an IPv4-mapped IPv6 one stands for (`::ffff:192.0.2.1`, in normal form),
    /// else nil.
    public static func mappedIPv4(_ value: String) -> String? {
        guard value.utf8.count > 7, value.utf8.starts(with: "::ffff:".utf8) else { return nil }
        let tail = String(value.utf8.dropFirst(7))!
        guard case .success = IPv4Address.parse(tail) else { return nil }
        return tail
    }

    /// The text after a URL's host, each escape decoded (`%3A%2F%2F` is `://`, `+` a space), as
    /// a page or a redirector reads it; nil when too short to hold an indicator.
    public static func carriedText(of url: String) -> String? {
        URLIndicator.carriedText(of: url)
    }

    /// The host of a URL that names a site's root (`http://evil.example/`), lower-cased; nil for
    /// any other URL (with a user-info, path, query or fragment).
    public static func rootHost(of url: String) -> String? {
        URLIndicator.namesRoot(url) ? host(of: url, type: .url) : nil
    }

    /// Where a URL leads, however it is written: its host (lower-cased, without a final dot), its
    /// port unless the scheme's default, its path with backslashes read as slashes (as browsers
    /// read them) and without a final slash, and its query; without its scheme, user-info and
    /// fragment. `https://u@Paste.example:443/raw/1/#x`, `http://paste.example\raw\1` and
    /// `paste.example/raw/1` lead to one place, `paste.example/raw/1`: a private URL written in
    /// any of these ways publishes it. `text` may have no scheme, as prose writes an address.
    /// Nil when it leads to a site's root (no path but `/`, no query), and for a text with no
    /// host of two labels or more before its path (`C:\Users\x`, `src/main.swift`).
    public static func resourceName(ofURL text: String) -> String? {
        // The scheme's `://`, when it comes before any `/`, `?` or `#` (a URL carried in the query
        // has one too); a protocol-relative link writes `//host`.
        let utf8 = text.utf8
        var schemeEnd: Int?
        if let offset = ByteSearch.firstOffset(of: "://", in: text),
           !utf8.prefix(offset).contains(where: { $0 == IndicatorBytes.slash || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            schemeEnd = offset
        }
        let start = schemeEnd.map { $0 + 3 } ?? (utf8.starts(with: "//".utf8) ? 2 : 0)
        // Most words asked about are paths or names with no host (`C:/Users`, `a/b`): told without a copy.
        let authority = utf8.dropFirst(start).prefix { $0 != IndicatorBytes.slash && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "?") }
        guard authority.endIndex < utf8.endIndex, authority.contains(IndicatorBytes.dot) || authority.contains(UInt8(ascii: "[")) else { return nil }
        var bytes = Array(utf8)
        var defaultPorts: Set<String> = ["80", "443"]
        if let colon = schemeEnd {
            guard colon > 0, bytes[..<colon].allSatisfy({ IndicatorBytes.isAlphanumeric($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == IndicatorBytes.dot })
            else { return nil }
            let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
            defaultPorts = URLIndicator.defaultPorts[scheme].map { [String($0)] } ?? []
        }
        if let hash = bytes[start...].firstIndex(of: UInt8(ascii: "#")) { bytes.removeSubrange(hash...) }
        for i in start..<bytes.count where bytes[i] == UInt8(ascii: "\\") { bytes[i] = IndicatorBytes.slash }
        let authorityEnd = bytes[start...].firstIndex { $0 == IndicatorBytes.slash || $0 == UInt8(ascii: "?") } ?? bytes.count
        let hostStart = bytes[start..<authorityEnd].lastIndex(of: IndicatorBytes.at).map { $0 + 1 } ?? start
        var hostEnd = authorityEnd
        var port = ""
        if let colon = bytes[hostStart..<authorityEnd].lastIndex(of: IndicatorBytes.colon), !bytes[colon..<authorityEnd].contains(UInt8(ascii: "]")) {
            port = String(decoding: bytes[colon + 1..<authorityEnd], as: UTF8.self)
            hostEnd = colon
        }
        if hostEnd - hostStart > 1, bytes[hostEnd - 1] == IndicatorBytes.dot { hostEnd -= 1 }
        let host = String(decoding: bytes[hostStart..<hostEnd], as: UTF8.self).lowercased()
        // A host name or an address: two labels at least, of letters, digits, `-` (and `[::1]`).
        let isBracketed = host.utf8.first == UInt8(ascii: "[") && host.utf8.last == UInt8(ascii: "]")
        guard isBracketed || (host.utf8.contains(IndicatorBytes.dot) && host.utf8.first != IndicatorBytes.dot
            && host.utf8.allSatisfy({ IndicatorBytes.isAlphanumeric($0) || $0 == IndicatorBytes.dot || $0 == IndicatorBytes.hyphen || $0 >= 0x80 }))
        else { return nil }
        let queryStart = bytes[authorityEnd...].firstIndex(of: UInt8(ascii: "?")) ?? bytes.count
        var pathEnd = queryStart
        while pathEnd > authorityEnd, bytes[pathEnd - 1] == IndicatorBytes.slash { pathEnd -= 1 }
        let query = queryStart + 1 < bytes.count ? bytes[queryStart...] : []
        guard pathEnd > authorityEnd || !query.isEmpty else { return nil }
        let shownPort = port.isEmpty || defaultPorts.contains(port) ? "" : ":" + port
        return host + shownPort + String(decoding: bytes[authorityEnd..<pathEnd] + query, as: UTF8.self)
    }

    /// `resourceName(ofURL:)`'s name and each part of it up to a `/`, `?`, `&` or `;` after its
    /// host: the places a URL written leads to or reveals on its way (`paste.example/raw/1/x`
    /// names `paste.example/raw/1`), longest first; never the host alone.
    public static func resourcePrefixes(of name: String) -> [String] {
        let bytes = Array(name.utf8)
        guard let hostEnd = bytes.firstIndex(where: { $0 == IndicatorBytes.slash || $0 == UInt8(ascii: "?") }) else { return [name] }
        var prefixes = [name]
        var end = bytes.count
        while let cut = bytes[(hostEnd + 1)..<end].lastIndex(where: { Self.resourceSeparators.contains($0) }) {
            var kept = cut
            while kept > hostEnd + 1, bytes[kept - 1] == IndicatorBytes.slash { kept -= 1 }
            guard kept > hostEnd + 1 else { break }
            prefixes.append(String(decoding: bytes[..<kept], as: UTF8.self))
            end = kept
        }
        return prefixes
    }

    private static let resourceSeparators = ByteSet("/?&;".utf8)

    /// A URL without its fragment (`#login`, which only a browser reads); nil when it has none.
    public static func withoutFragment(_ url: String) -> String? {
        URLIndicator.withoutFragment(url)
    }

    /// What separates the parts of a URL's path and query, as its carried values are read; `_`
    /// too, as it joins a value to a word (`sample_<sha256>.zip`), and the brackets of a literal.
    static let carriedSeparators = ByteSet("/?&=#;,_[] ".utf8)

    /// The form in which two spellings of one URL compare equal: its letters outside ASCII as
    /// they are, each escape of them (`%C3%BC`, in either case) decoded, as a browser shows the
    /// address; each escape of visible ASCII a URI cannot hold as written (`%3C`, `%7C`) decoded,
    /// as a browser sends `<` and `|` escaped; each escape of a letter, digit or `-._~` decoded
    /// (`/%67ate.php` is `/gate.php`, RFC 3986 6.2.2.2); a `%` that starts no escape as it is, its
    /// escape `%25` before what is no escape (`%25zz`) decoded; and the path's dot-segments
    /// resolved (`/a/./b/../gate.php` is `/a/gate.php`, also written `%2e`), as a browser
    /// resolves them before it asks the server. A URL recorded as `http://x/ü` and a feed's or a
    /// STIX file's `http://x/%C3%BC` are one URL. Nil for a URL with no `%`, no such letter and
    /// no dot-segment, which has no other spelling.
    public static func urlSpellingKey(_ url: String) -> String? {
        // Most URLs have none: asked before any copy is made (a key is hashed with it).
        guard url.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "%") }) || hasDotSegment(url) else { return nil }
        let bytes = Array(url.utf8)
        func hex(_ i: Int) -> UInt8? { i < bytes.count ? IndicatorBytes.hexValue(bytes[i]) : nil }
        let authorityEnd = PercentEncoding.urlAuthorityEnd(bytes)
        func asciiSpelling(_ byte: UInt8, _ i: Int) -> Bool {
            byte == UInt8(ascii: "%") && (hex(i + 3) == nil || hex(i + 4) == nil)
                || PercentEncoding.isUnreserved(byte) || PercentEncoding.escapesUnsafeASCII(byte, at: i, authorityEnd: authorityEnd)
        }
        let decoded = PercentEncoding.decoded(bytes) { byte, i in byte >= 0x80 || asciiSpelling(byte, i) }
        // Escapes that decode to no letter (a lone `%FF`) stay as they are written; the others
        // are read all the same.
        let spelled = String(validating: decoded, as: UTF8.self) != nil ? decoded
            : PercentEncoding.decoded(bytes) { byte, i in byte < 0x80 && asciiSpelling(byte, i) }
        let key = authorityEnd > 0 ? Self.resolvingDotSegments(spelled, pathStart: PercentEncoding.urlAuthorityEnd(spelled)) : spelled
        return key == bytes ? url : String(decoding: key, as: UTF8.self)
    }

    /// Whether `url` holds a `.` or `..` segment written as such (`/./`, `/../`, `/..` at the
    /// end or before `?` or `#`); `/.env` and `/.well-known/` hold none. Escaped dots are asked
    /// about with every escape.
    static func hasDotSegment(_ url: String) -> Bool {
        IndicatorBytes.withBytes(url) { bytes in
            var i = 0
            while i + 1 < bytes.count {
                defer { i += 1 }
                guard bytes[i] == IndicatorBytes.slash, bytes[i + 1] == IndicatorBytes.dot else { continue }
                var end = i + 2
                if end < bytes.count, bytes[end] == IndicatorBytes.dot { end += 1 }
                if end == bytes.count || bytes[end] == IndicatorBytes.slash || bytes[end] == UInt8(ascii: "?") || bytes[end] == UInt8(ascii: "#") {
                    return true
                }
            }
            return false
        }
    }

    /// `url` with the `.` and `..` segments of its path (from `pathStart` to its query or
    /// fragment) resolved as RFC 3986 5.2.4 removes them; `url` itself when it has none.
    static func resolvingDotSegments(_ url: [UInt8], pathStart: Int) -> [UInt8] {
        let slash = UInt8(ascii: "/")
        guard pathStart < url.count, url[pathStart] == slash else { return url }
        let pathEnd = url[pathStart...].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? url.count
        let segments = url[(pathStart + 1)..<pathEnd].split(separator: slash, omittingEmptySubsequences: false)
        func isDots(_ segment: ArraySlice<UInt8>, _ count: Int) -> Bool {
            segment.count == count && segment.allSatisfy { $0 == UInt8(ascii: ".") }
        }
        guard segments.contains(where: { isDots($0, 1) || isDots($0, 2) }) else { return url }
        var kept: [ArraySlice<UInt8>] = []
        for (position, segment) in segments.enumerated() {
            let isLast = position == segments.count - 1
            if isDots(segment, 1) || isDots(segment, 2) {
                if isDots(segment, 2), !kept.isEmpty { kept.removeLast() }
                // `/a/.` and `/a/b/..` name the folder: `/a/`.
                if isLast { kept.append([]) }
            } else {
                kept.append(segment)
            }
        }
        var out = Array(url[..<pathStart])
        for segment in kept { out.append(slash); out += segment }
        if kept.isEmpty { out.append(slash) }
        return out + url[pathEnd...]
    }

    /// True when `domain` equals `parent` or is a subdomain of it (ASCII case and a trailing dot ignored).
    /// `evil.example` is within `example`, but `notexample.com` is not within `example.com`.
    public static func isDomain(_ domain: String, within parent: String) -> Bool {
        IndicatorBytes.withBytes(domain) { d in
            IndicatorBytes.withBytes(parent) { p in
                let dEnd = d.count > 0 && d[d.count - 1] == IndicatorBytes.dot ? d.count - 1 : d.count
                let pEnd = p.count > 0 && p[p.count - 1] == IndicatorBytes.dot ? p.count - 1 : p.count
                guard pEnd > 0, dEnd >= pEnd else { return false }
                let offset = dEnd - pEnd
                for i in 0..<pEnd where IndicatorBytes.lower(d[offset + i]) != IndicatorBytes.lower(p[i]) { return false }
                return offset == 0 || d[offset - 1] == IndicatorBytes.dot
            }
        }
    }

    /// True when an IPv4/IPv6 address (normal form) lies in a CIDR (normal form). An IPv4-mapped IPv6 address
    /// (`::ffff:192.0.2.1`) lies in the IPv4 blocks that hold its IPv4 address. Invalid input gives false.
    public static func cidr(_ cidr: String, contains address: String) -> Bool {
        guard case .success(let block) = CIDRBlock.parse(cidr) else { return false }
        return block.contains(address)
    }

    // MARK: Helpers

    static func fits(_ value: String, _ type: IndicatorType) -> Bool {
        if case .success = normalize(value, as: type) { return true }
        return false
    }

    /// `text` without surrounding whitespace, nor the invisible characters a copy from a web page or a
    /// document brings along (zero-width space and joiners, word joiner, byte-order mark).
    static func trimmed(_ text: String) -> String {
        func isPadding(_ character: Character) -> Bool {
            if character.isWhitespace { return true }
            return character.unicodeScalars.allSatisfy { [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF].contains($0.value) }
        }
        guard let first = text.firstIndex(where: { !isPadding($0) }),
              let last = text.lastIndex(where: { !isPadding($0) }) else { return "" }
        if first == text.startIndex && text.index(after: last) == text.endIndex { return text }
        return String(text[first...last])
    }

    /// The problem to report for a bare value `detect` could not type.
    static func guessProblem(_ value: String) -> IndicatorProblem {
        let shape = ValueShape(value)
        func problem(_ type: IndicatorType) -> IndicatorProblem? {
            if case .failure(let problem) = normalize(value, as: type) { return problem }
            return nil
        }
        let generic = IndicatorProblem("cannot tell what kind of indicator '\(value)' is; give its type")
        // Free-form values are recorded only when their type is given (prose does not tell where
        // one ends).
        if let type = windowsNameType(value) {
            return IndicatorProblem("'\(value)' looks like a \(type == .registryKey ? "Windows registry key" : "Windows path"), which dossier records only when its type is given (\(type.rawValue))")
        }
        // What a URL or a scoped IPv6 address is written with tells what to mend.
        if shape.hasSchemeSeparator { return problem(.url) ?? generic }
        if shape.hasColon, let zone = value.firstIndex(of: "%"), ValueShape(String(value[..<zone])).onlyIPCharacters {
            return problem(.ipv6) ?? generic
        }
        if shape.hasSpace && !shape.looksLikeASN { return generic }
        if shape.hasSlash && shape.onlyIPCharacters { return problem(.cidr) ?? generic }
        if shape.hasAt && !shape.hasSlash { return problem(.email) ?? generic }
        if shape.allHex && shape.count >= 16 && !shape.onlyDigitsAndDots {
            return IndicatorProblem("'\(value)' has \(shape.count) hex digits, which is no hash length (md5 32, sha1 40, sha256 64, sha512 128)")
        }
        if shape.onlyDigitsAndDots && shape.dots >= 2 { return problem(.ipv4) ?? generic }
        if shape.hasColon && shape.onlyIPCharacters { return problem(.ipv6) ?? generic }
        if shape.looksLikeCVE { return problem(.cve) ?? generic }
        if shape.looksLikeASN { return problem(.asn) ?? generic }
        if shape.hasDot && shape.onlyHostCharacters { return problem(.domain) ?? generic }
        return generic
    }
}

extension Indicators {
    /// A URL or email address still holding a defanged form (`hxxp`, `[.]` in a URL's path,
    /// `{.}` in an address's local part, where RFC 5322 allows braces) is no normal value: refang
    /// would change it, so its defanged display would not read back to it.
    static func notDefanged(_ normal: String, written: String) -> Result<String, IndicatorProblem> {
        let refanged = refang(normal)
        guard refanged == normal else {
            return .failure(IndicatorProblem("'\(written)' is written defanged; write it as '\(refanged)'"))
        }
        return .success(normal)
    }
}
