import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// The project cache (issue 6): a project taken from it must be exactly the project its files
/// hold, with the same findings, and anything that could change it must miss.
@Suite("Project cache")
struct ProjectCacheTests {
    static let sampleRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/sample-projects"

    /// A workspace whose files set every field the model has (extra members of every JSON kind,
    /// positions, optional fields, note front matter) and that has findings of loading (an
    /// invalid value, an unknown classification) and of the rules (a contradiction, a note's
    /// unrecorded indicator, a public project not TLP:CLEAR).
    static func everyField() throws -> TemporaryWorkspace {
        try TemporaryWorkspace([
            "full/project.json": """
                { "title": "Full", "summary": "Every field", "visibility": "public", "tlp": "green", "status": "closed",
                  "created": "2026-01-02", "updated": "2026-02-03", "owner": "jdoe", "tags": ["Phishing", "free tag"],
                  "x-ticket": { "id": 7, "links": [1.5e3, true, false, null, "a\\u00e9\\ud83d\\ude00"] } }
                """,
            "full/indicators.json": """
                { "indicators": [
                    { "value": "evil.example", "type": "domain", "classification": "non-malicious", "tags": ["Blocked", "x"],
                      "firstSeen": "2026-01-01", "lastSeen": "2026-01-09", "source": "pDNS", "comment": "Ünïcode ✓",
                      "private": true, "x-score": [1, { "deep": [null] }] },
                    { "value": "192.0.2.1", "type": "ipv4", "private": false },
                    { "value": "not an address", "type": "ipv4" },
                    { "value": "198.51.100.7", "type": "ipv4", "classification": "dangerous" }
                  ],
                  "x-exported-by": "tool" }
                """,
            "full/notes/01-first.md": """
                ---
                title: First
                author: jdoe
                date: 2026-01-03
                visibility: private
                ---

                Seen talking to 203.0.113.9 and evil.example; see [the plain note](02-plain.md#timeline).
                """,
            "full/notes/02-plain.md": "No front matter, just text.\n",
            "bare/project.json": #"{ "title": "Bare" }"#,
            "bare/notes/01-lead.md": "Contacted 192.0.2.77 twice.\n",
        ])
    }

    /// Loads and checks `root` through `cache` (or without one): the model, and every finding as
    /// a user reads them.
    static func checked(_ root: String, cache: ProjectCache?) -> (workspace: Workspace, findings: [Diagnostic], states: [String: ProjectCache.State]) {
        let loaded = WorkspaceLoader.load(root: root, cache: cache)
        return (loaded.workspace, WorkspaceChecker.check(loaded).sorted, states(loaded))
    }

    /// A cache in a temporary folder, removed with it.
    final class CacheFolder {
        let base: String
        init() throws { base = try TemporaryFolder.make() }
        deinit { try? FileManager.default.removeItem(atPath: base) }
        func cache(for root: String) -> ProjectCache { ProjectCache(base: base, root: root) }
    }

    /// What the cache said of each project, by slug (the slugs of these tests are plain ASCII).
    static func states(_ loaded: LoadedWorkspace) -> [String: ProjectCache.State] {
        var states: [String: ProjectCache.State] = [:]
        for (project, state) in zip(loaded.workspace.projects, loaded.cacheStates) { states[project.slug] = state }
        return states
    }

    static func hits(_ states: [String: ProjectCache.State]) -> Set<String> {
        Set(states.compactMap { slug, state in
            if case .hit = state { slug } else { nil }
        })
    }

