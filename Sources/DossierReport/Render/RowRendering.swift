import DossierCore
import Mustache

/// A report shows each indicator in its classification's table and again under each of its tags,
/// with the same columns. Rendering each row once and reusing it in every table roughly halves the
/// work of a large report; the built-in row template is rendered by `BuiltInRow`, without Mustache.
enum RowRendering {
    /// `report` with every row's `rendered` set for `report.html`: the `indicator-row` template.
    static func prerendered(_ report: consuming ProjectReport, with templates: TemplateSet) -> ProjectReport {
        let (isInternal, withAlsoSeen) = (report.audience.isInternal, report.withAlsoSeen)
        return prerendered(report, templates: templates, classification: "indicator-row", tag: "indicator-row") { row, _ in
            BuiltInRow.html(row, isInternal: isInternal, withClassification: true, withAlsoSeen: withAlsoSeen)
        }
    }

    /// `report` with every row's `rendered` set for `report.md`: `indicator-row.md` in the
    /// classification tables, `indicator-tag-row.md` in the tag tables (other columns).
    static func prerenderedMarkdown(_ report: consuming ProjectReport, with templates: TemplateSet) -> ProjectReport {
        let (isInternal, withAlsoSeen) = (report.audience.isInternal, report.withAlsoSeen)
        return prerendered(report, templates: templates, classification: "indicator-row.md", tag: "indicator-tag-row.md") { row, inTagTable in
            inTagTable ? BuiltInRow.markdownTagRow(row, isInternal: isInternal, withAlsoSeen: withAlsoSeen)
                : BuiltInRow.markdown(row, isInternal: isInternal, withAlsoSeen: withAlsoSeen)
        }
    }

    /// Renders each row once per template: a built-in one with `builtIn`, another with Mustache;
    /// a template the workspace lacks leaves rows unrendered (the page renders them). With one
    /// template for both kinds of table (HTML's), a row under a tag is the text its
    /// classification's table already has.
    ///
    /// Each table gets its rows' texts joined (`renderedRows`), which the built-in pages show.
    /// Rows themselves get their text (`rendered`) only when the workspace has a template of its
    /// own that may read it: setting it copied every row of a report that is used again (the
    /// HTML report's, before the Markdown one), with all of its strings.
    private static func prerendered(_ report: consuming ProjectReport, templates: TemplateSet, classification: String, tag: String,
        builtIn: (IndicatorRow, _ inTagTable: Bool) -> String) -> ProjectReport {
        var result = report
        // What a workspace's row template may ask of its page: the report as it was given.
        let page: ProjectReport? = templates.isBuiltIn(classification) && templates.isBuiltIn(tag) ? nil : copy result
        let rowsAreRead = templates.sources.keys.contains { !rowTemplates.contains($0) && !templates.isBuiltIn($0) }
        // By type and value as shown, each with the place of the row it was rendered from: two
        // indicators shown alike (a tab written as `\t` in one and as a tab in the other) are two rows.
        var cache: [RowKey: (place: RowPlace, text: String)] = [:]
        // Each table's texts, for its rows when the workspace's templates may read them.
        var rowTexts: [(table: RowPlace, texts: [String])] = []
        // One entry per indicator: room for all at once rather than growing step by step.
        cache.reserveCapacity(result.classificationGroups.reduce(0) { $0 + $1.rows.count })
        for (inTagTable, template) in [(false, classification), (true, tag)] where templates.sources[template] != nil {
            if inTagTable, tag != classification { cache.removeAll(keepingCapacity: true) }
            let isBuiltIn = templates.isBuiltIn(template)
            func groupRows(_ place: RowPlace) -> [IndicatorRow] {
                place.inTagTable ? result.tagGroups[place.group].rows : result.classificationGroups[place.group].rows
            }
            for group in (inTagTable ? result.tagGroups : result.classificationGroups).indices {
                // Read in place, and let go of before the report is changed (a second reference
                // to the rows would make that copy them).
                let texts = groupRows(RowPlace(inTagTable: inTagTable, group: group, row: 0)).withUnsafeBufferPointer { rows in
                    rows.indices.map { index -> String in
                        let key = RowKey(type: rows[index].type, value: rows[index].value)
                        if let cached = cache[key], cached.place.inTagTable == inTagTable && cached.place.group == group
                            ? rows[cached.place.row] == rows[index] : groupRows(cached.place)[cached.place.row] == rows[index] {
                            return cached.text
                        }
                        let text = !isBuiltIn && page != nil
                            ? templates.render(RowContext(row: rows[index], page: page!), page: template) : builtIn(rows[index], inTagTable)
                        cache[key] = (RowPlace(inTagTable: inTagTable, group: group, row: index), text)
                        return text
                    }
                }
                if inTagTable {
                    result.tagGroups[group].renderedRows = texts.joined(separator: "\n")
                } else {
                    result.classificationGroups[group].renderedRows = texts.joined(separator: "\n")
                }
                if rowsAreRead { rowTexts.append((RowPlace(inTagTable: inTagTable, group: group, row: 0), texts)) }
            }
        }
        // Once every row is rendered: rows are compared as the report gave them.
        for (place, texts) in rowTexts {
            for index in texts.indices {
                if place.inTagTable {
                    result.tagGroups[place.group].rows[index].rendered = texts[index]
                } else {
                    result.classificationGroups[place.group].rows[index].rendered = texts[index]
                }
            }
        }
        return result
    }

    /// The row templates, which rows' texts are rendered with: any other template may read them.
    private static let rowTemplates: Set<String> = ["indicator-row", "indicator-row.md", "indicator-tag-row.md"]

    /// What a row's text is looked up by: its type and value as shown.
    private struct RowKey: Hashable {
        var type: String
        var value: String
    }

    /// Where a row stands in a report: in a classification's table or a tag's, and which.
    private struct RowPlace {
        var inTagTable: Bool
        var group: Int
        var row: Int
    }

    /// `page` with every row's `rendered` set when the row template is the built-in one; else as
    /// it is, and the listing template renders its rows itself.
    static func prerendered(_ page: consuming ListingPage, with templates: TemplateSet) -> ListingPage {
        guard templates.isBuiltIn("indicator-row") else { return page }
        var result = page
        let (isInternal, withClassification) = (result.audience.isInternal, result.withClassification)
        // In place: a page made for this render is not copied row by row.
        for group in result.groups.indices {
            for index in result.groups[group].rows.indices {
                result.groups[group].rows[index].rendered = BuiltInRow.html(result.groups[group].rows[index], isInternal: isInternal,
                    withClassification: withClassification, withAlsoSeen: false)
            }
            result.groups[group].renderedRows = joined(result.groups[group].rows)
        }
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
