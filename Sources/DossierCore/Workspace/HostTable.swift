/// URLs, e-mail addresses and domains filed under each name they lie within, so that a lookup of
/// `example.com` finds `https://cdn.example.com/x`, `ceo@example.com` and `mail.example.com` with
/// one dictionary read.
///
/// Names are filed by a 64-bit hash of their bytes rather than as strings: the hashes of a host
/// and of all its parent domains come out of one right-to-left pass over the host, with no string
/// made per parent, which keeps the index's single pass cheap. A hash can collide, so every
/// candidate is confirmed against the indicator itself (`confirm`) before it is returned.
struct HostTable: Sendable {
    private var table = OccurrenceSlots<UInt64>()

    /// Files a URL or e-mail under its host and, for a name, every parent domain of two labels or
    /// more; an IP address host only under itself.
    mutating func insert(host: String, isAddress: Bool, _ occurrence: IndicatorIndex.Occurrence) {
        Self.hashes(of: host, includingSelf: true, parents: !isAddress) { table.append(occurrence, for: $0) }
    }

    /// Files a domain under every parent domain of two labels or more (not itself: the index's key
    /// table has that).
    mutating func insert(domain: String, _ occurrence: IndicatorIndex.Occurrence) {
        Self.hashes(of: domain, includingSelf: false, parents: true) { table.append(occurrence, for: $0) }
    }

    /// Candidates filed under `name` (normalized domain or IP address); may hold collisions.
    func candidates(_ name: String) -> [IndicatorIndex.Occurrence] {
        var result: [IndicatorIndex.Occurrence] = []
        Self.hashes(of: name, includingSelf: true, parents: false) { result = table[$0] }
        return result
    }

    /// Whether `indicator`, a candidate for `name`, really is on `name` or within it.
    static func confirm(_ indicator: Indicator, within name: String) -> Bool {
        switch indicator.type {
        case .url, .email:
            guard let host = Indicators.host(of: indicator.value, type: indicator.type) else { return false }
            return host == name || Indicators.isDomain(host, within: name) && !IndicatorIndex.isAddress(host)
        case .domain:
            return indicator.value != name && Indicators.isDomain(indicator.value, within: name)
        default:
            return false
        }
    }

    /// FNV-1a over the bytes from last to first. At each dot, the hash so far is that of the
    /// suffix after it; a suffix is reported when it has two labels or more.
    private static func hashes(of name: String, includingSelf: Bool, parents: Bool, _ report: (UInt64) -> Void) {
        var hash = FNV1a()
        var dots = 0
        for byte in name.utf8.reversed() {
            if byte == UInt8(ascii: ".") {
                if parents && dots >= 1 { report(hash.value) }
                dots += 1
            }
            hash.add(byte)
        }
        if includingSelf { report(hash.value) }
    }
}
