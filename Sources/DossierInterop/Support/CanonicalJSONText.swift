import DossierCore

/// JSON in the JSON Canonicalization Scheme (RFC 8785) form, for the few flat objects whose ids
/// STIX 2.1 derives from their content (§2.9: UUIDv5 of the canonical JSON of the object's
/// id-contributing properties). Only strings, integers and objects occur there.
enum CanonicalJSONText {
    /// The UTF-8 bytes of the canonical text, which the UUID is made of.
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        write(value, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null: output += "null".utf8
        case .bool(let b): output += (b ? "true" : "false").utf8
        case .number(let n): output += n.utf8
        // RFC 8785 escapes strings as dossier's canonical JSON does: `\"`, `\\`, `\b`, `\t`,
        // `\n`, `\f`, `\r`, other control characters as `\u00xx` (lower case), the rest as it is.
        case .string(let s): JSONWriter.writeString(s, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (i, element) in elements.enumerated() {
                if i > 0 { output.append(UInt8(ascii: ",")) }
                write(element.value, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            let members = object.members.sorted { Array($0.key.utf16).lexicographicallyPrecedes(Array($1.key.utf16)) }
            for (i, member) in members.enumerated() {
                if i > 0 { output.append(UInt8(ascii: ",")) }
                JSONWriter.writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value.value, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }
}
