import DossierCore
import Testing

/// What another tool's field, tag or statement says of publication (`HidingKeys`): each hides
/// what its words keep in, and nothing an ordinary sentence happens to write.
@Suite("Hiding keys")
struct HidingKeysTests {
    @Test("tags that forbid passing a value on hide it (do-not-distribute, noshare, not-for-release, internal use only, Do Not Forward, UNCLASSIFIED//FOUO, NOFORN); a subject does not")
    func hidingTags() {
        for tag in ["do-not-distribute", "noshare", "not-for-release", "Internal Use Only", "Do Not Forward", "UNCLASSIFIED//FOUO", "FOUO", "NOFORN",
                    "private", "draft", "For Internal Use Only", "not-for-public-release", "FOUO//NOFORN", "Do not redistribute", #"workflow:state="draft""#,
                    "Confidential - ACME", "confidential:acme", "ACME Confidential", "Highly Confidential", "Not For Public", "not-for-sharing", "noforward",
                    "NDA", "Proprietary", "Company Proprietary", "caveat:noforn", "handling:internal-use-only", "no-redistribution",
                    "sharing-prohibited", "recipients-only"] {
            #expect(HidingKeys.isHidingTag(tag), "\(tag)")
        }
        for tag in ["internal", "secret", "release", "forward-proxy", "phishing", "distribution-site", "internal-use-only-tool", "noshare-list",
                    #"workflow:state="complete""#, "C2/Beacon", "non-confidential", "confidential-computing", "private-key",
                    "internal-recon", "secret-sharing-tool", "draft-ietf-tls-esni", "Confidential computing", "Proprietary software",
                    "handling:block", "classification:malware", "handling:banned-external-ip", "handling:keep-within-perimeter",
                    "dissemination:members-only-forum", "classification:no-public-exploit", "classification:exposed-sensitive-information",
                    "classification:secret-sharing", "caveat-emptor-scam", "recipient-spoofing", "dissemination:osint"] {
            #expect(!HidingKeys.isHidingTag(tag), "\(tag)")
        }
    }

    @Test("a statement that forbids sharing restricts; one that grants it, or a licence, does not")
    func statements() {
        for statement in ["Internal use only - do not distribute", "Not for publication", "Confidential", "TLP:AMBER - Copyright ACME", "No further distribution",
                          "Need to know", "For ACME customers only", "Distribution limited to members", "Limited distribution", "Shared under NDA",
                          "Controlled Unclassified Information (CUI)", "Don't share", "Not to be disclosed", "Do not circulate",
                          "Redistribution prohibited", "Sharing is prohibited", "This report cannot be shared", "Sharing not permitted", "Publication forbidden",
                          "For the recipient organization only", "Subscriber use only", "Keep within your organisation",
                          "Sharing outside the trust group is not allowed", "Prohibited from public disclosure",
                          "Not to be disseminated outside recipient's agency", "Do not republish", "Republication prohibited", "Do not repost",
                          "Not to be made public", "Must not be posted online", "Must not be passed on to third parties", "Reproduction prohibited without permission",
                          "Sharing is limited to members", "Access restricted to partners", "Not to be shared with third parties", "Do not share outside your organization"] {
            #expect(HidingKeys.restrictsSharing(statement: statement), "\(statement)")
        }
        for statement in ["No restrictions on sharing", "Freely shareable", "This work is licensed under CC BY-ND 4.0", "Copyright 2026 ACME",
                          "No limits on redistribution", "Non-confidential; copyright ACME", "Share without restriction",
                          "No sharing restrictions", "Not restricted: share freely", "No distribution limitations apply", "Releasable to the public",
                          "Free to share; no restrictions on internal or external use", "Not malicious; public scanner, free to share",
                          "Provided for internal and external use without restriction", "Internal and external sharing permitted",
                          "Sensitive data has been removed from this report", "Copyright 2026 ACME. Public sharing is permitted; resale prohibited.",
                          "Redistribution is not prohibited", "Sharing of this report is not forbidden", "Free to share; keep within the terms of CC BY 4.0",
                          "Redistribution permitted with attribution", "Sharing encouraged",
                          "Not shared hosting", "Do not share credentials with this site"] {
            #expect(!HidingKeys.restrictsSharing(statement: statement), "\(statement)")
        }
    }

