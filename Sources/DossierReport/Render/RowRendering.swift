import DossierCore
import Mustache

/// A report shows each indicator in its classification's table and again under each of its tags,
/// with the same columns. Rendering each row once and reusing it in every table roughly halves the
/// work of a large report; the built-in row template is rendered by `BuiltInRow`, without Mustache.
enum RowRendering {
    /// `report` with every row's `rendered` set for `report.html`: the `indicator-row` template.
    static func prerendered(_ report: ProjectReport, with templates: TemplateSet) -> ProjectReport {
        let builtIn = templates.isBuiltIn("indicator-row")
        return prerendered(report, templates: templates, classification: "indicator-row", tag: "indicator-row") { row, _ in
            builtIn ? BuiltInRow.html(row, isInternal: report.audience.isInternal, withProject: false) : nil
        }
    }

    /// `report` with every row's `rendered` set for `report.md`: `indicator-row.md` in the
    /// classification tables, `indicator-tag-row.md` in the tag tables (other columns).
    static func prerenderedMarkdown(_ report: ProjectReport, with templates: TemplateSet) -> ProjectReport {
        let builtIn = (templates.isBuiltIn("indicator-row.md"), templates.isBuiltIn("indicator-tag-row.md"))
        return prerendered(report, templates: templates, classification: "indicator-row.md", tag: "indicator-tag-row.md") { row, inTagTable in
            switch (inTagTable, builtIn) {
            case (false, (true, _)): BuiltInRow.markdown(row, isInternal: report.audience.isInternal)
            case (true, (_, true)): BuiltInRow.markdownTagRow(row, isInternal: report.audience.isInternal)
            default: nil
            }
        }
    }

    /// Renders each distinct row once per kind of table, with `fast` where it answers, else with
    /// the template; a template the workspace lacks leaves rows unrendered (the page renders them).
    private static func prerendered(_ report: ProjectReport, templates: TemplateSet, classification: String, tag: String,
        fast: (IndicatorRow, Bool) -> String?) -> ProjectReport {
        var result = report
        for (inTagTable, template) in [(false, classification), (true, tag)] where templates.sources[template] != nil {
            var cache: [String: String] = [:]
            // One entry per indicator: room for all at once rather than growing step by step.
            cache.reserveCapacity(report.classificationGroups.reduce(0) { $0 + $1.rows.count })
            func render(_ row: IndicatorRow) -> IndicatorRow {
                var row = row
                let key = row.type + "\u{0}" + row.value
                if let text = cache[key] {
                    row.rendered = text
                } else {
                    let text = fast(row, inTagTable) ?? templates.render(RowContext(row: row, page: report), page: template)
                    cache[key] = text
                    row.rendered = text
                }
                return row
            }
            let groups = inTagTable ? report.tagGroups : report.classificationGroups
            let rendered = groups.map { group in
                var group = group
                group.rows = group.rows.map(render)
                group.renderedRows = joined(group.rows)
                return group
            }
            if inTagTable { result.tagGroups = rendered } else { result.classificationGroups = rendered }
        }
        return result
    }

    /// `page` with every row's `rendered` set when the row template is the built-in one; else as
    /// it is, and the listing template renders its rows itself.
    static func prerendered(_ page: ListingPage, with templates: TemplateSet) -> ListingPage {
        guard templates.isBuiltIn("indicator-row") else { return page }
        var result = page
        result.rows = page.rows.map { row in
            var row = row
            row.rendered = BuiltInRow.html(row, isInternal: page.audience.isInternal, withProject: true)
            return row
        }
        result.renderedRows = joined(result.rows)
        return result
    }

    /// A table's body: the rows' rendered texts, one per line (the template ends the last line).
    private static func joined(_ rows: [IndicatorRow]) -> String {
        // By position: a row taken out of the array (`for row in rows`) retains and releases
        // every string it holds, for the one it is asked for.
        var length = 0
        for index in rows.indices { length += (rows[index].rendered?.utf8.count ?? 0) + 1 }
        var body = ""
        body.reserveCapacity(length)
        for index in rows.indices {
            if index > 0 { body += "\n" }
            body += rows[index].rendered ?? ""
        }
        return body
    }
}

/// A row seen from its page, so the row template can ask page-level questions (the audience, and
/// whether rows show their project).
struct RowContext: MustacheParent {
    let row: IndicatorRow
    let page: any MustacheParent

    func child(named name: String) -> Any? {
        row.child(named: name) ?? page.child(named: name)
    }
}
