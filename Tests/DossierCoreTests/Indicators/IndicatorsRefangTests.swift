import Testing
@testable import DossierCore

@Suite("Indicators.refang and defang")
struct IndicatorsRefangTests {
    @Test("defanged forms are undone", arguments: [
        ("hxxp://evil.example/", "http://evil.example/"),
        ("hXXp://evil.example/", "http://evil.example/"),
        ("HXXPS://evil.example/", "https://evil.example/"),
        ("hxxps://evil[.]example/x", "https://evil.example/x"),
        ("hxxps[:]//evil[.]example/x", "https://evil.example/x"),
        ("hxxps[://]evil[.]example/x", "https://evil.example/x"),
        ("https[:]//evil[.]example[/]x", "https://evil.example/x"),
        ("fxp://files[.]evil[.]example/kit.zip", "ftp://files.evil.example/kit.zip"),
        ("evil[.]example", "evil.example"),
        // The root's dot of a fully qualified name, defanged too.
        ("evil[.]example[.]", "evil.example."),
        ("hxxp://evil[.]example[.]/x", "http://evil.example./x"),
        ("user[@]evil[.]example[.]", "user@evil.example."),
        ("end(.) Next", "end(.) Next"),
        ("hxxps://evil[.]example/login.php[.]", "https://evil.example/login.php[.]"),
        ("evil(.)example", "evil.example"),
        ("evil{.}example", "evil.example"),
        ("evil[dot]example", "evil.example"),
        ("evil(dot)example", "evil.example"),
        ("evil{dot}example", "evil.example"),
        ("evil[DOT]example", "evil.example"),
        ("evil dot example", "evil.example"),
        ("evil [.] example", "evil.example"),
        ("evil\\.example", "evil.example"),
        ("evil\u{3002}example", "evil.example"),
        ("evil\u{FF0E}example\u{FF61}net", "evil.example.net"),
        ("evil\u{FE52}example\u{2024}net", "evil.example.net"),
        ("victim\u{FF20}evil.example", "victim@evil.example"),
        // What shows as nothing inside a name is nothing.
        ("evil\u{200B}-secret.exam\u{00AD}ple", "evil-secret.example"),
        ("198.51.100\u{200B}.7", "198.51.100.7"),
        ("203.0.1\u{034F}13.77", "203.0.113.77"),
        ("secret\u{FE00}-c2.exam\u{E0031}ple", "secret-c2.example"),
        // Dots as a reader sees them (middle dots, the dot operator, the katakana middle dot).
        ("secret-c2\u{00B7}example", "secret-c2.example"),
        ("203\u{22C5}0\u{2219}113\u{30FB}77", "203.0.113.77"),
        // A hyphen look-alike in a host name is a hyphen; in a URL's path it stays.
        ("evil\u{FF0D}canary.example", "evil-canary.example"),
        ("evil\u{2212}canary.example", "evil-canary.example"),
        ("https://x.example/a\u{2010}b", "https://x.example/a\u{2010}b"),
        // A CVE id's hyphens as word processors write them; elsewhere a dash stays one.
        ("CVE\u{2010}2024\u{2011}3094", "CVE-2024-3094"),
        ("cve\u{2013}2021\u{2212}44228", "cve-2021-44228"),
        ("192.0.2[.]1", "192.0.2.1"),
        ("192[.]0[.]2[.]1", "192.0.2.1"),
        ("192(.)0(.)2(.)1", "192.0.2.1"),
        ("192.0.2[.]0/24", "192.0.2.0/24"),
        ("user[@]evil[.]example", "user@evil.example"),
        ("user(@)evil[.]example", "user@evil.example"),
        ("user[at]evil[.]example", "user@evil.example"),
        ("user(at)evil(dot)example", "user@evil.example"),
        ("user [at] evil [dot] example", "user@evil.example"),
        ("first.last+x[@]evil[.]example", "first.last+x@evil.example"),
        ("2001[:]db8[:][:]1", "2001:db8::1"),
        ("  \tevil[.]example \n", "evil.example"),
        // A URL defanged by the hand that defanged the URL carrying it (a redirector's query).
        ("hxxps://www.google[.]com/url?q=hxxps://evil[.]com/login", "https://www.google.com/url?q=https://evil.com/login"),
        ("hxxp://r[.]example/go/hxxp[:]//b[.]example/x", "http://r.example/go/http://b.example/x"),
        ("hxxp://a[.]example/ and /?u=hxxp://b", "http://a.example/ and /?u=hxxp://b"),
        ("hxxps://www.google[.]com/url?q=hxxps%3A%2F%2Fevil2[.]com%2Flogin", "https://www.google.com/url?q=https%3A%2F%2Fevil2.com%2Flogin"),
        ("\u{FEFF}\u{200B}evil[.]example\u{00A0}", "evil.example"),
    ])
    func refangs(_ input: String, _ expected: String) {
        #expect(Indicators.refang(input) == expected)
    }

