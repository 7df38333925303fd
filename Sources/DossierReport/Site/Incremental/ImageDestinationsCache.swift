import DossierCore

/// The images each of a project's notes shows (and its summary), as a report finds them
/// (`CommonMark.imageDestinations`: the note rendered), kept in the project cache beside the
/// project's entry (`ProjectCache.companion`): a page's key covers the images it shows
/// (`PageKey`), and rendering every note that shows one on every build, to find them, cost as
/// much as rendering its report. The destinations are a function of the texts alone, which the
/// entry's key covers; the kind names the audience, whose view holds the notes it shows.
/// A project none of whose texts writes `![` needs no look, and no companion.
struct ImageDestinationsCache: Sendable {
    let store: CompanionStore

    init(cache: ProjectCache, audience: Audience, loaded: LoadedWorkspace) {
        store = CompanionStore(cache, kind: "images-" + audience.rawValue, loaded: loaded)
    }

    /// The image destinations of each text of `project` (the audience's view), by note file name
    /// and the summary under `summaryName`; from the cache, else found and kept.
    func destinations(of project: Project) -> [String: [String]] {
        let texts = Self.texts(of: project)
        guard texts.contains(where: { ByteSearch.contains("![", in: $0.text) }) else { return [:] }
        if let kept = store.read(project.slug, { reader throws(CacheReader.Malformed) in
            Dictionary(try reader.array { reader throws(CacheReader.Malformed) in
                (try reader.string(), try reader.array { reader throws(CacheReader.Malformed) in try reader.string() })
            }, uniquingKeysWith: { first, _ in first })
        }), Set(kept.keys) == Set(texts.map(\.name)) {
            return kept
        }
        let found = Self.found(in: texts)
        store.store(project.slug) { writer in
            writer.array(found.sorted { $0.key < $1.key }) { writer, entry in
                writer.string(entry.key)
                writer.array(entry.value) { $0.string($1) }
            }
        }
        return found
    }

    /// What a summary is named by among a project's texts: no note's file name is empty.
    static let summaryName = ""

    static func texts(of project: Project) -> [(name: String, text: String)] {
        project.notes.map { ($0.fileName, $0.body) } + [(summaryName, project.summary ?? "")]
    }

    static func found(in texts: [(name: String, text: String)]) -> [String: [String]] {
        Dictionary(texts.map { ($0.name, CommonMark.imageDestinations(in: $0.text)) }, uniquingKeysWith: { first, _ in first })
    }
}
