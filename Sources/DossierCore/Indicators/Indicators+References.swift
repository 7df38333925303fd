extension Indicators {
    /// The URLs `text` writes as links to read rather than as values, in normal form: Markdown
    /// links and autolinks (`[the write-up](https://...)`, `<https://...>`), which a note or an
    /// import's note writes a MISP event's reference as, and, with `asciiDoc`, AsciiDoc's link
    /// macros (`https://www.misp-project.org[MISP]`, `link:https://...[write-up]`), as a vendor's
    /// report has them. A defanged value is no link (`https://evil[.]example`: its brackets are
    /// the defanging's, not a macro's text).
    public static func referenceURLs(in text: String, asciiDoc: Bool = false) -> Set<String> {
        var found = Set(MarkdownLinks.destinations(in: text).compactMap { destination -> String? in
            guard case .success(let url) = parse(destination.text, as: .url) else { return nil }
            return url.value
        })
        guard asciiDoc, text.contains("://") else { return found }
        for match in text.matches(of: /(?:https?|ftp):\/\/[^\s\[\]<>"]+\[([^\]\n]*)\]/) {
            let label = match.output.1.lowercased().filter { !$0.isWhitespace }
            guard label.contains(where: \.isLetter), !defangingLabels.contains(label) else { continue }
            let url = match.output.0.prefix { $0 != "[" }
            if case .success(let parsed) = parse(String(url), as: .url) { found.insert(parsed.value) }
        }
        return found
    }

    /// What brackets hold in a defanged value (`evil[dot]example`, `user[at]mail`).
    private static let defangingLabels: Set<String> = ["dot", "d0t", "at", "punkt", "point"]
}
