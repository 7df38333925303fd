import Foundation

/// Which indicators of a project `tag`, `untag` and `classify` act on: the values named, and/or
/// the bulk selectors `--tagged`, `--type`, `--classified`, `--all`. Every criterion given narrows
/// the selection (they intersect); `--all` alone selects everything. Several types or
/// classifications select any of them (`--type cidr --type asn`), as `export` reads them.
public struct Selection: Sendable, Hashable, CustomStringConvertible {
    /// The indicators named by value; nil when no value was given.
    public var keys: Set<IndicatorKey>?
    /// Tags the indicator must all have (case-insensitively).
    public var tagged: [String]
    /// Any of these types; none given: any type.
    public var types: [IndicatorType]
    /// Any of these effective classifications (explicit, else implied by the vocabulary tags, else
    /// unknown); none given: any.
    public var classified: [Classification]
    public var all: Bool

    public init(
        keys: Set<IndicatorKey>? = nil, tagged: [String] = [], types: [IndicatorType] = [], classified: [Classification] = [],
        all: Bool = false
    ) {
        self.keys = keys
        self.tagged = tagged
        self.types = types
        self.classified = classified
        self.all = all
    }

    /// True when no criterion was given, which is a usage error rather than "everything".
    public var isEmpty: Bool { keys == nil && tagged.isEmpty && types.isEmpty && classified.isEmpty && !all }

    public func matches(_ indicator: Indicator, vocabulary: Vocabulary) -> Bool {
        guard !isEmpty else { return false }
        if let keys, !keys.contains(indicator.key) { return false }
        if !types.isEmpty, !types.contains(indicator.type) { return false }
        for tag in tagged where !Tag.contains(indicator.tags, tag) { return false }
        if !classified.isEmpty, !classified.contains(indicator.effectiveClassification(in: vocabulary)) { return false }
        return true
    }

    /// Positions in `project.indicators` of the selected indicators.
    public func indices(in project: Project, vocabulary: Vocabulary) -> [Int] {
        project.indicators.indices.filter { matches(project.indicators[$0], vocabulary: vocabulary) }
    }

    /// "tagged Blocked, of type domain, classified malicious", for "nothing matched" messages.
    public var description: String {
        var parts: [String] = []
        if let keys { parts.append(keys.count == 1 ? "the value given" : "one of the \(keys.count) values given") }
        if !tagged.isEmpty { parts.append("tagged " + tagged.joined(separator: " and ")) }
        if !types.isEmpty { parts.append("of type " + types.map(\.rawValue).joined(separator: " or ")) }
        if !classified.isEmpty { parts.append("classified " + classified.map(\.rawValue).joined(separator: " or ")) }
        if parts.isEmpty { return all ? "any indicator" : "nothing" }
        return parts.joined(separator: ", ")
    }

    /// The keys of the project's indicators that `values` name. A value is parsed as `type` (or
    /// detected); one no strict type fits is matched against the project's free-form indicators
    /// (filename, mutex...) as `IndicatorKey` compares values. Values that are invalid or not recorded in the project are
    /// rejected with the reason (and how to add one, unless `suggestingAdd` is false: a value to
    /// remove needs no adding).
    public static func keys(for values: [InputValue], type: IndicatorType?, in project: Project, suggestingAdd: Bool = true)
        -> (keys: Set<IndicatorKey>, rejected: [IndicatorInput.Rejected])
    {
        let recorded = Set(project.indicators.map(\.key))
        var keys: Set<IndicatorKey> = []
        var rejected: [IndicatorInput.Rejected] = []
        // One value the project records under two types: which is meant, the user says.
        func ambiguous(_ value: InputValue, _ shown: String, _ recordedAs: [IndicatorKey]) {
            rejected.append(IndicatorInput.Rejected(value: value, problem: IndicatorProblem(message:
                "\(shown) is recorded in \(project.slug) as \(recordedAs.map(\.type.rawValue).joined(separator: " and ")); give --type to say which")))
        }
        func notRecorded(_ value: InputValue, _ shown: String) {
            rejected.append(IndicatorInput.Rejected(value: value, problem: IndicatorProblem(message:
                "\(shown) is not recorded in \(project.slug)" + (suggestingAdd ? "; add it first with `dossier add \(project.slug) ...`" : ""))))
        }
        for value in values {
            switch IndicatorInput.parse(value.text, as: type) {
            case .success(let parsed):
                let key = Self.recordedKey(of: parsed, typeGiven: type != nil, recorded: recorded)
                // A value that is also a free-form one the project records (`setup.zip`, a domain
                // and a file name): that one, when it is the only one; which of two, the user says.
                let freeForm = type == nil ? Self.freeFormKeys(value, recorded: recorded) : []
                switch (recorded.contains(key), freeForm.isEmpty) {
                case (true, true): keys.insert(key)
                case (false, false): keys.formUnion(freeForm)
                case (true, false): ambiguous(value, parsed.value, [key] + freeForm)
                case (false, true): notRecorded(value, "\(parsed.type.rawValue) \(parsed.value)")
                }
            case .failure(let problem):
                if type == nil {
                    let matches = Self.freeFormKeys(value, recorded: recorded)
                    if !matches.isEmpty {
                        // Taken for a file name (`setup.zip`), it may be recorded as a domain too.
                        let strict = Self.strictTypes.compactMap { type -> IndicatorKey? in
                            guard case .success(let parsed) = Indicators.parse(value.text, as: type) else { return nil }
                            return IndicatorKey(type: type, value: parsed.value)
                        }.filter(recorded.contains)
                        if strict.isEmpty { keys.formUnion(matches) } else { ambiguous(value, value.text, strict + matches) }
                        continue
                    }
                }
                rejected.append(IndicatorInput.Rejected(value: value, problem: problem))
            }
        }
        return (keys, rejected)
    }

