import DossierCore

/// What a link in a project's prose leads to among the threats the other projects of the report's
/// workspace record (an indicator classified other than non-malicious, as the project's own
/// threats are: `CommonMark.Defanging`): the linked URL or e-mail address itself, its host as a
/// recorded address or domain, or a recorded domain the host lies within. A public note linking
/// to a kit another public project found malicious must not hand its reader a live link. The
/// index is of the audience-filtered workspace, so a public report weighs public records alone.
/// A URL recorded with a fragment (`#section`) is reached by a link with that fragment alone.
enum ThreatsElsewhere {
    /// True when a link to `value` (normal form, of `type`) from the project at `position` leads
    /// to a threat another project of `index` records.
    static func reached(byLinkTo value: String, type: IndicatorType, from position: Int?, index: IndicatorIndex) -> Bool {
        keys(reachedByLinkTo: value, type: type).contains { key in
            // Most links lead to nothing recorded: counting costs less than listing.
            index.occurrenceCount(of: key) > 0 && index.occurrences(of: key).contains { occurrence in
                occurrence.project != position
                    && index.indicator(occurrence).effectiveClassification(in: index.workspace.vocabulary) != .nonMalicious
            }
        }
    }

    /// What a link to `value` reaches if recorded: the value, its host, and each domain the host
    /// lies within (`a.b.example` → `b.example` → `example`).
    static func keys(reachedByLinkTo value: String, type: IndicatorType) -> [IndicatorKey] {
        var keys = [IndicatorKey(type: type, value: value)]
        // The same page by the web's other scheme (a note's `http://` or `//` link to a recorded
        // `https://` page, which a browser may well be sent on to).
        for (scheme, other) in [("http://", "https://"), ("https://", "http://")] where type == .url && value.hasPrefix(scheme) {
            keys.append(IndicatorKey(type: .url, value: other + value.dropFirst(scheme.count)))
        }
        guard let host = Indicators.host(of: value, type: type), !host.isEmpty else { return keys }
        switch Indicators.detect(host) {
        case .ipv4: keys.append(IndicatorKey(type: .ipv4, value: host))
        case .ipv6: keys.append(IndicatorKey(type: .ipv6, value: host))
        default:
            var rest = Substring(host)
            while true {
                keys.append(IndicatorKey(type: .domain, value: String(rest)))
                guard let dot = rest.utf8.firstIndex(of: UInt8(ascii: ".")) else { break }
                rest = rest[rest.utf8.index(after: dot)...]
            }
        }
        return keys
    }
}
