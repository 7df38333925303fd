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
        var text = markdownStart(row)
        text += " | "
        markdown(row.type, into: &text)
        text += " | "
        for (index, tag) in row.tags.enumerated() {
            if index > 0 { text += ", " }
            markdown(tag, into: &text)
        }
        markdownDates(row, into: &text)
        if isInternal {
            text += " "
            markdown(row.source, into: &text)
            text += " |"
        }
        text += " "
        for (index, link) in row.alsoSeenIn.enumerated() {
            if index > 0 { text += ", " }
            markdown(link.title, into: &text)
        }
        text += " |"
        return text
    }

    /// The built-in `indicator-tag-row.md`: a row of a Markdown report's tag table.
    static func markdownTagRow(_ row: IndicatorRow) -> String {
        var text = markdownStart(row)
        text += " | "
        markdown(row.type, into: &text)
        text += " | "
        markdown(row.classificationLabel, into: &text)
        markdownDates(row, into: &text)
        return text
    }

    /// `| value`, and ` (private)` for a private indicator: how both Markdown rows begin.
    private static func markdownStart(_ row: IndicatorRow) -> String {
        var text = ""
        text.reserveCapacity(128 + row.value.utf8.count + (row.comment?.utf8.count ?? 0))
        text += "| "
        markdown(row.value, into: &text)
        if row.isPrivate { text += " (private)" }
        return text
    }

    /// ` | first seen | last seen | comment |`: the cells both Markdown rows have.
    private static func markdownDates(_ row: IndicatorRow, into text: inout String) {
        for value in [row.firstSeen, row.lastSeen, row.comment] {
            text += " | "
            markdown(value, into: &text)
        }
        text += " |"
    }

    /// Each row is built in one string: a cell escaped into it, nothing for nil.
    private static func markdown(_ value: String?, into text: inout String) {
        if let value { MarkdownContentType.escape(value, into: &text) }
    }
}
