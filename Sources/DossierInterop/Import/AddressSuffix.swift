import DossierCore

/// What a feed, a log or a mail writes after an address or host that no indicator of dossier's
/// holds: a port (`203.0.113.9:4444`, `[2001:db8::1]:443`, `c2.example:8080`) or an IPv6 zone
/// (`fe80::1%eth0`). The address or host is the indicator; what is taken off is counted as not
/// representable, so an import says it was dropped.
enum AddressSuffix {
    /// The address or host `value` holds and what of it is dropped, when `value` is no indicator
    /// as written but one with a port or zone taken off; nil otherwise.
    static func split(_ value: String, as type: IndicatorType?) -> (host: String, dropped: String)? {
        guard case .failure = Indicators.parse(value, as: type) else { return nil }
        if let (host, hadPort) = PortSuffix.split(value), hadPort, case .success(let parsed) = Indicators.parse(host, as: type),
           [.ipv4, .ipv6, .domain].contains(parsed.type) {
            return (host, "port (of an address or host)")
        }
        if type == nil || type == .ipv6, let percent = value.firstIndex(of: "%"),
           case .success(let parsed) = Indicators.parse(String(value[..<percent]), as: .ipv6), parsed.type == .ipv6 {
            return (String(value[..<percent]), "zone (of an IPv6 address)")
        }
        return nil
    }

    /// What `written`, the text from where a value found in prose starts, writes after it: the
    /// kind of suffix `split` would drop, if the word ends in one.
    static func dropped(after written: Substring, type: IndicatorType) -> String? {
        guard [.ipv4, .ipv6, .domain].contains(type) else { return nil }
        // The word as written, to a blank or a mark that ends it (code's backtick, emphasis), a
        // sentence's period taken off, and what follows a port (`:80/tcp`, `:8080/gate.php`).
        var word = written.prefix { !$0.isWhitespace && !",;)>\"'`*/".contains($0) }
        while let last = word.last, ".:!?".contains(last) { word = word.dropLast() }
        let refanged = Indicators.refang(String(word))
        let bracketed = type == .ipv6 && written.startIndex > written.base.startIndex
            && written.base[written.base.index(before: written.startIndex)] == "["
        return split(bracketed ? "[" + refanged : refanged, as: nil)?.dropped
    }
}
