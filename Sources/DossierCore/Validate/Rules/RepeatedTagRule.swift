/// One tag twice on an indicator, as tags compare (without case, spaces tidied: `Blocked` and
/// ` blocked `): reports list it twice in the indicator's row. A warning, at the indicator's tags.
public struct RepeatedTagRule: ProjectRule {
    public static let code = "repeated-tag"
    public init() {}

    public func check(_ project: Project, in workspace: Workspace) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // By position, and only indicators with two tags or more: most have one or none.
        for i in project.indicators.indices where project.indicators[i].tags.count > 1 {
            guard let (first, again) = Self.repeated(in: project.indicators[i].tags) else { continue }
            let indicator = project.indicators[i]
            let spellings = first == again ? "\"\(first)\" twice" : "\"\(first)\" and \"\(again)\""
            diagnostics.append(.warning(at: indicator.location(in: project, at: indicator.origin?.tags),
                "\(indicator.value) has the tag \(spellings), which are one tag (tags compare without case); keep one (`dossier fmt --merge` keeps the first)",
                code: Self.code))
        }
        return diagnostics
    }

    /// The first tag written again in `tags`, as first written and as written again.
    static func repeated(in tags: [String]) -> (String, String)? {
        var keys: [String: String] = [:]
        for tag in tags {
            if let first = keys.updateValue(tag, forKey: Tag.key(tag)) { return (first, tag) }
        }
        return nil
    }
}