    /// The key `parsed` names in a project that records `recorded`: its own, or, when no type
    /// was given, the recorded one of the type its value also fits (a 40-hex hash recorded as
    /// x509-sha1 is detected as sha1), which is what the user meant.
    public static func recordedKey(of parsed: ParsedIndicator, typeGiven: Bool, recorded: Set<IndicatorKey>) -> IndicatorKey {
        let key = IndicatorKey(type: parsed.type, value: parsed.value)
        guard !typeGiven, !recorded.contains(key) else { return key }
        return parsed.type.sameShaped.map { IndicatorKey(type: $0, value: parsed.value) }.first(where: recorded.contains) ?? key
    }

    /// For values given without a type: each recorded under a type it also fits (`recordedKey`)
    /// as that one, and each rejected for fitting no type that the project records as a
    /// free-form value (`payroll-kit.tar.gz`, a filename) as that one. `add` merges them into
    /// the recorded indicators instead of adding a second one or refusing.
    public static func recognized(_ parsed: [ParsedIndicator], rejected: [IndicatorInput.Rejected], in project: Project)
        -> (parsed: [ParsedIndicator], rejected: [IndicatorInput.Rejected]) {
        // Each key with the value as recorded (a registry key's spelling), made once.
        var recorded: [IndicatorKey: String] = [:]
        for indicator in project.indicators where recorded[indicator.key] == nil { recorded[indicator.key] = indicator.value }
        let keys = Set(recorded.keys)
        var parsed = parsed.map { item in
            let key = recordedKey(of: item, typeGiven: false, recorded: keys)
            // Recorded only as a free-form value (`setup.zip` as a file name), it is that one.
            if !keys.contains(key), let freeForm = Self.freeFormKeys(item.value, recorded: keys).first, let value = recorded[freeForm] {
                return ParsedIndicator(type: freeForm.type, value: value)
            }
            return ParsedIndicator(type: key.type, value: key.value)
        }
        var left: [IndicatorInput.Rejected] = []
        for rejection in rejected {
            guard let key = Self.freeFormKeys(rejection.value, recorded: keys).first, let value = recorded[key] else {
                left.append(rejection)
                continue
            }
            parsed.append(ParsedIndicator(type: key.type, value: value))
        }
        return (parsed, left)
    }

    /// The keys of the project's free-form indicators that `value` names, as `IndicatorKey`
    /// compares them (a registry key written in another case is the one recorded).
    private static func freeFormKeys(_ value: InputValue, recorded: Set<IndicatorKey>) -> [IndicatorKey] {
        freeFormKeys(value.text, recorded: recorded)
    }

    private static func freeFormKeys(_ text: String, recorded: Set<IndicatorKey>) -> [IndicatorKey] {
        let text = text.trimmingCharacters(in: .whitespaces)
        return freeFormTypes.map { IndicatorKey(type: $0, value: text) }.filter(recorded.contains)
    }

    /// The types never guessed from a value (`IndicatorType.isStrict`).
    private static let freeFormTypes = IndicatorType.allCases.filter { !$0.isStrict }
    private static let strictTypes = IndicatorType.allCases.filter(\.isStrict)
}
