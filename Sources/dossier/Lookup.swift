import ArgumentParser
import DossierCore
import Foundation

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find every project that records a value: have we seen this before, and what did we decide?",
        discussion: """
            Values may be pasted defanged; - reads them from standard input, one per line. For each \
            value: every project recording it, with the project's visibility, the classification \
            (explicit or implied by tags), tags and first/last seen. A value classified differently \
            across projects is flagged.

            Indirect matches are listed apart, each saying how it relates: a domain also finds URLs and \
            e-mail addresses on it or its subdomains, its recorded subdomains and the recorded domains it \
            lies within; an IP address finds URLs on it and the CIDR blocks that contain it; a URL or \
            e-mail address finds its host.

            Exit status: 0 when at least one value is itself recorded, 1 when none is (indirect matches \
            alone do not count), so scripts can ask "have we seen it?".

            Examples:
              dossier lookup payroll-acme[.]com 198.51.100.23
              grep -o '[0-9a-f]\\{64\\}' alert.txt | dossier lookup - --json
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Values to look up; - reads them from standard input, one per line.", valueName: "value"))
    var values: [String] = []

    @Option(help: ArgumentHelp(
        "Type of every value (default: detected; a value no strict type fits is matched as written against free-form types).",
        valueName: "type"))
    var type: IndicatorType?

    @Flag(help: "Print the results as JSON, for scripts.")
    var json = false

    func validate() throws {
        if values.isEmpty { throw ValidationError("give at least one value to look up, or - to read them from standard input") }
    }

    func run() throws {
        let queries = ProjectEditing.values(values)
        if queries.isEmpty {
            Console.error("standard input held no values to look up")
            throw ExitCode(1)
        }
        let t0 = Date()
        let loaded = try global.load()
        let t1 = Date()
        if loaded.diagnostics.hasErrors {
            Console.note("warning: some files of the workspace have errors and were not searched; see `dossier check`")
        }
        let lookup = Lookup(IndicatorIndex(loaded.workspace))
        let t2 = Date()
        let results = queries.map { lookup.lookup($0.text, as: type) }
        let t3 = Date()
        FileHandle.standardError.write(Data("TIMING load \(t1.timeIntervalSince(t0)) index \(t2.timeIntervalSince(t1)) queries \(t3.timeIntervalSince(t2))\n".utf8))
        if json {
            Console.out(LookupOutput.json(results))
        } else {
            for result in results { LookupOutput.text(result).forEach(Console.out) }
        }
        for result in results where result.problem != nil && !json {
            Console.error("\"\(result.query)\": \(result.problem?.message ?? "")")
        }
        if !results.contains(where: \.isRecorded) { throw ExitCode(1) }
    }
}

/// How lookup results read, as text and as JSON.
enum LookupOutput {
    static func text(_ result: LookupResult) -> [String] {
        guard let key = result.key else { return ["\(result.query): not a valid indicator"] }
        let projects = Set(result.direct.map(\.project)).count
        var head = "\(key.value) (\(key.type.rawValue)): "
        head += result.isRecorded ? "recorded in \(ProjectEditing.count(projects, "project"))" : "not recorded"
        if result.classificationDiffers {
            let decisions = result.direct.map { "\($0.classification.rawValue) in \($0.project)" }
            head += "; CLASSIFIED DIFFERENTLY: " + decisions.joined(separator: ", ")
        }
        var lines = [head]
        for match in result.direct { lines.append("  " + describe(match)) }
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
        if !match.indicator.tags.isEmpty { parts.append("tags " + match.indicator.tags.joined(separator: ", ")) }
        switch (match.indicator.firstSeen, match.indicator.lastSeen) {
        case let (first?, last?): parts.append(first == last ? "seen \(first)" : "seen \(first) to \(last)")
        case let (first?, nil): parts.append("first seen \(first)")
        case let (nil, last?): parts.append("last seen \(last)")
        case (nil, nil): break
        }
        return "\(match.project) (\(match.visibility.rawValue)): " + parts.joined(separator: "; ")
    }

    static func json(_ results: [LookupResult]) -> String {
        var root = JSONObject()
        root.set("results", .array(results.map { JSONNode(.object(resultObject($0))) }))
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
