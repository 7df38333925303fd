import DossierCore

/// How one dossier indicator is said in STIX 2.1: the pattern of its `indicator` object and the
/// cyber-observable objects it is based on. `STIXImporter` reads back every pattern and object
/// written here.
enum STIXObservables {
    /// STIX hash names (hashing-algorithm-ov) of the hash types.
    static func hashName(_ type: IndicatorType) -> String? {
        switch type {
        case .md5: "MD5"
        case .sha1, .x509Sha1: "SHA-1"
        case .sha256: "SHA-256"
        case .sha512: "SHA-512"
        default: nil
        }
    }

    /// A URL as STIX's `url` value must be, an RFC 3986 URI: each byte a URI cannot hold as
    /// written (a space, `<`, `|`, `"`, a letter outside ASCII, a `%` that starts no escape)
    /// percent-encoded, as a browser sends it. (dossier keeps a URL as written; its host is
    /// already ASCII, in IDNA form.) A URL that is a URI already stays as it is.
    static func uri(_ url: String) -> String {
        let bytes = Array(url.utf8)
        let authorityEnd = PercentEncoding.urlAuthorityEnd(bytes)
        return PercentEncoding.encoded(url) { byte, i in
            let isEscape = byte == UInt8(ascii: "%") && i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2])
            return isEscape || PercentEncoding.isURIByte(byte) && !(i >= authorityEnd && (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")))
        }
    }

    /// The URL `uri(_:)` made a URI of, as dossier keeps it: each escape of visible ASCII a URI
    /// cannot hold as written decoded (`%3C` is `<`, `%7C` is `|`), so that an export imported
    /// back is the indicators it came from. Every other escape stays: `%C3%BC` and `%25` are how
    /// logs and feeds write a URL, and the same URL from them must stay one indicator. (A URL
    /// recorded with a letter outside ASCII, or a stray `%`, comes back escaped, and merges into
    /// the recorded one by its spelling, `Indicators.urlSpellingKey`.)
    static func url(fromURI uri: String) -> String {
        let bytes = Array(uri.utf8)
        guard bytes.contains(UInt8(ascii: "%")) else { return uri }
        let authorityEnd = PercentEncoding.urlAuthorityEnd(bytes)
        // Only visible ASCII a URI cannot hold as written: an escape of a letter outside ASCII,
        // of a `%`, a space or a control is as a log or a feed writes a URL too.
        let out = PercentEncoding.decoded(bytes) { byte, i in PercentEncoding.escapesUnsafeASCII(byte, at: i, authorityEnd: authorityEnd) }
        return String(validating: out, as: UTF8.self) ?? uri
    }

    private static func isHex(_ b: UInt8) -> Bool { PercentEncoding.isHexDigit(b) }

    /// One observation of equality comparisons, e.g. `[domain-name:value = 'evil.example']`. A
    /// CIDR block uses `ISSUBSET`, which matches every address in it; a file path compares its
    /// directory and its name.
    static func pattern(for indicator: Indicator) -> String {
        let value = indicator.value
        switch indicator.type {
        case .ipv4: return "[ipv4-addr:value = \(quoted(value))]"
        case .ipv6: return "[ipv6-addr:value = \(quoted(value))]"
        case .cidr: return "[\(addressType(value)):value ISSUBSET \(quoted(value))]"
        case .domain: return "[domain-name:value = \(quoted(value))]"
        case .url: return "[url:value = \(quoted(uri(value)))]"
        case .email: return "[email-addr:value = \(quoted(value))]"
        case .md5, .sha1, .sha256, .sha512:
            return "[file:hashes.\(quoted(hashName(indicator.type) ?? "")) = \(quoted(value))]"
        case .asn: return "[autonomous-system:number = \(asNumber(value))]"
        case .cve: return "[\(STIXTerms.cveObject):value = \(quoted(value))]"
        case .x509Sha1: return "[x509-certificate:hashes.'SHA-1' = \(quoted(value))]"
        case .filename: return "[file:name = \(quoted(value))]"
        case .filepath:
            guard let (folder, name) = split(path: value) else { return "[directory:path = \(quoted(value))]" }
            return "[file:parent_directory_ref.path = \(quoted(folder)) AND file:name = \(quoted(name))]"
        case .registryKey: return "[windows-registry-key:key = \(quoted(expandingHive(value)))]"
        case .mutex: return "[mutex:name = \(quoted(value))]"
        case .userAgent: return "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = \(quoted(value))]"
        case .other: return "[\(STIXTerms.otherObject):value = \(quoted(value))]"
        }
    }

