/// Validation and normal form of URLs: any RFC 3986 scheme followed by `://` and an authority with a host.
/// The scheme and host are lower-cased (a Unicode host becomes `xn--`, an IPv6 host RFC 5952), an empty port is
/// dropped; user-info, port, path, query and fragment are kept exactly as written.
struct URLIndicator {
    /// Byte offsets of the parts of a URL `scheme://[userinfo@]host[:port]rest`.
    struct Parts {
        var schemeEnd: Int
        /// Index of the `@` ending the user-info, if any.
        var userInfoEnd: Int?
        var host: Range<Int>
        /// Index of the `:` before the port, if any.
        var portColon: Int?
        /// Where the path, query or fragment starts (the end of the authority).
        var authorityEnd: Int
    }

    /// Splits a URL into parts without validating them, or returns nil when there is no `scheme://`.
    static func split(_ bytes: IndicatorBytes.Bytes) -> Parts? {
        var schemeEnd = 0
        while schemeEnd < bytes.count && bytes[schemeEnd] != IndicatorBytes.colon {
            if bytes[schemeEnd] == IndicatorBytes.slash { return nil }
            schemeEnd += 1
        }
        guard schemeEnd > 0, IndicatorBytes.matches(bytes, at: schemeEnd, "://") else { return nil }
        let authorityStart = schemeEnd + 3
        var authorityEnd = authorityStart
        var userInfoEnd: Int? = nil
        while authorityEnd < bytes.count {
            let b = bytes[authorityEnd]
            if b == IndicatorBytes.slash || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") { break }
            if b == IndicatorBytes.at { userInfoEnd = authorityEnd }
            authorityEnd += 1
        }
        let hostStart = userInfoEnd.map { $0 + 1 } ?? authorityStart
        var hostEnd = authorityEnd
        var portColon: Int? = nil
        // The port is after the last ':' that is not inside an IPv6 literal's brackets.
        var i = authorityEnd
        while i > hostStart {
            i -= 1
            if bytes[i] == UInt8(ascii: "]") { break }
            if bytes[i] == IndicatorBytes.colon {
                portColon = i
                hostEnd = i
                break
            }
        }
        return Parts(schemeEnd: schemeEnd, userInfoEnd: userInfoEnd, host: hostStart..<hostEnd,
                     portColon: portColon, authorityEnd: authorityEnd)
    }

