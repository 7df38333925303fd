import Foundation
import Testing

/// CI's short fuzz run (issue 7): every target of `dossier-fuzz` (Sources/dossier-fuzz) replays its
/// seed corpus, which holds every input that once broke a target (Tests/Fuzz/Corpus/TARGET/),
/// then runs the built-in seeded mutation engine for a few seconds. The long, coverage-guided runs
/// are `scripts/fuzz TARGET SECONDS` (libFuzzer).
///
/// Environment: DOSSIER_FUZZ_SECONDS (per target, default 5), DOSSIER_FUZZ_SEED (default 1).
@Suite("Fuzz smoke")
struct FuzzSmokeTests {
    static let targets = ["json", "front-matter", "indicators", "text", "csv", "misp", "stix", "passivetotal", "images"]

    /// `dossier-fuzz`, built beside `dossier`.
    static var executable: String {
        (CLI.executable as NSString).deletingLastPathComponent + "/dossier-fuzz"
    }

    @Test("each fuzz target survives its seeds and a few seconds of mutations", arguments: targets)
    func target(_ name: String) throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["DOSSIER_FUZZ_SECONDS"] ?? "5"
        let seed = environment["DOSSIER_FUZZ_SEED"] ?? "1"
        let artifacts = try TemporaryCopy()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        // Inputs up to 16 KB: a debug build is slow on larger ones, and size is the long runs' job.
        process.arguments = [name, "--seconds", seconds, "--seed", seed, "--max-len", "16384", "--timeout", "20", "--artifacts", artifacts.root]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        group.wait()
        process.waitUntilExit()
        let errors = String(decoding: errBox.data, as: UTF8.self)
        let saved = (try? FileManager.default.contentsOfDirectory(atPath: artifacts.root)) ?? []
        let inputs = saved.map { file -> String in
            let data = FileManager.default.contents(atPath: artifacts.root + "/" + file) ?? Data()
            return "\(file) (base64): \(data.base64EncodedString())"
        }
        #expect(process.terminationStatus == 0 && process.terminationReason == .exit,
            "\(name): \(errors.split(separator: "\n").prefix(12).joined(separator: "\n"))\n\(inputs.joined(separator: "\n"))")
        #expect(output.contains("no crash"), "\(output)")
        print(output.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
