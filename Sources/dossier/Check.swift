import ArgumentParser
import DossierCore
import DossierReport
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the whole workspace and report every problem at once.",
        discussion: """
            Reports, as path:line:column: error|warning: message, invalid JSON, git conflict markers, \
            unknown values (classification, type, tlp, visibility, status), invalid or mistyped \
            indicator values, duplicates within a project, classifications that contradict their tags, \
            free tags that misspell a vocabulary tag (Blokced, Quarantined: they imply nothing; a \
            misspelled private tag on public material is an error), \
            public projects that are not TLP:CLEAR, indicators classified differently across projects, \
            indicators written in a note but not recorded, a note's relative links that lead to \
            nothing in the workspace (a renamed note, an image never added) or to a heading its note does not have (#timline), an image a note shows that \
            an HTML report cannot hold (another project's, larger than 5 MB or past the 25 MB a report \
            holds, or not PNG, JPEG, GIF or WebP), private indicators written in a note \
            the public site shows (or its title, summary, tags, comments), links to a private \
            project from public text, however its path is written (and, as warnings, its folder \
            name or title written there, a host within a private domain, an address in a private \
            network), a public note marked TLP:AMBER or RED in its text (a warning), front matter \
            dossier would not read (misplaced, TOML between +++ lines, or, keeping the note private \
            with a warning, JSON or YAML in an HTML comment), symbolic links out of a project's folder, folders that cannot be \
            read, and errors in the workspace's own templates (templates/*.mustache), which would \
            stop a build, or a template there that nothing uses. A problem hides no other: a note \
            whose front matter is in error is still read for its links and values. Exits 1 when \
            there is an error.

            Naming projects reports only their files' problems (the whole workspace is still \
            read: a value another project keeps private, or classifies otherwise, is found the \
            same); the exit status is theirs too.

            --format json prints one JSON object on standard output instead (each finding's \
            file, line, column, severity, code and message, and the counts), for a script or an \
            editor; --format github prints GitHub Actions annotations, which a pull request \
            shows on the lines they name.

            Examples:
              dossier check                      # the workspace around the current folder
              dossier check -w ~/cti --strict    # in CI: warnings fail too
              dossier check acme-payroll-phish   # only that project's files
              dossier check --strict --format github   # in a GitHub workflow
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Projects whose files' problems to report (default: every file of the workspace).", valueName: "project"))
    var projects: [String] = []

    @Flag(help: "Treat warnings as errors (exit 1 on any warning).")
    var strict = false

    @Option(help: "How to print the findings: text (path:line:column: ...), json, or github (workflow annotations).")
    var format: CheckFormat = .text

    @OptionGroup var cacheOptions: CacheOptions

    func run() throws {
        let root = try global.root()
        let folders = try projects.map { try Self.folder(of: $0, root: root) }
        let loaded = WorkspaceLoader.load(root: root, cache: cacheOptions.cache(root: root), fingerprinting: false)
        var (diagnostics, index) = WorkspaceChecker.checkKeepingIndex(loaded)
        // The workspace's templates: an error in one stops every build, so it is the check's too.
        if FileManager.default.fileExists(atPath: root + "/" + ProjectFiles.templates) {
            let (templates, problems) = TemplateSet.load(workspaceRoot: root)
            diagnostics.append(contentsOf: problems)
            // What the templates write as they are is on every page of the public site.
            if let templates {
                diagnostics.append(contentsOf: PublishedPrivateValueRule.findings(inTemplates: templates.workspaceTemplates(root: root),
                    workspace: loaded.workspace, index: index))
            }
        }
        KeepAlive.untilExit(loaded)
        KeepAlive.untilExit(index)
        var fileCount = loaded.fileCount
        if !folders.isEmpty {
            diagnostics = DiagnosticList(diagnostics.items.filter { diagnostic in
                folders.contains { diagnostic.location?.path.hasPrefix($0 + "/") == true }
            })
            fileCount = loaded.workspace.projects.filter { folders.contains($0.folder) }.reduce(0) { $0 + 2 + $1.notes.count }
        }
        if strict { diagnostics = diagnostics.escalatingWarnings() }
        switch format {
        case .text:
            Console.report(diagnostics)
        case .json:
            Console.out(Console.printer.json(diagnostics, fileCount: fileCount))
        case .github:
            for diagnostic in diagnostics.sorted { Console.out(Console.printer.githubAnnotation(diagnostic)) }
        }
        if format != .json, !global.quiet || diagnostics.hasErrors {
            let of = projects.isEmpty ? "" : " of " + projects.listed("and")
            Console.note(WorkspaceChecker.summary(diagnostics, fileCount: fileCount) + of)
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    /// The folder of the project `slug`, or exit 1 saying which projects there are.
    static func folder(of slug: String, root: String) throws -> String {
        do {
            return try ProjectEdit.folder(of: slug, root: root)
        } catch {
            Console.error(error.description(ending: "nothing was checked"))
            throw ExitCode(1)
        }
    }
}

/// How `check` prints what it finds.
enum CheckFormat: String, CaseIterable, LenientChoice {
    case text, json, github
}
