extension Indicators {
    /// Undo common defanging: `hxxp`/`hXXp`/`hxxps`/`fxp` → `http`/`https`/`ftp`; `[.]` `(.)` `{.}` `[dot]`
    /// `(dot)` `{dot}` ` dot ` `\.` → `.`; `[@]` `(@)` `[at]` `(at)` → `@`; `[:]` → `:`; `[://]` → `://`;
    /// `[/]` → `/`. Trims surrounding whitespace.
    ///
    /// Each form is replaced only where it stands inside a name or an address (see `Refanger`), and ` dot ` only
    /// when the result is a single word, so values that were not defanged are returned unchanged.
    public static func refang(_ text: String) -> String {
        let value = trimmed(text)
        return IndicatorBytes.withBytes(value) { bytes in
            guard Refanger.mayBeDefanged(bytes) else { return value }
            var refanger = Refanger(bytes, mode: .value)
            // ` dot ` counts only when it leaves a single word (`evil dot example`, not "the dot com era").
            if refanger.output.contains(IndicatorBytes.space) {
                refanger = Refanger(bytes, mode: .text)
            }
            return refanger.replacements.isEmpty ? value : String(decoding: refanger.output, as: UTF8.self)
        }
    }

    /// Display form of a normal value, safe to show in a report: for network types, `http`→`hxxp`,
    /// `https`→`hxxps`, `ftp`→`fxp`, the dots of a domain, IPv4 address or host as `[.]`, `@` as `[@]`,
    /// and an IPv6 address's (or block's) colons after a digit or letter as `[:]` (`2001[:]db8[:]:1`,
    /// as CyberChef defangs one; a leading `::` stays). A URL's path and query stay readable; non-network
    /// types are returned unchanged (hashes are never defanged). `refang(defang(v, as: t)) == v` for every normal `v`.
    public static func defang(_ value: String, as type: IndicatorType) -> String {
        switch type {
        case .ipv4, .domain:
            return defangDots(value)
        case .ipv6:
            return defangColons(value)
        case .cidr:
            return value.utf8.contains(IndicatorBytes.colon) ? defangColons(value) : defangDots(value)
        case .email:
            guard let at = value.utf8.lastIndex(of: IndicatorBytes.at), at > value.utf8.startIndex,
                  value.utf8.index(after: at) < value.utf8.endIndex else { return value }
            let before = value.utf8[value.utf8.index(before: at)], after = value.utf8[value.utf8.index(after: at)]
            let sign = Refanger.refangsAt(before: before, after: after) ? "[@]" : "@"
            return String(value[..<at]) + sign + defangDots(String(value[value.utf8.index(after: at)...]))
        case .url:
            return URLIndicator.defang(value)
        default:
            return value
        }
    }

    /// `text` (a note, a summary, a comment) with each network indicator written in it, as
    /// `extract(from:)` finds them, defanged as `defang(_:as:)` shows values: what PRODUCT.md asks
    /// of a report is asked of its prose too. An indicator its writer already defanged stays as
    /// written but for a live scheme (`http://evil[.]example` shows `hxxp://`); one defanged in
    /// part, its host live (`hxxp://203.0.113.9/`), is shown as its value defanged; hashes are
    /// left as they are, as in tables.
    public static func defangText(_ text: String) -> String {
        guard mayHoldNetworkIndicator(text) else { return text }
        return defangingSchemes(defangingSpans(text))
    }

