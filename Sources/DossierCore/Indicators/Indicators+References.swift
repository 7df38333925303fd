extension Indicators {
    /// The URLs `text` writes as links to read rather than as values, in normal form: Markdown
    /// links and autolinks (`[the write-up](https://...)`, `<https://...>`), which a note or an
    /// import's note writes a MISP event's reference as (without `autolinks`, the second is a
    /// value, as in a plain-text mail), and, with `asciiDoc`, AsciiDoc's link
    /// macros (`https://www.misp-project.org[MISP]`, `link:https://...[write-up]`), as a vendor's
    /// report has them. A defanged value is no link (`https://evil[.]example`: its brackets are
    /// the defanging's, not a macro's text), and an address the text also writes as a value (as
    /// the link's own text, or bare) is none of them.
    public static func referenceURLs(in text: String, asciiDoc: Bool = false, autolinks: Bool = true) -> Set<String> {
        // A link's address written more often than it is linked (as its own text,
        // `[https://x/a.exe](https://x/a.exe)`, or bare elsewhere) is written as a value too.
        var linked: [String: Int] = [:]
        let bytes = Array(text.utf8)
        for destination in MarkdownLinks.destinations(in: text) {
            // An autolink (`<https://x>`) shows its address as its text: a plain-text mail writes
            // every address so, the lure's too.
            let isAutolink = destination.offset > 0 && bytes[destination.offset - 1] == UInt8(ascii: "<")
                && (destination.offset < 2 || bytes[destination.offset - 2] != UInt8(ascii: "("))
            if isAutolink && !autolinks { continue }
            linked[destination.text, default: 0] += 1
        }
        if asciiDoc, text.contains("://") {
            for match in text.matches(of: /(?:https?|ftp):\/\/[^\s\[\]<>"]+\[([^\]\n]*)\]/) {
                let label = match.output.1.lowercased().filter { !$0.isWhitespace }
                guard label.contains(where: \.isLetter), !defangingLabels.contains(label) else { continue }
                linked[String(match.output.0.prefix { $0 != "[" }), default: 0] += 1
            }
        }
        var found: Set<String> = []
        for (address, links) in linked where text.components(separatedBy: address).count - 1 <= links {
            if case .success(let url) = parse(address, as: .url) { found.insert(url.value) }
        }
        return found
    }

    /// What brackets hold in a defanged value (`evil[dot]example`, `user[at]mail`).
    private static let defangingLabels: Set<String> = ["dot", "d0t", "at", "punkt", "point"]
}
