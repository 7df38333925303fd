import DossierCore

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
