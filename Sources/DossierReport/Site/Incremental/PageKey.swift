import DossierCore
import DossierInterop
import Foundation

/// The content hash of everything one output file shows, which decides whether an incremental
/// build may reuse it. Never a modification time: a key changes exactly when the output could.
///
/// Every key covers the tool's version, the audience and the workspace settings (title,
/// vocabulary); a page's key also every template's text, the options and the tags' page names.
/// Then, for each kind of file, what it is made of:
/// - an export: the audience-filtered project with its notes and the images they show
///   (`digests(of:root:contentHashes:)`, `whole`);
/// - a project's report: that project and its "also seen in" links (`report`), the links of its
///   prose that lead to a threat another project records (`ThreatsElsewhere`), and when its
///   prose may link to another project (`NoteLinks.mayLinkElsewhere`), the site's projects and
///   their notes (`SiteModel.linkTargets`);
/// - a tag or classification page: the page without its rows, and for each project's run of
///   rows its records (`digests(of:root:contentHashes:)`, `records`), its first indicator's place in
///   that project and its length (`listing`);
/// - the index: its whole view model (`digest(of: Encodable)`).
/// Keys of reports and listings are made from these inputs, not from the pages' view models, so
/// that a rebuild makes only the pages that changed; `IncrementalBuildTests` changes every kind of
/// input in turn and holds the result to a clean build.
struct PageKey: Sendable {
    /// What every page's key shares: the tool, the audience, the settings, the templates, the
    /// options and the tags' page names.
    let pages: String
    /// What every export's key shares: the tool, the audience and the workspace settings (title,
    /// vocabulary), hashed once for the whole build.
    let exports: String

    init(audience: Audience, templates: TemplateSet, options: ReportOptions, settings: WorkspaceSettings, tagSlugs: [String: String]) {
        let build = "dossier \(DossierVersion.current)\naudience \(audience.rawValue)\n"
            + "settings \(SHA256.hex(CanonicalJSON.workspaceFile(settings)))\n"
        var slugs = SHA256()
        for (tag, slug) in tagSlugs.sorted(by: { $0.key < $1.key }) {
            slugs.update("\(tag.utf8.count) \(slug.utf8.count)\n" + tag + slug)
        }
        pages = build + "defang \(options.defang)\nlinks \(options.linksToSite)\ntemplates \(templates.fingerprint)\n"
            + "tag pages \(slugs.finalize())\n"
        exports = build
    }

    /// The digest of a view model, to be combined with each template that renders it.
    static func digest(of model: some Encodable) -> String {
        DigestEncoder.digest(of: model)
    }

    /// The digest of what a project's report is made of: the project (`digests`, `whole`) and
    /// its correlations with other projects (`SiteModel.correlations`).
    static func report(project digest: String, correlations: (inout SHA256) -> Void) -> String {
        var hasher = SHA256()
        hasher.update("report\nproject \(digest)\n")
        correlations(&hasher)
        return hasher.finalize()
    }

