import DossierCore

/// Writes a project's notes: about 3 KB of Markdown each (front matter, headings, a list, a table, a
/// code block, links), mentioning only indicators recorded in the project, some of them defanged,
/// so `check` finds nothing unrecorded.
struct NoteWriter {
    let project: Project
    let shape: WorkspaceShape

    static let topics = ["overview", "infrastructure", "timeline", "malware-analysis", "detections", "response"]
    static let targetSize = 3_000

    func notes(random: inout SeededRandom) -> [(name: String, text: String)] {
        // Private indicators stay out of prose, which may be published.
        let candidates = project.indicators.filter { !$0.isPrivate }
        let names = (0..<shape.notes).map { i in
            Text.padded(i + 1, 2) + "-" + Self.topics[i % Self.topics.count] + (i < Self.topics.count ? "" : "-\(i + 1)")
        }
        var notes: [(name: String, text: String)] = []
        var previousIsPrivate = false
        for (i, name) in names.enumerated() {
            let written = note(
                number: i, names: names, previousIsPrivate: previousIsPrivate, candidates: candidates, random: &random)
            notes.append((name + ".md", written.text))
            previousIsPrivate = written.isPrivate
        }
        return notes
    }

    private func note(
        number: Int, names: [String], previousIsPrivate: Bool, candidates: [Indicator], random: inout SeededRandom
    ) -> (text: String, isPrivate: Bool) {
        let topic = Self.topics[number % Self.topics.count].replacingOccurrences(of: "-", with: " ")
        let title = Text.capitalized(topic)
        func pick(_ random: inout SeededRandom) -> Indicator? { candidates.isEmpty ? nil : random.pick(candidates) }
        var text = "---\ntitle: \(title)\nauthor: \(project.owner ?? "analyst")\n"
        text += "date: \(Text.date(daysAfter2024: random.below(760)))\n"
        let isPrivate = project.visibility == .public && random.percent(10)
        if isPrivate { text += "visibility: private\n" }
        text += "---\n\n# \(title)\n\n"
        text += paragraph(3, random: &random, mentioning: pick(&random)) + "\n\n## Timeline\n\n"
        for _ in 0..<4 {
            text += "- **\(Text.date(daysAfter2024: random.below(760)))**: " + random.pick(Words.sentences)
            if let indicator = pick(&random) { text += " Seen with " + mention(indicator, random: &random) + " again." }
            text += "\n"
        }
        text += "\n## Indicators\n\n| indicator | type | note |\n|---|---|---|\n"
        for _ in 0..<6 {
            guard let indicator = pick(&random) else { break }
            text += "| \(mention(indicator, random: &random)) | \(indicator.type.rawValue) | \(random.pick(Words.comments)) |\n"
        }
        text += "\n## Analysis\n\n" + paragraph(2, random: &random, mentioning: pick(&random)) + "\n\n"
        for step in 1...3 { text += "\(step). \(random.pick(Words.sentences))\n" }
        text += "\n```text\nrule \(random.pick(Words.adjectives))_\(random.pick(Words.nouns))_\(number + 1)\n"
        for _ in 0..<3 {
            guard let indicator = pick(&random) else { break }
            text += "  match \(indicator.type.rawValue) \(indicator.value)\n"
        }
        text += "```\n\n## References\n\n- Back to the [timeline](#timeline) of this note.\n"
        // A public note may not link a private one (`check`'s link-to-private-note).
        if number > 0 && (isPrivate || !previousIsPrivate) { text += "- Previous note: [\(names[number - 1])](\(names[number - 1]).md).\n" }
        if let url = candidates.first(where: { $0.type == .url }), random.percent(50) {
            text += "- Landing page as captured: [the kit](\(url.value)).\n"
        }
        text += "\n## Discussion\n\n"
        while text.utf8.count < Self.targetSize {
            text += paragraph(3, random: &random, mentioning: pick(&random)) + "\n\n"
        }
        return (text, isPrivate)
    }

    private func paragraph(_ sentences: Int, random: inout SeededRandom, mentioning indicator: Indicator?) -> String {
        var parts = (0..<sentences).map { _ in random.pick(Words.sentences) }
        if let indicator {
            parts.insert("The analysis tied it to " + mention(indicator, random: &random) + " in the logs.", at: 1)
        }
        return parts.joined(separator: " ")
    }

    /// The indicator as an analyst writes it: often defanged, often in backticks.
    private func mention(_ indicator: Indicator, random: inout SeededRandom) -> String {
        let shown = random.percent(50) ? Indicators.defang(indicator.value, as: indicator.type) : indicator.value
        return random.percent(60) ? "`\(shown)`" : shown
    }
}
