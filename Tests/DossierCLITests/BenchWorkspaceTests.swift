import DossierTestSupport
import Foundation
import Testing

/// The benchmark measures dossier on a workspace its generator writes (Sources/dossier-bench); the
/// README says that workspace passes `check` (public outputs' rules included) and `fmt --check`, so
/// that every step times the work of a clean workspace rather than of reporting errors.
@Suite("Benchmark workspace")
struct BenchWorkspaceTests {
    /// `dossier-bench`, built beside `dossier`.
    static var executable: String {
        (CLI.executable as NSString).deletingLastPathComponent + "/dossier-bench"
    }

    @Test("a generated workspace passes check, public rules included, and is canonical")
    func generatedWorkspaceIsClean() throws {
        let folder = try TemporaryCopy()
        // Enough projects and notes that some public projects have private notes after public ones.
        let generated = try ProcessRunner.run(Self.executable, ["generate", folder.root, "--projects", "30", "--indicators", "40"])
        #expect(generated.status == 0, "\(generated.stderr)")

        let check = try CLI.run(["check"], in: folder.root)
        #expect(check.status == 0, "\(check.stderr.split(separator: "\n").prefix(5).joined(separator: "\n"))")
        #expect(!check.stderr.contains("error:") && !check.stderr.contains("warning:"), "\(check.stderr.prefix(2_000))")

        let format = try CLI.run(["fmt", "--check"], in: folder.root)
        #expect(format.status == 0, "\(format.stderr.prefix(2_000))")

        // The public build is the step that enforces the public rules by refusing to write.
        let build = try CLI.run(["build", "--out", folder.path("site")], in: folder.root)
        #expect(build.status == 0, "\(build.stderr.prefix(2_000))")
    }
}