    @Test("a value defanged to its name's last dot (the root's) is read as add reads it: the name's normal form")
    func defangedRootDot() {
        for (input, type, normal) in [("evil[.]example[.]", IndicatorType.domain, "evil.example"), ("user[@]evil[.]example[.]", .email, "user@evil.example"),
                                      ("hxxp://evil[.]example[.]/x", .url, "http://evil.example/x")] {
            guard case .success(let parsed) = IndicatorInput.parse(input, as: nil) else {
                Issue.record("\(input) was not read")
                continue
            }
            #expect(parsed.type == type && parsed.value == normal, "\(input): \(parsed)")
        }
    }

    @Test("values that were not defanged are left alone", arguments: [
        "https://evil.example/a?b=[.]&c=(at)",
        "https://evil.example/go?u=hxxp://b.example/&v=/fxp://c",
        "http://hxxp:8080/",
        "hxxp.zip",
        "a{b}@evil.example",
        "https://en.wikipedia.org/wiki/Sednit_(group)",
        "- [ ] check the proxy logs",
        "a sentence (at) the end",
        "the dot com era",
        "Global\\{5A1F8C2E-1B2C-4D3E-9F00-ABCDEF012345}",
        "xhxxp://not-a-scheme",
        "fxp.dll",
        "hxxp",
        "C:\\Users\\Public\\svchost.exe",
        "sftp://drop.evil.example/",
        "2001:db8::1",
        "[.] at the start",
        "evil.example",
        "payroll@acme-hr.example",
    ])
    func leavesAlone(_ input: String) {
        #expect(Indicators.refang(input) == input)
    }

    @Test("defang shows network indicators safely", arguments: [
        (IndicatorType.url, "https://evil.example/login.php?a=b.c", "hxxps://evil[.]example/login.php?a=b.c"),
        (.url, "http://admin:pw@evil.example:8080/x", "hxxp://admin:pw[@]evil[.]example:8080/x"),
        (.url, "ftp://files.evil.example/kit.zip", "fxp://files[.]evil[.]example/kit.zip"),
        (.url, "http://192.0.2.1/bins/mips", "hxxp://192[.]0[.]2[.]1/bins/mips"),
        (.url, "http://[2001:db8::1]:8443/a", "hxxp://[2001[:]db8[:]:1]:8443/a"),
        (.url, "http://[::ffff:192.0.2.1]/a", "hxxp://[::ffff[:]192[.]0[.]2[.]1]/a"),
        (.url, "http://a.example/p?u=http://[64:ff9b::198.51.100.7]/x", "hxxp://a[.]example/p?u=http://[64[:]ff9b[:]:198[.]51[.]100[.]7]/x"),
        (.url, "http://a.example/p?u=http://[2001:db8::7]:8080/x", "hxxp://a[.]example/p?u=http://[2001[:]db8[:]:7]:8080/x"),
        (.url, "ldap://evil.example:1389/a", "ldap://evil[.]example:1389/a"),
        // The host of a URL carried in another's query or path is defanged too (pasted alone it
        // would be live); its scheme stays, as refang leaves one inside a URL.
        (.url, "https://www.google.com/url?q=https://redirect-evil.example/login&sa=D", "hxxps://www[.]google[.]com/url?q=https://redirect-evil[.]example/login&sa=D"),
        (.url, "http://r.example/go/http://evil.example.net/x.php#HTTPS://a.example", "hxxp://r[.]example/go/http://evil[.]example[.]net/x.php#HTTPS://a[.]example"),
        (.url, "http://r.example/a?u=xhttp://b.example&v=1.2", "hxxp://r[.]example/a?u=xhttp://b.example&v=1.2"),
        (.url, "https://www.google.com/url?q=https%3A%2F%2Fevil2.com%2Flogin", "hxxps://www[.]google[.]com/url?q=https%3A%2F%2Fevil2[.]com%2Flogin"),
        // A bracket that is no defanged form leaves a carried `hxxp://` as it is.
        (.url, "https://example.com/?q=hxxp://x(1)", "hxxps://example[.]com/?q=hxxp://x(1)"),
        (.domain, "evil.example", "evil[.]example"),
        (.ipv4, "192.0.2.1", "192[.]0[.]2[.]1"),
        (.cidr, "192.0.2.0/24", "192[.]0[.]2[.]0/24"),
        (.cidr, "2001:db8::/32", "2001[:]db8[:]:/32"),
        (.ipv6, "2001:db8::1", "2001[:]db8[:]:1"),
        (.ipv6, "2001:db8:0:1:2:3:4:5", "2001[:]db8[:]0[:]1[:]2[:]3[:]4[:]5"),
        (.ipv6, "::ffff:192.0.2.1", "::ffff[:]192[.]0[.]2[.]1"),
        (.ipv6, "::1", "::1"),
        (.email, "first.last@evil.example", "first.last[@]evil[.]example"),
        (.md5, "d41d8cd98f00b204e9800998ecf8427e", "d41d8cd98f00b204e9800998ecf8427e"),
        (.filename, "invoice.pdf.exe", "invoice.pdf.exe"),
        (.cve, "CVE-2021-44228", "CVE-2021-44228"),
    ])
    func defangs(_ type: IndicatorType, _ value: String, _ expected: String) {
        #expect(Indicators.defang(value, as: type) == expected)
        #expect(Indicators.refang(expected) == value)
    }

