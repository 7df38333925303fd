/// The built-in `indicator-row` template, compiled by hand. Rows are most of what a site renders,
/// and swift-mustache resolves each of a row's twenty variables dynamically (casts and protocol
/// lookups: 55% of a large build's time). Used only while the workspace does not override
/// `indicator-row`; `BuiltInRowTests` renders thousands of generated rows both ways and requires
/// the same bytes, so the template stays the one description of a row.
enum BuiltInRow {
    /// - Parameters:
    ///   - isInternal: the audience sees sources (the `audience.isInternal` section).
    ///   - withProject: a listing row (a project column instead of "also seen in").
    static func html(_ row: IndicatorRow, isInternal: Bool, withProject: Bool) -> String {
        var html = ""
        html.reserveCapacity(256 + row.value.utf8.count + (row.comment?.utf8.count ?? 0))
        func text(_ value: String?) {
            if let value { HTMLContentType.escape(value, into: &html) }
        }
        html += #"<tr><td class="value">"#
        text(row.value)
        if row.isPrivate { html += #"<span class="private">private</span>"# }
        html += "</td><td>"
        text(row.type)
        html += #"</td><td><span class="badge "#
        text(row.classification)
        html += #"">"#
        text(row.classificationLabel)
        html += "</span></td><td>"
        for tag in row.tags {
            html += #"<span class="tag">"#
            text(tag)
            html += "</span>"
        }
        html += "</td>"
        if withProject {
            html += "<td>"
            if let project = row.project {
                html += #"<a href=""#
                text(project.href)
                html += #"">"#
                text(project.title)
                html += "</a>"
            }
            html += "</td>"
        }
        html += #"<td class="date">"#
        text(row.firstSeen)
        html += #"</td><td class="date">"#
        text(row.lastSeen)
        html += "</td><td>"
        text(row.comment)
        html += "</td>"
        if isInternal {
            html += "<td>"
            text(row.source)
            html += "</td>"
        }
        if !withProject {
            html += "<td>"
            for (index, link) in row.alsoSeenIn.enumerated() {
                if let href = link.href {
                    html += #"<a href=""#
                    text(href)
                    html += #"">"#
                    text(link.title)
                    html += "</a>"
                } else {
                    text(link.title)
                }
                if index < row.alsoSeenIn.count - 1 { html += ", " }
            }
            html += "</td>"
        }
        html += "</tr>\n"
        return html
    }
}

extension BuiltInRow {
    /// The built-in `indicator-row.md`: a row of a Markdown report's classification table.
    static func markdown(_ row: IndicatorRow, isInternal: Bool) -> String {
        var text = "| " + MarkdownContentType.escape(row.value)
        if row.isPrivate { text += " (private)" }
        text += " | " + MarkdownContentType.escape(row.type)
        text += " | " + MarkdownContentType.escape(row.tags.joined(separator: ", "))
        text += " | " + markdown(row.firstSeen) + " | " + markdown(row.lastSeen) + " | " + markdown(row.comment) + " |"
        if isInternal { text += " " + markdown(row.source) + " |" }
        text += " " + row.alsoSeenIn.map { MarkdownContentType.escape($0.title) }.joined(separator: ", ") + " |"
        return text
    }

    /// The built-in `indicator-tag-row.md`: a row of a Markdown report's tag table.
    static func markdownTagRow(_ row: IndicatorRow) -> String {
        var text = "| " + MarkdownContentType.escape(row.value)
        if row.isPrivate { text += " (private)" }
        text += " | " + MarkdownContentType.escape(row.type) + " | " + MarkdownContentType.escape(row.classificationLabel)
        text += " | " + markdown(row.firstSeen) + " | " + markdown(row.lastSeen) + " | " + markdown(row.comment) + " |"
        return text
    }

    private static func markdown(_ value: String?) -> String {
        value.map(MarkdownContentType.escape) ?? ""
    }
}
