import DossierCore
import Testing
@testable import DossierInterop

/// Every sample file of Tests/Fixtures (real files from OASIS, ESET and MISP; see SOURCES.md),
/// imported with `auto`, with the counts a careful reading of the file gives.
@Suite struct FixtureImportTests {
    // MARK: STIX 2.1 (oasis-open/cti-stix2-json-schemas examples)

    /// One indicator, `[ipv4-addr:value = '10.0.0.0']`, typed malicious-activity: one malicious IPv4
    /// address whose description becomes the comment. Nothing else in the bundle.
    @Test func stixIndicatorForC2Address() throws {
        let result = try TestFiles.importFixture("stix2/indicator-for-c2-ip-address.json")
        #expect(result.format == .stix)
        #expect(result.keys == ["ipv4 10.0.0.0"])
        let indicator = try #require(result.indicator("10.0.0.0"))
        #expect(indicator.classification == .malicious)
        #expect(indicator.tags.isEmpty)
        #expect(indicator.comment == "IP Address for known C2 channel: Test description C2 channel.")
        #expect(result.skipped.isEmpty && result.unrepresentable.isEmpty && result.diagnostics.isEmpty)
        #expect(result.projectTLP == nil)
    }

    /// The same indicator, plus a campaign and an `indicates` relationship, which dossier cannot
    /// represent: one indicator, two unrepresentable objects.
    @Test func stixIndicatorToCampaign() throws {
        let result = try TestFiles.importFixture("stix2/indicator-to-campaign-relationship.json")
        #expect(result.keys == ["ipv4 10.0.0.0"])
        #expect(result.indicator("10.0.0.0")?.classification == .malicious)
        #expect(result.unrepresentable("campaign object") == 1)
        #expect(result.unrepresentable("relationship object") == 1)
        #expect(result.unrepresentable.count == 2)
        #expect(result.skipped.isEmpty)
    }

