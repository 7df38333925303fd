/// Reads `indicators.json` in its usual shape, `{ "indicators": [ { ... }, ... ] }` with the fields
/// dossier knows, straight from the bytes into `Indicator`s: no tree of the file is built and
/// freed, which made reading it the largest part of loading a big workspace.
///
/// It declines (returns nil) at the first thing it does not expect, and `IndicatorsDecoder` then
/// reads the file as a tree; an indicator it cannot take is read as a tree on its own. So every
/// message comes from one place, and both paths give the same result for the same bytes (a
/// test and the `indicators` fuzz target compare them).
enum IndicatorsStreamDecoder {
    static func decode(_ bytes: [UInt8], path: String, into diagnostics: inout [Diagnostic]) -> IndicatorsDecoder.Result? {
        // A conflict marker is a syntax error the tree reader reports better.
        guard ConflictMarkers.find(in: bytes).isEmpty else { return nil }
        let decoded = bytes.withUnsafeBufferPointer { buffer -> (IndicatorsDecoder.Result, [Diagnostic])? in
            let bom = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
            var reader = JSONReader(bytes: buffer, index: bom ? 3 : 0)
            // A repeated key is for the tree reader to report.
            guard let read = try? file(&reader, path: path), reader.duplicateKeys.isEmpty else { return nil }
            return read
        }
        guard let (result, found) = decoded else { return nil }
        diagnostics.append(contentsOf: found)
        return result
    }

    private static let typeNames = ByteNames<IndicatorType>()
    private static let classificationNames = ByteNames<Classification>()

    /// Depth of an indicator object in the file, as the tree reader counts it.
    private static let indicatorDepth = 2

    private static func file(_ reader: inout JSONReader, path: String) throws(JSONSyntaxError) -> (IndicatorsDecoder.Result, [Diagnostic])? {
        guard reader.consume(UInt8(ascii: "{")), let key = reader.plainKey(), key.text.spells("indicators"),
            reader.consume(UInt8(ascii: ":")), reader.consume(UInt8(ascii: "["))
        else { return nil }
        var fileReader = ObjectReader(JSONObject(), path: path, what: ProjectFiles.indicators)
        var indicators: [Indicator] = []
        var elements = 0
        var hidingTags = HidingTagAnswers()
        // Room for about one indicator per 200 bytes, which a usual file has (value, type, a tag or
        // two, a date): growing the array step by step copied every indicator once more.
        indicators.reserveCapacity(reader.bytes.count / 200)
        if !reader.consume(UInt8(ascii: "]")) {
            repeat {
                reader.skipWhitespace()
                elements += 1
                let start = reader
                if let indicator = try indicator(&reader, reader: &fileReader, hidingTags: &hidingTags) {
                    if let indicator { indicators.append(indicator) }
                } else {
                    reader = start
                    let element = try reader.parseValue(depth: indicatorDepth)
                    if let indicator = IndicatorsDecoder.indicator(element, reader: &fileReader) { indicators.append(indicator) }
                }
            } while reader.consume(UInt8(ascii: ","))
            guard reader.consume(UInt8(ascii: "]")) else { return nil }
        }
        guard reader.consume(UInt8(ascii: "}")), reader.isAtEnd() else { return nil }
        return (IndicatorsDecoder.Result(indicators: indicators, extra: [], isComplete: indicators.count == elements), fileReader.diagnostics)
    }

    /// What reading an indicator object notes besides the indicator itself.
    private struct Notes {
        var hasValue = false
        /// The type as written; nil when none is (the value's check then detects one).
        var declaredType: IndicatorType?
        var lastSeenPosition: SourcePosition?
    }

