import Foundation
@testable import DossierCore

/// Generated workspaces, as models in the form dossier writes them (values normal, vocabulary and
/// unknown fields in canonical order), and as "messy" files a person or another tool could have
/// written for the same model: any layout, keys in any order, escapes, values not in normal form or
/// defanged, strict types left out.
extension PropertyGenerator {
    static let vocabularyNames = ["Blocked", "Quarantine", "Company Name", "Newly Observed", "Phishing", "Café ☕", "a \"quoted\" tag"]
    static let freeTags = ["C2", "tlp:amber", "misp-galaxy:threat-actor=\"Sednit\"", "kill-chain:delivery", "日本語", "x\\y", "Emoji 😀"]

    mutating func text() -> String {
        pick(["Landing page", "it's \"quoted\", with commas; and semicolons", "multi\nline\ttabbed", "Ünïcødé ✓ 😀", "back\\slash / slash",
              "<script>alert(1)</script>", "\u{0001} control", "", " padded "]) + (chance(30) ? " " + String(int(0...999)) : "")
    }

    mutating func date() -> String {
        let day = "20\(int(10...29))-\(String(int(1...12)).leftPadded(to: 2))-\(String(int(1...28)).leftPadded(to: 2))"
        return chance(70) ? day : day + "T\(String(int(0...23)).leftPadded(to: 2)):\(String(int(0...59)).leftPadded(to: 2)):00Z"
    }

    /// An unknown field's value: any JSON, objects with keys in canonical order.
    mutating func extraValue(depth: Int = 0) -> JSONValue {
        switch int(0...(depth > 2 ? 4 : 6)) {
        case 0: return .null
        case 1: return .bool(chance(50))
        case 2: return .number(pick(["0", "-0", "1.5e3", "12345678901234567890", "-3.25", "1E-7"]))
        case 3, 4: return .string(text())
        case 5: return .array((0..<int(0...3)).map { _ in JSONNode(extraValue(depth: depth + 1)) })
        default: return .object(JSONObject(extraMembers(depth: depth + 1)))
        }
    }

    mutating func extraMembers(known: [String] = [], depth: Int = 0) -> [JSONObject.Member] {
        var keys = Set<String>()
        for _ in 0..<int(0...3) {
            let key = pick(["x-score", "x-nested", "vendor_id", "é", "zz", "A", "with space", "x-\(int(0...99))"])
            if !known.contains(key) { keys.insert(key) }
        }
        return CanonicalJSON.sortedMembers(keys.map { JSONObject.Member(key: $0, value: JSONNode(extraValue(depth: depth))) })
    }

    mutating func tags() -> [String] {
        var tags: [String] = []
        for _ in 0..<int(0...4) {
            let tag = chance(50) ? pick(Self.vocabularyNames) : pick(Self.freeTags)
            if !Tag.contains(tags, tag) { tags.append(tag) }
        }
        return tags
    }

    mutating func indicator() -> Indicator {
        let type = pick(IndicatorType.allCases)
        var value = "other value \(int(0...1_000_000))"
        var actualType = IndicatorType.other
        for _ in 0..<5 {
            if case .success(let parsed) = Indicators.parse(indicatorInput(type), as: type) {
                (value, actualType) = (parsed.value, type)
                break
            }
        }
        let first = chance(50) ? date() : nil
        return Indicator(
            value: value, type: actualType, classification: chance(50) ? pick(Classification.allCases) : nil, tags: tags(),
            firstSeen: first, lastSeen: chance(50) ? first.map { max($0, "2030-01-01") } ?? date() : nil,
            source: chance(40) ? text() : nil, comment: chance(40) ? text() : nil, privateFlag: chance(30) ? chance(50) : nil,
            extra: chance(25) ? extraMembers(known: IndicatorsDecoder.keys) : [])
    }

    mutating func project(_ n: Int, root: String) -> Project {
        var seen = Set<IndicatorKey>()
        let indicators = (0..<int(0...30)).map { _ in indicator() }.filter { seen.insert($0.key).inserted }
        let written = Project.WrittenFields(visibility: chance(70), tlp: chance(70), tags: chance(50))
        let tags = tags()
        return Project(
            slug: "project-\(n)", folder: root + "/project-\(n)", title: "Project \(n): " + text(), summary: chance(50) ? text() : nil,
            visibility: written.visibility ? pick(Visibility.allCases) : .private, tlp: written.tlp ? pick(TLP.allCases) : .amber,
            status: pick([.open, .closed, nil]), created: chance(60) ? date() : nil, updated: chance(60) ? date() : nil,
            owner: chance(50) ? pick(["jdoe", "Zoë", "a b"]) : nil, tags: tags,
            written: Project.WrittenFields(visibility: written.visibility, tlp: written.tlp, tags: written.tags || !tags.isEmpty),
            extra: chance(30) ? extraMembers(known: ProjectDecoder.keys) : [],
            indicators: indicators.sorted(by: Indicator.canonicalOrder),
            indicatorsExtra: chance(20) ? extraMembers(known: IndicatorsDecoder.fileKeys) : [])
    }

