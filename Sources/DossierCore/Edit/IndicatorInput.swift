import Foundation

/// A value typed on the command line or read from standard input, with where it came from, so a
/// rejection can point at it.
public struct InputValue: Sendable, Hashable {
    public enum Origin: Sendable, Hashable {
        /// 1-based position among the values given as arguments.
        case argument(Int)
        /// 1-based line of standard input.
        case standardInput(line: Int, column: Int)
    }

    public var text: String
    public var origin: Origin

    public init(_ text: String, origin: Origin) {
        self.text = text
        self.origin = origin
    }
}

/// Turning what an analyst pastes into indicators: values one by one (refanged, type-detected,
/// validated, normalized by `Indicators.parse`), or indicators pulled out of free text.
public enum IndicatorInput {
    /// A value that is not a valid indicator, and why.
    public struct Rejected: Sendable, Equatable, CustomStringConvertible {
        public var value: InputValue
        public var problem: IndicatorProblem

        /// Where a value read from standard input stands, as diagnostics name a place
        /// (`<stdin>:2:1`); nil for an argument.
        public var location: String? {
            guard case .standardInput(let line, let column) = value.origin else { return nil }
            return "<stdin>:\(line):\(column)"
        }

        public var description: String {
            let place = switch value.origin {
            case .argument(let n): "value \(n)"
            case .standardInput: "value"
            }
            return "\(place) \"\(value.text)\": \(problem.message)"
        }
    }

    /// `arguments` with each `-` replaced by the lines of `standardInput` (read at most once, blank
    /// lines skipped, surrounding whitespace trimmed).
    public static func values(_ arguments: [String], standardInput: () -> String) -> [InputValue] {
        var result: [InputValue] = []
        var readInput = false
        for (n, argument) in arguments.enumerated() {
            guard argument == "-" else {
                result.append(InputValue(argument, origin: .argument(n + 1)))
                continue
            }
            guard !readInput else { continue }
            readInput = true
            for (l, line) in lines(standardInput()).enumerated() {
                let text = line.trimmingCharacters(in: .whitespaces)
                // A `#` line is a comment of the list pasted in (feeds and IOC lists have them);
                // no value starts with one. (A `#` after a value is kept: a free-form value may
                // hold one, `Invoice #4471.pdf.exe`.)
                guard !text.isEmpty, !text.hasPrefix("#") else { continue }
                let column = line.prefix { $0 == " " || $0 == "\t" }.count + 1
                result.append(InputValue(text, origin: .standardInput(line: l + 1, column: column)))
            }
        }
        return result
    }

    /// Each value parsed as `type`, or detected when `type` is nil. A value that does not fit the
    /// given type says why, and what it looks like instead.
    public static func parse(_ values: [InputValue], as type: IndicatorType?) -> (parsed: [ParsedIndicator], rejected: [Rejected]) {
        var parsed: [ParsedIndicator] = []
        var rejected: [Rejected] = []
        for value in values {
            switch parse(value.text, as: type) {
            case .success(let indicator): parsed.append(indicator)
            case .failure(let problem): rejected.append(Rejected(value: value, problem: problem))
            }
        }
        return (parsed, rejected)
    }

    /// One value, with a hint when it fits another type than the one given, or is a pasted form
    /// of one or more values (`meantValue`, `meantValues`).
    public static func parse(_ text: String, as type: IndicatorType?) -> Result<ParsedIndicator, IndicatorProblem> {
        let result = Indicators.parse(text, as: type)
        // A URL pasted from a sentence or a list, with its full stop or comma: a URL may end in
        // one, but hardly ever does, and the note scanner reads it without.
        if type == nil, case .success(let parsed) = result, parsed.type == .url,
           let meant = Indicators.withoutProsePunctuation(text), meant.value.type == .url, meant.value.value != parsed.value {
            return .failure(IndicatorProblem(message: proseHint(meant) + "; to record the URL with it, give --type url"))
        }
        guard case .failure = result else { return result }
        let refanged = Indicators.refang(text)
        if let meant = meantValue(refanged), case .success(let parsed) = Indicators.parse(meant.value, as: type) {
            return .failure(IndicatorProblem(message: "\(meant.what): give \(parsed.value)"))
        }
        if let meant = meantValues(refanged, as: type) {
            return .failure(IndicatorProblem(message: "\(meant.count) values joined by commas or semicolons: give each as a value of its own (\(meant.joined(separator: " ")))"))
        }
        if let meant = Indicators.withoutProsePunctuation(text, as: type) {
            return .failure(IndicatorProblem(message: proseHint(meant)))
        }
        // Only where the value's own problem teaches nothing: `999.1.1.1` is an address with a bad
        // octet, not a file name.
        if type == nil, case .failure(let problem) = result, problem.message.hasPrefix("cannot tell what kind"),
           let hint = formHint(refanged) {
            return .failure(IndicatorProblem(message: hint))
        }
        guard let type, case .failure(let problem) = result, let actual = Indicators.detect(Indicators.refang(text)),
            actual != type
        else { return result }
        return .failure(IndicatorProblem(message:
            "not a valid \(type.rawValue) (\(problem.message)); it looks like \(actual.withArticle): use --type \(actual.rawValue) or leave --type out"))
    }

