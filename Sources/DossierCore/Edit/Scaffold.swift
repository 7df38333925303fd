import Foundation

/// Creating a workspace (`dossier init`) and a project (`dossier new`). Both refuse to overwrite.
public enum Scaffold {
    public enum Failure: Error, CustomStringConvertible, Equatable {
        case alreadyWorkspace(String)
        /// The folder lies in another workspace (the one at the path given).
        case insideWorkspace(String, workspace: String)
        case invalidSlug(String, reason: String)
        case projectExists(String)
        /// A file or folder of that name, not a project (no project.json): not the workspace's to
        /// fill.
        case nameTaken(String)
        /// The path given, or a folder above it, is a file (the first such path).
        case notAFolder(String)
        case write(WriteError)

        public var description: String { description(showingPaths: { $0 }) }

        /// The message with its paths as `show` gives them (`WriteError.description(showingPaths:)`).
        public func description(showingPaths show: (String) -> String) -> String {
            switch self {
            case .alreadyWorkspace(let folder): "\(show(folder)) is already a dossier workspace (it has a dossier.json); nothing was changed"
            case .insideWorkspace(let folder, let workspace):
                "\(show(folder)) lies inside the workspace at \(show(workspace)); a workspace there would take the commands run in it "
                    + "away from that one. Start a project with `dossier new SLUG`, or make the workspace elsewhere; nothing was changed"
            case .invalidSlug(let slug, let reason): "cannot use \"\(slug)\" as a project name: \(reason)"
            case .projectExists(let slug): "a project folder \"\(slug)\" already exists; nothing was changed"
            case .nameTaken(let slug): "the workspace already has \"\(slug)\", which is no project (it has no project.json); choose another name, or move it away; nothing was changed"
            case .notAFolder(let file): "\(show(file)) is a file, not a folder: give the name of a new folder or of an existing one; nothing was changed"
            case .write(let error): error.description(showingPaths: show)
            }
        }
    }

    /// Lines `dossier init` puts in `.gitignore`, so build output never lands in git by accident.
    public static let ignoredPaths = ["/site/", ".*.dossier-*.tmp", ".*.dossier-build-*"]