    mutating func settings() -> WorkspaceSettings {
        let definitions = Self.vocabularyNames.filter { _ in chance(70) }.map { name in
            TagDefinition(
                name: name, classification: chance(60) ? pick(Classification.allCases) : nil, description: chance(50) ? text() : nil,
                isPrivate: chance(30) ? chance(50) : nil, extra: chance(20) ? extraMembers(known: SettingsDecoder.tagKeys) : [])
        }
        return WorkspaceSettings(
            title: "Workspace " + text(), vocabulary: Vocabulary(definitions.sorted(by: CanonicalJSON.tagOrder)),
            extra: chance(30) ? extraMembers(known: SettingsDecoder.keys) : [])
    }

    // MARK: Messy files

    /// `value` as JSON text in a random layout, with optional escapes.
    mutating func messyJSON(_ value: JSONValue) -> String {
        func space(_ g: inout PropertyGenerator) -> String { g.pick(["", "", " ", "\n", "\t", "\r\n    ", "  "]) }
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return messyString(s)
        case .array(let elements):
            return "[" + space(&self) + elements.map { messyJSON($0.value) }.joined(separator: space(&self) + "," + space(&self)) + space(&self) + "]"
        case .object(let object):
            return "{" + space(&self) + object.members.map { member in
                messyString(member.key) + space(&self) + ":" + space(&self) + messyJSON(member.value.value)
            }.joined(separator: "," + space(&self)) + space(&self) + "}"
        }
    }

    mutating func messyString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += chance(50) ? "\\n" : "\\u000a"
            case "\t": out += "\\t"
            case "/": out += chance(30) ? "\\/" : "/"
            case _ where scalar.value < 0x20 || (scalar.value > 0x7F && chance(40)) || chance(3):
                if scalar.value > 0xFFFF {
                    let v = scalar.value - 0x10000
                    out += String(format: "\\u%04x\\u%04X", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF))
                } else {
                    out += String(format: chance(50) ? "\\u%04x" : "\\u%04X", scalar.value)
                }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The members of `object` in a random order.
    mutating func shuffled(_ object: JSONObject) -> JSONObject {
        var members = object.members
        for i in stride(from: members.count - 1, to: 0, by: -1) { members.swapAt(i, int(0...i)) }
        return JSONObject(members)
    }

    /// A messy `indicators.json` for `project`: values rewritten as an analyst might (mixed case,
    /// defanged), strict types sometimes left out, indicators in any order.
    mutating func messyIndicatorsFile(_ project: Project) -> String {
        var items = project.indicators.map { indicator -> JSONNode in
            var object = CanonicalJSON.indicatorObject(indicator)
            if indicator.type.isNetwork, chance(30) {
                object.set("value", .string(defanged(indicator.value, indicator.type)))
            } else if [.md5, .sha1, .sha256, .sha512, .cve, .domain].contains(indicator.type), chance(30) {
                object.set("value", .string(indicator.value.uppercased()))
            }
            if indicator.type.isStrict, indicator.type != .x509Sha1, Indicators.detect(indicator.value) == indicator.type, chance(30) {
                object.set("type", nil)
            }
            return JSONNode(.object(shuffled(object)))
        }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, int(0...i)) }
        var file = JSONObject()
        file.set("indicators", .array(items))
        file.members += project.indicatorsExtra
        return messyJSON(.object(shuffled(file)))
    }

    mutating func messyProjectFile(_ project: Project) -> String {
        let node = try? JSONParser.parse(CanonicalJSON.projectFile(project))
        return messyJSON(.object(shuffled(node?.value.objectValue ?? JSONObject())))
    }

    mutating func messySettingsFile(_ settings: WorkspaceSettings) -> String {
        let node = try? JSONParser.parse(CanonicalJSON.workspaceFile(settings))
        return messyJSON(.object(shuffled(node?.value.objectValue ?? JSONObject())))
    }
}

/// Models compared without source positions, unknown fields in canonical order.
enum Stripped {
    static func members(_ members: [JSONObject.Member]) -> [JSONObject.Member] {
        CanonicalJSON.sortedMembers(members).map { JSONObject.Member(key: $0.key, value: JSONNode(value($0.value.value))) }
    }

    static func value(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements): .array(elements.map { JSONNode(Self.value($0.value)) })
        case .object(let object): .object(JSONObject(members(object.members)))
        default: value
        }
    }

    static func indicator(_ indicator: Indicator) -> Indicator {
        var copy = indicator
        copy.origin = nil
        copy.extra = members(indicator.extra)
        return copy
    }

    static func project(_ project: Project) -> Project {
        var copy = project
        copy.origin = nil
        copy.extra = members(project.extra)
        copy.indicatorsExtra = members(project.indicatorsExtra)
        copy.indicators = project.indicators.map(indicator).sorted(by: Indicator.canonicalOrder)
        copy.notes = []
        return copy
    }

    static func settings(_ settings: WorkspaceSettings) -> WorkspaceSettings {
        let definitions = settings.vocabulary.definitions.map { definition -> TagDefinition in
            var copy = definition
            copy.position = .start
            copy.extra = members(definition.extra)
            return copy
        }
        return WorkspaceSettings(title: settings.title, vocabulary: Vocabulary(definitions.sorted(by: CanonicalJSON.tagOrder)), extra: members(settings.extra))
    }
}