    @Test("refang(defang(v)) == v for every normal value", arguments: IndicatorSamples.valid)
    func roundTrip(_ sample: ValidIndicatorSample) {
        guard sample.type.isStrict else { return }
        let defanged = Indicators.defang(sample.normal, as: sample.type)
        #expect(Indicators.refang(defanged) == sample.normal)
        if sample.type.isNetwork && !sample.normal.hasPrefix("ldap") && !sample.normal.hasPrefix("::") {
            #expect(defanged != sample.normal || !sample.normal.contains(".") && !sample.normal.contains(":"), "not defanged: \(defanged)")
        }
    }

    @Test("a defanged value parses back to the same indicator", arguments: IndicatorSamples.valid)
    func defangedParses(_ sample: ValidIndicatorSample) {
        guard sample.type.isStrict else { return }
        let defanged = Indicators.defang(sample.normal, as: sample.type)
        #expect(Indicators.parse(defanged, as: sample.type) == .success(ParsedIndicator(type: sample.type, value: sample.normal)))
    }

    @Test("prose shows its network indicators defanged, as tables show values", arguments: [
        ("A record of payroll-acme.example and 198.51.100.23.", "A record of payroll-acme[.]example and 198[.]51[.]100[.]23."),
        ("The loader beacons to http://Evil.example/gate.php?id=1 every minute",
         "The loader beacons to hxxp://Evil[.]example/gate.php?id=1 every minute"),
        ("Lure sent from payroll@payroll-acme.example.", "Lure sent from payroll[@]payroll-acme[.]example."),
        ("Host: cdn-update.test\nUser-Agent: x", "Host: cdn-update[.]test\nUser-Agent: x"),
        ("scan from 192.0.2.0/24 and 2001:db8::1", "scan from 192[.]0[.]2[.]0/24 and 2001[:]db8[:]:1"),
        // An IPv6 address alone in a text (no dot), in its block; a time of day is no address.
        ("AAAA record 2001:db8:4f2a::15", "AAAA record 2001[:]db8[:]4f2a[:]:15"),
        ("Beacon to 2001:DB8::5 from fe80::1%eth0 at 12:30, block 2001:db8::/48", "Beacon to 2001[:]DB8[:]:5 from fe80[:]:1%eth0 at 12:30, block 2001[:]db8[:]:/48"),
        ("Ünïcödé before evil.example after", "Ünïcödé before evil[.]example after"),
        // A defanged name in a URL's query leaves the URL's own host live: it is defanged.
        ("See http://c.example/?next=evil[.]example now", "See hxxp://c[.]example/?next=evil[.]example now"),
        ("Phish at http://secure_login.evil-host.example/auth and secure_login.evil-host.example.",
         "Phish at hxxp://secure_login[.]evil-host[.]example/auth and secure_login[.]evil-host[.]example."),
        // Defanged in part by its writer, its host still live: shown wholly defanged.
        ("GET hxxp://203.0.113.9:8080/gate.php and hxxps://dl.fileshare[.]example/a.zip, mail jdoe[@]mail.example",
         "GET hxxp://203[.]0[.]113[.]9:8080/gate.php and hxxps://dl[.]fileshare[.]example/a.zip, mail jdoe[@]mail[.]example"),
        // Full stops browsers take for dots, with no `.` in the text at all.
        ("Beacon to evil\u{3002}example and 203\u{FF0E}0\u{FF0E}113\u{FF0E}9", "Beacon to evil[.]example and 203[.]0[.]113[.]9"),
        ("kit on f\u{FF61}example", "kit on f[.]example"),
    ])
    func defangsText(_ text: String, _ expected: String) {
        #expect(Indicators.defangText(text) == expected)
    }

