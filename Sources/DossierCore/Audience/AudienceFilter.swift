/// What one audience may see of a workspace (PRODUCT.md §2). Every renderer and exporter works
/// on the result of this one function and never on the loaded workspace, so a public output
/// cannot hold what was removed here, however a template or exporter is written.
///
/// Public: public projects only; in them no private indicator, private note, private tag (in the
/// vocabulary, on indicators and on the project), no `source` (nor a tag written as one,
/// `Tag.isSourceTag`), no unknown fields (they may
/// hold anything) and no HTML comment in a note or the summary. Private projects vanish entirely, so correlations and counts built afterwards
/// cannot mention them. Internal: everything.
public enum AudienceFilter {
    public static func view(of workspace: Workspace, for audience: Audience) -> Workspace {
        guard audience == .public else { return workspace }
        let vocabulary = workspace.vocabulary
        let publicVocabulary = Vocabulary(vocabulary.definitions.compactMap { definition in
            guard definition.isPrivate != true else { return nil }
            var kept = definition
            kept.extra = []
            return kept
        })
        var settings = workspace.settings
        settings.vocabulary = publicVocabulary
        settings.extra = []
        // Each tag asked once: indicators share a few hundred tags among a million of them.
        var privateTags: [String: Bool] = [:]
        let isPrivate = { (tag: String) -> Bool in
            if let known = privateTags[tag] { return known }
            // A source tag (`dossier:source="..."`) is provenance, as a source is.
            let answer = vocabulary.isPrivate(tag) || Tag.isSourceTag(tag)
            privateTags[tag] = answer
            return answer
        }
        let projects = workspace.projects.compactMap { project -> Project? in
            guard project.visibility == .public else { return nil }
            return publicView(of: project, vocabulary: vocabulary, isPrivate: isPrivate)
        }
        return Workspace(root: workspace.root, settings: settings, projects: projects)
    }

    static func publicView(of project: Project, vocabulary: Vocabulary, isPrivate: (String) -> Bool) -> Project {
        var result = project
        result.tags = project.tags.filter { !isPrivate($0) }
        result.extra = []
        result.indicatorsExtra = []
        // HTML comments are the remarks writers leave for each other, and so are Markdown's
        // (`[//]: # (remark)`): no public output holds one (not even a machine export of a note's
        // text), which is also what `check` assumes when it looks for private values in what the
        // site shows. (A `<!--` in code is code.)
        result.summary = project.summary.map { MarkdownComments.removed(from: HTMLComments.removed(from: $0)) }
        result.notes = project.notes.filter { publishes($0, of: project) }.map { note in
            var kept = note
            kept.body = MarkdownComments.removed(from: HTMLComments.removed(from: note.body))
            return kept
        }
        result.indicators = project.indicators.compactMap { indicator in
            guard !indicator.isPrivate else { return nil }
            var kept = indicator
            // Fix the classification before private tags go, so the public view says what the
            // analysts decided even when a private tag decided it.
            kept.classification = indicator.effectiveClassification(in: vocabulary)
            kept.tags = indicator.tags.filter { !isPrivate($0) }
            kept.source = nil
            kept.extra = []
            kept.privateFlag = nil
            return kept
        }
        return result
    }

    /// True when the public audience sees `note`: a public note of a public project. The check's
    /// rules ask it too (a private value written in such a note would be published).
    public static func publishes(_ note: Note, of project: Project) -> Bool {
        project.visibility == .public && note.effectiveVisibility(in: project) == .public
    }

    /// A public request for a private project: what to say instead.
    public static func refusal(for project: Project) -> String {
        "project \"\(project.slug)\" is private; public output holds only public projects. Add --internal for internal output, or make the project public (visibility \"public\", tlp \"clear\")"
    }
}
