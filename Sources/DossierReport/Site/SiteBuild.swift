import DossierCore
import DossierInterop
import Foundation

/// `dossier build`: the whole site for one audience, written to a fresh folder that replaces the
/// output folder only when everything succeeded, so no stale file of an earlier build survives.
/// Files whose content key (`PageKey`) is unchanged since the last build into the same folder, for
/// the same audience, are taken from it instead of being rendered again.
public enum SiteBuild {
    public struct Summary: Sendable {
        public var folder: String
        public var files: [String]
        public var bytes: Int
        /// Files taken unchanged from the previous build.
        public var reused: Int
        public var warnings: [Diagnostic]
        /// For an internal site: errors that would stop a public one (`PreparedWorkspace.publicOnlyCodes`).
        public var publicOnlyErrors: [Diagnostic] = []
        /// Projects the site shows, and those of the workspace it leaves out (a public site's
        /// private ones).
        public var projects = 0
        public var leftOut = 0
        /// The audience of the site the build replaced, when dossier built it.
        public var replaced: Audience? = nil
    }

    /// - Parameters:
    ///   - incremental: reuse unchanged files of the previous build in `out` (false: render all).
    ///   - cache: take unchanged projects, loaded and checked, from this cache.
    ///   - progress: called with a short status line as steps advance.
    ///   - keepAlive: handed the loaded workspace and the site model when the build is done, for a
    ///     caller about to exit to keep rather than free object by object.
    public static func run(root: String, audience: Audience, out: String, options: ReportOptions = ReportOptions(),
        incremental: Bool = true, cache: ProjectCache? = nil, progress: @Sendable (String) -> Void = { _ in },
        keepAlive: (Any) -> Void = { _ in }) throws(BuildFailure) -> Summary {
        let out = OutputFolder.followingLink(out)
        try OutputFolder.checkReplaceable(out, workspaceRoot: root)
        progress("loading and checking the workspace")
        // Only an internal site's keys are made of the files' hashes (`write`).
        let prepared = try PreparedWorkspace.prepare(root: root, audience: audience, hashingContent: audience == .internal, cache: cache)
        let visible = AudienceFilter.view(of: prepared.loaded.workspace, for: audience)
        progress("building \(visible.projects.count) project pages")
        let model = SiteModel(workspace: visible, audience: audience, options: options, index: prepared.index(of: visible, for: audience),
            rowsCache: cache.map { ListingRowsCache(cache: $0, audience: audience, loaded: prepared.loaded) })
        defer {
            keepAlive(prepared)
            keepAlive(model)
        }
        let previous = incremental ? PreviousBuild(folder: out, audience: audience) : nil
        let keys = PageKey(audience: audience, templates: prepared.templates, options: options, settings: visible.settings,
            tagSlugs: model.tagSlugs)
        let staging = try OutputFolder.makeStaging(for: out)
        do {
            let files = try write(model, workspace: visible, audience: audience, templates: prepared.templates, keys: keys,
                contentHashes: prepared.loaded.contentHashes, previous: previous, into: staging, progress: progress,
                prose: cache.map { ProseDestinationsCache(cache: $0, audience: audience, loaded: prepared.loaded) })
            progress("replacing \((out as NSString).lastPathComponent)/")
            let replaced = previous?.record.audience ?? BuildRecord.read(from: out)?.audience
            try OutputFolder.replace(out, with: staging)
            return Summary(folder: out, files: files.map(\.path), bytes: files.reduce(0) { $0 + $1.bytes },
                reused: files.count { $0.reused }, warnings: prepared.warnings, publicOnlyErrors: prepared.publicOnlyErrors,
                projects: visible.projects.count, leftOut: prepared.loaded.workspace.projects.count - visible.projects.count,
                replaced: replaced)
        } catch {
            OutputFolder.remove(staging)
            throw error
        }
    }

    /// Who the site dossier last built in `folder` is for; nil when it holds none.
    public static func audience(ofSiteIn folder: String) -> Audience? {
        BuildRecord.read(from: OutputFolder.followingLink(folder))?.audience
    }

    struct Written: Sendable {
        var path: String
        var bytes: Int
        var key: String?
        var reused = false
    }

    /// One file of the site: where it goes, its content key, and how to make it when it cannot be
    /// reused.
    struct Output {
        var path: String
        var key: String
        var make: () throws(BuildFailure) -> [UInt8]
    }

