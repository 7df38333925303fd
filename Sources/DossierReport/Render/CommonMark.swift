import CCmark
import DossierCore

/// Every call into libcmark that renders a note (its headings' ids are DossierCore's
/// `NoteHeadings`, read from the same parse). Notes are parsed once into a tree, cleaned of what
/// must never reach a reader (raw HTML, script-capable links and images), then rendered as HTML
/// or CommonMark. cmark's safe defaults stay on as a second guard.
public enum CommonMark {
    /// How a report shows the network indicators of its prose.
    public struct Defanging: Sendable {
        /// True when a link to this URL or e-mail address (normal form, type) leads to a threat
        /// the project records: such a link is no link.
        var leadsToThreat: @Sendable (String, IndicatorType) -> Bool

        public init(leadsToThreat: @escaping @Sendable (String, IndicatorType) -> Bool = { _, _ in false }) {
            self.leadsToThreat = leadsToThreat
        }

        /// Defanging for the prose of `project`, whose indicators classified other than
        /// non-malicious are threats (`LinkDestinations`). They are filed on
        /// the first link asked about: most prose has none.
        ///
        /// - Parameter elsewhere: whether a link leads to a threat another project of the report's
        ///   workspace records (`ThreatsElsewhere`): a reader follows a note's link to a kit no
        ///   less for its being another team's find.
        public init(for project: Project, vocabulary: Vocabulary, elsewhere: @escaping @Sendable (String, IndicatorType) -> Bool = { _, _ in false }) {
            let threats = LazyThreats(project.indicators, vocabulary: vocabulary)
            leadsToThreat = { value, type in threats.destinations.reached(byLinkTo: value, type: type) || elsewhere(value, type) }
        }
    }

    /// A project's threats as links reach them, filed when first asked for.
    private final class LazyThreats: @unchecked Sendable {
        private let indicators: [Indicator]
        private let vocabulary: Vocabulary
        private let lock = NSLock()
        private var filed: LinkDestinations?

        init(_ indicators: [Indicator], vocabulary: Vocabulary) {
            self.indicators = indicators
            self.vocabulary = vocabulary
        }

        var destinations: LinkDestinations {
            lock.lock()
            defer { lock.unlock() }
            if let filed { return filed }
            // What the tags imply, worked out once per list of tags: a project's indicators
            // share a few hundred.
            var implied: [[String]: Classification?] = [:]
            let made = LinkDestinations(indicators) { indicator in
                if let classification = indicator.classification { return classification != .nonMalicious }
                let byTags = implied[indicator.tags] ?? {
                    let found = self.vocabulary.impliedClassification(of: indicator.tags)
                    implied[indicator.tags] = found
                    return found
                }()
                return indicator.effectiveClassification(implied: byTags) != .nonMalicious
            }
            filed = made
            return made
        }
    }

    /// Where relative links (`02-follow-up.md`, `../indicators.json`, `#timeline`) lead in a
    /// report: the link a destination as written becomes in HTML and in Markdown, or nil for
    /// no link (its text stays).
    public struct RelativeLinks: Sendable {
        /// The text's own anchor in a report (`note-2`), which prefixes the ids of its headings
        /// in HTML (`note-2-timeline`), so that a link to one as a git host anchors it
        /// (`#timeline`) leads there; a Markdown report has no heading ids, and leads to the
        /// anchor. Nil: its headings get none, and such a link is no link (a summary).
        var anchor: String?
        /// The id a git host gives the text's title, when the report shows it apart (a note's
        /// leading heading): a link to it leads to the anchor.
        var title: String?
        /// The heading line the text came after, shown as its title (`Note.leadingHeading`):
        /// the text's headings are numbered after it.
        var leadingHeading: String?
        var target: @Sendable (String) -> (html: String, commonMark: String)?
        /// The text shown for a link written with none (`[](02-follow-up.md)`, which a git host
        /// shows as the path): what it leads to (the note's or the project's title), else nil
        /// for the destination as written.
        var name: @Sendable (String) -> String? = { _ in nil }
        /// How an image's destination as written is shown (`NoteImages`); nil for an image shown
        /// as its description.
        var image: @Sendable (String) -> ShownImage?

        public init(anchor: String?, title: String? = nil, target: @escaping @Sendable (String) -> (html: String, commonMark: String)?,
            image: @escaping @Sendable (String) -> ShownImage? = { _ in nil }) {
            self.anchor = anchor
            self.title = title
            self.target = target
            self.image = image
        }
    }

    /// An image a report shows: in HTML from a `data:` URL, the report holding it; in Markdown
    /// from where `markdown` says, or as its description when nil.
    public struct ShownImage: Sendable {
        var html: String
        var markdown: String?

        public init(html: String, markdown: String?) {
            self.html = html
            self.markdown = markdown
        }
    }

    /// What a Markdown report makes of a link or image that cleaning marked (by number): a
    /// destination to set, or, for an image, the text it is shown as.
    private enum MarkdownTarget {
        case destination(String)
        case text(String)
    }

    /// Note Markdown as an HTML fragment; its network indicators defanged when `defanging` is given.
    public static func html(_ markdown: String, defanging: Defanging? = nil) -> String {
        rendered(markdown, defanging: defanging).html
    }

