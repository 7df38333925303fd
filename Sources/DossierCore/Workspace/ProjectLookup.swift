/// Messages for a project name that matches none.
public enum ProjectLookup {
    public static func unknownProjectMessage(_ slug: String, in workspace: Workspace) -> String {
        let slugs = workspace.projects.map(\.slug)
        guard !slugs.isEmpty else { return "no project \"\(slug)\": the workspace has no projects yet (create one with `dossier new SLUG`)" }
        var message = "no project \"\(slug)\""
        if let near = closest(slug, in: slugs) { message += "; did you mean \"\(near)\"?" }
        return message + " Projects: " + slugs.joined(separator: ", ")
    }

    /// The slug sharing the longest prefix or containing the name, when one is clearly closest.
    static func closest(_ name: String, in slugs: [String]) -> String? {
        let lowered = name.lowercased()
        if let contained = slugs.first(where: { $0.contains(lowered) || lowered.contains($0) }) { return contained }
        let scored = slugs.map { slug in (slug, zip(slug, lowered).prefix { $0 == $1 }.count) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= 3 else { return nil }
        return best.0
    }
}
