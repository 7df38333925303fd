import ArgumentParser
import DossierCore
import DossierInterop
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import indicators from files (text, CSV, MISP, STIX 2.1, PassiveTotal) and merge them into a project.",
        discussion: """
            Each value is refanged, type-checked and normalized like `dossier add`, and merged \
            the same way: an indicator already recorded gets the new tags, dates and \
            classification, never a duplicate. A file's "unknown" (what exports write for an \
            unclassified indicator) never replaces a recorded classification, and one the tags \
            imply stays implied; --classify sets it.

            Formats (--format; auto, the default, tells them apart by content):
              text          blog posts, e-mails, Markdown/AsciiDoc, one-per-line lists
              csv           a header row naming the columns: value (or indicator),
                            type, classification, tags (split on ;), comment,
                            firstSeen, lastSeen, private; or columns named after
                            a type (url, domain, ip, sha256); MISP's CSV export
                            and abuse.ch's dumps too
              misp          a MISP event, {"Event":...} or {"response":[...]}:
                            attributes and object attributes, composite types
                            (domain|ip, filename|sha256...) split, tags kept,
                            passivetotal:class="..." tags as classification,
                            event reports as notes
              stix          a STIX 2.1 (or 2.0) bundle or object: patterns of
                            equality comparisons (ORs of them; ANDs on one
                            file: each hash and its name), observables,
                            labels and indicator_types as tags, but for
                            malicious-activity, anomalous-activity, benign and
                            unknown in indicator_types (a 2.0 indicator's
                            labels), the classification; TLP markings; notes
                            about a report as notes
              passivetotal  PassiveTotal project or artifact JSON
              json          dossier's own JSON export (its notes too, each as a note), or an indicators.json

            MISP link, text and comment attributes (and STIX reports, and notes about other \
            objects than a report) go to a new \
            note in the project's notes/ (each file's lines once: a file imported again adds none), \
            not to indicators. A MISP type dossier has no type for is kept as "other", tagged \
            misp-type:<type> (a MISP export writes it back as that type), as is a url without \
            a scheme (evil.example/gate.php); an address or host name with a port is read \
            without the port; a property (datetime, size-in-bytes, float, mime-type, \
            counter...) is skipped, and an object's first-seen and last-seen date its \
            indicators. A file's TLP (a MISP event's tlp: tag, STIX object and granular \
            markings) raises the project's when it is stricter, and never lowers it. A public \
            project takes only TLP:CLEAR data: a file marked otherwise is refused unless \
            --private keeps it out of public output. A MISP attribute of distribution 0 (your \
            organisation only; or in such an event or object), a value tagged above tlp:clear \
            (MISP, CSV attribute_tag, STIX labels), the artifacts of a private PassiveTotal or \
            dossier project, and a STIX object with x_dossier_private (dossier's internal \
            exports; on a report, a private project's, all of the file) come in private; a TLP label in a text (TLP:AMBER in a mail) marks it as \
            a MISP tag does. Tags of the file as a whole (MISP event tags, STIX report labels) \
            are added to the project's tags, except those of restricted data (marked, private \
            or --private), which go on its private values: a project's tags are published once \
            it is public.

            Sources come back from dossier's internal exports: a dossier:source="..." tag \
            (MISP and MISP CSV attribute tags, STIX labels; an event's for the values that \
            state none) and a STIX indicator's external reference "dossier source" are the \
            indicator's source, never a tag, which would be published; --tag and `dossier tag` \
            refuse such a tag.

            What cannot be represented (ports, relationships, MATCHES patterns...) is counted \
            and reported; values that are no valid indicator are skipped with the reason \
            (--verbose lists each with its line and column). Nothing is written with \
            --dry-run, or when a file cannot be read (the error gives its line and column).

            Examples:
              dossier import acme-payroll-phish vendor-blog.txt --tag "Vendor report"
              dossier import commodity-loader-c2 event.json --dry-run --verbose
              dossier import typosquat-watch lookalikes.csv --classify suspicious
              xclip -o -selection clipboard | \\
                dossier import acme-payroll-phish - --format text --private
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ProjectArgument.help, transform: ProjectArgument.slug)
    var project: String

    @Argument(help: ArgumentHelp("Files to import; - reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Input format (default: detected from the content).", valueName: "format"))
    var format: ImportFormat = .auto

    @Option(name: .customLong("tag"), help: ArgumentHelp("Tag to add to every imported indicator (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @Option(name: .customLong("classify"), help: ArgumentHelp(
        "Classification for every imported indicator: \(Classification.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "classification"))
    var classification: Classification?

    @Flag(name: .customLong("private"), help: "Keep the imported indicators (and the import's note) out of every public output.")
    var isPrivate = false

    @Flag(help: "Show what would be imported, and write nothing.")
    var dryRun = false

    @Flag(help: "List every indicator added or merged and every item skipped, with its position.")
    var verbose = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to import, or - to read standard input") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("- (standard input) can be given once") }
        if tags.contains(where: Tag.isBlank) { throw ValidationError("--tag needs a tag name") }
        for tag in tags { try ProjectEditing.refuseSourceTag(tag, option: "--tag ") }
    }

    func run() throws {
        let project = try global.project(self.project)
        // The files (standard input above all) are read before the project is opened: opening
        // holds the project's lock, which another dossier would wait on meanwhile.
        let cwd = FileManager.default.currentDirectoryPath
        var results: [(name: String, result: ImportResult)] = []
        var paths: [String] = []
        for file in files {
            let path = file == "-" ? "<stdin>" : WorkspaceLocator.absolute(file, from: cwd)
            let bytes = try readInput(file, path: path)
            paths.append(path)
            results.append((file == "-" ? "standard input" : (file as NSString).lastPathComponent, Importer.read(bytes, path: path, format: format)))
        }
        Console.report(DiagnosticList(results.flatMap(\.result.diagnostics)))
        if let failed = results.first(where: { $0.result.failed }) {
            Console.error("\(failed.name) could not be read (see above); nothing was imported")
            throw ExitCode(1)
        }
        let edit = try ProjectEditing.open(project, global: global)
        // A public project's site shows what it holds: only TLP:CLEAR data may go in as it is.
        if edit.project.visibility == .public, !isPrivate, let marked = results.first(where: { ($0.result.projectTLP ?? .clear) > .clear }) {
            let tlp = marked.result.projectTLP ?? .clear
            Console.error("\(marked.name) is marked \(tlp.label) and \(project) is public: its site would publish the data. "
                + "Import with --private to keep it out of every public output, or into a private project; nothing was imported")
            throw ExitCode(1)
        }

        let tags = Tag.union([], tags.map { IndicatorEdit.spelling(of: $0, in: edit.vocabulary) })
        // Made only for a text import: a project has thousands of indicators.
        let recorded = results.contains { $0.result.format == .text } ? Set(edit.project.indicators.map(\.key)) : []
        // A restricted file's project tags stay off the project, whose tags a public project
        // publishes (a private one once made public: the tags say nothing of where they came
        // from); they go on the file's private indicators instead, which only internal outputs
        // show.
        let isPublic = edit.project.visibility == .public
        // A MISP local tag (MISP shares it with no other instance) stays off what a public project
        // publishes, a private one's once made public too: only its private indicators keep it.
        var localTagsLeftOut: [String] = []
        let perFile = results.map { _, result in
            // A text's 40-hex value is detected as a SHA-1, which the project may record as a
            // certificate's (x509-sha1): as `add` does, it is that one. (A CSV may say its type.)
            let detected = result.format == .text
            // Data marked above TLP:CLEAR comes in private (a public project takes it only with
            // --private), so that a project made public later (by hand, or by a git merge that
            // takes the other side's project.json) does not publish it, and keeps its marking as
            // a tag, which internal reports and exports are marked by: a private project's TLP
            // (which the file raises) may be lowered later, and a public project's is CLEAR.
            // `add --extract` marks a text's values so too.
            // An indicator the file marks itself (a STIX object) by its own marking.
            let carried = (isRestricted(result) ? result.projectTags : []) + result.restrictedTags
            let localKeys = Set(result.localTags.map(Tag.key))
            return result.indicators.map { indicator in
                var item = indicator
                if !isPublic, let marking = result.marking(of: item), marking > .clear { item.privateFlag = true }
                if !carried.isEmpty, item.isPrivate || isPrivate { item.tags = Tag.union(item.tags, carried) }
                if !localKeys.isEmpty, !(item.isPrivate || isPrivate) {
                    let local = item.tags.filter { localKeys.contains(Tag.key($0)) }
                    item.tags.removeAll { localKeys.contains(Tag.key($0)) }
                    localTagsLeftOut = Tag.union(localTagsLeftOut, local)
                }
                if let marking = result.marking(of: item), marking > .clear, TLP.marked(by: item.tags) == nil {
                    item.tags = Tag.union(item.tags, [marking.tag])
                }
                guard detected else { return item }
                item.type = Selection.recordedKey(of: ParsedIndicator(type: item.type, value: item.value), typeGiven: false, recorded: recorded).type
                return item
            }
        }
        if !localTagsLeftOut.isEmpty {
            Console.note("warning: MISP local tags (shared with no other instance) left off the indicators of \(isPublic ? "public project \(project)" : "\(project) that are not private (a project made public later would publish them)"): "
                + localTagsLeftOut.joined(separator: ", ") + "; import with --private\(isPublic ? ", or into a private project," : "") to keep them")
        }
        let read = Self.keepingFirstFile(perFile, results: results.map(\.result), paths: paths, classifying: classification != nil)
        // A CSV tags cell `Blocked, Phishing` naming a tag of the vocabulary: a list was meant (the
        // reader warns of `Blocked,Phishing` itself; with a space, only the vocabulary tells).
        // Said at the first row that has it.
        var saidTags: Set<String> = []
        for (path, result) in zip(paths, results.map(\.result)) where result.format == .csv {
            for indicator in result.indicators {
                for tag in indicator.tags where Tag.listedParts(tag, vocabulary: nil) == nil && saidTags.insert(tag).inserted {
                    guard let parts = Tag.listedParts(tag, vocabulary: edit.vocabulary) else { continue }
                    Console.report(DiagnosticList([.warning(at: SourceLocation(path: path, position: result.positions[indicator.key] ?? .start),
                        "tag \"\(tag)\" is one tag; a tags cell separates tags with \";\" (\(parts.joined(separator: "; ")))", code: "import")]))
                }
            }
        }
        // --classify is the analyst's word over the files', but a verdict a file states is not
        // replaced unsaid (a malicious row made suspicious).
        if let classification {
            let overridden = read.compactMap { item in item.classification.flatMap { $0 == classification ? nil : "\(item.value) (\($0.rawValue))" } }
            if !overridden.isEmpty {
                let shown = overridden.prefix(5).joined(separator: ", ") + (overridden.count > 5 ? ", and \(overridden.count - 5) more" : "")
                Console.note("warning: --classify \(classification.rawValue) replaces the classification the input gives \(overridden.count == 1 ? "1 value" : "\(overridden.count) values"): \(shown)")
            }
        }
        let incoming = read.map { indicator -> Indicator in
            var item = indicator
            item.tags = Tag.union(item.tags, tags)
            if let classification { item.classification = classification }
            if isPrivate { item.privateFlag = true }
            return item
        }
        // Files whose every value was skipped: the input is wrong (a column misnamed, another
        // format, a feed of values no parser takes), which a script must see; its note alone
        // (a STIX report's title) is not what was imported for. A MISP event or a STIX bundle
        // that holds only what dossier cannot represent, with nothing skipped, brings its note.
        if incoming.isEmpty, results.contains(where: { !$0.result.skipped.isEmpty }) {
            for (name, result) in results { describe(result, name: name, classified: { $0.effectiveClassification(in: edit.vocabulary) }) }
            let skipped = results.map(\.result.skipped.count).reduce(0, +)
            Console.error("no indicator could be imported: every value (\(skipped)) was skipped\(global.quiet ? "" : " (reasons above)"); nothing was imported")
            throw ExitCode(1)
        }
        // Planned before anything is said of the project (its fields, its merge), since an
        // image may refuse the whole import.
        // The notes a dossier JSON export carries, each a note of its own; private when the file
        // or the note is (a private project's, one marked above TLP:CLEAR, --private).
        var carried: [(fileName: String, text: String)] = []
        var carriedBodies: [(fileName: String, body: String)] = []
        var carriedPresent = 0
        var renamed: [(from: String, to: String)] = []
        for (_, result) in results {
            let plan = ImportNote.planned(result.noteFiles, in: edit.project, taken: carriedBodies,
                makePrivate: isPrivate || (result.projectTLP ?? .clear) > .clear)
            carried += plan.write
            carriedBodies = plan.taken
            carriedPresent += plan.present
            renamed += plan.renamed
        }
        // The images those notes show, where they show them from. One a new note shows that
        // cannot be written (another file is there) fails the import: the note would show the
        // other file.
        let shownByNewNotes = carried.reduce(into: Set<[String]>()) { $0.formUnion(NoteImages.paths(shownByNote: $1.text)) }
        let images = ImportImages.planned(results.flatMap(\.result.imageFiles), in: edit.project, shownByNewNotes: shownByNewNotes)
        for refused in images.refused {
            let message = "image \(edit.project.slug)/\(refused.path): \(refused.reason)"
            if refused.isShownByNewNote { Console.error(message + ", and an imported note shows it") } else { Console.note("warning: " + message) }
        }
        if images.refused.contains(where: \.isShownByNewNote) {
            Console.error("an imported note would show another image than its file's (see above): move the project's file away, import the files one by one, or import into another project; nothing was imported")
            throw ExitCode(1)
        }
        // A file's "unknown" never undoes a recorded classification, and one its tags imply stays
        // implied; --classify, the user's word, sets it.
        var (changed, report) = classification == nil
            ? IndicatorMerge.merge(incoming, into: edit.project, unknown: .keepsRecorded, impliedBy: edit.vocabulary)
            : IndicatorMerge.merge(incoming, into: edit.project)
        applyProjectFields(from: results.map(\.result), imported: perFile, to: &changed)
        // What a value flagged for detection is classified as once merged: its IDS flag is kept
        // only as a malicious indicator's.
        let flagged = results.reduce(into: Set<IndicatorKey>()) { $0.formUnion($1.result.flaggedForIDS) }
        var merged: [IndicatorKey: Classification] = [:]
        if !flagged.isEmpty {
            for indicator in changed.indicators where flagged.contains(indicator.key) {
                merged[indicator.key] = indicator.effectiveClassification(in: edit.vocabulary)
            }
        }
        for (name, result) in results {
            describe(result, name: name, classified: { merged[$0.key] ?? $0.effectiveClassification(in: edit.vocabulary) })
        }
        describe(report) { key in
            // Where the first file that gives it says so.
            zip(paths, results).lazy.compactMap { path, file in
                file.result.positions[key].map { "\(Console.printer.displayPath(path)):\($0.line):\($0.column)" }
            }.first
        }
        ProjectEditing.warnNewContradictions(edit, changed)

        // The same file imported again, alone or with others, makes the same lines: written once.
        let (sections, present) = ImportNote.split(results.map { ImportNote.Section(file: $0.name, format: $0.result.format, lines: $0.result.notes(into: edit.project.slug)) },
            in: edit.project)
        let hasNote = !sections.isEmpty
        for (from, to) in renamed {
            Console.note("warning: the project has a note \(from) with other text (edited since, or another note); this one is written as \(to)")
        }
        let noteCount = carried.count + (hasNote ? 1 : 0)
        let summary = "\(project): " + MergeOutput.counts(report, repeatedInFiles: results.map(\.result.repeated).reduce(0, +), dryRun: dryRun)
            + ", \(results.map(\.result.skipped.count).reduce(0, +)) skipped" + (noteCount > 0 ? ", \(ProjectEditing.count(noteCount, "note"))" : "")
            + (present.isEmpty ? "" : ", note already present (\(present.map(\.fileName).joined(separator: ", ")))")
            + (carriedPresent > 0 ? ", \(ProjectEditing.count(carriedPresent, "note")) already present" : "")
            + (images.write.isEmpty ? "" : ", \(ProjectEditing.count(images.write.count, "image"))")
            + (images.present > 0 ? ", \(ProjectEditing.count(images.present, "image")) already present" : "")
        // The notes it writes: the file's own, then the import's (private with --private, and when
        // a line of it is something a file keeps private).
        var noteTexts = carried
        if hasNote {
            let notePrivate = isPrivate || results.contains { $0.result.notesArePrivate || ($0.result.projectTLP ?? .clear) > .clear }
            let existing = ((try? FileManager.default.contentsOfDirectory(atPath: edit.project.notesFolder)) ?? []) + carried.map(\.fileName)
            let name = ImportNote.fileName(for: sections.map(\.file), existing: existing)
            noteTexts.append((name, ImportNote.text(sections, date: Scaffold.today(), isPrivate: notePrivate)))
        }
        // Unlike an edit, an import is not refused for what `check` would then find: data it brings
        // private (a marked file, --private) may be what the project's notes, the file's own
        // comments or another project's texts already publish, which only the analyst can settle.
        // It is said, though, where `check` will say it (public builds and exports stop meanwhile).
        var withNotes = changed
        withNotes.notes += noteTexts.compactMap { name, text in
            Note(reading: Array(text.utf8), fileName: name, path: edit.project.notesFolder + "/" + name)
        }
        let newErrors = changed == edit.project && noteTexts.isEmpty ? [] : edit.newErrors(in: withNotes, cache: ProjectCache.standard(root: edit.root))
        func sayNewErrors(_ prefix: String) {
            guard !newErrors.isEmpty else { return }
            ProjectEditing.report(newErrors, of: changed)
            let errors = newErrors.count == 1 ? "the error above" : "the \(newErrors.count) errors above"
            Console.note("warning: \(prefix)`dossier check` \(dryRun ? "would then find" : "now finds") \(errors), and public builds and exports stop until \(newErrors.count == 1 ? "it is" : "they are") settled")
        }
        if dryRun {
            global.say(summary + "; dry run: nothing was written")
            sayNewErrors("once imported, ")
            return
        }
        guard changed != edit.project || noteCount > 0 || !images.write.isEmpty else {
            global.say(summary + "; nothing was written")
            return
        }
        // The notes are written out first and put in place last, in the same write as the
        // indicators: a failed write leaves none of them, and a crash between the renames leaves
        // the indicators without the notes (running the import again adds them once).
        var notes: [PendingNote] = []
        do {
            for (fileName, text) in carried { notes.append(try prepareNote(text, named: fileName, in: edit.project, crlf: edit.usesCRLF)) }
            for image in images.write { notes.append(try prepareImage(image, in: edit.project)) }
            for (fileName, text) in noteTexts.dropFirst(carried.count) { notes.append(try prepareNote(text, named: fileName, in: edit.project, crlf: edit.usesCRLF)) }
            try edit.save(changed, alongWith: notes.map(\.file))
        } catch {
            // A command that fails writes nothing: take the notes (and a folder made for them) back.
            for note in notes.reversed() { note.discard() }
            if let exit = error as? ExitCode { throw exit }
            if let failure = error as? WriteError { Console.error(failure) } else { Console.error("\(error)") }
            throw ExitCode(1)
        }
        for note in notes { global.say("wrote \(Console.printer.displayPath(note.file.path))") }
        global.say(summary)
        if !isPrivate { ProjectEditing.noteMadePrivate(from: edit.project, to: changed, global: global) }
        sayNewErrors("imported, but ")
    }

    /// Data a public project may not show as its own: imported --private, marked above TLP:CLEAR,
    /// or from a private source (notes or project).
    private func isRestricted(_ result: ImportResult) -> Bool {
        isPrivate || (result.projectTLP ?? .clear) > .clear || result.notesArePrivate || result.projectVisibility == .private
    }

    /// The files' TLP (raising the project's, never lowering it; a public project stays
    /// TLP:CLEAR), visibility (when project.json states none, never making a project public unless
    /// it is TLP:CLEAR) and project tags.
    /// - Parameter imported: each file's indicators as they come in (private as `run` made them).
    private func applyProjectFields(from results: [ImportResult], imported: [[Indicator]], to project: inout Project) {
        // Only a file that brings something marks the project: one that gave no indicator and no
        // note line (a STIX file of markings alone) leaves its TLP as it is.
        let bringing = results.filter { !$0.indicators.isEmpty || !$0.notes.isEmpty }
        if let tlp = bringing.compactMap(\.projectTLP).max(), tlp > project.tlp {
            if project.visibility == .public {
                // Only with --private (a public project refuses marked data otherwise): a public
                // project must be TLP:CLEAR, and the marked data went in private.
                global.say("\(self.project): stays \(project.tlp.label), as it is public; the data marked \(tlp.label) \(dryRun ? "would be" : "was") imported private, tagged \(tlp.tag)")
            } else {
                global.say("\(self.project): TLP raised from \(project.tlp.label) to \(tlp.label), as the imported file is marked")
                project.tlp = tlp
                project.written.tlp = true
            }
        }
        let marked = bringing.flatMap { result in result.indicators.map { result.marking(of: $0) ?? .clear } + [result.projectTLP ?? .clear] }.max() ?? .clear
        if project.visibility == .private, marked > .clear {
            global.say("\(self.project): the data marked \(marked.label) \(dryRun ? "would come" : "comes") in private, and so \(dryRun ? "would" : "does") any note of the import: "
                + "a project made public later does not publish them")
        }

        let visibilities = results.compactMap(\.projectVisibility)
        if let visibility = visibilities.contains(.private) ? Visibility.private : visibilities.first, !project.written.visibility {
            if visibility == .public && project.tlp != .clear {
                Console.note("warning: the imported project is public, but \(self.project) is \(project.tlp.label); it stays private")
            } else {
                project.visibility = visibility
                project.written.visibility = true
            }
        }
        // A project's tags are published (a private project's once it is made public, by hand or
        // by a git merge): a restricted file's (its data imported private) stay out, as its data
        // does (`target:SecretCustomer` on a TLP:RED event). So do the tags of a restricted part
        // of a file (a MISP event of distribution 0, a local event tag).
        let isPublic = project.visibility == .public
        let withheld = Tag.union([], results.filter(isRestricted).flatMap(\.projectTags) + results.flatMap(\.restrictedTags)).filter { !Tag.contains(project.tags, $0) }
        if !withheld.isEmpty {
            // The tags went on the private indicators of the files that restrict them (`run`):
            // said only when there are any.
            let carried = isPrivate || zip(results, imported).contains { result, indicators in
                (isRestricted(result) || !result.restrictedTags.isEmpty) && indicators.contains(where: \.isPrivate)
            }
            global.say("\(self.project): project tags of the restricted data not added, as " + (isPublic ? "the project is public; " : "a project made public later would publish them; ")
                + (carried ? "its private indicators have them: " : "no private indicator of the file carries them (import with --private\(isPublic ? ", or into a private project," : "") to keep them): ")
                + withheld.joined(separator: ", "))
        }
        let projectTags = Tag.union([], results.filter { !isRestricted($0) }.flatMap(\.projectTags)).filter { !Tag.contains(project.tags, $0) }
        if !projectTags.isEmpty {
            project.tags = Tag.union(project.tags, projectTags)
            global.say("\(self.project): project tags +" + projectTags.joined(separator: ", +"))
        }
    }

    /// Per file: what was found, what cannot be represented, and what was skipped (grouped by
    /// reason; each item with --verbose).
    /// - Parameter classified: what an indicator of the file is classified as once imported.
    private func describe(_ result: ImportResult, name: String, classified: (Indicator) -> Classification) {
        var parts = [result.indicators.count == 1 ? "1 indicator" : "\(result.indicators.count) indicators"]
        // What the file restricts (MISP distribution 0, a tlp: tag above clear, a private project).
        let restricted = result.indicators.count(where: \.isPrivate)
        if restricted > 0 { parts.append("\(restricted) kept private as the file marks them") }
        if !result.skipped.isEmpty { parts.append("\(result.skipped.count) skipped") }
        if !result.notes.isEmpty { parts.append(result.notes.count == 1 ? "1 note line" : "\(result.notes.count) note lines") }
        global.say("\(name) (\(result.format.rawValue)): " + parts.joined(separator: ", "))
        var unrepresentable = result.unrepresentable.map { ($0.kind, $0.count) }
        let lostFlags = result.idsFlagsLost(classification: classified)
        if lostFlags > 0 { unrepresentable.append(("to_ids flag of a value not classified malicious", lostFlags)) }
        if !unrepresentable.isEmpty {
            global.say("  not representable: " + unrepresentable.map { "\($1) × \($0)" }.joined(separator: ", "))
        }
        if verbose {
            for item in result.skipped {
                let place = item.location.map { Console.printer.displayPath($0.path) + ":\($0.position.line):\($0.position.column): " } ?? ""
                global.say("  \(place)skipped \"\(DiagnosticPrinter.oneLine(item.item, longest: 200))\": \(DiagnosticPrinter.oneLine(item.reason, longest: 400))")
            }
        } else {
            // By reason, in the order first met; a dictionary, since reasons that name their
            // value do not group and a feed has thousands of rows.
            // Each group says where its first item is, so that one can be found in a long file.
            var counts: [(reason: String, count: Int, first: SourceLocation?)] = []
            var position: [String: Int] = [:]
            for item in result.skipped {
                if let i = position[item.reason] {
                    counts[i].count += 1
                } else {
                    position[item.reason] = counts.count
                    counts.append((item.reason, 1, item.location))
                }
            }
            let shown = 10
            for (reason, count, first) in counts.prefix(shown) {
                let place = first.map { " (\(count > 1 ? "first at " : "at ")\(Console.printer.displayPath($0.path)):\($0.position.line):\($0.position.column))" } ?? ""
                // A reason quotes its value, which may be a megabyte long.
                global.say("  skipped \(count): \(DiagnosticPrinter.oneLine(reason, longest: 400))\(place)")
            }
            if counts.count > shown { global.say("  and \(counts.count - shown) more reasons (--verbose lists every item skipped)") }
        }
    }

    private func describe(_ report: MergeReport, place: (IndicatorKey) -> String?) {
        if verbose {
            for line in MergeOutput.lines(report, dryRun: dryRun) { global.say(line) }
        }
        MergeOutput.warnConflicts(report, dryRun: dryRun, place: place)
    }

    /// The bytes of a file to import (or of standard input), refusing more than `Limits.fileSize`.
    private func readInput(_ file: String, path: String) throws -> [UInt8] {
        let handle: FileHandle
        if file == "-" {
            handle = .standardInput
        } else {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= Limits.fileSize else {
                Console.error("cannot read \(file): \(Limits.tooLarge(size)); nothing was imported")
                throw ExitCode(1)
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                Console.error("cannot read \(file): it is a folder; give the files in it (dossier import PROJECT \(file)/*); nothing was imported")
                throw ExitCode(1)
            }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                Console.error("cannot read \(file): no such file, or not readable; nothing was imported")
                throw ExitCode(1)
            }
            handle = opened
        }
        var bytes: [UInt8] = []
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                bytes.append(contentsOf: chunk)
                guard bytes.count <= Limits.fileSize else {
                    Console.error("cannot read \(file): \(Limits.tooLarge(bytes.count)); nothing was imported")
                    throw ExitCode(1)
                }
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Console.error("cannot read \(file): \(error.localizedDescription); nothing was imported")
            throw ExitCode(1)
        }
        return bytes
    }

    /// The import's note, written out beside its place in notes/ but not yet in place.
    /// A note or image written out, put in place with the project's files.
    struct PendingNote {
        var file: AtomicWriter.Prepared
        /// The folders this import created for it, outermost first (removed again if the import
        /// fails).
        var createdFolders: [String] = []

        func discard() {
            file.discard()
            for folder in createdFolders.reversed() { rmdir(folder) }
        }
    }

    /// Writes out an image an export carries (`ImportImages.planned`), at its path in the project,
    /// making the folders on the way.
    private func prepareImage(_ image: NoteImages.Carried, in project: Project) throws -> PendingNote {
        var created: [String] = []
        var folder = project.folder
        let path = project.folder + "/" + image.path.joined(separator: "/")
        do {
            for segment in image.path.dropLast() {
                folder += "/" + segment
                if mkdir(folder, 0o777) == 0 {
                    created.append(folder)
                } else if errno != EEXIST {
                    throw WriteError.cannotWrite(folder, reason: String(cString: strerror(errno)))
                } else {
                    // As planned: a folder, not what a symbolic link put there meanwhile.
                    var status = stat()
                    guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                        throw WriteError.cannotWrite(folder, reason: "it is no folder of the project (a file, or a symbolic link)")
                    }
                }
            }
            return PendingNote(file: try AtomicWriter.prepare(image.bytes, to: path), createdFolders: created)
        } catch {
            for folder in created.reversed() { rmdir(folder) }
            let reason = if case .cannotWrite(_, let reason)? = error as? WriteError { reason } else { "\(error)" }
            Console.error("cannot write \(Console.printer.displayPath(path)): \(reason); nothing was imported")
            throw ExitCode(1)
        }
    }

    /// Writes a note out as the new file `name` of notes/ (`PendingNote.file.commit()` puts it in place).
    /// `crlf`: the project's files break their lines with CR LF, and so does the note.
    private func prepareNote(_ text: String, named name: String, in project: Project, crlf: Bool) throws -> PendingNote {
        let folder = project.notesFolder
        let path = folder + "/" + name
        let created = FileManager.default.fileExists(atPath: folder) ? nil : folder
        // A new note: never through what is there under its name, a note the check refused (a
        // symbolic link to another project's notes, or out of the workspace) included.
        var existing = stat()
        if lstat(path, &existing) == 0 {
            Console.error("cannot write \(Console.printer.displayPath(path)): something the check does not read as a note is there already (run `dossier check`); nothing was imported")
            throw ExitCode(1)
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return PendingNote(file: try AtomicWriter.prepare(CanonicalJSON.lineBreaks(Array(text.utf8), crlf: crlf), to: path), createdFolders: created.map { [$0] } ?? [])
        } catch {
            if let created { rmdir(created) }
            // The file named once, relative, with why it could not be written.
            let reason = if case .cannotWrite(_, let reason)? = error as? WriteError { reason } else { "\(error)" }
            Console.error("cannot write \(Console.printer.displayPath(path)): \(reason); nothing was imported")
            throw ExitCode(1)
        }
    }
}

extension ImportFormat: LenientChoice {
    static let aliases: [String: ImportFormat] = ["txt": .text, "markdown": .text, "md": .text, "stix2": .stix, "stix2.1": .stix]
}

extension ImportCommand: TakesValueList {
    static var valueList: WritableKeyPath<Self, [String]> { \.files }
}

extension ImportCommand {
    /// The files' indicators, each file's in order, a value that several files give taking the
    /// first file's classification, comment and source, as a repeat within one file does
    /// (`ImportCollector.record`): a later file's other one is a warning at its place, not a
    /// silent change (the last file's verdict winning, a warning naming the first file).
    /// `classifying`: --classify sets every classification, so none given is worth a warning.
    static func keepingFirstFile(_ files: [[Indicator]], results: [ImportResult], paths: [String], classifying: Bool) -> [Indicator] {
        guard files.count > 1 else { return files.first ?? [] }
        var first: [IndicatorKey: Indicator] = [:]
        var kept = files
        var warnings: [Diagnostic] = []
        for (f, items) in files.enumerated() {
            for (i, item) in items.enumerated() {
                guard let earlier = first[item.key] else {
                    first[item.key] = item
                    continue
                }
                let (merged, _, conflicts) = IndicatorMerge.merge(item, into: earlier, unknown: .keepsFirst)
                first[item.key] = merged
                kept[f][i] = merged
                let position = results[f].positions[item.key]
                for conflict in conflicts {
                    if classifying, case .classification = conflict { continue }
                    warnings.append(.warning(at: SourceLocation(path: paths[f], position: position ?? .start),
                        "\(item.type.rawValue) \(item.value) is given by an earlier file too: \(conflict)", code: "import"))
                }
            }
        }
        Console.report(DiagnosticList(warnings))
        return kept.flatMap { $0 }
    }
}