    @Test("a project taken from the cache equals the one its files hold, findings included", arguments: ["every field", "sample"])
    func sameAsFiles(_ name: String) throws {
        let workspace = name == "sample" ? nil : try Self.everyField()
        let root = workspace?.root ?? Self.sampleRoot
        let folder = try CacheFolder()
        let cache = folder.cache(for: root)

        let reference = Self.checked(root, cache: nil)
        let cold = Self.checked(root, cache: cache)
        let warm = Self.checked(root, cache: cache)

        #expect(Self.hits(cold.states).isEmpty)
        #expect(Self.hits(warm.states) == Set(reference.workspace.projects.map(\.slug)))
        #expect(warm.workspace == reference.workspace)
        #expect(cold.workspace == reference.workspace)
        #expect(warm.findings == reference.findings)
        #expect(cold.findings == reference.findings)
        if name == "every field" {
            // The workspace is meant to exercise loading and rule findings alike.
            let codes = Set(reference.findings.compactMap(\.code))
            #expect(codes.isSuperset(of: ["unrecorded-indicator", "public-not-clear", HeadingLinkRule.code]), "\(codes)")
            #expect(reference.findings.contains { $0.severity == .error })
            let full = try #require(warm.workspace.project("full"))
            #expect(full.indicators.first?.extra.isEmpty == false)
            #expect(full.indicators.first?.origin != nil)
            #expect(full.extra.isEmpty == false && full.indicatorsExtra.isEmpty == false)
            #expect(full.notes.first?.visibility == .private)
        }
    }

    @Test("after an edit only the edited project is read again; the result equals a load without cache")
    func editMisses() throws {
        let workspace = try Self.everyField()
        let folder = try CacheFolder()
        let cache = folder.cache(for: workspace.root)
        _ = Self.checked(workspace.root, cache: cache)

        let edits: [(String, String)] = [
            ("full/indicators.json", workspace.read("full/indicators.json").replacingOccurrences(of: "pDNS", with: "sensor")),
            ("full/notes/02-plain.md", "Now mentions 192.0.2.55.\n"),
            ("full/notes/03-new.md", "A new note.\n"),
            ("full/project.json", workspace.read("full/project.json").replacingOccurrences(of: "\"green\"", with: "\"clear\"")),
        ]
        for (path, text) in edits {
            try workspace.write(path, text)
            let reference = Self.checked(workspace.root, cache: nil)
            let cached = Self.checked(workspace.root, cache: cache)
            #expect(Self.hits(cached.states) == ["bare"], "after editing \(path)")
            #expect(cached.states["full"] != nil, "after editing \(path)")
            #expect(cached.workspace == reference.workspace, "after editing \(path)")
            #expect(cached.findings == reference.findings, "after editing \(path)")
        }
        try FileManager.default.removeItem(atPath: workspace.path("full/notes/03-new.md"))
        #expect(Self.hits(Self.checked(workspace.root, cache: cache).states) == ["bare"], "a removed note is a change too")
    }

