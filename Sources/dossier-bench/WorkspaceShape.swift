/// The size and seed of a synthetic workspace: everything the generator's output depends on.
struct WorkspaceShape: Sendable, Equatable {
    var projects: Int
    var indicators: Int
    var notes: Int
    var seed: UInt64

    /// Indicators per project recorded in other projects too (about a tenth).
    var sharedPerProject: Int { projects > 1 ? indicators / 10 : 0 }

    /// Groups of three projects share each shared value; this many groups per shared slot.
    var sharedGroups: Int { (projects + 2) / 3 }

    var description: String {
        "projects=\(projects) indicators=\(indicators) notes=\(notes) seed=\(seed)"
    }

    /// The marker file written last into a generated workspace, so `run --keep` can tell a complete
    /// workspace of the same shape from a partial or different one.
    static let markerName = ".dossier-bench"
    /// Raised whenever the generator's output changes, so a kept workspace is made again.
    static let generatorVersion = 1
    var marker: String { "dossier-bench workspace, generator \(Self.generatorVersion): \(description)\n" }

    /// The two words naming project `index` (its folder and its title).
    func name(_ index: Int) -> (adjective: String, noun: String) {
        var random = SeededRandom(seed: seed, stream: 1, index: index)
        return (random.pick(Words.adjectives), random.pick(Words.nouns))
    }

    func slug(_ index: Int) -> String {
        let (adjective, noun) = name(index)
        return "case-\(Text.padded(index + 1, 4))-\(adjective)-\(noun)"
    }

    /// The shared value recorded in slot `slot` of project `project`. Slot `slot` permutes the projects
    /// by a stride coprime with their count and groups them by three, so each project shares values
    /// with many different projects, and never the same value twice.
    func sharedNumber(project: Int, slot: Int) -> Int {
        let strides = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101]
        let usable = strides.filter { gcd($0, projects) == 1 }
        let stride = usable.isEmpty ? 1 : usable[slot % usable.count]
        let position = (project * stride + slot) % projects
        return slot * sharedGroups + position / 3
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
