import DossierCore

/// CSV with a header row; columns are matched by name, in any order and case, ignoring spaces,
/// `_` and `-` (see `Column`). dossier's own CSV export and MISP's CSV export
/// (`uuid,event_id,category,type,value,comment,to_ids,date`, optionally `attribute_tag`) both read.
///
/// The type column may hold a dossier type, a MISP type (composites such as `domain|ip` split
/// into their parts, as in MISP events) or a common alias (`ip`, `hash`, `hostname`); empty, the
/// type is detected from the value. Tags are separated by `;` (MISP's `attribute_tag` by `,`,
/// as are those of a feed's dump with no `;`: URLhaus's `32-bit,elf,mips`).
enum CSVImporter {
    enum Column: CaseIterable {
        case value, type, classification, tags, mispTags, comment, firstSeen, lastSeen, source, privateFlag, tlp, category

        /// Header names, written without spaces, `_` or `-`, lower case.
        var names: [String] {
            switch self {
            case .value: ["value", "indicator", "indicatorvalue", "ioc", "iocvalue", "observable", "artifact", "query"]
            case .type: ["type", "indicatortype", "ioctype"]
            case .classification: ["classification", "class", "verdict", "disposition"]
            case .tags: ["tags", "tag", "labels", "usertags"]
            case .mispTags: ["attributetag", "attributetags"]
            case .comment: ["comment", "comments", "description", "note", "notes"]
            // abuse.ch's feeds: `first_seen_utc`, URLhaus's `dateadded`, Feodo's `last_online`.
            case .firstSeen: ["firstseen", "firstseenutc", "dateadded"]
            case .lastSeen: ["lastseen", "lastseenutc", "lastonline"]
            case .source: ["source"]
            case .privateFlag: ["private"]
            // dossier's internal export: the row's marking.
            case .tlp: ["tlp", "marking", "tlplevel", "sensitivity"]
            case .category: ["category"]
            }
        }

        static func of(_ header: String) -> Column? {
            let key = key(of: header)
            return allCases.first { $0.names.contains(key) }
        }

        /// Whether a header names TLP otherwise (`TLP Color`, `tlp_marking`, `TLP (2.0)`): the
        /// marking's column when no header is `tlp`, `marking`..., since dropped as a column
        /// dossier has no field for, it published the row.
        static func namesTLP(_ header: String) -> Bool {
            let key = key(of: header)
            return key.contains("tlp") || key.contains("trafficlight")
        }

        private static func key(of header: String) -> String {
            String(header.lowercased().unicodeScalars.filter { !" _-\t".unicodeScalars.contains($0) })
        }
    }

    /// True when the first line names a value column: `auto` reads such a file as CSV.
    /// True for a header row that names a value column (`value`, or one column `indicator` with
    /// rows below), for Excel's `sep=;` line, and for a header of single words and lines that all
    /// hold as many delimiters (a CSV file without a value column is then read as one, and said
    /// to lack it).
    static func looksLikeCSV(_ text: String) -> Bool {
        var lines = text.split(whereSeparator: \.isNewline).prefix(6).map { String($0.unicodeScalars.drop { $0 == "\u{FEFF}" }) }
        // A feed's comment lines, the last of them its header (`# id,dateadded,url,...`).
        let all = Array(text.unicodeScalars.drop { $0 == "\u{FEFF}" })
        if let comments = CSVReader.commentLines(all) {
            let data = String(String.UnicodeScalarView(all[comments.dataStart...].prefix(4096)))
            lines = [String(String.UnicodeScalarView(all[comments.header]))] + data.split(whereSeparator: \.isNewline).prefix(5).map(String.init)
        }
        guard let first = lines.first else { return false }
        let scalars = Array(first.unicodeScalars)
        if CSVReader.separatorHint(scalars) != nil { return true }
        let delimiter = Character(CSVReader.guessDelimiter(scalars))
        let cells = first.split(separator: delimiter)
        let names = cells.map { $0.trimmingSpaces.trimming("\"") }
        if names.contains(where: { Column.of($0) == .value || Self.typedColumn($0) != nil }) { return cells.count >= 2 || lines.count >= 2 }
        // A header of single words and rows of as many delimiters, at least one (`ip,port`
        // lines); prose (`Hi all,`) has blanks in its first line.
        let count = first.count(where: { $0 == delimiter })
        return count > 0 && lines.count >= 2 && !first.contains(" ") && lines.allSatisfy { $0.count(where: { $0 == delimiter }) == count }
    }

