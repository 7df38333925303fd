import DossierCore

/// What each of a project's texts (its notes, its summary) makes a report look up, as a report
/// finds it (`CommonMark.destinations`: the text rendered): the images it shows, and the web and
/// mail links whose destination another project's records may unlink (`ThreatsElsewhere`). Kept
/// in the project cache beside the project's entry (`ProjectCache.companion`): a page's key covers
/// both (`PageKey`), and rendering every note on every build, to find them, cost as much as
/// rendering its report. They are a function of the texts alone, which the entry's key covers;
/// the kind names the audience, whose view holds the notes it shows. A project none of whose
/// texts can show an image or a link needs no look, and no companion.
struct ProseDestinationsCache: Sendable {
    let store: CompanionStore

    init(cache: ProjectCache, audience: Audience, loaded: LoadedWorkspace) {
        store = CompanionStore(cache, kind: "prose-" + audience.rawValue, loaded: loaded)
    }

    /// What a project's texts look up.
    struct Found: Sendable {
        /// The image destinations of each text, by note file name and the summary under `summaryName`.
        var images: [String: [String]] = [:]
        /// The links of all its texts, each once, in the order first met.
        var links: [CommonMark.LinkTarget] = []
    }

    /// What the texts of `project` (the audience's view) look up; from the cache, else found and kept.
    func destinations(of project: Project) -> Found {
        let texts = Self.texts(of: project)
        guard texts.contains(where: { CommonMark.mayLookUp($0.text) }) else { return Found() }
        if let kept = store.read(project.slug, { reader throws(CacheReader.Malformed) in
            let images = Dictionary(try reader.array { reader throws(CacheReader.Malformed) in
                (try reader.string(), try reader.array { reader throws(CacheReader.Malformed) in try reader.string() })
            }, uniquingKeysWith: { first, _ in first })
            let links = try reader.array { reader throws(CacheReader.Malformed) in
                let value = try reader.string()
                guard let type = IndicatorType(rawValue: try reader.string()) else { throw CacheReader.Malformed() }
                return CommonMark.LinkTarget(value: value, type: type)
            }
            return Found(images: images, links: links)
        }), Set(kept.images.keys) == Set(texts.map(\.name)) {
            return kept
        }
        let found = Self.found(in: texts)
        store.store(project.slug) { writer in
            writer.array(found.images.sorted { $0.key < $1.key }) { writer, entry in
                writer.string(entry.key)
                writer.array(entry.value) { $0.string($1) }
            }
            writer.array(found.links) { writer, link in
                writer.string(link.value)
                writer.string(link.type.rawValue)
            }
        }
        return found
    }

    /// What a summary is named by among a project's texts: no note's file name is empty.
    static let summaryName = ""

    static func texts(of project: Project) -> [(name: String, text: String)] {
        project.notes.map { ($0.fileName, $0.body) } + [(summaryName, project.summary ?? "")]
    }

    static func found(in texts: [(name: String, text: String)]) -> Found {
        var found = Found()
        var seen: Set<CommonMark.LinkTarget> = []
        for (name, text) in texts {
            let (images, links) = CommonMark.destinations(in: text)
            found.images[name] = images
            for link in links where seen.insert(link).inserted { found.links.append(link) }
        }
        return found
    }
}
