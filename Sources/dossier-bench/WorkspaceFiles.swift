import DossierCore
import Foundation

/// The files of a workspace that the floor and the in-process measurements read: every project's
/// `indicators.json` and `notes/*.md`, in a stable order.
struct WorkspaceFiles {
    var projects: [String] = []
    var indicators: [String] = []
    var notes: [String] = []
    let root: String

    init(root: String) {
        self.root = root
        let manager = FileManager.default
        for name in ((try? manager.contentsOfDirectory(atPath: root)) ?? []).sorted() where !name.hasPrefix(".") {
            let folder = root + "/" + name
            guard manager.fileExists(atPath: folder + "/" + ProjectFiles.project) else { continue }
            projects.append(folder)
            let indicatorsFile = folder + "/" + ProjectFiles.indicators
            if manager.fileExists(atPath: indicatorsFile) { indicators.append(indicatorsFile) }
            let notesFolder = folder + "/" + ProjectFiles.notes
            for note in ((try? manager.contentsOfDirectory(atPath: notesFolder)) ?? []).sorted()
            where note.hasSuffix(".md") && !note.hasPrefix(".") {
                notes.append(notesFolder + "/" + note)
            }
        }
    }

    /// Every file dossier reads to load the workspace: `dossier.json`, and each project's
    /// `project.json`, `indicators.json` and notes.
    var everyFile: [String] {
        [root + "/" + ProjectFiles.workspace] + projects.map { $0 + "/" + ProjectFiles.project } + indicators + notes
    }

    /// Reads every file once, so that each timed step (dossier's first included) finds the
    /// workspace in the page cache, as the floor and the peer do: a step should not pay for the
    /// disk because it runs first.
    func warmPageCache() {
        for path in everyFile {
            _ = FileManager.default.contents(atPath: path)
        }
    }
}
