extension ProjectEdit {
    /// Why a project cannot be edited. Both are findings about the workspace, said in the user's terms.
    public enum Failure: Error, CustomStringConvertible, Equatable {
        /// No project folder of that name; lists the projects there are, and the closest name.
        case unknownProject(String, projects: [String], closest: String?)
        /// The files the edit would read or rewrite have errors (the diagnostics, errors first).
        case invalidFiles(String, diagnostics: [Diagnostic])

        public var description: String { description(ending: "nothing was changed") }

        /// The message, ending with what the command did not do (`nothing was exported`).
        public func description(ending outcome: String) -> String {
            switch self {
            case .unknownProject(let slug, let projects, let closest):
                let hint = closest.map { " Did you mean \"\($0)\"?" } ?? ""
                guard !projects.isEmpty else {
                    return "no project \"\(slug)\": the workspace has no project yet; create one with `dossier new \(slug)`"
                }
                let shown = projects.prefix(Self.listed).joined(separator: ", ")
                let more = projects.count > Self.listed ? " and \(projects.count - Self.listed) more" : ""
                return "no project \"\(slug)\" in this workspace.\(hint) Projects: \(shown)\(more)"
            case .invalidFiles(let slug, let diagnostics):
                // The workspace's own file (its vocabulary) is no project's.
                let inSettings = diagnostics.filter { $0.location?.path.hasSuffix("/" + ProjectFiles.workspace) == true }
                if !inSettings.isEmpty && inSettings.count == diagnostics.count {
                    return "the workspace's \(ProjectFiles.workspace) has errors (listed above); fix them first (see `dossier check`); \(outcome)"
                }
                return "project \(slug) has errors in its files (listed above); fix them first (see `dossier check`); \(outcome)"
            }
        }

        /// How many project names an "unknown project" message lists.
        static let listed = 30
    }
}
