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

    func stripPositions(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let a): .array(a.map { JSONNode(stripPositions($0.value)) })
        case .object(let o): .object(JSONObject(o.members.map { JSONObject.Member(key: $0.key, value: JSONNode(stripPositions($0.value.value))) }))
        default: value
        }
    }
}
