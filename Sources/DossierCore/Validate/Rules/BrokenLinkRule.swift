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
        guard let base = segments(of: project.folder + "/" + ProjectFiles.notes, under: root) else { return [] }
        for note in project.notes {
            let destinations = MarkdownLinks.destinations(in: note.body)
            guard !destinations.isEmpty else { continue }
            // Worked out for a note with a link to nothing only.
            var code: [Range<Int>]?
            var place: TextPlace?
            for destination in destinations {
                let written = unescaped(destination.text)
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

    /// `folder` as path segments from `root`; nil when it is not inside it.
    static func segments(of folder: String, under root: String) -> [String]? {
        guard folder.hasPrefix(root + "/") else { return folder == root ? [] : nil }
        return folder.dropFirst(root.count + 1).split(separator: "/").map(String.init)
    }

    /// A destination as CommonMark reads it: a backslash before ASCII punctuation escapes it
    /// (`02\_follow-up.md` is `02_follow-up.md`).
    static func unescaped(_ destination: String) -> String {
        guard destination.utf8.contains(UInt8(ascii: "\\")) else { return destination }
        var out: [UInt8] = []
        var escaping = false
        for byte in destination.utf8 {
            if escaping {
                if !(0x21...0x2F).contains(byte), !(0x3A...0x40).contains(byte), !(0x5B...0x60).contains(byte), !(0x7B...0x7E).contains(byte) {
                    out.append(UInt8(ascii: "\\"))
                }
                out.append(byte)
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                out.append(byte)
            }
        }
        if escaping { out.append(UInt8(ascii: "\\")) }
        return String(decoding: out, as: UTF8.self)
    }
}