    @Test("a caveat field hides when its words are a level (Internal only, For internal use only, Company Confidential), not when a sentence mentions one (Block at internal proxy, steals sensitive data)")
    func caveatsInWords() {
        for (key, value) in [("handling", "Internal only"), ("handling", "For internal use only"), ("classification", "Company Confidential"),
                             ("sensitivity", "Sensitive"), ("handling", "RED"), ("distribution", "0"),
                             ("x_classification", "Highly Confidential - ACME"), ("classification", "ACME Corp Internal"),
                             ("classification", "Strictly private and confidential"), ("classification", "TOP SECRET//SI//NOFORN"),
                             ("handling", "Partners only, restricted"), ("handling", "Do not distribute"), ("handling", "NOFORN"),
                             ("x_classification", "UNCLASSIFIED//FOUO"), ("securityclassification", "Strictly Confidential - ACME Ltd"),
                             ("classification", "Company Proprietary"), ("handling", "ACME Proprietary Information"), ("handling", "Need to know"),
                             ("classification", "CUI"), ("handling", "Shared under NDA"), ("handling", "Limited distribution"), ("handling", "UNCLASSIFIED//LIMDIS"),
                             ("handling", "Partners only"), ("handling", "Embargoed until 2026-07-01"), ("handling", "U//LES"),
                             ("classification", "Sensitive but unclassified (SBU)"), ("handling", "Confidential - not yet validated"),
                             ("handling", "Restricted to partners"), ("handling", "Private to the IR team"), ("handling", "Don't share"),
                             ("handling", "Not to be distributed outside ACME"), ("handling", "Do not post publicly"), ("handling", "Not for external use"),
                             ("handling", "PAP:RED"), ("classification", "Confidential: do not cite"),
                             ("tags", "FOUO//NOFORN"), ("tags", "report, For Internal Use Only"), ("tags", #"workflow:state="draft""#)] {
            #expect(HidingKeys.meansHidden(key: key, value: value, near: nil), "\(key): \(value)")
        }
        for (key, value) in [("handling", "Block at internal proxy"), ("classification", "steals sensitive data"), ("handling", "Sinkholed by a private researcher"),
                             ("x_visibility", "global"), ("visibility", "Global"), ("handling", "Internal proxy: block"), ("handling", "Private IP"),
                             ("x_classification", "Sensitive host, monitor only"), ("handling", "Monitor; do not block"), ("distribution", "unlimited"),
                             ("handling", "Do not block - shared hosting IP"), ("handling", "Do not block: public DNS resolver"), ("handling", "No action; shared infrastructure"),
                             ("handling", "Not malicious, public scanner"), ("handling", "Never block: public NTP pool"), ("handling", "Do not release from quarantine"),
                             ("handling", "Blocked on internal and external firewalls"), ("handling", "Alert on internal or VPN traffic"), ("handling", "Detect only"),
                             ("handling", "Proprietary software update server"), ("handling", "Confidential computing host"), ("handling", "Limited to VPN subnet"),
                             ("classification", "Restricted access trojan"), ("classification", "proprietary RAT"),
                             ("handling", "Port forwarding prohibited"), ("handling", "Banned at external firewall"), ("classification", "Banned external IPs"),
                             ("handling", "Sinkhole - keep within SOC playbook"), ("handling", "No external block yet"), ("handling", "Not publicly routable"),
                             ("dissemination", "no public exploit"), ("classification", "sensitive information disclosure"), ("handling", "private release"),
                             ("classification", "prohibited software"), ("handling", "Release build"), ("classification", "employees only portal")] {
            #expect(!HidingKeys.meansHidden(key: key, value: value, near: nil), "\(key): \(value)")
        }
    }

    @Test("PAP:RED written as a label marks a text; the words in prose (the PAP red level) do not")
    func papInText() {
        for text in ["PAP:RED", "PAP: RED - do not query", "[PAP RED]", "pap:red", "PAP: **RED**", "**PAP:** RED", "PAP Red", "pap-red", "PAP/RED",
                     "PAP \u{2014} RED", "Permissible Actions Protocol: RED"] {
            #expect(PAP.marksRed(text), "\(text)")
        }
        for text in ["Under PAP red nothing may be queried; this report is PAP:GREEN.", "the pap red level", "PAP RED TEAM exercise notes"] {
            #expect(!PAP.marksRed(text), "\(text)")
        }
    }

    @Test("a PAP:RED tag and a source tag are told however they are spaced, quoted or cased, in ASCII and in Unicode alike")
    func machineTagsHoweverSpelled() {
        for tag in ["PAP:RED", "pap:red", "pap = \"red\"", " PAP :\tRed ", "\"pap\"=\"red\"", "\u{FF30}AP:RED", "PAP:\u{00A0}RED", "pap:re d"] {
            #expect(PAP.isRed(tag), "\(tag)")
        }
        for tag in ["PAP:AMBER", "pap:redacted", "xpap:red", "pap:red:team", "pap", "", "pap'red", "PAP:R\u{00C9}D"] {
            #expect(!PAP.isRed(tag), "\(tag)")
        }
        for tag in ["dossier:source", "Dossier : Source = \"x\"", "'dossier:source'='x'", "dossier:source:x", "\u{FF44}ossier:source=\"y\"", "dossier:\u{200B}source=x"] {
            #expect(Tag.isSourceTag(tag), "\(tag)")
        }
        for tag in ["dossier:sources", "dossier:sourc", "source:dossier", "dossier-source=x", "my dossier:source"] {
            #expect(!Tag.isSourceTag(tag), "\(tag)")
        }
    }

    @Test("every short run of the rules' own words, at any place in a caveat, tag or statement, is read without a crash")
    func shortRunsOfTheRulesWords() {
        let words = ["limited", "restricted", "to", "only", "is", "not", "no", "don't", "keep", "within", "need", "know", "under", "nda",
                     "commercial", "in", "confidence", "distribution", "sharing", "prohibited", "allowed", "public", "external", "shared",
                     "use", "information", "confidential", "partners", "PAP", "RED", "-", ":", "//"]
        var read = 0
        for a in words {
            for b in [""] + words {
                // The pair alone, first and last.
                for text in ["\(a) \(b)", "x \(a) \(b)", "\(a) \(b) x"] {
                    _ = HidingKeys.meansHidden(key: "handling", value: text, near: nil)
                    _ = HidingKeys.restrictsSharing(statement: text)
                    _ = HidingKeys.isHidingTag(text)
                    read += 1
                }
            }
        }
        #expect(read == 33 * 34 * 3)
    }
}
