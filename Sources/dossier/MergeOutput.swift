import DossierCore

/// How `add` and `import` show what a merge did.
enum MergeOutput {
    /// One line per indicator: added, merged (with its changes) or unchanged; in a dry run,
    /// what would be.
    static func lines(_ report: MergeReport, dryRun: Bool = false) -> [String] {
        report.added.map { "\(dryRun ? "would add" : "added") \(name($0))" }
            + report.merged.map { "\(dryRun ? "would merge" : "merged") \(name($0.key)): " + $0.changes.map(\.description).joined(separator: "; ") }
            + report.unchanged.map { "unchanged \(name($0.key)): already recorded" }
    }

    /// Conflicts (a comment or source not taken) as warnings on standard error, so that --quiet
    /// still shows them; each at the place of the input that gave the indicator, when known
    /// (`path:line:column: `).
    static func warnConflicts(_ report: MergeReport, dryRun: Bool = false, place: (IndicatorKey) -> String? = { _ in nil }) {
        func warn(_ key: IndicatorKey, _ message: String) {
            Console.note((place(key).map { "\($0): " } ?? "") + "warning: \(name(key))" + message)
        }
        for (key, conflict) in report.conflicts { warn(key, ": \(conflict)") }
        // A threat the input says is none, or less of one: it leaves blocklists unasked.
        for entry in report.merged {
            for case .classification(let from?, let to) in entry.changes where from.isLowered(to: to) {
                warn(entry.key, " was \(from.rawValue) and \(dryRun ? "would be" : "is now") \(to.rawValue)")
            }
        }
    }

    /// `3 added, 1 merged (1 of them made private), 0 unchanged` (in a dry run `3 to add, 1 to
    /// merge`), and how many more
    /// times the input gave an indicator it gave before (`repeatedInFiles`: within one file,
    /// merged as the file was read).
    static func counts(_ report: MergeReport, repeatedInFiles: Int = 0, dryRun: Bool = false) -> String {
        let repeated = report.repeatedInInput + repeatedInFiles
        let (added, merged) = dryRun ? ("to add", "to merge") : ("added", "merged")
        // Privacy is what a merge changes least visibly and matters most for (a project made
        // public later keeps these off its site): counted even without --verbose.
        let madePrivate = report.merged.filter { $0.changes.contains(.madePrivate) }.count
        let privately = madePrivate == 0 ? "" : " (\(madePrivate) of them \(dryRun ? "to be made" : "made") private)"
        return "\(report.added.count) \(added), \(report.merged.count) \(merged)\(privately), \(report.unchanged.count) unchanged"
            + (repeated > 0 ? ", \(repeated) repeated in the input" : "")
    }

    private static func name(_ key: IndicatorKey) -> String { "\(key.type.rawValue) \(key.value)" }
}
