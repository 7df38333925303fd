/// Pass 1 of `IndicatorExtractor`: URLs.
extension IndicatorExtractor {
    mutating func findURLs() {
        let n = bytes.count
        var i = 0
        while i + 2 < n {
            guard bytes[i] == IndicatorBytes.colon, bytes[i + 1] == IndicatorBytes.slash, bytes[i + 2] == IndicatorBytes.slash else {
                i += 1
                continue
            }
            var start = i
            while start > 0 && i - start < 32 && Self.isSchemeByte(bytes[start - 1]) { start -= 1 }
            while start < i && !IndicatorBytes.isLetter(bytes[start]) { start += 1 }
            let scanEnd = urlScanEnd(from: i + 3)
            defer { i = max(scanEnd, i + 3) }
            // A one-letter scheme is a Windows drive (`C://`).
            guard i - start >= 2 else { continue }
            let end = trimmedURLEnd(start: start, authority: i + 3, end: scanEnd)
            guard end > i + 3 else { continue }
            let text = IndicatorBytes.string(bytes, start..<end)
            // Refanged as a value too: a scheme written defanged inside a word (`2026-10-hxxps://`)
            // is not refanged as text, and a URL still holding a defanged form is no normal value.
            guard case .success(let url) = Indicators.normalize(Indicators.refang(text), as: .url), hasRealHost(url) else { continue }
            found.append(Found(start: start, end: end, type: .url, value: url))
            claimed.append(start..<end)
        }
    }

    static func isSchemeByte(_ b: UInt8) -> Bool {
        IndicatorBytes.isAlphanumeric(b) || b == UInt8(ascii: "+") || b == IndicatorBytes.hyphen
    }

    /// Where a URL starting at `start` ends, at the latest.
    func urlScanEnd(from start: Int) -> Int {
        var depth = (paren: 0, square: 0, curly: 0)
        var k = start
        scan: while k < bytes.count {
            let b = bytes[k]
            if b >= 0x80 {
                guard let (scalar, length) = IndicatorBytes.scalar(bytes, at: k), !Self.endsURL(scalar) else { break }
                k += length
                continue
            }
            switch b {
            case 0...0x20, 0x7F, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "`"),
                 UInt8(ascii: "|"), UInt8(ascii: "\\"):
                break scan
            case UInt8(ascii: ","), UInt8(ascii: ";"):
                // `https://a.example/x,https://b.example/y` is two URLs.
                if startsScheme(at: k + 1) { break scan }
            case UInt8(ascii: "("): depth.paren += 1
            case UInt8(ascii: "["): depth.square += 1
            case UInt8(ascii: "{"): depth.curly += 1
            case UInt8(ascii: ")"):
                if depth.paren == 0 { break scan }
                depth.paren -= 1
            case UInt8(ascii: "]"):
                if depth.square == 0 { break scan }
                depth.square -= 1
            case UInt8(ascii: "}"):
                if depth.curly == 0 { break scan }
                depth.curly -= 1
            default:
                break
            }
            k += 1
        }
        return k
    }

    /// True when `scheme://` (a letter, then up to 15 scheme characters) starts at `k`.
    func startsScheme(at k: Int) -> Bool {
        guard k < bytes.count, IndicatorBytes.isLetter(bytes[k]) else { return false }
        var j = k + 1
        while j < bytes.count && j - k <= 16 && Self.isSchemeByte(bytes[j]) { j += 1 }
        return IndicatorBytes.matches(bytes, at: j, "://")
    }

    /// Spaces, quotation marks, brackets and punctuation of any script end a URL in text.
    static func endsURL(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
             .initialPunctuation, .finalPunctuation, .openPunctuation, .closePunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Drops an AsciiDoc `[link text]` and trailing punctuation.
    func trimmedURLEnd(start: Int, authority: Int, end scanEnd: Int) -> Int {
        var end = scanEnd
        // Brackets count from the host on (AsciiDoc puts `[text]` right after a bare host), except
        // the brackets of an IPv6 literal host.
        var pathStart = authority
        if pathStart < end, bytes[pathStart] == UInt8(ascii: "[") {
            while pathStart < end, bytes[pathStart] != UInt8(ascii: "]") { pathStart += 1 }
            pathStart = min(pathStart + 1, end)
        }
        // AsciiDoc `url[link text]`: cut at a `[` left open (the text had a space), or at the `[` of a final
        // `[...]` unless it follows `=` (a query value such as `b=[x]`).
        var firstOpen: Int? = nil
        var depth = 0
        for k in pathStart..<end {
            if bytes[k] == UInt8(ascii: "[") {
                if depth == 0 { firstOpen = k }
                depth += 1
            } else if bytes[k] == UInt8(ascii: "]") && depth > 0 {
                depth -= 1
            }
        }
        if depth > 0, let firstOpen {
            end = firstOpen
        } else if end > pathStart && bytes[end - 1] == UInt8(ascii: "]") {
            var k = end - 1
            var nesting = 0
            while k >= pathStart {
                if bytes[k] == UInt8(ascii: "]") { nesting += 1 }
                if bytes[k] == UInt8(ascii: "[") {
                    nesting -= 1
                    if nesting == 0 { break }
                }
                k -= 1
            }
            if k > pathStart && nesting == 0 && bytes[k - 1] != UInt8(ascii: "=") { end = k }
        }
        while end > authority {
            switch bytes[end - 1] {
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                 UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "*"):
                end -= 1
            default:
                return end
            }
        }
        return end
    }

    /// A URL in text counts when its host is an IP address or a name of at least two labels.
    func hasRealHost(_ url: String) -> Bool {
        guard let host = URLIndicator.host(of: url) else { return false }
        return host.utf8.contains(IndicatorBytes.dot) || host.utf8.contains(IndicatorBytes.colon)
    }
}