    /// Note Markdown as cleaned CommonMark, for Markdown reports.
    public static func commonMark(_ markdown: String, defanging: Defanging? = nil) -> String {
        rendered(markdown, defanging: defanging).commonMark
    }

    /// Note Markdown as both an HTML fragment and cleaned CommonMark, from one parse (a report
    /// shows every note in both). A note with pipe tables, which libcmark does not know, is
    /// rendered in parts (`PipeTables`), each parsed once for both: tables as tables.
    /// - Parameter links: where its relative links lead; nil to keep them as written.
    public static func rendered(_ markdown: String, defanging: Defanging? = nil, links: RelativeLinks? = nil) -> (html: String, commonMark: String) {
        rendered(markdown, defanging: defanging, links: links, findsOnly: false)
    }

    /// - Parameter findsOnly: only clean it, for what cleaning asks of `defanging` and `links`
    ///   (`destinations(in:)`): nothing is rendered.
    private static func rendered(_ markdown: String, defanging: Defanging?, links: RelativeLinks?, findsOnly: Bool) -> (html: String, commonMark: String) {
        let written = markdown
        let protected = AddressMarkup.protected(markdown)
        let markdown = protected ?? markdown
        guard let document = CommonMarkTree.parse(markdown) else { return ("", "") }
        defer { cmark_node_free(document) }
        // The ids of its headings, worked out from the text as written (before any defanging),
        // as a git host does: only when links may lead to them, and from this parse unless its
        // addresses were protected. A heading with none gets none.
        let headings = links?.anchor == nil ? [] : protected == nil ? NoteHeadings.ids(in: document, after: links?.leadingHeading)
            : NoteHeadings.ids(of: written, after: links?.leadingHeading)
        let cleaning = Cleaning(defanging: defanging, links: links, headings: Set(headings.filter { !$0.isEmpty }), restoresAddresses: protected != nil,
            findsOnly: findsOnly)
        // Read before cleaning: the layout needs the blocks' source lines as parsed.
        let parts: (html: String, commonMark: String)
        if let layout = tableLayout(of: document, markdown) {
            parts = renderedParts(layout, cleaning)
        } else {
            let markdownLinks = clean(document, cleaning)
            if findsOnly { return ("", "") }
            let html = text(cmark_render_html(document, CMARK_OPT_DEFAULT))
            useMarkdownDestinations(document, markdownLinks)
            parts = (html, text(cmark_render_commonmark(document, CMARK_OPT_DEFAULT, 0)))
        }
        var html = ShownCodePoints.shown(in: parts.html, html: true)
        if let anchor = links?.anchor, !headings.isEmpty { html = withHeadingIDs(html, headings.map { "\(anchor)-\($0)" }) }
        // After the code points are shown: the isolates are dossier's, not the note's.
        if defanging != nil, DefangedIsolation.holdsRightToLeft(markdown.utf8) { html = DefangedIsolation.isolatingText(ofHTML: html) }
        return (html, ShownCodePoints.shown(in: parts.commonMark, html: false))
    }

    /// False for a text that can neither show an image nor link (`destinations(in:)`).
    public static func mayLookUp(_ markdown: String) -> Bool {
        ["![", "](", "]:", "<"].contains { ByteSearch.contains($0, in: markdown) }
    }

    /// A web or mail link's destination as a report weighs it (`Defanging.leadsToThreat`): the URL
    /// or e-mail address in normal form, and its type.
    public struct LinkTarget: Sendable, Hashable {
        public var value: String
        public var type: IndicatorType
    }

    /// What a report looks up to show `markdown`, found by rendering it as a report does (its
    /// tables in parts, their cells apart, since a table cell can show an image or a link the whole
    /// note, parsed at once, does not): the destinations of the images it shows, in the order a
    /// report asks for them (`RelativeLinks.image`), and the web and mail links whose destination
    /// decides whether they stay links (`Defanging.leadsToThreat`), each once. Every syntax of an
    /// image starts `![`, and of a link has `](`, `]:` or `<`: a text with none is not rendered.
    public static func destinations(in markdown: String) -> (images: [String], links: [LinkTarget]) {
        guard mayLookUp(markdown) else { return ([], []) }
        final class Asked: @unchecked Sendable {
            private let lock = NSLock()
            private(set) var images: [String] = []
            private(set) var links: [LinkTarget] = []
            private var seen: Set<LinkTarget> = []
            func image(_ destination: String) {
                lock.lock()
                defer { lock.unlock() }
                images.append(destination)
            }
            func link(_ target: LinkTarget) {
                lock.lock()
                defer { lock.unlock() }
                if seen.insert(target).inserted { links.append(target) }
            }
        }
        let asked = Asked()
        let defanging = Defanging { value, type in
            asked.link(LinkTarget(value: value, type: type))
            return false
        }
        _ = rendered(markdown, defanging: defanging, links: RelativeLinks(anchor: nil, target: { _ in nil }) { destination in
            asked.image(destination)
            return nil
        }, findsOnly: true)
        return (asked.images, asked.links)
    }

    /// A note cut into its tables and the Markdown around them, with its link reference
    /// definitions; nil when it has no table.
    private struct TableLayout {
        var parts: [PipeTables.Part]
        var definitions: String
    }

