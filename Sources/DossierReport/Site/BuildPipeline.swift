import DossierCore

/// The named steps every report and site build goes through, in order. A failure names its step.
public enum BuildStep: String, Sendable {
    case load = "load"
    case validate = "validate"
    case templates = "load templates"
    case filter = "audience filter"
    case viewModel = "view model"
    case render = "render"
    case write = "write"
}

/// Why a build stopped: the step, and either the user's problems (diagnostics) or a message.
public struct BuildFailure: Error, Sendable {
    public var step: BuildStep
    public var diagnostics: [Diagnostic]
    public var message: String?

    public init(_ step: BuildStep, diagnostics: [Diagnostic] = [], message: String? = nil) {
        self.step = step
        self.diagnostics = diagnostics
        self.message = message
    }

    public var summary: String {
        "build stopped at step \"\(step.rawValue)\"" + (message.map { ": \($0)" } ?? "")
    }
}

/// The first steps shared by `report` and `build`: load, validate, templates. Errors stop here,
/// before anything is rendered; warnings are handed on to be shown.
struct PreparedWorkspace {
    var loaded: LoadedWorkspace
    /// The correlation index of the whole loaded workspace, built by the check.
    var checkedIndex: IndicatorIndex
    var warnings: [Diagnostic]
    var templates: TemplateSet

    /// - Parameters:
    ///   - hashingContent: take the files' hashes, which key a site's pages (`PageKey`).
    ///   - cache: take unchanged projects, loaded and checked, from this cache.
    static func prepare(root: String, hashingContent: Bool = false, cache: ProjectCache? = nil) throws(BuildFailure) -> PreparedWorkspace {
        let loaded = WorkspaceLoader.load(root: root, hashingContent: hashingContent, cache: cache, fingerprinting: false)
        let (diagnostics, index) = WorkspaceChecker.checkKeepingIndex(loaded)
        guard !diagnostics.hasErrors else {
            throw BuildFailure(.validate, diagnostics: diagnostics.sorted,
                message: "the workspace has errors; fix them (see `dossier check`) and build again")
        }
        let (templates, templateDiagnostics) = TemplateSet.load(workspaceRoot: root)
        guard let templates else {
            throw BuildFailure(.templates, diagnostics: templateDiagnostics, message: "a template has errors; nothing was written")
        }
        let published = PublishedPrivateValueRule.findings(inTemplates: templates.workspaceTemplates(root: root), workspace: loaded.workspace, index: index)
        if published.contains(where: { $0.severity == .error }) {
            throw BuildFailure(.validate, diagnostics: published.sorted(),
                message: "the workspace has errors; fix them (see `dossier check`) and build again")
        }
        return PreparedWorkspace(loaded: loaded, checkedIndex: index,
            warnings: (diagnostics.sorted.filter { $0.severity == .warning } + published).sorted(), templates: templates)
    }
}

extension PreparedWorkspace {
    /// The index of `visible`, the workspace as `audience` sees it: the check's own when the
    /// audience sees everything (the filter then changes nothing), else one of `visible` alone,
    /// so that nothing filtered out can be correlated.
    func index(of visible: Workspace, for audience: Audience) -> IndicatorIndex {
        audience == .internal ? checkedIndex : IndicatorIndex(visible, scope: .correlations)
    }
}
