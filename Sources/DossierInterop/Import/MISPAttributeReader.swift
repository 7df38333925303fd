import DossierCore

/// One MISP attribute (from an event, an object or a row of MISP's CSV export) into the collector,
/// by `MISPTypes.mapping`:
///
/// - a composite type (`domain|ip`, `filename|sha256`, `ip-dst|port`...) splits into its parts,
///   each read as its own type, sharing the comment and tags;
/// - `ip-src`/`ip-dst` must be an IPv4 or IPv6 address or a CIDR block;
/// - a `filename` with a `/` or `\` is a file path; a `vulnerability` that is no CVE id (a vendor
///   bulletin) is kept as `other`;
/// - `link`, `text` and `comment` attributes become lines of the import's note;
/// - an address or host name with a port (`203.0.113.9:4444`, `[2001:db8::1]:443`,
///   `c2.example:8080`) is read without it, as `ip-dst|port` is; a URL without a scheme
///   (`evil.example/gate.php`) is kept as written, as `other`;
/// - ports and registry value data have no place in dossier: counted as unrepresentable;
/// - properties (`datetime`, `size-in-bytes`, `float` such as a file's entropy, `mime-type`,
///   `counter`...) are no indicators: skipped with the reason;
/// - any other MISP type is kept as `other`, tagged `misp-type:<type>`, never dropped.
enum MISPAttributeReader {
    static func add(
        type: String, value: String, details: ImportCollector.Details, context: String? = nil, at position: SourcePosition?,
        into collector: inout ImportCollector
    ) {
        let parts = MISPTypes.parts(of: type)
        guard let values = MISPTypes.split(value, into: parts.count) else {
            collector.skip(value, "a \(type) value has \(parts.count) parts separated by |", at: position)
            return
        }
        for (part, text) in zip(parts, values) {
            let item = parts.count > 1 ? "\(text) (\(part) of \(type) \(value))" : text
            switch MISPTypes.mapping(of: part) {
            case .indicator(nil):
                let host = withoutPort(text, type: type, into: &collector)
                collector.add(host, as: nil, allowed: [.ipv4, .ipv6, .cidr], details: details, item: item, at: position)
            case .indicator(.domain?):
                collector.add(withoutPort(text, type: type, into: &collector), as: .domain, details: details, item: item, at: position)
            case .indicator(.url?) where !Indicators.refang(text).contains("://"):
                // MISP takes `evil.example/gate.php` as a URL; dossier would have to guess its
                // scheme, and a guess would change what a blocklist made of it blocks.
                collector.warning("MISP url '\(text)' has no scheme: kept as other, tagged \(MISPTypes.typeTag(part))", at: position)
                addOther(text, mispType: part, details: details, item: item, at: position, into: &collector)
            case .indicator(.filename?):
                let isPath = text.contains("/") || text.contains("\\")
                collector.add(text, as: isPath ? .filepath : .filename, details: details, item: item, at: position)
            case .indicator(.cve?):
                if case .success = Indicators.parse(text, as: .cve) {
                    collector.add(text, as: .cve, details: details, item: item, at: position)
                } else {
                    addOther(text, mispType: part, details: details, item: item, at: position, into: &collector)
                }
            case .indicator(let indicatorType?):
                collector.add(text, as: indicatorType, details: details, item: item, at: position)
            case .note:
                collector.note(noteLine(type: part, value: text, comment: details.comment, context: context), isPrivate: details.isPrivate)
            case .dropped(let kind):
                collector.unrepresentable("MISP \(kind) (of \(type))")
            case .property:
                collector.skip(item, "a MISP \(part) attribute is a property, not an indicator", at: position)
            case .unmapped:
                addOther(text, mispType: part, details: details, item: item, at: position, into: &collector)
            }
        }
    }

    /// `text` without the port an address or host name may carry (`host:443`, `[v6]:443`,
    /// `PortSuffix`); the port is counted as unrepresentable. Anything else (an IPv6 address)
    /// as it is.
    static func withoutPort(_ text: String, type: String, into collector: inout ImportCollector) -> String {
        guard let (host, hadPort) = PortSuffix.split(text), hadPort, !host.isEmpty else { return text }
        collector.unrepresentable("MISP port (of \(type))")
        return host
    }

    static func addOther(
        _ value: String, mispType: String, details: ImportCollector.Details, item: String, at position: SourcePosition?,
        into collector: inout ImportCollector
    ) {
        var kept = details
        kept.tags.append(MISPTypes.typeTag(mispType))
        collector.add(value, as: .other, details: kept, item: item, at: position)
    }

    /// `- Antivirus detection (text): Win32/PhantomNet.B — ESET detection name`; a link as a
    /// Markdown link named by its comment (`[ESET blogpost](https://...)`), else `link`: a report
    /// keeps a link whose text is no address (a reference), where it defangs one that shows its
    /// address (the vendor's write-up would read as a threat's URL, and lead nowhere).
    static func noteLine(type: String, value: String, comment: String?, context: String?) -> String {
        let label = context.map { "\(escaped($0)) (\(type))" } ?? type
        let isURL = type == "link" && (value.hasPrefix("http://") || value.hasPrefix("https://"))
            && !value.contains { $0.isWhitespace || $0 == ">" || $0 == "<" }
        let remark = comment.flatMap { $0.isEmpty ? nil : escaped($0.split(whereSeparator: \.isNewline).joined(separator: " ")) }
        guard !isURL else {
            // In angle brackets, a destination may hold parentheses.
            let destination = value.contains { $0 == "(" || $0 == ")" } ? "<\(value)>" : value
            return "- \(label): [\(remark ?? "link")](\(destination))"
        }
        let shown = escaped(value.split(whereSeparator: \.isNewline).joined(separator: " "))
        return "- \(label): \(shown)\(remark.map { " — " + $0 } ?? "")"
    }

    /// Text with Markdown's inline punctuation escaped, so a value is shown as written.
    static func escaped(_ text: String) -> String {
        var result = ""
        for c in text {
            if "\\`*_[]<>#|~!".contains(c) { result.append("\\") }
            result.append(c)
        }
        return result
    }
}
