/// Recorded indicators as a link may lead to them: a link to a URL or e-mail address leads to
/// the value itself, its host, a domain its host lies within, a CIDR block holding its address,
/// or another URL or e-mail address on the same host. What a report's link may not lead to when
/// the record is a threat. Filed once so that a link is looked up rather than compared with each
/// record: a report asks of every link in its notes, and a project may record thousands.
public struct LinkDestinations: Sendable {
    private var values: Set<String> = []
    /// Recorded domains: a host that is one, or lies within one, is reached.
    private var domains: Set<String> = []
    /// Recorded IP addresses, and the hosts of recorded URLs and e-mail addresses.
    private var hosts: Set<String> = []
    private var blocks: [CIDRBlock] = []

    /// The destinations of `recorded`, or of those of them `including` keeps.
    public init(_ recorded: [Indicator], including: (Indicator) -> Bool = { _ in true }) {
        // Read in place: a copy of each indicator retains and releases all of its strings.
        recorded.withUnsafeBufferPointer { recorded in
            for i in recorded.indices where including(recorded[i]) {
                let (value, type) = (recorded[i].value, recorded[i].type)
                values.insert(value)
                switch type {
                case .domain:
                    domains.insert(value)
                case .ipv4, .ipv6:
                    hosts.insert(value)
                case .cidr:
                    if case .success(let block) = CIDRBlock.parse(value) { blocks.append(block) }
                case .url, .email:
                    if let host = Indicators.host(of: value, type: type) { hosts.insert(host) }
                default:
                    break
                }
            }
        }
    }

    /// True when a link to `value` (a URL or e-mail address in normal form, of `type`) leads to
    /// one of them.
    public func reached(byLinkTo value: String, type: IndicatorType) -> Bool {
        if values.contains(value) { return true }
        guard let host = Indicators.host(of: value, type: type) else { return false }
        if hosts.contains(host) { return true }
        if !domains.isEmpty {
            // The host, then each domain it lies within (`a.b.example` → `b.example` → `example`).
            var rest = Substring(host)
            while true {
                if domains.contains(String(rest)) { return true }
                guard let dot = rest.utf8.firstIndex(of: UInt8(ascii: ".")) else { break }
                rest = rest[rest.utf8.index(after: dot)...]
            }
        }
        return blocks.contains { $0.contains(host) }
    }
}
