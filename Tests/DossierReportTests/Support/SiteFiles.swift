import Foundation

/// Every file of a built site, for tests that look at all of its bytes and names.
struct SiteFiles {
    let root: String
    /// Relative paths, sorted.
    let paths: [String]

    init(_ root: String) {
        self.root = root
        let enumerator = FileManager.default.enumerator(atPath: root)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            found.append(path + (isFolder.boolValue ? "/" : ""))
        }
        paths = found.sorted()
    }

    var files: [String] { paths.filter { !$0.hasSuffix("/") } }

    func text(_ path: String) -> String {
        (try? String(contentsOfFile: root + "/" + path, encoding: .utf8)) ?? ""
    }

    func bytes(_ path: String) -> Data {
        FileManager.default.contents(atPath: root + "/" + path) ?? Data()
    }

    /// (file, needle) for each needle found in a file's content or in its path, case-insensitively.
    func occurrences(of needles: [String]) -> [(String, String)] {
        var found: [(String, String)] = []
        for path in paths {
            let lowered = (path + "\n" + (path.hasSuffix("/") ? "" : text(path))).lowercased()
            for needle in needles where lowered.contains(needle.lowercased()) {
                found.append((path, needle))
            }
        }
        return found
    }

    /// Like `occurrences`, but a match counts only when it is not part of a longer word or number
    /// (so `192.0.2.10` is not found in `192.0.2.104`).
    func tokenOccurrences(of needles: [String]) -> [(String, String)] {
        var found: [(String, String)] = []
        for path in files {
            let text = (path + "\n" + self.text(path)).lowercased()
            for needle in needles {
                var searchRange = text.startIndex..<text.endIndex
                while let range = text.range(of: needle.lowercased(), range: searchRange) {
                    let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
                    let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
                    if !before.isLetter, !before.isNumber, !after.isLetter, !after.isNumber {
                        found.append((path, needle))
                        break
                    }
                    searchRange = range.upperBound..<text.endIndex
                }
            }
        }
        return found
    }
}