    /// Two indicators (an IPv4 address and a file's SHA-256), both malicious-activity; an
    /// identity, a malware, a course of action and three relationships are not representable.
    @Test func stixIndicatorsWithCourseOfAction() throws {
        let result = try TestFiles.importFixture("stix2/indicators-for-C2-with-COA.json")
        #expect(result.keys == [
            "ipv4 10.0.0.0", "sha256 ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c",
        ])
        #expect(result.indicators.allSatisfy { $0.classification == .malicious })
        #expect(result.unrepresentable("identity object") == 1)
        #expect(result.unrepresentable("malware object") == 1)
        #expect(result.unrepresentable("course-of-action object") == 1)
        #expect(result.unrepresentable("relationship object") == 3)
        #expect(result.skipped.isEmpty)
    }

    /// No indicator objects, but two observables (an IPv4 address and a domain name, without
    /// `spec_version`): two indicators without classification. Two infrastructures, two malware
    /// and four relationships are not representable.
    @Test func stixInfrastructureObservables() throws {
        let result = try TestFiles.importFixture("stix2/infrastructure.json")
        #expect(result.format == .stix)
        #expect(result.keys == ["domain example.com", "ipv4 198.51.100.3"])
        #expect(result.indicators.allSatisfy { $0.classification == nil && $0.tags.isEmpty })
        #expect(result.unrepresentable("infrastructure object") == 2)
        #expect(result.unrepresentable("malware object") == 2)
        #expect(result.unrepresentable("relationship object") == 4)
    }

    /// A single campaign object (not a bundle) marked with the TLP 1.0 RED marking id and one
    /// unknown marking: no indicator, the file's TLP is red, the campaign and the unknown marking
    /// are counted.
    @Test func stixSingleObjectWithMarkings() throws {
        let result = try TestFiles.importFixture("stix2/interop-objectmarking-test.json")
        #expect(result.format == .stix)
        #expect(result.indicators.isEmpty)
        #expect(result.projectTLP == .red)
        #expect(result.unrepresentable("campaign object") == 1)
        #expect(result.unrepresentable("marking other than TLP") == 1)
        #expect(!result.failed)
    }

    /// Both indicators use MATCHES (a regular expression on an e-mail subject and on an
    /// attachment name): nothing dossier can record, so both are skipped with the reason.
    @Test func stixMatchesPatternsAreSkipped() throws {
        let result = try TestFiles.importFixture("stix2/malicious-email-indicator-with-attachment.json")
        #expect(result.indicators.isEmpty)
        #expect(result.skipped.count == 2)
        #expect(result.skipped.allSatisfy { $0.reason.contains("MATCHES") && $0.location?.position.line ?? 0 > 1 })
        #expect(result.unrepresentable("STIX pattern with MATCHES") == 0, "counted once, as skipped")
        #expect(result.unrepresentable("identity object") == 1)
        #expect(result.unrepresentable("attack-pattern object") == 1)
        #expect(result.unrepresentable("relationship object") == 2)
    }

    // MARK: MISP (eset/malware-ioc)

    /// 13 attributes in the `{"response": [{"Event": ...}]}` wrapper: three `filename|sha1`
    /// (three file names and three SHA-1), two `sha1`, two `domain`, two `url`: 12 indicators;
    /// one `link` and three `text` (detection names) go to the note, after a line naming the event.
    @Test func mispSignSight() throws {
        let result = try TestFiles.importFixture("misp/signsight-misp-event.json")
        #expect(result.format == .misp)
        #expect(result.indicators.count == 12)
        #expect(result.count(.filename) == 3 && result.count(.sha1) == 5)
        #expect(result.count(.domain) == 2 && result.count(.url) == 2)
        #expect(result.indicator("netapi32.dll")?.comment == "PhantomNet backdoor")
        #expect(result.indicator("989334094ec5ba8e0e8f2238cdf34d5c57c283f2")?.comment == "PhantomNet backdoor")
        let url = try #require(result.indicator("https://ca.gov.vn/documents/20182/6768590/gca01-client-v2-x64-8.3.msi"))
        #expect(url.firstSeen == "2020-07-22T22:00:00Z")
        #expect(url.lastSeen == "2020-08-15T22:00:00Z")
        #expect(result.notes.count == 5)
        #expect(result.notes[0].hasPrefix("MISP event \"Operation SignSight"))
        // A link named by its comment, which a report keeps a link (one that showed its address would be defanged).
        let line = "- External analysis (link): [ESET blogpost](https://www.welivesecurity.com/2020/12/17/operation-signsight-supply-chain-attack-southeast-asia)"
        #expect(result.notes.contains { $0.contains(line) }, "\(result.notes)")
        #expect(result.notes.count { $0.contains("Antivirus detection (text)") } == 3)
        #expect(result.projectTLP == nil && result.projectTags.isEmpty)
        #expect(result.skipped.isEmpty && result.unrepresentable.isEmpty)
    }

    /// 5 attributes in the bare `{"Event": ...}` wrapper: two `sha1`, one `filename` that is a
    /// path (`/usr/local/include/uconf.h`, so a file path), two `text` detection names for the
    /// note. The event tag `SSHDoor` is the file's project tag.
    @Test func mispSSHDoorAkiva() throws {
        let result = try TestFiles.importFixture("misp/sshdoor-akiva.json")
        #expect(result.format == .misp)
        #expect(result.keys == [
            "sha1 751f21767211f5ad256dbe30fc3e1efd74485eba", "sha1 f7d9159b6f3eeff0cfc6626d665bc781a2b012df",
            "filepath /usr/local/include/uconf.h",
        ].sorted())
        #expect(result.projectTags == ["SSHDoor"])
        #expect(result.notes.count == 3)
        #expect(result.indicators.allSatisfy { $0.comment == nil && $0.tags.isEmpty })
    }

    // MARK: Text (eset/malware-ioc)

    /// The AsciiDoc README: five SHA-1 in upper case (normalized to lower case), two C&C domains
    /// written defanged (refanged): 7 indicators. The blog post's URL, written live on a line of
    /// its own in a text that defangs its indicators, and the MISP site of an AsciiDoc link are
    /// references, said skipped; `signsight-misp-event.json` (a file name) and
    /// `Win32/TrojanDropper.Agent.SJQ` (a detection name) are not indicators.
    @Test func textSignSightReadme() throws {
        let result = try TestFiles.importFixture("misp/signsight-README.adoc")
        #expect(result.format == .text)
        #expect(result.indicators.count == 7)
        let certain = [
            "domain office365.blogdns.com", "domain vgca.homeunix.org",
            "sha1 5c77a18880cf58df9fba102dd8267c3f369df449", "sha1 5dfc07bb6034b4fda217d96441fb86f5d43b6c62",
            "sha1 9522f369ac109b03e6c16511d49d1c5b42e12a44", "sha1 989334094ec5ba8e0e8f2238cdf34d5c57c283f2",
            "sha1 b0e4e9bb6ef8aa7a9fcb9c9e571d8162b1b2443a",
        ]
        #expect(certain.allSatisfy(result.keys.contains))
        // The post, written live where the C&C are defanged; AsciiDoc's link macro
        // `https://www.misp-project.org[MISP]` links to a reference.
        #expect(result.skipped.map(\.item) == [
            "https://www.welivesecurity.com/2020/12/17/operation-signsight-supply-chain-attack-southeast-asia", "https://www.misp-project.org/",
        ], "\(result.skipped)")
        #expect(result.skipped.first?.reason.contains("the text defangs its indicators (office365.blogdns[.]com) but writes this address live") == true, "\(result.skipped)")
    }

    /// A one-per-line list of five SHA-1: five indicators, nothing skipped.
    @Test func textSampleList() throws {
        let result = try TestFiles.importFixture("misp/signsight-samples.sha1")
        #expect(result.format == .text)
        #expect(result.count(.sha1) == 5 && result.indicators.count == 5)
        #expect(result.skipped.isEmpty)
    }

    // MARK: MISP taxonomies (MISP/misp-taxonomies)

    /// A taxonomy is no indicator file: `auto` refuses it with a clear error at its first line,
    /// and nothing is imported.
    @Test(arguments: ["taxonomies/tlp/machinetag.json", "taxonomies/PAP/machinetag.json"])
    func taxonomiesAreRefused(_ file: String) throws {
        let result = try TestFiles.importFixture(file)
        #expect(result.failed)
        #expect(result.indicators.isEmpty)
        let error = try #require(result.diagnostics.first)
        #expect(error.message.contains("cannot tell what this JSON file is"))
        #expect(error.location?.position == SourcePosition(line: 1, column: 1))
    }
}
