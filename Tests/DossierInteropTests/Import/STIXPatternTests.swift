import DossierCore
import Testing
@testable import DossierInterop

/// The STIX pattern reader: what is represented, what is named as unrepresentable, and syntax
/// errors as reasons rather than failures.
@Suite struct STIXPatternTests {
    func values(_ pattern: String) throws -> [String] {
        let (values, _) = STIXPatternValues.values(of: try STIXPattern.parse(pattern))
        return values.map { "\($0.type?.rawValue ?? "address") \($0.raw)" }
    }

    func unrepresentable(_ pattern: String) throws -> [String] {
        STIXPatternValues.values(of: try STIXPattern.parse(pattern)).unrepresentable
    }

    @Test func equalityOnObservableValues() throws {
        #expect(try values("[ipv4-addr:value = '198.51.100.1']") == ["address 198.51.100.1"])
        #expect(try values("[ domain-name:value = 'evil.example' ]") == ["domain evil.example"])
        #expect(try values("[url:value = 'http://x.example/it\\'s']") == ["url http://x.example/it's"])
        #expect(try values("[email-message:from_ref.value = 'a@b.example']") == ["email a@b.example"])
        #expect(try values("[autonomous-system:number = 64500]") == ["asn AS64500"])
        #expect(try values("[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\Software\\\\Run']") == ["registry-key HKLM\\Software\\Run"])
    }

    @Test func fileHashesInEveryWriting() throws {
        #expect(try values("[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']") == ["md5 d41d8cd98f00b204e9800998ecf8427e"])
        #expect(try values("[file:hashes.'SHA-256' = 'aa']") == ["sha256 aa"])
        #expect(try values("[file:hashes.SHA1 = 'bb' AND file:hashes.'SHA-512' = 'cc']") == ["sha1 bb", "sha512 cc"])
        #expect(try unrepresentable("[file:hashes.SSDEEP = '3:abc']") == ["STIX pattern on file:hashes.SSDEEP"])
    }

    @Test func orsAndSetsGiveEveryAlternative() throws {
        #expect(try values("[domain-name:value = 'a.example' OR domain-name:value = 'b.example']").count == 2)
        #expect(try values("[ipv4-addr:value = '192.0.2.1'] OR [ipv6-addr:value = '2001:db8::1']").count == 2)
        #expect(try values("[ipv4-addr:value IN ('192.0.2.1', '192.0.2.2')]").count == 2)
        #expect(try values("[ipv4-addr:value ISSUBSET '198.51.100.0/24']") == ["cidr 198.51.100.0/24"])
    }

    @Test("a file object as MISP writes it (hashes, name, size combined by AND) gives each hash and the name; its size is counted")
    func fileObjectOfMISP() throws {
        let pattern = "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e' AND file:name = 'invoice.exe' AND file:hashes.SHA256 = 'aa' AND file:size = 1234]"
        #expect(try values(pattern) == ["filename invoice.exe", "md5 d41d8cd98f00b204e9800998ecf8427e", "sha256 aa"])
        #expect(try unrepresentable(pattern) == ["STIX pattern on file:size"])
    }

    @Test func filePathFromFolderAndName() throws {
        #expect(try values("[file:parent_directory_ref.path = 'C:\\\\Users\\\\Public' AND file:name = 'hp.dat']") == ["filepath C:\\Users\\Public\\hp.dat"])
        // Two names no one file has: the first is taken, the second counted, not dropped unsaid.
        #expect(try values("[file:name = 'a.exe' AND file:name = 'b.exe']") == ["filename a.exe"])
        #expect(try unrepresentable("[file:name = 'a.exe' AND file:name = 'b.exe']") == ["STIX pattern on file:name"])
        #expect(try values("[file:name = '/tmp/x.sh']") == ["filepath /tmp/x.sh"])
        #expect(try values("[directory:path = '/var/tmp']") == ["filepath /var/tmp"])
    }

    @Test func whatCannotBeRepresentedIsNamed() throws {
        #expect(try unrepresentable("[ipv4-addr:value != '10.0.0.1']") == ["STIX pattern with !="])
        #expect(try unrepresentable("[domain-name:value NOT = 'x.example']") == ["STIX pattern with NOT"])
        #expect(try unrepresentable("[email-message:subject MATCHES '^Invoice']") == ["STIX pattern with MATCHES"])
        #expect(try unrepresentable("[file:name = 'a' AND ipv4-addr:value = '10.0.0.1']") == ["STIX pattern with comparisons combined by AND"])
        #expect(try unrepresentable("[file:name = 'a' AND file:size > 10]") == ["STIX pattern with comparisons combined by AND"])
        #expect(try unrepresentable("[ipv4-addr:value = '10.0.0.1'] FOLLOWEDBY [domain-name:value = 'x.example']") == ["STIX pattern with FOLLOWEDBY"])
        #expect(try unrepresentable("[ipv4-addr:value = '10.0.0.1'] REPEATS 5 TIMES WITHIN 60 SECONDS").count == 1)
        #expect(try unrepresentable("[process:name = 'x.exe']") == ["STIX pattern on process:name"])
        // One supported alternative still counts.
        let mixed = try STIXPatternValues.values(of: STIXPattern.parse("[domain-name:value = 'a.example' OR url:value LIKE '%x%']"))
        #expect(mixed.values.count == 1 && mixed.unrepresentable == ["STIX pattern with LIKE"])
    }

    @Test(arguments: ["", "[", "[ipv4-addr:value = '1.2.3.4'", "[ipv4-addr:value = ]", "[ipv4-addr: = '1']", "ipv4-addr:value = '1'", "[a:b = 'unclosed]", "[x:y = '1'] junk"])
    func syntaxErrorsAreReported(_ pattern: String) {
        #expect(throws: STIXPattern.SyntaxError.self) { try STIXPattern.parse(pattern) }
    }

    @Test func exportedPatternsReadBack() {
        for type in IndicatorType.allCases {
            let value = switch type {
            case .registryKey: "HKCU\\Software\\it's"
            case .filepath: "C:\\Temp\\a'b.exe"
            case .asn: "AS64500"
            // A URL is exported as a URI (a backslash percent-encoded); a quote it may hold.
            case .url: "http://a.example/it's"
            default: "v'\\x"
            }
            let pattern = STIXObservables.pattern(for: Indicator(value: value, type: type))
            let parsed = try? STIXPattern.parse(pattern)
            let read = parsed.map { STIXPatternValues.values(of: $0) }
            #expect(read?.unrepresentable == [], "\(type): \(pattern)")
            #expect(read?.values.map(\.raw) == [value], "\(type): \(pattern)")
        }
    }
}
