import DossierCore

/// `dossier report`: one project's report, HTML or Markdown, for one audience.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html
    case md

    var template: String { self == .html ? "report.html" : "report.md" }
}

public enum ReportBuild {
    public struct Output: Sendable {
        public var text: String
        public var warnings: [Diagnostic]
        /// For an internal report: errors that would stop a public one (`PreparedWorkspace.publicOnlyCodes`).
        public var publicOnlyErrors: [Diagnostic] = []
        /// For an internal report: the errors of other projects' files, which do not stop it
        /// (their indicators may be missing from its correlations).
        public var otherProjectsErrors = 0
    }

    /// - Parameter cache: take unchanged projects, loaded and checked, from this cache.
    public static func run(root: String, slug: String, format: ReportFormat, audience: Audience, options: ReportOptions,
        cache: ProjectCache? = nil) throws(BuildFailure) -> Output {
        let prepared = try PreparedWorkspace.prepare(root: root, audience: audience, cache: cache, concerning: slug)
        guard let project = prepared.loaded.workspace.project(slug) else {
            throw BuildFailure(.load, message: ProjectLookup.unknownProjectMessage(slug, in: prepared.loaded.workspace))
        }
        if audience == .public, project.visibility == .private {
            throw BuildFailure(.filter, message: AudienceFilter.refusal(for: project))
        }
        let visible = AudienceFilter.view(of: prepared.loaded.workspace, for: audience)
        guard let filtered = visible.project(slug) else {
            throw BuildFailure(.filter, message: AudienceFilter.refusal(for: project))
        }
        let report = ProjectReport(project: filtered, workspace: visible, index: prepared.index(of: visible, for: audience),
            audience: audience, options: options)
        let page = format == .html
            ? RowRendering.prerendered(report, with: prepared.templates) : RowRendering.prerenderedMarkdown(report, with: prepared.templates)
        return Output(text: prepared.templates.render(page, page: format.template), warnings: prepared.warnings,
            publicOnlyErrors: prepared.publicOnlyErrors, otherProjectsErrors: prepared.otherProjectsErrors)
    }
}