    @Test("prose without an indicator to defang, or defanged by its writer, is left as written", arguments: [
        "Sandbox detonation showed the same persistence mechanism. See README.md.",
        "version 1.2.3.4 of the agent",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "already hxxps://evil[.]example/x and evil[.]example and hxxp://evil[.]example[.]net/",
        "",
        "a.",
        // Code and figures that read as IPv6 addresses but have no group of three hex digits.
        "key = blob[0::2]; odd = blob[1::2]; a1::b2 and ab::12",
        "Interface EUI-64 id 02:00:5e:ff:fe:00:53:01",
    ])
    func leavesProseAlone(_ text: String) {
        #expect(Indicators.defangText(text) == text)
    }

    @Test("defanging a text never changes which indicators it holds")
    func defangingKeepsIndicators() {
        let texts = [
            "Gates: http://a.example/x, https://b.example/y; mail from x@c.example; hosts d.example, 192.0.2.7.",
            "C2 at evil_domain.example/path and (http://e.example/a_(b)) then f.example:443 and user@192.0.2.8",
            "Mixed hxxp://g[.]example/ and h.example plus CVE-2024-3094, AS64500 and 10.0.0.0/8.",
        ]
        for text in texts {
            let shown = Indicators.defangText(text)
            #expect(shown != text)
            #expect(Indicators.extract(from: shown).map(\.value) == Indicators.extract(from: text).map(\.value), "\(shown)")
        }
    }

    @Test("a link leads to a record: the value, its host, a domain or block its host lies in, another URL on the host", arguments: [
        ("http://x.evil.example/a", IndicatorType.url, Indicator(value: "evil.example", type: .domain), true),
        ("http://notevil.example/a", .url, Indicator(value: "evil.example", type: .domain), false),
        ("http://203.0.113.77/x", .url, Indicator(value: "203.0.113.0/24", type: .cidr), true),
        ("http://198.51.100.1/x", .url, Indicator(value: "203.0.113.0/24", type: .cidr), false),
        ("https://gate.evil.example/other", .url, Indicator(value: "https://gate.evil.example/g.php", type: .url), true),
        ("https://gate.evil.example/g.php", .url, Indicator(value: "https://gate.evil.example/g.php", type: .url), true),
        ("hr@payroll.evil.example", .email, Indicator(value: "payroll.evil.example", type: .domain), true),
        ("http://[2001:db8::5]/", .url, Indicator(value: "2001:db8::5", type: .ipv6), true),
        ("https://research.example.org/post", .url, Indicator(value: "evil.example", type: .domain), false),
        ("http://evil.example/", .url, Indicator(value: "evil.example", type: .domain), true),
        ("http://a.b.evil.example/", .url, Indicator(value: "evil.example", type: .domain), true),
        ("http://evil.example.org/", .url, Indicator(value: "evil.example", type: .domain), false),
        ("http://203.0.113.9/x", .url, Indicator(value: "203.0.113.9", type: .ipv4), true),
        ("https://gate.evil.example/g.php", .url, Indicator(value: "ops@gate.evil.example", type: .email), true),
    ])
    func linkLeadsTo(_ value: String, _ type: IndicatorType, _ recorded: Indicator, _ expected: Bool) {
        #expect(LinkDestinations([recorded]).reached(byLinkTo: value, type: type) == expected)
        // Among other records, the answer is the same.
        let others = [Indicator(value: "unrelated.example", type: .domain), Indicator(value: "198.18.0.0/15", type: .cidr),
                      Indicator(value: "https://elsewhere.example/x", type: .url)]
        #expect(LinkDestinations(others + [recorded]).reached(byLinkTo: value, type: type) == expected)
        #expect(!LinkDestinations(others).reached(byLinkTo: value, type: type))
    }
}
