/// `dossier.json`: the workspace's title and tag vocabulary.
public struct WorkspaceSettings: Sendable, Hashable {
    public var title: String
    public var vocabulary: Vocabulary
    public var extra: [JSONObject.Member]
    /// Where `dossier.json` writes the title, for a finding about it (nil: not written).
    public var titlePosition: SourcePosition?

    public init(title: String, vocabulary: Vocabulary = .starter, extra: [JSONObject.Member] = [], titlePosition: SourcePosition? = nil) {
        self.title = title
        self.vocabulary = vocabulary
        self.extra = extra
        self.titlePosition = titlePosition
    }
}

/// A loaded workspace: settings and every project, sorted by slug.
public struct Workspace: Sendable, Hashable {
    /// Absolute path of the folder holding `dossier.json`.
    public var root: String
    public var settings: WorkspaceSettings
    public var projects: [Project]

    public init(root: String, settings: WorkspaceSettings, projects: [Project] = []) {
        self.root = root
        self.settings = settings
        self.projects = projects
    }

    public var vocabulary: Vocabulary { settings.vocabulary }
    public var settingsFile: String { root + "/" + ProjectFiles.workspace }

    /// The indicators of the project at `position`, read in place: a method called on
    /// `projects[p].indicators[i]` copies the project and the indicator (retaining and releasing
    /// each of their strings), once per call.
    public func withIndicators<T>(ofProjectAt position: Int, _ body: (UnsafeBufferPointer<Indicator>) -> T) -> T {
        projects.withUnsafeBufferPointer { $0[position].indicators.withUnsafeBufferPointer(body) }
    }

    public func project(_ slug: String) -> Project? {
        projects.first { $0.slug == slug }
    }
}
