import DossierCore
import Foundation
import Mustache

/// The Mustache templates of one build: the built-in ones shipped with the tool, each replaceable
/// by a file of the same name in the workspace's `templates/` folder. All are loaded and checked
/// up front: a syntax error or a partial that does not exist becomes a diagnostic with the
/// template's file, line and column, instead of swift-mustache's silent empty output.
public struct TemplateSet: Sendable {
    public struct Source: Sendable, Hashable {
        /// Name without `.mustache`, e.g. `report.html`.
        public var name: String
        public var path: String
        public var text: String
    }

    /// The templates, by name, as loaded (after overrides).
    public private(set) var sources: [String: Source] = [:]

    /// The workspace's own templates (those in `templates/` of `root`), path and text, in order.
    public func workspaceTemplates(root: String) -> [(path: String, text: String)] {
        let folder = root + "/" + ProjectFiles.templates + "/"
        return sources.values.filter { $0.path.hasPrefix(folder) }.sorted { $0.path < $1.path }.map { ($0.path, $0.text) }
    }
    let library: MustacheLibrary

    /// Names of the templates the renderer uses as pages.
    public static let pageNames = ["report.html", "report.md", "index.html", "listing.html"]

    /// `*.md` templates are rendered with Markdown escaping, every other one (partials included:
    /// swift-mustache resets the content type in each partial) with dossier's HTML escaping.
    static let markdownPragma = "{{% CONTENT_TYPE: MARKDOWN}}"
    static let htmlPragma = "{{% CONTENT_TYPE: \(HTMLContentType.name)}}"

