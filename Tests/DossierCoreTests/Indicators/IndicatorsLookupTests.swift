import Testing
@testable import DossierCore

@Suite("Indicators lookup helpers")
struct IndicatorsLookupTests {
    @Test("host of a URL or e-mail address", arguments: [
        ("https://evil.example/login", IndicatorType.url, "evil.example" as String?),
        ("https://Evil.Example:8443/x?y#z", .url, "evil.example"),
        ("http://user:pw@evil.example/", .url, "evil.example"),
        ("http://192.0.2.1:8080/gate.php", .url, "192.0.2.1"),
        ("http://[2001:db8::1]:8443/a", .url, "2001:db8::1"),
        ("http://evil.example", .url, "evil.example"),
        ("http://evil.example./", .url, "evil.example"),
        ("http://evil.example?q=@x", .url, "evil.example"),
        ("payroll@acme-hr.example", .email, "acme-hr.example"),
        ("evil.example", .domain, nil),
        ("192.0.2.1", .ipv4, nil),
        ("not a url", .url, nil),
    ])
    func host(_ value: String, _ type: IndicatorType, _ expected: String?) {
        #expect(Indicators.host(of: value, type: type) == expected)
    }

    @Test("domain within a parent", arguments: [
        ("evil.example", "evil.example", true),
        ("login.evil.example", "evil.example", true),
        ("a.b.evil.example", "evil.example", true),
        ("LOGIN.Evil.Example", "evil.example", true),
        ("evil.example.", "evil.example", true),
        ("notevil.example", "evil.example", false),
        ("evil.example.com", "evil.example", false),
        ("example", "evil.example", false),
        ("evil.example", "example", true),
        ("evil.example", "", false),
    ])
    func within(_ domain: String, _ parent: String, _ expected: Bool) {
        #expect(Indicators.isDomain(domain, within: parent) == expected)
    }

    @Test("address in a CIDR block", arguments: [
        ("192.0.2.0/24", "192.0.2.77", true),
        ("192.0.2.0/24", "192.0.3.1", false),
        ("10.0.0.0/8", "10.255.255.255", true),
        ("0.0.0.0/0", "203.0.113.9", true),
        ("198.51.100.7/32", "198.51.100.7", true),
        ("198.51.100.7/32", "198.51.100.8", false),
        ("192.0.2.0/24", "::ffff:192.0.2.1", true),
        ("2001:db8::/32", "2001:db8:1234::1", true),
        ("2001:db8::/32", "2001:db9::1", false),
        ("2001:db8:abcd::/56", "2001:db8:abcd:ff::1", true),
        ("2001:db8:abcd::/56", "2001:db8:abcd:100::1", false),
        ("::/0", "2001:db8::1", true),
        ("2001:db8::/32", "192.0.2.1", false),
        ("192.0.2.0/24", "2001:db8::1", false),
        ("not a block", "192.0.2.1", false),
        ("192.0.2.0/24", "not an address", false),
    ])
    func contains(_ block: String, _ address: String, _ expected: Bool) {
        #expect(Indicators.cidr(block, contains: address) == expected)
    }

    @Test("where a URL leads, however written: no scheme, user-info, default port, fragment, final slash; backslashes as slashes", arguments: [
        ("https://u:p@Paste.Example.:443/raw/1/#x", "paste.example/raw/1" as String?),
        ("paste.example/raw/1", "paste.example/raw/1"),
        (#"http://paste.example\raw\1"#, "paste.example/raw/1"),
        ("ftp://files.example:21/pub/a.zip", "files.example/pub/a.zip"),
        ("https://files.example:21/pub/a.zip", "files.example:21/pub/a.zip"),
        ("http://evil.example/gate.php?id=7&x=1", "evil.example/gate.php?id=7&x=1"),
        ("http://evil.example/?id=7", "evil.example?id=7"),
        ("http://[2001:db8::1]:8080/a", "[2001:db8::1]:8080/a"),
        ("//paste.example/raw/1", "paste.example/raw/1"),
        ("go.example/redirect?u=https://x.example/y", "go.example/redirect?u=https://x.example/y"),
        ("q.example?id=5", "q.example?id=5"),
        ("http://evil.example/", nil),
        ("http://evil.example", nil),
        (#"C:\Users\x\a.exe"#, nil),
        ("src/main.swift", nil),
        ("/etc/passwd", nil),
    ])
    func resourceName(_ url: String, _ expected: String?) {
        #expect(Indicators.resourceName(ofURL: url) == expected)
    }

    @Test("the places a URL written reveals: itself, then each part up to a slash, question mark, ampersand or semicolon")
    func resourcePrefixes() {
        #expect(Indicators.resourcePrefixes(of: "a.example/raw/1?x=2&y=3") == ["a.example/raw/1?x=2&y=3", "a.example/raw/1?x=2", "a.example/raw/1", "a.example/raw"])
        #expect(Indicators.resourcePrefixes(of: "a.example/raw") == ["a.example/raw"])
        #expect(Indicators.resourcePrefixes(of: "a.example?q") == ["a.example?q"])
        #expect(Indicators.resourcePrefixes(of: "a.example//x//y") == ["a.example//x//y", "a.example//x"])
    }
}
