import DossierCore
import DossierInterop

/// One indicator as a report shows it.
public struct IndicatorRow: Sendable, Hashable, Encodable {
    /// As displayed: defanged for network types unless the options say otherwise.
    public var value: String
    public var type: String
    public var classification: String
    public var classificationLabel: String
    public var tags: [String]
    /// `tags` with where each is listed: in a project report, its section (`#tag-phishing`);
    /// none for "+N more", and none on a page listing rows across projects.
    public var tagLinks: [TagLink]
    public var firstSeen: String?
    public var lastSeen: String?
    public var comment: String?
    /// Provenance; only ever set for internal output (the public view has none).
    public var source: String?
    /// Internal output marks indicators that public output leaves out.
    public var isPrivate: Bool
    /// Other projects of the same audience that record the same indicator.
    public var alsoSeenIn: [ProjectLink]
    /// The project the row belongs to, on pages that list indicators across projects.
    public var project: ProjectLink?
    /// The row as the page's format renders it, when rendered once for all the tables showing it.
    public var rendered: String?
}

/// A tag as a row shows it, and where the indicators of that tag are listed.
public struct TagLink: Sendable, Hashable, Encodable {
    public var name: String
    public var href: String?
    /// `Tag.key` of the tag; nil for "+N more".
    var key: String?

    private enum CodingKeys: String, CodingKey { case name, href }

    public init(name: String, href: String?) {
        self.name = name
        self.href = href
    }

    init(name: String, href: String?, key: String?) {
        self.init(name: name, href: href)
        self.key = key
    }
}

/// A reference to a project, with a link when the page is part of a site.
public struct ProjectLink: Sendable, Hashable, Encodable {
    public var slug: String
    public var title: String
    public var href: String?
    /// In "also seen in": how that project classifies the indicator, when not as the row does
    /// (the key, as `IndicatorRow.classification`, and its label). Named apart from the row's
    /// own: Mustache looks a name missing here up in the row.
    public var otherClassification: String? = nil
    public var otherClassificationLabel: String? = nil
    /// In an internal output's "also seen in": that project is private, or records the
    /// indicator private (named apart from the row's `isPrivate`, as the classification is).
    public var isPrivateThere = false
    /// What is private there, as a badge after the project's title says it: `private project`,
    /// or `private there` for an indicator a public project keeps private (a bare "private"
    /// after a title reads as the project's). Nil when nothing is.
    public var privateLabel: String? = nil
}

extension ProjectLink {
    init(slug: String, title: String, href: String?, classifiedOtherwise: Classification?, privateProject: Bool, privateIndicator: Bool) {
        self.init(slug: slug, title: title, href: href, otherClassification: classifiedOtherwise?.rawValue,
            otherClassificationLabel: classifiedOtherwise?.label, isPrivateThere: privateProject || privateIndicator,
            privateLabel: privateProject ? "private project" : privateIndicator ? "private there" : nil)
    }
}

/// A titled list of rows: one classification or one tag.
public struct IndicatorGroup: Sendable, Hashable, Encodable {
    public var key: String
    public var title: String
    public var description: String?
    /// `id` of the section, for the table of contents and links.
    public var anchor: String
    public var rows: [IndicatorRow]
    /// For classification groups: the CSS class and colour key.
    public var classification: String?
    /// In a site: the page listing the group's tag or classification across every project.
    public var acrossHref: String? = nil
    /// A private tag's group (in an internal report): public output drops the tag.
    public var isPrivate = false
    /// The rows' `rendered` texts, one per line: the table's body, so that the
    /// page template does not visit a million rows one variable lookup at a time.
    public var renderedRows: String? = nil
    /// Rows left out of the table (`cut(to:rest:)`), and where they are shown.
    public var hidden = 0
    public var restHref: String? = nil
    public var count: Int { rows.count + hidden }

    /// Keeps the first `limit` rows, and says where the others are (`rest`, if anywhere but the
    /// CSV export).
    mutating func cut(to limit: Int, rest: String?) {
        guard rows.count > limit else { return }
        hidden = rows.count - limit
        rows.removeSubrange(limit...)
        restHref = rest
    }
}

/// One line of a count table, with the geometry of its bar in the SVG chart.
public struct CountRow: Sendable, Hashable, Encodable {
    public var key: String
    public var label: String
    public var count: Int
    /// Share of the total, in whole per cent.
    public var percent: Int
    /// The share as a report writes it: `percent`, or `<1` for a count too small to round to 1.
    public var share: String
    /// Bar length in chart units (0–100) and vertical offset of the bar.
    public var bar: Int
    public var y: Int
}

extension IndicatorRow {
    /// A row shows this many tags at most, then "+N more". An indicator with 100,000 tags is
    /// listed under each of them; showing all its tags every time would make a report's size
    /// quadratic in the number of tags (3.5 GB for 10,000). Machine exports keep every tag.
    static let tagLimit = 50

