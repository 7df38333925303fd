import DossierCore

/// A note (front matter and Markdown body) read by the loader, then `check` (whose note rule runs
/// the extractor on the body). Property: a note that loads keeps its body as the end of the file,
/// starting on a line of the file.
enum FrontMatterTarget {
    static func run(_ bytes: [UInt8]) {
        Scratch.write(settings: Scratch.settings, project: Scratch.project, indicators: Scratch.emptyIndicators, note: bytes)
        let loaded = WorkspaceLoader.load(root: Scratch.root)
        _ = WorkspaceChecker.check(loaded)
        guard let note = loaded.workspace.projects.first?.notes.first else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        Property.check(note.bodyLine >= 1 && note.bodyLine <= lines + 1, "body line \(note.bodyLine) of a file of \(lines) lines")
        Property.check(text.hasSuffix(note.body), "the note's body is not the end of the file")
    }
}
