import DossierCore
import Foundation

/// Where the relative links of a project's prose lead in its report (`[the follow-up](02-follow-up.md)`,
/// `[IOCs](../indicators.json)`, `[the phishing case](../../acme-phish/)`). A git host resolves
/// them from the file's folder to files of the repository, which the report and the site do
/// not hold: a note of the project becomes the report's own note (`#note-2`), the project's
/// files its sections, and, in a site, another project's folder or note that project's page.
/// What no report or page shows (an attachment, a note or project the audience does not see) is
/// no link: its text stays, so that a reader never follows a link into nothing. An image of the
/// project is shown in HTML from a `data:` URL (`NoteImages`), and in Markdown from where
/// `markdownImages` says.
struct NoteLinks {
    /// The audience-filtered workspace, and the project whose report it is.
    let workspace: Workspace
    let project: Project
    let linksToSite: Bool
    var markdownImages: ReportOptions.MarkdownImages = .none

    /// The anchor of the note at `offset` among a report's notes.
    static func noteAnchor(_ offset: Int) -> String { "note-\(offset + 1)" }

    /// The links of the note at `offset`, resolved from the notes folder. A link to its title
    /// (`#overview`, for a note whose leading heading is its title) leads to the note.
    func ofNote(at offset: Int) -> CommonMark.RelativeLinks {
        var links = links(from: folder + [ProjectFiles.notes], anchor: Self.noteAnchor(offset))
        links.title = NoteHeadings.titleID(of: project.notes[offset])
        links.leadingHeading = project.notes[offset].leadingHeading
        return links
    }

    /// The links of the project's summary, resolved from the project's folder (where
    /// `project.json` is).
    var ofSummary: CommonMark.RelativeLinks { links(from: folder, anchor: nil) }

    /// The project's folder as path segments from the workspace's root.
    private var folder: [String] {
        RelativeLink.segments(of: project.folder, under: workspace.root) ?? [project.slug]
    }

    private func links(from base: [String], anchor: String?) -> CommonMark.RelativeLinks {
        let (workspace, project, linksToSite, headings, folder, imageBudget, markdownImages) = (workspace, project, linksToSite, headings, folder, imageBudget, markdownImages)
        var links = CommonMark.RelativeLinks(anchor: anchor) { destination in
            guard let (path, heading) = RelativeLink.resolve(destination, from: base) else { return nil }
            return Self.href(of: path, heading: heading, workspace: workspace, project: project, linksToSite: linksToSite, headings: headings)
        } image: { destination in
            guard case .success(let image)? = NoteImages.inspect(destination, from: base, project: folder, root: workspace.root),
                  imageBudget.take(image.size), let bytes = NoteImages.bytes(of: image) else { return nil }
            let markdown: String? = switch markdownImages {
            case .none: nil
            case .linked(let from): SiteLayout.percentEncodedPath(Paths.relativeSegments(image.file, from: from))
            case .inSite: SiteLayout.imageFile(hash: SHA256.hex(bytes), mediaType: image.mediaType)
            }
            return CommonMark.ShownImage(html: NoteImages.dataURL(of: bytes, mediaType: image.mediaType), markdown: markdown)
        }
        links.name = { destination in
            RelativeLink.resolve(destination, from: base).flatMap { Self.name(of: $0.path, workspace: workspace, project: project) }
        }
        return links
    }

    /// What a link with no text to the workspace path `path` shows: the title of the note or the
    /// project there (`Follow-up`; `ACME phishing: Follow-up` in another project), as the
    /// audience sees it; nil for what it does not see, or no note or project (the path stays).
    static func name(of path: [String], workspace: Workspace, project: Project) -> String? {
        guard let slug = path.first else { return workspace.settings.title }
        guard let target = workspace.projects.first(where: { $0.slug == slug }) else { return nil }
        let shown: String?
        switch (path.count, path.dropFirst().first) {
        case (1, _), (2, ProjectFiles.project?): shown = nil
        case (2, ProjectFiles.indicators?): shown = "Indicators"
        case (2, ProjectFiles.notes?): shown = "Notes"
        case (3, ProjectFiles.notes?):
            guard let note = target.notes.first(where: { $0.fileName == path[2] }) else { return nil }
            shown = note.displayTitle
        default: return nil
        }
        guard let shown else { return target.title }
        return target.slug == project.slug ? shown : target.title + ": " + shown
    }

