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
                // no value starts with one.
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

    /// One value, with a hint when it fits another type than the one given.
    public static func parse(_ text: String, as type: IndicatorType?) -> Result<ParsedIndicator, IndicatorProblem> {
        let result = Indicators.parse(text, as: type)
        if case .failure = result, let meant = meantValue(Indicators.refang(text)),
           case .success(let parsed) = Indicators.parse(meant.value, as: type) {
            return .failure(IndicatorProblem(message: "\(meant.what): give \(parsed.value)"))
        }
        guard let type, case .failure(let problem) = result, let actual = Indicators.detect(Indicators.refang(text)),
            actual != type
        else { return result }
        return .failure(IndicatorProblem(message:
            "not a valid \(type.rawValue) (\(problem.message)); it looks like \(article(actual.rawValue)) \(actual.rawValue): use --type \(actual.rawValue) or leave --type out"))
    }

    /// The value a pasted form holds, when it is one: an address or host with a port
    /// (`192.0.2.1:8080`), a `mailto:` address, a hash after its algorithm's name (`sha256:...`).
    /// The value is not taken in its place unasked: the port, or the prefix, may have mattered.
    static func meantValue(_ text: String) -> (value: String, what: String)? {
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

    static func article(_ word: String) -> String {
        guard let first = word.first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