    /// Loads the built-in templates and the workspace's overrides.
    public static func load(workspaceRoot: String?) -> (TemplateSet?, [Diagnostic]) {
        MarkdownContentType.register()
        HTMLContentType.register()
        var sources: [String: Source] = [:]
        var builtInNames: Set<String> = []
        var diagnostics: [Diagnostic] = []
        // The workspace's templates are read as its other files are: nothing a symbolic link
        // takes outside the workspace (a cloned repository's `templates/x.mustache` linked to
        // `~/.ssh/id_rsa` would be printed on every page).
        let workspaceReader = workspaceRoot.map { FileReader(root: $0) }
        for folder in [builtInFolder, workspaceRoot.map { $0 + "/" + ProjectFiles.templates }].compactMap({ $0 }) {
            let reader = folder == builtInFolder ? nil : workspaceReader
            if let reader, FileManager.default.fileExists(atPath: folder), !reader.isInside(folder) {
                diagnostics.append(.error(at: SourceLocation(path: folder),
                    "refused: the templates folder is a symbolic link to a place outside the workspace", code: "outside-workspace"))
                continue
            }
            let listed = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
            let names = listed.filter { $0.hasSuffix(".mustache") }
            if reader != nil {
                // Not a folder, a README, an editor's backup or a merge's leftover (`x~`, `x.orig`).
                for file in listed where !file.hasSuffix(".mustache") && !file.hasPrefix(".") && file != "README.md"
                    && ![".orig", ".bak", ".rej", ".swp", "~"].contains(where: file.hasSuffix) && !Self.isFolder(folder + "/" + file) {
                    diagnostics.append(.warning(at: SourceLocation(path: folder + "/" + file),
                        "not read: a template is named after the one it replaces, with .mustache (\(file).mustache?)", code: "unused-template"))
                }
            }
            for file in names {
                let path = folder + "/" + file
                // A template linked to a project's file would print it as it is on every page,
                // whatever the project's visibility, past every check of what a page shows.
                if let reader, let project = reader.project(holding: path) {
                    diagnostics.append(.error(at: SourceLocation(path: path),
                        "refused: the template is a symbolic link to a file of the project \(project); copy what the template needs into templates/",
                        code: "template"))
                    continue
                }
                let bytes: [UInt8]?
                if let reader {
                    switch reader.read(path) {
                    case .success(let read): bytes = read
                    case .failure(.problem(let message)):
                        diagnostics.append(.error(at: SourceLocation(path: path), message, code: "template"))
                        continue
                    case .failure(.missing): bytes = nil
                    }
                } else {
                    bytes = FileManager.default.contents(atPath: path).map(Array.init)
                }
                guard let bytes, let text = String(validating: bytes, as: UTF8.self) else {
                    diagnostics.append(.error(at: SourceLocation(path: path), "template cannot be read as UTF-8 text", code: "template"))
                    continue
                }
                let name = String(file.dropLast(".mustache".count))
                sources[name] = Source(name: name, path: path, text: text)
                if reader == nil { builtInNames.insert(name) }
            }
        }
        diagnostics += unusedTemplates(sources, builtIn: builtInNames, workspaceRoot: workspaceRoot)
        diagnostics += outdatedTemplates(sources, workspaceRoot: workspaceRoot)
        for name in pageNames where sources[name] == nil {
            diagnostics.append(.error(at: nil, "template \(name).mustache is missing from the built-in templates (\(builtInFolder ?? "not found"))", code: "template"))
        }
        var library = MustacheLibrary()
        for source in sources.values.sorted(by: { $0.name < $1.name }) {
            let pragma = source.name.hasSuffix(".md") ? markdownPragma : htmlPragma
            let text = pragma + source.text
            do {
                library.register(try MustacheTemplate(string: text), named: source.name)
            } catch let error as MustacheTemplate.ParserError {
                var column = error.context.columnNumber
                if error.context.lineNumber == 1 { column = max(1, column - pragma.count) }
                var location = SourceLocation(path: source.path, line: error.context.lineNumber, column: column)
                var message = "template error: \(describe(error.error))"
                // The parser stops at the end of the file; the section left open is where to look.
                if case .expectedSectionEnd? = error.error as? MustacheTemplate.Error, let open = SectionTags.unclosed(in: source.text) {
                    location = SourceLocation(path: source.path, position: open.position)
                    message = "template error: the section {{\(open.tag)}} opened here is never closed ({{/\(open.name)}} missing)"
                }
                diagnostics.append(.error(at: location, message, code: "template"))
            } catch {
                diagnostics.append(.error(at: SourceLocation(path: source.path), "template error: \(error)", code: "template"))
            }
            for reference in PartialReferences.find(in: source.text) where sources[reference.name] == nil {
                diagnostics.append(.error(
                    at: SourceLocation(path: source.path, position: reference.position),
                    "template refers to partial \"\(reference.name)\", but there is no \(reference.name).mustache", code: "template"))
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (TemplateSet(sources: sources, library: library), diagnostics)
    }

    private static func isFolder(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// A workspace template that replaces no built-in one and that no template includes as a
    /// partial (`report.mustache` for `report.html.mustache`): the build would go on without it.
    static func unusedTemplates(_ sources: [String: Source], builtIn builtInNames: Set<String>, workspaceRoot: String?) -> [Diagnostic] {
        // Partials are found by their `{{> name}}` tags: under other delimiters (`{{=<% %>=}}`)
        // what a template includes cannot be told, and nothing is said.
        guard let workspaceRoot, !sources.values.contains(where: { $0.text.contains("{{=") }) else { return [] }
        let folder = workspaceRoot + "/" + ProjectFiles.templates + "/"
        let included = Set(sources.values.flatMap { PartialReferences.find(in: $0.text).map(\.name) })
        return sources.values.filter { $0.path.hasPrefix(folder) && !builtInNames.contains($0.name) && !included.contains($0.name) }
            .sorted { $0.path < $1.path }
            .map { source in
                let near = ClosestName.find(source.name, in: builtInNames.sorted()).map { " (did you mean \($0).mustache?)" } ?? ""
                return .warning(at: SourceLocation(path: source.path),
                    "this template is not used: it replaces no built-in template\(near) and no template includes it as a partial ({{> \(source.name)}}); the pages are \(pageNames.map { $0 + ".mustache" }.joined(separator: ", ")), with their partials",
                    code: "unused-template")
            }
    }

    /// A workspace template copied from an earlier dossier, which its pages no longer fill as it
    /// expects: a tag's or classification's page shows its rows by project (`groups`), with no
    /// project column, and a table says which columns it has (`withClassification`,
    /// `withAlsoSeen`) where it said `withProject`. Left as it is, its columns and its rows'
    /// cells no longer match, or its listing names no project; nothing else would say so.
    static func outdatedTemplates(_ sources: [String: Source], workspaceRoot: String?) -> [Diagnostic] {
        guard let workspaceRoot else { return [] }
        let folder = workspaceRoot + "/" + ProjectFiles.templates + "/"
        var diagnostics: [Diagnostic] = []
        for source in sources.values.sorted(by: { $0.path < $1.path }) where source.path.hasPrefix(folder) {
            let (tags, delimitersChanged) = MustacheTags.scan(source.text)
            guard !delimitersChanged else { continue }
            if let tag = tags.first(where: { $0.name == "withProject" }) {
                diagnostics.append(.warning(at: SourceLocation(path: source.path, position: tag.position),
                    "this template reads withProject, which dossier no longer sets (the template was written for an earlier version): a tag's or classification's page now shows its rows under each project's title, with no project column; a table has the classification column where withClassification (a classification's page has none) and the \"also seen in\" one where withAlsoSeen (a report's), as the built-in indicator-row.mustache and indicator-table.mustache say",
                    code: "outdated-template"))
            }
            guard source.name == "listing.html" else { continue }
            if !reads("groups", from: source.name, in: sources) {
                diagnostics.append(.warning(at: SourceLocation(path: source.path),
                    "this listing template shows no groups (it was written for an earlier version): its rows name no project, since a row no longer has a project column; show them by project with {{#groups}}...{{/groups}}, as the built-in listing.html.mustache does",
                    code: "outdated-template"))
            } else if !reads("anchor", from: source.name, in: sources) {
                diagnostics.append(.warning(at: SourceLocation(path: source.path),
                    "this listing template gives its project sections no id: a report's link to where a project's rows start (past the 1,000 rows its tables show) leads to the top of the page; write id=\"{{anchor}}\" on each, as the built-in listing.html.mustache does",
                    code: "outdated-template"))
            }
        }
        return diagnostics
    }

    /// True when the template `name`, or a partial it includes (at any depth), reads the variable
    /// `variable`; false too where delimiters are changed, which `MustacheTags` does not follow.
    static func reads(_ variable: String, from name: String, in sources: [String: Source]) -> Bool {
        var pending = [name], seen: Set<String> = []
        while let next = pending.popLast() {
            guard seen.insert(next).inserted, let source = sources[next] else { continue }
            let (tags, delimitersChanged) = MustacheTags.scan(source.text)
            guard !delimitersChanged else { return false }
            if tags.contains(where: { $0.name == variable && $0.sigil != ">" }) { return true }
            pending += tags.filter { $0.sigil == ">" }.map(\.name)
        }
        return false
    }

    /// `reads(_:from:in:)` of these templates.
    func reads(_ variable: String, from name: String) -> Bool { Self.reads(variable, from: name, in: sources) }

    /// The templates folder shipped with the tool (a resource of this module).
    public static var builtInFolder: String? {
        Bundle.module.url(forResource: "templates", withExtension: nil)?.path
    }

    /// Renders `object` with the page template `name`.
    public func render(_ object: Any, page name: String) -> String {
        library.render(object, withTemplate: name) ?? ""
    }

    /// Whether the template `name` is the built-in one (not overridden by the workspace); the
    /// built-in row templates are rendered by `BuiltInRow` directly.
    public func isBuiltIn(_ name: String) -> Bool {
        guard let source = sources[name], let folder = Self.builtInFolder else { return false }
        return source.path == folder + "/\(name).mustache"
    }

    /// The SHA-256 of every template's name and text, for incremental builds' keys.
    public var fingerprint: String {
        var hasher = SHA256()
        for name in sources.keys.sorted() {
            let text = sources[name]?.text ?? ""
            hasher.update("\(name) \(text.utf8.count)\n")
            hasher.update(text)
        }
        return hasher.finalize()
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "a section is closed with another name than it was opened with"
        case .unfinishedName: "a tag is not closed with }}"
        case .expectedSectionEnd: "a section is never closed ({{/name}} missing)"
        case .invalidSetDelimiter: "invalid set-delimiter tag"
        default: "\(error)"
        }
    }
}

/// A template's tags with the default delimiters, read as Mustache reads them: a tag may span
/// lines, and a comment's text (`{{! ... }}`) holds no tag. What the partial and section checks
/// below look at; the reading stops at a change of delimiters (`{{=<% %>=}}`), which it does not
/// follow.
enum MustacheTags {
    struct Tag {
        /// The character after `{{` (`#`, `/`, `>`, `!`...), or nil for a variable.
        var sigil: Character?
        var name: String
        var position: SourcePosition
    }

    /// The tags of `text`, and whether the delimiters changed before its end.
    static func scan(_ text: String) -> (tags: [Tag], delimitersChanged: Bool) {
        let bytes = Array(text.utf8)
        var tags: [Tag] = []
        var (line, lineStart) = (1, 0)
        var i = 0
        func skip(to end: Int) {
            while i < end {
                if bytes[i] == 0x0A { (line, lineStart) = (line + 1, i + 1) }
                i += 1
            }
        }
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{") else {
                skip(to: i + 1)
                continue
            }
            var close = i + 2
            while close + 1 < bytes.count, bytes[close] != UInt8(ascii: "}") || bytes[close + 1] != UInt8(ascii: "}") { close += 1 }
            guard close + 1 < bytes.count else { break }
            let inside = String(decoding: bytes[(i + 2)..<close], as: UTF8.self)
            let position = SourcePosition(line: line, column: String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1)
            skip(to: close + 2)
            let sigil = inside.first.flatMap { "#^$</>!={&".contains($0) ? $0 : nil }
            if sigil == "=" { return (tags, true) }
            let name = (sigil == nil ? Substring(inside) : inside.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
            tags.append(Tag(sigil: sigil, name: name, position: position))
        }
        return (tags, false)
    }
}

/// Finds `{{> name}}` partial tags and where they are.
enum PartialReferences {
    struct Reference {
        var name: String
        var position: SourcePosition
    }

    static func find(in text: String) -> [Reference] {
        MustacheTags.scan(text).tags.filter { $0.sigil == ">" }.map { Reference(name: $0.name, position: $0.position) }
    }
}

/// Section tags (`{{#name}}`, `{{^name}}`, `{{$name}}`, `{{<name}}` and their `{{/name}}`), for
/// pointing at a section the parser found unclosed only at the end.
enum SectionTags {
    struct Open {
        var tag: String
        var name: String
        var position: SourcePosition
    }

    /// The innermost section still open at the end of `text`; nil when none is, or when the
    /// delimiters are changed, which `MustacheTags` does not follow.
    static func unclosed(in text: String) -> Open? {
        let (tags, delimitersChanged) = MustacheTags.scan(text)
        guard !delimitersChanged else { return nil }
        var open: [Open] = []
        for tag in tags {
            switch tag.sigil {
            case "#", "^", "$", "<":
                open.append(Open(tag: String(tag.sigil!) + tag.name, name: tag.name, position: tag.position))
            case "/":
                if let last = open.lastIndex(where: { $0.name == tag.name }) { open.removeSubrange(last...) }
            default:
                continue
            }
        }
        return open.last
    }
}
