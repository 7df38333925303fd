extension PublishedPrivateValueRule.Mentions {
    /// What `texts` mention: the indicators written in each (a public indicator's URL or address
    /// is taken whole, with no scan) with their hosts, and the project folders the prose links to.
    init(_ texts: [PublishedPrivateValueRule.PublishedText]) {
        for text in texts {
            let index = self.texts.count
            self.texts.append(Text(name: text.name, location: text.location, isNote: text.bodyLine != nil))
            let found = text.valueType.map { [ExtractedIndicator(type: $0, value: text.text, line: 1, column: 1)] }
                ?? Indicators.extract(from: text.text)
            for mention in found {
                let position = text.bodyLine.map { SourcePosition(line: $0 + mention.line - 1, column: mention.column) }
                values.append(Value(text: index, value: mention.value, position: position))
                if let host = Indicators.host(of: mention.value, type: mention.type) {
                    values.append(Value(text: index, value: host, within: mention.value, position: position))
                }
            }
            if text.isProse { links += Self.links(in: text, at: index) }
        }
    }

    /// Paths in `text` to a project's folder or page (`../acme-phish/`,
    /// `projects/acme-phish/index.html`): to a private project's, PRODUCT.md §2 allows none.
    private static func links(in text: PublishedPrivateValueRule.PublishedText, at index: Int) -> [Link] {
        let bytes = Array(text.text.utf8)
        var links: [Link] = []
        var line = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A { line += 1 }
            guard bytes[i] == IndicatorBytes.dot || bytes[i] == UInt8(ascii: "p") else { i += 1; continue }
            let lead = pathLeads.first { lead in i + lead.count < bytes.count && bytes[i..<i + lead.count].elementsEqual(lead) }
            guard let lead else { i += 1; continue }
            var end = i + lead.count
            while end < bytes.count, IndicatorBytes.isAlphanumeric(bytes[end]) || bytes[end] == IndicatorBytes.hyphen || bytes[end] == UInt8(ascii: "_") || bytes[end] == IndicatorBytes.dot {
                end += 1
            }
            if end > i + lead.count {
                links.append(Link(text: index, slug: String(decoding: bytes[(i + lead.count)..<end], as: UTF8.self),
                    position: text.bodyLine.map { SourcePosition(line: $0 + line, column: 1) }))
            }
            i = end
        }
        return links
    }

    /// What leads a path to a project's folder: from a note (`../`) or from the site (`projects/`).
    private static let pathLeads = [Array("../".utf8), Array("projects/".utf8)]
}
