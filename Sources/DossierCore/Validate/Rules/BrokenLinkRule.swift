import Foundation

/// A relative link in a note that leads to nothing in the workspace (a warning): a note renamed
/// or removed, a mistyped path, an image never added. A git host shows such a link dead, and a
/// report shows its text alone. A link is resolved as a git host resolves it (`RelativeLink`),
/// from the note's folder; one that leaves the workspace, or has a scheme, is not looked at.
///
/// What a link leads to may be another project's file, changed since the note was: the rule
/// looks on every check and is not kept in the project cache. Only a link to nothing is looked at
/// for code around it.
public enum BrokenLinkRule {
    public static let code = "broken-link"

    /// The findings of every project's notes, each project on its own core.
    static func findings(_ workspace: Workspace) -> [Diagnostic] {
        workspace.projects.concurrentMap { check($0, root: workspace.root) }.flatMap { $0 }
    }

    static func check(_ project: Project, root: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Every note is in the project's notes folder.
        guard let base = RelativeLink.segments(of: project.folder + "/" + ProjectFiles.notes, under: root) else { return [] }
        for note in project.notes {
            let destinations = MarkdownLinks.destinations(in: note.body)
            guard !destinations.isEmpty else { continue }
            // Worked out for a note with a link to nothing only.
            var code: [Range<Int>]?
            var place: TextPlace?
            for destination in destinations {
                let written = MarkdownLinks.withoutEscapes(destination.text)
                guard let (path, _) = RelativeLink.resolve(written, from: base), !path.isEmpty,
                      !FileManager.default.fileExists(atPath: root + "/" + path.joined(separator: "/"))
                else { continue }
                if code == nil { code = MarkdownLinks.codeRanges(in: note.body) }
                guard code?.contains(where: { $0.contains(destination.offset) }) == false else { continue }
                let shown = path.joined(separator: "/")
                if place == nil { place = TextPlace(note.body) }
                diagnostics.append(.warning(at: SourceLocation(path: note.path, position: place!.position(at: destination.offset, bodyLine: note.bodyLine)),
                    "the link to \(written) leads to nothing: the workspace has no \(shown) (a git host shows the link dead, and a report shows only its text)",
                    code: Self.code))
            }
        }
        return diagnostics
    }
}