    /// A value as a report shows it: characters that display as nothing or reorder the text
    /// around them (a right-to-left override, a zero-width space, a control character) written as
    /// `<U+202E>`, so that `invoice\u{202E}fdp.exe` cannot pass for `invoiceexe.pdf`. Machine
    /// exports keep the value as it is.
    static func visible(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return value }
        var shown = ""
        for scalar in value.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .format, .control, .lineSeparator, .paragraphSeparator:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                shown += "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            default:
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    /// A value as a defanging report shows it: a network indicator as `Indicators.defang` writes
    /// it; a free-form one that is text (`other`, a user agent: `wget http://203.0.113.9/p.sh`,
    /// `... +http://evil-bot.example/bot.html`) with the addresses it writes defanged, as prose;
    /// a name (a file's, a mutex's, a path) as it is (`update.zip` is a file, not the domain).
    static func defanged(_ value: String, as type: IndicatorType) -> String {
        type == .other || type == .userAgent ? Indicators.defangText(value) : Indicators.defang(value, as: type)
    }

    /// - Parameter tag: the tag whose page lists the row, which it shows among its first
    ///   `tagLimit` tags when it has more.
    init(_ indicator: Indicator, classification: Classification, options: ReportOptions, alsoSeenIn: [ProjectLink], project: ProjectLink? = nil,
        showing tag: String? = nil) {
        value = Self.visible(options.defang ? Self.defanged(indicator.value, as: indicator.type) : indicator.value)
        type = indicator.type.rawValue
        self.classification = classification.rawValue
        classificationLabel = classification.label
        var shownTags = indicator.tags
        var more: String?
        if shownTags.count > Self.tagLimit {
            shownTags = Array(shownTags.prefix(Self.tagLimit))
            if let tag, !shownTags.contains(where: { Tag.key($0) == Tag.key(tag) }),
               let own = indicator.tags.first(where: { Tag.key($0) == Tag.key(tag) }) {
                shownTags[Self.tagLimit - 1] = own
            }
            more = "+\(indicator.tags.count - Self.tagLimit) more"
        }
        tagLinks = shownTags.map { TagLink(name: options.shown($0), href: nil, key: Tag.key($0)) }
            + (more.map { [TagLink(name: $0, href: nil, key: nil)] } ?? [])
        tags = tagLinks.map(\.name)
        firstSeen = indicator.firstSeen.map(DateSpelling.shown)
        lastSeen = indicator.lastSeen.map(DateSpelling.shown)
        comment = indicator.comment.map(options.shown)
        source = indicator.source
        isPrivate = indicator.isPrivate
        self.alsoSeenIn = alsoSeenIn
        self.project = project
    }
}

extension [CountRow] {
    /// Rows for `counts` in the given order, with bars scaled to the largest count.
    /// - Parameter partition: the counts share the total out (each indicator counted once, as by
    ///   classification), so their percentages add up to 100: rounded by largest remainder.
    init(_ counts: [(key: String, label: String, count: Int)], barHeight: Int = 26, partition: Bool = false) {
        let total = counts.reduce(0) { $0 + $1.count }
        let largest = counts.map(\.count).max() ?? 0
        let percents = partition ? Self.largestRemainder(counts.map(\.count), total: total)
            : counts.map { total == 0 ? 0 : ($0.count * 100 + total / 2) / total }
        self = counts.enumerated().map { index, entry in
            CountRow(
                key: entry.key, label: entry.label, count: entry.count, percent: percents[index],
                share: entry.count > 0 && percents[index] == 0 ? "<1" : String(percents[index]),
                bar: largest == 0 ? 0 : Swift.max(entry.count > 0 ? 1 : 0, entry.count * 100 / largest),
                y: index * barHeight)
        }
    }

    /// Whole percentages of `counts` that add up to 100 where equal counts allow: each rounded
    /// down, then the points left given to the largest remainders. Equal counts take a point all
    /// or none (a reader takes 34% beside 33% for more), and once they cannot all take one no
    /// smaller remainder does (a smaller count could show more): three equal thirds are 33% each.
    static func largestRemainder(_ counts: [Int], total: Int) -> [Int] {
        guard total > 0 else { return counts.map { _ in 0 } }
        var percents = counts.map { $0 * 100 / total }
        var left = 100 - percents.reduce(0, +)
        let equal = Dictionary(grouping: counts.indices) { counts[$0] }
        // Largest remainder first; of two equal remainders, the larger count.
        let order = equal.keys.filter { $0 * 100 % total > 0 }.sorted { a, b in
            let (ra, rb) = (a * 100 % total, b * 100 % total)
            return ra != rb ? ra > rb : a > b
        }
        for count in order {
            let tied = equal[count]!
            guard tied.count <= left else { break }
            for index in tied { percents[index] += 1 }
            left -= tied.count
        }
        return percents
    }
}
