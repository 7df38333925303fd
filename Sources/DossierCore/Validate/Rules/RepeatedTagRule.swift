/// One tag twice on an indicator or on the project, as tags compare (without case, spaces tidied:
/// `Blocked` and ` blocked `): reports list it twice. A warning, at the tag written again.
public struct RepeatedTagRule: ProjectRule {
    public static let code = "repeated-tag"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let message = Self.message(project.tags, of: "the project") {
            var places = ElementPlaces(path: project.projectFile)
            let position = project.origin?.tags.map { places.position(ofElement: Self.firstRepeat(project.tags), inArrayAt: $0) }
            diagnostics.append(.warning(at: SourceLocation(path: project.projectFile, position: position ?? .start), message, code: Self.code))
        }
        var places = ElementPlaces(path: project.indicatorsFile)
        // By position, and only indicators with two tags or more: most have one or none.
        for i in project.indicators.indices where project.indicators[i].tags.count > 1 {
            let indicator = project.indicators[i]
            guard let message = Self.message(indicator.tags, of: indicator.value) else { continue }
            let position = indicator.origin?.tags.map { places.position(ofElement: Self.firstRepeat(indicator.tags), inArrayAt: $0) }
            diagnostics.append(.warning(at: indicator.location(in: project, at: position), message, code: Self.code))
        }
        return diagnostics
    }

    /// The index of the first tag that repeats one before it.
    private static func firstRepeat(_ tags: [String]) -> Int {
        let keys = tags.map(Tag.key)
        return keys.indices.first { keys[..<$0].contains(keys[$0]) } ?? 0
    }

    /// What the warning says of `tags` (of `owner`), nil when none is repeated.
    private static func message(_ tags: [String], of owner: String) -> String? {
        guard tags.count > 1 else { return nil }
        let repeats = Tag.once(tags).repeats
        guard !repeats.isEmpty else { return nil }
        let spellings = repeats.map { $0.first == $0.again ? "\"\($0.first)\" twice" : "\"\($0.first)\" and \"\($0.again)\"" }
        return "\(owner) has the tag\(repeats.count > 1 ? "s" : "") \(spellings.joined(separator: ", ")), which are \(repeats.count > 1 ? "each pair " : "")one tag (tags compare without case or extra blanks); keep one (`dossier fmt --merge` keeps the first)"
    }
}
