extension Indicators {
    /// IPv4 addresses and hashes written inside longer words (`host_192.0.2.130`,
    /// `sample_<sha256>.exe`, `192.0.2.130-192.0.2.131`, `130.2.0.192.in-addr.arpa` backwards,
    /// `192-0-2-130.dyn.example` with dashes, `capture_192_0_2_130.pcap` with underscores,
    /// `192.000.002.130` as logs pad them), which the extractor, reading words whole and
    /// refusing leading zeros, does not take: a page shows them all the same, and a reader
    /// reads the address; host names the extractor takes for code or a file name
    /// (`Payroll-Acme.Example`, `setup.zip`, `window.evil.example`, `evil.example(1)`), which
    /// name a host all the same; and the hosts of web addresses written otherwise than browsed
    /// (`browsedHost`). An address is four numbers of one to three digits, read as decimal; a
    /// hash a whole run of 32, 40, 64 or 128 hex digits. Each with its byte offset in `text`,
    /// normalized; for looking up values known elsewhere (a private one), not for detecting new
    /// ones.
    public static func embeddedValues(in text: String) -> [(value: String, type: IndicatorType, offset: Int)] {
        IndicatorBytes.withBytes(text) { bytes in
            var found: [(value: String, type: IndicatorType, offset: Int)] = []
            for run in runs(in: bytes, of: hexDigits, longest: 32) {
                if let type = hashType(length: run.count) {
                    found.append((IndicatorBytes.lowercased(bytes, run), type, run.lowerBound))
                }
            }
            // `1.2.3.4`: seven characters at least.
            for run in runs(in: bytes, of: digitsAndDots, longest: 7) {
                guard let start = run.first(where: { IndicatorBytes.isDigit(bytes[$0]) }) else { continue }
                let (i, end) = (start, run.upperBound)
                let dots = bytes[i..<end].count(where: { $0 == IndicatorBytes.dot })
                // Most runs are numbers and dates: an address needs three dots at least.
                guard dots >= 3 else { continue }
                // A reverse DNS name writes an address backwards (`130.2.0.192.in-addr.arpa` is
                // 192.0.2.130), and only so.
                if end - i >= 8, bytes[end - 1] == IndicatorBytes.dot, bytes[end...].prefix(reverseZone.count).map(IndicatorBytes.lower).elementsEqual(reverseZone) {
                    let groups = bytes[i..<(end - 1)].split(separator: IndicatorBytes.dot, omittingEmptySubsequences: false)
                    if let address = decimalAddress(groups.reversed()) { found.append((address, .ipv4, i)) }
                    continue
                }
                found += dottedQuads(bytes, i..<end)
            }
            // A host name or a file name that spells an address with dashes or underscores
            // (`203-0-113-77.dyn.example.net`, `ip-203-0-113-77.ec2.internal`, or backwards,
            // `77-113-0-203.rev.example.net`, as providers name their lines; `capture_203_0_113_77`).
            // Four numbers in a row of the run, wherever they stand in it (`pcap_2026-11-02_198-51-100-24`,
            // `capture_198_51_100_24_443`, `192-0-2-130_192-0-2-131`).
            for run in runs(in: bytes, of: digitsAndJoiners, longest: 7) {
                let groups = bytes[run].split { !IndicatorBytes.isDigit($0) }
                guard groups.count >= 4 else { continue }
                for first in 0...(groups.count - 4) {
                    let quad = groups[first..<first + 4]
                    // Joined by one separator each, as a name spells an address.
                    guard zip(quad, quad.dropFirst()).allSatisfy({ $1.startIndex - $0.endIndex == 1 }) else { continue }
                    for address in Set([decimalAddress(quad), decimalAddress(quad.reversed())].compactMap { $0 }) {
                        found.append((address, .ipv4, quad.first!.startIndex))
                    }
                }
            }
            found += codeLikeHosts(bytes)
            // The hosts of web addresses written in another form than the one browsed, which no
            // parser takes for a URL (`http://0xC0000282/`, `http://vpn.acme%2Eexample/`).
            var search = 0
            while let separator = schemeSeparator.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: $0, in: bytes, from: search) }) {
                var end = separator + 3
                while end < bytes.count, !hostEnds.contains(bytes[end]) { end += 1 }
                var host = separator + 3..<end
                if let at = bytes[host].lastIndex(of: IndicatorBytes.at) { host = at + 1..<host.upperBound }
                if let colon = bytes[host].lastIndex(of: IndicatorBytes.colon), bytes[colon + 1..<host.upperBound].allSatisfy(IndicatorBytes.isDigit) {
                    host = host.lowerBound..<colon
                }
                // Most hosts are names, which start with a letter and hold no escape: not copied.
                let mayBeBrowsedOtherwise = !host.isEmpty
                    && (IndicatorBytes.isDigit(bytes[host.lowerBound]) || bytes[host].contains(UInt8(ascii: "%")))
                if mayBeBrowsedOtherwise, let browsed = browsedHost(IndicatorBytes.lowercased(bytes, host)) {
                    let isAddress = if case .success = IPv4Address.parse(browsed) { true } else { false }
                    found.append((browsed, isAddress ? .ipv4 : .domain, host.lowerBound))
                }
                search = end
            }
            return found
        }
    }

    private static let schemeSeparator = Array("://".utf8)
    private static let reverseZone = Array("in-addr.arpa".utf8)
    /// What ends a URL's host as written in prose.
    private static let hostEnds = ByteSet("/?#\\ \t\r\n<>\"'()[]`|,;!*".utf8)

    private static let hexDigits = ByteSet("0123456789abcdefABCDEF".utf8)
    private static let digitsAndDots = ByteSet("0123456789.".utf8)
    private static let digitsAndJoiners = ByteSet("0123456789-_".utf8)
    /// What a host name is written with (and an underscore, which some names hold).
    private static let hostNameBytes = ByteSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".utf8)

    /// The address four numbers of one to three digits name, read as decimal as a reader reads
    /// them (`192.000.002.130` is 192.0.2.130); nil for other groups.
    private static func decimalAddress<Groups: Collection>(_ groups: Groups) -> String? where Groups.Element: Collection<UInt8> {
        guard groups.count == 4 else { return nil }
        var numbers: [Int] = []
        for group in groups {
            guard (1...3).contains(group.count) else { return nil }
            let number = group.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
            guard number <= 255 else { return nil }
            numbers.append(number)
        }
        return numbers.map(String.init).joined(separator: ".")
    }

    /// The host names written in `bytes` that the extractor leaves out as code or a file name
    /// (`IndicatorExtractor.codeShape`: `Payroll-Acme.Example`, `setup.zip`, `evil.example(1)`,
    /// `window.evil.example`, which names `evil.example` to a reader), and those a file is named
    /// after (`evil.example.png`). Only names on a known top-level domain, lower-cased.
    private static func codeLikeHosts(_ bytes: IndicatorBytes.Bytes) -> [(value: String, type: IndicatorType, offset: Int)] {
        var found: [(value: String, type: IndicatorType, offset: Int)] = []
        var i = 0
        while i < bytes.count {
            guard hostNameBytes.contains(bytes[i]) else { i += 1; continue }
            var (start, end) = (i, i)
            while end < bytes.count, hostNameBytes.contains(bytes[end]) { end += 1 }
            i = end
            while start < end, !IndicatorBytes.isAlphanumeric(bytes[start]) { start += 1 }
            var last = end
            while last > start, !IndicatorBytes.isAlphanumeric(bytes[last - 1]) { last -= 1 }
            guard let lastDot = bytes[start..<last].lastIndex(of: IndicatorBytes.dot), IndicatorBytes.isAlphanumeric(bytes[lastDot + 1]) else { continue }
            // A file named after a host (`acme-corp.example.png`, `evil.example.txt`).
            if isFileExtension(bytes[lastDot + 1..<last]), let dot = bytes[start..<lastDot].lastIndex(of: IndicatorBytes.dot), dot > start,
               topLevelDomains.contains(IndicatorBytes.lowercased(bytes, dot + 1..<lastDot)),
               case .success(let name) = DomainName.normalize(IndicatorBytes.string(bytes, start..<lastDot)) {
                found.append((name, .domain, start))
                continue
            }
            guard IndicatorBytes.isLetter(bytes[lastDot + 1]), let shape = IndicatorExtractor.codeShape(bytes, start, last) else { continue }
            let host = shape == .afterReceiver ? bytes[start..<last].firstIndex(of: IndicatorBytes.dot)! + 1 : start
            guard host < lastDot, topLevelDomains.contains(IndicatorBytes.lowercased(bytes, lastDot + 1..<last)),
                  case .success(let name) = DomainName.normalize(IndicatorBytes.string(bytes, host..<last)) else { continue }
            found.append((name, .domain, host))
        }
        return found
    }

    /// The maximal runs of bytes of `set` at least `longest` long, found by looking at every
    /// `longest`th byte first: a run of 32 hex digits is rare in prose, whose every word has one.
    private static func runs(in bytes: IndicatorBytes.Bytes, of set: ByteSet, longest: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        // No run crosses `i` from before it: the byte before `i` is outside the set, or `i` is 0.
        var i = 0
        while i + longest <= bytes.count {
            let probe = i + longest - 1
            guard set.contains(bytes[probe]) else { i = probe + 1; continue }
            var start = probe
            while start > i, set.contains(bytes[start - 1]) { start -= 1 }
            var end = probe + 1
            while end < bytes.count, set.contains(bytes[end]) { end += 1 }
            if end - start >= longest { runs.append(start..<end) }
            i = end
        }
        return runs
    }

    /// The type of a hash of `length` hex digits.
    private static func hashType(length: Int) -> IndicatorType? {
        switch length {
        case 32: .md5
        case 40: .sha1
        case 64: .sha256
        case 128: .sha512
        default: nil
        }
    }

    /// The IPv4 addresses that four consecutive numbers of a run of digits and dots write
    /// (`192.0.2.130..131` writes one; `1.2.3.4.5` two).
    private static func dottedQuads(_ bytes: IndicatorBytes.Bytes, _ run: Range<Int>) -> [(value: String, type: IndicatorType, offset: Int)] {
        var groups: [Range<Int>] = []
        var start = run.lowerBound
        for i in run where bytes[i] == IndicatorBytes.dot {
            groups.append(start..<i)
            start = i + 1
        }
        groups.append(start..<run.upperBound)
        guard groups.count >= 4 else { return [] }
        var found: [(value: String, type: IndicatorType, offset: Int)] = []
        for first in 0...(groups.count - 4) {
            let quad = groups[first..<first + 4]
            let written = groups[first].lowerBound..<groups[first + 3].upperBound
            guard let address = decimalAddress(quad.map { bytes[$0] }) else { continue }
            found.append((address, .ipv4, written.lowerBound))
        }
        return found
    }

    /// The IPv4 address a URL's host names when a browser reads it as numbers in another form
    /// than four decimal ones (the WHATWG URL standard): `0xC0000282`, `3221226114`,
    /// `0300.0.02.0202` and `192.000.002.130` are all `192.0.2.130`. Nil for any other host.
    public static func numericHostAddress(_ host: String) -> String? {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        var otherForm = parts.count != 4
        for part in parts {
            let text = part.lowercased()
            let (digits, radix): (Substring, Int) = text.hasPrefix("0x") ? (text.dropFirst(2)[...], 16)
                : text.count > 1 && text.hasPrefix("0") ? (text.dropFirst()[...], 8) : (text[...], 10)
            if radix != 10 { otherForm = true }
            // Digits only (`UInt64(_:radix:)` would take a sign), and not too many for 64 bits.
            guard !(digits.isEmpty && radix == 10), digits.count <= 16,
                  digits.utf8.allSatisfy({ IndicatorBytes.hexValue($0).map { Int($0) < radix } ?? false }) else { return nil }
            guard let number = digits.isEmpty ? 0 : UInt64(digits, radix: radix) else { return nil }
            numbers.append(number)
        }
        guard otherForm else { return nil }
        let last = numbers.removeLast()
        guard numbers.allSatisfy({ $0 <= 255 }), last < UInt64(1) << (8 * UInt64(4 - numbers.count)) else { return nil }
        var value = last
        for (position, number) in numbers.enumerated() { value += number << (8 * UInt64(3 - position)) }
        return (0..<4).map { String(value >> (8 * UInt64(3 - $0)) & 0xFF) }.joined(separator: ".")
    }
}

extension Indicators {
    /// The host a browser goes to for a URL's `host` (as `host(of:)` gives it) when it is written
    /// otherwise: its escapes decoded (`vpn.acme%2Eexample`), an address in numbers of another
    /// form (`numericHostAddress`). Nil when it is written as it is browsed.
    public static func browsedHost(_ host: String) -> String? {
        // Asked of every URL written: most hosts are names, which start with a letter and hold
        // no escape.
        guard let first = host.utf8.first, IndicatorBytes.isDigit(first) || host.utf8.contains(UInt8(ascii: "%")) else { return nil }
        var browsed = host
        if host.utf8.contains(UInt8(ascii: "%")),
           let decoded = String(validating: PercentEncoding.decoded(Array(host.utf8)), as: UTF8.self) {
            browsed = decoded.lowercased()
        }
        if let address = numericHostAddress(browsed) { browsed = address }
        return browsed == host ? nil : browsed
    }
}
