/// An investigation: a direct subfolder of the workspace holding `project.json`.
public struct Project: Sendable, Hashable {
    /// The folder name, which is also the project's identifier on the command line and in links.
    public var slug: String
    /// Absolute path of the project folder.
    public var folder: String
    public var title: String
    public var summary: String?
    /// Defaults to private: a project is published only when someone says so.
    public var visibility: Visibility
    public var tlp: TLP
    public var status: ProjectStatus?
    public var created: String?
    public var updated: String?
    public var owner: String?
    public var tags: [String]
    /// What the file says explicitly, so a rewrite neither adds nor drops defaults.
    public var written: WrittenFields
    public var extra: [JSONObject.Member]
    public var indicators: [Indicator]
    /// Unknown top-level fields of `indicators.json`.
    public var indicatorsExtra: [JSONObject.Member]
    public var notes: [Note]
    public var origin: Origin?
    /// False when `indicators.json` had errors and some (or all) indicators could not be read.
    public var hasAllIndicators = true

    public struct WrittenFields: Sendable, Hashable {
        public var visibility = false
        public var tlp = false
        public var tags = false
        public init(visibility: Bool = true, tlp: Bool = true, tags: Bool = true) {
            self.visibility = visibility
            self.tlp = tlp
            self.tags = tags
        }
    }

    public struct Origin: Sendable, Hashable {
        public var visibility: SourcePosition?
        public var tlp: SourcePosition?
        public var title: SourcePosition?
        public var summary: SourcePosition?
        public var tags: SourcePosition?
        public var owner: SourcePosition?

        public init(visibility: SourcePosition? = nil, tlp: SourcePosition? = nil, title: SourcePosition? = nil,
            summary: SourcePosition? = nil, tags: SourcePosition? = nil, owner: SourcePosition? = nil) {
            self.visibility = visibility
            self.tlp = tlp
            self.title = title
            self.summary = summary
            self.tags = tags
            self.owner = owner
        }
    }

    public init(
        slug: String, folder: String, title: String, summary: String? = nil, visibility: Visibility = .private,
        tlp: TLP = .amber, status: ProjectStatus? = .open, created: String? = nil, updated: String? = nil,
        owner: String? = nil, tags: [String] = [], written: WrittenFields = WrittenFields(),
        extra: [JSONObject.Member] = [], indicators: [Indicator] = [], indicatorsExtra: [JSONObject.Member] = [],
        notes: [Note] = [], origin: Origin? = nil
    ) {
        self.slug = slug
        self.folder = folder
        self.title = title
        self.summary = summary
        self.visibility = visibility
        self.tlp = tlp
        self.status = status
        self.created = created
        self.updated = updated
        self.owner = owner
        self.tags = tags
        self.written = written
        self.extra = extra
        self.indicators = indicators
        self.indicatorsExtra = indicatorsExtra
        self.notes = notes
        self.origin = origin
    }

    public var projectFile: String { folder + "/" + ProjectFiles.project }

    /// The TLP an output shows this project's material with: its own, and at least
    /// `TLP.privateMaterial` for a private project (kept off the public site).
    public var markingInOutputs: TLP { visibility == .private ? max(tlp, TLP.privateMaterial) : tlp }

    /// Whether the project itself shows private material in an internal output, indicators
    /// aside: it is private, or has a private tag or note.
    public func showsPrivateMaterial(vocabulary: Vocabulary) -> Bool {
        visibility == .private || tags.contains(where: vocabulary.isPrivate) || notes.contains { $0.effectiveVisibility(in: self) == .private }
    }
    public var indicatorsFile: String { folder + "/" + ProjectFiles.indicators }
    public var notesFolder: String { folder + "/" + ProjectFiles.notes }
}

/// The fixed file names of the workspace layout (PRODUCT.md §1).
public enum ProjectFiles {
    public static let workspace = "dossier.json"
    public static let project = "project.json"
    public static let indicators = "indicators.json"
    public static let notes = "notes"
    public static let templates = "templates"

    /// True for the name of a note's file: `.md` in any case (`06-upper.MD`, as an editor saves it).
    public static func isNoteName(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".md")
    }

    /// A note's file name made safe from what an input calls it (`../../x.md`, `a/b.md`,
    /// `.hidden.md`): its last path part, with ASCII letters, digits, `-`, `_` and `.` kept and
    /// anything else a `-`, no leading dot, at most 120 characters before `.md`, which it ends in;
    /// empty when nothing is left.
    public static func safeNoteName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var safe = String(last.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "-"
        })
        while safe.hasPrefix(".") { safe.removeFirst() }
        if isNoteName(safe) { safe.removeLast(3) }
        // File systems take names of 255 bytes; a note's is kept well within.
        if safe.utf8.count > 120 { safe = String(safe.prefix(120)) }
        guard !safe.trimmingCharacters(in: CharacterSet(charactersIn: "-.")).isEmpty else { return "" }
        return safe + ".md"
    }

    /// True when `path` (absolute, symbolic links resolved) is a file the workspace at `root`
    /// is read from: `dossier.json`, a project's `project.json` or `indicators.json`, a note, a
    /// template. Output (`export -o`, `report -o`) must never go there: an export written over
    /// `indicators.json` would drop every private indicator and field without a trace.
    public static func isInput(_ path: String, workspaceRoot root: String) -> Bool {
        guard Paths.isInside(path, folder: root) else { return false }
        let inside = Array(Paths.components(path).dropFirst(Paths.components(root).count))
        switch inside.count {
        case 1: return inside[0] == workspace
        // Only what dossier reads: a note is a `.md` file of `notes/`, a template a `.mustache`.
        case 2: return inside[1] == project || inside[1] == indicators || inside[0] == templates && inside[1].hasSuffix(".mustache")
        case 3: return inside[1] == notes && isNoteName(inside[2])
        default: return false
        }
    }
}

import Foundation
