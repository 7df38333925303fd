import DossierTestSupport
import Foundation

/// The built-in engine: every seed as is, then seeded byte-level mutations of the seeds (bit flips,
/// byte changes, inserts, deletes, copies of a range, splices of two seeds, dictionary tokens,
/// repeated tokens), with no coverage feedback. Deterministic: the same seed gives the same inputs.
/// It is what CI runs (a few seconds per target), and what runs when libFuzzer cannot link.
///
/// A crash or a broken property writes the input to `<artifacts>/crash-TARGET`; an input that runs
/// longer than the timeout is a hang, written to `<artifacts>/hang-TARGET`.
enum MutationEngine {
    struct Options {
        var runs = 10_000
        var seconds: Double = 0
        var seed: UInt64 = 1
        var maximumLength = 1 << 20
        var timeout: Double = 10
        var artifacts = "."
        var files: [String] = []
    }

    static func main(_ target: FuzzTarget, arguments: [String]) -> Int32 {
        var options = Options()
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            func value() -> String {
                guard let next = rest.popFirst() else { Usage.fail("\(argument) needs a value") }
                return next
            }
            switch argument {
            case "--runs": options.runs = Int(value()) ?? options.runs
            case "--seconds": options.seconds = Double(value()) ?? options.seconds
            case "--seed": options.seed = UInt64(value()) ?? options.seed
            case "--max-len": options.maximumLength = Int(value()) ?? options.maximumLength
            case "--timeout": options.timeout = Double(value()) ?? options.timeout
            case "--artifacts": options.artifacts = value()
            default:
                if argument.hasPrefix("-") { Usage.fail("unknown option \(argument) (libFuzzer flags need the scripts/fuzz build)") }
                options.files.append(argument)
            }
        }
        CrashGuard.install(target: target, artifacts: options.artifacts, timeout: options.timeout)
        if !options.files.isEmpty { return replay(target, options.files) }
        return fuzz(target, options)
    }

    /// Runs each file once (regression inputs, or what libFuzzer saved).
    static func replay(_ target: FuzzTarget, _ files: [String]) -> Int32 {
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { Usage.fail("cannot read \(file)") }
            CrashGuard.run(Array(data)) { target.run($0) }
            print("\(target.rawValue): \(file) ok")
        }
        return 0
    }

    static func fuzz(_ target: FuzzTarget, _ options: Options) -> Int32 {
        // Seeds run whole (they include the inputs that once broke a target); mutants are capped.
        let seeds = Seeds.corpus(for: target)
        let corpus = seeds.map { Array($0.prefix(options.maximumLength)) }
        let tokens = Tokens.all(for: target).map { Array($0.utf8) }
        var random = SplitMix64(seed: options.seed)
        let started = Date()
        var runs = 0
        func timeLeft() -> Bool { options.seconds <= 0 || Date().timeIntervalSince(started) < options.seconds }
        for seed in seeds {
            CrashGuard.run(seed) { target.run($0) }
            runs += 1
        }
        var mutator = Mutator(corpus: corpus, tokens: tokens, maximumLength: options.maximumLength)
        while runs < max(options.runs, corpus.count) || options.seconds > 0, timeLeft() {
            let input = mutator.mutant(&random)
            CrashGuard.run(input) { target.run($0) }
            runs += 1
        }
        let elapsed = Date().timeIntervalSince(started)
        print(String(format: "%@: %d runs in %.1f s (%.0f/s), %d seeds, seed %llu, no crash", target.rawValue, runs, elapsed,
            Double(runs) / max(elapsed, 0.001), corpus.count, options.seed))
        return 0
    }
}
