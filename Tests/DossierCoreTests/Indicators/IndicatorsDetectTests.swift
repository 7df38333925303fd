import Testing
@testable import DossierCore

@Suite("Indicators.detect and parse")
struct IndicatorsDetectTests {
    @Test("bare values are typed", arguments: [
        ("192.0.2.1", IndicatorType.ipv4),
        ("2001:db8::1", .ipv6),
        ("::ffff:192.0.2.1", .ipv6),
        ("fe80::202:b3ff:fe1e:8329", .ipv6),
        ("192.0.2.0/24", .cidr),
        ("2001:db8::/32", .cidr),
        ("evil.example", .domain),
        ("payroll-acme.com", .domain),
        ("EVIL.COM", .domain),
        ("xn--bcher-kva.de", .domain),
        ("bücher.de", .domain),
        ("пример.рф", .domain),
        ("login.microsoftonline.com.evil.xyz", .domain),
        ("hiddenservice2abcdefgh.onion", .domain),
        ("https://evil.example/x", .url),
        ("ldap://evil.example:1389/a", .url),
        ("http://192.0.2.1:8080/", .url),
        ("john.doe@evil.example", .email),
        ("d41d8cd98f00b204e9800998ecf8427e", .md5),
        ("D41D8CD98F00B204E9800998ECF8427E", .md5),
        ("da39a3ee5e6b4b0d3255bfef95601890afd80709", .sha1),
        ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", .sha256),
        (String(repeating: "ab", count: 64), .sha512),
        ("AS64500", .asn),
        ("as64500", .asn),
        ("ASN64500", .asn),
        ("AS 64500", .asn),
        ("CVE-2021-44228", .cve),
        ("cve-2021-44228", .cve),
    ])
    func detects(_ value: String, _ type: IndicatorType) {
        #expect(Indicators.detect(value) == type)
    }

    @Test("values that fit no strict type are not guessed", arguments: [
        "report.pdf", "config.json", "index.html", "README.md", "invoice.zip", "svchost.exe", "corp.internal",
        "64500", "hello", "hello world", "1.2.3", "999.1.1.1", "12:30:45", "foo..com", "evil[.]example",
        "C:\\Windows\\System32\\cmd.exe", "Mozilla/5.0", "user@corp", "file@2x.png", "",
        "d41d8cd98f00b204e9800998ecf8427", "v1.2.3.4", "CVE-26-1",
    ])
    func doesNotGuess(_ value: String) {
        #expect(Indicators.detect(value) == nil)
    }

    @Test("parse trims, refangs, detects and normalizes", arguments: [
        ("  hxxps://Evil[.]Example/Login  ", ParsedIndicator(type: .url, value: "https://evil.example/Login")),
        ("evil[.]example\n", ParsedIndicator(type: .domain, value: "evil.example")),
        ("192.0.2[.]1", ParsedIndicator(type: .ipv4, value: "192.0.2.1")),
        ("192[.]0[.]2[.]77/24", ParsedIndicator(type: .cidr, value: "192.0.2.0/24")),
        // A block of one address is the address.
        ("198.51.100.1/32", ParsedIndicator(type: .ipv4, value: "198.51.100.1")),
        ("2001:DB8::5/128", ParsedIndicator(type: .ipv6, value: "2001:db8::5")),
        ("198.51.100.0/31", ParsedIndicator(type: .cidr, value: "198.51.100.0/31")),
        ("Payroll[@]ACME-hr[.]example", ParsedIndicator(type: .email, value: "payroll@acme-hr.example")),
        ("payroll[at]acme-hr[dot]example", ParsedIndicator(type: .email, value: "payroll@acme-hr.example")),
        ("2001:0DB8::0001", ParsedIndicator(type: .ipv6, value: "2001:db8::1")),
        // In the brackets a URL or a log writes it in.
        ("[2001:db8::1]", ParsedIndicator(type: .ipv6, value: "2001:db8::1")),
        ("D41D8CD98F00B204E9800998ECF8427E", ParsedIndicator(type: .md5, value: "d41d8cd98f00b204e9800998ecf8427e")),
        ("asn 64500", ParsedIndicator(type: .asn, value: "AS64500")),
        ("evil[.]zip", ParsedIndicator(type: .domain, value: "evil.zip")),
        ("evil dot mov", ParsedIndicator(type: .domain, value: "evil.mov")),
    ])
    func parses(_ input: String, _ expected: ParsedIndicator) {
        #expect(Indicators.parse(input) == .success(expected))
    }

