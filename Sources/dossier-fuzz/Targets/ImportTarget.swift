import DossierCore
import DossierInterop

/// One importer on the input (and format detection). Properties: a file that failed gives nothing
/// to merge; every indicator is normal and once; written as `indicators.json` and loaded back, the
/// imported indicators load without error and unchanged (import → write → load is the identity).
enum ImportTarget {
    static func run(_ bytes: [UInt8], format: ImportFormat) {
        _ = Importer.detect(bytes)
        let result = Importer.read(bytes, path: "/fuzz/input", format: format)
        if result.failed {
            Property.check(result.indicators.isEmpty, "\(format.rawValue): a file that failed still gave \(result.indicators.count) indicators")
            return
        }
        var keys: Set<IndicatorKey> = []
        for indicator in result.indicators {
            Property.check(keys.insert(indicator.key).inserted, "\(format.rawValue): \(indicator.key) imported twice")
            Property.check(Indicators.normalize(indicator.value, as: indicator.type) == .success(indicator.value),
                "\(format.rawValue): \(indicator.type.rawValue) \(IndicatorTarget.debug(indicator.value)) is not normal")
        }
        for diagnostic in result.diagnostics {
            if let position = diagnostic.location?.position {
                Property.check(position.line >= 1 && position.column >= 1, "\(format.rawValue): diagnostic at \(position)")
            }
        }
        guard !result.indicators.isEmpty else { return }
        let project = Project(slug: "p", folder: Scratch.root + "/p", title: "Fuzz", indicators: result.indicators)
        let written = CanonicalJSON.indicatorsFile(project)
        Scratch.write(settings: Scratch.settings, project: Scratch.project, indicators: written)
        let loaded = WorkspaceLoader.load(root: Scratch.root)
        let errors = loaded.diagnostics.items.filter { $0.severity == .error }
        Property.check(errors.isEmpty, "\(format.rawValue): the imported indicators do not load back: \(errors)")
        let reloaded = loaded.workspace.projects.first.map { CanonicalJSON.indicatorsFile($0) }
        Property.check(reloaded == written, "\(format.rawValue): the imported indicators load back changed")
    }
}
