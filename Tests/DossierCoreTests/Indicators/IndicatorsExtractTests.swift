import Testing
@testable import DossierCore

@Suite("Indicators.extract")
struct IndicatorsExtractTests {
    /// Type and value of each extracted indicator.
    private func pairs(_ text: String) -> [String] {
        Indicators.extract(from: text).map { "\($0.type.rawValue) \($0.value)" }
    }

    static let blogPost = """
        ## Payroll phishing kit

        On 2026-11-02 our mail gateway blocked a phishing wave impersonating ACME payroll. The lure linked to
        hxxps://payroll-acme[.]com/login/index.php?id=7 and the kit posted credentials to
        hxxp://185.220.101[.]42:8080/gate.php. The landing domain payroll-acme[.]com resolved to 185.220.101[.]42
        (AS 64500, hosted in 203.0.113.0/24). Replies went to hr-payroll[@]acme-hr[.]example.

        The dropper (SHA256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, MD5
        D41D8CD98F00B204E9800998ECF8427E) exploits CVE-2021-44228 and beacons to cdn-update[.]xyz every 60 seconds.
        It writes config.json and report.pdf next to itself; see README.md. Tested on Windows version 10.0.19041.1
        and agent v1.2.3.4. The C2 also answers on 2001:db8:85a3::8a2e:370:7334.
        """

    @Test("a name that begins with '_' keeps it; a word between underscores is emphasis")
    func leadingUnderscore() {
        let found = Indicators.extract(from: "TXT at _dmarc.evil.test and _sip._tcp.evil.test; _bold.evil.test_ here")
        #expect(found.map(\.value) == ["_dmarc.evil.test", "_sip._tcp.evil.test", "bold.evil.test"])
    }

