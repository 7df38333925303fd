/// The attribute types MISP knows, by the category MISP files each under when none is given
/// (`sane_defaults` of MISP's `describeTypes.json`, as PyMISP 2.5 ships it; composite types left
/// out). An indicator imported as `other` keeps its MISP type in a `misp-type:` tag; the MISP
/// export writes it back as that type, under this category, when MISP knows the type.
extension MISPTypes {
    static let defaultCategories: [String: String] = {
        let byCategory: [(category: String, types: [String])] = [
            ("Artifacts dropped", [
                "gene", "kusto-query", "mime-type", "mutex", "named pipe", "pdb", "process-state",
                "windows-scheduled-task", "windows-service-displayname", "windows-service-name"
            ]),
            ("Attribution", [
                "campaign-id", "campaign-name", "dns-soa-email", "threat-actor", "whois-creation-date",
                "whois-registrant-email", "whois-registrant-name", "whois-registrant-org", "whois-registrant-phone",
                "whois-registrar"
            ]),
            ("External analysis", [
                "attachment", "cortex", "cpe", "link", "vulnerability", "weakness"
            ]),
            ("Financial fraud", [
                "aba-rtn", "bank-account-nr", "bic", "bin", "btc", "cc-number", "dash", "iban", "prtn", "xmr"
            ]),
            ("Internal reference", [
                "git-commit-id"
            ]),
            ("Network activity", [
                "AS", "bro", "community-id", "cookie", "dkim", "dkim-signature", "dom-hash", "domain", "email-dst",
                "eppn", "favicon-mmh3", "hassh-md5", "hasshserver-md5", "hostname", "http-method", "ip-dst",
                "ip-src", "ja3-fingerprint-md5", "jarm-fingerprint", "mac-address", "mac-eui-64", "onion-address",
                "pattern-in-traffic", "port", "snort", "ssh-fingerprint", "suricata", "uri", "url", "user-agent",
                "x509-fingerprint-md5", "x509-fingerprint-sha1", "x509-fingerprint-sha256", "zeek"
            ]),
            ("Other", [
                "anonymised", "boolean", "comment", "counter", "datetime", "float", "hex", "integer", "other",
                "size-in-bytes", "text", "uuid"
            ]),
            ("Payload delivery", [
                "authentihash", "azure-application-id", "cdhash", "chrome-extension-id", "edge-extension-id",
                "email-attachment", "email-body", "email-dst-display-name", "email-header", "email-message-id",
                "email-mime-boundary", "email-reply-to", "email-src", "email-src-display-name", "email-subject",
                "email-thread-index", "email-x-mailer", "filename", "impfuzzy", "imphash", "malware-type", "md5",
                "mobile-application-id", "pehash", "sha1", "sha224", "sha256", "sha3-224", "sha3-256", "sha3-384",
                "sha3-512", "sha384", "sha512", "sha512/224", "sha512/256", "ssdeep", "telfhash", "tlsh", "vhash"
            ]),
            ("Payload installation", [
                "filename-pattern", "pattern-in-file", "pattern-in-memory", "sigma", "stix2-pattern", "yara"
            ]),
            ("Persistence mechanism", [
                "regkey"
            ]),
            ("Person", [
                "country-of-residence", "date-of-birth", "first-name", "frequent-flyer-number", "full-name",
                "gender", "identity-card-number", "issue-date-of-the-visa", "last-name", "middle-name",
                "nationality", "passenger-name-record-locator-number", "passport-country", "passport-expiration",
                "passport-number", "payment-details", "pgp-private-key", "pgp-public-key", "phone-number",
                "place-of-birth", "place-port-of-clearance", "place-port-of-onward-foreign-destination",
                "place-port-of-original-embarkation", "primary-residence", "redress-number",
                "special-service-request", "travel-details", "visa-number"
            ]),
            ("Social network", [
                "email", "github-organisation", "github-repository", "github-username", "jabber-id", "twitter-id"
            ]),
            ("Targeting data", [
                "target-email", "target-external", "target-location", "target-machine", "target-org", "target-user"
            ]),
        ]
        var categories: [String: String] = [:]
        for (category, types) in byCategory {
            for type in types { categories[type] = category }
        }
        return categories
    }()
}