    static func read(_ text: String, into collector: inout ImportCollector) {
        let records: [CSVReader.Record]
        let isFeed: Bool
        do {
            (records, isFeed) = try CSVReader.table(text)
        } catch {
            collector.error("not valid CSV: \(error.message)", at: error.position)
            return
        }
        guard let header = records.first else { return }
        var columns: [Column: Int] = [:]
        // Every tags column is read (PassiveTotal's `tags` and `user_tags`).
        var tagColumns: [Int] = []
        for (index, field) in header.fields.enumerated() {
            guard let column = Column.of(field.text.trimmingSpaces) else { continue }
            if column == .tags { tagColumns.append(index) }
            if columns[column] == nil { columns[column] = index }
        }
        if columns[.tlp] == nil, let marking = header.fields.indices.first(where: { !columns.values.contains($0) && Column.namesTLP(header.fields[$0].text) }) {
            columns[.tlp] = marking
        }
        // Without a value column, columns named after a type (`url`, `domain`, `ip`, `sha256`)
        // each hold values of it, as feeds write them.
        let typed = columns[.value] == nil
            ? header.fields.indices.compactMap { index in Self.typedColumn(header.fields[index].text.trimmingSpaces).map { (index, $0) } }
            : []
        guard columns[.value] != nil || !typed.isEmpty else {
            let names = Column.value.names.prefix(4).joined(separator: ", ")
            collector.error("no value column in the header row; name one \(names), or after its type (url, domain, ip, sha256...), with type, classification, tags, comment, firstSeen, lastSeen as you have them", at: header.fields.first?.position)
            return
        }
        let isMISP = columns[.category] != nil
        let read = Set(columns.values).union(tagColumns).union(typed.map(\.0))
        let unread = header.fields.indices.filter { !read.contains($0) && !header.fields[$0].text.trimmingSpaces.isEmpty }
        // What no column of dossier's holds (`to_ids`, a MISP `uuid`, a second value
        // column) is said, by how many rows it held something in; a cell that kept its row
        // private (`Handling: Internal only`, counted below by column) was read.
        var hidingCells: [Int: Int] = [:]
        defer {
            for index in unread {
                let filled = records.dropFirst().count { index < $0.fields.count && !$0.fields[index].text.trimmingSpaces.isEmpty }
                    - hidingCells[index, default: 0]
                if filled > 0 { collector.unrepresentable("value of column \"\(header.fields[index].text.trimmingSpaces)\"", count: filled) }
            }
        }
        // Another tool's column for keeping a row unpublished (`visibility`, `sharing`,
        // `distribution`, `confidential`), read as the loader reads such a field: each row it
        // hides is private, with a warning at the column's first.
        var hidingColumnsWarned: Set<Int> = []
        // Asked once per column and distinct cell: a feed writes the same handling on every row.
        var hidingAnswers: [Int: [String: Bool]] = [:]
        func hides(_ word: String, column index: Int) -> Bool {
            if let known = hidingAnswers[index]?[word] { return known }
            let hides = HidingKeys.meansHidden(key: header.fields[index].text.trimmingSpaces, value: word, near: nil)
            hidingAnswers[index, default: [:]][word] = hides
            return hides
        }
        for record in records.dropFirst() {
            func cell(_ column: Column) -> CSVReader.Field? {
                guard let index = columns[column], index < record.fields.count else { return nil }
                return record.fields[index]
            }
            func text(_ column: Column) -> String? {
                // A cell dossier's export kept from being a formula (`'=…`) has its quote taken off.
                cell(column).map { SpreadsheetFormula.restored($0.text.trimmingSpaces) }.flatMap { $0.isEmpty ? nil : $0 }
            }
            let valueCell = cell(.value), value = text(.value)
            let typedValues = typed.compactMap { index, kind -> (CSVReader.Field, String, (IndicatorType?, Set<IndicatorType>?))? in
                guard index < record.fields.count else { return nil }
                let text = SpreadsheetFormula.restored(record.fields[index].text.trimmingSpaces)
                return text.isEmpty ? nil : (record.fields[index], text, kind)
            }
            guard typed.isEmpty ? valueCell != nil && value != nil : !typedValues.isEmpty else {
                collector.skip("row \(record.line)", "the value column is empty", at: SourcePosition(line: record.line, column: 1))
                continue
            }
            var details = ImportCollector.Details()
            var tags: [String] = []
            for index in tagColumns where index < record.fields.count {
                let cell = SpreadsheetFormula.restored(record.fields[index].text.trimmingSpaces)
                guard !cell.isEmpty else { continue }
                let read = Self.tags(cell, isFeed: isFeed)
                // `Blocked,Phishing` is one tag here, as written; a list was likely meant.
                for tag in read where !isFeed {
                    guard let parts = Tag.listedParts(tag, vocabulary: nil) else { continue }
                    collector.warning("tag \"\(tag)\" is one tag; a tags cell separates tags with \";\" (\(parts.joined(separator: "; ")))",
                        at: record.fields[index].position)
                }
                tags += read
            }
            details.tags = tags + (text(.mispTags).map { split($0, on: ",") } ?? [])
            details.classification = classification(text(.classification), at: cell(.classification)?.position, into: &collector)
            if let stated = details.tags.lazy.compactMap(MISPTypes.classification(fromTag:)).first {
                details.classification = details.classification ?? stated
                details.tags.removeAll { MISPTypes.classification(fromTag: $0) != nil }
            }
            // A cell's line breaks as a file written on Windows has them (`\r\n`) are the `\n` every
            // other comment has.
            details.comment = text(.comment).map { $0.replacingOccurrences(of: "\r\n", with: "\n") }
            details.firstSeen = collector.date(text(.firstSeen), field: "first seen", at: cell(.firstSeen)?.position)
            details.lastSeen = collector.date(text(.lastSeen), field: "last seen", at: cell(.lastSeen)?.position)
            details.source = text(.source)
            details.privateFlag = privateFlag(text(.privateFlag), at: cell(.privateFlag)?.position, into: &collector)
            // A classification column that grades secrecy, not maliciousness (`Confidential`,
            // `Internal`): the row is kept in.
            if details.classification == nil, let level = text(.classification),
               HidingKeys.meansHidden(key: "sensitivity", value: level, near: nil) {
                details.privateFlag = true
            }
            // A row marked above TLP:CLEAR is private, as a `tlp:` tag of its own makes it, and
            // its level marks the file (the strictest counts), but for the TLP:GREEN of a row
            // the file says is private: what dossier's export marks private material with.
            if let marking = text(.tlp) {
                if let tlp = TLP(named: marking) {
                    if !(tlp == TLP.privateMaterial && details.privateFlag == true) { collector.projectTLP(tlp) }
                    if tlp > .clear { details.privateFlag = true }
                } else {
                    collector.warning("tlp column: \"\(marking)\" is no TLP level (clear, green, amber, amber+strict, red); the row is read as private, the safe side", at: cell(.tlp)?.position)
                    details.privateFlag = true
                }
            }
            // Another column's words that keep the row in; a TLP label among them (`context`:
            // `TLP:RED partner`) marks its values at that level too.
            var labelled: TLP?
            for index in unread where index < record.fields.count {
                let (key, word) = (header.fields[index].text.trimmingSpaces, record.fields[index].text.trimmingSpaces)
                guard !word.isEmpty, hides(word, column: index) else { continue }
                details.privateFlag = true
                let level = ImportCollector.markedLevel(word)
                if let level { labelled = max(labelled ?? level, level) }
                hidingCells[index, default: 0] += 1
                if hidingColumnsWarned.insert(index).inserted {
                    let why = level.map { "writes a marking (\($0.label)), so the row is read as private, marked so" }
                        ?? "keeps the row out of public output, so the row is read as private (dossier reads a private column of yes or no)"
                    collector.warning("column \"\(key)\": \"\(word)\" \(why), as is every other row it so marks", at: record.fields[index].position)
                }
            }
            // Each row's values bear its own level, where the file's is the strictest of all: a
            // TLP:CLEAR row of a file that has an AMBER one is TLP:CLEAR (`ImportResult.markings`);
            // a private row's TLP:GREEN is its privacy, as for the file.
            collector.marking = [text(.tlp).flatMap { TLP(named: $0) }.flatMap { $0 == TLP.privateMaterial && details.privateFlag == true ? nil : $0 }, labelled]
                .compactMap { $0 }.max()
            defer { collector.marking = nil }
            if let value, let valueCell {
                add(value, type: text(.type), isMISP: isMISP, details: details, at: valueCell.position, into: &collector)
            }
            for (field, text, kind) in typedValues {
                collector.add(text, as: kind.0, allowed: kind.1, details: details, at: field.position)
            }
        }
    }