    /// The cyber-observable objects of the indicator, with the ids STIX 2.1 §2.9 derives from their
    /// content (so two projects, or two exports, name one observable alike). Empty for the types
    /// with no observable (CVE, user agent, other). A file path gives its directory, then the file.
    static func objects(for indicator: Indicator, markings: [String]) -> [JSONObject] {
        let value = indicator.value
        // What dossier records but STIX's schema refuses as an observable's value is said by the
        // indicator's pattern alone, which the schema does not read, so the bundle stays valid.
        guard schemaAccepts(indicator) else { return [] }
        var contributing = JSONObject()
        let type: String
        switch indicator.type {
        case .ipv4: (type, contributing) = ("ipv4-addr", JSONObject(["value": value]))
        case .ipv6: (type, contributing) = ("ipv6-addr", JSONObject(["value": value]))
        case .cidr: (type, contributing) = (addressType(value), JSONObject(["value": value]))
        case .domain: (type, contributing) = ("domain-name", JSONObject(["value": value]))
        case .url: (type, contributing) = ("url", JSONObject(["value": uri(value)]))
        case .email: (type, contributing) = ("email-addr", JSONObject(["value": value]))
        case .md5, .sha1, .sha256, .sha512:
            type = "file"
            contributing.put("hashes", .object(JSONObject([hashName(indicator.type) ?? "": value])))
        case .asn:
            type = "autonomous-system"
            contributing.put("number", .number(asNumber(value)))
        case .x509Sha1:
            type = "x509-certificate"
            contributing.put("hashes", .object(JSONObject(["SHA-1": value])))
        case .filename: (type, contributing) = ("file", JSONObject(["name": value]))
        case .filepath:
            guard let (folder, name) = split(path: value) else {
                return [observable("directory", JSONObject(["path": value]), markings: markings)]
            }
            let directory = observable("directory", JSONObject(["path": folder]), markings: markings)
            let file = observable("file", JSONObject([
                "name": name, "parent_directory_ref": directory.string("id") ?? "",
            ]), markings: markings)
            return [directory, file]
        case .registryKey: (type, contributing) = ("windows-registry-key", JSONObject(["key": expandingHive(value)]))
        case .mutex: (type, contributing) = ("mutex", JSONObject(["name": value]))
        case .cve, .userAgent, .other: return []
        }
        return [observable(type, contributing, markings: markings)]
    }

    /// False for values dossier records that STIX 2.1's schema does not take as an observable's:
    /// a host name with `_` (`_dmarc.example`, which DNS serves; the schema wants an RFC 1123
    /// `idn-hostname`), an e-mail address whose user part is not ASCII or whose domain has `_`,
    /// and an IPv6 address written with an IPv4 part (`::ffff:192.0.2.1`), which the schema's
    /// pattern does not match.
    static func schemaAccepts(_ indicator: Indicator) -> Bool {
        let value = indicator.value.utf8
        switch indicator.type {
        case .domain: return !value.contains(UInt8(ascii: "_"))
        case .email:
            guard let at = value.lastIndex(of: UInt8(ascii: "@")) else { return false }
            return value[..<at].allSatisfy { $0 < 0x80 } && !value[at...].contains(UInt8(ascii: "_"))
        case .ipv6, .cidr: return !(indicator.value.contains(":") && indicator.value.contains("."))
        default: return true
        }
    }

