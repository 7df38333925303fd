/// Reads the fields of one JSON object of a workspace file, turning every wrong type or value into a
/// diagnostic that points at the value itself, and keeping the fields dossier does not know.
struct ObjectReader {
    let object: JSONObject
    let path: String
    /// What the object is, for messages: "indicator", "project.json".
    let what: String
    var diagnostics: [Diagnostic] = []
    private(set) var failed = false

    init(_ object: JSONObject, path: String, what: String) {
        self.object = object
        self.path = path
        self.what = what
    }

    func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(path: path, position: position)
    }

    mutating func error(_ message: String, at position: SourcePosition, code: String) {
        diagnostics.append(.error(at: location(position), message, code: code))
        failed = true
    }

    /// Says that a field is read as keeping the thing private (`HidingKeys`), in place of its
    /// unknown-field warning: one message at the key, not two that seem to disagree.
    mutating func hidingWarning(_ message: String, at position: SourcePosition) {
        diagnostics.removeAll { $0.code == "unknown-field" && $0.location?.position == position }
        warning(message + "; if the field means something else, rename it", at: position, code: "hiding-field")
    }

    mutating func warning(_ message: String, at position: SourcePosition, code: String) {
        diagnostics.append(.warning(at: location(position), message, code: code))
    }

    /// Takes over the findings of a reader of a nested object.
    mutating func absorb(_ nested: ObjectReader) {
        diagnostics.append(contentsOf: nested.diagnostics)
        failed = failed || nested.failed
    }

    mutating func string(_ key: String) -> String? {
        guard let node = object[key] else { return nil }
        guard let value = node.value.stringValue else {
            error("\"\(key)\" must be a string, found \(node.value.kindName)", at: node.position, code: "wrong-type")
            return nil
        }
        return value
    }

    mutating func requiredString(_ key: String, at objectPosition: SourcePosition) -> String? {
        guard object[key] != nil else {
            error("\(what) has no \"\(key)\"", at: objectPosition, code: "missing-field")
            return nil
        }
        return string(key)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = object[key] else { return nil }
        guard let value = node.value.boolValue else {
            error("\"\(key)\" must be true or false, found \(node.value.kindName)", at: node.position, code: "wrong-type")
            return nil
        }
        return value
    }

    /// A closed set: an unknown value lists the valid ones and the closest match, or the value
    /// `meant` reads it as (`TLP:AMBER`, as a marking is written, is `amber`).
    mutating func enumeration<E: CaseIterable & RawRepresentable>(_ key: String, _ type: E.Type, meant: (String) -> E? = { _ in nil }) -> E?
    where E.RawValue == String {
        guard let node = object[key], let text = string(key) else { return nil }
        if let value = E(rawValue: text) { return value }
        let names = E.allCases.map(\.rawValue)
        var message = "unknown \(key) \"\(text)\"; expected \(E.choices)"
        if let near = meant(text)?.rawValue ?? Spelling.closest(to: text, in: names) { message += " (did you mean \"\(near)\"?)" }
        error(message, at: node.position, code: "unknown-value")
        return nil
    }

    mutating func stringArray(_ key: String) -> [String]? {
        guard let node = object[key] else { return nil }
        guard let elements = node.value.arrayValue else {
            error("\"\(key)\" must be an array of strings, found \(node.value.kindName)", at: node.position, code: "wrong-type")
            return nil
        }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for element in elements {
            guard let text = element.value.stringValue else {
                error("\"\(key)\" must hold only strings, found \(element.value.kindName)", at: element.position, code: "wrong-type")
                continue
            }
            result.append(text)
        }
        return result
    }

    /// An ISO 8601 date (`2026-11-02`) or timestamp (`2026-11-02T10:15:00Z`).
    mutating func date(_ key: String) -> String? {
        guard let node = object[key], let text = string(key) else { return nil }
        guard ISODate.isValid(text) else {
            error(ISODate.isNoSuchDay(text) ? "\"\(key)\" \(text) is no day of the calendar"
                : "\"\(key)\" must be an ISO 8601 date such as 2026-11-02 or 2026-11-02T10:15:00Z, found \"\(text)\"", at: node.position, code: "invalid-date")
            return nil
        }
        // Kept as written, but shown with no zone: where it was, only the writer knows.
        if ISODate.hasNoZone(text) {
            // The time as written (its seconds too), in UTC for the example.
            let time = text.dropFirst(11)
            warning("\"\(key)\" \(text) has no zone, so no one can tell when it was; write Z or an offset (\(text.prefix(10))T\(time.count == 5 ? time + ":00" : time)Z), or the day alone (\(text.prefix(10)))",
                at: node.position, code: "date-without-zone")
        }
        return text
    }

    /// The members whose keys are not `known`, kept verbatim. A key one typo away from a known one
    /// is probably a mistake, so it gets a warning (it is still kept); so does one of another
    /// name whose value is a value of a known field this object lacks (`"implies":
    /// "non-malicious"`, `"verdict": "malicious"`: a classification meant, and silently none).
    mutating func extra(known: [String]) -> [JSONObject.Member] {
        var extra: [JSONObject.Member] = []
        for member in object.members where !known.contains(member.key) {
            extra.append(member)
            if let near = Spelling.closest(to: member.key, in: known) {
                warning("unknown field \"\(member.key)\" in \(what) (did you mean \"\(near)\"?); it is kept as is",
                    at: member.keyPosition, code: "unknown-field")
            } else if case .string(let value) = member.value.value,
                let field = Self.fieldsByValue.first(where: { known.contains($0.key) && object[$0.key] == nil && $0.takes(value) })?.key {
                warning("unknown field \"\(member.key)\" in \(what), whose value \"\(value)\" is a \(field) (did you mean \"\(field)\"?); it is kept as is, and means nothing to dossier",
                    at: member.keyPosition, code: "unknown-field")
            }
        }
        return extra
    }

    /// The known fields of a closed set of values, each with whether a text is one of them (in
    /// any case: what a writer meant).
    static let fieldsByValue: [(key: String, takes: @Sendable (String) -> Bool)] = [
        ("classification", { Classification(rawValue: $0.lowercased()) != nil }),
        ("tlp", { TLP(rawValue: $0.lowercased()) != nil || TLP(named: $0) != nil }),
        ("visibility", { Visibility(rawValue: $0.lowercased()) != nil }),
        ("status", { ProjectStatus(rawValue: $0.lowercased()) != nil }),
    ]
}

/// Near-miss suggestions for misspelled keys and values.
enum Spelling {
    /// The candidate within two edits of `word` (ignoring case), if there is one.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        guard lowered.count <= 64 else { return nil }
        var best: (String, Int)?
        for candidate in candidates {
            let distance = ClosestName.editDistance(lowered, Array(candidate.lowercased().unicodeScalars))
            if distance <= 2, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }
}