    /// The private column's word: yes or no; anything else (`private`, `x`, `internal`) is read as
    /// private, with a warning: a row its writer meant to keep may not be published.
    static func privateFlag(_ word: String?, at position: SourcePosition?, into collector: inout ImportCollector) -> Bool? {
        guard let word = word?.lowercased() else { return nil }
        if ["true", "yes", "1", "y"].contains(word) { return true }
        if ["false", "no", "0", "n", "public"].contains(word) { return nil }
        collector.warning("private column: \"\(word)\" is neither yes nor no (true/false, 1/0); read as private, the safe side", at: position)
        return true
    }

    /// One row's value with the type its type column names.
    static func add(
        _ value: String, type name: String?, isMISP: Bool, details: ImportCollector.Details, at position: SourcePosition,
        into collector: inout ImportCollector
    ) {
        guard let name, kind(name) == nil else {
            let (type, allowed) = kind(name) ?? (nil, nil)
            // ThreatFox's `ip:port`: the address is the indicator (a port is none of dossier's).
            guard name?.lowercased() == "ip:port" else {
                // An address or host name with a port (`203.0.113.9:4444`, `[2001:db8::1]:443`) or
                // an IPv6 zone, as feeds write one: the address is the indicator, as MISP and text
                // imports take it.
                if let (host, dropped) = AddressSuffix.split(value, as: type) {
                    collector.unrepresentable(dropped)
                    collector.add(host, as: type, allowed: allowed, details: details, at: position)
                    return
                }
                collector.add(value, as: type, allowed: allowed, details: details, at: position)
                return
            }
            guard let (address, hadPort) = PortSuffix.split(value) else {
                collector.skip(value, "not an address and port (an IPv6 address with a port is written [address]:port)", at: position)
                return
            }
            if hadPort { collector.unrepresentable("port (of ip:port)") }
            collector.add(address, as: type, allowed: allowed, details: details, at: position)
            return
        }
        if isMISP || MISPTypes.parts(of: name).map(MISPTypes.mapping(of:)).allSatisfy({ $0 != .unmapped }) {
            MISPAttributeReader.add(type: name, value: value, details: details, at: position, into: &collector)
        } else {
            collector.skip(value, "unknown type \"\(name)\"; expected one of \(IndicatorType.choices), a MISP type, or an empty type column", at: position)
        }
    }