    private static func defangingSpans(_ text: String) -> String {
        let spans = IndicatorExtractor.liveSpans(in: text)
        guard !spans.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8 * spans.count)
        var copied = 0
        for (range, type, value, partlyDefanged) in spans where range.lowerBound >= copied {
            let written = String(decoding: bytes[range], as: UTF8.self)
            guard readsAsAddressInProse(written, type: type, value: value) else { continue }
            // Defanged in part (`hxxp://203.0.113.9/`), it is shown as its value is, wholly
            // defanged: brackets added to the writer's would be doubled.
            var shown = partlyDefanged ? defang(value, as: type) : defang(written, as: type)
            // A URL its parser cannot split as written is shown as its value is.
            if shown == written { shown = defang(value, as: type) }
            guard shown != written else { continue }
            out += bytes[copied..<range.lowerBound]
            out += shown.utf8
            copied = range.upperBound
        }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with each `http://`, `https://` and `ftp://` left live written `hxxp://`, `hxxps://`,
    /// `fxp://`: the address of one no parser reads as a URL (`http://3325256770/bot.dll`, its
    /// host a number a browser takes for 198.51.100.66), which a Markdown viewer would still link.
    private static func defangingSchemes(_ text: String) -> String {
        // Most texts hold no `://`: looked for in place before any copy is made.
        var view = text
        guard view.withUTF8({ ByteSearch.firstOffset(of: UnsafeBufferPointer(start: ("://" as StaticString).utf8Start, count: 3), in: $0) }) != nil
        else { return text }
        var bytes = Array(text.utf8)
        var changed = false
        var i = 0
        while let found = ByteSearch.firstOffset(of: "://", in: bytes, from: i) {
            i = found + 3
            for (scheme, defanged) in [("https", "hxxps"), ("http", "hxxp"), ("ftp", "fxp")] {
                let start = found - scheme.utf8.count
                guard start >= 0, (start == 0 || !IndicatorBytes.isAlphanumeric(bytes[start - 1])),
                      bytes[start..<found].map(IndicatorBytes.lower).elementsEqual(scheme.utf8) else { continue }
                bytes.replaceSubrange(start..<found, with: defanged.utf8)
                changed = true
                break
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// False when `text` cannot hold an indicator that defanging changes: each has a dot before
    /// a letter or digit (a host, an address) or is a URL (`://`). Most comments are prose and stop
    /// here. A full stop other than `.` that browsers take for one (`evil。example`, as the extractor
    /// reads it too) may be one's dot (`Refanger.holdsBrowserDot`).
    private static func mayHoldNetworkIndicator(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count > 3 else { return false }
            for i in 1..<bytes.count - 1 {
                guard bytes[i] == IndicatorBytes.dot || bytes[i] == IndicatorBytes.colon else {
                    if Refanger.isBrowserDot(bytes, at: i) { return true }
                    continue
                }
                let next = bytes[i + 1]
                if bytes[i] == IndicatorBytes.dot ? IndicatorBytes.isAlphanumeric(next) || next >= 0x80
                    // `://`, or an IPv6 address's `db8:` or `::`.
                    : next == IndicatorBytes.slash || next == IndicatorBytes.colon || IndicatorBytes.hexValue(next) != nil && IndicatorBytes.hexValue(bytes[i - 1]) != nil {
                    return true
                }
            }
            return false
        }
    }

    /// False for an IPv6 address (or block) written in prose without a group of three or four hex
    /// digits, as addresses have (`2001`, `db8`, `fe80`, `ffff`): code and other colon-separated
    /// figures that read as one (a slice `blob[0::2]`, C++'s `a1::b2`, an EUI-64
    /// `02:00:5e:ff:fe:00:53:01`) are not shown defanged, nor reported as written but not
    /// recorded. True for every other indicator. (Finding private values keeps them all.)
    static func readsAsAddressInProse(_ written: String, type: IndicatorType, value: String) -> Bool {
        guard type == .ipv6 || type == .cidr && value.utf8.contains(IndicatorBytes.colon) else { return true }
        var run = 0
        for byte in written.utf8 {
            if IndicatorBytes.hexValue(byte) != nil {
                run += 1
                if run >= 3 { return true }
            } else {
                // A zone (`%eth0`) or a prefix length (`/48`) ends the address.
                if byte != IndicatorBytes.colon { return false }
                run = 0
            }
        }
        return false
    }

    /// `value` with each colon after a digit or letter written `[:]` and each dot `[.]`: an IPv6
    /// address (`::ffff:192.0.2.1` is `::ffff[:]192[.]0[.]2[.]1`). A colon after another, or first,
    /// stays: refang reads `[:]` back only after an address's digit.
    private static func defangColons(_ value: String) -> String {
        bracketed(value, colons: true)
    }

    /// `value` with each dot written `[.]`.
    private static func defangDots(_ value: String) -> String {
        bracketed(value, colons: false)
    }

    /// `value` with each dot written `[.]` and, with `colons`, each colon after a hexadecimal
    /// digit `[:]`. By bytes, as neither is ever a byte of a longer character: a site defangs a
    /// million values, and a string made scalar by scalar was a tenth of its rows' cost.
    private static func bracketed(_ value: String, colons: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 8)
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte == IndicatorBytes.dot || colons && byte == IndicatorBytes.colon && IndicatorBytes.hexValue(previous) != nil {
                out.append(UInt8(ascii: "["))
                out.append(byte)
                out.append(UInt8(ascii: "]"))
            } else {
                out.append(byte)
            }
            previous = byte
        }
        return String(decoding: out, as: UTF8.self)
    }
}