    /// Makes `folder` a workspace: `dossier.json` with the starter vocabulary, `.gitignore`.
    public static func initialize(folder: String, title: String? = nil) throws(Failure) {
        let settingsPath = folder + "/" + ProjectFiles.workspace
        // A file where the folder, or one above it, would be: said as such, not as the system's
        // "could not be completed".
        var above = folder
        while !above.isEmpty, above != "/" {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: above, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw .notAFolder(above) }
                break
            }
            above = (above as NSString).deletingLastPathComponent
        }
        guard !FileManager.default.fileExists(atPath: settingsPath) else { throw .alreadyWorkspace(folder) }
        // A workspace inside another: commands run in it would find it, not the outer one, and
        // a project folder made a workspace would hold the inner one's dossier.json.
        // Through a symbolic link, where it leads (a link to a project folder is that folder).
        let target = FileManager.default.fileExists(atPath: folder) ? URL(fileURLWithPath: folder).resolvingSymlinksInPath().path : folder
        let parent = (target as NSString).deletingLastPathComponent
        if parent != target, let outer = try? WorkspaceLocator.locate(explicit: nil, from: parent) {
            throw .insideWorkspace(folder, workspace: outer)
        }
        let name = (folder as NSString).lastPathComponent
        let settings = WorkspaceSettings(title: title ?? "\(name) threat intelligence", vocabulary: .starter)
        do {
            try AtomicWriter.createFolder(folder)
            try AtomicWriter.create(CanonicalJSON.workspaceFile(settings), at: settingsPath)
            let ignorePath = folder + "/.gitignore"
            if let added = ignoreLines(adding: FileManager.default.contents(atPath: ignorePath).map(Array.init) ?? []) {
                try AtomicWriter.write(added, to: ignorePath)
            }
        } catch {
            throw .write(error)
        }
    }

    /// `.gitignore`'s bytes with the `ignoredPaths` it lacks added under a comment, in its own
    /// line breaks (CR LF in a Windows checkout); nil when it has them all. Read by bytes: as a
    /// `String`, CR LF is one character, and a file of such lines read as one line.
    static func ignoreLines(adding existing: [UInt8]) -> [UInt8]? {
        let lines = Set(existing.split(separator: 0x0A).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        })
        let missing = ignoredPaths.filter { !lines.contains($0) }
        guard !missing.isEmpty else { return nil }
        let separator = existing.isEmpty || existing.last == 0x0A ? "" : "\n"
        let added = Array((separator + "# dossier build output\n" + missing.joined(separator: "\n") + "\n").utf8)
        return existing + CanonicalJSON.lineBreaks(added, as: ContentDigest(existing))
    }

    /// Folder names a project cannot take: they mean something else in the workspace.
    public static let reservedSlugs: Set<String> = ["templates", "site", "notes", "node_modules"]

    /// Why `slug` is not a safe, portable folder name, or nil when it is.
    public static func slugProblem(_ slug: String) -> String? {
        if slug.isEmpty { return "it is empty" }
        if slug.utf8.count > 64 { return "it is longer than 64 characters" }
        if reservedSlugs.contains(slug) { return "\(slug)/ is reserved in a workspace" }
        let allowed = slug.utf8.allSatisfy { b in
            (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D || b == 0x5F || b == 0x2E
        }
        if !allowed { return "use lower-case letters, digits, '-', '_' and '.' only (e.g. acme-payroll-phish)" }
        if slug.hasPrefix(".") || slug.hasPrefix("-") { return "it must start with a letter or digit" }
        // A Windows checkout of the repository could not hold the folder.
        if slug.hasSuffix(".") { return "it must not end with '.', which a Windows checkout drops" }
        let device = slug.split(separator: ".", maxSplits: 1).first.map(String.init) ?? slug
        if windowsDevices.contains(device) { return "\(device) is a device name on Windows, where a checkout cannot hold the folder" }
        return nil
    }

    /// A slug made of `name` as a title writes it (`ACME Payroll Phish` gives
    /// `acme-payroll-phish`, `Émile's case` `emiles-case`): letters without their accents, lower
    /// case, each run of anything else one `-`; nil when that is no slug either.
    public static func suggestedSlug(for name: String) -> String? {
        let folded = name.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value) || scalar == "." || scalar == "_" {
                slug.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") || slug.hasSuffix(".") { slug.removeLast() }
        if slug.utf8.count > 64 { slug = String(slug.prefix(64)).trimmingCharacters(in: CharacterSet(charactersIn: "-.")) }
        return slug != name && slugProblem(slug) == nil ? slug : nil
    }

    /// The names Windows keeps for devices, with or without an extension (`con`, `nul.txt`).
    private static let windowsDevices: Set<String> = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })

    /// The starter note's first line, which `StarterNoteRule` looks for in published notes.
    public static let placeholder = "What happened, how it was found, and what is known so far."

    /// The starter note's text after its front matter, for the project `slug` made on `today`.
    static func starterBody(slug: String, today: String) -> String {
        """
        # Overview

        \(placeholder)

        ## Timeline

        - \(today): investigation opened.

        ## Next steps

        - Record indicators with `dossier add \(slug) VALUE...`.

        """
    }

    /// True when `body` (a note's text after its front matter) is a starter note as `new` wrote
    /// it, for any project and day: nothing of an investigation in it, which an import of
    /// another project's export need not bring beside the project's own.
    public static func isUntouchedStarter(_ body: String) -> Bool {
        guard body.contains(placeholder) else { return false }
        func shape(_ text: String) -> String {
            text.replacingOccurrences(of: "\r\n", with: "\n").replacing(/\d{4}-\d{2}-\d{2}/, with: "D")
                .replacing(/`dossier add \S+ VALUE\.\.\.`/, with: "A").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return shape(body) == shape(starterBody(slug: "p", today: "2000-01-01"))
    }

    /// Creates a project folder with `project.json`, an empty `indicators.json` and a starter note,
    /// in the line breaks of the workspace's `dossier.json` (CR LF in a Windows checkout with
    /// `core.autocrlf`, where git would warn of each LF file). Returns the project folder.
    @discardableResult
    public static func newProject(
        in root: String, slug: String, title: String?, visibility: Visibility, tlp: TLP, owner: String?, today: String
    ) throws(Failure) -> String {
        if let problem = slugProblem(slug) { throw .invalidSlug(slug, reason: problem) }
        let folder = root + "/" + slug
        guard !FileManager.default.fileExists(atPath: folder) else {
            throw FileManager.default.fileExists(atPath: folder + "/" + ProjectFiles.project) ? .projectExists(slug) : .nameTaken(slug)
        }
        let project = Project(
            slug: slug, folder: folder, title: title ?? defaultTitle(slug), summary: nil, visibility: visibility, tlp: tlp,
            status: .open, created: today, updated: today, owner: owner, tags: [],
            written: Project.WrittenFields(visibility: true, tlp: true, tags: true))
        let note = "---\ntitle: Overview\ndate: \(today)\n---\n" + starterBody(slug: slug, today: today)
        var crlf = false
        if case .success(let settings) = FileReader.readAll(root + "/" + ProjectFiles.workspace) { crlf = ContentDigest(settings).usesCRLF }
        func written(_ bytes: [UInt8]) -> [UInt8] { CanonicalJSON.lineBreaks(bytes, crlf: crlf) }
        do {
            try AtomicWriter.createFolder(project.notesFolder)
            try AtomicWriter.create(written(CanonicalJSON.projectFile(project)), at: project.projectFile)
            try AtomicWriter.create(written(CanonicalJSON.indicatorsFile(project)), at: project.indicatorsFile)
            try AtomicWriter.create(written(Array(note.utf8)), at: project.notesFolder + "/01-overview.md")
        } catch {
            throw .write(error)
        }
        return folder
    }

    /// "acme-payroll-phish" → "Acme payroll phish"; "vpn-bruteforce-2026" → "VPN bruteforce 2026":
    /// the field's abbreviations in capitals, as an analyst writes them.
    static func defaultTitle(_ slug: String) -> String {
        // An identifier keeps its hyphens (`cve-2024-3400` → `CVE-2024-3400`, `ms17-010` → `MS17-010`):
        // they are held apart from the words' while the slug is split.
        let held = "\u{1}"
        let slug = slug.replacing(/(?i)\bcve-(\d{4})-(\d{4,})\b/) { "CVE\(held)\($0.output.1)\(held)\($0.output.2)" }
            .replacing(/(?i)\bms(\d{2})-(\d{3})\b/) { "MS\($0.output.1)\(held)\($0.output.2)" }
        var spelledFirst = false
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }).enumerated().map { index, word -> String in
            if let spelled = spellings[word.lowercased()] {
                if index == 0 { spelledFirst = true }
                return spelled
            }
            // An actor's name too: `apt29`, `fin7`, `ta505`, `unc2452`.
            let letters = word.prefix { $0.isLetter }.lowercased()
            let isName = abbreviations.contains(word.lowercased())
                || (abbreviations.contains(letters) || ["ta", "unc"].contains(letters)) && word.dropFirst(letters.count).allSatisfy(\.isNumber)
            return (isName ? word.uppercased() : String(word)).replacingOccurrences(of: held, with: "-")
        }.joined(separator: " ")
        return spelledFirst ? words : words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Words a title spells otherwise than in capitals alone.
    private static let spellings: [String: String] = [
        "ios": "iOS", "macos": "macOS", "apis": "APIs", "iocs": "IOCs", "ttps": "TTPs", "2fa": "2FA", "github": "GitHub", "gitlab": "GitLab",
        "powershell": "PowerShell", "javascript": "JavaScript", "linkedin": "LinkedIn", "onedrive": "OneDrive", "sharepoint": "SharePoint",
    ]

    /// Words a slug writes in lower case that a title writes in capitals.
    private static let abbreviations: Set<String> = [
        "apt", "api", "av", "aws", "bec", "c2", "cnc", "cve", "ddos", "dga", "dll", "dns", "edr", "fin", "ftp", "http", "https",
        "ioc", "iocs", "ip", "ips", "it", "mfa", "misp", "ntlm", "otp", "pt", "rat", "rce", "rdp", "smb", "sms", "soc", "sql",
        "ssh", "sso", "stix", "tls", "ttp", "ttps", "url", "vpn", "xss",
    ]

    /// Today's date in UTC as `YYYY-MM-DD`, for `created`/`updated`.
    public static func today(_ date: Date = Date()) -> String {
        utc(date, format: "yyyy-MM-dd")
    }

    /// The instant in UTC to the second, `YYYY-MM-DDTHH:MM:SSZ`, for `updated` (`ProjectEdit.updated`).
    public static func timestamp(_ date: Date) -> String {
        utc(date, format: "yyyy-MM-dd'T'HH:mm:ss'Z'")
    }

    private static func utc(_ date: Date, format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter.string(from: date)
    }
}