    /// A dossier type or a common alias; nil when `name` is neither (it may be a MISP type).
    /// An absent type is detected from the value.
    /// The type a column named after one holds (`url`, `IP address`, `SHA-256`), if its name is one.
    static func typedColumn(_ header: String) -> (IndicatorType?, Set<IndicatorType>?)? {
        let name = header.lowercased().trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, Column.of(name) == nil, let kind = kind(name) ?? kind(name.replacingOccurrences(of: "-", with: "")) else { return nil }
        return kind.0 == nil && kind.1 == nil ? nil : kind
    }

    static func kind(_ written: String?) -> (IndicatorType?, Set<IndicatorType>?)? {
        guard let name = written?.lowercased() else { return (nil, nil) }
        if let type = IndicatorType(rawValue: name) { return (type, nil) }
        // abuse.ch's hash columns and types: `sha256_hash`, `md5_hash`.
        if name.hasSuffix("_hash"), let type = IndicatorType(rawValue: String(name.dropLast(5))) { return (type, nil) }
        switch name {
        case "ip", "ipaddress", "ip-address", "ip address", "address", "dst_ip", "dstip", "src_ip", "srcip", "ip:port":
            return (nil, [.ipv4, .ipv6, .cidr])
        case "hash", "filehash", "file hash": return (nil, [.md5, .sha1, .sha256, .sha512])
        case "fqdn", "host", "hostname": return (.domain, nil)
        case "e-mail", "mail": return (.email, nil)
        default: return nil
        }
    }

