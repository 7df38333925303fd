import DossierCore

/// A report shows each indicator in its classification's table and again under each of its tags,
/// with the same columns. Rendering each row once and reusing it in every table roughly halves the
/// work of a large report (row templates dominate rendering).
enum RowRendering {
    /// `report` with every row's `rendered` set, using the `indicator-row` template.
    static func prerendered(_ report: ProjectReport, with templates: TemplateSet) -> ProjectReport {
        guard templates.sources["indicator-row"] != nil else { return report }
        var cache: [String: String] = [:]
        var result = report
        func render(_ row: IndicatorRow) -> IndicatorRow {
            var row = row
            let key = row.type + "\u{0}" + row.value
            if let html = cache[key] {
                row.rendered = html
            } else {
                let html = templates.render(RowContext(row: row, page: report), page: "indicator-row")
                cache[key] = html
                row.rendered = html
            }
            return row
        }
        result.classificationGroups = report.classificationGroups.map { group in
            var group = group
            group.rows = group.rows.map(render)
            return group
        }
        result.tagGroups = report.tagGroups.map { group in
            var group = group
            group.rows = group.rows.map(render)
            return group
        }
        return result
    }
}

import Mustache

/// A row seen from its page, so the row template can ask page-level questions (the audience).
struct RowContext: MustacheParent {
    let row: IndicatorRow
    let page: ProjectReport

    func child(named name: String) -> Any? {
        row.child(named: name) ?? page.child(named: name)
    }
}
