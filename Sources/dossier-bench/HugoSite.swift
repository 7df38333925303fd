import DossierCore

/// Writes the peer's input: a Hugo site holding the same content as the internal dossier site, as
/// Markdown pages. One page per project (summary, indicator tables by classification and by tag,
/// the notes), tags as a taxonomy, and a minimal set of layouts.
struct HugoSite {
    let workspace: Workspace
    let folder: String

    func write() throws(BenchError) {
        try FileOutput.makeFolder(folder + "/content")
        try FileOutput.makeFolder(folder + "/layouts/_default")
        try FileOutput.write(HugoLayouts.config(title: workspace.settings.title), to: folder + "/config.toml")
        for (name, text) in HugoLayouts.templates {
            try FileOutput.write(text, to: folder + "/layouts/_default/" + name)
        }
        for project in workspace.projects {
            try FileOutput.write(page(project), to: folder + "/content/" + project.slug + ".md")
        }
    }

    func page(_ project: Project) -> String {
        let vocabulary = workspace.vocabulary
        var tagNames: [String: String] = [:]
        var byTag: [String: [Indicator]] = [:]
        var untagged: [Indicator] = []
        var byClassification: [Classification: [Indicator]] = [:]
        for indicator in project.indicators {
            byClassification[indicator.effectiveClassification(in: vocabulary), default: []].append(indicator)
            if indicator.tags.isEmpty { untagged.append(indicator) }
            for tag in indicator.tags {
                let key = Tag.key(tag)
                if tagNames[key] == nil { tagNames[key] = tag }
                byTag[key, default: []].append(indicator)
            }
        }
        for tag in project.tags where tagNames[Tag.key(tag)] == nil { tagNames[Tag.key(tag)] = tag }
        let tagKeys = tagNames.keys.sorted()

        var text = "---\ntitle: \(quoted(project.title))\n"
        if let created = project.created { text += "date: \(created)\n" }
        text += "tags: [" + tagKeys.compactMap { tagNames[$0] }.map(quoted).joined(separator: ", ") + "]\n---\n\n"
        text += "**\(project.tlp.label)** · \(project.visibility.rawValue) · \(project.status?.rawValue ?? "open")"
        text += " · created \(project.created ?? "?") · updated \(project.updated ?? "?")\n\n"
        text += (project.summary ?? "") + "\n\n## Indicators by classification\n\n"
        for classification in Classification.allCases {
            guard let list = byClassification[classification] else { continue }
            text += "### \(classification.label) (\(list.count))\n\n" + table(list)
        }
        text += "## Indicators by tag\n\n"
        for key in tagKeys {
            guard let list = byTag[key], let name = tagNames[key] else { continue }
            text += "### \(escaped(name)) (\(list.count))\n\n"
            if let description = vocabulary.definition(of: name)?.description { text += description + "\n\n" }
            text += table(list)
        }
        if !untagged.isEmpty { text += "### Untagged (\(untagged.count))\n\n" + table(untagged) }
        text += "## Notes\n\n"
        for note in project.notes {
            text += "### \(escaped(note.displayTitle))\n\n" + note.body + "\n\n"
        }
        return text
    }

    private func table(_ indicators: [Indicator]) -> String {
        var text = "| value | type | classification | tags | first seen | last seen | comment |\n|---|---|---|---|---|---|---|\n"
        for i in indicators {
            let cells = [
                Indicators.defang(i.value, as: i.type), i.type.rawValue,
                i.effectiveClassification(in: workspace.vocabulary).rawValue, i.tags.joined(separator: ", "),
                i.firstSeen ?? "", i.lastSeen ?? "", i.comment ?? "",
            ]
            text += "| " + cells.map(escaped).joined(separator: " | ") + " |\n"
        }
        return text + "\n"
    }

    /// Markdown-safe cell text: pipes, backslashes and angle brackets escaped.
    private func escaped(_ text: String) -> String {
        let special: Set<UInt8> = Set("|\\<>*_`[]".utf8)
        guard text.utf8.contains(where: special.contains) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if "|\\<>*_`[]".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A YAML double-quoted string (the JSON escapes that matter here).
    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
