/// A tag written as dossier's MISP export writes a source (`dossier:source="mail gateway"`,
/// however spelled: `Tag.isSourceTag`): public outputs leave it out, as they do a source, and
/// every import reads it as the indicator's source, so the tag does not come back. A warning,
/// at the tag, saying how to record it as the source.
public struct SourceTagRule: ProjectRule {
    public static let code = "source-tag"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        let said = "is written as dossier's MISP export writes a source: public outputs leave it out, and every import reads it as the source"
        var diagnostics: [Diagnostic] = []
        var projectPlaces = ElementPlaces(path: project.projectFile)
        for (index, tag) in project.tags.enumerated() where Tag.isSourceTag(tag) {
            let position = project.origin?.tags.map { projectPlaces.position(ofElement: index, inArrayAt: $0) }
            diagnostics.append(.warning(at: SourceLocation(path: project.projectFile, position: position ?? .start),
                "the project's tag \(tag) \(said); take it off (a source is an indicator's: dossier add \(project.slug) VALUE --source TEXT)",
                code: Self.code))
        }
        var places = ElementPlaces(path: project.indicatorsFile)
        // By position: only an indicator with such a tag is copied.
        for i in project.indicators.indices where project.indicators[i].tags.contains(where: Tag.isSourceTag) {
            let indicator = project.indicators[i]
            for (index, tag) in indicator.tags.enumerated() where Tag.isSourceTag(tag) {
                let position = indicator.origin?.tags.map { places.position(ofElement: index, inArrayAt: $0) }
                diagnostics.append(.warning(at: indicator.location(in: project, at: position),
                    "\(indicator.value)'s tag \(tag) \(said); record it as the source: dossier untag \(project.slug) TAG \(indicator.value), then dossier add \(project.slug) \(indicator.value) --source TEXT",
                    code: Self.code))
            }
        }
        return diagnostics
    }
}
