import DossierTestSupport
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
