import DossierCore

/// One synthetic project: its model (written with `CanonicalJSON`) and its notes as Markdown text.
struct GeneratedProject: Sendable {
    var project: Project
    /// File name and content of each note.
    var notes: [(name: String, text: String)]
}

/// Makes project number `index` of a workspace shape. A pure function of the shape and the index, so
/// projects can be made in parallel, and the runner can remake one to pick values to look up.
struct ProjectGenerator {
    let shape: WorkspaceShape
    let root: String

    func make(_ index: Int) -> GeneratedProject {
        var random = SeededRandom(seed: shape.seed, stream: 3, index: index)
        let slug = shape.slug(index)
        let isPublic = index % 3 == 0
        let created = random.below(700)
        let theme = random.pick(Words.themes)
        let words = shape.name(index)
        let name = Text.capitalized(words.adjective) + " " + Text.capitalized(words.noun)
        var tags = [random.pick(Words.projectTags)]
        if random.percent(30) { tags = Tag.union(tags, [random.pick(Words.projectTags)]) }
        var project = Project(
            slug: slug, folder: root + "/" + slug, title: "\(name) \(theme)",
            summary: "Synthetic case file, \(theme). \(random.pick(Words.sentences))",
            visibility: isPublic ? .public : .private,
            tlp: isPublic ? .clear : random.pick([.green, .amber, .amber, .amberStrict, .red, .clear]),
            status: random.percent(60) ? .open : .closed,
            created: Text.date(daysAfter2024: created), updated: Text.date(daysAfter2024: created + random.below(90)),
            owner: random.pick(Words.owners), tags: tags)
        project.indicators = indicators(project: index, random: &random)
        let notes = NoteWriter(project: project, shape: shape).notes(random: &random)
        return GeneratedProject(project: project, notes: notes)
    }

    /// Shared value number `number`: type, value, tags and classification come from the number
    /// alone, so every project recording it agrees and `check` stays quiet about it.
    func sharedIndicator(_ number: Int) -> Indicator {
        var own = SeededRandom(seed: shape.seed, stream: 4, index: number)
        let type = IndicatorValues.type(&own)
        var indicator = Indicator(value: IndicatorValues.value(type, number: 2 * number + 1, random: &own), type: type)
        IndicatorContext.classify(&indicator, random: &own)
        return indicator
    }

    private func indicators(project index: Int, random: inout SeededRandom) -> [Indicator] {
        let shared = shape.sharedPerProject
        var result: [Indicator] = []
        result.reserveCapacity(shape.indicators)
        for slot in 0..<shape.indicators {
            var indicator: Indicator
            if slot < shared {
                indicator = sharedIndicator(shape.sharedNumber(project: index, slot: slot))
            } else {
                let type = IndicatorValues.type(&random)
                let number = 2 * (index * shape.indicators + slot)
                indicator = Indicator(value: IndicatorValues.value(type, number: number, random: &random), type: type)
                IndicatorContext.classify(&indicator, random: &random)
                if random.percent(5) { indicator.privateFlag = true } else if random.percent(2) { indicator.privateFlag = false }
            }
            IndicatorContext.describe(&indicator, random: &random)
            result.append(indicator)
        }
        // Already in canonical order, so `CanonicalJSON`'s sort finds one run and moves nothing:
        // sorting indices is far cheaper than sorting the large indicator values.
        let keys = result.map(\.key)
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        return order.map { result[$0] }
    }
}
