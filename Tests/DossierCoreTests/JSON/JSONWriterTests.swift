import Testing
@testable import DossierCore

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("canonical layout: two-space indent, one item per line, trailing newline")
    func layout() throws {
        let node = try JSONParser.parse(#"{"a":[1,"x",{"b":null,"c":[]}],"d":{},"e":"é\"\\\n\u0001"}"#)
        let expected = """
            {
              "a": [
                1,
                "x",
                {
                  "b": null,
                  "c": []
                }
              ],
              "d": {},
              "e": "é\\"\\\\\\n\\u0001"
            }

            """
        #expect(JSONWriter.string(node) == expected)
    }

    @Test("what it writes reads back the same", arguments: [
        #"{"k": "tab\there", "n": -0.5e-3, "u": "\ud83d\ude00 \u2028"}"#,
        #"[true, false, null, [], {}, [[[]]]]"#,
    ])
    func roundTrip(_ text: String) throws {
        let node = try JSONParser.parse(text)
        let again = try JSONParser.parse(JSONWriter.write(node))
        #expect(stripPositions(again.value) == stripPositions(node.value))
    }

    @Test("a quote, a backslash, any control character and what shows as nothing or reorders text (U+202E) are escaped wherever they stand, every other byte kept")
    func escapesEverywhere() {
        // The writer tests eight bytes at a time: each character in every position of strings
        // longer than a few words, among ASCII and multi-byte letters.
        let specials: [Character] = ["\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}",
                                     "\u{202E}", "\u{200B}", "\u{2066}", "\u{2069}", "\u{061C}", "\u{FEFF}", "\u{2028}", "\u{2010}", "\u{20AC}",
                                     "\u{00AD}", "\u{034F}", "\u{3164}", "\u{180E}", "\u{E0041}", "\u{00E9}", "\u{1F6F0}"]
        let fillers = ["abcdefghijklmnopqrstuvwxyz0123456789", "ééééééééééééééééé", "\u{7F}~ !#$%&'()*+,-./:;<=>?@[]^_`{|}"]
        for filler in fillers {
            for length in [0, 1, 7, 8, 9, 15, 16, 17, 33] {
                let base = String(filler.prefix(length))
                #expect(written(base) == reference(base))
                for special in specials {
                    for position in 0...base.count {
                        var text = base
                        text.insert(special, at: text.index(text.startIndex, offsetBy: position))
                        #expect(written(text) == reference(text), "\(special.unicodeScalars.first!.value) at \(position) of \(length)")
                    }
                }
            }
        }
    }

    func written(_ text: String) -> String {
        var output: [UInt8] = []
        JSONWriter.writeString(text, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The escaping PRODUCT.md's canonical JSON asks for, one scalar at a time.
    func reference(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u00" + (hex.count == 1 ? "0" : "") + hex
            // What shows as nothing or reorders the text: escaped, so a diff shows it.
            case "\u{200B}"..."\u{200F}", "\u{2028}"..."\u{202E}", "\u{2060}"..."\u{2064}", "\u{2066}"..."\u{2069}", "\u{061C}", "\u{FEFF}",
                 "\u{00AD}", "\u{034F}", "\u{115F}", "\u{1160}", "\u{17B4}", "\u{17B5}", "\u{180B}"..."\u{180F}", "\u{3164}", "\u{FFA0}":
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case "\u{E0000}"..."\u{E007F}":
                for unit in String(scalar).utf16 { result += "\\u" + String(unit, radix: 16) }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    func stripPositions(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let a): .array(a.map { JSONNode(stripPositions($0.value)) })
        case .object(let o): .object(JSONObject(o.members.map { JSONObject.Member(key: $0.key, value: JSONNode(stripPositions($0.value.value))) }))
        default: value
        }
    }
}
