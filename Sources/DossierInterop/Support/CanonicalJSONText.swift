import DossierCore

/// JSON in the JSON Canonicalization Scheme (RFC 8785) form, for the few flat objects whose ids
/// STIX 2.1 derives from their content (§2.9: UUIDv5 of the canonical JSON of the object's
/// id-contributing properties). Only strings, integers and objects occur there.
enum CanonicalJSONText {
    static func text(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let b): output += b ? "true" : "false"
        case .number(let n): output += n
        case .string(let s): writeString(s, into: &output)
        case .array(let elements):
            output += "["
            for (i, element) in elements.enumerated() {
                if i > 0 { output += "," }
                write(element.value, into: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            let members = object.members.sorted { Array($0.key.utf16).lexicographicallyPrecedes(Array($1.key.utf16)) }
            for (i, member) in members.enumerated() {
                if i > 0 { output += "," }
                writeString(member.key, into: &output)
                output += ":"
                write(member.value.value, into: &output)
            }
            output += "}"
        }
    }

    private static func writeString(_ string: String, into output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\u{08}": output += "\\b"
            case "\u{09}": output += "\\t"
            case "\u{0A}": output += "\\n"
            case "\u{0C}": output += "\\f"
            case "\u{0D}": output += "\\r"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
