import DossierCore
import Foundation
import Mustache
import Testing
@testable import DossierReport

/// Templates reach the view models through `MustacheParent.child(named:)`, written by hand for
/// speed: a field added to a view model but not there renders as nothing, silently. Every field
/// a view model encodes must be reachable by its name, at every depth.
@Suite("Mustache fields")
struct MustacheFieldsTests {
    /// Walks `value` and its JSON encoding together: each key of the JSON object must be a child
    /// of the value, and the children are walked in turn.
    static func unreachable(_ value: Any, _ json: Any, path: String) -> [String] {
        if let object = json as? [String: Any] {
            guard let parent = value as? MustacheParent else { return ["\(path): \(type(of: value)) is no MustacheParent"] }
            return object.keys.sorted().flatMap { key -> [String] in
                let name = renamed["\(type(of: value)).\(key)"] ?? key
                // A list the templates test for is nothing when empty (`{{^tags}}No tags{{/tags}}`).
                if (object[key] as? [Any])?.isEmpty == true { return [] }
                guard let child = parent.child(named: name) else { return ["\(path).\(key) (\(type(of: value)))"] }
                return unreachable(unwrapped(child), object[key]!, path: path + "." + key)
            }
        }
        if let items = json as? [Any], let values = value as? [Any], values.count == items.count {
            return zip(values, items).enumerated().flatMap { index, pair in unreachable(pair.0, pair.1, path: "\(path)[\(index)]") }
        }
        return []
    }

    /// Fields the templates know by another name: the index's project tags (`tags` is the
    /// site's), a tag's name and description as shown, a bar's place in the chart, and a
    /// listing's page links, given only when there are pages to link.
    static let renamed = [
        "ProjectSummary.tags": "projectTags", "TagSummary.shownName": "name", "TagSummary.shownDescription": "description",
        "CountRow.y": "rectY", "ListingPage.pages": "isPaginated",
    ]

    /// An optional's value, as Mustache sees it.
    static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional, let some = mirror.children.first else { return value }
        return some.value
    }

    static func check(_ value: some Encodable, name: String) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
        return unreachable(value, json, path: name)
    }

    @Test("every field of the index, a report and a listing page reaches the templates", arguments: Audience.allCases)
    func everyFieldReachable(_ audience: Audience) throws {
        let workspace = AudienceFilter.view(of: WorkspaceLoader.load(root: SiteBuildTests.sampleRoot).workspace, for: audience)
        let model = SiteModel(workspace: workspace, audience: audience, options: ReportOptions(linksToSite: true))
        var missing = try Self.check(model.index, name: "index")
        for position in workspace.projects.indices {
            missing += try Self.check(model.report(at: position), name: "report \(workspace.projects[position].slug)")
        }
        missing += try Self.check(model.listing(at: 0).page, name: "listing")
        // Each missing field once, as `Type.field`.
        let fields = Set(missing.map { path in
            let field = path.split(separator: ".").last.map { String($0.split(separator: " ")[0]) } ?? path
            let owner = path.split(separator: "(").last.map { String($0.dropLast()) } ?? ""
            return owner + "." + field
        })
        #expect(fields.isEmpty, "\(fields.sorted())")
    }

    @Test("the chart holds its longest count whole: the bar's end, then up to 13 characters (1,000,000,000) at 13px")
    func chartHoldsItsCounts() throws {
        let (loaded, _) = TemplateSet.load(workspaceRoot: nil)
        let templates = try #require(loaded)
        let rows = [CountRow]([("malicious", "Malicious", 1_000_000_000), ("unknown", "Unknown", 120_217)], partition: true)
        let chart = templates.render(["classificationCounts": rows, "chartHeight": 52], page: "chart")
        let width = try #require(Int(chart.components(separatedBy: #"viewBox="0 0 "#).dropFirst().first?.prefix { $0.isNumber } ?? ""))
        // Each count's text: its x, then the count (`<text x="418" y="17">1,000,000,000</text>`).
        for text in chart.components(separatedBy: #"<text x=""#).dropFirst() {
            let x = Int(text.prefix { $0.isNumber })!
            let shown = text.components(separatedBy: ">").dropFirst().first?.components(separatedBy: "<").first ?? ""
            guard shown.first?.isNumber == true else { continue }
            // Digits and commas of system-ui at 13px are at most 8 units wide.
            #expect(x + shown.count * 8 <= width, "\(shown) at \(x) in \(width)")
        }
        #expect(chart.contains(">1,000,000,000</text>") && chart.contains(">120,217</text>"), "\(chart)")
    }

    @Test("a count reads grouped by thousands, and stays a number to a workspace's template: a section of 0 renders, and the number transforms apply")
    func countsGrouped() throws {
        let template = try MustacheTemplate(string: "{{count}}|{{#count}}some{{/count}}|{{#equalzero(count)}}none{{/equalzero(count)}}|{{plusone(count)}}")
        #expect(template.render(["count": ShownCount(1_483)]) == "1,483|some||1484")
        #expect(template.render(["count": ShownCount(0)]) == "0|some|none|1")
        #expect([0, 7, 999, 1_000, 12_345, 999_999, 1_000_000, -12_000].map(\.grouped)
            == ["0", "7", "999", "1,000", "12,345", "999,999", "1,000,000", "-12,000"])
    }
}
