import Testing
@testable import DossierCore

@Suite("lookup")
struct LookupTests {
    static func project(_ slug: String, visibility: Visibility = .private, _ indicators: [Indicator]) -> Project {
        Project(slug: slug, folder: "/w/" + slug, title: slug.capitalized, visibility: visibility, indicators: indicators)
    }

    static let workspace = Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [
        project("alpha", [
            Indicator(value: "evil.example", type: .domain, classification: .malicious, tags: ["Phishing"], firstSeen: "2026-10-30", lastSeen: "2026-11-02"),
            Indicator(value: "https://login.evil.example/sso", type: .url, tags: ["Blocked"]),
            Indicator(value: "payroll@evil.example", type: .email),
            Indicator(value: "198.51.100.0/24", type: .cidr, classification: .suspicious),
            Indicator(value: "2001:db8::/32", type: .cidr),
            Indicator(value: "evil.exe", type: .filename),
            Indicator(value: "da39a3ee5e6b4b0d3255bfef95601890afd80709", type: .x509Sha1),
        ]),
        project("beta", visibility: .public, [
            Indicator(value: "evil.example", type: .domain, tags: ["Quarantine"]),
            Indicator(value: "cdn.evil.example", type: .domain),
            Indicator(value: "http://198.51.100.7/gate.php", type: .url, classification: .malicious),
            Indicator(value: "notevil.example", type: .domain),
            Indicator(value: "example", type: .other),
        ]),
        project("gamma", [
            Indicator(value: "evil.example", type: .domain, tags: ["Blocked"]),
            Indicator(value: "198.51.0.0/16", type: .cidr),
            Indicator(value: "2001:db8:1::5", type: .ipv6),
        ]),
    ])

    let lookup = Lookup(IndicatorIndex(Self.workspace))

    func summary(_ result: LookupResult) -> [String] {
        result.matches.map { "\($0.project) \($0.indicator.value) \($0.relation.rawValue) \($0.classification.rawValue)" }
    }

    @Test("a value copied with its sentence's punctuation is looked up as the note scanner reads it; a URL recorded with it stays itself")
    func prosePunctuation() {
        let comma = lookup.lookup("evil[.]example,")
        #expect(comma.query == "evil[.]example," && comma.key?.value == "evil.example" && comma.direct.count == 3)
        let sentence = lookup.lookup("(hxxp://198.51.100[.]7/gate.php).")
        #expect(sentence.key == IndicatorKey(type: .url, value: "http://198.51.100.7/gate.php") && sentence.isRecorded)
        #expect(lookup.lookup("unknown.example,").key?.value == "unknown.example")
        #expect(lookup.lookup("zz,").key == nil)
        // A recorded URL that ends in what prose writes after it is found before its shorter forms.
        let workspace = Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [
            Self.project("a", [Indicator(value: "http://evil.example/a)", type: .url), Indicator(value: "https://example.com/path.", type: .url)]),
        ])
        let urls = Lookup(IndicatorIndex(workspace))
        #expect(urls.lookup("http://evil.example/a).").key?.value == "http://evil.example/a)")
        #expect(urls.lookup("(https://example.com/path.)").key?.value == "https://example.com/path.")
        #expect(urls.lookup("«evil.example…»").key?.value == "evil.example")
    }

    @Test("prose punctuation around a value: what is dropped, what is kept", arguments: [
        ("evil[.]example,", "evil.example" as String?, "", ","),
        ("(198.51.100.7)", "198.51.100.7", "(", ")"),
        ("\u{201C}CVE-2021-44228.\u{201D}", "CVE-2021-44228", "\u{201C}", ".\u{201D}"),
        ("hxxp://evil[.]example/gate.php).", "http://evil.example/gate.php", "", ")."),
        ("https://wiki.example/X_(y).", "https://wiki.example/X_(y)", "", "."),
        ("evil.example'", "evil.example", "", "'"),
        ("`evil.example", "evil.example", "`", ""),
        ("[2001:db8::1]", "2001:db8::1", "[", "]"),
        ("evil.example", nil, "", ""),
        ("(,)", nil, "", ""),
    ])
    func prosePunctuationAround(_ text: String, _ value: String?, _ leading: String, _ trailing: String) {
        let found = Indicators.withoutProsePunctuation(text)
        #expect(found?.value.value == value)
        if value != nil { #expect(found.map { String($0.leading) } == leading && found.map { String($0.trailing) } == trailing) }
    }

    @Test("a URL is found however its letters outside ASCII are written, escaped or not")
    func urlSpellings() {
        let workspace = Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [
            Self.project("a", [Indicator(value: "http://x.example/\u{FC}ber", type: .url)]),
            Self.project("b", [Indicator(value: "http://x.example/%C3%BCber", type: .url)]),
        ])
        let lookup = Lookup(IndicatorIndex(workspace))
        for written in ["http://x.example/%C3%BCber", "hxxp://x[.]example/\u{FC}ber", "http://x.example/u%CC%88ber"] {
            #expect(lookup.lookup(written).direct.map(\.project) == ["a", "b"], "\(written)")
        }
        // Classified apart under two spellings, it is one URL classified differently.
        var classified = workspace
        classified.projects[0].indicators[0].classification = .malicious
        classified.projects[1].indicators[0].classification = .nonMalicious
        #expect(Lookup(IndicatorIndex(classified)).lookup("http://x.example/%C3%BCber").classificationDiffers)
    }

    @Test("a value recorded in several projects: every one, with its classification; a disagreement is flagged")
    func direct() {
        let result = lookup.lookup("evil[.]example")
        #expect(result.key == IndicatorKey(type: .domain, value: "evil.example"))
        #expect(result.isRecorded && result.problem == nil)
        #expect(result.direct.map(\.project) == ["alpha", "beta", "gamma"])
        #expect(result.direct.map(\.classification) == [.malicious, .suspicious, .malicious])
        #expect(result.direct[1].visibility == .public)
        #expect(result.direct[0].indicator.firstSeen == "2026-10-30")
        #expect(result.classificationDiffers)
    }

    @Test("a domain finds URLs and e-mails on it or its subdomains, its subdomains and the domains it lies within")
    func domain() {
        #expect(summary(lookup.lookup("EVIL.example.")) == [
            "alpha evil.example exact malicious",
            "beta evil.example exact suspicious",
            "gamma evil.example exact malicious",
            "alpha payroll@evil.example on-host unknown",
            "alpha https://login.evil.example/sso on-subdomain malicious",
            "beta cdn.evil.example subdomain unknown",
        ])
        let sub = lookup.lookup("login.evil.example")
        #expect(!sub.isRecorded)
        #expect(summary(sub) == [
            "alpha https://login.evil.example/sso on-host malicious",
            "alpha evil.example parent-domain malicious",
            "beta evil.example parent-domain suspicious",
            "gamma evil.example parent-domain malicious",
        ])
        // notevil.example is not within evil.example, nor is evil.example within it.
        #expect(summary(lookup.lookup("notevil.example")) == ["beta notevil.example exact unknown"])
    }

    @Test("an IP address finds the URLs on it and the CIDR blocks that contain it")
    func address() {
        let result = lookup.lookup("198[.]51[.]100[.]7")
        #expect(!result.isRecorded && !result.classificationDiffers)
        #expect(summary(result) == [
            "alpha 198.51.100.0/24 network suspicious",
            "beta http://198.51.100.7/gate.php on-host malicious",
            "gamma 198.51.0.0/16 network unknown",
        ])
        #expect(summary(lookup.lookup("2001:DB8:0::1")) == ["alpha 2001:db8::/32 network unknown"])
        #expect(summary(lookup.lookup("::ffff:198.51.100.1")) == [
            "alpha 198.51.100.0/24 network suspicious", "gamma 198.51.0.0/16 network unknown",
        ])
        #expect(lookup.lookup("203.0.113.1").matches.isEmpty)
    }

    @Test("an IPv4 address and its IPv4-mapped IPv6 form (a dual-stack server's log) find each other")
    func mappedAddress() {
        let workspace = Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [
            Self.project("alpha", [Indicator(value: "203.0.113.9", type: .ipv4, classification: .malicious)]),
            Self.project("beta", [
                Indicator(value: "::ffff:203.0.113.9", type: .ipv6),
                Indicator(value: "http://203.0.113.9/gate.php", type: .url),
            ]),
        ])
        let lookup = Lookup(IndicatorIndex(workspace))
        let mapped = lookup.lookup("::FFFF:203.0.113.9")
        #expect(mapped.key == IndicatorKey(type: .ipv4, value: "203.0.113.9"))
        #expect(summary(mapped) == ["alpha 203.0.113.9 exact malicious", "beta ::ffff:203.0.113.9 exact unknown",
            "beta http://203.0.113.9/gate.php on-host unknown"])
        #expect(summary(lookup.lookup("::ffff:cb00:7109")) == summary(mapped))
        #expect(summary(lookup.lookup("203.0.113.9")) == summary(mapped))
        #expect(lookup.lookup("::ffff:203.0.113.10").matches.isEmpty)
        #expect(lookup.lookup("2001:db8::cb00:7109").matches.isEmpty)
    }

    @Test("a URL or e-mail finds its host and what the host lies within")
    func url() {
        #expect(summary(lookup.lookup("hxxps://login[.]evil[.]example/sso")) == [
            "alpha https://login.evil.example/sso exact malicious",
            "alpha evil.example parent-domain malicious",
            "beta evil.example parent-domain suspicious",
            "gamma evil.example parent-domain malicious",
        ])
        #expect(summary(lookup.lookup("http://198.51.100.7/other")) == [
            "alpha 198.51.100.0/24 network suspicious", "gamma 198.51.0.0/16 network unknown",
        ])
        #expect(summary(lookup.lookup("ceo[@]cdn.evil.example")) == [
            "alpha evil.example parent-domain malicious",
            "beta cdn.evil.example host unknown",
            "beta evil.example parent-domain suspicious",
            "gamma evil.example parent-domain malicious",
        ])
    }

    @Test("free-form values match as written; a SHA-1 also finds the x509-sha1 of the same digits")
    func freeForm() {
        #expect(summary(lookup.lookup("evil.exe")) == ["alpha evil.exe exact unknown"])
        #expect(summary(lookup.lookup("example")) == ["beta example exact unknown"])
        #expect(lookup.lookup("da39a3ee5e6b4b0d3255bfef95601890afd80709").direct.map(\.project) == ["alpha"])
        #expect(lookup.lookup("evil.exe", as: .mutex).matches.isEmpty)
    }

    @Test("a host written with its port or as a site's root (a log's or a firewall's form), an IPv6 address with its zone, is looked up as the host")
    func hostAndPort() {
        #expect(summary(lookup.lookup("evil[.]example:443")).prefix(3) == summary(lookup.lookup("evil.example")).prefix(3))
        #expect(lookup.lookup("evil.example:443").key == IndicatorKey(type: .domain, value: "evil.example"))
        #expect(lookup.lookup("198.51.100.7:8080").key == IndicatorKey(type: .ipv4, value: "198.51.100.7"))
        #expect(lookup.lookup("198.51.100.7:8080").matches.contains { $0.indicator.value == "http://198.51.100.7/gate.php" })
        #expect(lookup.lookup("evil.example:123456").problem != nil)
        // A colon with no port is a sentence's (`the C2 was evil.example: it...`), as the note scanner reads it.
        #expect(lookup.lookup("evil.example:").key == IndicatorKey(type: .domain, value: "evil.example"))
        // A site's root (`evil.example/`), and an IPv6 address with its port, as logs write them.
        #expect(lookup.lookup("evil.example/").key == IndicatorKey(type: .domain, value: "evil.example"))
        #expect(lookup.lookup("evil.example:8443/").key == IndicatorKey(type: .domain, value: "evil.example"))
        #expect(lookup.lookup("[2001:DB8::5]:443").key == IndicatorKey(type: .ipv6, value: "2001:db8::5"))
        #expect(lookup.lookup("[2001:db8::5]:").key == IndicatorKey(type: .ipv6, value: "2001:db8::5"))
        #expect(lookup.lookup("[2001:db8::5]").key == IndicatorKey(type: .ipv6, value: "2001:db8::5"))
        // An IPv6 address with its zone, as `ip` writes a link-local one: the address.
        #expect(lookup.lookup("2001:DB8::5%eth0").key == IndicatorKey(type: .ipv6, value: "2001:db8::5"))
        #expect(lookup.lookup("evil.example%eth0").problem != nil)
        // A site's root written as a URL, not recorded as one: its host.
        #expect(lookup.lookup("hxxp://evil[.]example").key == IndicatorKey(type: .domain, value: "evil.example"))
        #expect(lookup.lookup("https://evil.example:8443/").key == IndicatorKey(type: .domain, value: "evil.example"))
        #expect(!lookup.lookup("https://evil.example/").direct.isEmpty)
        // A root URL recorded as one is that URL.
        let recorded = Lookup(IndicatorIndex(Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [
            Self.project("delta", [Indicator(value: "http://evil.example/", type: .url), Indicator(value: "evil.example", type: .domain)]),
        ])))
        #expect(recorded.lookup("hxxp://evil[.]example/").key == IndicatorKey(type: .url, value: "http://evil.example/"))
        #expect(recorded.lookup("https://evil.example/").key == IndicatorKey(type: .domain, value: "evil.example"))
        // A URL with more than its root, or a user, stays a URL.
        #expect(lookup.lookup("http://evil.example/x").key?.type == .url && lookup.lookup("http://me@evil.example/").key?.type == .url)
    }

    @Test("a CIDR block finds the addresses, smaller blocks and URLs on addresses in it, and the blocks that contain it")
    func block() {
        #expect(summary(lookup.lookup("198.51.100.77/24")) == [
            "alpha 198.51.100.0/24 exact suspicious",
            "beta http://198.51.100.7/gate.php in-network malicious",
            "gamma 198.51.0.0/16 network unknown",
        ])
        #expect(summary(lookup.lookup("198.51.0.0/16")) == [
            "gamma 198.51.0.0/16 exact unknown",
            "alpha 198.51.100.0/24 in-network suspicious",
            "beta http://198.51.100.7/gate.php in-network malicious",
        ])
        #expect(summary(lookup.lookup("198.51.100.8/29")) == [
            "alpha 198.51.100.0/24 network suspicious", "gamma 198.51.0.0/16 network unknown",
        ])
        #expect(summary(lookup.lookup("2001:db8:1::/48")) == [
            "alpha 2001:db8::/32 network unknown", "gamma 2001:db8:1::5 in-network unknown",
        ])
        #expect(summary(lookup.lookup("2001:db8:2::/48")) == ["alpha 2001:db8::/32 network unknown"])
        #expect(lookup.lookup("203.0.113.0/24").matches.isEmpty)
    }

    @Test("a URL written without its scheme (a proxy log's form) is looked up as the URL under either scheme")
    func schemelessURL() {
        let result = lookup.lookup("login.evil[.]example/sso")
        // The recorded spelling stands for the query.
        #expect(result.key == IndicatorKey(type: .url, value: "https://login.evil.example/sso"))
        #expect(result.direct.map(\.indicator.value) == ["https://login.evil.example/sso"])
        #expect(summary(lookup.lookup("198.51.100.7/gate.php")).first == "beta http://198.51.100.7/gate.php exact malicious")
        #expect(lookup.lookup("evil.example/elsewhere").isRecorded == false)
        #expect(lookup.lookup("evil.example/elsewhere").matches.contains { $0.relation == .host })
        #expect(lookup.lookup("not a/path").problem != nil)
        // A mistyped block is no path: its own error is shown.
        #expect(lookup.lookup("198.51.100.0/33").problem?.message.contains("/33") == true)
        #expect(lookup.lookup("198.51.100.0/33").key == nil)
    }

    @Test("an invalid value says why")
    func invalid() {
        let result = lookup.lookup("999.1.1.1")
        #expect(result.key == nil && !result.isRecorded)
        #expect(result.problem?.message.contains("999") == true)
        #expect(lookup.lookup("not a value at all").problem != nil)
    }

    @Test("parent domains stop before the top-level label")
    func parents() {
        #expect(IndicatorIndex.parentDomains(of: "a.b.example.co.uk") == ["b.example.co.uk", "example.co.uk", "co.uk"])
        #expect(IndicatorIndex.parentDomains(of: "example.com").isEmpty)
        #expect(IndicatorIndex.parentDomains(of: "localhost").isEmpty)
    }
}

@Suite("lookup of a URL without its scheme")
struct SchemelessLookupTests {
    @Test("the http and https URLs are two values: differing classifications between them are no disagreement, and the recorded one stands for the query")
    func twoValues() {
        let workspace = Workspace(root: "/w", settings: WorkspaceSettings(title: "W"), projects: [
            LookupTests.project("alpha", [Indicator(value: "https://cdn.example/gate.php", type: .url, classification: .malicious)]),
            LookupTests.project("beta", [Indicator(value: "http://cdn.example/gate.php", type: .url, classification: .nonMalicious)]),
            LookupTests.project("gamma", [Indicator(value: "https://only.example/x", type: .url, classification: .malicious)]),
        ])
        let lookup = Lookup(IndicatorIndex(workspace))
        let both = lookup.lookup("cdn.example/gate.php")
        #expect(both.direct.map(\.project) == ["alpha", "beta"])
        #expect(!both.classificationDiffers)
        #expect(lookup.lookup("only.example/x").key?.value == "https://only.example/x")
    }
}
