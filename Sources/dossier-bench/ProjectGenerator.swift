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

    private func indicators(project index: Int, random: inout SeededRandom) -> [Indicator] {
        let shared = shape.sharedPerProject
        var result: [Indicator] = []
        result.reserveCapacity(shape.indicators)
        for slot in 0..<shape.indicators {
            var indicator: Indicator
            if slot < shared {
                // Type, value, tags and classification come from the shared number alone, so every
                // project recording it agrees and `check` stays quiet about it.
                let number = shape.sharedNumber(project: index, slot: slot)
                var own = SeededRandom(seed: shape.seed, stream: 4, index: number)
                let type = IndicatorValues.type(&own)
                indicator = Indicator(value: IndicatorValues.value(type, number: 2 * number + 1, random: &own), type: type)
                IndicatorContext.classify(&indicator, random: &own)
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

/// Tags, classification, dates and provenance of a synthetic indicator.
enum IndicatorContext {
    /// Starter vocabulary tags and their share in percent.
    static let vocabularyTags: [(String, Int)] = [
        ("Blocked", 40), ("Quarantine", 20), ("Abuse Box", 15), ("Newly Observed", 20), ("Company Name", 5),
    ]

    /// Either vocabulary tags (with or without the explicit classification they imply, never a
    /// contradicting one), an explicit classification with free tags, or neither.
    static func classify(_ indicator: inout Indicator, random: inout SeededRandom) {
        let roll = random.below(100)
        if roll < 50 {
            var tags = [vocabularyTag(&random)]
            if random.percent(10) { tags = Tag.union(tags, [vocabularyTag(&random)]) }
            if random.percent(40) { tags.append(random.pick(Words.freeTags)) }
            indicator.tags = tags
            if roll >= 35 { indicator.classification = Vocabulary.starter.impliedClassification(of: tags) }
        } else if roll < 75 {
            indicator.classification = random.pick(Classification.allCases)
            if random.percent(60) { indicator.tags = [random.pick(Words.freeTags)] }
        } else if random.percent(50) {
            indicator.tags = [random.pick(Words.freeTags)]
        }
    }

    static func describe(_ indicator: inout Indicator, random: inout SeededRandom) {
        if random.percent(60) {
            let first = random.below(760)
            indicator.firstSeen = Text.date(daysAfter2024: first)
            if random.percent(50) { indicator.lastSeen = Text.date(daysAfter2024: first + random.below(60)) }
        }
        if random.percent(40) { indicator.source = random.pick(Words.sources) }
        if random.percent(30) { indicator.comment = random.pick(Words.comments) }
    }

    private static func vocabularyTag(_ random: inout SeededRandom) -> String {
        var roll = random.below(100)
        for (tag, share) in vocabularyTags {
            if roll < share { return tag }
            roll -= share
        }
        return "Blocked"
    }
}