    @Test("a public note naming what another project keeps private is found from the cache too, and no longer once that project publishes it")
    func publishedMentionsFromCache() throws {
        let workspace = try TemporaryWorkspace([
            "blog/project.json": #"{ "title": "Blog", "visibility": "public", "tlp": "clear" }"#,
            "blog/indicators.json": #"{ "indicators": [ { "value": "https://c2-panel.example/a.js", "type": "url" } ] }"#,
            "blog/notes/01-post.md": "---\ntitle: Post\n---\nThe kit calls 203.0.113.9; see ../ir-acme/ for more.\n",
            "ir-acme/project.json": #"{ "title": "IR", "visibility": "private", "tlp": "amber" }"#,
            "ir-acme/indicators.json": """
                { "indicators": [ { "value": "203.0.113.9", "type": "ipv4", "private": true },
                                  { "value": "c2-panel.example", "type": "domain", "private": true } ] }
                """,
        ])
        let folder = try CacheFolder()
        let cache = folder.cache(for: workspace.root)
        let reference = Self.checked(workspace.root, cache: nil)
        let messages = reference.findings.rendered(relativeTo: workspace.root)
        #expect(messages.contains { $0.hasPrefix("blog/notes/01-post.md:4:15: error: ipv4 203.0.113.9 is recorded as private in ir-acme") }, "\(messages)")
        #expect(messages.contains { $0.contains("links to the private project ir-acme") }, "\(messages)")
        #expect(messages.contains { $0.contains("domain c2-panel.example is recorded as private in ir-acme") }, "\(messages)")
        _ = Self.checked(workspace.root, cache: cache)
        let warm = Self.checked(workspace.root, cache: cache)
        #expect(Self.hits(warm.states) == ["blog", "ir-acme"])
        #expect(warm.findings == reference.findings)

        // Only the other project changes: the blog comes from the cache, and what it mentions is
        // looked up again among what is private now.
        try workspace.write("ir-acme/project.json", #"{ "title": "IR", "visibility": "public", "tlp": "clear" }"#)
        try workspace.write("ir-acme/indicators.json", #"{ "indicators": [ { "value": "203.0.113.9", "type": "ipv4" }, { "value": "c2-panel.example", "type": "domain" } ] }"#)
        let published = Self.checked(workspace.root, cache: cache)
        #expect(Self.hits(published.states) == ["blog"])
        #expect(published.findings == Self.checked(workspace.root, cache: nil).findings)
        #expect(!published.findings.contains { $0.code == PublishedPrivateValueRule.code }, "\(published.findings)")

        // And back: the blog, from the cache, has its URL's host found private again (its values
        // are kept as hashes of what they are looked up by, and looked at whole on a match).
        try workspace.write("ir-acme/project.json", #"{ "title": "IR", "visibility": "private", "tlp": "amber" }"#)
        try workspace.write("ir-acme/indicators.json", #"{ "indicators": [ { "value": "c2-panel.example", "type": "domain", "private": true } ] }"#)
        let hidden = Self.checked(workspace.root, cache: cache)
        #expect(Self.hits(hidden.states) == ["blog"])
        #expect(hidden.findings == Self.checked(workspace.root, cache: nil).findings)
        #expect(hidden.findings.rendered(relativeTo: workspace.root).contains {
            $0.hasPrefix("blog/indicators.json:1:30: error: domain c2-panel.example is recorded as private in ir-acme")
        }, "\(hidden.findings.rendered(relativeTo: workspace.root))")
    }

    @Test("two folders whose names Swift deems equal (é composed and decomposed) keep their own findings")
    func canonicallyEqualNames() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed)
        // Written one by one: as keys of one dictionary the two paths would be one.
        let workspace = try TemporaryWorkspace()
        try workspace.write("\(composed)/project.json", #"{ "title": "Public", "visibility": "public", "tlp": "red" }"#)
        try workspace.write("\(decomposed)/project.json", #"{ "title": "Private", "visibility": "private", "tlp": "red" }"#)
        let folder = try CacheFolder()
        let cache = folder.cache(for: workspace.root)
        let reference = Self.checked(workspace.root, cache: nil)
        #expect(reference.workspace.projects.count == 2)
        #expect(reference.findings.contains { $0.code == "public-not-clear" })
        _ = Self.checked(workspace.root, cache: cache)
        let warm = WorkspaceLoader.load(root: workspace.root, cache: cache)
        #expect(WorkspaceChecker.check(warm).sorted == reference.findings)
        #expect(warm.workspace == reference.workspace)
    }

    @Test("a change of the settings misses every project (the rules read the vocabulary)")
    func settingsMiss() throws {
        let workspace = try Self.everyField()
        let folder = try CacheFolder()
        let cache = folder.cache(for: workspace.root)
        _ = Self.checked(workspace.root, cache: cache)
        try workspace.write(ProjectFiles.workspace, workspace.read(ProjectFiles.workspace).replacingOccurrences(of: "\"Test\"", with: "\"Renamed\""))
        let cached = Self.checked(workspace.root, cache: cache)
        #expect(Self.hits(cached.states).isEmpty)
        #expect(cached.findings == Self.checked(workspace.root, cache: nil).findings)
    }

    @Test("a damaged or truncated entry is a miss, never a crash, and is written again")
    func damagedEntry() throws {
        let workspace = try Self.everyField()
        let folder = try CacheFolder()
        let cache = folder.cache(for: workspace.root)
        let reference = Self.checked(workspace.root, cache: cache)
        let entry = cache.folder + "/full.entry"
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: entry)))
        // Every truncation, and garbage after the header.
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            try Data(bytes[..<length]).write(to: URL(fileURLWithPath: entry))
            let result = WorkspaceLoader.load(root: workspace.root, cache: cache)
            #expect(!Self.hits(Self.states(result)).contains("full"), "a \(length)-byte entry was taken")
            #expect(result.workspace == reference.workspace)
        }
        // One byte changed inside a string of the payload: the format stays valid, the checksum not.
        let comment = try #require(bytes.indices.first { bytes[$0...].starts(with: Array("Ünïcode".utf8)) })
        var flipped = bytes
        flipped[comment] = UInt8(ascii: "X")
        try Data(flipped).write(to: URL(fileURLWithPath: entry))
        let taken = WorkspaceLoader.load(root: workspace.root, cache: cache)
        #expect(!Self.hits(Self.states(taken)).contains("full"), "a damaged entry was taken")
        #expect(taken.workspace == reference.workspace)

        try Data(bytes.prefix(120) + Array(repeating: 0xFF, count: 64)).write(to: URL(fileURLWithPath: entry))
        let after = Self.checked(workspace.root, cache: cache)
        #expect(after.workspace == reference.workspace && after.findings == reference.findings)
        #expect(Self.hits(Self.checked(workspace.root, cache: cache).states).contains("full"), "the entry was not written again")
    }

    @Test("a model changed after loading is not stored as what the files hold")
    func editedModelNotStored() throws {
        let workspace = try Self.everyField()
        let folder = try CacheFolder()
        let cache = folder.cache(for: workspace.root)
        var loaded = WorkspaceLoader.load(root: workspace.root, cache: cache)
        loaded.workspace.projects[0].title = "Changed in memory"
        _ = WorkspaceChecker.check(loaded)
        let again = WorkspaceLoader.load(root: workspace.root, cache: cache)
        #expect(!Self.hits(Self.states(again)).contains(loaded.workspace.projects[0].slug))
        #expect(again.workspace.projects[0].title != "Changed in memory")
    }

    @Test("entries of removed projects are pruned; the cache is readable by its owner only and stays out of the workspace")
    func pruneAndPermissions() throws {
        let workspace = try Self.everyField()
        let folder = try CacheFolder()
        let cache = folder.cache(for: workspace.root)
        let before = try FileManager.default.subpathsOfDirectory(atPath: workspace.root).sorted()
        _ = Self.checked(workspace.root, cache: cache)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: workspace.root).sorted() == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder).sorted() == ["bare.entry", "full.entry", "workspace"])
        let folderMode = try #require(try FileManager.default.attributesOfItem(atPath: cache.folder)[.posixPermissions] as? Int)
        let fileMode = try #require(try FileManager.default.attributesOfItem(atPath: cache.folder + "/full.entry")[.posixPermissions] as? Int)
        #expect(folderMode == 0o700)
        #expect(fileMode == 0o600)

        try FileManager.default.removeItem(atPath: workspace.path("bare"))
        _ = Self.checked(workspace.root, cache: cache)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder).sorted() == ["full.entry", "workspace"])

        // A workspace that is gone loses its folder the next time another workspace is loaded.
        var other: TemporaryWorkspace? = try Self.everyField()
        let otherCache = folder.cache(for: other!.root)
        _ = Self.checked(other!.root, cache: otherCache)
        #expect(FileManager.default.fileExists(atPath: otherCache.folder + "/full.entry"))
        _ = Self.checked(workspace.root, cache: cache)
        #expect(FileManager.default.fileExists(atPath: otherCache.folder), "a workspace still there keeps its folder")
        // Beside it, what the cache did not write is never touched.
        let foreign = (cache.folder as NSString).deletingLastPathComponent + "/not-a-cache-folder"
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try Data("/nonexistent".utf8).write(to: URL(fileURLWithPath: foreign + "/workspace"))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: otherCache.folder + "/notes.txt"))
        other = nil
        _ = Self.checked(workspace.root, cache: cache)
        #expect(!FileManager.default.fileExists(atPath: otherCache.folder + "/full.entry"))
        #expect(!FileManager.default.fileExists(atPath: otherCache.folder + "/workspace"))
        #expect(FileManager.default.fileExists(atPath: otherCache.folder + "/notes.txt"))
        #expect(FileManager.default.fileExists(atPath: foreign + "/workspace"))
        #expect(FileManager.default.fileExists(atPath: cache.folder + "/full.entry"))
    }

    @Test("a companion of an entry is read only under the entry's key and whole, and is pruned with its project")
    func companions() throws {
        let workspace = try Self.everyField()
        let folder = try CacheFolder()
        let cache = folder.cache(for: workspace.root)
        let loaded = WorkspaceLoader.load(root: workspace.root, cache: cache)
        _ = WorkspaceChecker.check(loaded)
        let keys = Dictionary(uniqueKeysWithValues: zip(loaded.workspace.projects.map(\.slug), loaded.cacheKeys))
        let key = try #require(keys["full"] ?? nil)
        func read(_ key: String) -> [String]? {
            cache.companion("rows-test", slug: "full", key: key) { reader throws(CacheReader.Malformed) in
                try reader.array { reader throws(CacheReader.Malformed) in try reader.string() }
            }
        }
        #expect(read(key) == nil)
        cache.storeCompanion("rows-test", slug: "full", key: key) { $0.array(["a", "b"]) { $0.string($1) } }
        #expect(read(key) == ["a", "b"])
        #expect(read(String(key.reversed())) == nil, "another key (the files changed) reads nothing")
        // The same key again after a reload: keys follow the files.
        #expect(WorkspaceLoader.load(root: workspace.root, cache: cache).cacheKeys == loaded.cacheKeys)
        // Damaged: nothing.
        let path = cache.folder + "/full.entry.rows-test"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(read(key) == nil)
        try bytes.prefix(bytes.count - 2).write(to: URL(fileURLWithPath: path))
        #expect(read(key) == nil)
        cache.storeCompanion("rows-test", slug: "full", key: key) { $0.array(["c"]) { $0.string($1) } }
        #expect(read(key) == ["c"])

        try FileManager.default.removeItem(atPath: workspace.path("full"))
        _ = WorkspaceLoader.load(root: workspace.root, cache: cache)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder).sorted() == ["bare.entry", "workspace"])
    }

    @Test("where the cache lives: DOSSIER_CACHE_DIR, XDG_CACHE_HOME, HOME; DOSSIER_CACHE=off turns it off")
    func location() {
        let root = "/work/ws"
        let hashed = "/workspaces/" + String(SHA256.hex(Array(root.utf8)).prefix(32))
        #expect(ProjectCache.standard(root: root, environment: ["DOSSIER_CACHE_DIR": "/c", "HOME": "/h"])?.folder == "/c" + hashed)
        #expect(ProjectCache.standard(root: root, environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"])?.folder == "/x/dossier" + hashed)
        #expect(ProjectCache.standard(root: root, environment: ["HOME": "/h"])?.folder == "/h/.cache/dossier" + hashed)
        #expect(ProjectCache.standard(root: root, environment: ["DOSSIER_CACHE": "off", "DOSSIER_CACHE_DIR": "/c"]) == nil)
        #expect(ProjectCache.standard(root: root, environment: [:]) == nil)
        let current = FileManager.default.currentDirectoryPath
        #expect(ProjectCache.standard(root: root, environment: ["DOSSIER_CACHE_DIR": "relative/c"])?.folder == current + "/relative/c" + hashed)
    }

    @Test("the build of dossier is told by the linker's build ID, as readelf reads it from the executable")
    func buildIdentity() throws {
        let readelf = ["/usr/bin/readelf", "/bin/readelf"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let executable = try #require(try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        let notes = try readelf.map { try ProcessRunner.run($0, ["-n", executable]).stdout } ?? ""
        // "    Build ID: 89efe4e4...": absent when readelf is, or the linker wrote none.
        let written = notes.split(separator: "\n").first { $0.contains("Build ID:") }
            .map { String($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) }
        if let written, written.count >= 32 {
            #expect(DossierVersion.buildIdentity == "build-id " + written)
        } else {
            #expect(DossierVersion.buildIdentity?.count == 64, "without a build ID, the executable's SHA-256")
        }
        #expect(ProjectCache.toolIdentity == DossierVersion.buildIdentity)
    }

    @Test("an entry nesting arrays deeper than any file may is refused, not a stack overflow")
    func deepNesting() {
        // 100,000 arrays of one element each (tag 5, count 1 as the zigzag varint 2), around a
        // null at line 1, column 1: a recursive reader without a limit would crash. Typed, so that
        // the literal cannot be inferred as anything but bytes.
        let bytes: [UInt8] = Array(repeating: [UInt8(5), 2], count: 100_000).flatMap { $0 } + [0, 2, 2]
        let refused = bytes.withUnsafeBytes { buffer in
            var reader = CacheReader(buffer)
            do throws(CacheReader.Malformed) {
                _ = try reader.node()
                return false
            } catch {
                return true
            }
        }
        #expect(refused)
    }

    @Test("the byte format keeps numbers of every size and strings of every kind")
    func primitives() throws {
        var writer = CacheWriter()
        let numbers = [0, 1, -1, 127, 128, -129, 300, Int(Int32.max), Int.max, Int.min]
        let strings = ["", "a", "é", "😀 emoji", String(repeating: "x", count: 300)]
        for number in numbers { writer.int(number) }
        writer.array(strings) { $0.string($1) }
        writer.optional(nil as String?) { $0.string($1) }
        writer.optional("here") { $0.string($1) }
        for type in IndicatorType.allCases { writer.choice(type) }
        let bytes = writer.bytes
        let read = try bytes.withUnsafeBytes { buffer throws in
            var reader = CacheReader(buffer)
            var readNumbers: [Int] = []
            for _ in numbers { readNumbers.append(try reader.int()) }
            let readStrings = try reader.strings()
            let optionals = [try reader.optionalString(), try reader.optionalString()]
            var types: [IndicatorType] = []
            for _ in IndicatorType.allCases { types.append(try reader.choice(IndicatorType.self)) }
            return (readNumbers, readStrings, optionals, types, reader.isAtEnd)
        }
        #expect(read.0 == numbers)
        #expect(read.1 == strings)
        #expect(read.2 == [nil, "here"])
        #expect(read.3 == IndicatorType.allCases)
        #expect(read.4)
    }

    @Test("texts that repeat across indicators are written once and read back the same; a number naming no text read yet is refused")
    func sharedTexts() throws {
        var writer = CacheWriter()
        // Canonically equivalent texts (é precomposed, then e and U+0301) are two texts: each comes back as written.
        let texts: [String?] = ["Beacons every 60 s to the C2", nil, "Beacons every 60 s to the C2", "sandbox", "", "Beacons every 60 s to the C2", "",
                                "Caf\u{E9} dropper", "Cafe\u{301} dropper"]
        let lists: [[String]] = [["Blocked"], [], ["Blocked"], ["Blocked", "Phishing"], [], ["Phishing", "Blocked"], ["Caf\u{E9}"], ["Cafe\u{301}"]]
        for text in texts { writer.sharedString(text) }
        for list in lists { writer.sharedStrings(list) }
        let bytes = writer.bytes
        #expect(String(decoding: bytes, as: UTF8.self).components(separatedBy: "to the C2").count == 2)
        let read = try bytes.withUnsafeBytes { buffer throws in
            var reader = CacheReader(buffer)
            var readTexts: [String?] = []
            for _ in texts { readTexts.append(try reader.sharedString()) }
            var readLists: [[String]] = []
            for _ in lists { readLists.append(try reader.sharedStrings()) }
            return (readTexts, readLists, reader.isAtEnd)
        }
        #expect(read.0.map { $0.map { Array($0.utf8) } } == texts.map { $0.map { Array($0.utf8) } })
        #expect(read.1.map { $0.map { Array($0.utf8) } } == lists.map { $0.map { Array($0.utf8) } })
        #expect(read.2)
        // The zigzag varints of 2 (the first shared text) and 1 (the first shared list), with none read.
        for (bytes, list) in [([UInt8(4)], false), ([UInt8(2)], true)] {
            let refused = bytes.withUnsafeBytes { buffer in
                var reader = CacheReader(buffer)
                do throws(CacheReader.Malformed) {
                    _ = list ? try reader.sharedStrings() : [try reader.sharedString() ?? ""]
                    return false
                } catch {
                    return true
                }
            }
            #expect(refused)
        }
    }
}
