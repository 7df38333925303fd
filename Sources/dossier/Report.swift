import ArgumentParser
import DossierCore
import DossierReport
import Foundation

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render one project's report as HTML (default) or Markdown.",
        discussion: """
            The report shows the TLP banner and audience, status, dates and summary; counts by \
            classification, type and tag (HTML: an SVG chart); the indicators grouped by \
            classification and by tag; the notes; and where else each indicator is recorded. \
            HTML is one self-contained file (no script, no external resource), its notes' \
            images in it; Markdown uses GitHub-flavoured tables, and links the images from the \
            folder of the -o file (on standard output, from the current folder) when it is in \
            the workspace, so that a report kept in the repository shows them on its git host; \
            elsewhere it shows their descriptions.

            Each indicator's row names the other projects that record it ("also seen in"), and \
            the report bears the strictest TLP of those it names, as it names them: an internal \
            report of a TLP:GREEN project that shares a value with a TLP:RED one is TLP:RED. \
            --no-correlations names no other project, for a report to pass on with its \
            project's own marking (raised only by its own material: an indicator's tlp: tag, \
            private material to TLP:GREEN).

            Reports are public unless --internal: a public report of a private project is refused. \
            Any error of the workspace stops a public report (which values are private is the whole \
            workspace's to say); an internal one is stopped only by errors of its own project's \
            files, dossier.json and the templates, and says how many other projects' files have.

            Examples:
              dossier report commodity-loader-c2 -o loader.html
              dossier report acme-payroll-phish --internal --format md > ../phish.md
              dossier report acme-payroll-phish --internal -o ../phish.md   # Markdown
              dossier report acme-payroll-phish --internal --no-correlations \\
                -o for-partner.html      # names no other project
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ProjectArgument.help, transform: ProjectArgument.slug)
    var project: String

    @Option(help: "Output format: html or md (default: md for an -o file named .md or .markdown, html for .html, .htm, no extension or standard output; needed for any other name).")
    var format: ReportFormat?

    @Flag(help: "Make an internal report: private indicators, notes, tags and sources included.")
    var `internal` = false

    @Option(name: [.customShort("o"), .long, .customLong("out")], help: ArgumentHelp("Write to this file instead of standard output (-: standard output, as for import).", valueName: "file"))
    var output: String?

    @Flag(help: "Show network indicators (in tables, comments and notes) as written instead of defanged (hxxp, [.]), and notes' links to them as links.")
    var noDefang = false

    @Flag(help: "Name no other project: leave out the \"also seen in\" column, and the TLP it raises the report to.")
    var noCorrelations = false

    @OptionGroup var cacheOptions: CacheOptions

    func validate() throws {
        if let format, let output, let named = ReportFormat(fileName: output), named != format {
            throw ValidationError("--format \(format.rawValue) writes \(format.language), but \(output) is named as \(named.language): name the file .\(format.rawValue), or leave --format out")
        }
        // A name of another kind (`report.pdf`) would get HTML under a name that says otherwise.
        if format == nil, let output, output != "-", ReportFormat(fileName: output) == nil,
           case let kind = (output as NSString).pathExtension, !kind.isEmpty {
            let pdf = kind.lowercased() == "pdf" ? " (a PDF: print the HTML report from a browser)" : ""
            throw ValidationError("a report is HTML or Markdown, but \(output) is named as .\(kind): name the file .html or .md, or say which with --format\(pdf)")
        }
    }

    /// Where a Markdown report links its notes' images from: the folder of the file it is
    /// written to, else the current folder (standard output is most often sent to a file there).
    /// Only inside the workspace, where the links stay in the repository: elsewhere they would
    /// climb out of it, naming the analyst's folders to the report's readers.
    private func imageLinks(root: String) -> ReportOptions.MarkdownImages {
        let cwd = FileManager.default.currentDirectoryPath
        let written = output.flatMap { $0 == "-" ? nil : (WorkspaceLocator.absolute($0, from: cwd) as NSString).deletingLastPathComponent } ?? cwd
        let (folder, workspace) = (FileReader.realPath(written) ?? written, FileReader.realPath(root) ?? root)
        return Paths.isInside(folder, folder: workspace) ? .linked(from: folder) : .none
    }

    /// As given, else as the output file is named (`-o report.md`), else HTML.
    private var chosenFormat: ReportFormat { format ?? output.flatMap(ReportFormat.init(fileName:)) ?? .html }

    func run() throws {
        let project = try global.project(self.project)
        let root = try global.root()
        let result: ReportBuild.Output
        do {
            result = try ReportBuild.run(root: root, slug: project, format: chosenFormat, audience: `internal` ? .internal : .public,
                options: ReportOptions(defang: !noDefang, markdownImages: imageLinks(root: root), correlations: !noCorrelations), cache: cacheOptions.cache(root: root))
        } catch {
            Console.report(DiagnosticList(error.diagnostics))
            Console.error(error.message ?? error.summary)
            throw ExitCode(1)
        }
        Console.mention(publicOnlyErrors: result.publicOnlyErrors)
        // An internal report of one project is given its files' warnings alone (and the
        // workspace's own files'), not the other projects'.
        Console.mention(warnings: result.warnings, ofProject: `internal` ? project : nil, publishing: `internal` ? nil : root + "/" + project, quiet: global.quiet)
        if result.otherProjectsErrors > 0 {
            let errors = result.otherProjectsErrors == 1 ? "1 error" : "\(result.otherProjectsErrors) errors"
            Console.note("note: other projects' files have \(errors) (see `dossier check`): what they record may be missing from this report's correlations, and no public output is made until they are mended")
        }
        guard let output, output != "-" else {
            try OutputFile.writeToStandardOutput(Array(result.text.utf8), workspaceRoot: root, internalOutput: `internal` ? "this internal report" : nil)
            return
        }
        let path = try OutputFile.write(Array(result.text.utf8), to: output, workspaceRoot: root, internalOutput: `internal` ? "this internal report" : nil)
        global.say("wrote \(Console.printer.displayPath(path))")
        if `internal` { Build.warnIfCommitted(path, what: "this internal report", root: root) }
    }
}

extension ReportFormat: LenientChoice {
    static let aliases: [String: ReportFormat] = ["markdown": .md, "htm": .html]

    /// The format a file's extension names: `.md` or `.markdown`, `.html` or `.htm`; nil for
    /// any other.
    init?(fileName: String) {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "md", "markdown": self = .md
        case "html", "htm": self = .html
        default: return nil
        }
    }

    var language: String { self == .html ? "HTML" : "Markdown" }
}