    /// `.some(indicator or nil when it has errors)`, or nil to decline: an unknown or repeated
    /// field, a value of the wrong kind, an unknown type or classification, an invalid date, no
    /// value.
    private static func indicator(_ reader: inout JSONReader, reader fileReader: inout ObjectReader,
        hidingTags: inout HidingTagAnswers) throws(JSONSyntaxError) -> Indicator?? {
        let objectPosition = reader.position
        guard reader.consume(UInt8(ascii: "{")) else { return nil }
        // Fields are read straight into the indicator, which is then handed on, not copied: a
        // copy retains and releases each of its strings, a million times per workspace.
        var indicator = Indicator(value: "", type: .other, origin: Indicator.Origin(object: objectPosition, value: .start))
        var notes = Notes()
        var seen: UInt16 = 0
        if !reader.consume(UInt8(ascii: "}")) {
            repeat {
                guard let key = reader.plainKey(), reader.consume(UInt8(ascii: ":")),
                    let field = IndicatorField(key.text), seen & field.bit == 0
                else { return nil }
                seen |= field.bit
                reader.skipWhitespace()
                guard try read(field, into: &indicator, notes: &notes, hidingTags: &hidingTags, from: &reader) else { return nil }
            } while reader.consume(UInt8(ascii: ","))
            guard reader.consume(UInt8(ascii: "}")) else { return nil }
        }
        guard notes.hasValue else { return nil }
        var itemReader = ObjectReader(JSONObject(), path: fileReader.path, what: "indicator")
        defer { fileReader.absorb(itemReader) }
        return .some(IndicatorsDecoder.checked(consume indicator, declaredType: notes.declaredType,
            lastSeenPosition: notes.lastSeenPosition ?? objectPosition, reader: &itemReader))
    }

    /// Reads one field's value into `indicator`; false when it is not of the kind the field takes.
    private static func read(_ field: IndicatorField, into indicator: inout Indicator, notes: inout Notes,
        hidingTags: inout HidingTagAnswers, from reader: inout JSONReader) throws(JSONSyntaxError) -> Bool {
        let position = reader.position
        switch field {
        case .value:
            guard let value = try reader.stringIfPresent() else { return false }
            indicator.value = value
            indicator.origin?.value = position
            notes.hasValue = true
        case .type:
            guard let type = try reader.nameIfPresent(of: typeNames) else { return false }
            indicator.type = type
            notes.declaredType = type
        case .classification:
            guard let classification = try reader.nameIfPresent(of: classificationNames) else { return false }
            indicator.classification = classification
            indicator.origin?.classification = position
        case .tags:
            // A tag that hides the indicator is read, with its warning, as a tree.
            guard let tags = try reader.stringArrayIfPresent(), !tags.contains(where: { hidingTags.hides($0) }) else { return false }
            indicator.tags = tags
            indicator.origin?.tags = position
        case .firstSeen:
            // A time with no zone is read as a tree, which warns of it.
            guard let date = try reader.stringIfPresent(), ISODate.isValid(date), !ISODate.hasNoZone(date) else { return false }
            indicator.firstSeen = date
        case .lastSeen:
            guard let date = try reader.stringIfPresent(), ISODate.isValid(date), !ISODate.hasNoZone(date) else { return false }
            indicator.lastSeen = date
            notes.lastSeenPosition = position
        case .source:
            guard let source = try reader.stringIfPresent() else { return false }
            indicator.source = source
        case .comment:
            guard let comment = try reader.stringIfPresent() else { return false }
            indicator.comment = comment
        case .private:
            guard let flag = try reader.boolIfPresent() else { return false }
            indicator.privateFlag = flag
        }
        return true
    }
}

/// Whether each tag of a file hides its indicator (`HidingKeys.isHidingTag`), worked out once per
/// distinct tag: a file has a few dozen tags on a thousand indicators.
private struct HidingTagAnswers {
    private var answers: [String: Bool] = [:]

    mutating func hides(_ tag: String) -> Bool {
        if let known = answers[tag] { return known }
        let hides = HidingKeys.isHidingTag(tag)
        answers[tag] = hides
        return hides
    }
}

/// The fields of an indicator object (`IndicatorsDecoder.keys`), matched on the key's bytes.
enum IndicatorField: UInt16, CaseIterable {
    case value, type, classification, tags, firstSeen, lastSeen, source, comment, `private`

    init?(_ key: UnsafeBufferPointer<UInt8>) {
        switch key.count {
        case 4 where key.spells("type"): self = .type
        case 4 where key.spells("tags"): self = .tags
        case 5 where key.spells("value"): self = .value
        case 6 where key.spells("source"): self = .source
        case 7 where key.spells("comment"): self = .comment
        case 7 where key.spells("private"): self = .private
        case 8 where key.spells("lastSeen"): self = .lastSeen
        case 9 where key.spells("firstSeen"): self = .firstSeen
        case 14 where key.spells("classification"): self = .classification
        default: return nil
        }
    }

    var bit: UInt16 { 1 << rawValue }
}