    /// A cyber-observable object: type, spec version, derived id, its properties, markings.
    static func observable(_ type: String, _ contributing: JSONObject, markings: [String]) -> JSONObject {
        let id = type + "--" + UUIDv5.make(bytes: CanonicalJSONText.bytes(.object(contributing)), in: UUIDv5.stixObservables)
        var object = JSONObject(["type": type, "spec_version": "2.1", "id": id])
        object.members.append(contentsOf: contributing.members)
        object.put("object_marking_refs", strings: markings)
        return object
    }

    /// Registry hives as STIX requires them (§6.13: "fully expanded and not truncated") and as
    /// analysts and MISP usually write them.
    static let hives: [(short: String, full: String)] = [
        ("HKLM", "HKEY_LOCAL_MACHINE"), ("HKCU", "HKEY_CURRENT_USER"), ("HKCR", "HKEY_CLASSES_ROOT"),
        ("HKU", "HKEY_USERS"), ("HKCC", "HKEY_CURRENT_CONFIG"),
    ]

    /// `HKCU\Software\...` → `HKEY_CURRENT_USER\Software\...` (any case of the abbreviation).
    static func expandingHive(_ key: String) -> String {
        replacingHive(key) { short, full in short ? full : nil }
    }

    /// `HKEY_CURRENT_USER\Software\...` → `HKCU\Software\...`: how the importer writes keys, so
    /// that one key from STIX, MISP and an analyst is one indicator.
    static func abbreviatingHive(_ key: String) -> String {
        replacingHive(key) { short, full in short ? nil : full }
    }

    /// The key with its hive replaced by `choose(isShortForm, replacement)` when it has a known one.
    private static func replacingHive(_ key: String, _ choose: (Bool, String) -> String?) -> String {
        let head = key.prefix { $0 != "\\" }
        let rest = key.dropFirst(head.count)
        for hive in hives {
            if head.uppercased() == hive.short, let replacement = choose(true, hive.full) { return replacement + rest }
            if head.uppercased() == hive.full, let replacement = choose(false, hive.short) { return replacement + rest }
        }
        return key
    }

    /// A pattern string literal: single quotes, with `\` and `'` escaped.
    static func quoted(_ text: String) -> String {
        // Most values have neither: one concatenation (a pattern is written per indicator).
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "'") }) else { return "'" + text + "'" }
        var result = "'"
        for c in text.unicodeScalars {
            if c == "\\" || c == "'" { result.unicodeScalars.append("\\") }
            result.unicodeScalars.append(c)
        }
        return result + "'"
    }

    static func addressType(_ value: String) -> String { value.contains(":") ? "ipv6-addr" : "ipv4-addr" }

    /// `AS64500` → `64500`.
    static func asNumber(_ value: String) -> String { String(value.drop { !$0.isNumber }) }

    /// A path split at its last `/` or `\` into folder and name; nil when there is no separator or
    /// nothing after it (then the whole path is a folder). The folder of `/name` is `/`.
    static func split(path: String) -> (folder: String, name: String)? {
        guard let separator = path.lastIndex(where: { $0 == "/" || $0 == "\\" }) else { return nil }
        let name = String(path[path.index(after: separator)...])
        guard !name.isEmpty else { return nil }
        let folder = separator == path.startIndex ? String(path[separator]) : String(path[..<separator])
        return (folder, name)
    }

    /// The inverse of `split(path:)`: a folder and a name joined with the folder's separator
    /// (`\` for Windows folders, else `/`).
    static func join(folder: String, name: String) -> String {
        if folder.hasSuffix("/") || folder.hasSuffix("\\") { return folder + name }
        let windows = folder.contains("\\") || folder.dropFirst().first == ":" || folder.hasPrefix("%")
        return folder + (windows ? "\\" : "/") + name
    }
}