    /// Where `document`, libcmark's reading of `markdown`, leaves room for tables: its top-level
    /// paragraphs. Lines no top-level block covers, and not blank, are link reference definitions
    /// (libcmark keeps no node of them).
    private static func tableLayout(of document: OpaquePointer, _ markdown: String) -> TableLayout? {
        guard markdown.containsByte(UInt8(ascii: "|")) else { return nil }
        // Lines as libcmark counts them: at each line feed, a carriage return before it dropped
        // (split by bytes: "\r\n" is one character of a string, and a string made scalar by
        // scalar cost more than libcmark's whole reading of the note).
        let lines = Array(markdown.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        var paragraphs: [ClosedRange<Int>] = []
        var covered = [Bool](repeating: false, count: lines.count)
        var child = cmark_node_first_child(document)
        while let node = child {
            if let span = CommonMarkTree.lines(of: node), span.lowerBound < lines.count {
                let (first, last) = (span.lowerBound, min(span.upperBound, lines.count - 1))
                for line in first...last { covered[line] = true }
                if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH { paragraphs.append(first...last) }
            }
            child = cmark_node_next(node)
        }
        guard let parts = PipeTables.parts(of: lines, paragraphs: paragraphs) else { return nil }
        let definitions = lines.indices.filter { !covered[$0] && !lines[$0].allSatisfy(\.isWhitespace) }.map { lines[$0] }
        return TableLayout(parts: parts, definitions: definitions.joined(separator: "\n"))
    }

    /// The parts of a note with tables, as HTML and as CommonMark.
    private static func renderedParts(_ layout: TableLayout, _ cleaning: Cleaning) -> (html: String, commonMark: String) {
        var html = "", commonMark: [String] = []
        for part in layout.parts {
            switch part {
            case .markdown(let markdown):
                guard let (document, markdownLinks) = prepared(markdown + "\n\n" + layout.definitions, cleaning) else { continue }
                defer { cmark_node_free(document) }
                if cleaning.findsOnly { continue }
                html += text(cmark_render_html(document, CMARK_OPT_DEFAULT))
                useMarkdownDestinations(document, markdownLinks)
                commonMark.append(text(cmark_render_commonmark(document, CMARK_OPT_DEFAULT, 0)))
            case .table(let table):
                let cells = inlineCells(table.header + table.rows.joined(), definitions: layout.definitions, cleaning)
                html += PipeTables.html(table, cells: cells.map(\.html))
                commonMark.append(PipeTables.markdown(table, cells: cells.map(\.commonMark)))
            }
        }
        return (html, commonMark.joined(separator: "\n"))
    }

    /// Table cells' Markdown rendered inline, as HTML and as CommonMark: what a paragraph of each
    /// holds, never a block (a cell starting `# ` or `1. ` is text, as on GitHub). One parse for
    /// all the cells of a table, each its own paragraph, with the note's link definitions.
    private static func inlineCells(_ cells: [String], definitions: String, _ cleaning: Cleaning) -> [(html: String, commonMark: String)] {
        // After a no-break space nothing starts a block, emphasis opens as at a line's start, and
        // no cell is blank: each cell is exactly one paragraph.
        let lead = "\u{A0}"
        let markdown = cells.map { lead + $0 }.joined(separator: "\n\n") + "\n\n" + definitions
        // Never short: a cell is one paragraph, but a table must not lose a column if not.
        let asText = cells.map { cell in
            let shown = cleaning.defanging == nil ? AddressMarkup.restored(cell) : Indicators.defangText(AddressMarkup.restored(cell))
            return (html: HTMLContentType.escapedMarkup(shown), commonMark: MarkdownContentType.escape(shown))
        }
        guard let (document, markdownLinks) = prepared(markdown, cleaning) else { return asText }
        defer { cmark_node_free(document) }
        if cleaning.findsOnly { return asText }
        var paragraphs: [OpaquePointer] = []
        var paragraph = cmark_node_first_child(document)
        while let node = paragraph {
            if let first = cmark_node_first_child(node), cmark_node_get_type(first) == CMARK_NODE_TEXT {
                let literal = cmark_node_get_literal(first).map { String(cString: $0) } ?? ""
                cmark_node_set_literal(first, String(literal.dropFirst(literal.hasPrefix(lead) ? 1 : 0)))
            }
            paragraphs.append(node)
            paragraph = cmark_node_next(node)
        }
        // Every cell as HTML, then, its links led where a Markdown report has them, as CommonMark.
        let html = paragraphs.map { node in
            var html = text(cmark_render_html(node, CMARK_OPT_DEFAULT))
            if html.hasPrefix("<p>") { html.removeFirst(3) }
            if html.hasSuffix("</p>\n") { html.removeLast(5) }
            return html
        }
        useMarkdownDestinations(document, markdownLinks)
        let commonMark = paragraphs.map { node in
            var commonMark = text(cmark_render_commonmark(node, CMARK_OPT_DEFAULT, 0))
            while commonMark.hasSuffix("\n") { commonMark.removeLast() }
            return commonMark
        }
        return paragraphs.count == cells.count ? Array(zip(html, commonMark)) : asText
    }

    /// `markdown` parsed and cleaned, with the links to lead elsewhere for Markdown once it is
    /// rendered as HTML (`clean`); nil if libcmark fails.
    private static func prepared(_ markdown: String, _ cleaning: Cleaning) -> (OpaquePointer, [MarkdownTarget])? {
        guard let document = CommonMarkTree.parse(markdown) else { return nil }
        return (document, clean(document, cleaning))
    }

    /// What cleaning a parsed note does besides sanitizing it.
    private struct Cleaning {
        /// Defang with this, if any.
        var defanging: Defanging?
        /// Lead relative links there, if given.
        var links: RelativeLinks?
        /// The ids of the text's headings (`NoteHeadings`), which `#` links may lead to.
        var headings: Set<String> = []
        /// The note was parsed with its addresses' `_` and `*` swapped (`AddressMarkup`).
        var restoresAddresses: Bool
        /// Cleaned only for what cleaning asks (`destinations(in:)`): its literals are not defanged,
        /// and nothing is rendered.
        var findsOnly = false
    }

    /// Cleans `document`: its addresses restored, sanitized, its relative links led where
    /// `cleaning` says and, with a defanging, defanged. Returns the links that lead elsewhere in
    /// Markdown (`useMarkdownDestinations`, once the HTML is rendered).
    @discardableResult
    private static func clean(_ document: OpaquePointer, _ cleaning: Cleaning) -> [MarkdownTarget] {
        if cleaning.restoresAddresses { AddressMarkup.restore(document) }
        var markdownLinks: [MarkdownTarget] = []
        sanitize(document, images: cleaning.links?.image, shownAs: cleaning.defanging == nil ? { $0 } : Indicators.defangText,
            markdownLinks: &markdownLinks)
        if let links = cleaning.links { relink(document, links, headings: cleaning.headings, markdownLinks: &markdownLinks) }
        if let defanging = cleaning.defanging {
            unlinkThreats(document, defanging)
            if !cleaning.findsOnly { defangLiterals(document) }
        }
        if !cleaning.findsOnly { markTasks(document) }
        return markdownLinks
    }

    /// A list item that starts `[ ] ` or `[x] ` (GitHub's task list, an analyst's checklist:
    /// "- [x] Blocked on the proxy") starts with a ballot box instead, ☐ or ☑: CommonMark has no
    /// task lists, and a report showed the brackets (the Markdown report too, escaped).
    private static func markTasks(_ document: OpaquePointer) {
        var starts: [OpaquePointer] = []
        CommonMarkTree.forEachNode(in: document) { node, type in
            guard type == CMARK_NODE_ITEM, let paragraph = cmark_node_first_child(node), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
                  let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT
            else { return }
            starts.append(first)
        }
        for first in starts {
            // libcmark keeps `[` and `]` as text nodes of their own: the run is joined first.
            var text = cmark_node_get_literal(first).map { String(cString: $0) } ?? ""
            var joined = false
            while text.utf8.count < 4, let next = cmark_node_next(first), cmark_node_get_type(next) == CMARK_NODE_TEXT {
                text += cmark_node_get_literal(next).map { String(cString: $0) } ?? ""
                cmark_node_free(next)
                joined = true
            }
            var marked = text
            for (task, box) in [("[ ] ", "\u{2610} "), ("[x] ", "\u{2611} "), ("[X] ", "\u{2611} ")] where text.hasPrefix(task) {
                marked = box + text.dropFirst(task.count)
            }
            if joined || marked != text { cmark_node_set_literal(first, marked) }
        }
    }

    /// The text of a renderer's output, which is freed.
    private static func text(_ output: UnsafeMutablePointer<CChar>?) -> String {
        guard let output else { return "" }
        defer { free(output) }
        return String(cString: output)
    }

    /// Drops HTML comments (where writers leave remarks for each other, hidden on GitHub too),
    /// puts headings under the report's (`headingOffset`), turns the rest of raw HTML into literal code, takes the link off unsafe links, and
    /// turns images into links: a report loads nothing from outside, runs nothing and shows no
    /// remark its writer hid.
    ///
    /// An image that `images` shows stays an image, shown from its `data:` URL, and is marked
    /// with its number in `markdownLinks`, where what a Markdown report shows for it is
    /// (`useMarkdownDestinations`): its Markdown destination, else the text of its description,
    /// or `shownAs` of its destination for one with no description (the destination defanged,
    /// as the rest of the text is once this has run).
    private static func sanitize(_ document: OpaquePointer, images imageSource: (@Sendable (String) -> ShownImage?)?, shownAs: (String) -> String,
        markdownLinks: inout [MarkdownTarget]) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var replacements: [(OpaquePointer, Bool)] = []
        // Each image, and whether it lies in another's description.
        var images: [(OpaquePointer, nested: Bool)] = []
        var imageDepth = 0
        var unsafe: [OpaquePointer] = []
        var emphasisDepth = 0
        var tooDeep: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG {
                if event == CMARK_EVENT_EXIT {
                    emphasisDepth -= 1
                } else {
                    emphasisDepth += 1
                    if emphasisDepth > maximumEmphasisDepth { tooDeep.append(node) }
                }
            }
            // An image in an image's description is shown as text: it is never asked for.
            if type == CMARK_NODE_IMAGE {
                if event == CMARK_EVENT_EXIT { imageDepth -= 1 } else { imageDepth += 1 }
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_HEADING: headings.append(node)
            case CMARK_NODE_HTML_BLOCK: replacements.append((node, true))
            case CMARK_NODE_HTML_INLINE: replacements.append((node, false))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !isSafe(url) { unsafe.append(node) }
                if cmark_node_get_type(node) == CMARK_NODE_IMAGE { images.append((node, imageDepth > 1)) }
            default: break
            }
        }
        // The note's topmost heading goes right under its title, whichever level it is written
        // at: a note whose `#` heading became its title starts at `##`, which must not leave a
        // level out (an `h3` title over `h5` headings).
        let top = headings.map(cmark_node_get_heading_level).min() ?? 1
        for heading in headings {
            cmark_node_set_heading_level(heading, min(cmark_node_get_heading_level(heading) + headingOffset - (top - 1), 6))
        }
        // Emphasis nested past the bound keeps its text, not its markup: libcmark 0.30's
        // CommonMark renderer takes time quadratic in the nesting (57 s for 60,000 levels).
        for node in tooDeep {
            while let child = cmark_node_first_child(node) {
                cmark_node_insert_before(node, child)
            }
            cmark_node_free(node)
        }
        for (image, nested) in images {
            let url = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
            if !nested, !unsafe.contains(image), let shown = imageSource?(url) {
                cmark_node_set_url(image, shown.html)
                markdownLinks.append(shown.markdown.map(MarkdownTarget.destination) ?? .text(shownAs(url)))
                cmark_node_set_user_data(image, UnsafeMutableRawPointer(bitPattern: markdownLinks.count))
                continue
            }
            // Inside a link, a link of its own would nest one link in another (no HTML has
            // that): its description, or else its address, is the outer link's text.
            // A link in its description would be one within a link too: its text stays.
            for inner in Self.links(within: image) {
                while let child = cmark_node_first_child(inner) { cmark_node_insert_before(inner, child) }
                unsafe.removeAll { $0 == inner }
                cmark_node_free(inner)
            }
            if Self.liesInLink(image) {
                let hadText = cmark_node_first_child(image) != nil
                while let child = cmark_node_first_child(image) { cmark_node_insert_before(image, child) }
                // With no description, a word: its address would read as the link's own.
                if !hadText, let text = cmark_node_new(CMARK_NODE_TEXT) {
                    cmark_node_set_literal(text, "image")
                    cmark_node_insert_before(image, text)
                }
                unsafe.removeAll { $0 == image }
                cmark_node_free(image)
                continue
            }
            guard let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
            cmark_node_set_url(link, cmark_node_get_url(image))
            cmark_node_set_title(link, cmark_node_get_title(image))
            while let child = cmark_node_first_child(image) {
                cmark_node_append_child(link, child)
            }
            // With no description, the link would show nothing at all: its address is its text
            // (defanged with the rest of the text), unless it is a file of the writer's computer.
            if cmark_node_first_child(link) == nil, !url.isEmpty, NoteImages.placedOutsideWorkspace(url) != .onComputer,
               let text = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(text, url)
                cmark_node_append_child(link, text)
            }
            cmark_node_replace(image, link)
            cmark_node_free(image)
            if let at = unsafe.firstIndex(of: image) { unsafe[at] = link }
        }
        // A link to what is neither the web nor mail (`ftp://`, `file://`, `javascript:`) is no
        // link: its text stays, followed by the address as text (defanged with the rest), unless
        // it is code or data rather than a place.
        for link in unsafe {
            let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
            let hasText = cmark_node_first_child(link) != nil
            while let child = cmark_node_first_child(link) { cmark_node_insert_before(link, child) }
            let scheme = url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().prefix { $0 != ":" }
            // Nor a file of the writer's computer (`file:`, `C:\`), whose path says only where the
            // writer keeps it.
            if !["javascript", "vbscript", "data"].contains(scheme), NoteImages.placedOutsideWorkspace(url) != .onComputer, !url.isEmpty,
               let shown = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(shown, hasText ? " (" + url + ")" : url)
                cmark_node_insert_before(link, shown)
            }
            cmark_node_free(link)
        }
        // Raw HTML side by side (`</kbd><kbd>`) becomes one code span: two would be written as
        // `a``b` in Markdown, which reads as one span with other delimiters.
        var joined: Set<OpaquePointer> = []
        for (node, isBlock) in replacements where !isBlock && !joined.contains(node) {
            while let next = cmark_node_next(node), cmark_node_get_type(next) == CMARK_NODE_HTML_INLINE {
                let text = [node, next].map { cmark_node_get_literal($0).map { String(cString: $0) } ?? "" }.joined()
                cmark_node_set_literal(node, text)
                joined.insert(next)
                cmark_node_free(next)
            }
        }
        for (node, isBlock) in replacements where !joined.contains(node) {
            let literal = HTMLComments.removed(from: cmark_node_get_literal(node).map { String(cString: $0) } ?? "")
            if literal.allSatisfy(\.isWhitespace) {
                cmark_node_free(node)
                continue
            }
            guard let replacement = cmark_node_new(isBlock ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_CODE) else { continue }
            cmark_node_set_literal(replacement, literal)
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
    }

    /// Leads each relative link where `links` says (its HTML link now, its Markdown link added to
    /// `markdownLinks`, for `useMarkdownDestinations` once the HTML is rendered), or takes the link off and keeps its text
    /// (with none, what it leads to, `RelativeLinks.name`, or its destination). A link to a
    /// heading of the text itself (`#timeline`) leads to its id, `headings` (`NoteHeadings`).
    private static func relink(_ document: OpaquePointer, _ links: RelativeLinks, headings: Set<String>, markdownLinks: inout [MarkdownTarget]) {
        var relative: [OpaquePointer] = []
        CommonMarkTree.forEachNode(in: document) { node, type in
            guard type == CMARK_NODE_LINK, let url = cmark_node_get_url(node).map({ String(cString: $0) }),
                  !url.isEmpty, !hasScheme(url), !url.hasPrefix("//") else { return }
            relative.append(node)
        }
        for link in relative {
            let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
            let target: (html: String, commonMark: String)?
            if url.hasPrefix("#") {
                let heading = String(decoding: PercentEncoding.decoded(Array(url.utf8.dropFirst())), as: UTF8.self)
                target = links.anchor.flatMap { anchor in
                    headings.contains(heading) ? ("#\(anchor)-\(heading)", "#\(anchor)") : heading == links.title ? ("#\(anchor)", "#\(anchor)") : nil
                }
            } else {
                target = links.target(url)
            }
            let textless = cmark_node_first_child(link) == nil
            if let target {
                if textless, let shown = cmark_node_new(CMARK_NODE_TEXT) {
                    cmark_node_set_literal(shown, links.name(url) ?? url)
                    cmark_node_append_child(link, shown)
                }
                cmark_node_set_url(link, target.html)
                if target.commonMark != target.html {
                    // Marked by number, not kept by address: a later step may free the link (a
                    // threat's link whose text is its address drops its children, links too).
                    markdownLinks.append(.destination(target.commonMark))
                    cmark_node_set_user_data(link, UnsafeMutableRawPointer(bitPattern: markdownLinks.count))
                }
                continue
            }
            if textless, let shown = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(shown, links.name(url) ?? url)
                cmark_node_insert_before(link, shown)
            }
            while let child = cmark_node_first_child(link) { cmark_node_insert_before(link, child) }
            cmark_node_free(link)
        }
    }

    /// Sets the links of `document` that `relink` marked to their Markdown destinations
    /// (`markdownLinks`, by mark): those still in it. An image `sanitize` kept, shown from a
    /// `data:` URL in HTML, is shown from its Markdown destination (a file beside the report:
    /// a git host shows no `data:` image), or, with none, becomes its description (its
    /// destination as written, defanged with the text, when it has none), as every other
    /// image is in Markdown.
    private static func useMarkdownDestinations(_ document: OpaquePointer, _ markdownLinks: [MarkdownTarget]) {
        guard !markdownLinks.isEmpty else { return }
        var images: [(OpaquePointer, String)] = []
        CommonMarkTree.forEachNode(in: document) { node, type in
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let mark = cmark_node_get_user_data(node) else { return }
            let number = Int(bitPattern: mark)
            guard number >= 1, number <= markdownLinks.count else { return }
            switch markdownLinks[number - 1] {
            case .destination(let destination): cmark_node_set_url(node, destination)
            case .text(let text): if type == CMARK_NODE_IMAGE { images.append((node, text)) }
            }
        }
        // Once the walk is over: it must not meet a node it freed.
        for (image, written) in images {
            if cmark_node_first_child(image) == nil, let shown = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(shown, written)
                cmark_node_insert_before(image, shown)
            }
            while let child = cmark_node_first_child(image) { cmark_node_insert_before(image, child) }
            cmark_node_free(image)
        }
    }

    /// `html` with the `id` of each of its headings, in order (`<h4>` to `<h4 id="...">`); an
    /// empty id gives none. A note's own `<h` is escaped: every one is cmark's.
    private static func withHeadingIDs(_ html: String, _ ids: [String]) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + ids.count * 24)
        var next = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[i + 2]), bytes[i + 3] == UInt8(ascii: ">"), next < ids.count {
                out += bytes[i..<(i + 3)]
                if !ids[next].isEmpty { out += Array(" id=\"\(HTMLContentType.escapedMarkup(ids[next]))\"".utf8) }
                next += 1
                i += 3
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Takes the link off what would lead a reader to a threat: a link whose text is itself a
    /// network indicator (`<http://evil.example/>`, which a defanged text would make look
    /// harmless), or whose destination leads to a threat the project records (the URL, its host,
    /// a domain or block its host lies in). Its text stays, followed by the destination (defanged
    /// with the text after this) when the text does not show it. A web address no parser reads
    /// as one (`http://3325256770/`) is no link either, shown with its scheme defanged. Links to
    /// references (a vendor's write-up) stay links.
    private static func unlinkThreats(_ document: OpaquePointer, _ defanging: Defanging) {
        var links: [OpaquePointer] = []
        CommonMarkTree.forEachNode(in: document) { node, type in
            if type == CMARK_NODE_LINK { links.append(node) }
        }
        // Innermost first: a link whose text is dropped frees what it holds, and that may be a
        // link too (an image in a link, which `sanitize` made one).
        for link in links.reversed() {
            let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
            guard !url.isEmpty else { continue }
            let text = CommonMarkTree.literalText(of: link)
            // What follows the link's text: its destination, when the text does not show it.
            var target: String?
            // Whether the text is dropped for the destination (an address no parser reads).
            var replacesText = false
            if let addresses = Self.mailAddresses(url) {
                // Every address a mail client fills in (`mailto:a@x,b@y?cc=c@z`, `x%40y`).
                let shown = Indicators.extract(from: text).filter(\.type.isNetwork)
                guard !shown.isEmpty || addresses.contains(where: { defanging.leadsToThreat($0, .email) }) else { continue }
                let unshown = addresses.filter { address in !shown.contains { $0.value == address } }
                if !unshown.isEmpty { target = unshown.joined(separator: ", ") }
            } else if let destination = Self.destination(url), !Self.hasNumericHost(destination) {
                let shown = Indicators.extract(from: text).filter(\.type.isNetwork)
                // A fragment stays in the browser: the page fetched is the URL without it.
                let fetched = destination.value.split(separator: "#", maxSplits: 1).first.map(String.init) ?? destination.value
                guard !shown.isEmpty || defanging.leadsToThreat(destination.value, destination.type)
                        || (fetched != destination.value && defanging.leadsToThreat(fetched, .url)) || Self.looksLikeThreat(destination)
                else { continue }
                // A web link shows its destination as written.
                if !shown.contains(where: { $0.value == destination.value }) { target = url }
            } else if let defanged = Self.obscuredWebAddress(url) {
                // A web address that no indicator parser reads as one (its host a number,
                // `0xC6336442`, `evil%2Eexample`; no `//` after the scheme): a browser still goes
                // there, and where is anyone's guess. No link, and its scheme defanged.
                target = defanged
                replacesText = text == url
            } else {
                continue
            }
            // A link of an image alone has no text, but shows something: the target follows it.
            let showsSomething = !text.isEmpty || cmark_node_first_child(link) != nil
            while let child = cmark_node_first_child(link) {
                if replacesText { cmark_node_free(child) } else { cmark_node_insert_before(link, child) }
            }
            if let target, let shown = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(shown, !showsSomething || replacesText ? target : " (" + target + ")")
                cmark_node_insert_before(link, shown)
            }
            cmark_node_free(link)
        }
    }

    /// True for a web address no reference would have, whether or not the project records it: its
    /// host an IP address (`http://203.0.113.200/`), or a file that runs or unpacks
    /// (`.../payload.exe`, `.../kit.zip`).
    private static func looksLikeThreat(_ destination: (value: String, type: IndicatorType)) -> Bool {
        guard destination.type == .url, let host = Indicators.host(of: destination.value, type: .url) else { return false }
        if case .success = Indicators.parse(host, as: .ipv4) { return true }
        if case .success = Indicators.parse(host, as: .ipv6) { return true }
        // The path's last segment: after the host, before a query or a fragment.
        guard let scheme = destination.value.range(of: "://") else { return false }
        let rest = destination.value[scheme.upperBound...].prefix { $0 != "?" && $0 != "#" }
        guard let slash = rest.firstIndex(of: "/"), let name = rest[slash...].split(separator: "/").last,
              let dot = name.lastIndex(of: ".") else { return false }
        return payloadExtensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// What a link to a download that runs or unpacks ends in.
    private static let payloadExtensions: Set<String> = [
        "exe", "dll", "scr", "bat", "cmd", "ps1", "vbs", "vbe", "jse", "wsf", "hta", "msi", "msix", "lnk", "iso",
        "img", "vhd", "jar", "apk", "bin", "elf", "sh", "zip", "rar", "7z", "gz", "tgz", "cab", "docm", "xlsm", "pptm", "one",
    ]

    /// True for a URL whose host a browser reads as an IPv4 address though it is not written as
    /// one: its last label a number (`3325256770`, `0xC6336442`, `0300.0063.0144.0102` ends in one).
    private static func hasNumericHost(_ destination: (value: String, type: IndicatorType)) -> Bool {
        guard destination.type == .url, let host = Indicators.host(of: destination.value, type: .url),
              Indicators.detect(host) != .ipv4, !host.contains(":") else { return false }
        let last = host.split(separator: ".").last.map(String.init) ?? host
        let digits = last.hasPrefix("0x") ? last.dropFirst(2) : Substring(last)
        return last.hasPrefix("0x") ? digits.allSatisfy(\.isHexDigit) : !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }

    /// `url` with its scheme defanged (`hxxp:`, `hxxps:`, `fxp:`) when it is a web or FTP
    /// address that the indicator parser does not read as a URL (one without a scheme, `//host/`,
    /// as written: as text it leads nowhere); nil otherwise.
    private static func obscuredWebAddress(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        let lowered = trimmed.lowercased()
        if lowered.hasPrefix("//") { return trimmed }
        for (scheme, defanged) in [("https:", "hxxps:"), ("http:", "hxxp:"), ("ftp:", "fxp:")] where lowered.hasPrefix(scheme) {
            return defanged + trimmed.dropFirst(scheme.count)
        }
        return nil
    }

    /// The links within `node`'s children, innermost last.
    private static func links(within node: OpaquePointer) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            if cmark_node_get_type(current) == CMARK_NODE_LINK { found.append(current) }
            found += links(within: current)
            child = cmark_node_next(current)
        }
        return found
    }

    /// True when `node` lies within a link.
    private static func liesInLink(_ node: OpaquePointer) -> Bool {
        var parent = cmark_node_parent(node)
        while let current = parent {
            if cmark_node_get_type(current) == CMARK_NODE_LINK { return true }
            parent = cmark_node_parent(current)
        }
        return false
    }

    /// The addresses a `mailto:` link writes to (RFC 6068), in normal form: those before its
    /// query, separated by commas, and its `to`, `cc` and `bcc` fields, escapes decoded
    /// (`x%40lure.example`); nil for another link.
    private static func mailAddresses(_ url: String) -> [String]? {
        guard url.lowercased().hasPrefix("mailto:") else { return nil }
        func decoded(_ text: Substring) -> String { String(decoding: PercentEncoding.decodedFully(Array(text.utf8)), as: UTF8.self) }
        // A fragment is no part of any address.
        let rest = url.dropFirst("mailto:".count).prefix { $0 != "#" }
        let query = rest.firstIndex(of: "?")
        var lists = [decoded(rest[..<(query ?? rest.endIndex)])]
        if let query {
            for field in rest[rest.index(after: query)...].split(separator: "&") {
                let parts = field.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, ["to", "cc", "bcc"].contains(decoded(parts[0]).lowercased()) else { continue }
                lists.append(decoded(parts[1]))
            }
        }
        var addresses: [String] = []
        // Separated by commas, or semicolons as Outlook writes them; `"Name" <address>` is the address.
        for written in lists.flatMap({ $0.split(whereSeparator: { $0 == "," || $0 == ";" }) }) {
            var address = written.trimmingCharacters(in: .whitespaces)[...]
            if let open = address.lastIndex(of: "<"), let close = address.lastIndex(of: ">"), open < close {
                address = address[address.index(after: open)..<close]
            }
            if case .success(let value) = Indicators.normalize(String(address), as: .email), !addresses.contains(value) {
                addresses.append(value)
            }
        }
        return addresses
    }

    /// The indicator a link's destination is (a web or FTP URL), if any.
    private static func destination(_ url: String) -> (value: String, type: IndicatorType)? {
        let lowered = url.lowercased()
        // A link without a scheme (`//evil.example/x`) takes the page's: on the web, http(s).
        let absolute = lowered.hasPrefix("//") ? "http:" + url : url
        let scheme = lowered.hasPrefix("//") ? "http:" + lowered : lowered
        guard ["http://", "https://", "ftp://"].contains(where: scheme.hasPrefix),
              case .success(let value) = Indicators.normalize(absolute, as: .url) else { return nil }
        return (value, .url)
    }

    /// Defangs the network indicators of every text, code span and code block (logs pasted into
    /// a note are prose a reader may click or copy as much as any), and of every link's and
    /// image's title (`[write-up](https://... "http://evil.example/login")`: a tooltip in HTML,
    /// and text a mail client makes a link of once the Markdown is pasted). Adjacent texts are
    /// joined first: cmark splits a text at characters that might have been markup (`_`, `[`),
    /// and an indicator cut in two would be defanged in part or not at all.
    private static func defangLiterals(_ document: OpaquePointer) {
        var runs: [OpaquePointer] = []
        var code: [OpaquePointer] = []
        var titled: [OpaquePointer] = []
        CommonMarkTree.forEachNode(in: document) { node, type in
            switch type {
            case CMARK_NODE_TEXT:
                let previous = cmark_node_previous(node)
                if previous == nil || cmark_node_get_type(previous) != CMARK_NODE_TEXT { runs.append(node) }
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK: code.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: titled.append(node)
            default: break
            }
        }
        for node in titled {
            guard let title = cmark_node_get_title(node).map({ String(cString: $0) }), !title.isEmpty else { continue }
            let shown = Indicators.defangText(title)
            if shown != title { cmark_node_set_title(node, shown) }
        }
        for first in runs {
            var text = cmark_node_get_literal(first).map { String(cString: $0) } ?? ""
            while let next = cmark_node_next(first), cmark_node_get_type(next) == CMARK_NODE_TEXT {
                text += cmark_node_get_literal(next).map { String(cString: $0) } ?? ""
                cmark_node_free(next)
            }
            cmark_node_set_literal(first, Indicators.defangText(text))
        }
        for node in code {
            let text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let shown = Indicators.defangText(text)
            if shown != text { cmark_node_set_literal(node, shown) }
        }
    }

    /// How many levels a note's `#` headings go down: a report shows a note under its title, an
    /// `h3` (`###`), so the note's topmost heading is an `h4` and nothing in it looks like the
    /// report's own title.
    static let headingOffset: Int32 = 3

    /// Emphasis (and strong emphasis) nested deeper than this is rendered as its text.
    static let maximumEmphasisDepth = 16

    /// Links may go to the web, mail, or a place in the same page; nothing that can run code.
    static func isSafe(_ url: String) -> Bool {
        guard let scheme = RelativeLink.scheme(of: url) else { return true }
        return ["http", "https", "mailto"].contains(scheme)
    }

    /// Whether `url` starts with a scheme (`https:`, `mailto:`, `javascript:`): else it is a
    /// path, relative to the page or not.
    static func hasScheme(_ url: String) -> Bool { RelativeLink.scheme(of: url) != nil }
}

import Foundation
