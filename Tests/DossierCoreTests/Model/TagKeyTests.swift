import DossierCore
import Testing

/// Tags compare case-insensitively through `Tag.key`, which folds ASCII itself (a site groups a
/// million rows by tag) and leaves everything else to Unicode's case mapping.
@Suite("Tag keys")
struct TagKeyTests {
    @Test("a tag's key is its Unicode lower case, ASCII or not", arguments: [
        "blocked", "Blocked", "QUARANTINE", "Abuse Box", "APT29 c2", "tlp:AMBER+STRICT", "", "x",
        "Ünïcode Tag", "ΣΊΣΥΦΟΣ", "İstanbul", "Straße", "KELVIN\u{212A}", "e\u{301}T\u{301}",
    ])
    func key(_ tag: String) {
        #expect(Tag.key(tag) == tag.lowercased())
    }

    @Test("tags differing only in case are one tag")
    func sameTag() {
        #expect(Tag.contains(["Blocked", "C2"], "blocked"))
        #expect(Tag.contains(["Ünïcode"], "üNÏCODE"))
        #expect(!Tag.contains(["Blocked"], "block"))
    }

    @Test("tags differing only in white space around or between words are one tag; others are not")
    func whiteSpace() {
        for spelling in ["Company Name ", " company name", "Company  Name", "Company\tName", "COMPANY \n NAME", "Ünïcode  Tag "] {
            #expect(Tag.key(spelling) == Tag.key(Tag.tidy(spelling)), "\(spelling)")
        }
        #expect(Tag.key("Company  Name") == "company name")
        #expect(Tag.tidy(" Company \t Name  ") == "Company Name")
        #expect(Tag.key("CompanyName") != Tag.key("Company Name"))
        let vocabulary = Vocabulary([TagDefinition(name: "Company Name", isPrivate: true)])
        #expect(vocabulary.isPrivate("company  name "))
        // Invisible characters and compatibility forms are the same tag too.
        for spelling in ["Company Name\u{200B}", "Company\u{200B} Name", "\u{FEFF}Company Name", "Com\u{00AD}pany Name",
                         "\u{FF23}ompany Name", "Company\u{00A0}Name"] {
            #expect(vocabulary.isPrivate(spelling), "\(spelling.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(Tag.tidy("Company\u{200B} Name\u{00AD}") == "Company Name")
        // Written with other separators or none, a private tag is private all the same: no
        // spelling of it is published.
        for spelling in ["company-name", "Company_Name", "CompanyName", "Company Name.", "COMPANY/NAME", "company--name", "Company\u{2013}Name"] {
            #expect(vocabulary.isPrivate(spelling), "\(spelling)")
        }
        for other in ["Company", "Name", "company names", "Company Nome", "C2", "tag:Company", "Company%20Names", "a=b"] {
            #expect(!vocabulary.isPrivate(other), "\(other)")
        }
        // Escaped, or as a machine tag's value, it is the private tag too.
        for spelling in ["Company%20Name", "Company&#32;Name", "Company&nbsp;Name", "tag:Company Name", #"misp-galaxy:sector="Company Name""#, "client=company-name"] {
            #expect(vocabulary.isPrivate(spelling), "\(spelling)")
        }
        // Letters of another script that pass for Latin ones, and the name among other words.
        for spelling in ["Comp\u{0430}ny Name", "C\u{043E}mpany N\u{0430}m\u{0435}", "Company Name (internal)", "Company Name:yes", "company name=true", "ex-Company-Name-list"] {
            #expect(vocabulary.isPrivate(spelling), "\(spelling)")
        }
        // A public definition of another spelling of a private tag's name does not publish it.
        let twinned = Vocabulary([TagDefinition(name: "Company Name", isPrivate: true), TagDefinition(name: "company-name")])
        #expect(twinned.isPrivate("company-name") && twinned.isPrivate("Company Name"))
        // Default-ignorable characters show as nothing (a variation selector, the combining
        // grapheme joiner, a Mongolian vowel separator); a Hangul filler or a blank Braille
        // pattern shows as a space.
        for spelling in ["Company Name\u{FE0F}", "Company\u{034F} Name", "Company\u{180E} Name", "Company\u{3164}Name",
                         "Company\u{2800}Name", "Company \u{FFA0}Name", "Company\u{E0020} Name"] {
            #expect(vocabulary.isPrivate(spelling), "\(spelling.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // A marking is no less a marking for a stray character or a full-width letter.
        #expect(TLP.marked(by: ["tlp:amber\u{200B}"]) == .amber)
        #expect(TLP.marked(by: ["\u{FEFF}TLP:RED"]) == .red)
        #expect(TLP.marked(by: ["\u{FF54}lp:amber"]) == .amber)
        #expect(TLP.marked(by: ["tlp:clear", "Company Name"]) == .clear)
        #expect(TLP.marked(by: ["TLP: RED"]) == .red)
        #expect(TLP.marked(by: ["tlp:\u{00A0}red"]) == .red)
        #expect(TLP.marked(by: ["tlp:\u{3164}amber"]) == .amber)
        // As other tools write one: in brackets, with a version, `=`, a spelled-out AMBER+STRICT.
        #expect(TLP.marked(by: ["[TLP:AMBER]"]) == .amber)
        #expect(TLP.marked(by: ["(tlp:red)"]) == .red)
        #expect(TLP.marked(by: ["tlp:Amber-Strict"]) == .amberStrict)
        #expect(TLP.marked(by: ["TLP2:AMBER"]) == .amber)
        #expect(TLP.marked(by: ["TLPv2:GREEN"]) == .green)
        #expect(TLP.marked(by: ["tlp=red"]) == .red)
        // Not markings: a level alone, a word that only starts like one.
        #expect(TLP.marked(by: ["amber", "tlp2", "tlpred-team", "[amber]", "tlp-red.example"]) == nil)
    }

    @Test("a misspelled vocabulary tag, or one with an English ending more or less, is told from a word of its own")
    func misspellings() {
        let vocabulary = Vocabulary([TagDefinition(name: "Blocked", classification: .malicious), TagDefinition(name: "Phishing"),
            TagDefinition(name: "Newly Observed"), TagDefinition(name: "APT28"), TagDefinition(name: "INC-2026-0142", isPrivate: true)])
        for (typed, meant) in [("Blokced", "Blocked"), ("bloked", "Blocked"), ("Phising", "Phishing"), ("Newly Observd", "Newly Observed"),
                               ("Block", "Blocked"), ("Blocke", "Blocked"), ("Newly Observeds", "Newly Observed"), ("APT-28", "APT28")] {
            #expect(vocabulary.misspelling(typed)?.name == meant, "\(typed)")
        }
        for word in ["Blocked", "BLOCKED", "Unblocked", "Locked", "Smishing", "Fishing", "Phishing-kit", "Phishing kit", "Phishings kit", "C3", "Botnet", "Blockers",
                     "APT29", "APT27", "INC-2026-0143", "INC-2025-0142", "INC-2026-142"] {
            #expect(vocabulary.misspelling(word) == nil, "\(word)")
        }
    }
}
