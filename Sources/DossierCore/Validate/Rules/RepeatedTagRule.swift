/// One tag twice on an indicator, as tags compare (without case, spaces tidied: `Blocked` and
/// ` blocked `): reports list it twice in the indicator's row. A warning, at the indicator's tags.
public struct RepeatedTagRule: ProjectRule {
    public static let code = "repeated-tag"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // By position, and only indicators with two tags or more: most have one or none.
        for i in project.indicators.indices where project.indicators[i].tags.count > 1 {
            let repeats = Tag.once(project.indicators[i].tags).repeats
            guard !repeats.isEmpty else { continue }
            let indicator = project.indicators[i]
            let spellings = repeats.map { $0.first == $0.again ? "\"\($0.first)\" twice" : "\"\($0.first)\" and \"\($0.again)\"" }
            diagnostics.append(.warning(at: indicator.location(in: project, at: indicator.origin?.tags),
                "\(indicator.value) has the tag\(repeats.count > 1 ? "s" : "") \(spellings.joined(separator: ", ")), which are \(repeats.count > 1 ? "each pair " : "")one tag (tags compare without case or extra blanks); keep one (`dossier fmt --merge` keeps the first)",
                code: Self.code))
        }
        return diagnostics
    }
}
