extension Indicators {
    /// True when a link to `value` (a URL or e-mail address in normal form, of `type`) leads to
    /// what `recorded` records: the value itself, its host, a domain its host lies within, a CIDR
    /// block holding its address, or another URL or e-mail address on the same host. What a
    /// report's link may not lead to when the record is a threat.
    public static func link(to value: String, type: IndicatorType, leadsTo recorded: Indicator) -> Bool {
        if recorded.value == value { return true }
        guard let host = host(of: value, type: type) else { return false }
        switch recorded.type {
        case .domain:
            return host == recorded.value || host.hasSuffix("." + recorded.value)
        case .ipv4, .ipv6:
            return host == recorded.value
        case .cidr:
            guard case .success(let block) = CIDRBlock.parse(recorded.value) else { return false }
            return block.contains(host)
        case .url, .email:
            return self.host(of: recorded.value, type: recorded.type) == host
        default:
            return false
        }
    }
}