    /// "ends with ",", as a sentence or a list writes it: give evil.example".
    static func proseHint(_ meant: (value: ParsedIndicator, leading: Substring, trailing: Substring)) -> String {
        let around = switch (meant.leading.isEmpty, meant.trailing.isEmpty) {
        case (true, _): "ends with \"\(meant.trailing)\""
        case (_, true): "starts with \"\(meant.leading)\""
        default: "has \"\(meant.leading)\" and \"\(meant.trailing)\" around it"
        }
        return "\(around), as a sentence or a list writes it: give \(meant.value.value)"
    }

    /// The value a pasted form holds, when it is one: an address or host with a port
    /// (`192.0.2.1:8080`), a `mailto:` address, a hash after its algorithm's name (`sha256:...`).
    /// The value is not taken in its place unasked: the port, or the prefix, may have mattered.
    static func meantValue(_ text: String) -> (value: String, what: String)? {
        // (A value in quotes or brackets, as a mail or a chat writes one, is `Indicators.withoutProsePunctuation`'s.)
        let lower = text.lowercased()
        if lower.hasPrefix("mailto:") { return (String(text.dropFirst(7)), "a mailto: link; the indicator is its e-mail address") }
        for name in ["md5", "sha1", "sha-1", "sha256", "sha-256", "sha512", "sha-512"] {
            for separator in [":", "="] where lower.hasPrefix(name + separator) {
                return (String(text.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces), "a hash after its algorithm's name; a hash is recorded alone")
            }
        }
        if let (host, hadPort) = PortSuffix.split(text), hadPort, !host.isEmpty {
            return (host, "an address or host with a port; the indicator is the address or host alone (a URL keeps its port)")
        }
        return nil
    }

    /// The values of a list pasted as one (`192.0.2.1,192.0.2.2`, `a.example; b.example`), when
    /// each part is one.
    static func meantValues(_ text: String, as type: IndicatorType?) -> [String]? {
        let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard parts.count > 1 else { return nil }
        var values: [String] = []
        for part in parts {
            guard case .success(let parsed) = Indicators.parse(part, as: type) else { return nil }
            values.append(parsed.value)
        }
        return values
    }

    /// What a value no type fits may be, said where `cannot tell what kind` would teach nothing:
    /// a host and path without a scheme (`evil.example/kit.zip`), a file name (`invoice.pdf.exe`).
    static func formHint(_ text: String) -> String? {
        if let slash = text.firstIndex(of: "/"), slash > text.startIndex, !text.contains("://"),
           case .success(let host) = Indicators.parse(String(text[..<slash]), as: nil), [.domain, .ipv4].contains(host.type) {
            return "a host and path without a scheme: give the URL with its scheme (http://\(text) or https://\(text); dossier does not guess it), or the host \(host.value) alone"
        }
        if let dot = text.lastIndex(of: "."), text.distance(from: dot, to: text.endIndex) <= 6, text.distance(from: dot, to: text.endIndex) > 1,
           !text.contains(" "), !text.contains("/"), !text.contains("\\") {
            // `setup.zip`, `report.mov`: top-level domains too (not `.exe`, `.docx`).
            let domain = Indicators.fits(text, .domain) && Indicators.hasKnownTopLevel(text.lowercased()) ? ", a domain with --type domain (.\(text[text.index(after: dot)...]) is a top-level domain too)" : ""
            return "cannot tell what kind of indicator '\(text)' is; a file name is given with --type filename\(domain)"
        }
        return nil
    }

    /// The indicators written in `texts` (free text: emails, blog posts, logs), in order of
    /// appearance, each once; only those of `type` when it is given.
    public static func extract(from texts: [String], only type: IndicatorType? = nil) -> [ParsedIndicator] {
        var seen: Set<ParsedIndicator> = []
        var result: [ParsedIndicator] = []
        for text in texts {
            for found in Indicators.extract(from: text) where type == nil || found.type == type {
                let indicator = ParsedIndicator(type: found.type, value: found.value)
                if seen.insert(indicator).inserted { result.append(indicator) }
            }
        }
        return result
    }

    /// Lines split on LF, CRLF or CR.
    static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }
}
