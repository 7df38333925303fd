extension Indicators {
    /// Top-level domains that are far more often file extensions in prose and notes (`README.md`, `setup.zip`,
    /// `run.sh`, `main.py`, `Safari.app`, `invoice.one`): a bare name ending in one is a domain only when it was
    /// written defanged, in a URL or in an e-mail address.
    static let fileExtensionTopLevels: Set<String> = [
        "ac", "am", "app", "cab", "cat", "java", "md", "mk", "mo", "mov", "one", "pm", "ps", "pub", "py", "rs",
        "sh", "so", "zip",
    ]

    /// The last label of a normal (lower-case, no trailing dot) domain name, or nil when it has a single label.
    static func topLevel(of domain: String) -> String? {
        guard let dot = domain.utf8.lastIndex(of: IndicatorBytes.dot) else { return nil }
        return String(domain[domain.utf8.index(after: dot)...])
    }

    /// True when the last label of a normal domain (or of the domain of a normal e-mail address) is a known
    /// top-level one.
    static func hasKnownTopLevel(_ name: String) -> Bool {
        topLevel(of: name).map(topLevelDomains.contains) ?? false
    }
}
