/// A tag with no name (empty, white space, or characters that show as nothing, such as a
/// zero-width space): it would be published as a tag page with no name. A warning, at the tag.
public struct BlankTagRule: ProjectRule {
    public static let code = "blank-tag"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let blank = project.tags.firstIndex(where: Tag.isBlank) {
            var projectPlaces = ElementPlaces(path: project.projectFile)
            let position = project.origin?.tags.map { projectPlaces.position(ofElement: blank, inArrayAt: $0) }
            diagnostics.append(.warning(at: SourceLocation(path: project.projectFile, position: position ?? .start),
                "the project has a tag with no name; remove it from \(ProjectFiles.project)", code: Self.code))
        }
        var places = ElementPlaces(path: project.indicatorsFile)
        // By position: only an indicator with such a tag is copied.
        for i in project.indicators.indices where project.indicators[i].tags.contains(where: Tag.isBlank) {
            let indicator = project.indicators[i]
            let blank = indicator.tags.firstIndex(where: Tag.isBlank) ?? 0
            diagnostics.append(.warning(at: indicator.location(in: project, at: indicator.origin?.tags.map { places.position(ofElement: blank, inArrayAt: $0) }),
                "\(indicator.value) has a tag with no name; remove it (`dossier untag` cannot name it: edit the file)",
                code: Self.code))
        }
        return diagnostics
    }
}
