import Foundation

extension BenchmarkRun {
    /// The workspace to measure: `--keep DIR` reuses a complete workspace of the same shape, or
    /// generates one there; without it, a temporary one is generated and removed at the end.
    func prepareWorkspace(scratch: String) throws(BenchError) -> String {
        guard let keep else { return try generate(into: scratch + "/workspace") }
        let root = FileOutput.absolute(keep)
        let marker = root + "/" + WorkspaceShape.markerName
        if let existing = FileManager.default.contents(atPath: marker) {
            if String(decoding: existing, as: UTF8.self) == shape.marker {
                Console.note("reusing the workspace in \(root)")
                return root
            }
            Console.note("\(root) holds a workspace of another shape: generating it again")
            FileOutput.remove(root)
        } else if !FileOutput.isEmptyOrMissing(root) {
            throw BenchError("\(root) is not empty and is not a dossier-bench workspace; give an empty or new folder")
        }
        return try generate(into: root)
    }

    func generate(into root: String) throws(BenchError) -> String {
        Console.note("generating \(shape.description) into \(root)")
        let summary = try WorkspaceGenerator.generate(shape, into: root)
        Console.note(String(format: "generated %d files, %.1f MB in %.2f s", summary.files, Double(summary.bytes) / 1e6, summary.seconds))
        return root
    }
}
