import Testing
import Yams
@testable import DossierCore

@Suite("Front matter")
struct FrontMatterTests {
    /// The fast reader must agree with the YAML parser whenever it answers.
    @Test("the fast path reads exactly what YAML reads", arguments: [
        "title: Overview\nauthor: jdoe\ndate: 2026-11-02",
        "title: 'Quoted: with colon'\nvisibility: private",
        "title: \"Double quoted\"\n\nauthor:   spaced out   ",
        "title: yes\nauthor: ~\ndate: 2026-11-02T10:00:00Z",
        "title:",
        "title: a # comment",
        "title: [list]",
        "title: \"esc\\\"aped\"",
        "title: first\ntitle: second",
        "title: >\n  folded",
        "title: multi\n  line",
    ])
    func agreesWithYAML(_ yaml: String) throws {
        guard let fast = SimpleFrontMatter.parse(yaml) else { return }
        let mapping = try #require(try Yams.compose(yaml: yaml)?.mapping)
        #expect(fast.map(\.key) == mapping.map { $0.key.string ?? "" })
        #expect(fast.map(\.value) == mapping.map { $0.value.scalar?.string })
        #expect(fast.map(\.valuePosition) == mapping.map { NoteDecoder.filePosition($0.value.mark) })
    }

    @Test("structure goes to the YAML parser", arguments: ["title: [list]", "title: a # comment", "title: >\n  folded", "title: first\ntitle: second", "- item"])
    func fallsBack(_ yaml: String) {
        #expect(SimpleFrontMatter.parse(yaml) == nil)
    }

    @Test("CRLF, delimiters with trailing spaces and an unclosed block")
    func split() {
        let crlf = FrontMatter.split("---\r\ntitle: A\r\n--- \r\nBody\r\n")
        #expect(crlf.yaml == "title: A\r\n")
        #expect(crlf.body == "Body\r\n")
        #expect(crlf.bodyLine == 4)
        #expect(FrontMatter.split("---\ntitle: A\n").isUnclosed)
        #expect(FrontMatter.split("# No front matter\n---\n").yaml == nil)
    }
}
