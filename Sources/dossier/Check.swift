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

            Examples:
              dossier check                      # the workspace around the current folder
              dossier check -w ~/cti --strict    # in CI: warnings fail too
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Treat warnings as errors (exit 1 on any warning).")
    var strict = false

    @OptionGroup var cacheOptions: CacheOptions

    func run() throws {
        let root = try global.root()
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
        if strict { diagnostics = diagnostics.escalatingWarnings() }
        Console.report(diagnostics)
        if !global.quiet || diagnostics.hasErrors {
            Console.note(WorkspaceChecker.summary(diagnostics, fileCount: loaded.fileCount))
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }
}
