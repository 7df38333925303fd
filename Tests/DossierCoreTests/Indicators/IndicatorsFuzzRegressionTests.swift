import DossierTestSupport
import Testing
@testable import DossierCore

/// Inputs the `indicators` fuzz target (Sources/dossier-fuzz) found breaking a property; each is
/// also kept in Tests/Fuzz/Corpus/indicators/ so every fuzz run replays it.
@Suite("Indicators: inputs found by fuzzing")
struct IndicatorsFuzzRegressionTests {
    /// `refang(defang(v)) == v` failed for URLs that still held a defanged form: `normalize`
    /// accepted `hxxp://...` and `[.]` in a path as they were, and refang then changed them.
    @Test("a URL still holding a defanged form is not normal; parse refangs it", arguments: [
        ("hXXps://user:/128@Evil[.]Example:8443/a/../b?q=1#frag", "https://user/128@Evil.Example:8443/a/../b?q=1#frag"),
        ("hxxp://example.com/", "http://example.com/"),
        ("http://example.com/a[.]b", "http://example.com/a.b"),
        ("http://example.com/?q=a[.]b", "http://example.com/?q=a.b"),
        ("http://user@example.com/a(.)b", "http://user@example.com/a.b"),
    ])
    func defangedURL(_ written: String, _ normal: String) {
        guard case .failure(let problem) = Indicators.normalize(written, as: .url) else {
            Issue.record("\(written) was taken as a normal URL")
            return
        }
        #expect(problem.message.contains("written defanged"))
        #expect(Indicators.parse(written, as: .url) == .success(ParsedIndicator(type: .url, value: normal)))
        #expect(Indicators.normalize(normal, as: .url) == .success(normal))
        #expect(Indicators.refang(Indicators.defang(normal, as: .url)) == normal)
    }

    /// The same for email addresses: a local part may hold braces (RFC 5322), so `{.}` passed as
    /// normal, and refang then read the defanged display back as another address.
    @Test("an email address still holding a defanged form is not normal; parse refangs it", arguments: [
        ("acme-{.}estac.oe-corp%devops@freem.tail", "acme-.estac.oe-corp%devops@freem.tail"),
        ("first{.}last@example.com", "first.last@example.com"),
    ])
    func defangedEmail(_ written: String, _ normal: String) {
        guard case .failure(let problem) = Indicators.normalize(written, as: .email) else {
            Issue.record("\(written) was taken as a normal email address")
            return
        }
        #expect(problem.message.contains("written defanged"))
        #expect(Indicators.parse(written, as: .email) == .success(ParsedIndicator(type: .email, value: normal)))
        #expect(Indicators.refang(Indicators.defang(normal, as: .email)) == normal)
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
