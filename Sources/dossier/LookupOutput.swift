import DossierCore

/// How lookup results read, as text and as JSON.
enum LookupOutput {
    static func text(_ result: LookupResult) -> [String] {
        // Why, on its line, once (it was said again on standard error, a second line in a terminal).
        guard let key = result.key else { return ["\(result.query): not a valid indicator" + (result.problem.map { " (\($0.message))" } ?? "")] }
        let projects = Set(result.direct.map(\.project)).count
        var head = "\(key.value) (\(key.type.rawValue)): "
        head += result.isRecorded ? "recorded in \(ProjectEditing.count(projects, "project"))" : "not recorded"
        if result.classificationDiffers {
            let decisions = result.direct.map { "\($0.classification.rawValue) in \($0.project)" }
            head += "; CLASSIFIED DIFFERENTLY: " + decisions.joined(separator: ", ")
        }
        var lines = [head]
        // A direct match of another spelling (the https URL of a URL written without its scheme)
        // names what it matched.
        for match in result.direct {
            let other = match.indicator.value != key.value ? "\(match.indicator.type.rawValue) \(match.indicator.value) in " : ""
            lines.append("  " + other + describe(match))
        }
        let indirect = result.indirect
        if !indirect.isEmpty {
            lines.append("  indirect matches:")
            for match in indirect {
                lines.append("  ~ \(match.indicator.type.rawValue) \(match.indicator.value) (\(match.relation.explanation)) in " + describe(match))
            }
        }
        return lines
    }

    /// "acme-payroll-phish (private): malicious; tags Blocked, Phishing; seen 2026-10-30 to 2026-11-02"
    static func describe(_ match: LookupResult.Match) -> String {
        var parts = [match.classification.rawValue]
        if match.indicator.isPrivate { parts.append("private indicator") }
        if !match.indicator.tags.isEmpty { parts.append("tags " + match.indicator.tags.joined(separator: ", ")) }
        switch (match.indicator.firstSeen, match.indicator.lastSeen) {
        case let (first?, last?): parts.append(first == last ? "seen \(first)" : "seen \(first) to \(last)")
        case let (first?, nil): parts.append("first seen \(first)")
        case let (nil, last?): parts.append("last seen \(last)")
        case (nil, nil): break
        }
        return "\(match.project) (\(match.visibility.rawValue)): " + parts.joined(separator: "; ")
    }

    /// - Parameter unread: files with errors, whose records may be missing from the results.
    static func json(_ results: [LookupResult], unread: [String] = []) -> String {
        var root = JSONObject()
        // What every project records, private ones included: the team's, never for publication.
        root.set("audience", .string(Audience.internal.rawValue))
        root.set("results", .array(results.map { JSONNode(.object(resultObject($0))) }))
        root.set("unread", .strings(unread))
        var text = JSONWriter.string(JSONNode(.object(root)))
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    static func resultObject(_ result: LookupResult) -> JSONObject {
        var object = JSONObject()
        object.set("query", .string(result.query))
        object.set("type", result.key.map { .string($0.type.rawValue) })
        object.set("value", result.key.map { .string($0.value) })
        object.set("error", result.problem.map { .string($0.message) })
        object.set("recorded", .bool(result.isRecorded))
        object.set("classificationDiffers", .bool(result.classificationDiffers))
        let decided = Classification.allCases.filter { c in result.direct.contains { $0.classification == c } }
        object.set("classifications", .strings(decided.map(\.rawValue)))
        object.set("matches", .array(result.matches.map { JSONNode(.object(matchObject($0))) }))
        return object
    }

    static func matchObject(_ match: LookupResult.Match) -> JSONObject {
        var object = JSONObject()
        object.set("project", .string(match.project))
        object.set("title", .string(match.projectTitle))
        object.set("visibility", .string(match.visibility.rawValue))
        object.set("direct", .bool(match.isDirect))
        object.set("relation", .string(match.relation.rawValue))
        object.set("type", .string(match.indicator.type.rawValue))
        object.set("value", .string(match.indicator.value))
        object.set("classification", .string(match.classification.rawValue))
        object.set("explicit", .bool(match.indicator.classification != nil))
        object.set("tags", .strings(match.indicator.tags))
        object.set("firstSeen", match.indicator.firstSeen.map(JSONValue.string))
        object.set("lastSeen", match.indicator.lastSeen.map(JSONValue.string))
        object.set("private", .bool(match.indicator.isPrivate))
        return object
    }
}
