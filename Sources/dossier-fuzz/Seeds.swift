import DossierCore
import DossierInterop
import Foundation

/// The seed corpus of each target, read from the repository at run time: the sample workspace, the
/// interchange fixtures (Tests/Fixtures, a copy of ../shared/fixtures), exports of the sample
/// projects in every format, and the small hand-written seeds of Tests/Fuzz/Corpus/TARGET/
/// (including every input that once broke a target).
enum Seeds {
    /// The repository: DOSSIER_REPOSITORY, else where this file was compiled.
    static var repository: String {
        if let path = ProcessInfo.processInfo.environment["DOSSIER_REPOSITORY"] { return path }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static func corpus(for target: FuzzTarget) -> [[UInt8]] {
        let repository = repository
        let samples = repository + "/sample-projects"
        let fixtures = repository + "/Tests/Fixtures"
        var seeds = files(in: repository + "/Tests/Fuzz/Corpus/" + target.rawValue)
        switch target {
        case .json:
            seeds += files(in: samples, suffix: ".json") + files(in: fixtures, suffix: ".json")
        case .frontMatter:
            seeds += files(in: samples, suffix: ".md")
        case .indicators:
            let workspace = WorkspaceLoader.load(root: samples).workspace
            for indicator in workspace.projects.flatMap(\.indicators) {
                seeds.append(Array(indicator.value.utf8))
                seeds.append(Array(Indicators.defang(indicator.value, as: indicator.type).utf8))
            }
        case .text:
            seeds += files(in: samples, suffix: ".md") + files(in: fixtures, suffix: ".adoc") + files(in: fixtures, suffix: ".sha1")
            seeds += exports(.text, samples: samples)
        case .csv:
            seeds += exports(.csv, samples: samples)
        case .misp:
            seeds += files(in: fixtures + "/misp", suffix: ".json") + exports(.misp, samples: samples)
        case .stix:
            seeds += files(in: fixtures + "/stix2", suffix: ".json") + exports(.stix, samples: samples)
        case .passivetotal:
            break
        case .images:
            seeds += files(in: samples, suffix: ".png")
        }
        return seeds.isEmpty ? [[]] : seeds
    }

    /// Files under `folder` (recursively) whose names end with `suffix`, sorted by path.
    static func files(in folder: String, suffix: String = "") -> [[UInt8]] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = folder + "/" + relative
            if relative.hasSuffix(suffix), !(relative as NSString).lastPathComponent.hasPrefix("."),
                FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted().compactMap { FileManager.default.contents(atPath: $0).map(Array.init) }
    }

    /// Every sample project exported in `format`, for both audiences.
    static func exports(_ format: ExportFormat, samples: String) -> [[UInt8]] {
        let workspace = WorkspaceLoader.load(root: samples).workspace
        return Audience.allCases.flatMap { audience in
            let view = AudienceFilter.view(of: workspace, for: audience)
            return view.projects.map { Exporter.export($0, in: view, for: audience, format: format) }
        }
    }
}
