/// A private project's title written in a public text ("as in Payroll phishing kit targeting ACME
/// finance staff, the lure...") names the project as its folder name does (PRODUCT.md §2: no
/// reference to a private project): a warning, as for the folder name written as a word. Titles
/// of three words and twenty characters or more only: a shorter one may be a phrase of any text.
///
/// Each public project's survey keeps a hash of every run of three words of its texts
/// (`Mentions.wordTriples`); a check looks up each private title's first three words there, and
/// reads the texts of a project again only where one is found.
extension PublishedPrivateValueRule {
    struct PrivateTitle {
        var project: Int
        /// The title's words as `titleWords` reads them.
        var words: [[UInt8]]
    }

    /// The private projects' titles that a public text may name them by, under the hash of their
    /// first three words. A title a public project has too is published by that one.
    static func privateTitles(_ workspace: Workspace) -> [UInt32: [PrivateTitle]] {
        func words(_ title: String) -> [[UInt8]] {
            let bytes = Array(title.utf8)
            return titleWords(bytes).map { Array(bytes[$0]).map(IndicatorBytes.lower) }
        }
        let published = Set(workspace.projects.filter { $0.visibility == .public }.map { words($0.title) })
        var titles: [UInt32: [PrivateTitle]] = [:]
        for (position, project) in workspace.projects.enumerated() where project.visibility == .private && project.title.utf8.count >= 20 {
            let title = words(project.title)
            guard title.count >= 3, !published.contains(title) else { continue }
            titles[tripleHash(title[0][...], title[1][...], title[2][...]), default: []].append(PrivateTitle(project: position, words: title))
        }
        return titles
    }

    /// The words of a text as titles are compared: runs of letters and digits (a letter outside
    /// ASCII is a word's too), each a range of `bytes`.
    static func titleWords(_ bytes: [UInt8]) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for (i, byte) in bytes.enumerated() {
            let inWord = IndicatorBytes.isAlphanumeric(byte) || byte >= 0x80
            if inWord, start == nil { start = i }
            if !inWord, let first = start {
                words.append(first..<i)
                start = nil
            }
        }
        if let first = start { words.append(first..<bytes.count) }
        return words
    }

    /// The hash of three words, ASCII lower-cased.
    static func tripleHash(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>, _ c: ArraySlice<UInt8>) -> UInt32 {
        var hasher = FNV1a()
        for word in [a, b, c] {
            for byte in word { hasher.add(IndicatorBytes.lower(byte)) }
            hasher.add(0x20)
        }
        return UInt32(truncatingIfNeeded: hasher.value ^ hasher.value >> 32)
    }

    /// The hashes of every run of three words of `text`, added to `hashes`.
    static func addWordTriples(of text: String, to hashes: inout Set<UInt32>) {
        let bytes = Array(text.utf8)
        let words = titleWords(bytes)
        guard words.count >= 3 else { return }
        for i in 2..<words.count {
            hashes.insert(tripleHash(bytes[words[i - 2]], bytes[words[i - 1]], bytes[words[i]]))
        }
    }

    /// Where the public `project`'s texts write a private project's title (`titles`): a warning
    /// for each title in each text, where it is first written.
    static func titleFindings(_ mentions: Mentions, of project: Project, titles: [UInt32: [PrivateTitle]], workspace: Workspace) -> [Diagnostic] {
        guard !titles.isEmpty else { return [] }
        let candidates = mentions.wordTriples.flatMap { titles[$0] ?? [] }
        guard !candidates.isEmpty else { return [] }
        // Nearly no project writes one: the texts of one that may are made again to find where.
        var diagnostics: [Diagnostic] = []
        for text in publishedTexts(of: project) {
            let bytes = Array(text.text.utf8)
            let words = titleWords(bytes)
            var reported: Set<Int> = []
            for title in candidates where !reported.contains(title.project) && words.count >= title.words.count {
                let start = (0...(words.count - title.words.count)).first { first in
                    title.words.indices.allSatisfy { k in
                        let word = bytes[words[first + k]]
                        return word.count == title.words[k].count && zip(word, title.words[k]).allSatisfy { IndicatorBytes.lower($0) == $1 }
                    }
                }
                guard let start else { continue }
                reported.insert(title.project)
                var place = TextPlace(text.text)
                let position = text.bodyLine.map { place.position(at: words[start].lowerBound, bodyLine: $0) }
                let named = workspace.projects[title.project]
                diagnostics.append(.warning(at: position.map { SourceLocation(path: text.location.path, position: $0) } ?? text.location,
                    "\(text.name) names the private project \(named.slug) by its title (\"\(named.title)\"), but it is public: the public site names no private project; if it means the project, take the title out",
                    code: code))
            }
        }
        return diagnostics
    }
}