    @Test("an IPv6 address in brackets, given its type")
    func bracketedIPv6WithType() {
        #expect(Indicators.parse("[2001:DB8::1]", as: .ipv6) == .success(ParsedIndicator(type: .ipv6, value: "2001:db8::1")))
    }

    @Test("parse with a type", arguments: [
        ("64500", IndicatorType.asn, "AS64500"),
        ("corp.internal", .domain, "corp.internal"),
        ("report.pdf", .domain, "report.pdf"),
        ("da39a3ee5e6b4b0d3255bfef95601890afd80709", .x509Sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("evil[.]example", .domain, "evil.example"),
        (" invoice[.]pdf.exe ", .filename, "invoice[.]pdf.exe"),
        ("HKCU\\Software\\Classes\\.exe", .registryKey, "HKCU\\Software\\Classes\\.exe"),
        ("hxxp-agent/1.0", .userAgent, "hxxp-agent/1.0"),
    ])
    func parsesWithType(_ input: String, _ type: IndicatorType, _ value: String) {
        #expect(Indicators.parse(input, as: type) == .success(ParsedIndicator(type: type, value: value)))
    }

    @Test("a value that fits nothing asks for its type", arguments: ["report.pdf", "hello", "config.json", "Mozilla/5.0"])
    func cannotTell(_ input: String) {
        #expect(Indicators.parse(input) == .failure(IndicatorProblem(message: "cannot tell what kind of indicator '\(input)' is; give its type")))
    }

    @Test("a near miss says what is wrong", arguments: [
        ("999.1.1.1", "999 is not an IPv4 octet (0-255)"),
        ("1.2.3", "an IPv4 address has four parts separated by dots; '1.2.3' has 3"),
        ("foo..com", "'foo..com' has an empty label (two dots in a row)"),
        ("-foo.com", "starts with '-'"),
        ("d41d8cd98f00b204e9800998ecf8427", "'d41d8cd98f00b204e9800998ecf8427' has 31 hex digits, which is no hash length"),
        ("CVE-26-1", "'CVE-26-1' is not a CVE id"),
        ("AS99999999999", "99999999999 is beyond the largest AS number (4294967295)"),
        ("192.0.2.0/33", "/33 is longer than the 32 bits of an IPv4 address"),
        ("2001:db8::1::2", "'::' appears more than once"),
        ("hxxp://evil[.]example:99999/", "port 99999 is beyond 65535"),
        ("john..doe@evil.example", "two in a row"),
        ("http://evil.example/a b", "contains a space (write it %20)"),
        ("fe80::1%eth0", "a zone index ('%eth0') is not part of an address; drop it"),
        (#"HKLM\Software\Run\evil"#, "looks like a Windows registry key, which dossier records only when its type is given (registry-key)"),
        (#"C:\Users\Public\evil.exe"#, "looks like a Windows path, which dossier records only when its type is given (filepath)"),
        ("", "the value is empty"),
        ("   ", "the value is empty"),
    ])
    func nearMiss(_ input: String, _ message: String) {
        guard case .failure(let problem) = Indicators.parse(input) else {
            Issue.record("accepted '\(input)'")
            return
        }
        #expect(problem.message.contains(message), "message: \(problem.message)")
    }

    @Test("detect agrees with normalize on every valid sample", arguments: IndicatorSamples.valid)
    func detectedTypeValidates(_ sample: ValidIndicatorSample) {
        let detected = Indicators.detect(sample.normal)
        if !sample.type.isStrict {
            #expect(detected == nil)
            return
        }
        guard let type = detected else { return }
        #expect(Indicators.normalize(sample.normal, as: type) == .success(sample.normal))
        if sample.type != .x509Sha1 { #expect(type == sample.type) }
    }
}
