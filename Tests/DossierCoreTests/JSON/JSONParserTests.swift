import Testing
@testable import DossierCore

@Suite("JSON parser")
struct JSONParserTests {
    @Test("values keep the line and column of their first character")
    func positions() throws {
        let text = "{\n  \"a\": [1, \"x\"],\n  \"é\": \"ü\", \"b\": true\n}"
        let root = try JSONParser.parse(text)
        guard case .object(let object) = root.value else { Issue.record("not an object"); return }
        #expect(root.position == SourcePosition(line: 1, column: 1))
        #expect(object.members[0].keyPosition == SourcePosition(line: 2, column: 3))
        let array = try #require(object["a"]?.value.arrayValue)
        #expect(array[1].position == SourcePosition(line: 2, column: 12))
        // Columns count characters, not UTF-8 bytes.
        #expect(object["b"]?.position == SourcePosition(line: 3, column: 18))
    }

    @Test("strings and indents of every length around eight bytes: same text, same positions, same errors")
    func wordBoundaries() throws {
        // The parser passes plain ASCII eight bytes at a time; each special byte is tried in
        // every position of strings and indents of up to three words.
        for indent in 0...20 {
            let spaces = String(repeating: " ", count: indent)
            let root = try JSONParser.parse("[\n" + spaces + "1,\n" + spaces + "\"é\", \"x\"]")
            let array = try #require(root.value.arrayValue)
            #expect(array[0].position == SourcePosition(line: 2, column: indent + 1))
            #expect(array[2].position == SourcePosition(line: 3, column: indent + 6))
        }
        for length in 0...26 {
            let plain = String("abcdefghijklmnopqrstuvwxyz".prefix(length))
            #expect(try JSONParser.parse("\"" + plain + "\"").value == .string(plain))
            for position in 0...length {
                func inserted(_ text: String) -> String {
                    String(plain.prefix(position)) + text + String(plain.dropFirst(position))
                }
                #expect(try JSONParser.parse("\"" + inserted("\\n") + "\"").value == .string(inserted("\n")))
                #expect(try JSONParser.parse("\"" + inserted("é") + "\"").value == .string(inserted("é")))
                // A column after a non-ASCII letter counts it once.
                let after = try JSONParser.parse("[\"" + inserted("日本") + "\", 1]")
                #expect(after.value.arrayValue?[1].position == SourcePosition(line: 1, column: length + 8))
                do {
                    _ = try JSONParser.parse("\"" + inserted("\u{01}") + "\"")
                    Issue.record("accepted a control character at \(position) of \(length)")
                } catch {
                    #expect(error.position == SourcePosition(line: 1, column: position + 2))
                }
                do {
                    _ = try JSONParser.parse("\"" + String(plain.prefix(position)))
                    Issue.record("accepted an unterminated string of \(position)")
                } catch {
                    #expect(error.message.contains("unterminated string"))
                }
            }
        }
    }

    @Test("escapes decode, surrogate pairs join")
    func escapes() throws {
        let root = try JSONParser.parse(#"["a\"b\\\/\n\u00e9\ud83d\ude00"]"#)
        #expect(root.value.arrayValue?.first?.value == .string("a\"b\\/\né😀"))
    }

    @Test("numbers keep their text, however large (1e400 is valid JSON, kept verbatim in an unknown field)")
    func numbers() throws {
        let root = try JSONParser.parse("[0, -1.50, 2e10, 12345678901234567890, 1e400, -1E+999]")
        #expect(root.value.arrayValue?.map(\.value) == [.number("0"), .number("-1.50"), .number("2e10"), .number("12345678901234567890"), .number("1e400"), .number("-1E+999")])
    }

    @Test("a BOM and CRLF line endings are accepted")
    func bomAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\r\n  \"a\": 1\r\n}\r\n".utf8)
        let root = try JSONParser.parse(bytes)
        guard case .object(let object) = root.value else { Issue.record("not an object"); return }
        #expect(object["a"]?.position == SourcePosition(line: 2, column: 8))
    }

    struct BadInput: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let message: String
        let line: Int
        let column: Int
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ message: String, _ line: Int, _ column: Int) {
            self.init(name, Array(text.utf8), message, line, column)
        }

        init(_ name: String, _ bytes: [UInt8], _ message: String, _ line: Int, _ column: Int) {
            self.name = name
            self.bytes = bytes
            self.message = message
            self.line = line
            self.column = column
        }
    }

    static let badInputs: [BadInput] = [
        BadInput("empty file", "", "the file is empty", 1, 1),
        BadInput("only whitespace", "  \n ", "the file is empty", 2, 2),
        BadInput("duplicate key", "{\n  \"a\": 1,\n  \"a\": 2\n}", "duplicate key \"a\"", 3, 3),
        BadInput("invalid UTF-8", [0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D], "invalid UTF-8", 1, 2),
        BadInput("lone high surrogate", #"["\ud800x"]"#, "lone high surrogate \\uD800", 1, 3),
        BadInput("lone low surrogate", #"["\udc00"]"#, "lone low surrogate \\uDC00", 1, 3),
        BadInput("deep nesting", String(repeating: "[", count: 200_000), "nesting deeper than 256 levels", 1, 257),
        BadInput("trailing comma", "[1,]", "a comma after the last element, before ']': JSON allows none; remove it", 1, 3),
        BadInput("trailing comma in an object", "{\"a\": 1,\n}", "a comma after the last member, before '}': JSON allows none; remove it", 1, 8),
        BadInput("line comment", "{\n  // why\n  \"a\": 1}", "JSON has no comments; remove this one", 2, 3),
        BadInput("block comment as a value", "[/* x */ 1]", "JSON has no comments; remove this one", 1, 2),
        BadInput("comment after a member", "{\"type\": \"ipv4\" // c\n}", "JSON has no comments; remove this one", 1, 17),
        BadInput("comment after an element", "[1 /* c */]", "JSON has no comments; remove this one", 1, 4),
        BadInput("comment after the document", "{}\n// trailer", "JSON has no comments; remove this one", 2, 1),
        BadInput("missing comma", "{\"a\": 1 \"b\": 2}", "expected ',' or '}'", 1, 9),
        BadInput("unterminated string", "[\"abc", "unterminated string", 1, 2),
        BadInput("raw newline in string", "[\"a\nb\"]", "unterminated string (a line break must be written \\n)", 1, 4),
        BadInput("leading zero", "[01]", "leading zeros are not allowed", 1, 2),
        BadInput("single quotes", "{'a': 1}", "expected a key in double quotes", 1, 2),
        BadInput("garbage after value", "{} x", "unexpected 'x' after the end", 1, 4),
        BadInput("bad literal", "[tru]", "invalid literal; expected true", 1, 2),
        BadInput("bad escape", #"["\x"]"#, "invalid escape \\x", 1, 4),
    ]

    @Test("bad input is a positioned error, never a crash", arguments: badInputs)
    func badInput(_ input: BadInput) {
        do {
            _ = try JSONParser.parse(input.bytes)
            Issue.record("accepted \(input.name)")
        } catch {
            #expect(error.message.contains(input.message), "\(error.message)")
            #expect(error.position == SourcePosition(line: input.line, column: input.column))
        }
    }
}