    @Test("a name after a percent-escape is the name, not the escape's digits and the name; a defanged URL carried escaped in a query is refanged whole")
    func namesAfterEscapes() {
        #expect(pairs("q=hxxps%3A%2F%2Fevil11[.]com here") == ["domain evil11.com"])
        #expect(pairs("See hxxps://www.google[.]com/url?q=hxxps%3A%2F%2Fevil2[.]com%2Flogin now")
            == ["url https://www.google.com/url?q=https%3A%2F%2Fevil2.com%2Flogin"])
    }

    @Test("a block of one address written in text is the address, as add records it")
    func singleAddressBlocks() {
        let found = Indicators.extract(from: "from 198.51.100.77/32 and 2001:db8::5/128, and the 198.51.100.0/24 block")
        #expect(found.map { "\($0.type.rawValue) \($0.value)" } == ["ipv4 198.51.100.77", "ipv6 2001:db8::5", "cidr 198.51.100.0/24"])
    }

    @Test func vendorBlogPost() {
        #expect(pairs(Self.blogPost) == [
            "url https://payroll-acme.com/login/index.php?id=7",
            "url http://185.220.101.42:8080/gate.php",
            "domain payroll-acme.com",
            "ipv4 185.220.101.42",
            "asn AS64500",
            "cidr 203.0.113.0/24",
            "email hr-payroll@acme-hr.example",
            "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "md5 d41d8cd98f00b204e9800998ecf8427e",
            "cve CVE-2021-44228",
            "domain cdn-update.xyz",
            "ipv6 2001:db8:85a3::8a2e:370:7334",
        ])
    }

    @Test func positionsInTheBlogPost() {
        let found = Indicators.extract(from: Self.blogPost)
        let positions = found.map { "\($0.line):\($0.column)" }
        #expect(positions == ["4:1", "5:1", "5:59", "5:90", "6:2", "6:22", "6:55", "8:21", "9:1", "9:44", "9:74", "11:44"])
    }

    @Test("prose that holds no indicator", arguments: [
        "See report.pdf and config.json, then open index.html or README.md.",
        "Download setup.zip, run install.sh and main.py, or build src/main.rs with Cargo.",
        "Tested with version 1.2.3.4, v1.2.3.4, Version: 4.3.2.1 and build 10.0.19041.1.",
        "UA Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91",
        "The OID 1.3.6.1.4.1.311 and the dotted 1.2.3.4.5 are no addresses.",
        "The meeting is at 12:30:45 today; call me at 10:30 or 9:15:00.",
        "In C++ use std::vector and Foo::Bar; in Perl Net::DNS; dead::beef is no address.",
        "The dot com era (at) its peak [.] was loud.",
        "Use System.Net.WebClient, System.IO and System.Net in PowerShell.",
        "Call window.open(url), this.name, self.id, document.write and arr.map(f).",
        "Commit 1234567890123456789012345678901234567890 is all digits.",
        "See RFC 5280 section 4.2.1.1, Section: 4.2.1.3, § 4.2.1.12 and clause 7.1.2.3.",
        "Fixed in commit 3f786850e387550fdab836ed7e6dc881de23001b, reverted by commit `e69de29bb2d1d6434b8b29ae775ad8c2e48c5391`.",
        "UUID 550e8400-e29b-41d4-a716-446655440000 and GUID {3F2504E0-4F89-11D3-9A0C-0305E82C3301}.",
        "Write to me@localhost or browse http://localhost:8080/ or C://Windows/System32.",
        "MAC 00:1a:2b:3c:4d:5e, icon@2x.png, @actor on social media.",
        "Pi is 3.14, the date 2024.01.02, and e.g. i.e. U.S. etc.",
        "Mr.Smith said so.No space after the period.",
        "A hex run of 31: d41d8cd98f00b204e9800998ecf8427, of 33: d41d8cd98f00b204e9800998ecf8427ee.",
        "as 64500 is lower case; AS is a word; such AS 2 SAMPLES.5",
        "Open Safari.app and invoice.one, then id_rsa.pub and Makefile.am.",
        "- [ ] check the proxy logs\n- [x] done",
        "",
    ])
    func noFalsePositives(_ text: String) {
        #expect(pairs(text) == [])
    }

    @Test("a 40-hex inside a longer hex word is no sha1")
    func wholeHashWords() {
        let sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        #expect(pairs("hash \(sha256) end") == ["sha256 \(sha256)"])
        #expect(pairs("hash \(sha256)a end") == [])
        #expect(pairs("x_da39a3ee5e6b4b0d3255bfef95601890afd80709") == [])
        #expect(pairs("sample-da39a3ee5e6b4b0d3255bfef95601890afd80709.bin") == ["sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709"])
        #expect(pairs("sha256:\(sha256)") == ["sha256 \(sha256)"])
        #expect(pairs("`\(sha256.uppercased())`") == ["sha256 \(sha256)"])
    }

    @Test("defanged forms are found and refanged", arguments: [
        ("Payload at hxxps://evil[.]example/x.", ["url https://evil.example/x"]),
        ("Payload at hxxps[:]//evil[.]example/x", ["url https://evil.example/x"]),
        ("Domain evil[.]example.", ["domain evil.example"]),
        ("Domain evil(.)example and evil[dot]example", ["domain evil.example", "domain evil.example"]),
        ("Mail user[@]evil[.]example today", ["email user@evil.example"]),
        ("Mail user [at] evil [dot] example today", ["email user@evil.example"]),
        ("IP 192.0.2[.]1 and 198[.]51[.]100[.]7", ["ipv4 192.0.2.1", "ipv4 198.51.100.7"]),
        ("Block 192.0.2[.]77/24 now", ["cidr 192.0.2.0/24"]),
        ("Defanged files: kit[.]zip and loader[.]py", ["domain kit.zip", "domain loader.py"]),
        ("fxp://files[.]evil[.]example/kit.zip", ["url ftp://files.evil.example/kit.zip"]),
        // The full stops IDNA reads as dots, between ASCII names; not those that end a sentence.
        ("C2 canary-privind\u{FF0E}example\u{3002}com and 東京\u{3002}中国", ["domain canary-privind.example.com"]),
        // The full-width and small at signs, which a mail client reads as `@`.
        ("Mail victim\u{FF20}corp-secret.example and ops\u{FE6B}evil.example; ＠mention", ["email victim@corp-secret.example", "email ops@evil.example"]),
        // A full-width name with a full-width full stop is the ASCII name to a browser.
        ("C2 ｓｅｃｒｅｔ．ｅｘａｍｐｌｅ and secret-c2．ｅｘａｍｐｌｅ", ["domain secret.example", "domain secret-c2.example"]),
    ])
    func defanged(_ text: String, _ expected: [String]) {
        #expect(pairs(text) == expected)
    }

    @Test("URLs in Markdown, AsciiDoc, quotes and brackets", arguments: [
        ("[the portal](https://portal.evil.example/a)", ["url https://portal.evil.example/a"]),
        ("<https://evil.example/x>", ["url https://evil.example/x"]),
        ("**https://evil.example/x**", ["url https://evil.example/x"]),
        ("(see https://en.wikipedia.org/wiki/Sednit_(group)).", ["url https://en.wikipedia.org/wiki/Sednit_(group)"]),
        ("Visit https://evil.example/path.", ["url https://evil.example/path"]),
        ("'https://evil.example/a', \"https://evil.example/b\";", ["url https://evil.example/a", "url https://evil.example/b"]),
        ("https://evil.example/kit[the kit] and link:https://evil.example/b[B c]", ["url https://evil.example/kit", "url https://evil.example/b"]),
        ("${jndi:ldap://evil.example:1389/a}", ["url ldap://evil.example:1389/a"]),
        ("| https://evil.example/a | 192.0.2.1 |", ["url https://evil.example/a", "ipv4 192.0.2.1"]),
        ("GET http://192.0.2.1:8080/bins/mips?x=1&y=2 HTTP/1.1", ["url http://192.0.2.1:8080/bins/mips?x=1&y=2"]),
        ("http://[2001:db8::1]:8443/a", ["url http://[2001:db8::1]:8443/a"]),
        ("https://Evil.Example/Path?Q=1#F", ["url https://evil.example/Path?Q=1#F"]),
        ("https://evil.example/a?arr[]=1&b=[x]", ["url https://evil.example/a?arr[]=1&b=[x]"]),
        ("“https://evil.example/a”", ["url https://evil.example/a"]),
        ("https://bücher.example/straße。次", ["url https://xn--bcher-kva.example/straße"]),
        ("https://a.example/x,https://b.example/y;ftp://c.example/z,w", ["url https://a.example/x", "url https://b.example/y", "url ftp://c.example/z,w"]),
        ("http://user:pw@evil.example/x mail admin@evil.example", ["url http://user:pw@evil.example/x", "email admin@evil.example"]),
    ])
    func urls(_ text: String, _ expected: [String]) {
        #expect(pairs(text) == expected)
    }

    @Test("other indicators in text", arguments: [
        ("[2001:db8::1]:443 and fe80::1", ["ipv6 2001:db8::1", "ipv6 fe80::1"]),
        ("mapped ::ffff:192.0.2.1 here", ["ipv6 ::ffff:192.0.2.1"]),
        ("block 2001:db8::/32 now", ["cidr 2001:db8::/32"]),
        ("full 2001:0db8:0000:0000:0000:0000:0000:0001.", ["ipv6 2001:db8::1"]),
        ("evil.example:443 and 192.0.2.1:8080", ["domain evil.example", "ipv4 192.0.2.1"]),
        ("Der Server bücher.example antwortete.", ["domain xn--bcher-kva.example"]),
        ("“evil.example” and «evil.example»", ["domain evil.example", "domain evil.example"]),
        ("EVIL.COM and Evil.com", ["domain evil.com", "domain evil.com"]),
        ("AS13335, ASN64500 and AS 15169 (Google)", ["asn AS13335", "asn AS64500", "asn AS15169"]),
        ("cve-2014-0160 and CVE-2024-1234567.", ["cve CVE-2014-0160", "cve CVE-2024-1234567"]),
        // As Word and PDFs write the hyphens (non-breaking, en dash, minus); a range in prose stays.
        ("CVE\u{2011}2024\u{2011}3094, cve\u{2013}2021\u{2212}44228 in 2020\u{2013}2024", ["cve CVE-2024-3094", "cve CVE-2021-44228"]),
        ("mailto:First.Last@Evil.Example?subject=x", ["email first.last@evil.example"]),
        ("hidden service abcdefghijklmnop.onion", ["domain abcdefghijklmnop.onion"]),
        ("one per line\nevil.example\n192.0.2.1\nd41d8cd98f00b204e9800998ecf8427e\n",
         ["domain evil.example", "ipv4 192.0.2.1", "md5 d41d8cd98f00b204e9800998ecf8427e"]),
        ("the IP was 10.0.0.1 and the version 1.2.3.4", ["ipv4 10.0.0.1"]),
        ("the DMZ section (10.0.0.5) and sections 4.2.1.1", ["ipv4 10.0.0.5"]),
        // A sentence ends between the word and the value.
        ("We reviewed the section. 203.0.113.201 was the C2. The last version. 203.0.113.202 too.", ["ipv4 203.0.113.201", "ipv4 203.0.113.202"]),
        ("Fixed in the last commit. 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b is the dropper.", ["sha1 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"]),
        ("the commit 3f786850e387550fdab836ed7e6dc881de23001b built the dropper e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
         ["sha1 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"]),
        // After a path's word, not a browser's product token, an address is one.
        ("GET /geo/8.8.4.4 and Chrome/120.0.0.0", ["ipv4 8.8.4.4"]),
        ("010.1.1.1 is ambiguous, 999.1.1.1 invalid", []),
        ("files.evil.example/setup.zip", ["domain files.evil.example"]),
        // Short words without a dot or colon are skipped unless they start (trimmed) with AS.
        ("-AS 7018, _AS64500- and .AS701 but as 7018 and BAS64500", ["asn AS7018", "asn AS64500", "asn AS701"]),
        // Glued to its digits, in any case, as `add` and `lookup` read it; spaced, only upper-case.
        ("via as64511, As64512. and asn64513 but as 2019, asN 64514, ask64515, bas64516, asn1, as3, as400", ["asn AS64511", "asn AS64512", "asn AS64513"]),
        ("twelve-bytes cve-2024-123 CVE-2024-1234 thirteen-byte", ["cve CVE-2024-1234"]),
        ("_CVE-2024-1234_ and -cve-2024-12345.", ["cve CVE-2024-1234", "cve CVE-2024-12345"]),
    ])
    func others(_ text: String, _ expected: [String]) {
        #expect(pairs(text) == expected)
    }

    @Test("duplicates are kept, in order")
    func duplicates() {
        #expect(pairs("evil.example, evil[.]example and EVIL.example") == [
            "domain evil.example", "domain evil.example", "domain evil.example",
        ])
    }

    @Test("an apostrophe within an address's local part is part of it; one that quotes the address is not")
    func apostropheInLocalPart() {
        #expect(pairs("came from o'brien@evil.example today") == ["email o'brien@evil.example"])
        #expect(pairs("write to 'alice@evil.example' now") == ["email alice@evil.example"])
        #expect(pairs("it's alice@evil.example") == ["email alice@evil.example"])
    }

    @Test("the host of a URL or e-mail is not reported again")
    func hostsNotRepeated() {
        #expect(pairs("see https://www.misp-project.org[MISP] and https://[2001:db8::1]/x[y]") == [
            "url https://www.misp-project.org/", "url https://[2001:db8::1]/x",
        ])
        #expect(pairs("https://evil.example/x") == ["url https://evil.example/x"])
        #expect(pairs("hr@acme-hr.example") == ["email hr@acme-hr.example"])
        #expect(pairs("https://evil.example/x then evil.example") == ["url https://evil.example/x", "domain evil.example"])
    }

    @Test("lines and columns count Unicode scalars of the original text, as JSON positions do", arguments: [
        ("evil.example", 1, 1),
        ("abc\nxx hxxps://evil[.]example/x", 2, 4),
        ("🙂 evil[.]example", 1, 3),
        ("a\r\nb evil.example", 2, 3),
        ("e\u{301}e\u{301} 192.0.2.1", 1, 6),
        ("\n\n\tuser[@]evil[.]example", 3, 2),
        ("x\n[.] then evil [.] example", 2, 10),
    ])
    func positions(_ text: String, _ line: Int, _ column: Int) throws {
        let first = try #require(Indicators.extract(from: text).first)
        #expect(first.line == line)
        #expect(first.column == column)
    }

    @Test("extracted values are normal forms", arguments: [blogPost])
    func extractedValuesAreNormal(_ text: String) {
        for item in Indicators.extract(from: text) {
            #expect(Indicators.normalize(item.value, as: item.type) == .success(item.value))
        }
    }

    @Test("a megabyte on one line is scanned in linear time", arguments: [
        "evil[.]example 192.0.2.1 hxxps://x[.]example/a?b=c d41d8cd98f00b204e9800998ecf8427e user@evil.example ",
        "a://a://a://a://",
        "@@@@@@@@",
        "aaaaaaaaaaaaaaaa",
        "a.a.a.a.a.a.a.a.",
        "[.][.][.]a[.]",
        "::::::::",
        "https://evil.example/((((((((",
    ])
    func longLine(_ unit: String) {
        let text = String(repeating: unit, count: 1_000_000 / unit.utf8.count)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = Indicators.extract(from: text) }
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }
}
