/// A JSON value as read from a workspace file, with the position of its first character, so that a
/// rule can point at the very value it complains about. Numbers keep their text, so that unknown
/// fields are written back exactly as they were read.
public struct JSONNode: Sendable, Hashable {
    public var value: JSONValue
    public var position: SourcePosition

    public init(_ value: JSONValue, at position: SourcePosition = .start) {
        self.value = value
        self.position = position
    }
}

public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's literal text, as written.
    case number(String)
    case string(String)
    case array([JSONNode])
    case object(JSONObject)

    /// The name of this kind of value, for messages such as "expected a string, found an array".
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// An object's members in the order they were written.
public struct JSONObject: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var keyPosition: SourcePosition
        public var value: JSONNode

        public init(key: String, keyPosition: SourcePosition = .start, value: JSONNode) {
            self.key = key
            self.keyPosition = keyPosition
            self.value = value
        }
    }

    public var members: [Member]

    public init(_ members: [Member] = []) {
        self.members = members
    }

    public subscript(key: String) -> JSONNode? {
        members.first { $0.key == key }?.value
    }

    public var keys: [String] { members.map(\.key) }

    /// Sets `key` to `value`, replacing an existing member in place or appending a new one.
    public mutating func set(_ key: String, _ value: JSONValue?) {
        let index = members.firstIndex { $0.key == key }
        switch (index, value) {
        case let (i?, v?): members[i].value.value = v
        case let (nil, v?): members.append(Member(key: key, value: JSONNode(v)))
        case let (i?, nil): members.remove(at: i)
        case (nil, nil): break
        }
    }
}

extension JSONValue {
    public var stringValue: String? {
        if case .string(let s) = self { s } else { nil }
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { o } else { nil }
    }

    public var arrayValue: [JSONNode]? {
        if case .array(let a) = self { a } else { nil }
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { b } else { nil }
    }

    /// An array of plain strings, for building values in code.
    public static func strings(_ values: [String]) -> JSONValue {
        .array(values.map { JSONNode(.string($0)) })
    }
}
