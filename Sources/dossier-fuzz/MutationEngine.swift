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
        let corpus = Seeds.corpus(for: target).map { Array($0.prefix(options.maximumLength)) }
        let tokens = Tokens.all(for: target).map { Array($0.utf8) }
        var random = SplitMix64(seed: options.seed)
        let started = Date()
        var runs = 0
        func timeLeft() -> Bool { options.seconds <= 0 || Date().timeIntervalSince(started) < options.seconds }
        for seed in corpus where timeLeft() {
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

/// Byte-level mutations of corpus entries.
struct Mutator {
    let corpus: [[UInt8]]
    let tokens: [[UInt8]]
    let maximumLength: Int

    mutating func mutant(_ random: inout SplitMix64) -> [UInt8] {
        var bytes = corpus[random.below(corpus.count)]
        for _ in 0...random.below(4) { mutate(&bytes, &random) }
        return Array(bytes.prefix(maximumLength))
    }

    func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        let interesting: [UInt8] = [0x00, 0x0A, 0x0D, 0x20, 0x22, 0x2C, 0x2E, 0x3A, 0x5B, 0x5C, 0x7B, 0x7F, 0x80, 0xC0, 0xED, 0xFF]
        let at = random.below(bytes.count + 1)
        switch random.below(10) {
        case 0 where !bytes.isEmpty:
            bytes[at % bytes.count] ^= UInt8(1) << UInt8(random.below(8))
        case 1 where !bytes.isEmpty:
            bytes[at % bytes.count] = random.below(2) == 0 ? interesting[random.below(interesting.count)] : UInt8(random.below(256))
        case 2:
            bytes.insert(contentsOf: (0...random.below(8)).map { _ in UInt8(random.below(256)) }, at: at)
        case 3 where !bytes.isEmpty:
            let end = min(bytes.count, at + 1 + random.below(random.below(2) == 0 ? 8 : 512))
            bytes.removeSubrange(min(at, bytes.count - 1)..<end)
        case 4 where !bytes.isEmpty:
            let start = random.below(bytes.count)
            let copy = bytes[start..<min(bytes.count, start + 1 + random.below(256))]
            bytes.insert(contentsOf: copy, at: at)
        case 5:
            let other = corpus[random.below(corpus.count)]
            let cut = random.below(other.count + 1)
            bytes = Array(bytes[..<at]) + other[cut...]
        case 6, 7:
            bytes.insert(contentsOf: tokens[random.below(tokens.count)], at: at)
        case 8 where !bytes.isEmpty:
            let end = min(bytes.count, at + random.below(16))
            bytes.replaceSubrange(min(at, bytes.count)..<end, with: tokens[random.below(tokens.count)])
        case 9:
            // Many copies of one token: deep nesting, long runs, hostile sizes.
            let token = tokens[random.below(tokens.count)]
            let count = [10, 100, 300, 1_000, 5_000][random.below(5)]
            let block = Array([[UInt8]](repeating: token, count: count).joined())
            bytes.insert(contentsOf: block.prefix(max(0, maximumLength - bytes.count)), at: at)
        default:
            bytes.insert(interesting[random.below(interesting.count)], at: at)
        }
    }
}

/// SplitMix64: small, fast, and the same sequence for the same seed on every platform.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (0 when bound is 0).
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
}
