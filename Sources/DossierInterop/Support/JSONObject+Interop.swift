import DossierCore

/// Small conveniences for reading foreign JSON leniently (a field of the wrong kind reads as
/// absent: importers report what they could not use instead of refusing a whole file) and for
/// building exported objects member by member.
extension JSONObject {
    func string(_ key: String) -> String? { self[key]?.value.stringValue }

    func object(_ key: String) -> JSONObject? { self[key]?.value.objectValue }

    func array(_ key: String) -> [JSONNode] { self[key]?.value.arrayValue ?? [] }

    /// A string array's strings, skipping elements of another kind.
    func strings(_ key: String) -> [String] { array(key).compactMap(\.value.stringValue) }

    /// A string, or a number's text (MISP writes ids and timestamps either way).
    func text(_ key: String) -> String? {
        switch self[key]?.value {
        case .string(let s): s
        case .number(let n): n
        default: nil
        }
    }

    /// A boolean, also when written as a string or number (`"1"`, `true`, `"true"`).
    func flag(_ key: String) -> Bool? {
        switch self[key]?.value {
        case .bool(let b): b
        case .string(let s): ["1", "true", "yes"].contains(s.lowercased()) ? true : ["0", "false", "no", ""].contains(s.lowercased()) ? false : nil
        case .number(let n): n != "0"
        default: nil
        }
    }

    func position(_ key: String) -> SourcePosition? { self[key]?.position }

    // MARK: Building

    mutating func put(_ key: String, _ value: String?) {
        set(key, value.map(JSONValue.string))
    }

    mutating func put(_ key: String, _ value: JSONValue) {
        set(key, value)
    }

    /// An array of strings; left out when empty.
    mutating func put(_ key: String, strings: [String]) {
        set(key, strings.isEmpty ? nil : .strings(strings))
    }

    /// An array of objects (kept even when empty: some formats require the key).
    mutating func put(_ key: String, objects: [JSONObject]) {
        set(key, .array(objects.map { JSONNode(.object($0)) }))
    }

    init(_ pairs: KeyValuePairs<String, String>) {
        self.init(pairs.map { Member(key: $0.key, value: JSONNode(.string($0.value))) })
    }
}

extension JSONValue {
    var numberText: String? {
        if case .number(let n) = self { n } else { nil }
    }
}
