import Foundation
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
    /// The paths `message` names, as it writes them (absolute), for a caller to show otherwise.
    public var paths: [String]

    public init(_ step: BuildStep, diagnostics: [Diagnostic] = [], message: String? = nil, naming paths: [String] = []) {
        self.step = step
        self.diagnostics = diagnostics
        self.message = message
        self.paths = paths
    }

    public var summary: String { summary(showingPaths: { $0 }) }

    /// The summary with the paths it names as `show` gives them (the command line's, relative
    /// to the current folder).
    public func summary(showingPaths show: (String) -> String) -> String {
        var message = message
        for path in paths.sorted(by: { $0.count > $1.count }) { message = message?.replacingOccurrences(of: path, with: show(path)) }
        return "build stopped at step \"\(step.rawValue)\"" + (message.map { ": \($0)" } ?? "")
    }
}

/// The first steps shared by `report` and `build`: load, validate, templates. Errors stop here,
/// before anything is rendered; warnings are handed on to be shown.
struct PreparedWorkspace {
    var loaded: LoadedWorkspace
    /// The correlation index of the whole loaded workspace, built by the check.
    var checkedIndex: IndicatorIndex
    var warnings: [Diagnostic]
    /// For an internal output: the errors that only stop a public one (`publicOnlyCodes`).
    var publicOnlyErrors: [Diagnostic]
    var templates: TemplateSet
    /// For an internal output of one project: the errors of other projects' files, left to `check`.
    var otherProjectsErrors = 0

    /// The errors that stop only a public output (`WorkspaceChecker.publicOnlyCodes`).
    static let publicOnlyCodes = WorkspaceChecker.publicOnlyCodes

    /// - Parameters:
    ///   - audience: who the output is for; every error stops a public one.
    ///   - hashingContent: take the files' hashes, which key a site's pages (`PageKey`).
    ///   - cache: take unchanged projects, loaded and checked, from this cache.
    ///   - slug: for an internal output of this project alone (a report): the problems of other
    ///     projects' files neither stop it nor are shown, only counted (`otherProjectsErrors`). A
    ///     public output is stopped by any error: which values are private is the whole
    ///     workspace's to say.
    static func prepare(root: String, audience: Audience, hashingContent: Bool = false, cache: ProjectCache? = nil,
        concerning slug: String? = nil) throws(BuildFailure) -> PreparedWorkspace {
        let loaded = WorkspaceLoader.load(root: root, hashingContent: hashingContent, cache: cache, fingerprinting: false)
        var (diagnostics, index) = WorkspaceChecker.checkKeepingIndex(loaded)
        var otherProjectsErrors = 0
        if audience == .internal, let slug, let own = loaded.workspace.project(slug) {
            // Another folder of the workspace's: a project's, loaded or not (its project.json
            // may be what is broken), or one that is no project. Not the workspace's own files.
            let rootPrefix = (own.folder as NSString).deletingLastPathComponent + "/"
            let ownName = (own.folder as NSString).lastPathComponent
            func isOthers(_ diagnostic: Diagnostic) -> Bool {
                guard let path = diagnostic.location?.path, path.hasPrefix(rootPrefix) else { return false }
                let rest = path.dropFirst(rootPrefix.count)
                guard let slash = rest.firstIndex(of: "/") else { return false }
                let folder = rest[..<slash]
                return folder != ownName && folder != ProjectFiles.templates
            }
            otherProjectsErrors = diagnostics.items.count { $0.severity == .error && isOthers($0) }
            diagnostics = DiagnosticList(diagnostics.items.filter { !isOthers($0) })
        }
        func publicOnly(_ diagnostic: Diagnostic) -> Bool {
            audience == .internal && diagnostic.severity == .error && diagnostic.code.map(publicOnlyCodes.contains) == true
        }
        guard !diagnostics.items.contains(where: { $0.severity == .error && !publicOnly($0) }) else {
            throw BuildFailure(.validate, diagnostics: diagnostics.sorted,
                message: "the workspace has errors; fix them (see `dossier check`) and run this again")
        }
        let (templates, templateDiagnostics) = TemplateSet.load(workspaceRoot: root)
        guard let templates else {
            throw BuildFailure(.templates, diagnostics: templateDiagnostics, message: "a template has errors; nothing was written")
        }
        let published = PublishedPrivateValueRule.findings(inTemplates: templates.workspaceTemplates(root: root), workspace: loaded.workspace, index: index)
        if published.contains(where: { $0.severity == .error && !publicOnly($0) }) {
            throw BuildFailure(.validate, diagnostics: published.sorted(),
                message: "the workspace has errors; fix them (see `dossier check`) and run this again")
        }
        let all = (diagnostics.sorted + published + templateDiagnostics).sorted()
        return PreparedWorkspace(loaded: loaded, checkedIndex: index, warnings: all.filter { $0.severity == .warning },
            publicOnlyErrors: all.filter(publicOnly), templates: templates, otherProjectsErrors: otherProjectsErrors)
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
