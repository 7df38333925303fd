import Testing
@testable import DossierCore

/// A value, the type it is validated as, and its expected normal form.
struct ValidIndicatorSample: CustomTestStringConvertible, Sendable {
    var type: IndicatorType
    var input: String
    var normal: String
    var testDescription: String { "\(type.rawValue) \(input)" }

    init(_ type: IndicatorType, _ input: String, _ normal: String? = nil) {
        self.type = type
        self.input = input
        self.normal = normal ?? input
    }
}

/// A value that is invalid as `type`, and a part of the expected problem message.
struct InvalidIndicatorSample: CustomTestStringConvertible, Sendable {
    var type: IndicatorType
    var input: String
    var message: String
    var testDescription: String { "\(type.rawValue) \(input)" }

    init(_ type: IndicatorType, _ input: String, _ message: String) {
        self.type = type
        self.input = input
        self.message = message
    }
}

enum IndicatorSamples {
    static let valid: [ValidIndicatorSample] = [
        // IPv4
        ValidIndicatorSample(.ipv4, "192.0.2.1"),
        ValidIndicatorSample(.ipv4, "0.0.0.0"),
        ValidIndicatorSample(.ipv4, "255.255.255.255"),
        ValidIndicatorSample(.ipv4, "198.51.100.200"),
        ValidIndicatorSample(.ipv4, "10.0.0.1"),
        // IPv6 (RFC 5952)
        ValidIndicatorSample(.ipv6, "2001:db8::1"),
        ValidIndicatorSample(.ipv6, "2001:DB8::1", "2001:db8::1"),
        ValidIndicatorSample(.ipv6, "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
        ValidIndicatorSample(.ipv6, "2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
        ValidIndicatorSample(.ipv6, "2001:db8:0:0:0:1:0:0", "2001:db8::1:0:0"),
        ValidIndicatorSample(.ipv6, "2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
        ValidIndicatorSample(.ipv6, "2001:db8::0:1", "2001:db8::1"),
        ValidIndicatorSample(.ipv6, "2001:db8:0:0:1:0:0:0", "2001:db8:0:0:1::"),
        ValidIndicatorSample(.ipv6, "0:0:0:0:0:0:0:0", "::"),
        ValidIndicatorSample(.ipv6, "::"),
        ValidIndicatorSample(.ipv6, "0:0:0:0:0:0:0:1", "::1"),
        ValidIndicatorSample(.ipv6, "FE80::0202:B3FF:FE1E:8329", "fe80::202:b3ff:fe1e:8329"),
        ValidIndicatorSample(.ipv6, "1:0:0:0:0:0:0:0", "1::"),
        ValidIndicatorSample(.ipv6, "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
        ValidIndicatorSample(.ipv6, "::ffff:192.0.2.1"),
        ValidIndicatorSample(.ipv6, "::FFFF:192.0.2.1", "::ffff:192.0.2.1"),
        ValidIndicatorSample(.ipv6, "0:0:0:0:0:ffff:c000:0201", "::ffff:192.0.2.1"),
        ValidIndicatorSample(.ipv6, "::ffff:c000:201", "::ffff:192.0.2.1"),
        ValidIndicatorSample(.ipv6, "64:ff9b::192.0.2.33", "64:ff9b::c000:221"),
        ValidIndicatorSample(.ipv6, "2001:db8:85a3:8d3:1319:8a2e:370:7348"),
        // CIDR (host bits are cleared)
        ValidIndicatorSample(.cidr, "192.0.2.0/24"),
        ValidIndicatorSample(.cidr, "192.0.2.77/24", "192.0.2.0/24"),
        ValidIndicatorSample(.cidr, "10.1.2.3/8", "10.0.0.0/8"),
        ValidIndicatorSample(.cidr, "198.51.100.7/32"),
        ValidIndicatorSample(.cidr, "203.0.113.9/0", "0.0.0.0/0"),
        ValidIndicatorSample(.cidr, "2001:DB8::1/32", "2001:db8::/32"),
        ValidIndicatorSample(.cidr, "2001:db8:abcd:12::/64"),
        ValidIndicatorSample(.cidr, "2001:db8:abcd:12:ff::1/56", "2001:db8:abcd::/56"),
        // Domains
        ValidIndicatorSample(.domain, "evil.example"),
        ValidIndicatorSample(.domain, "Payroll-ACME.com", "payroll-acme.com"),
        ValidIndicatorSample(.domain, "login.microsoftonline.com.evil.example.", "login.microsoftonline.com.evil.example"),
        ValidIndicatorSample(.domain, "corp.internal"),
        ValidIndicatorSample(.domain, "a.b.c.d.e.f.example.net"),
        ValidIndicatorSample(.domain, "xn--bcher-kva.example"),
        ValidIndicatorSample(.domain, "XN--BCHER-KVA.EXAMPLE", "xn--bcher-kva.example"),
        ValidIndicatorSample(.domain, "bücher.example", "xn--bcher-kva.example"),
        ValidIndicatorSample(.domain, "BÜCHER.example", "xn--bcher-kva.example"),
        ValidIndicatorSample(.domain, "пример.рф", "xn--e1afmkfd.xn--p1ai"),
        ValidIndicatorSample(.domain, "例え.テスト", "xn--r8jz45g.xn--zckzah"),
        ValidIndicatorSample(.domain, "аpple.com", "xn--pple-43d.com"),  // Cyrillic 'а': a homograph
        ValidIndicatorSample(.domain, "münchen。de", "xn--mnchen-3ya.de"),
        // Compatibility forms map as a browser maps them (UTS #46): full-width letters are letters.
        ValidIndicatorSample(.domain, "\u{FF53}\u{FF45}\u{FF43}\u{FF52}\u{FF45}\u{FF54}-c2.example", "secret-c2.example"),
        ValidIndicatorSample(.domain, "EVIL.\u{FF25}\u{FF38}\u{FF21}\u{FF2D}\u{FF30}\u{FF2C}\u{FF25}", "evil.example"),
        ValidIndicatorSample(.domain, "\u{FB01}nance.example", "finance.example"),
        ValidIndicatorSample(.domain, "💩.la", "xn--ls8h.la"),
        ValidIndicatorSample(.domain, "3com.com"),
        // DNS takes '_' below the top level; browsers resolve such hosts.
        ValidIndicatorSample(.domain, "Secure_Login.evil.example", "secure_login.evil.example"),
        ValidIndicatorSample(.domain, "_dmarc.example.com"),
        ValidIndicatorSample(.domain, "hxxp.zip"),
        ValidIndicatorSample(.domain, "fxp.example"),
        ValidIndicatorSample(.domain, "1.2.3.example"),
        ValidIndicatorSample(.domain, "d41d8cd98f00b204e9800998ecf8427e.evil.example"),
        ValidIndicatorSample(.domain, String(repeating: "a", count: 63) + ".example"),
        // URLs
        ValidIndicatorSample(.url, "https://evil.example/login.php?user=a&x=1#top"),
        ValidIndicatorSample(.url, "HTTPS://Evil.Example/Login.PHP?A=B", "https://evil.example/Login.PHP?A=B"),
        // An address written as a block of one is the address.
        ValidIndicatorSample(.ipv4, "198.51.100.42/32", "198.51.100.42"),
        ValidIndicatorSample(.ipv6, "2001:DB8::9/128", "2001:db8::9"),
        // The root path and the scheme's own port are implied (RFC 3986 §6.2.3).
        ValidIndicatorSample(.url, "http://evil.example/"),
        ValidIndicatorSample(.url, "http://evil.example", "http://evil.example/"),
        ValidIndicatorSample(.url, "https://evil.example:443", "https://evil.example/"),
        ValidIndicatorSample(.url, "HTTP://evil.example:80?q=1#x", "http://evil.example/?q=1#x"),
        ValidIndicatorSample(.url, "ftp://evil.example:21/kit.zip", "ftp://evil.example/kit.zip"),
        ValidIndicatorSample(.url, "https://evil.example:80/", "https://evil.example:80/"),
        ValidIndicatorSample(.url, "ldap://evil.example", "ldap://evil.example"),
        ValidIndicatorSample(.url, "http://evil.example:8080/gate.php"),
        ValidIndicatorSample(.url, "http://admin:Secr3t@evil.example:2222/x"),
        ValidIndicatorSample(.url, "http://Admin@EVIL.example/", "http://Admin@evil.example/"),
        ValidIndicatorSample(.url, "http://192.0.2.1/bins/mips"),
        ValidIndicatorSample(.url, "http://[2001:DB8::1]:8443/a", "http://[2001:db8::1]:8443/a"),
        ValidIndicatorSample(.url, "http://[::ffff:192.0.2.1]:8080/gate.php"),
        ValidIndicatorSample(.url, "ftp://files.evil.example/pub/kit.zip"),
        ValidIndicatorSample(.url, "sftp://drop.evil.example/"),
        ValidIndicatorSample(.url, "ldap://evil.example:1389/Exploit"),
        ValidIndicatorSample(.url, "http://evil.example:/x", "http://evil.example/x"),
        ValidIndicatorSample(.url, "http://evil.example./x", "http://evil.example/x"),
        ValidIndicatorSample(.url, "https://bücher.example/straße", "https://xn--bcher-kva.example/straße"),
        ValidIndicatorSample(.url, "https://en.wikipedia.org/wiki/Sednit_(group)"),
        ValidIndicatorSample(.url, "http://intranet/portal"),
        ValidIndicatorSample(.url, "http://hxxp:8080/hxxp://x"),
        ValidIndicatorSample(.url, "http://a(b)@evil.example/"),
        ValidIndicatorSample(.url, "https://evil.example/a?b=[1]&c={2}"),
        // E-mail
        ValidIndicatorSample(.email, "payroll@acme-hr.example"),
        ValidIndicatorSample(.email, "John.Doe@Evil.Example", "john.doe@evil.example"),
        ValidIndicatorSample(.email, "first.last+tag@sub.evil.example"),
        ValidIndicatorSample(.email, "o'brien@evil.example"),
        ValidIndicatorSample(.email, "{ops}@evil.example"),
        ValidIndicatorSample(.email, "hxxp@fxp.example"),
        ValidIndicatorSample(.email, "user@bücher.example", "user@xn--bcher-kva.example"),
        // Hashes
        ValidIndicatorSample(.md5, "d41d8cd98f00b204e9800998ecf8427e"),
        ValidIndicatorSample(.md5, "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e"),
        ValidIndicatorSample(.sha1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ValidIndicatorSample(.sha1, "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ValidIndicatorSample(.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ValidIndicatorSample(.sha512, "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"),
        ValidIndicatorSample(.x509Sha1, "9c8b1e2f0a7d3c4b5a6978e1f2d3c4b5a6978e1f"),
        ValidIndicatorSample(.x509Sha1, "9C:8B:1E:2F:0A:7D:3C:4B:5A:69:78:E1:F2:D3:C4:B5:A6:97:8E:1F", "9c8b1e2f0a7d3c4b5a6978e1f2d3c4b5a6978e1f"),
        // AS numbers
        ValidIndicatorSample(.asn, "AS64500"),
        ValidIndicatorSample(.asn, "as64500", "AS64500"),
        ValidIndicatorSample(.asn, "ASN64500", "AS64500"),
        ValidIndicatorSample(.asn, "AS 64500", "AS64500"),
        ValidIndicatorSample(.asn, "64500", "AS64500"),
        ValidIndicatorSample(.asn, "AS0"),
        ValidIndicatorSample(.asn, "AS4294967295"),
        ValidIndicatorSample(.asn, "AS1.10", "AS65546"),
        ValidIndicatorSample(.asn, "AS013335", "AS13335"),
        // CVE ids
        ValidIndicatorSample(.cve, "CVE-2021-44228"),
        ValidIndicatorSample(.cve, "cve-2014-0160", "CVE-2014-0160"),
        ValidIndicatorSample(.cve, "CVE-2024-1234567"),
        // Four digits at least, no leading zero past them: one id, one spelling.
        ValidIndicatorSample(.cve, "CVE-2024-01234", "CVE-2024-1234"),
        ValidIndicatorSample(.cve, "cve-2024-0001234", "CVE-2024-1234"),
        ValidIndicatorSample(.cve, "CVE-2014-0160"),
        ValidIndicatorSample(.cve, "CVE-2024-00012", "CVE-2024-0012"),
        // Free-form
        ValidIndicatorSample(.filename, "invoice.pdf.exe"),
        ValidIndicatorSample(.filepath, "C:\\Users\\Public\\svchost.exe"),
        ValidIndicatorSample(.registryKey, "HKCU\\Software\\Classes\\.exe"),
        ValidIndicatorSample(.mutex, "Global\\{5A1F8C2E-1B2C-4D3E-9F00-ABCDEF012345}"),
        ValidIndicatorSample(.userAgent, "Mozilla/5.0 (Windows NT 10.0; Win64; x64)  "),
        ValidIndicatorSample(.other, "hxxp is a word here [.]"),
    ]

    static let invalid: [InvalidIndicatorSample] = [
        InvalidIndicatorSample(.ipv4, "999.1.1.1", "999 is not an IPv4 octet (0-255)"),
        InvalidIndicatorSample(.ipv4, "256.1.1.1", "256 is not an IPv4 octet (0-255)"),
        InvalidIndicatorSample(.ipv4, "1.2.3", "an IPv4 address has four parts separated by dots; '1.2.3' has 3"),
        InvalidIndicatorSample(.ipv4, "1.2.3.4.5", "has 5"),
        InvalidIndicatorSample(.ipv4, "010.1.1.1", "'010' in '010.1.1.1' has a leading zero"),
        InvalidIndicatorSample(.ipv4, "1..2.3", "has an empty part"),
        InvalidIndicatorSample(.ipv4, "1.2.3.x", "is not an IPv4 address"),
        InvalidIndicatorSample(.ipv4, "1234.1.1.1", "1234 is not an IPv4 octet"),
        InvalidIndicatorSample(.ipv4, "", "the value is empty"),
        InvalidIndicatorSample(.ipv6, "2001:db8::1::2", "'::' appears more than once"),
        InvalidIndicatorSample(.ipv6, "2001:db8:1:2:3:4:5:6:7", "more than eight groups"),
        InvalidIndicatorSample(.ipv6, "2001:db8:1:2:3:4:5", "7 groups instead of eight"),
        InvalidIndicatorSample(.ipv6, "2001:db8::12345", "more than four hex digits"),
        InvalidIndicatorSample(.ipv6, "2001:db8::g", "'g' is not a hex digit"),
        InvalidIndicatorSample(.ipv6, "fe80::1%eth0", "zone index ('%eth0')"),
        InvalidIndicatorSample(.ipv6, ":1:2:3:4:5:6:7", "starts with a single ':'"),
        InvalidIndicatorSample(.ipv6, "1:2:3:4:5:6:7:", "ends with a single ':'"),
        InvalidIndicatorSample(.ipv6, "::ffff:999.0.2.1", "999 is not an IPv4 octet"),
        InvalidIndicatorSample(.ipv6, "1:2:3:4:5:6:7:8::", "already has eight"),
        InvalidIndicatorSample(.cidr, "192.0.2.1", "has no prefix length"),
        InvalidIndicatorSample(.cidr, "192.0.2.0/33", "/33 is longer than the 32 bits"),
        InvalidIndicatorSample(.cidr, "2001:db8::/129", "/129 is longer than the 128 bits"),
        InvalidIndicatorSample(.cidr, "192.0.2.0/", "is not a prefix length"),
        InvalidIndicatorSample(.cidr, "192.0.2.0/2x", "is not a prefix length"),
        InvalidIndicatorSample(.cidr, "300.0.2.0/24", "300 is not an IPv4 octet"),
        InvalidIndicatorSample(.domain, "foo..com", "'foo..com' has an empty label"),
        InvalidIndicatorSample(.domain, ".foo.com", "starts with a dot"),
        InvalidIndicatorSample(.domain, "-foo.com", "the label '-foo' in '-foo.com' starts with '-'"),
        InvalidIndicatorSample(.domain, "foo-.com", "ends with '-'"),
        InvalidIndicatorSample(.domain, String(repeating: "a", count: 64) + ".com", "the label '\(String(repeating: "a", count: 64))' is 64 characters long; a label has at most 63"),
        InvalidIndicatorSample(.domain, String(repeating: "abcdefghi.", count: 26) + "com", "at most 253"),
        InvalidIndicatorSample(.domain, "localhost", "single label"),
        InvalidIndicatorSample(.domain, "1.2.3", "ends in an all-numeric label"),
        InvalidIndicatorSample(.domain, "evil.exam_ple", "'_' in its top-level label"),
        InvalidIndicatorSample(.domain, "foo$bar.com", "contains '$'"),
        InvalidIndicatorSample(.domain, "evil example.com", "contains ' '"),
        InvalidIndicatorSample(.domain, "xn--zz-.com", "ends with '-'"),
        InvalidIndicatorSample(.domain, "xn--a.com", "is not valid Punycode"),
        InvalidIndicatorSample(.domain, "evil‐corp.com", "U+2010"),
        InvalidIndicatorSample(.url, "evil.example/x", "needs a scheme and '://'"),
        InvalidIndicatorSample(.url, "http:/evil.example", "needs a scheme and '://'"),
        InvalidIndicatorSample(.url, "http://", "it has no host"),
        InvalidIndicatorSample(.url, "file:///etc/passwd", "it has no host"),
        InvalidIndicatorSample(.url, "http://evil.example/a b", "contains a space"),
        InvalidIndicatorSample(.url, "http://evil.example:99999/", "port 99999 is beyond 65535"),
        InvalidIndicatorSample(.url, "http://evil.example:80a/", "'80a' is not a port number"),
        InvalidIndicatorSample(.url, "http://999.1.1.1/", "999 is not an IPv4 octet"),
        InvalidIndicatorSample(.url, "http://foo..com/", "empty label"),
        InvalidIndicatorSample(.url, "http://[2001:db8::1/", "unclosed '['"),
        InvalidIndicatorSample(.url, "1http://evil.example/", "the scheme must start with a letter"),
        InvalidIndicatorSample(.url, "ht_tp://evil.example/", "holds '_'"),
        InvalidIndicatorSample(.url, "http://us<er@evil.example/", "the user part before '@' holds '<'"),
        InvalidIndicatorSample(.email, "john.evil.example", "it has no '@'"),
        InvalidIndicatorSample(.email, "@evil.example", "nothing before the '@'"),
        InvalidIndicatorSample(.email, "john@", "nothing after the '@'"),
        InvalidIndicatorSample(.email, "john..doe@evil.example", "two in a row"),
        InvalidIndicatorSample(.email, ".john@evil.example", "cannot start or end with a dot"),
        InvalidIndicatorSample(.email, "john doe@evil.example", "contains a space"),
        InvalidIndicatorSample(.email, "john@evil", "single label"),
        InvalidIndicatorSample(.email, "john@[192.0.2.1]", "address literal"),
        InvalidIndicatorSample(.email, "\"john doe\"@evil.example", "quoted local part"),
        InvalidIndicatorSample(.md5, "d41d8cd98f00b204e9800998ecf8427", "an md5 hash has 32 hex digits; 'd41d8cd98f00b204e9800998ecf8427' has 31"),
        InvalidIndicatorSample(.md5, "d41d8cd98f00b204e9800998ecf8427g", "'g' at position 32 is not a hex digit"),
        InvalidIndicatorSample(.md5, "da39a3ee5e6b4b0d3255bfef95601890afd80709", "(a sha1?)"),
        InvalidIndicatorSample(.sha1, "d41d8cd98f00b204e9800998ecf8427e", "has 32 (an md5?)"),
        InvalidIndicatorSample(.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85", "has 63"),
        InvalidIndicatorSample(.sha512, "cf83e1357eefb8bdf1542850d66d8007", "has 32"),
        InvalidIndicatorSample(.x509Sha1, "9C:8B:1E", "is not an x509-sha1 hash"),
        InvalidIndicatorSample(.asn, "AS99999999999", "99999999999 is beyond the largest AS number (4294967295)"),
        InvalidIndicatorSample(.asn, "AS4294967296", "beyond the largest AS number"),
        InvalidIndicatorSample(.asn, "ASX", "is not an AS number"),
        InvalidIndicatorSample(.asn, "AS", "is not an AS number"),
        InvalidIndicatorSample(.asn, "AS65536.1", "each half of the asdot form is at most 65535"),
        InvalidIndicatorSample(.cve, "CVE-26-1", "'CVE-26-1' is not a CVE id"),
        InvalidIndicatorSample(.cve, "CVE-2021-123", "is not a CVE id"),
        InvalidIndicatorSample(.cve, "CVE-1970-1234", "CVE ids start in 1999"),
        InvalidIndicatorSample(.cve, "CVE 2021 44228", "is not a CVE id"),
        InvalidIndicatorSample(.filename, "a\nb", "must fit on one line"),
    ]
}