    /// RFC 3986 `userinfo`: unreserved, percent-encoded, sub-delims and `:` (and, leniently, non-ASCII).
    private static func isUserInfoByte(_ b: UInt8) -> Bool {
        if IndicatorBytes.isAlphanumeric(b) || b >= 0x80 { return true }
        switch b {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "%"),
             UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"),
             UInt8(ascii: "="), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    static func normalize(_ value: String) -> Result<String, IndicatorProblem> {
        IndicatorBytes.withBytes(value) { bytes -> Result<String, IndicatorProblem> in
            guard let parts = split(bytes) else {
                return .failure(IndicatorProblem("'\(value)' is not a URL: it needs a scheme and '://', as in https://example.com/"))
            }
            return normalize(value, bytes, parts)
        }
    }

    private static func normalize(_ value: String, _ bytes: IndicatorBytes.Bytes, _ parts: Parts) -> Result<String, IndicatorProblem> {
        func problem(_ reason: String) -> Result<String, IndicatorProblem> {
            .failure(IndicatorProblem("'\(value)' is not a valid URL: \(reason)"))
        }
        var changed = false
        // Scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
        guard IndicatorBytes.isLetter(bytes[0]) else { return problem("the scheme must start with a letter") }
        for i in 0..<parts.schemeEnd {
            let b = bytes[i]
            if IndicatorBytes.isUpper(b) { changed = true; continue }
            if !(IndicatorBytes.isAlphanumeric(b) || b == UInt8(ascii: "+") || b == IndicatorBytes.hyphen || b == IndicatorBytes.dot) {
                return problem("the scheme '\(IndicatorBytes.string(bytes, 0..<parts.schemeEnd))' holds '\(Character(Unicode.Scalar(b)))'")
            }
        }
        // Nothing in a URL may be a space or a control character.
        for i in parts.schemeEnd..<bytes.count where IndicatorBytes.isControlOrSpace(bytes[i]) {
            return problem(bytes[i] == IndicatorBytes.space ? "it contains a space (write it %20)" : "it contains a control character")
        }
        if let at = parts.userInfoEnd {
            for i in parts.schemeEnd + 3..<at where !Self.isUserInfoByte(bytes[i]) {
                return problem("the user part before '@' holds '\(Character(Unicode.Scalar(bytes[i])))'")
            }
        }
        if parts.host.isEmpty { return problem("it has no host") }
        let hostText = IndicatorBytes.string(bytes, parts.host)
        var host: String
        if bytes[parts.host.lowerBound] == UInt8(ascii: "[") {
            guard bytes[parts.host.upperBound - 1] == UInt8(ascii: "]"), parts.host.count > 2 else {
                return problem("the host '\(hostText)' has an unclosed '['")
            }
            switch IPv6Address.parse(bytes, parts.host.lowerBound + 1..<parts.host.upperBound - 1) {
            case .failure(let failure): return .failure(failure)
            case .success(let address): host = "[" + address.description + "]"
            }
        } else if IndicatorBytes.all(bytes, parts.host, { IndicatorBytes.isDigit($0) || $0 == IndicatorBytes.dot }) {
            switch IPv4Address.parse(bytes, parts.host) {
            case .failure(let failure): return .failure(failure)
            case .success: host = hostText
            }
        } else {
            switch DomainName.normalize(hostText, minimumLabels: 1) {
            case .failure(let failure): return .failure(failure)
            case .success(let normal): host = normal
            }
        }
        if host != hostText { changed = true }
        var dropPort = false
        if let colon = parts.portColon {
            let port = colon + 1..<parts.authorityEnd
            if port.isEmpty {
                dropPort = true
                changed = true
            } else {
                guard port.count <= 5, IndicatorBytes.all(bytes, port, IndicatorBytes.isDigit) else {
                    return problem("'\(IndicatorBytes.string(bytes, port))' is not a port number")
                }
                var number = 0
                for i in port { number = number * 10 + Int(bytes[i] &- 0x30) }
                if number > 65535 { return problem("port \(number) is beyond 65535") }
                // The scheme's own port says nothing (RFC 3986 §6.2.3): https://x:443/ is https://x/.
                if Self.defaultPorts[IndicatorBytes.lowercased(bytes, 0..<parts.schemeEnd)] == number {
                    dropPort = true
                    changed = true
                }
            }
        }
        // An empty path is the root on the web and FTP (RFC 3986 §6.2.3): https://x is https://x/.
        let addsRoot = Self.defaultPorts[IndicatorBytes.lowercased(bytes, 0..<parts.schemeEnd)] != nil
            && (parts.authorityEnd == bytes.count || bytes[parts.authorityEnd] == UInt8(ascii: "?") || bytes[parts.authorityEnd] == UInt8(ascii: "#"))
        if addsRoot { changed = true }
        if !changed { return .success(value) }
        var result = IndicatorBytes.lowercased(bytes, 0..<parts.schemeEnd) + "://"
        if let at = parts.userInfoEnd { result += IndicatorBytes.string(bytes, parts.schemeEnd + 3..<at + 1) }
        result += host
        if let colon = parts.portColon, !dropPort { result += IndicatorBytes.string(bytes, colon..<parts.authorityEnd) }
        if addsRoot { result += "/" }
        result += IndicatorBytes.string(bytes, parts.authorityEnd..<bytes.count)
        return .success(result)
    }

    /// The port each scheme whose empty path is the root uses when none is written.
    static let defaultPorts = ["http": 80, "https": 443, "ftp": 21]

    /// The host of a URL, lower-cased, without IPv6 brackets; nil when `value` has no `scheme://host`.
    static func host(of value: String) -> String? {
        IndicatorBytes.withBytes(value) { bytes -> String? in
            guard let parts = split(bytes), !parts.host.isEmpty else { return nil }
            var host = parts.host
            if bytes[host.lowerBound] == UInt8(ascii: "["), bytes[host.upperBound - 1] == UInt8(ascii: "]"), host.count > 2 {
                host = host.lowerBound + 1..<host.upperBound - 1
                if case .success(let address) = IPv6Address.parse(bytes, host) { return address.description }
            }
            if host.count > 1 && bytes[host.upperBound - 1] == IndicatorBytes.dot { host = host.lowerBound..<host.upperBound - 1 }
            return IndicatorBytes.lowercased(bytes, host)
        }
    }

    /// How many bytes the `https://`, `http://` or `ftp://` (any case; its separator also
    /// percent-encoded, `https%3A%2F%2F`, as a query carries it) written at `i` takes, when one
    /// starts there after a byte that is no letter or digit.
    private static func embeddedSchemeLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        // Most places fail at the first byte, before any lower-cased copy is made.
        guard i > 0, !IndicatorBytes.isAlphanumeric(bytes[i - 1]), bytes[i] | 0x20 == UInt8(ascii: "h") || bytes[i] | 0x20 == UInt8(ascii: "f")
        else { return nil }
        for scheme in ["https://", "http://", "ftp://", "https%3a%2f%2f", "http%3a%2f%2f", "ftp%3a%2f%2f"]
        where i + scheme.utf8.count <= bytes.count && IndicatorBytes.lowercased(bytes, i..<i + scheme.utf8.count) == scheme {
            return scheme.utf8.count
        }
        return nil
    }

