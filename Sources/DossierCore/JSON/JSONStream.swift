/// Writes JSON in `JSONWriter`'s canonical layout as it goes, without a tree of the document: for
/// exports of a million values, where building, writing and freeing a tree cost more than the
/// writing. Values go to the open object (after `key`) or array; `value(_:)` writes a small tree.
/// Tests hold its output to `JSONWriter`'s: reading it back and writing it again gives the same bytes.
public struct JSONStream {
    private enum Container {
        case object(members: Int)
        case array(elements: Int)
    }

    public private(set) var bytes: [UInt8] = []
    /// The innermost open container, kept apart from those around it: every member and element
    /// counts in it, millions of times per export.
    private var innermost: Container?
    private var outer: [Container] = []
    /// The indent of the outermost value (a part written to stand that deep in a larger document).
    private let baseIndent: Int

    public init(indent: Int = 0, capacity: Int = 4096) {
        baseIndent = indent
        bytes.reserveCapacity(capacity)
    }

    private var depth: Int { baseIndent + outer.count + (innermost == nil ? 0 : 1) }

    private mutating func open(_ container: Container) {
        if let innermost { outer.append(innermost) }
        innermost = container
    }

    private mutating func close() -> Container? {
        defer { innermost = outer.popLast() }
        return innermost
    }

    /// Before a value: the separator and line break when it is an array's element.
    private mutating func beginValue() {
        guard case .array(let elements)? = innermost else { return }
        if elements > 0 { bytes.append(UInt8(ascii: ",")) }
        JSONWriter.newline(depth, into: &bytes)
        innermost = .array(elements: elements + 1)
    }

    public mutating func key(_ key: String) {
        guard case .object(let members)? = innermost else { preconditionFailure("a key outside an object") }
        if members > 0 { bytes.append(UInt8(ascii: ",")) }
        JSONWriter.newline(depth, into: &bytes)
        JSONWriter.writeString(key, into: &bytes)
        bytes.append(contentsOf: ": ".utf8)
        innermost = .object(members: members + 1)
    }

    public mutating func beginObject() {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        open(.object(members: 0))
    }

    public mutating func endObject() {
        guard case .object(let members)? = close() else { preconditionFailure("no object to end") }
        if members > 0 { JSONWriter.newline(depth, into: &bytes) }
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        open(.array(elements: 0))
    }

    public mutating func endArray() {
        guard case .array(let elements)? = close() else { preconditionFailure("no array to end") }
        if elements > 0 { JSONWriter.newline(depth, into: &bytes) }
        bytes.append(UInt8(ascii: "]"))
    }

    /// The document written so far, followed by a line break, handed over without a copy; the
    /// stream is left empty.
    public mutating func takeBytesWithNewline() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        taken.append(0x0A)
        return taken
    }

    /// Bytes written as they are, before the document's value: a fixed head that a caller
    /// completes later (a STIX bundle's id, which is a hash of what follows it).
    public mutating func raw(_ text: some Sequence<UInt8>) {
        precondition(innermost == nil, "raw bytes inside a value")
        bytes.append(contentsOf: text)
    }

    public mutating func string(_ text: String) {
        beginValue()
        JSONWriter.writeString(text, into: &bytes)
    }

    /// A value given as a tree, laid out at the current depth.
    public mutating func value(_ value: JSONValue) {
        beginValue()
        JSONWriter.write(value, indent: depth, into: &bytes)
    }

    // MARK: Members, as the exporters put them

    /// Members laid out once for objects at one depth, to be put in many (the members every
    /// object of a STIX bundle starts with: a million objects, one layout).
    public struct PreparedMembers: Sendable {
        fileprivate let bytes: [UInt8]
        fileprivate let count: Int
        fileprivate let depth: Int
    }

    /// What `write` puts in an object standing `depth` levels deep (its members at `depth + 1`).
    public static func prepare(objectDepth depth: Int, _ write: (inout JSONStream) -> Void) -> PreparedMembers {
        var stream = JSONStream(indent: depth, capacity: 256)
        stream.beginObject()
        write(&stream)
        guard case .object(let members)? = stream.innermost, stream.outer.isEmpty else { preconditionFailure("prepared members left open") }
        return PreparedMembers(bytes: Array(stream.bytes.dropFirst()), count: members, depth: depth + 1)
    }

    /// Puts `prepared` in the object open here, as its next members.
    public mutating func members(_ prepared: PreparedMembers) {
        guard case .object(let members)? = innermost, prepared.depth == depth else { preconditionFailure("prepared members out of place") }
        guard prepared.count > 0 else { return }
        if members > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: prepared.bytes)
        innermost = .object(members: members + prepared.count)
    }

    /// A string member; left out when nil.
    public mutating func member(_ name: String, _ text: String?) {
        guard let text else { return }
        key(name)
        string(text)
    }

    /// An array of strings; left out when empty.
    public mutating func member(_ name: String, strings: [String]) {
        guard !strings.isEmpty else { return }
        key(name)
        beginArray()
        for text in strings { string(text) }
        endArray()
    }
}
