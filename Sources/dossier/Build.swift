import ArgumentParser
import DossierCore
import DossierReport
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the static site: an index, a report per project, tag and classification pages.",
        discussion: """
            The public site (the default) holds only public projects, without private indicators, \
            notes, tags or sources, and without any trace of private projects. --internal builds \
            everything, for the team. A workspace with errors builds nothing; but the errors of what \
            a public site would show (a private value it would publish, a public project not \
            TLP:CLEAR) stop only a public build: an internal one prints them and goes on.

            The site is built in a staging folder beside the output folder, which holds nothing of \
            an earlier build (the emptied folders of the site last replaced are kept for it, in \
            .NAME.dossier-spare, readable by you alone), and replaces the output folder only when \
            the build succeeded; the output folder then holds nothing but this build. Per project: index.html \
            (the report), report.md, indicators.csv, indicators.stix.json and indicators.misp.json, \
            and images/ with a copy of each image its notes show, which report.md links (the HTML \
            report holds them itself). A tag's or classification's page lists its indicators \
            across projects, under each project's title, 1,000 rows a page; a report's table \
            shows its first 1,000 rows and links to the rest (there, and to the CSV export). \
            index.json describes the whole site for scripts.

            Builds are incremental: a file whose content key (a SHA-256 of everything it shows: \
            its project, correlations with other projects, the vocabulary, the templates, the \
            version of dossier) is the same as in the previous build into the same folder, for \
            the same audience, is taken from that build instead of rendered again. Nothing is \
            keyed by modification times; a public build never reuses a file of an internal one. \
            --clean renders everything.

            Examples:
              dossier build                      # public site in site/
              dossier build --internal --out ../internal-site   # apart from site/
                                                 # (refused into a folder that holds the
                                                 # public site, unless --replace-public)
              dossier build --clean              # render every page again
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Build the internal site (everything, including private projects).")
    var `internal` = false

    @Option(name: [.long, .customShort("o"), .customLong("output")], help: ArgumentHelp("Output folder (default: site/ in the workspace). It is replaced as a whole.", valueName: "dir"))
    var out: String?

    @Flag(help: "Show network indicators (in tables, comments and notes) as written instead of defanged (hxxp, [.]), and notes' links to them as links.")
    var noDefang = false

    @Flag(help: "Render every file again instead of reusing unchanged files of the previous build.")
    var clean = false

    @Flag(help: "With --internal: replace the public site the output folder holds (refused otherwise: that folder is the one a deployment publishes).")
    var replacePublic = false

    @OptionGroup var cacheOptions: CacheOptions

    func validate() throws {
        if replacePublic, !`internal` {
            throw ValidationError("--replace-public goes with --internal: a public build replaces a public site anyway")
        }
    }

    func run() throws {
        let root = try global.root()
        let folder = out.map { WorkspaceLocator.absolute($0, from: FileManager.default.currentDirectoryPath) } ?? root + "/site"
        // A folder that holds the public site is the one a deployment publishes (`--out ../www`
        // recalled from the shell's history, too): an internal site goes there only when asked
        // for in so many words.
        if `internal`, !replacePublic, SiteBuild.audience(ofSiteIn: folder) == .public {
            Console.error("refused: \(Console.printer.displayPath(folder)) holds the public site, the folder that gets published, and an internal build would put every private project in it; "
                + "build the internal site elsewhere (dossier build --internal --out ../internal-site), or add --replace-public to replace the public site on purpose")
            throw ExitCode(1)
        }
        // Inside one (`--out site/team`), it would be published with it: no flag makes it so.
        let parent = (folder as NSString).deletingLastPathComponent
        if `internal`, parent != folder, let site = OutputFile.publicSite(holding: parent) {
            Console.error("refused: \(Console.printer.displayPath(folder)) is in \(Console.printer.displayPath(site))/, the public site, which a deployment publishes whole, and an internal build would put every private project in it; "
                + "build the internal site elsewhere (dossier build --internal --out ../internal-site)")
            throw ExitCode(1)
        }
        let progress = ProgressLine(enabled: !global.quiet)
        let summary: SiteBuild.Summary
        do {
            summary = try SiteBuild.run(root: root, audience: `internal` ? .internal : .public, out: folder,
                options: ReportOptions(defang: !noDefang), incremental: !clean, cache: cacheOptions.cache(root: root), progress: progress.update,
                keepAlive: KeepAlive.untilExit)
        } catch {
            progress.clear()
            Console.report(DiagnosticList(error.diagnostics))
            Console.error(error.summary(showingPaths: Console.printer.displayPath))
            throw ExitCode(1)
        }
        progress.clear()
        Console.mention(publicOnlyErrors: summary.publicOnlyErrors)
        Console.mention(warnings: summary.warnings, publishing: `internal` ? nil : root, quiet: global.quiet)
        let megabytes = String(format: "%.1f", Double(summary.bytes) / 1_048_576)
        let reused = summary.reused > 0 ? " (\(summary.reused) unchanged, reused)" : ""
        global.say("built the \(`internal` ? "internal" : "public") site in \(Console.printer.displayPath(folder)): \(summary.files.count) files\(reused), \(megabytes) MB")
        if `internal`, summary.replaced == .public {
            // The folder a deployment publishes from now holds every private project.
            Console.note("warning: \(Console.printer.displayPath(folder)) held the public site and now holds the internal one, "
                + "private projects included: do not publish it; `dossier build` makes the public site again, "
                + "and `dossier build --internal --out DIR` keeps the internal site elsewhere")
        }
        if `internal`, let name = Self.unignoredFolder(folder, root: root) {
            // `git add -A`, as the quick start runs it, would commit every private project.
            Console.note("warning: \(name)/ is in the workspace and git does not ignore it: `git add -A` would commit the internal site, every private project with it; "
                + "add the line /\(name)/ to .gitignore, or build the internal site outside the workspace")
        }
        if !`internal`, !global.quiet, summary.projects == 0, summary.leftOut > 0 {
            // A public site of no project is most often a surprise: say why, and what to do.
            Console.note("note: every project (\(summary.leftOut)) is private, so the public site shows none; "
                + "`dossier build --internal` builds the team's site, and a project is published with \"visibility\": \"public\" and \"tlp\": \"clear\" in its project.json")
        }
    }

    /// The workspace's folder that `folder` is in (or is), when git would not ignore `folder`:
    /// as `git check-ignore` says in a repository (every rule, negations and globs), else when
    /// the workspace's `.gitignore` has no line naming that folder (`/name/`, `name/`, `/name`,
    /// `name`, with `/*` or `/**` after); nil for a folder outside the workspace.
    static func unignoredFolder(_ folder: String, root: String) -> String? {
        guard folder.hasPrefix(root + "/"), let name = folder.dropFirst(root.count + 1).split(separator: "/").first.map(String.init) else { return nil }
        if let ignored = gitIgnores(folder + "/", in: root) { return ignored ? nil : name }
        let text = FileManager.default.contents(atPath: root + "/.gitignore").map { String(decoding: $0, as: UTF8.self) } ?? ""
        let names = text.split(whereSeparator: \.isNewline).map { line -> String in
            var rule = line.trimmingCharacters(in: .whitespaces)
            for suffix in ["/**", "/*"] where rule.hasSuffix(suffix) { rule.removeLast(suffix.count - 1) }
            return rule.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        }
        return names.contains(name) ? nil : name
    }

    /// Warns that the internal output just written at `path` (`what`: "this internal report")
    /// is in the workspace where git would commit it: `git add -A`, as the quick start runs it,
    /// would put private material in the repository's history.
    static func warnIfCommitted(_ path: String, what: String, root: String) {
        guard path.hasPrefix(root + "/"), gitIgnores(path, in: root) != true else { return }
        Console.note("warning: \(Console.printer.displayPath(path)) is in the workspace and git does not ignore it: `git add -A` would commit \(what), private material with it; "
            + "write it outside the workspace, or add it to .gitignore")
    }

    /// Whether git ignores `path`, asked of `git check-ignore` in `root`; nil when git cannot
    /// say (not installed, or `root` is in no repository).
    static func gitIgnores(_ path: String, in root: String) -> Bool? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root, "check-ignore", "--quiet", "--", path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0: return true
        case 1: return false
        default: return nil
        }
    }
}
