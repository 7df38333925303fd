import Foundation

/// A relative link in a note that leads to nothing in the workspace (a warning): a note renamed
/// or removed, a mistyped path, an image never added. A git host shows such a link dead, and a
/// report shows its text alone. A link is resolved as a git host resolves it (`RelativeLink`),
/// from the note's folder; one that leaves the workspace, or has a scheme, is not looked at. A
/// project's summary, which reports show, is looked at too: its links lead from the project's
/// folder, and its findings are placed at its value in project.json.
///
/// What a link leads to may be another project's file, changed since the note was: the rule
/// looks on every check and is not kept in the project cache. Only a link to nothing is looked at
/// for code around it.
///
/// The same pass warns of an image a note shows that a report cannot (`imageCode`), and of
/// a link to a heading another project's note does not have (`HeadingLinkRule` looks at those of
/// the project's own notes).
public enum BrokenLinkRule {
    public static let code = "broken-link"

    /// The findings of every project's notes, each project on its own core.
    static func findings(_ workspace: Workspace) -> [Diagnostic] {
        let projects = Dictionary(workspace.projects.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        return workspace.projects.concurrentMap { check($0, root: workspace.root, projects: projects) }.flatMap { $0 }
    }

    /// - Parameter projects: the workspace's projects by folder name, for a link to a heading of
    ///   another project's note (`HeadingLinkRule` looks at those of the project's own notes).
    static func check(_ project: Project, root: String, projects: [String: Project] = [:]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The private projects' folder names in lower case, for a link by a path of the writer's
        // computer, which may name one in another case (`Secret-Case`) on a file system that
        // ignores it; made at the first such link (most notes have none).
        var lowercasedPrivateSlugs: [String: String]?
        func privateSlug(_ segment: Substring) -> String? {
            if lowercasedPrivateSlugs == nil {
                lowercasedPrivateSlugs = Dictionary(projects.values.filter { $0.visibility == .private }.map { ($0.slug.lowercased(), $0.slug) },
                    uniquingKeysWith: { first, _ in first })
            }
            return lowercasedPrivateSlugs?[segment.lowercased()]
        }
        // Each other project's note's headings, read once, for a link naming one.
        var headings: [[String]: NoteHeadings.Lookup] = [:]
        // Every note is in the project's notes folder.
        guard let folder = RelativeLink.segments(of: project.folder, under: root) else { return [] }
        let base = folder + [ProjectFiles.notes]
        // What the images shown so far take of a report's (`NoteImages.reportBudget`): the
        // summary's first, as a report shows them.
        var shownBytes = 0
        // The summary's links lead from the project's folder; a finding is placed at the
        // summary's value in project.json.
        let summary = (text: project.summary ?? "", base: folder, path: project.projectFile)
        let notes = project.notes.map { (text: $0.body, base: base, path: $0.path) }
        for (index, text) in ([summary] + notes).enumerated() {
            // Raw HTML's links too (`<a href="...">`), which Markdown output keeps as written.
            let destinations = MarkdownLinks.destinations(in: text.text) + MarkdownLinks.htmlDestinations(in: text.text)
            guard !destinations.isEmpty else { continue }
            let note = index > 0 ? project.notes[index - 1] : nil
            // Worked out for a text with a link to nothing, or an image not shown, only.
            var code: [Range<Int>]?
            // Raw HTML's links are in its blocks: only code and comments hide them.
            var codeOutsideHTML: [Range<Int>]?
            var place: TextPlace?
            func inCode(_ destination: MarkdownLinks.Destination) -> Bool {
                if destination.isRawHTML {
                    if codeOutsideHTML == nil { codeOutsideHTML = MarkdownLinks.codeRanges(in: text.text, htmlBlocks: false) }
                    return codeOutsideHTML?.contains(where: { $0.contains(destination.offset) }) == true
                }
                if code == nil { code = MarkdownLinks.codeRanges(in: text.text) }
                return code?.contains(where: { $0.contains(destination.offset) }) == true
            }
            // What the public site shows: a public project's summary, a public note of one.
            let isPublished = project.visibility == .public && (note.map { AudienceFilter.publishes($0, of: project) } ?? true)
            func report(_ destination: MarkdownLinks.Destination, _ message: String, code findingCode: String, severity: Severity = .warning) {
                guard !inCode(destination) else { return }
                let position: SourcePosition
                if let note {
                    if place == nil { place = TextPlace(note.body) }
                    position = place!.position(at: destination.offset, bodyLine: note.bodyLine)
                } else {
                    position = project.origin?.summary ?? SourcePosition(line: 1, column: 1)
                }
                diagnostics.append(Diagnostic(severity, at: SourceLocation(path: text.path, position: position), message, code: findingCode))
            }
            for destination in destinations {
                // Named in messages as the note writes it; followed as libcmark reads it.
                let written = MarkdownLinks.withoutEscapes(destination.text)
                let read = MarkdownLinks.asRead(written)
                // A path from the root (`/acme-phish/notes/02-x.md`), which a git host reads from
                // the repository's: looked at only for a private note it names (the workspace
                // may be a folder of the repository, where the rest cannot be told).
                let rooted = read.hasPrefix("/") && !read.hasPrefix("//") ? RelativeLink.resolve(String(read.dropFirst()), from: []) : nil
                // An image no report can show wherever it is: a URL, or a file of the writer's
                // computer (which also leads to nothing for a git host).
                if destination.isImage, !destination.isRawHTML, var problem = NoteImages.placedOutsideWorkspace(read) {
                    // A path into the workspace, written from its root (its first folder is one of
                    // the workspace's): the path to write, for the project's own image; another
                    // project's is shown by no report of this one.
                    if let rooted, let first = rooted.path.first, !first.isEmpty,
                       FileManager.default.fileExists(atPath: root + "/" + first) {
                        if rooted.path.starts(with: folder), let relative = RelativeLink.relative(rooted.path, from: text.base) {
                            problem = .fromRoot(relative: relative)
                        } else {
                            problem = .outsideProject
                        }
                    }
                    report(destination, "the image \(written) is not shown in reports (HTML or Markdown), only its description: \(problem.reason)",
                        code: Self.imageCode)
                    continue
                }
                // A link to a file of the writer's computer (`file:///home/me/ws/...`, `~/cases/x.md`,
                // `C:\cases\x.md`) or from the root: a report shows only its text, but a public
                // export carries the path as written, which may name a private project's folder.
                if !destination.isImage, NoteImages.placedOutsideWorkspace(read) == .onComputer {
                    // Its folders as a file system may read them: escapes decoded, in any case.
                    let decoded = String(decoding: PercentEncoding.decodedFully(Array(read.utf8)), as: UTF8.self)
                    let segments = decoded.split { $0 == "/" || $0 == "\\" }
                    if isPublished, let named = segments.lazy.compactMap(privateSlug).first {
                        report(destination, "this public \(note == nil ? "project's summary" : "note") links to \(written), a path into the private project \(named): public exports carry the path as written; take the link out",
                            code: Self.privateNoteCode, severity: .error)
                        continue
                    }
                    // One from the root may be the repository's (`/README.md`), which a git host follows.
                    if rooted == nil, !destination.isRawHTML {
                        report(destination, "the link to \(written) is a path of the writer's computer: no reader can follow it (a report shows only its text)\(isPublished ? ", and public exports carry the path as written" : ""); link a file of the workspace by its path from this file, or take the link out",
                            code: Self.code)
                        continue
                    }
                }
                guard let (path, fragment) = RelativeLink.resolve(read, from: text.base) ?? rooted, !path.isEmpty else { continue }
                if !FileManager.default.fileExists(atPath: root + "/" + path.joined(separator: "/")) {
                    if rooted != nil { continue }
                    report(destination,
                        "the link to \(written) leads to nothing: the workspace has no \(path.joined(separator: "/")) (\(note == nil ? "" : "a git host shows the link dead, and ")a report shows only its text)",
                        code: Self.code)
                    continue
                }
                // A public project's private note, which the public site leaves out (a private
                // project's is the published-value rule's): the site shows the link's text, but
                // the destination, the note's file name, is the public text's as written, which a
                // public JSON export carries (and the site's STIX and MISP exports, a summary's).
                // An error of public output, as a private project's name is.
                if isPublished, path.count == 3, path[1] == ProjectFiles.notes, let target = path[0] == project.slug ? project : projects[path[0]],
                   target.visibility == .public, let linked = target.notes.first(where: { $0.fileName == path[2] }),
                   !AudienceFilter.publishes(linked, of: target), !linked.isWithheld {
                    // Private by its name only, the writer may not know it is.
                    let why = NoteDecoder.hidingWord(in: linked.fileName).map { " (its file name \(NoteDecoder.describe(hidingWord: $0)), which keeps it private unless its front matter says visibility: public)" } ?? ""
                    report(destination, note == nil
                        ? "this public project's summary links to the private note \(path.joined(separator: "/"))\(why): the public site's STIX and MISP exports carry the summary, and the note's file name with it; take the link out of the summary"
                        : "this public note links to the private note \(path.joined(separator: "/"))\(why): public exports carry the note's file name as written; link it from a private note, or make that note public (visibility: public in its front matter)",
                        code: Self.privateNoteCode, severity: .error)
                }
                if let fragment, !fragment.isEmpty, !destination.isImage, path.count == 3, path[1] == ProjectFiles.notes, path[0] != project.slug,
                          let note = projects[path[0]]?.notes.first(where: { $0.fileName == path[2] }) {
                    var lookup = headings.removeValue(forKey: path) ?? NoteHeadings.Lookup(note)
                    if !lookup.names(fragment) {
                        report(destination, HeadingLinkRule.finding(written, fragment: fragment, targets: lookup.targets, note: path.joined(separator: "/")),
                            code: HeadingLinkRule.code)
                    }
                    headings[path] = lookup
                } else if destination.isImage, let image = NoteImages.inspect(MarkdownLinks.asRead(written), from: text.base, project: folder, root: root) {
                    var problem: NoteImages.Problem?
                    switch image {
                    case .success(let image) where shownBytes + image.size > NoteImages.reportBudget: problem = .overBudget(before: shownBytes)
                    // Counted without a look for code around it (a note's code is worked out only
                    // for what is reported): an image written in code, which no report shows,
                    // only brings the warning forward.
                    case .success(let image): shownBytes += image.size
                    case .failure(let failure): problem = failure
                    }
                    if let problem {
                        report(destination, "the image \(written) is not shown in reports (HTML or Markdown), only its description: \(problem.reason)",
                            code: Self.imageCode)
                    }
                }
            }
        }
        return diagnostics
    }

    /// A public text's link to a private note of a public project: an error of public output
    /// only (an internal output holds the note).
    public static let privateNoteCode = "link-to-private-note"

    /// An image a note shows that a report cannot show (`NoteImages`): another project's,
    /// too large, past the report's 25 MB, or of a kind a report does not show.
    public static let imageCode = "image-not-shown"
}
