import DossierTestSupport
import Testing
@testable import DossierCore

/// Inputs the `indicators` fuzz target (Sources/dossier-fuzz) found breaking a property; each is
/// also kept in Tests/Fuzz/Corpus/indicators/ so every fuzz run replays it.
@Suite("Indicators: inputs found by fuzzing")
struct IndicatorsFuzzRegressionTests {
    /// `refang(defang(v)) == v` failed for values that still held a defanged form: `normalize`
    /// accepted a URL's `hxxp://...` and `[.]` in its path, and an email address's `{.}` in its
    /// local part (RFC 5322 allows braces), as they were; refang then changed them.
    @Test("a URL or email address still holding a defanged form is not normal; parse refangs it", arguments: [
        (IndicatorType.url, "hXXps://user:/128@Evil[.]Example:8443/a/../b?q=1#frag", "https://user/128@Evil.Example:8443/a/../b?q=1#frag"),
        (.url, "hxxp://example.com/", "http://example.com/"),
        (.url, "http://example.com/a[.]b", "http://example.com/a.b"),
        (.url, "http://example.com/?q=a[.]b", "http://example.com/?q=a.b"),
        (.url, "http://user@example.com/a(.)b", "http://user@example.com/a.b"),
        (.email, "acme-{.}estac.oe-corp%devops@freem.tail", "acme-.estac.oe-corp%devops@freem.tail"),
        (.email, "first{.}last@example.com", "first.last@example.com"),
    ])
    func defangedValue(_ type: IndicatorType, _ written: String, _ normal: String) {
        guard case .failure(let problem) = Indicators.normalize(written, as: type) else {
            Issue.record("\(written) was taken as a normal \(type)")
            return
        }
        #expect(problem.message.contains("written defanged"))
        #expect(Indicators.parse(written, as: type) == .success(ParsedIndicator(type: type, value: normal)))
        #expect(Indicators.normalize(normal, as: type) == .success(normal))
        #expect(Indicators.refang(Indicators.defang(normal, as: type)) == normal)
    }

    /// After that fix, `extract` still gave `hxxps://…` for a scheme written defanged inside a
    /// word, where the text refanger leaves it: a value `normalize` refuses (found by the `text`
    /// and `indicators` targets in the sample notes, mutated).
    @Test("extract refangs a URL whose scheme is written defanged inside a word", arguments: [
        ("2026-10-hxxps://artifact-sync[.]example/upload/chunk", "https://artifact-sync.example/upload/chunk"),
        ("a/.hxxps://browser-upda.ps//u::ffffte:", "https://browser-upda.ps//u::ffffte"),
    ])
    func extractDefangedScheme(_ text: String, _ url: String) {
        let found = Indicators.extract(from: text).filter { $0.type == .url }
        #expect(found.map(\.value) == [url])
        for item in found { #expect(Indicators.normalize(item.value, as: item.type) == .success(item.value)) }
    }

    @Test("indicators.json holding a defanged URL: a warning, and the value is read refanged")
    func defangedURLInFile() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", indicators: #"{ "indicators": [ { "value": "hxxp://evil.example/a[.]php", "type": "url" } ] }"#)
        let loaded = workspace.load()
        #expect(loaded.workspace.projects.first?.indicators.map(\.value) == ["http://evil.example/a.php"])
        #expect(loaded.diagnostics.items.map(\.code) == ["defanged-value"])
    }
}
