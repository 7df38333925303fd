extension Indicators {
    /// Top-level domains that are far more often file extensions in prose and notes (`README.md`, `setup.zip`,
    /// `run.sh`, `main.py`, `Safari.app`, `invoice.one`): a bare name ending in one is a domain only when it was
    /// written defanged, in a URL or in an e-mail address.
    static let fileExtensionTopLevels: Set<String> = [
        "ac", "am", "app", "cab", "cat", "java", "md", "mk", "mo", "mov", "one", "pm", "ps", "pub", "py", "rs",
        "sh", "so", "zip",
    ]

    /// The extensions of files an analyst's note names (captures, logs, documents, images,
    /// samples): a file named after a host (`acme-corp.example.png`) or a folder
    /// (`acme-phish.pdf`) names it.
    static let fileExtensions: Set<String> = [
        "7z", "apk", "bat", "bin", "bmp", "csv", "dll", "dmp", "doc", "docx", "elf", "eml", "evtx", "exe", "gif", "gz",
        "hta", "htm", "html", "iso", "jar", "jpeg", "jpg", "js", "json", "lnk", "log", "md", "msg", "pcap", "pcapng",
        "pdf", "png", "ppt", "pptx", "ps1", "rar", "rtf", "svg", "tar", "tgz", "tsv", "txt", "vbs", "webp", "xls",
        "xlsx", "xml", "yaml", "yml", "zip",
    ]

    /// Whether `bytes[range]` is one of `fileExtensions`, in any case.
    static func isFileExtension(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.count <= 6 && fileExtensions.contains(String(decoding: bytes.map(IndicatorBytes.lower), as: UTF8.self))
    }

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
