/// Word lists for synthetic names and prose. No word holds a dot, a digit or a hyphen, so nothing
/// built from them is mistaken for an indicator by `Indicators.extract`.
enum Words {
    static let adjectives = [
        "silent", "crimson", "hollow", "amber", "rapid", "frozen", "quiet", "golden", "hidden", "broken",
        "lucky", "northern", "velvet", "iron", "paper", "stormy", "gentle", "rusty", "electric", "patient",
    ]

    static let nouns = [
        "harbor", "falcon", "ledger", "lantern", "meadow", "courier", "signal", "orchard", "compass", "beacon",
        "anchor", "thicket", "quarry", "cinder", "mirror", "kettle", "saddle", "prairie", "glacier", "tunnel",
    ]

    static let themes = [
        "phishing kit", "loader campaign", "credential harvesting", "ransomware intrusion", "supply-chain compromise",
        "VPN brute force", "typosquatting watch", "business email compromise", "web shell cleanup", "botnet C2",
    ]

    static let owners = ["jdoe", "asingh", "mkowalski", "lnguyen", "rgarcia", "tokafor", "ebrown", "yzhang"]

    static let firstNames = ["anna", "bruno", "chen", "dana", "emil", "farah", "gus", "hana", "ivan", "jules"]
    static let lastNames = ["moreau", "okafor", "silva", "tanaka", "weber", "novak", "haddad", "kim", "lopez"]

    static let hostPrefixes = ["login", "cdn", "mail", "portal", "update", "static", "api", "secure", "files", "auth"]
    static let paths = ["login", "gate", "panel", "upload", "invoice", "track", "download", "verify", "beacon", "session"]
    static let scripts = ["index", "gate", "post", "check", "load", "auth"]
    static let fileExtensions = ["exe", "dll", "ps1", "dat", "bin", "vbs", "lnk", "hta", "jar"]

    /// Tags that are not in the vocabulary: plain words and MISP machine tags (no `tlp:` tag: on a
    /// public indicator of a public project it is an error, as the site would publish marked data).
    static let freeTags = [
        "Phishing", "C2", "Loader", "Exfiltration", "Scanner", "Sinkholed", "kill-chain:exploitation", "misp:tool=\"nmap\"",
        "misp-galaxy:threat-actor=\"Sednit\"", "misp-galaxy:malpedia=\"HollowPost\"", "kill-chain:delivery",
        "Infrastructure", "Credential Theft", "Persistence",
    ]

    static let projectTags = ["Phishing", "Ransomware", "Loader", "Supply Chain", "Brute Force", "Typosquat", "BEC"]

    static let sources = ["mail gateway", "passive DNS", "EDR telemetry", "abuse mailbox", "sandbox", "partner ISAC", "proxy logs"]

    static let comments = [
        "Seen in the first wave", "Landing page of the kit", "Resolved by the loader at start-up",
        "Sender of the lure", "Dropped in the user's temp folder", "Beacon every 300 seconds",
        "Hosting provider confirmed the takedown", "Registered two days before the campaign",
    ]

    /// Sentences for note prose; none holds anything that looks like an indicator.
    static let sentences = [
        "The first reports reached the abuse mailbox shortly after the morning delivery window.",
        "Analysts correlated the gateway logs with endpoint telemetry to rebuild the sequence of events.",
        "No evidence of lateral movement was found on the affected workstations during triage.",
        "The operators rotated their hosting every few days, which made simple blocklists lag behind.",
        "Several lookalike registrations appeared within hours of the takedown request.",
        "Credential resets were completed for every user who opened the attachment.",
        "The sample checks the system language and exits quietly on machines in the excluded regions.",
        "Sandbox detonation showed the same persistence mechanism as the previous wave.",
        "Traffic to the staging servers stopped once the gateway rules were deployed.",
        "We shared the confirmed malicious indicators with the sector sharing group.",
        "The certificate was issued by a free authority the night before the campaign started.",
        "Passive DNS shows the domain parked for months before it became active.",
        "Two users reported the message within ten minutes, which limited the exposure.",
        "The loader downloads its second stage only when a mouse movement is detected.",
        "Our detection engineering team wrote a rule that matches the mutex and the beacon path.",
        "The kit copies the single sign-on page, including the help desk contact details.",
    ]
}
