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
}