    /// The digest of what a tag or classification page is made of: the page without its rows,
    /// and its rows, as each project's run of them: the digest of the project's records, the
    /// place of the run's first indicator in the project and how many rows the run has. Given
    /// the project's records (and the listing, which the page names), its rows on a listing
    /// follow one from another, each indicator once: a run's first and its length are all of
    /// them, where naming each row was most of a rebuild's listing keys (a million rows).
    static func listing(_ page: ListingPage, rows: some Sequence<SiteModel.RowPlace>, projectRecords: [String]) -> String {
        var hasher = SHA256()
        hasher.update("listing \(digest(of: page))\n")
        var run: (project: Int32, first: Int32, count: Int32)?
        var bytes: [UInt8] = []
        func end() {
            guard let run else { return }
            bytes += "project ".utf8
            bytes += projectRecords[Int(run.project)].utf8
            bytes += " from ".utf8
            appendDecimal(run.first, to: &bytes)
            bytes += " rows ".utf8
            appendDecimal(run.count, to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        for place in rows {
            if place.project == run?.project {
                run!.count += 1
            } else {
                end()
                run = (place.project, place.indicator, 1)
            }
        }
        end()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// `number` in decimal digits, as `"\(number)"` writes a non-negative one.
    static func appendDecimal(_ number: Int32, to bytes: inout [UInt8]) {
        precondition(number >= 0, "a row's place is never negative")
        var divisor: Int32 = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    func page(template: String, model digest: String) -> String {
        var hasher = SHA256()
        hasher.update(pages)
        hasher.update("page \(template)\nmodel \(digest)\n")
        return hasher.finalize()
    }

    /// What a project's files hold, hashed in two parts: `records`, the project and its
    /// indicators (what its rows on tag and classification pages show), and `whole`, those and its
    /// notes (what its reports and exports show).
    ///
    /// A project is a function of its files' bytes (and, for the public audience, of the settings,
    /// which every key covers), so each file counts by the SHA-256 of its bytes as loaded
    /// (`LoadedWorkspace.contentHashes`): nothing is written out again to be hashed. A file with no
    /// such hash counts by the model as it would be written, as every file of a public build does
    /// (its view leaves out what the file holds privately). Only the notes the audience sees count.
    struct ProjectDigests: Sendable {
        var records: String
        var whole: String
        /// The images its texts show, each content once, with the SHA-256 of its bytes: a site
        /// holds a copy of each beside the project's `report.md` (`SiteLayout.imageFile`).
        var images: [(image: NoteImages.Image, hash: String)] = []
        /// The web and mail links of its texts, which a threat another project records unlinks:
        /// what its report's key asks of the other projects (`ThreatsElsewhere`).
        var links: [CommonMark.LinkTarget] = []
    }

    /// - Parameter prose: what the project's texts look up (`ProseDestinationsCache.destinations(of:)`);
    ///   nil to find it here.
    static func digests(of project: Project, root: String, contentHashes: [String: String], prose: ProseDestinationsCache.Found? = nil) -> ProjectDigests {
        func file(_ path: String, _ model: @autoclosure () -> [UInt8]) -> String {
            contentHashes[path].map { "file \($0)" } ?? "model \(SHA256.hex(model()))"
        }
        var hasher = SHA256()
        hasher.update("slug \(project.slug.utf8.count) \(project.slug)\n")
        hasher.update("project \(file(project.projectFile, CanonicalJSON.projectFile(project)))\n")
        hasher.update("indicators \(file(project.indicatorsFile, CanonicalJSON.indicatorsFile(project)))\n")
        let records = hasher.finalize()
        hasher = SHA256()
        hasher.update("records \(records)\n")
        for note in project.notes.sorted(by: { $0.fileName < $1.fileName }) {
            hasher.update("note \(note.fileName.utf8.count) \(note.fileName) \(file(note.path, Self.noteModel(note)))\n")
        }
        let prose = prose ?? ProseDestinationsCache.found(in: ProseDestinationsCache.texts(of: project))
        let shown = Self.images(of: project, root: root, destinations: prose.images, into: &hasher)
        return ProjectDigests(records: records, whole: hasher.finalize(), images: shown, links: prose.links)
    }

    /// The images the project's notes and summary show (`NoteImages`), which are files of their
    /// own: each by its destination and the SHA-256 of its bytes, or why it is not shown. Found
    /// as the renderer finds them (`destinations`, by text: `ProseDestinationsCache`), each file
    /// hashed once. Returns the images shown, each content once, in the order first met.
    private static func images(of project: Project, root: String, destinations: [String: [String]],
        into hasher: inout SHA256) -> [(image: NoteImages.Image, hash: String)] {
        guard !destinations.isEmpty, let folder = RelativeLink.segments(of: project.folder, under: root) else { return [] }
        var hashes: [String: String] = [:]
        var shown: [(image: NoteImages.Image, hash: String)] = []
        var shownContents: Set<String> = []
        let texts = project.notes.map { ($0.fileName, folder + [ProjectFiles.notes]) } + [(ProseDestinationsCache.summaryName, folder)]
        for (name, base) in texts {
            for written in destinations[name] ?? [] {
                switch NoteImages.inspect(written, from: base, project: folder, root: root) {
                case nil:
                    hasher.update("image \(written.utf8.count) \(written) \(base.count) none\n")
                case .success(let image)?:
                    let bytes = hashes[image.file] ?? (NoteImages.bytes(of: image).map { SHA256.hex($0) } ?? "unread")
                    // One copy of each content, whatever its files (a screenshot kept twice).
                    if hashes[image.file] == nil, bytes != "unread", shownContents.insert(bytes).inserted { shown.append((image, bytes)) }
                    hashes[image.file] = bytes
                    hasher.update("image \(written.utf8.count) \(written) \(base.count) \(image.mediaType) \(bytes)\n")
                case .failure(let problem)?:
                    hasher.update("image \(written.utf8.count) \(written) \(base.count) not shown \(problem.reason)\n")
                }
            }
        }
        return shown
    }

    /// A note's fields, unambiguously, for a note with no hash of its file.
    private static func noteModel(_ note: Note) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in [note.title, note.author, note.date, note.visibility?.rawValue, note.body, note.leadingHeading] {
            bytes += Array("\(value?.utf8.count ?? -1)\n".utf8) + Array((value ?? "").utf8)
        }
        return bytes
    }

    func export(_ format: ExportFormat, project digest: String) -> String {
        var hasher = SHA256()
        hasher.update(exports)
        hasher.update("export \(format.rawValue)\nproject \(digest)\n")
        return hasher.finalize()
    }
}