    /// True for the bytes that end the host of a URL carried inside another.
    private static func endsEmbeddedHost(_ byte: UInt8) -> Bool {
        byte == IndicatorBytes.slash || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "%")
    }

    /// True for a URL that names a site's root (`http://evil.example/`, `https://evil.example:8443`):
    /// no user-info, path, query or fragment.
    static func namesRoot(_ value: String) -> Bool {
        IndicatorBytes.withBytes(value) { bytes -> Bool in
            guard let parts = split(bytes), parts.userInfoEnd == nil, !parts.host.isEmpty else { return false }
            let rest = bytes.count - parts.authorityEnd
            return rest == 0 || rest == 1 && bytes[parts.authorityEnd] == IndicatorBytes.slash
        }
    }

    /// `value` without its fragment (`https://evil.example/gate.php#login`: only a browser reads
    /// it), nil when it has none or is no URL.
    static func withoutFragment(_ value: String) -> String? {
        // Most values have no `#`: told before the URL is split.
        guard value.utf8.contains(UInt8(ascii: "#")) else { return nil }
        return IndicatorBytes.withBytes(value) { bytes -> String? in
            guard let parts = split(bytes), let hash = bytes[parts.authorityEnd...].firstIndex(of: UInt8(ascii: "#")) else { return nil }
            return IndicatorBytes.string(bytes, 0..<hash)
        }
    }

    /// What the user-info, path, query and fragment of `value` carry, decoded: the text after its
    /// host with each escape decoded (`%3A%2F%2F` is `://`, `+` a space; up to three times over),
    /// as a page or a redirector reads it, after the user-info with its user and password apart
    /// (`https://brand.example@evil.example/`, as phishing writes a trusted name before the real
    /// host). Nil when there is none, or what there is is too short to hold an indicator.
    static func carriedText(of value: String) -> String? {
        IndicatorBytes.withBytes(value) { bytes -> String? in
            guard let parts = split(bytes) else { return nil }
            var carried: [UInt8] = []
            let userInfoStart = parts.schemeEnd + 3
            if let at = parts.userInfoEnd, at - userInfoStart >= 4 {
                let userInfo = PercentEncoding.decodedFully(Array(bytes[userInfoStart..<at]))
                carried = userInfo.map { $0 == IndicatorBytes.colon ? IndicatorBytes.space : $0 } + [IndicatorBytes.space]
            }
            if bytes.count - parts.authorityEnd >= 4 { carried += PercentEncoding.decodedFully(Array(bytes[parts.authorityEnd...])) }
            return carried.isEmpty ? nil : String(decoding: carried, as: UTF8.self)
        }
    }

    /// The hosts of the URLs carried in the path or query of `value` (`/url?q=https://evil.example/`,
    /// as redirectors and phishing kits write them), lower-cased.
    static func embeddedHosts(of value: String) -> [String] {
        IndicatorBytes.withBytes(value) { bytes -> [String] in
            // The shortest carried URL, `/ftp://x`, is eight bytes.
            guard let parts = split(bytes), value.utf8.count >= parts.host.upperBound + 8 else { return [] }
            var hosts: [String] = []
            var i = parts.host.upperBound
            while i < bytes.count {
                guard let length = embeddedSchemeLength(bytes, at: i) else { i += 1; continue }
                i += length
                var end = i
                while end < bytes.count, !endsEmbeddedHost(bytes[end]) { end += 1 }
                if end > i { hosts.append(IndicatorBytes.lowercased(bytes, i..<end)) }
                i = end
            }
            return hosts
        }
    }

    /// Display form: `http`→`hxxp`, `https`→`hxxps`, `ftp`→`fxp`, the host's dots as `[.]` (in an IPv6
    /// literal, its colons after a digit as `[:]` too), the `@` after user-info as `[@]` (where `refang` would undo it). Path, query and fragment stay
    /// readable. `Indicators.refang` inverts it.
    static func defang(_ value: String) -> String {
        IndicatorBytes.withBytes(value) { bytes -> String in
            guard let parts = split(bytes) else { return value }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            switch IndicatorBytes.lowercased(bytes, 0..<parts.schemeEnd) {
            case "http": out += Array("hxxp".utf8)
            case "https": out += Array("hxxps".utf8)
            case "ftp": out += Array("fxp".utf8)
            default: out += UnsafeBufferPointer(rebasing: bytes[0..<parts.schemeEnd])
            }
            // The host of a URL carried in the path or query (`/url?q=https://evil.example/`, as
            // redirectors and phishing kits write them) is defanged too: pasted alone, it would be
            // live. Its scheme stays: `refang` leaves an `hxxp` inside a URL as it is.
            var embeddedHost = 0..<0
            let isLiteral = !parts.host.isEmpty && bytes[parts.host.lowerBound] == UInt8(ascii: "[")
            var i = parts.schemeEnd
            while i < bytes.count {
                let b = bytes[i]
                if i >= parts.host.upperBound, let length = embeddedSchemeLength(bytes, at: i) {
                    out += UnsafeBufferPointer(rebasing: bytes[i..<i + length])
                    i += length
                    var end = i
                    while end < bytes.count, !Self.endsEmbeddedHost(bytes[end]) { end += 1 }
                    embeddedHost = i..<end
                    continue
                }
                // An IPv6 literal's IPv4 tail (`[::ffff:192.0.2.1]`) included, as the address alone shows it.
                if b == IndicatorBytes.dot && (parts.host.contains(i) || embeddedHost.contains(i)) {
                    out += Array("[.]".utf8)
                } else if b == IndicatorBytes.colon, IndicatorBytes.hexValue(bytes[i - 1]) != nil,
                          isLiteral && parts.host.contains(i) || embeddedHost.contains(i) && bytes[embeddedHost.lowerBound] == UInt8(ascii: "[") {
                    // An IPv6 host, the URL's or a carried one's, as the address alone shows: `[2001[:]db8[:]:1]`.
                    out += Array("[:]".utf8)
                } else if i == parts.userInfoEnd, i + 1 < bytes.count,
                          Refanger.refangsAt(before: bytes[i - 1], after: bytes[i + 1]) {
                    out += Array("[@]".utf8)
                } else {
                    out.append(b)
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