    /// Renders (or reuses) and writes every page in parallel; nothing is kept in memory once written.
    static func write(_ model: SiteModel, workspace: Workspace, audience: Audience, templates: TemplateSet, keys: PageKey,
        contentHashes: [String: String], previous: PreviousBuild?, into folder: String,
        progress: @Sendable (String) -> Void, prose: ProseDestinationsCache? = nil) throws(BuildFailure) -> [Written] {
        // A public site's keys come from the public view alone (the files' hashes cover private
        // indicators and notes too): a published `.dossier-build` must not change when only
        // private material did.
        let fileHashes = audience == .internal ? contentHashes : [:]
        let projectDigests = workspace.projects.concurrentMap { project in
            PageKey.digests(of: project, root: workspace.root, contentHashes: fileHashes,
                prose: prose?.destinations(of: project))
        }
        let threats = ThreatsElsewhere(model.correlations, links: projectDigests.flatMap(\.links))
        // Every folder of the site, made once here rather than looked for with each file.
        let imageFolders = zip(workspace.projects, projectDigests).compactMap { project, digests in
            digests.images.isEmpty ? nil : SiteLayout.projectFolder(project.slug) + "/" + SiteLayout.imagesFolder
        }
        let folders = Set(workspace.projects.map { SiteLayout.projectFolder($0.slug) } + imageFolders
            + model.listingPages.map { ($0.path as NSString).deletingLastPathComponent })
        OutputFolder.keepOnly(folders, in: folder)
        for relative in folders.sorted() {
            let path = folder + "/" + relative
            if let failure = OutputFolder.makeFolder(path) {
                throw BuildFailure(.write, message: "cannot create \(path): \(failure)", naming: [path])
            }
        }
        var jobs: [@Sendable () -> [Output]] = []
        jobs.append {
            let digest = PageKey.digest(of: model.index)
            return [Output(path: SiteLayout.indexFile, key: keys.page(template: "index.html", model: digest)) {
                Array(templates.render(model.index, page: "index.html").utf8)
            }]
        }
        let projectRecords = projectDigests.map(\.records)
        // Only report templates that say where a table is cut cut it: a workspace's own, written
        // before, would show 1,000 of a table's rows under its whole count, and say nothing.
        let cuttingTables = ["report.html", "report.md"].allSatisfy { templates.reads("isCut", from: $0) }
        for (position, project) in workspace.projects.enumerated() {
            jobs.append {
                let base = SiteLayout.projectFolder(project.slug) + "/"
                let digest = PageKey.report(project: projectDigests[position].whole) {
                    model.correlations(at: position, into: &$0)
                    for link in projectDigests[position].links
                    where threats.reached(byLinkTo: link.value, type: link.type, from: position) {
                        $0.update("threat link \(link.type.rawValue) \(link.value.utf8.count) \(link.value)\n")
                    }
                    if NoteLinks.mayLinkElsewhere(project) { $0.update("links \(model.linkTargets)\n") }
                    // Where the rest of a long table is: its section's page follows other projects' rows.
                    let overflow = model.overflow(at: position)
                    if !overflow.isEmpty { $0.update("overflow \(overflow.utf8.count)\n\(overflow)") }
                }
                // Made only when a page has to be rendered, and then once for both formats; the
                // last to use it takes it (its rows are then set without a copy).
                var made: ProjectReport?
                func report(last: Bool = false) -> ProjectReport {
                    let report = made ?? model.report(at: position, threats: threats, cuttingTables: cuttingTables)
                    made = last ? nil : report
                    return report
                }
                var outputs = [
                    Output(path: base + "index.html", key: keys.page(template: "report.html", model: digest)) {
                        Array(templates.render(RowRendering.prerendered(report(), with: templates), page: "report.html").utf8)
                    },
                    Output(path: base + SiteLayout.markdownReport, key: keys.page(template: "report.md", model: digest)) {
                        Array(templates.render(RowRendering.prerenderedMarkdown(report(last: true), with: templates), page: "report.md").utf8)
                    },
                ]
                for export in SiteLayout.exportFiles {
                    outputs.append(Output(path: base + export.file, key: keys.export(export.format, project: projectDigests[position].whole)) {
                        Exporter.export(project, in: workspace, for: audience, format: export.format)
                    })
                }
                // The images `report.md` shows, named by their content: their key is its SHA-256,
                // which the copy must have (the file may have changed since it was hashed).
                for (image, hash) in projectDigests[position].images {
                    let path = base + SiteLayout.imageFile(hash: hash, mediaType: image.mediaType)
                    outputs.append(Output(path: path, key: hash) { () throws(BuildFailure) in
                        guard let bytes = NoteImages.bytes(of: image), SHA256.hex(bytes) == hash else {
                            throw BuildFailure(.write, message: "\(image.file) changed while the site was built, or can no longer be read; build again",
                                naming: [image.file])
                        }
                        return bytes
                    })
                }
                return outputs
            }
        }
        for position in 0..<model.listingCount {
            jobs.append {
                let (page, places) = model.listingPlaces(at: position)
                let digest = PageKey.listing(page, rows: places, projectRecords: projectRecords)
                let path = model.listingPages[position].path
                return [Output(path: path, key: keys.page(template: "listing.html", model: digest)) {
                    Array(templates.render(RowRendering.prerendered(model.listing(at: position).page, with: templates), page: "listing.html").utf8)
                }]
            }
        }
        let results = jobs.concurrentMap { job -> Result<[Written], BuildFailure> in
            var written: [Written] = []
            for output in job() {
                if let bytes = previous?.reuse(output.path, key: output.key, into: folder) {
                    written.append(Written(path: output.path, bytes: bytes, key: output.key, reused: true))
                    continue
                }
                do throws(BuildFailure) {
                    let bytes = try output.make()
                    try OutputFolder.writeFile(bytes, at: folder + "/" + output.path)
                    written.append(Written(path: output.path, bytes: bytes.count, key: output.key))
                } catch {
                    return .failure(error)
                }
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
        try writeRecord(of: files, audience: audience, in: folder)
        return files.sorted { $0.path < $1.path }
    }

    /// The keys of this build, for the next one. Written last: a build that fails before has no
    /// record, and the folder it would have replaced keeps its own.
    static func writeRecord(of files: [Written], audience: Audience, in folder: String) throws(BuildFailure) {
        var entries: [String: BuildRecord.Entry] = [:]
        for file in files {
            guard let key = file.key else { continue }
            entries[file.path] = BuildRecord.Entry(key: key, bytes: file.bytes)
        }
        let record = BuildRecord(audience: audience, entries: entries)
        try OutputFolder.writeFile(Array(record.text().utf8), at: folder + "/" + BuildRecord.fileName)
    }
}
