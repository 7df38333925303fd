import ArgumentParser
import DossierCore
import DossierInterop
import Foundation

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add indicators to a project; an indicator already recorded is merged, never duplicated.",
        discussion: """
            Values may be pasted defanged (hxxp://, [.], (.), [dot], [@], [at]): they are refanged, their \
            type is detected (give --type for filename, filepath, registry-key, mutex, user-agent, other), \
            validated and stored in normal form. With -, values are read from standard input, one per \
            line; with --extract, indicators are pulled out of free text (an e-mail, a vendor blog post): \
            the strictly checked types, whose ends prose gives; a Windows path or registry key it \
            writes is said, with the command that adds it as written. A text marked above TLP:CLEAR \
            (a TLP:AMBER label in a mail, as import reads one), PAP:RED or a caveat line \
            (Handling: Internal use only) is refused by a public project unless --private; its \
            values are added private (tagged with the TLP, tlp:amber).

            Merging an indicator that is already recorded: tags are unioned (case-insensitively), the \
            earliest first-seen and latest last-seen dates are kept, an explicit --classify replaces the \
            recorded classification (and says so), comment and source are filled in only when the record \
            has none (a different one is reported and the recorded one kept), and --private makes it \
            private (nothing here makes a private indicator public).

            If any value is invalid, each is listed with the reason and nothing is written, unless \
            --skip-invalid. Every write is atomic and refreshes "updated" in project.json.

            Examples:
              dossier add acme-payroll-phish --tag Phishing \\
                hxxps://payroll-acme[.]example/login payroll-acme[.]example
              dossier add acme-payroll-phish evil.exe --type filename --comment "Dropper"
              dossier add acme-payroll-phish - --extract --source "vendor blog" \\
                < vendor-post.txt
              dossier add acme-payroll-phish - --extract --dry-run < mail.txt  # look first
              xclip -o -selection clipboard | dossier add acme-payroll-phish - --extract
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ProjectArgument.help, transform: ProjectArgument.slug)
    var project: String

    @Argument(help: ArgumentHelp("Indicator values; - reads them from standard input, one per line (# lines are comments).", valueName: "value"))
    var values: [String] = []

    @Option(help: ArgumentHelp(
        "Type of every value (default: detected; needed for the free-form types).",
        valueName: "type"))
    var type: IndicatorType?

    @Option(name: .customLong("tag"), help: ArgumentHelp("Tag to add to every value (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @Option(name: .customLong("classify"), help: ArgumentHelp(
        "Classification to set; it replaces a recorded one.",
        valueName: "classification"))
    var classification: Classification?

    @Option(help: "Comment for the indicators (kept if one is already recorded).")
    var comment: String?

    @Option(help: "Where the indicators come from (internal provenance, never published).")
    var source: String?

    @Flag(name: .customLong("private"), help: "Keep the indicators out of every public output.")
    var isPrivate = false

    @Option(name: .customLong("first-seen"), help: ArgumentHelp("First sighting, ISO 8601 (2026-11-02 or a timestamp).", valueName: "date"))
    var firstSeen: String?

    @Option(name: .customLong("last-seen"), help: ArgumentHelp("Last sighting, ISO 8601 (2026-11-02 or a timestamp).", valueName: "date"))
    var lastSeen: String?

    @Flag(help: "Pull indicators out of the values as free text (with -, out of standard input) instead of reading one value each.")
    var extract = false

    @Flag(help: "Add the valid values and skip the invalid ones (listed as warnings) instead of adding nothing.")
    var skipInvalid = false

    @Flag(help: "Show what would be added and merged (and every warning), and write nothing.")
    var dryRun = false

    func validate() throws {
        if values.isEmpty {
            // ArgumentParser takes a lone `-x.exe` for an option it then drops.
            throw ValidationError("give at least one value to add, or - to read them from standard input (a value that starts with -, such as the file name -x.exe, goes after --: dossier add PROJECT --type filename -- -x.exe)")
        }
        for (name, date) in [("--first-seen", firstSeen), ("--last-seen", lastSeen)] {
            if let date, !ISODate.isValid(date) {
                throw ValidationError(ISODate.isNoSuchDay(date) ? "\(name) \(date) is no day of the calendar (give an ISO 8601 date such as 2026-11-02)"
                    : "\(name) \"\(date)\" is not an ISO 8601 date such as 2026-11-02 or 2026-11-02T10:15:00Z")
            }
        }
        if let firstSeen, let lastSeen, ISODate.precedes(lastSeen, firstSeen) {
            throw ValidationError("--last-seen \(lastSeen) is before --first-seen \(firstSeen)")
        }
        if extract, let type, !type.isStrict {
            throw ValidationError("--extract finds only strictly checked types; a \(type.rawValue) cannot be told apart in free text")
        }
        if tags.contains(where: Tag.isBlank) {
            throw ValidationError("--tag needs a tag name")
        }
        for tag in tags { try ProjectEditing.refuseSourceTag(tag, option: "--tag ") }
    }

    func run() throws {
        let project = try global.project(self.project)
        // Values (standard input above all) are read before the project is opened: opening holds
        // the project's lock, which another dossier would wait on meanwhile.
        let read = try readIndicators()
        let edit = try ProjectEditing.open(project, global: global, command: "add", arguments: values)
        // A pasted text's marking, as `import` reads a text's: its values are private material,
        // which a public project takes only with --private (its site would publish them).
        if let marking = read.marking, edit.project.visibility == .public, !isPrivate {
            Console.error("the text is marked \(marking) and \(project) is public: its site would publish the values. "
                + "Add them with --private to keep them out of every public output, or into a private project; nothing was changed")
            throw ExitCode(1)
        }

        // Given without --type, a value the project records under a type it also fits, or as a
        // free-form value, is that indicator.
        let (parsed, rejected) = type == nil ? Selection.recognized(read.parsed, rejected: read.rejected, in: edit.project) : (read.parsed, read.rejected)
        try ProjectEditing.handle(rejected, skip: skipInvalid, global: global)
        if parsed.isEmpty {
            Console.error("no valid value to add; nothing was changed")
            throw ExitCode(1)
        }
        // Stored as `import` stores a date (`DateSpelling`): a time with no zone as its day.
        // A sighting after tomorrow (anywhere on Earth) is a typo of the year or the month.
        let tomorrow = Scaffold.today(Date().addingTimeInterval(86_400))
        for (name, date) in [("--first-seen", firstSeen), ("--last-seen", lastSeen)] {
            guard let date else { continue }
            if ISODate.hasNoZone(date) {
                Console.note("warning: \(name) \(date) has no zone: recorded as its day, \(date.prefix(10)) (give Z or an offset, 2026-11-02T10:15:00Z, to keep the time)")
            }
            if date.prefix(10) > tomorrow {
                Console.note("warning: \(name) \(date) is in the future; a sighting is of a day that has come")
            }
        }
        for tag in self.tags {
            ProjectEditing.warnMisspelled(tag, vocabulary: edit.vocabulary, project: project)
            guard let parts = Tag.listedParts(tag, vocabulary: edit.vocabulary) else { continue }
            Console.note("warning: \"\(tag)\" is one tag; for \(parts.count), give each on its own: "
                + parts.map { "--tag " + Console.shellWord($0) }.joined(separator: " "))
        }
        let given = Tag.union([], self.tags.map { IndicatorEdit.spelling(of: $0, in: edit.vocabulary) })
        // The text's TLP as a tag, unless a tlp: tag given is at least as strict (a laxer one
        // would mark the values below what their source does).
        let marking = read.tlp.flatMap { tlp in (TLP.marked(by: given) ?? .clear) < tlp ? tlp : nil }
        let tags = Tag.union(given, marking.map { [$0.tag] } ?? [])
        if let said = read.marking {
            global.say("\(project): the text is marked \(said): its values \(dryRun ? "would be" : "are") added private"
                + (marking.map { ", tagged \($0.tag)" } ?? ""))
        }
        let keptPrivate = isPrivate || read.marking != nil
        let incoming = parsed.map { item in
            Indicator(
                value: item.value, type: item.type, classification: classification, tags: tags, firstSeen: firstSeen.flatMap(DateSpelling.canonical),
                lastSeen: lastSeen.flatMap(DateSpelling.canonical), source: source.flatMap(Self.written), comment: comment.flatMap(Self.written), privateFlag: keptPrivate ? true : nil)
        }
        let (changed, report) = IndicatorMerge.merge(incoming, into: edit.project)
        // A dry run is refused as the edit would be (a tlp:red tag on a public indicator).
        if report.hasChanges {
            if dryRun { try ProjectEditing.refuseNewErrors(edit, changed) } else { try ProjectEditing.save(edit, changed) }
        }
        print(report, project: project)
        if !keptPrivate { ProjectEditing.noteMadePrivate(from: edit.project, to: changed, global: global) }
        if !keptPrivate {
            let added = Set(incoming.map(\.key))
            let indices = changed.indicators.indices.filter { added.contains(changed.indicators[$0].key) }
            for tag in tags { ProjectEditing.warnPrivateTagShown(tag, in: changed, at: indices, vocabulary: edit.vocabulary) }
        }
        ProjectEditing.warnNewContradictions(edit, changed)
        noteSpecialUse(report.added, in: changed)
    }

    /// Says which values just added are of a special-use range (`Indicators.specialUse`): a host
    /// of some internal network, which a blocklist would block on its readers' own networks; in
    /// a public project, with the command that keeps each out of public output.
    private func noteSpecialUse(_ added: [IndicatorKey], in project: Project) {
        let special = added.compactMap { key in Indicators.specialUse(of: key.value, type: key.type).map { (key, $0) } }
        guard !special.isEmpty else { return }
        // Notes, which --quiet leaves out; a public project's publishing them is a warning.
        for (key, what) in global.quiet ? [] : special.prefix(5) {
            let kind = switch key.type {
            case .cidr: "a block of \(what) addresses"
            case .url, .email: "on a \(what) address"
            default: "a \(what) address"
            }
            Console.note("note: \(key.value) is \(kind): it means a host only where it was seen (your network, or the victim's), so nobody else can look it up, and a blocklist of it would block hosts on its readers' own networks")
        }
        if special.count > 5, !global.quiet { Console.note("note: and \(ProjectEditing.count(special.count - 5, "value")) more of special-use ranges") }
        // Looked up in a set: ten thousand addresses of an internal network are added at once.
        let published = Set(project.indicators.lazy.filter { !$0.isPrivate }.map(\.key))
        let shown = special.map(\.0).filter(published.contains)
        if project.visibility == .public, !shown.isEmpty {
            Console.note("warning: public project \(project.slug) publishes \(shown.count == 1 ? "\(shown[0].value), an address of a special-use range" : "\(shown.count) addresses of special-use ranges"); to keep an internal network's addresses off the public site: "
                + ProjectEditing.valuesCommand("dossier add \(project.slug)", values: shown.map(\.value), flags: " --private"))
        }
    }

    /// What was read: the values as indicators, those that are none (`run` handles them, once the
    /// project can tell whether it records them), and, of a text to extract from, the marking it
    /// writes above TLP:CLEAR (`TLP:AMBER`, `PAP:RED`), with its TLP when it is one.
    private struct Read {
        var parsed: [ParsedIndicator]
        var rejected: [IndicatorInput.Rejected]
        var marking: String?
        var tlp: TLP?
    }

    private func readIndicators() throws -> Read {
        if extract {
            let texts = values.map { $0 == "-" ? ProjectEditing.standardInput() : $0 }
            let found = IndicatorInput.extract(from: texts, only: type)
            if type == nil { noteWindowsNames(in: texts) }
            if found.isEmpty {
                Console.error("no \(type.map { "\($0.rawValue) " } ?? "")indicators found in the text given; nothing was changed")
                throw ExitCode(1)
            }
            // The strictest TLP any text writes, else what else keeps one in.
            let restrictions = texts.compactMap(TextImporter.restriction)
            let tlp = restrictions.compactMap(\.tlp).max()
            return Read(parsed: found, rejected: [], marking: tlp?.label ?? restrictions.first?.said, tlp: tlp)
        }
        let inputs = ProjectEditing.values(values)
        if inputs.isEmpty {
            Console.error("standard input held no values; nothing was changed")
            throw ExitCode(1)
        }
        for input in inputs where type == nil || type == .cidr {
            guard let (address, block) = Indicators.hostBits(of: input.text) else { continue }
            Console.note("warning: " + Indicators.hostBitsWarning(address, block: block))
        }
        let (parsed, rejected) = IndicatorInput.parse(inputs, as: type)
        return Read(parsed: parsed, rejected: rejected)
    }

    /// Says the Windows paths and registry keys `texts` write, which extraction passes over
    /// (free-form values: prose does not give their ends), with the command that adds each.
    private func noteWindowsNames(in texts: [String]) {
        let names = texts.flatMap(Indicators.windowsNamesInProse)
        guard !names.isEmpty else { return }
        var lines = ["note: --extract takes no Windows path or registry key from prose (where one ends cannot be told for sure); the text writes \(names.count), to add as written:"]
        for (value, type) in names.prefix(5) {
            lines.append("  dossier add \(Console.shellWords([project, value])) --type \(type.rawValue)")
        }
        if names.count > 5 { lines.append("  and \(names.count - 5) more") }
        Console.note(lines.joined(separator: "\n"))
    }

    /// What was added and merged on standard output; conflicts (kept comment or source) as
    /// warnings on standard error, so that --quiet still shows them.
    /// - Parameter project: the project's folder name (not the path it may have been given by).
    private func print(_ report: MergeReport, project: String) {
        for line in MergeOutput.lines(report, dryRun: dryRun) { global.say(line) }
        MergeOutput.warnConflicts(report, dryRun: dryRun)
        let summary = "\(project): " + MergeOutput.counts(report, dryRun: dryRun)
        global.say(dryRun ? summary + "; dry run: nothing was written" : report.hasChanges ? summary : summary + "; nothing was written")
    }
}

extension Add {
    /// A comment or source as given, without the blanks around it (as a tag is), nil when empty
    /// (`--comment "$EMPTY"` in a script): an empty one recorded would keep every later one out.
    static func written(_ text: String) -> String? {
        let start = text.drop(while: \.isWhitespace)
        guard let last = start.lastIndex(where: { !$0.isWhitespace }) else { return nil }
        return String(start[...last])
    }
}

extension Add: TakesValueList {
    static var valueList: WritableKeyPath<Self, [String]> { \.values }
}
