/// A public project's mentions (`PublishedPrivateValueRule.Mentions`) in the cache's byte format,
/// every field in declaration order.
extension CacheWriter {
    mutating func mentions(_ mentions: PublishedPrivateValueRule.Mentions) {
        array(mentions.texts) { writer, text in
            writer.string(text.name)
            writer.string(text.location.path)
            writer.position(text.location.position)
            writer.bool(text.isNote)
        }
        array(mentions.values) { writer, value in
            writer.int(value.text)
            writer.string(value.value)
            writer.optional(value.type) { $0.choice($1) }
            writer.optionalString(value.within)
            writer.optional(value.position) { $0.position($1) }
            writer.bool(value.isInner)
        }
        array(mentions.projects) { writer, reference in
            writer.int(reference.text)
            writer.string(reference.slug)
            writer.bool(reference.isLink)
            writer.optional(reference.position) { $0.position($1) }
        }
        array(mentions.words) { writer, word in
            writer.int(word.text)
            writer.string(word.word)
            writer.optional(word.position) { $0.position($1) }
        }
        array(mentions.valueNameHashes) { $0.uint64($1) }
        bool(mentions.looksAtEveryValue)
        array(mentions.shownValues) { writer, shown in
            writer.string(shown.value)
            writer.choice(shown.type)
        }
        array(mentions.wordTriples) { $0.uint32($1) }
    }
}

extension CacheReader {
    /// A damaged entry whose mentions name a text that is not there is malformed, not a crash.
    mutating func mentions() throws(Malformed) -> PublishedPrivateValueRule.Mentions {
        typealias Mentions = PublishedPrivateValueRule.Mentions
        let texts = try array { reader throws(Malformed) in
            Mentions.Text(name: try reader.string(), location: SourceLocation(path: try reader.string(), position: try reader.position()),
                isNote: try reader.bool())
        }
        func text(_ reader: inout CacheReader) throws(Malformed) -> Int {
            let index = try reader.int()
            guard texts.indices.contains(index) else { throw Malformed() }
            return index
        }
        let values = try array { reader throws(Malformed) in
            Mentions.Value(text: try text(&reader), value: try reader.string(),
                type: try reader.optional { reader throws(Malformed) in try reader.choice(IndicatorType.self) },
                within: try reader.optionalString(), position: try reader.optionalPosition(), isInner: try reader.bool())
        }
        let projects = try array { reader throws(Malformed) in
            Mentions.ProjectReference(text: try text(&reader), slug: try reader.string(), isLink: try reader.bool(),
                position: try reader.optionalPosition())
        }
        let words = try array { reader throws(Malformed) in
            Mentions.Word(text: try text(&reader), word: try reader.string(), position: try reader.optionalPosition())
        }
        let valueNameHashes = try array { reader throws(Malformed) in try reader.uint64() }
        let looksAtEveryValue = try bool()
        let shownValues = try array { reader throws(Malformed) in
            Mentions.ShownValue(value: try reader.string(), type: try reader.choice(IndicatorType.self))
        }
        return Mentions(texts: texts, values: values, projects: projects, words: words, valueNameHashes: valueNameHashes,
            looksAtEveryValue: looksAtEveryValue, shownValues: shownValues, wordTriples: try array { reader throws(Malformed) in try reader.uint32() })
    }
}
