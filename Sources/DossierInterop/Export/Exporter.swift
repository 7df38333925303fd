import DossierCore

/// One project as a machine-readable file (PRODUCT.md §6).
///
/// `workspace` must already be filtered for the audience (`AudienceFilter.view(of:for:)`), and
/// `project` must come from it: exporters write what they are given and never look further, so a
/// public export cannot hold anything the filter removed (private indicators, tags and notes,
/// `source`, unknown fields). Every format is a pure function of its input: the same project gives
/// the same bytes (no clock, ids derived from content), so exports committed to git or published
/// by `dossier build` only change when the project does.
public enum Exporter {
    /// - Parameter classifications: only the indicators of these classifications (the effective
    ///   ones); all when empty. Such a part of a project is an event or report of its own, with
    ///   ids of its own, named for what it holds.
    ///   - types: only the indicators of these types (a DNS blocklist: domains); all when empty.
    ///   - audience: the one `workspace` was filtered for; a CSV file's columns are its own.
    public static func export(_ project: Project, in workspace: Workspace, for audience: Audience, format: ExportFormat,
        classifications: [Classification] = [], types: [IndicatorType] = []) -> [UInt8] {
        let context = ExportContext(project: project, vocabulary: workspace.vocabulary, workspaceTitle: workspace.settings.title,
            audience: audience, classifications: classifications, types: types, root: workspace.root)
        switch format {
        case .csv: return CSVExporter.export(context)
        case .json: return JSONExporter.export(context)
        case .stix: return STIXExporter.export(context)
        case .misp: return MISPExporter.export(context)
        case .text: return TextExporter.export(context)
        }
    }

    /// The indicators of `indicators` an export of `classifications` and `types` holds
    /// (effective classifications; all of either when empty), in their order.
    public static func selected(_ indicators: [Indicator], classifications: [Classification], types: [IndicatorType] = [],
        vocabulary: Vocabulary) -> [Indicator] {
        guard !classifications.isEmpty || !types.isEmpty else { return indicators }
        return indicators.filter { indicator in
            (types.isEmpty || types.contains(indicator.type))
                && (classifications.isEmpty || classifications.contains(indicator.effectiveClassification(in: vocabulary)))
        }
    }
}

/// What every exporter works from: the project, its indicators in canonical order with the
/// classification each one effectively has, and the project's dates as instants.
struct ExportContext {
    let project: Project
    /// The marking of the project's own material (its report, its event): its TLP, raised by a
    /// `tlp:` tag of the project, and at least `TLP.privateMaterial` for a private project. Worked
    /// out once: every indicator's marking starts from it (`tlp(of:)`).
    let projectTLP: TLP
    let vocabulary: Vocabulary
    let workspaceTitle: String
    let audience: Audience
    /// The workspace's folder, where the images the project's notes show are read from.
    let root: String
    /// Canonical order (type, then value), so the output does not depend on the file's order.
    let indicators: [Indicator]
    /// The classifications exported when not all are (`Exporter.export`), in their order.
    let classifications: [Classification]
    /// The types exported when not all are, in their order.
    let types: [IndicatorType]

    init(project: Project, vocabulary: Vocabulary, workspaceTitle: String, audience: Audience, classifications: [Classification] = [],
        types: [IndicatorType] = [], root: String = "") {
        self.project = project
        self.root = root
        self.vocabulary = vocabulary
        self.workspaceTitle = workspaceTitle
        self.audience = audience
        let chosen = Classification.allCases.filter(classifications.contains)
        self.classifications = chosen
        self.types = IndicatorType.allCases.filter(types.contains)
        indicators = Exporter.selected(Indicator.canonicallyOrdered(project.indicators), classifications: chosen, types: self.types,
            vocabulary: vocabulary)
        projectTLP = max(project.markingInOutputs, TLP.marked(by: project.tags) ?? .clear)
    }

    /// The notes an export carries (STIX and MISP; JSON has its own), each with whether it is
    /// kept off the public site (an internal export's private note, a private project's): all
    /// the audience sees of a whole project, none of a part (a list of values).
    var notes: [(note: Note, isPrivate: Bool)] {
        part.isEmpty ? project.notes.map { ($0, !AudienceFilter.publishes($0, of: project)) } : []
    }

    /// What makes the ids of a part of the project its own (empty for the whole).
    var part: String {
        (classifications.isEmpty ? "" : "|" + classifications.map(\.rawValue).joined(separator: ","))
            + (types.isEmpty ? "" : "|types " + types.map(\.rawValue).joined(separator: ","))
    }

    /// The project's title, with what a part holds (`Payroll kit (malicious indicators)`,
    /// `Payroll kit (malicious domain, url indicators)`).
    var title: String {
        let held = classifications.map(\.rawValue) + (types.isEmpty ? [] : [types.map(\.rawValue).joined(separator: ", ")])
        return held.isEmpty ? project.title : project.title + " (" + held.joined(separator: " ") + " indicators)"
    }

    /// Consumers do not have the workspace vocabulary, so exports always state the classification:
    /// the explicit one, else the one the tags imply, else unknown.
    func classification(of indicator: Indicator) -> Classification {
        indicator.effectiveClassification(in: vocabulary)
    }


    /// The marking of one indicator: the project's (`projectTLP`), raised by a `tlp:` tag of its
    /// own (data imported with its marking), and at least `TLP.privateMaterial` when it is
    /// private (an internal export): private material is never TLP:CLEAR.
    func tlp(of indicator: Indicator) -> TLP {
        let own = max(projectTLP, TLP.marked(by: indicator.tags) ?? .clear)
        return indicator.isPrivate ? max(own, TLP.privateMaterial) : own
    }

    /// The marking of the whole export, where a format has one for all it holds: the strictest
    /// of its material.
    var tlp: TLP {
        indicators.reduce(projectTLP) { max($0, tlp(of: $1)) }
    }

    /// When the project was created; the Unix epoch when it does not say (never the clock).
    var created: Instant { project.created.flatMap(Instant.init) ?? .epoch }

    /// When the project was last updated, never before `created`.
    var modified: Instant { max(created, project.updated.flatMap(Instant.init) ?? created) }
}
