import ArgumentParser
import DossierCore

struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite every JSON file of the workspace in canonical form.",
        discussion: """
            Canonical form: UTF-8, two-space indent, keys in the documented order with unknown keys \
            after them (sorted), indicators sorted by type then value, values normalized, trailing \
            newline; a file whose lines end in CR LF (a Windows checkout) keeps them. Diffs stay \
            small and merges clean. When a file does not load cleanly (invalid \
            JSON, unknown values, invalid indicators), nothing is rewritten, as any command that \
            fails writes nothing; fix it first (see `dossier check`). Findings of the workspace \
            rules, such as duplicates, do not stop it. It waits for the edits under way (add, \
            import, tag...) to finish, and new ones wait for it; --check waits for nothing.

            --merge also makes one entry of an indicator recorded more than once in a project (a \
            duplicate-indicator error of `check`), as `dossier add` merges: tags joined, the \
            earliest first seen and the latest last seen, a comment or source that only one \
            entry has taken. Entries whose classifications (given, or implied by their tags; an \
            entry with neither agrees with any) differ are left apart, with the reason: which to keep \
            is yours, and fmt exits 1 once it has written the rest, as `check` would fail. Two comments or two sources are \
            joined (`a; b`), and an entry private on one side only makes the merged one private; each is said. It also keeps each tag of an indicator, or of a project, once, as first \
            written (`Blocked` and `blocked` are one tag: the repeated-tag warning of `check`).

            --merge also resolves a git merge conflict in a project's project.json or \
            indicators.json (two analysts adding indicators to one project, or editing it the \
            same day), and in dossier.json (each adding a vocabulary tag). Each side is read \
            from git's index while the merge is under way, as its branch wrote it. Every \
            indicator either side records is kept, and merged as above; "updated" moves on past \
            the later side's (the merge is a new version), "created" takes the earlier date, \
            tags both sides'. An indicator one side removed and the other changed is kept, with \
            a warning (in a public project, kept private: the site does not publish again what \
            one side took out of it). With \
            the merge's base, which git's index holds while the merge is under way (whatever \
            merge.conflictStyle), what one side changed or removed, the other having left it, is \
            taken, field by field and tag by tag (an untag on one side stays undone). A file \
            `git add`ed with its markers has only them: with git's base section in them (git \
            config merge.conflictStyle diff3) the same holds; without it, an indicator or tag \
            one side removed comes back. A title, visibility, TLP or other field both sides changed is yours to \
            resolve: the conflict is then left, with the reason. zdiff3's base section cannot be \
            read: `git checkout --conflict=diff3 -- FILE` writes the conflict again in diff3 style.

            Examples:
              dossier fmt            # rewrite what is not canonical, list each file
              dossier fmt --check    # in CI or a hook: exit 1 if anything would change
              dossier fmt --merge    # also merge duplicate entries and repeated tags, and
                                     # resolve git conflicts in project files
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Only list the files that are not canonical; exit 1 if there are any.")
    var check = false

    @Flag(help: "Also merge the entries of an indicator recorded more than once in a project, where they agree, and a tag written twice on one; resolve git conflicts in project.json and indicators.json.")
    var merge = false

    func run() throws {
        // Any project's files may be rewritten: the edits under way end first, and new ones wait
        // until this run is done (each holds the workspace's lock shared, `ProjectEdit`). A
        // check writes nothing, and waits for nothing.
        let lock = check ? nil : FolderLock(try global.root()) {
            if !global.quiet { Console.note("waiting for another dossier command editing the workspace to finish…") }
        }
        defer { withExtendedLifetime(lock) {} }
        var loaded = try global.load()
        let display = Console.printer
        var resolved: [String: ConflictResolution.Resolved] = [:]
        var refused: Set<String> = []
        if merge {
            let resolution = ConflictResolution.resolve(loaded)
            refused = Set(resolution.refused.map(\.path))
            for (path, reason) in resolution.refused {
                Console.note("cannot resolve the merge conflict in \(display.displayPath(path)): \(reason); resolve it by hand")
            }
            if !resolution.resolved.isEmpty {
                resolved = resolution.resolved
                loaded = WorkspaceLoader.load(root: loaded.workspace.root, overlay: resolved.mapValues(\.bytes))
            }
        }
        let plan = FormatPlan(loaded, mergingDuplicates: merge, resolved: resolved)
        // A conflict --merge has just declined needs no advice to run it.
        let errors = DiagnosticList(loaded.diagnostics.items.filter { $0.severity == .error }.map { diagnostic in
            guard merge, diagnostic.code == "conflict-marker" else { return diagnostic }
            var said = diagnostic
            said.message = said.message.replacingOccurrences(of: JSONFileDecoding.mergeHint, with: "")
            return said
        })
        Console.report(errors)
        // A conflict left to the user holds back no other file, as git leaves each conflicted
        // file to be resolved on its own: the rest is resolved and formatted, and the command
        // fails. Any other error stops everything.
        let onlyConflictsLeft = errors.hasErrors && !refused.isEmpty
            && errors.items.allSatisfy { $0.location.map { refused.contains($0.path) } == true }
        // Said once it is so: with an error left, nothing is written.
        if check || !errors.hasErrors || onlyConflictsLeft {
            // A project's files are written together: one whose other file is left in conflict
            // is resolved but not written yet.
            let written = Set(plan.changes.map(\.path))
            for (path, resolution) in resolved.sorted(by: { $0.key < $1.key }) {
                let shown = display.displayPath(path)
                if !written.contains(path) {
                    Console.note("the merge conflict in \(shown) can be resolved, but its project's other file is left to resolve by hand: "
                        + "nothing of the project is written until then; run `dossier fmt --merge` again once it is")
                } else if resolution.isConflict {
                    global.say("\(check ? "would resolve" : "resolved") the merge conflict in \(shown)")
                } else {
                    global.say("\(check ? "would date" : "dated") \(shown) anew (updated), as the merge makes a new version of the project")
                }
                for notice in resolution.notices { Console.note("warning: \(shown): \(notice)") }
            }
        }
        // Entries kept apart are the check's duplicate-indicator error still: said as errors, at
        // the first entry (in the file as written, once written), and the command fails once it
        // has written the rest, so that `dossier fmt --merge && git commit` commits no workspace
        // `check` refuses.
        var keptApart: [(path: String, key: IndicatorKey, message: String)] = []
        for (path, outcome) in plan.duplicates {
            let what = "\(outcome.entries) entries of \(outcome.key.type.rawValue) \(outcome.key.value)"
            if let reason = outcome.keptApartBecause {
                keptApart.append((path, outcome.key, "kept \(what) apart: \(reason); merge them by hand"))
            } else {
                let joined = outcome.joined.isEmpty ? "" : " (\(outcome.joined.joined(separator: "; ")))"
                global.say("\(check ? "would merge" : "merged") \(what) in \(display.displayPath(path))\(joined)")
            }
        }
        func failForKeptApart(in workspace: Workspace) throws {
            guard !keptApart.isEmpty else { return }
            // Each file's first entry of each key, found in one pass over the file.
            var firsts: [String: [IndicatorKey: SourcePosition]] = [:]
            for path in Set(keptApart.map(\.path)) {
                guard let project = workspace.projects.first(where: { $0.indicatorsFile == path }) else { continue }
                var positions: [IndicatorKey: SourcePosition] = [:]
                for indicator in project.indicators where positions[indicator.key] == nil { positions[indicator.key] = indicator.origin?.object }
                firsts[path] = positions
            }
            Console.report(DiagnosticList(keptApart.map { item in
                .error(at: SourceLocation(path: item.path, position: firsts[item.path]?[item.key] ?? .start), item.message, code: DuplicateIndicatorRule.code)
            }))
            Console.error("\(keptApart.count == 1 ? "an indicator is" : "\(keptApart.count) indicators are") still recorded more than once (listed above); `dossier check` fails until they are merged by hand")
            throw ExitCode(1)
        }
        for (path, repeated) in plan.repeatedTags {
            let spellings = repeated.dropped.map { "\"\($0)\"" }.joined(separator: ", ")
            let noun = repeated.dropped.count > 1 ? "tags" : "tag"
            let owner = repeated.key.map { "\($0.type.rawValue) \($0.value)" } ?? "the project"
            global.say("\(check ? "would drop" : "dropped") the repeated \(noun) \(spellings) of \(owner) in \(display.displayPath(path))")
        }
        if check {
            for change in plan.changes { Console.out(display.displayPath(change.path)) }
            if !plan.changes.isEmpty {
                Console.note("\(plan.changes.count == 1 ? "1 file is" : "\(plan.changes.count) files are") not in canonical form; run `dossier fmt\(merge ? " --merge" : "")`")
            }
            try failForKeptApart(in: loaded.workspace)
            if !plan.changes.isEmpty || errors.hasErrors { throw ExitCode(1) }
            return
        }
        // A command that fails writes nothing: with a file in error, no other is rewritten
        // either (a pre-commit hook would see a failure and a changed tree at once).
        guard !errors.hasErrors || onlyConflictsLeft else {
            let files = Set(errors.items.compactMap { $0.location?.path }).count
            Console.error("\(files == 1 ? "a file has" : "\(files) files have") errors (listed above); nothing was formatted: fix them first (see `dossier check`)")
            throw ExitCode(1)
        }
        do {
            for path in try plan.apply() { global.say("formatted \(display.displayPath(path))") }
        } catch {
            Console.error(error)
            throw ExitCode(1)
        }
        if !keptApart.isEmpty { try failForKeptApart(in: WorkspaceLoader.load(root: loaded.workspace.root).workspace) }
        // Formatting keeps each entry; `check` still fails on one recorded twice.
        if !merge {
            let duplicated = loaded.workspace.projects.filter { project in
                var seen: Set<IndicatorKey> = []
                return project.indicators.contains { !seen.insert($0.key).inserted }
            }.map(\.slug)
            if !duplicated.isEmpty {
                Console.note("note: \(duplicated.joined(separator: ", ")) \(duplicated.count == 1 ? "records" : "record") an indicator more than once, which `dossier check` refuses; `dossier fmt --merge` merges the entries")
            }
        }
        if onlyConflictsLeft {
            let files = refused.sorted().map(display.displayPath).joined(separator: ", ")
            Console.error("\(refused.count == 1 ? "a merge conflict is" : "\(refused.count) merge conflicts are") left to resolve by hand (\(files)); the rest is resolved: edit \(refused.count == 1 ? "it" : "them"), then run `dossier fmt --merge` again and `git add` the files")
            throw ExitCode(1)
        }
        if !resolved.isEmpty { global.say("check the result (`dossier check`), then `git add` the resolved files") }
    }
}