    /// What the report's images may still take (`NoteImages.reportBudget`), each time one is
    /// shown, in the order the report shows them (its summary, then its notes).
    private let imageBudget = ImageBudget()

    final class ImageBudget: @unchecked Sendable {
        private let lock = NSLock()
        private var left = NoteImages.reportBudget

        /// Whether an image of `size` bytes still fits; if so, it is counted.
        func take(_ size: Int) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            guard size <= left else { return false }
            left -= size
            return true
        }
    }

    /// The heading ids of the project's notes, each note read once however many links lead into
    /// it (a table of contents of hundreds of links into one long note).
    private let headings = HeadingIDs()

    final class HeadingIDs: @unchecked Sendable {
        private let lock = NSLock()
        private var byNote: [String: Set<String>] = [:]

        func of(_ note: Note) -> Set<String> {
            lock.lock()
            defer { lock.unlock() }
            if let known = byNote[note.fileName] { return known }
            let ids = Set(NoteHeadings.ids(of: note.body, after: note.leadingHeading).filter { !$0.isEmpty })
            byNote[note.fileName] = ids
            return ids
        }
    }

    /// Where a report of `project` links, in HTML and in Markdown, for the workspace path `path`
    /// (and a heading of the note there, as a git host anchors it: `02-follow-up.md#details`);
    /// nil when the report (or, in a site, the site) shows nothing there. A heading of a note of
    /// the project is an id of the HTML report's; a Markdown report leads to the note.
    static func href(of path: [String], heading: String? = nil, workspace: Workspace, project: Project,
        linksToSite: Bool, headings: HeadingIDs = HeadingIDs()) -> (html: String, commonMark: String)? {
        guard let slug = path.first else {
            // The workspace's own folder: the site's index.
            return linksToSite ? ("../../" + SiteLayout.indexFile, "../../" + SiteLayout.indexFile) : nil
        }
        guard let target = workspace.projects.first(where: { $0.slug == slug }) else { return nil }
        let anchor: String?
        switch (path.count, path.dropFirst().first) {
        case (1, _), (2, ProjectFiles.project?): anchor = ""
        case (2, ProjectFiles.indicators?): anchor = "by-classification"
        case (2, ProjectFiles.notes?): anchor = target.notes.isEmpty ? "" : "notes"
        case (3, ProjectFiles.notes?):
            guard let offset = target.notes.firstIndex(where: { $0.fileName == path[2] }) else { return nil }
            anchor = noteAnchor(offset)
        default: anchor = nil
        }
        guard let anchor else { return nil }
        if target.slug == project.slug {
            if path.count == 3, let heading, !heading.isEmpty, let note = target.notes.first(where: { $0.fileName == path[2] }),
               headings.of(note).contains(heading) {
                return ("#\(anchor)-\(heading)", "#" + anchor)
            }
            return ("#" + anchor, "#" + anchor)
        }
        guard linksToSite else { return nil }
        let href = SiteLayout.projectHref(from: .project, target.slug) + (anchor.isEmpty ? "" : "#" + anchor)
        return (href, href)
    }

    /// Whether the project's prose may link to another project, so that its report shows what
    /// the site holds of others (their pages, their notes): only a relative path that climbs
    /// leaves its project, `../` as written or with an escape in it, which CommonMark or the
    /// path decodes (`..\/`, `.\./`, `&#46;`, `&period;`, `&sol;`, `%2E`, `%2F`, and `&percnt;2E`,
    /// a `%` CommonMark decodes before the path is). Told by bytes, for every project of a build:
    /// an ellipsis is no climb, and the rest are rare in prose. (HTML names no other character
    /// `.`, `/` or `%`.)
    static func mayLinkElsewhere(_ project: Project) -> Bool {
        func climbs(_ text: String) -> Bool {
            ByteSearch.contains("../", in: text) || ByteSearch.contains("..\\", in: text) || ByteSearch.contains("\\.", in: text)
                || ByteSearch.contains("%2", in: text) || ByteSearch.contains("&#", in: text)
                || ByteSearch.contains("&period", in: text) || ByteSearch.contains("&sol", in: text) || ByteSearch.contains("&percnt", in: text)
        }
        return project.notes.contains { climbs($0.body) } || project.summary.map(climbs) == true
    }
}
