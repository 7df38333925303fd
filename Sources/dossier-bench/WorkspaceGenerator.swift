import DossierCore
import Foundation

/// Writes a synthetic workspace of a given shape: `dossier.json` with the starter vocabulary, then
/// every project (in parallel), each file in the canonical form `dossier fmt` writes, then the marker.
enum WorkspaceGenerator {
    struct Summary {
        var files: Int
        var bytes: Int
        var indicators: Int
        var notes: Int
        var seconds: Double
    }

    static func generate(_ shape: WorkspaceShape, into folder: String) throws(BenchError) -> Summary {
        let started = Clock.now()
        let root = FileOutput.absolute(folder)
        try FileOutput.makeFolder(root)
        let settings = WorkspaceSettings(title: "Synthetic benchmark workspace", vocabulary: .starter)
        let settingsBytes = CanonicalJSON.workspaceFile(settings)
        try FileOutput.write(settingsBytes, to: root + "/" + ProjectFiles.workspace)
        let generator = ProjectGenerator(shape: shape, root: root)
        let written = Array(0..<shape.projects).concurrentMap { index -> Result<Int, BenchError> in
            do throws(BenchError) {
                return .success(try write(generator.make(index)))
            } catch {
                return .failure(error)
            }
        }
        var bytes = settingsBytes.count
        for result in written {
            switch result {
            case .success(let count): bytes += count
            case .failure(let error): throw error
            }
        }
        try FileOutput.write(shape.marker, to: root + "/" + WorkspaceShape.markerName)
        return Summary(
            files: 1 + shape.projects * (2 + shape.notes), bytes: bytes, indicators: shape.projects * shape.indicators,
            notes: shape.projects * shape.notes, seconds: Clock.now() - started)
    }

    /// Writes one project's files and returns how many bytes they hold.
    private static func write(_ generated: GeneratedProject) throws(BenchError) -> Int {
        let project = generated.project
        try FileOutput.makeFolder(project.notesFolder)
        let projectBytes = CanonicalJSON.projectFile(project)
        let indicatorBytes = CanonicalJSON.indicatorsFile(project)
        try FileOutput.write(projectBytes, to: project.projectFile)
        try FileOutput.write(indicatorBytes, to: project.indicatorsFile)
        var bytes = projectBytes.count + indicatorBytes.count
        for note in generated.notes {
            try FileOutput.write(note.text, to: project.notesFolder + "/" + note.name)
            bytes += note.text.utf8.count
        }
        return bytes
    }
}
