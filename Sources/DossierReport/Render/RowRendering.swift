import DossierCore
import Mustache

/// A report shows each indicator in its classification's table and again under each of its tags,
/// with the same columns. Rendering each row once and reusing it in every table roughly halves the
/// work of a large report; the built-in row template is rendered by `BuiltInRow`, without Mustache.
enum RowRendering {
    /// `report` with every row's `rendered` set for `report.html`: the `indicator-row` template.
    static func prerendered(_ report: consuming ProjectReport, with templates: TemplateSet) -> ProjectReport {
        let isInternal = report.audience.isInternal
        return prerendered(report, templates: templates, classification: "indicator-row", tag: "indicator-row") { row, _ in
            BuiltInRow.html(row, isInternal: isInternal, withProject: false)
        }
    }

    /// `report` with every row's `rendered` set for `report.md`: `indicator-row.md` in the
    /// classification tables, `indicator-tag-row.md` in the tag tables (other columns).
    static func prerenderedMarkdown(_ report: consuming ProjectReport, with templates: TemplateSet) -> ProjectReport {
        let isInternal = report.audience.isInternal
        return prerendered(report, templates: templates, classification: "indicator-row.md", tag: "indicator-tag-row.md") { row, inTagTable in
            inTagTable ? BuiltInRow.markdownTagRow(row, isInternal: isInternal) : BuiltInRow.markdown(row, isInternal: isInternal)
        }
    }

    /// Renders each row once per template: a built-in one with `builtIn`, another with Mustache;
    /// a template the workspace lacks leaves rows unrendered (the page renders them). With one
    /// template for both kinds of table (HTML's), a row under a tag is the text its
    /// classification's table already has.
    ///
    /// Rows are set in place: a report the caller gives up (its last use) is not copied.
    private static func prerendered(_ report: consuming ProjectReport, templates: TemplateSet, classification: String, tag: String,
        builtIn: (IndicatorRow, _ inTagTable: Bool) -> String) -> ProjectReport {
        var result = report
        // What a workspace's row template may ask of its page: the report as it was given.
        let page: ProjectReport? = templates.isBuiltIn(classification) && templates.isBuiltIn(tag) ? nil : copy result
        // By type and value as shown, each with the row it was rendered from: two indicators
        // shown alike (a tab written as `\t` in one and as a tab in the other) are two rows.
        var cache: [String: (row: IndicatorRow, text: String)] = [:]
        // One entry per indicator: room for all at once rather than growing step by step.
        cache.reserveCapacity(result.classificationGroups.reduce(0) { $0 + $1.rows.count })
        for (inTagTable, template) in [(false, classification), (true, tag)] where templates.sources[template] != nil {
            if inTagTable, tag != classification { cache.removeAll(keepingCapacity: true) }
            let isBuiltIn = templates.isBuiltIn(template)
            func render(_ rows: inout [IndicatorRow]) -> String {
                for index in rows.indices {
                    let key = rows[index].type + "\u{0}" + rows[index].value
                    if let cached = cache[key], cached.row == rows[index] {
                        rows[index].rendered = cached.text
                        continue
                    }
                    let text: String
                    if !isBuiltIn, let page {
                        text = templates.render(RowContext(row: rows[index], page: page), page: template)
                    } else {
                        text = builtIn(rows[index], inTagTable)
                    }
                    cache[key] = (rows[index], text)
                    rows[index].rendered = text
                }
                return joined(rows)
            }
            if inTagTable {
                for group in result.tagGroups.indices { result.tagGroups[group].renderedRows = render(&result.tagGroups[group].rows) }
            } else {
                for group in result.classificationGroups.indices {
                    result.classificationGroups[group].renderedRows = render(&result.classificationGroups[group].rows)
                }
            }
        }
        return result
    }

    /// `page` with every row's `rendered` set when the row template is the built-in one; else as
    /// it is, and the listing template renders its rows itself.
    static func prerendered(_ page: consuming ListingPage, with templates: TemplateSet) -> ListingPage {
        guard templates.isBuiltIn("indicator-row") else { return page }
        var result = page
        let isInternal = result.audience.isInternal
        // In place: a page made for this render is not copied row by row.
        for index in result.rows.indices {
            result.rows[index].rendered = BuiltInRow.html(result.rows[index], isInternal: isInternal, withProject: true)
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
