import DossierTestSupport
import DossierCore
import DossierReport
import Foundation
import Testing

/// Hostile text in every field a report shows must come out as inert text, in both formats.
@Suite("Injection corpus")
struct InjectionTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "javascript:alert(3)",
        "{{title}} {{{summaryHTML}}} {{> head}}",
        "a | b | c",
        "`code` *em* [link](javascript:alert(4)) <b>bold</b>",
    ]

    static func hostileWorkspace() throws -> TemporaryWorkspace {
        let p = payloads.map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
        let workspace = try TemporaryWorkspace()
        try workspace.write("hostile/project.json", """
            { "title": "\(p[0]) \(p[1])", "summary": "\(p[5]) \(p[1])", "visibility": "public", "tlp": "clear", "tags": ["\(p[0])"] }
            """)
        let indicators = p.enumerated().map { index, payload in
            """
            { "value": "\(payload)", "type": "other", "tags": ["\(payload)"], "comment": "\(payload)" },
            { "value": "host\(index).example", "type": "domain", "comment": "\(payload)", "tags": ["\(p[(index + 1) % p.count])"] }
            """
        }.joined(separator: ",\n")
        try workspace.write("hostile/indicators.json", "{ \"indicators\": [\n\(indicators)\n] }")
        try workspace.write("hostile/notes/01-note.md", """
            ---
            title: "<script>alert(5)</script>"
            ---
            # Note with <script>alert(6)</script>

            <script>alert(7)</script>

            <img src="https://tracker.example/pixel.gif" onerror="alert(8)">

            [click me](javascript:alert(9)) and [data](data:text/html;base64,PHNjcmlwdD4=) and ![img](https://tracker.example/x.png)

            {{title}} and <a href="javascript:alert(10)">raw link</a>

            """)
        return workspace
    }

    @Test("HTML report: no markup from the data, no script, no unsafe link, no external resource")
    func html() throws {
        let workspace = try Self.hostileWorkspace()
        let html = try ReportBuild.run(root: workspace.root, slug: "hostile", format: .html, audience: .internal, options: ReportOptions()).text
        Self.expectInert(html)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("{{title}} {{{summaryHTML}}} {{&gt; head}}"))
    }

    @Test("Markdown report: values stay inside their table cells and render as text")
    func markdown() throws {
        let workspace = try Self.hostileWorkspace()
        let markdown = try ReportBuild.run(root: workspace.root, slug: "hostile", format: .md, audience: .internal, options: ReportOptions()).text
        // Rendered as a git host would, even one that passes raw HTML through, it stays inert.
        Self.expectInert(try Self.cmarkUnsafe(markdown))
        // Every table row has as many cells as its header.
        var columns: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = cellCount(line)
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
    }

    @Test("a value with characters that display as nothing or reorder the text shows them as code points, in both formats")
    func invisibleCharacters() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "invoice\u202Efdp.exe", "type": "filename" }, { "value": "zero\u200Bwidth.exe", "type": "filename" } ] }"#)
        for format in [ReportFormat.html, .md] {
            let text = try ReportBuild.run(root: workspace.root, slug: "p", format: format, audience: .public, options: ReportOptions()).text
            #expect(!text.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0x200B }, "\(format)")
            // HTML escapes < and >; Markdown shows the value in a code span, which no renderer
            // reads as HTML.
            let shownValues = format == .html ? ["invoice&lt;U+202E&gt;fdp.exe", "zero&lt;U+200B&gt;width.exe"]
                : ["`invoice<U+202E>fdp.exe`", "`zero<U+200B>width.exe`"]
            for shown in shownValues {
                #expect(text.contains(shown), "\(format): \(shown)")
            }
        }
        // The model (and so every machine export) keeps the value as it is.
        #expect(workspace.load().workspace.project("p")?.indicators.contains { $0.value == "invoice\u{202E}fdp.exe" } == true)
    }

    @Test("a character that reorders text (a right-to-left override, an isolate) is shown as its code point in titles, comments, tags and notes too, in both formats")
    func bidiControlsInProse() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/project.json", #"{ "title": "Case invoice\u202Efdp.exe", "visibility": "public", "tlp": "clear" }"#)
        try workspace.write("p/indicators.json", #"{ "indicators": [ { "value": "evil.example", "type": "domain", "comment": "Attachment invoice\u202Efdp.exe", "tags": ["x\u2067y"] } ] }"#)
        try workspace.write("p/notes/01.md", "---\ntitle: Mail invoice\u{202E}fdp.exe\n---\nUsers saw invoice\u{202E}fdp.exe and `code\u{202E}fdp.exe`; Hebrew \u{05D0}\u{200F} keeps its mark.\n")
        for format in [ReportFormat.html, .md] {
            let text = try ReportBuild.run(root: workspace.root, slug: "p", format: format, audience: .public, options: ReportOptions()).text
            #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }, "\(format)")
            #expect(text.unicodeScalars.contains { $0.value == 0x200F }, "a direction mark stays: \(format)")
            let shown = text.components(separatedBy: "&lt;U+202E&gt;").count - 1 + text.components(separatedBy: "<U+202E>").count - 1
            // The title (twice in HTML: <title> and the heading), the comment, the note's title and its two mentions.
            #expect(shown >= 5, "\(format): \(shown)")
            #expect(text.contains("U+2067"), "\(format)")
        }
    }

    @Test("a control character HTML forbids, or a noncharacter, is shown as its code point wherever a report shows text: no invalid HTML, no NUL that makes a Markdown report binary")
    func controlCharactersInProse() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/project.json", #"{ "title": "Case\u0001 one\u007F", "owner": "j\u0000doe", "summary": "Sum\u0085mary", "visibility": "public", "tlp": "clear" }"#)
        try workspace.write("p/indicators.json", #"{ "indicators": [ { "value": "evil.example", "type": "domain", "comment": "x\u0000y \uFDD0 \uFFFE \uD83F\uDFFE", "tags": ["t\u001Bag"] } ] }"#)
        try workspace.write("p/notes/01.md", "---\ntitle: Note\nauthor: ana\n---\nBody \u{1} and \u{7F} and \u{9F}, \u{7}\u{8}.\n")
        let forbidden: (Unicode.Scalar) -> Bool = { scalar in
            let v = scalar.value
            return (v < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains(v)) || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
        }
        for format in [ReportFormat.html, .md] {
            let text = try ReportBuild.run(root: workspace.root, slug: "p", format: format, audience: .public, options: ReportOptions()).text
            #expect(!text.unicodeScalars.contains(where: forbidden), "\(format): \(text.unicodeScalars.filter(forbidden).map { String($0.value, radix: 16) })")
            for code in ["U+0001", "U+007F", "U+0000", "U+0085", "U+FDD0", "U+FFFE", "U+1FFFE", "U+001B", "U+0007", "U+0008", "U+009F"] {
                #expect(text.contains(code), "\(format): \(code)")
            }
        }
    }

    /// No element, attribute or link that could run code or load something.
    static func expectInert(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let lowered = html.lowercased()
        for tag in lowered.split(separator: "<").dropFirst() {
            let inside = tag.prefix { $0 != ">" }
            guard inside.first?.isLetter == true else { continue }
            let words = inside.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            if words.dropFirst().contains(where: { $0.hasPrefix("on") && $0.contains("=") }) {
                Issue.record("event handler in <\(inside)>", sourceLocation: sourceLocation)
            }
        }
        for needle in ["<script", "<img", "<iframe", "<object", "<embed", "href=\"javascript:", "href=\"data:", "src=\"http"] {
            guard let range = lowered.range(of: needle) else { continue }
            let start = lowered.index(range.lowerBound, offsetBy: -60, limitedBy: lowered.startIndex) ?? lowered.startIndex
            Issue.record("found \(needle) in …\(lowered[start..<range.upperBound])", sourceLocation: sourceLocation)
        }
    }

    /// HTML from Debian's `cmark --unsafe`, which keeps raw HTML: the worst case of a Markdown viewer.
    static func cmarkUnsafe(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark")
        process.arguments = ["--unsafe"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Cells of a GFM table row: pipes that are not backslash-escaped, minus the outer ones.
    func cellCount(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count - 1
    }
}
