/// Reads `indicators.json`, validating every value with the indicator engine.
enum IndicatorsDecoder {
    static let fileKeys = ["indicators"]
    static let keys = ["value", "type", "classification", "tags", "firstSeen", "lastSeen", "source", "comment", "private"]

    struct Result {
        var indicators: [Indicator]
        var extra: [JSONObject.Member]
        /// False when some indicators were left out because of errors.
        var isComplete = true
    }

    static func decode(_ bytes: [UInt8], path: String, into diagnostics: inout [Diagnostic]) -> Result? {
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
            guard case .object(let item) = element.value else {
                reader.error("each indicator must be an object, found \(element.value.kindName)", at: element.position, code: "wrong-type")
                continue
            }
            var itemReader = ObjectReader(item, path: path, what: "indicator")
            if let indicator = indicator(item, at: element.position, reader: &itemReader) {
                indicators.append(indicator)
            }
            reader.absorb(itemReader)
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        // The valid indicators are kept even when others have errors, so that rules about the
        // rest of the workspace still see them; the file itself is not rewritten while it has errors.
        return Result(indicators: indicators, extra: extra, isComplete: !reader.failed)
    }

    static func indicator(_ item: JSONObject, at position: SourcePosition, reader: inout ObjectReader) -> Indicator? {
        let rawValue = reader.requiredString("value", at: position)
        let valuePosition = item["value"]?.position ?? position
        var type: IndicatorType?
        if item["type"] != nil {
            type = reader.enumeration("type", IndicatorType.self)
            if type == nil { return nil }
        }
        let classification = reader.enumeration("classification", Classification.self)
        var indicator = Indicator(
            value: rawValue ?? "",
            type: type ?? .other,
            classification: classification,
            tags: reader.stringArray("tags") ?? [],
            firstSeen: reader.date("firstSeen"),
            lastSeen: reader.date("lastSeen"),
            source: reader.string("source"),
            comment: reader.string("comment"),
            privateFlag: reader.bool("private"),
            extra: reader.extra(known: keys),
            origin: Indicator.Origin(
                object: position, value: valuePosition,
                classification: item["classification"]?.position, tags: item["tags"]?.position))
        guard let rawValue else { return nil }
        if let first = indicator.firstSeen, let last = indicator.lastSeen, last < first {
            reader.warning("\"lastSeen\" \(last) is before \"firstSeen\" \(first)", at: item["lastSeen"]?.position ?? position, code: "date-order")
        }
        guard let value = IndicatorValueCheck.check(rawValue, type: type, at: valuePosition, reader: &reader) else { return nil }
        indicator.value = value.value
        indicator.type = value.type
        return reader.failed ? nil : indicator
    }
}
