import Testing
@testable import DossierCore

/// `JSONStream` writes what `JSONWriter` writes for the same value, however it is nested, at any
/// starting indent, and whether parts are streamed or handed over as trees.
@Suite("JSON stream")
struct JSONStreamTests {
    /// Streams `value` member by member, handing every `treeEvery`-th nested value over as a tree.
    static func stream(_ value: JSONValue, into stream: inout JSONStream, counter: inout Int, treeEvery: Int) {
        counter += 1
        switch value {
        case .object(let object) where counter % treeEvery != 0:
            stream.beginObject()
            for member in object.members {
                stream.key(member.key)
                Self.stream(member.value.value, into: &stream, counter: &counter, treeEvery: treeEvery)
            }
            stream.endObject()
        case .array(let elements) where counter % treeEvery != 0:
            stream.beginArray()
            for element in elements { Self.stream(element.value, into: &stream, counter: &counter, treeEvery: treeEvery) }
            stream.endArray()
        case .string(let text):
            stream.string(text)
        default:
            stream.value(value)
        }
    }

    @Test("generated values come out as JSONWriter writes them", arguments: Array(UInt64(1)...40))
    func generated(_ seed: UInt64) {
        var generator = PropertyGenerator(seed: seed)
        let value = JSONValue.object(JSONObject(generator.extraMembers() + [JSONObject.Member(key: "deep", value: JSONNode(generator.extraValue()))]))
        for indent in [0, 1, 3] {
            for treeEvery in [1_000_000, 3, 2] {
                var stream = JSONStream(indent: indent)
                var counter = 0
                Self.stream(value, into: &stream, counter: &counter, treeEvery: treeEvery)
                #expect(stream.bytes == JSONWriter.write(JSONNode(value), indent: indent), "seed \(seed), indent \(indent)")
            }
        }
    }

    @Test("members: nil strings and empty string arrays are left out; empty containers are {} and []")
    func members() {
        var stream = JSONStream()
        stream.beginObject()
        stream.member("a", "x")
        stream.member("nothing", nil)
        stream.member("none", strings: [])
        stream.member("list", strings: ["p", "q"])
        stream.key("empty")
        stream.beginObject()
        stream.endObject()
        stream.key("hollow")
        stream.beginArray()
        stream.endArray()
        stream.endObject()
        #expect(String(decoding: stream.bytes, as: UTF8.self) == """
            {
              "a": "x",
              "list": [
                "p",
                "q"
              ],
              "empty": {},
              "hollow": []
            }
            """)
    }
}
