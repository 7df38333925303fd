/// Reads `indicators.json`, validating every value with the indicator engine.
public enum IndicatorsDecoder {
    static let fileKeys = ["indicators"]
    /// The fields of an indicator dossier knows; any other is kept as it is.
    public static let keys = ["value", "type", "classification", "tags", "firstSeen", "lastSeen", "source", "comment", "private"]

    struct Result: Equatable {
        var indicators: [Indicator]
        var extra: [JSONObject.Member]
        /// False when some indicators were left out because of errors (an invalid value, no value):
        /// an error in another field leaves its indicator in, without that field.
        var isComplete = true
    }

    static func decode(_ bytes: [UInt8], path: String, into diagnostics: inout [Diagnostic]) -> Result? {
        // Nearly every file has the plain shape the stream decoder reads without building a tree;
        // anything else (a syntax error, a misspelled field, a conflict marker) is read as a tree,
        // which says exactly what is wrong. Both give the same result for the same bytes.
        if let fast = IndicatorsStreamDecoder.decode(bytes, path: path, into: &diagnostics) { return fast }
        return decodeTree(bytes, path: path, into: &diagnostics)
    }

    /// Nil when the stream decoder declines `bytes` or gives exactly what the tree reader gives
    /// (indicators with their positions, findings, completeness); else what differs. The tests and
    /// the fuzz targets hold the two paths together with it.
    public static func disagreement(_ bytes: [UInt8]) -> String? {
        var streamed: [Diagnostic] = []
        guard let stream = IndicatorsStreamDecoder.decode(bytes, path: "indicators.json", into: &streamed) else { return nil }
        var read: [Diagnostic] = []
        let tree = decodeTree(bytes, path: "indicators.json", into: &read)
        if stream != tree { return "stream decoder read \(stream), tree reader \(String(describing: tree))" }
        if streamed != read { return "stream decoder found \(streamed), tree reader \(read)" }
        return nil
    }

    static func decodeTree(_ bytes: [UInt8], path: String, into diagnostics: inout [Diagnostic]) -> Result? {
        guard let (object, position) = JSONFileDecoding.object(bytes, path: path, what: ProjectFiles.indicators, into: &diagnostics) else {
            return nil
        }
        var reader = ObjectReader(object, path: path, what: ProjectFiles.indicators)
        let extra = reader.extra(known: fileKeys)
        guard let listNode = object["indicators"] else {
            reader.error("indicators.json has no \"indicators\" array; an empty project holds { \"indicators\": [] }",
                at: position, code: "missing-field")
            diagnostics.append(contentsOf: reader.diagnostics)
            return nil
        }
        guard case .array(let elements) = listNode.value else {
            reader.error("\"indicators\" must be an array, found \(listNode.value.kindName)", at: listNode.position, code: "wrong-type")
            diagnostics.append(contentsOf: reader.diagnostics)
            return nil
        }
        var indicators: [Indicator] = []
        indicators.reserveCapacity(elements.count)
        for element in elements {
            if let indicator = indicator(element, reader: &reader) { indicators.append(indicator) }
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        // The valid indicators are kept even when others have errors, so that rules about the
        // rest of the workspace still see them; the file itself is not rewritten while it has errors.
        return Result(indicators: indicators, extra: extra, isComplete: indicators.count == elements.count)
    }

    /// One element of the `indicators` array; its findings go to the file's `reader`.
    static func indicator(_ element: JSONNode, reader: inout ObjectReader) -> Indicator? {
        guard case .object(let item) = element.value else {
            reader.error("each indicator must be an object, found \(element.value.kindName)", at: element.position, code: "wrong-type")
            return nil
        }
        var itemReader = ObjectReader(item, path: reader.path, what: "indicator")
        defer { reader.absorb(itemReader) }
        return indicator(item, at: element.position, reader: &itemReader)
    }

    static func indicator(_ item: JSONObject, at position: SourcePosition, reader: inout ObjectReader) -> Indicator? {
        let rawValue = reader.requiredString("value", at: position)
        let valuePosition = item["value"]?.position ?? position
        // Every field is read, whichever is in error, so that one check names every problem.
        let type = item["type"] == nil ? nil : reader.enumeration("type", IndicatorType.self)
        let classification = reader.enumeration("classification", Classification.self)
        let extra = reader.extra(known: keys)
        // A `private` in error (`"yes"`) was meant to keep the indicator out of public output,
        // and `tags` in error may hold a private tag (`"tags": "Company Name"`).
        let tags = reader.stringArray("tags")
        var privateFlag = reader.bool("private") ?? (item["private"] == nil ? nil : true)
        if tags == nil, item["tags"] != nil { privateFlag = true }
        for member in extra where HidingKeys.hides(member, near: Spelling.closest(to: member.key, in: keys)) {
            reader.hidingWarning("field \"\(member.key)\" is read as \"private\": true (the only field dossier reads to keep an indicator out of public output); write that instead", at: member.keyPosition)
            privateFlag = true
        }
        // A tag that says so (`private`, `do-not-publish`), as a note's does; beside a
        // `"private": true` (as `dossier tag` and `add` write it) it only labels.
        if privateFlag != true, let tag = tags?.first(where: HidingKeys.isHidingTag) {
            reader.warning("tag \"\(tag)\" is read as \"private\": true (the only field dossier reads to keep an indicator out of public output); write that instead; if the tag means something else, rename it",
                at: item["tags"]?.position ?? position, code: "hiding-field")
            privateFlag = true
        }
        let indicator = Indicator(
            value: rawValue ?? "",
            type: type ?? .other,
            classification: classification,
            tags: tags ?? [],
            firstSeen: reader.date("firstSeen"),
            lastSeen: reader.date("lastSeen"),
            source: reader.string("source"),
            comment: reader.string("comment"),
            privateFlag: privateFlag,
            extra: extra,
            origin: Indicator.Origin(
                object: position, value: valuePosition,
                classification: item["classification"]?.position, tags: item["tags"]?.position))
        guard rawValue != nil, type != nil || item["type"] == nil else { return nil }
        return checked(indicator, declaredType: type, lastSeenPosition: item["lastSeen"]?.position ?? position, reader: &reader)
    }

    /// The checks that need the whole indicator: dates in order, and the value valid for its type
    /// (then stored in normal form). `indicator.value` is the value as written, and its origin set.
    /// An indicator whose value is valid is kept though another field is in error (that field
    /// left out), so that the rules of the project (duplicates, contradictions) still see it; the
    /// file is not rewritten while it has errors.
    static func checked(_ indicator: consuming Indicator, declaredType: IndicatorType?, lastSeenPosition: SourcePosition,
                        reader: inout ObjectReader) -> Indicator? {
        // Consumed, not copied: a copy retains and releases every string of the indicator.
        var indicator = indicator
        if let first = indicator.firstSeen, let last = indicator.lastSeen, ISODate.precedes(last, first) {
            reader.warning("\"lastSeen\" \(last) is before \"firstSeen\" \(first)", at: lastSeenPosition, code: "date-order")
        }
        let valuePosition = indicator.origin?.value ?? .start
        guard let value = IndicatorValueCheck.check(indicator.value, type: declaredType, at: valuePosition, reader: &reader) else { return nil }
        indicator.value = value.value
        indicator.type = value.type
        return indicator
    }
}
