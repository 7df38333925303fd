/// Messages for a project name that matches none.
public enum ProjectLookup {
    /// "no project "x" in this workspace. Did you mean "y"? Projects: …" — the same words as edits use.
    public static func unknownProjectMessage(_ slug: String, in workspace: Workspace) -> String {
        let slugs = workspace.projects.map(\.slug)
        return ProjectEdit.Failure.unknownProject(slug, projects: slugs, closest: ClosestName.find(slug, in: slugs)).description
    }
}
