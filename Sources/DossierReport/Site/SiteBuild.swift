import DossierCore
import DossierInterop
import Foundation

/// `dossier build`: the whole site for one audience, written to a fresh folder that replaces the
/// output folder only when everything succeeded, so no stale file of an earlier build survives.
public enum SiteBuild {
    public struct Summary: Sendable {
        public var folder: String
        public var files: [String]
        public var bytes: Int
        public var warnings: [Diagnostic]
    }

    /// - Parameter progress: called with a short status line as steps advance.
    public static func run(root: String, audience: Audience, out: String, options: ReportOptions = ReportOptions(),
        progress: @Sendable (String) -> Void = { _ in }) throws(BuildFailure) -> Summary {
        try OutputFolder.checkReplaceable(out, workspaceRoot: root)
        progress("loading and checking the workspace")
        let prepared = try PreparedWorkspace.prepare(root: root)
        let visible = AudienceFilter.view(of: prepared.loaded.workspace, for: audience)
        progress("building \(visible.projects.count) project pages")
        let model = SiteModel(workspace: visible, audience: audience, options: options)
        let staging = try OutputFolder.makeStaging(for: out)
        do {
            let files = try write(model, workspace: visible, audience: audience, templates: prepared.templates, into: staging, progress: progress)
            progress("replacing \((out as NSString).lastPathComponent)/")
            try OutputFolder.replace(out, with: staging)
            return Summary(folder: out, files: files.map(\.path), bytes: files.reduce(0) { $0 + $1.bytes }, warnings: prepared.warnings)
        } catch {
            OutputFolder.remove(staging)
            throw error
        }
    }

    struct Written: Sendable {
        var path: String
        var bytes: Int
    }

    /// Renders and writes every page in parallel; nothing is kept in memory once written.
    static func write(_ model: SiteModel, workspace: Workspace, audience: Audience, templates: TemplateSet, into folder: String,
        progress: @Sendable (String) -> Void) throws(BuildFailure) -> [Written] {
        var jobs: [@Sendable () -> [(String, [UInt8])]] = []
        jobs.append { [("index.html", Array(templates.render(model.index, page: "index.html").utf8))] }
        for (report, project) in zip(model.reports, workspace.projects) {
            jobs.append {
                let base = SiteLayout.projectFolder(project.slug) + "/"
                var files = [
                    (base + "index.html", Array(templates.render(RowRendering.prerendered(report, with: templates), page: "report.html").utf8)),
                    (base + SiteLayout.markdownReport, Array(templates.render(report, page: "report.md").utf8)),
                ]
                for export in SiteLayout.exportFiles {
                    files.append((base + export.file, Exporter.export(project, in: workspace, format: export.format)))
                }
                return files
            }
        }
        for (path, page) in model.listings {
            jobs.append { [(path, Array(templates.render(page, page: "listing.html").utf8))] }
        }
        let results = jobs.concurrentMap { job -> Result<[Written], BuildFailure> in
            var written: [Written] = []
            for (path, bytes) in job() {
                do throws(BuildFailure) {
                    try OutputFolder.writeFile(bytes, at: folder + "/" + path)
                } catch {
                    return .failure(error)
                }
                written.append(Written(path: path, bytes: bytes.count))
            }
            return .success(written)
        }
        var files: [Written] = []
        for result in results {
            switch result {
            case .success(let written): files += written
            case .failure(let error): throw error
            }
        }
        let manifest = SiteManifest(model: model, workspace: workspace, audience: audience, files: files.map(\.path).sorted())
        let manifestBytes = manifest.json()
        try OutputFolder.writeFile(manifestBytes, at: folder + "/" + SiteLayout.manifestFile)
        files.append(Written(path: SiteLayout.manifestFile, bytes: manifestBytes.count))
        return files.sorted { $0.path < $1.path }
    }
}
