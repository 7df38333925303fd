import DossierCore
import Testing

@Suite("Diagnostics printed one per line")
struct DiagnosticPrinterTests {
    @Test("a value with a line break, a tab or a NUL is printed escaped, on the diagnostic's one line; a 70 KB value is cut in the middle")
    func oneLine() {
        let printer = DiagnosticPrinter(currentDirectory: "/w")
        let broken = Diagnostic.error(at: SourceLocation(path: "/w/p/indicators.json", line: 3, column: 17), "invalid ipv4 \"1.2.3.4\n5.6.7.8\u{0}\t\": bad")
        #expect(printer.format(broken) == #"p/indicators.json:3:17: error: invalid ipv4 "1.2.3.4\n5.6.7.8\u{0}\t": bad"#)
        let long = "https://evil.example/" + String(repeating: "a", count: 70_000)
        let line = printer.format(.error(at: SourceLocation(path: "/w/p/indicators.json", line: 1, column: 1), "invalid url \"\(long)\": too long; shorten it"))
        #expect(line.count < 1_100 && line.hasPrefix("p/indicators.json:1:1: error: invalid url \"https://evil.example/aaa")
            && line.hasSuffix("aaa\": too long; shorten it") && line.contains("characters left out"), "\(line.prefix(200))")
        // A direction override from a feed cannot reorder the line.
        let override = printer.format(.warning(at: nil, "value \"evil\u{202E}moc.example\""))
        #expect(override == #"warning: value "evil\u{202E}moc.example""#)
    }

    @Test("a GitHub annotation names the file, line and column, escapes what the workflow command reads (%, a line break; a colon or comma in a property), and carries no control character")
    func githubAnnotation() {
        let printer = DiagnosticPrinter(currentDirectory: "/w")
        let finding = Diagnostic.warning(at: SourceLocation(path: "/w/a,b:c/notes/01.md", line: 4, column: 2), "100% sure\nof \u{1B}[31m it", code: "broken-link")
        #expect(printer.githubAnnotation(finding) == #"::warning file=a%2Cb%3Ac/notes/01.md,line=4,col=2,title=dossier (broken-link)::100%25 sure%0Aof \u{1B}[31m it"#)
        #expect(printer.githubAnnotation(.error(at: nil, "no workspace")) == "::error title=dossier::no workspace")
    }
}