    static func classification(_ text: String?, at position: SourcePosition?, into collector: inout ImportCollector) -> Classification? {
        guard let text else { return nil }
        let key = text.lowercased().replacingUnderscores
        if let value = Classification(rawValue: key) { return value }
        if ["benign", "nonmalicious", "clean", "harmless"].contains(key) { return .nonMalicious }
        if HidingKeys.meansHidden(key: "sensitivity", value: text, near: nil) {
            collector.warning("classification \"\(text)\" grades secrecy, not a verdict (\(Classification.choices)): the row is read as private", at: position)
        } else {
            collector.warning("unknown classification \"\(text)\"; expected \(Classification.choices); ignored", at: position)
        }
        return nil
    }

    /// `text` split at each `separator` outside a machine tag's quoted value
    /// (`dossier:source="logs, firewall"`, `misp-galaxy:threat-actor="APT 28; Fancy Bear"`, one
    /// tag each); a text whose quotes do not pair is split at every one.
    static func split(_ text: String, on separator: Character) -> [String] {
        var tags: [String] = []
        var current = ""
        var quoted = false
        let pairs = text.utf8.count { $0 == UInt8(ascii: "\"") } % 2 == 0
        for character in text {
            if character == "\"", pairs { quoted.toggle() }
            if character == separator, !quoted {
                tags.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        tags.append(current)
        return tags.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// The tags of a tags cell: split at each `;` not escaped by a `\` nor in a machine tag's
    /// quoted value (`split`), whose `\;` and `\\` stand for `;` and `\` (as dossier's export
    /// writes them); another `\` stays as it is.
    /// - Parameter isFeed: the file is a feed's dump (`#` comment lines before its header),
    ///   whose lists are comma-separated (URLhaus's `32-bit,elf,mips,Mozi`, ThreatFox's
    ///   `Cobalt Strike,c2`); in other files a comma is part of a tag (`Kit:v1,v2`).
    static func tags(_ text: String, isFeed: Bool = false) -> [String] {
        if isFeed, !text.contains(";") { return split(text, on: ",") }
        var tags: [String] = []
        var current = ""
        var escaped = false
        var quoted = false
        let pairs = text.utf8.count { $0 == UInt8(ascii: "\"") } % 2 == 0
        for character in text {
            if character == "\"", pairs, !escaped { quoted.toggle() }
            if escaped {
                if character != ";" && character != "\\" { current.append("\\") }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ";", !quoted {
                tags.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        tags.append(current)
        return tags.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }
}
