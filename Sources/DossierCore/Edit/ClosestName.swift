/// "Did you mean ...?": the name closest to a mistyped one.
public enum ClosestName {
    /// The candidate with the smallest edit distance to `name` (case-insensitive), if it is close
    /// enough to be a typo (at most a third of the name's length, at least 2 edits allowed); a
    /// candidate that contains `name` or is contained in it also counts (`payroll` → `acme-payroll-phish`).
    public static func find(_ name: String, in candidates: [String]) -> String? {
        let target = Array(name.lowercased().unicodeScalars)
        guard !target.isEmpty else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let lowered = candidate.lowercased()
            let distance = editDistance(target, Array(lowered.unicodeScalars))
            let limit = max(2, target.count / 3)
            let isPart = target.count >= 3 && (lowered.contains(name.lowercased()) || name.lowercased().contains(lowered))
            guard distance <= limit || isPart else { continue }
            // A containing name ranks after any real typo match.
            let score = distance <= limit ? distance : limit + 1 + distance
            if best == nil || score < best?.distance ?? Int.max { best = (candidate, score) }
        }
        return best?.name
    }

    /// Levenshtein distance, two rows.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
