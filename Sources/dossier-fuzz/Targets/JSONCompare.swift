import DossierCore

/// JSON values compared without their source positions.
enum JSONCompare {
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0.value, $1.value) }
        case (.object(let x), .object(let y)):
            return x.members.count == y.members.count
                && zip(x.members, y.members).allSatisfy { $0.key == $1.key && same($0.value.value, $1.value.value) }
        default:
            return a == b
        }
    }
}
