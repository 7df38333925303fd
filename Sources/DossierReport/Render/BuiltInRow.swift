/// The built-in `indicator-row` template, compiled by hand. Rows are most of what a site renders,
/// and swift-mustache resolves each of a row's twenty variables dynamically (casts and protocol
/// lookups: 55% of a large build's time). Used only while the workspace does not override
/// `indicator-row`; `BuiltInRowTests` renders thousands of generated rows both ways and requires
/// the same bytes, so the template stays the one description of a row.
enum BuiltInRow {
    /// - Parameters:
    ///   - isInternal: the audience sees sources (the `audience.isInternal` section).
    ///   - withClassification: the table has a classification column (a classification's page has none).
    ///   - withAlsoSeen: the table has an "also seen in" column (a report's; a listing's has none).
    static func html(_ row: IndicatorRow, isInternal: Bool, withClassification: Bool, withAlsoSeen: Bool) -> String {
        var html = TextBytes(capacity: 256 + row.value.utf8.count + (row.comment?.utf8.count ?? 0))
        func text(_ value: String?) { html.text(value, HTMLContentType.self) }
        html.raw(#"<tr><td class="value">"#)
        text(row.value)
        if row.isPrivate { html.raw(#"<span class="private">private</span>"#) }
        html.raw("</td><td>")
        text(row.type)
        html.raw("</td>")
        if withClassification {
            html.raw(#"<td><span class="badge "#)
            text(row.classification)
            html.raw(#"">"#)
            text(row.classificationLabel)
            html.raw(#"</span></td>"#)
        }
        html.raw(#"<td class="tags">"#)
        for tag in row.tagLinks {
            if let href = tag.href {
                html.raw(#"<a class="tag" href=""#)
                text(href)
                html.raw(#"">"#)
                text(tag.name)
                html.raw("</a>")
            } else {
                html.raw(#"<span class="tag">"#)
                text(tag.name)
                html.raw("</span>")
            }
        }
        html.raw("</td>")
        html.raw(#"<td class="date">"#)
        text(row.firstSeen)
        html.raw(#"</td><td class="date">"#)
        text(row.lastSeen)
        // Laid out by its own direction: a comment in Arabic reads right to left.
        html.raw(#"</td><td class="comment" dir="auto">"#)
        text(row.comment)
        html.raw("</td>")
        if isInternal {
            html.raw("<td>")
            text(row.source)
            html.raw("</td>")
        }
        if withAlsoSeen {
            html.raw(#"<td class="also">"#)
            for (index, link) in row.alsoSeenIn.enumerated() {
                if let href = link.href {
                    html.raw(#"<a href=""#)
                    text(href)
                    html.raw(#"">"#)
                    text(link.title)
                    html.raw("</a>")
                } else {
                    text(link.title)
                }
                if let label = link.privateLabel {
                    html.raw(#"<span class="private">"#)
                    text(label)
                    html.raw("</span>")
                }
                if let label = link.otherClassificationLabel {
                    html.raw(#" <span class="badge "#)
                    text(link.otherClassification)
                    html.raw(#"">"#)
                    text(label)
                    html.raw("</span>")
                }
                if index < row.alsoSeenIn.count - 1 { html.raw(", ") }
            }
            html.raw("</td>")
        }
        html.raw("</tr>\n")
        return html.string
    }
}

extension BuiltInRow {
    /// The built-in `indicator-row.md`: a row of a Markdown report's classification table.
    static func markdown(_ row: IndicatorRow, isInternal: Bool, withAlsoSeen: Bool) -> String {
        var text = markdownStart(row)
        text.raw(" | ")
        text.text(row.type, MarkdownContentType.self)
        text.raw(" | ")
        for (index, tag) in row.tags.enumerated() {
            if index > 0 { text.raw(", ") }
            text.text(tag, MarkdownContentType.self)
        }
        markdownEnd(row, isInternal: isInternal, withAlsoSeen: withAlsoSeen, into: &text)
        return text.string
    }

    /// The built-in `indicator-tag-row.md`: a row of a Markdown report's tag table.
    static func markdownTagRow(_ row: IndicatorRow, isInternal: Bool, withAlsoSeen: Bool) -> String {
        var text = markdownStart(row)
        text.raw(" | ")
        text.text(row.type, MarkdownContentType.self)
        text.raw(" | ")
        text.text(row.classificationLabel, MarkdownContentType.self)
        markdownEnd(row, isInternal: isInternal, withAlsoSeen: withAlsoSeen, into: &text)
        return text.string
    }

    /// `| value`, and ` (private)` for a private indicator: how both Markdown rows begin.
    private static func markdownStart(_ row: IndicatorRow) -> TextBytes {
        var text = TextBytes(capacity: 128 + row.value.utf8.count + (row.comment?.utf8.count ?? 0))
        text.raw("| ")
        text.markup(MarkdownCode.span(row.value))
        if row.isPrivate { text.raw(" (private)") }
        return text
    }

    /// ` | first seen | last seen | comment |`, the source when internal, and the projects it is
    /// also seen in (when the table has it): the cells both Markdown rows end with.
    private static func markdownEnd(_ row: IndicatorRow, isInternal: Bool, withAlsoSeen: Bool, into text: inout TextBytes) {
        for value in [row.firstSeen, row.lastSeen, row.comment] {
            text.raw(" | ")
            text.text(value, MarkdownContentType.self)
        }
        text.raw(" |")
        if isInternal {
            text.raw(" ")
            text.text(row.source, MarkdownContentType.self)
            text.raw(" |")
        }
        guard withAlsoSeen else { return }
        text.raw(" ")
        for (index, link) in row.alsoSeenIn.enumerated() {
            if index > 0 { text.raw(", ") }
            text.text(link.title, MarkdownContentType.self)
            // In one pair of brackets: `Title (private project, Malicious)`.
            for (place, label) in [link.privateLabel, link.otherClassificationLabel].compactMap({ $0 }).enumerated() {
                text.raw(place == 0 ? " (" : ", ")
                text.text(label, MarkdownContentType.self)
            }
            if link.privateLabel != nil || link.otherClassificationLabel != nil { text.raw(")") }
        }
        text.raw(" |")
    }
}
