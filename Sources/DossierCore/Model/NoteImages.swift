import Foundation

/// The images a note shows (`![the login page](shots/login.png)`), which an HTML report holds
/// in itself as `data:` URLs: a report is one file that loads nothing from outside, and a
/// stakeholder's copy shows the screenshot all the same.
///
/// An image is shown only when it is a file of the note's own project (a report of a public
/// project must not carry a private project's screenshot, nor a file a symbolic link leads to
/// elsewhere), a PNG, JPEG, GIF or WebP image by its first bytes (the kinds a browser shows from a
/// `data:` URL and libcmark lets through), of `maximumBytes` at most. Any other is shown as its
/// description, as before, and `check` says why (`NoteImageRule`). Markdown reports show the
/// description: a git host shows no `data:` image.
public enum NoteImages {
    /// 5 MB: a screenshot, not a video; every copy of the report carries it.
    public static let maximumBytes = 5 * 1024 * 1024

    /// What a path names by its extension: only these are looked at as images.
    static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]

    /// An image a report can show: its file and its media type.
    public struct Image: Sendable, Equatable {
        public var file: String
        public var mediaType: String
    }

    /// Why a report cannot show an image.
    public enum Problem: Error, Sendable, Equatable {
        case outsideProject
        case tooLarge(bytes: Int)
        case notAnImage

        public var reason: String {
            switch self {
            case .outsideProject: "it is not a file of this project (a report shows only the project's own images)"
            case .tooLarge(let bytes): "it is \(String(format: "%.1f", Double(bytes) / 1_048_576)) MB, and a report holds images of 5 MB at most"
            case .notAnImage: "it is not a PNG, JPEG, GIF or WebP image"
            }
        }
    }

    /// Whether a destination as written ends, before its query or fragment, with an image's
    /// extension: told from its bytes before it is resolved, since every build looks at every
    /// destination of every note (an extension written with an escape, `%2Epng`, is none).
    static func mayNameImage(_ destination: String) -> Bool {
        let utf8 = destination.utf8
        let end = utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? utf8.endIndex
        var name = utf8[..<end]
        while let last = name.last, last == UInt8(ascii: " ") || last == 0x09 { name = name.dropLast() }
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let written = name[name.index(after: dot)...]
        guard (3...4).contains(written.count) else { return false }
        return extensions.contains(String(decoding: written.map { $0 | 0x20 }, as: UTF8.self))
    }

    /// Whether the path (segments) names an image by its extension.
    public static func namesImage(_ path: [String]) -> Bool {
        guard let name = path.last, let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// What `destination` (as a Markdown parser reads it: escapes taken off) leads to, written in
    /// a text read from `base` (path segments from the workspace's root) of the project whose
    /// folder is `project` (segments too): an image a report shows, or why not. Nil when it is no
    /// relative path to an image file that exists (a missing one is `BrokenLinkRule`'s).
    /// Reads the file's first bytes only.
    public static func inspect(_ destination: String, from base: [String], project: [String], root: String) -> Result<Image, Problem>? {
        guard mayNameImage(destination), let (path, _) = RelativeLink.resolve(destination, from: base), namesImage(path) else { return nil }
        let file = root + "/" + path.joined(separator: "/")
        var status = stat()
        guard stat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        guard path.count > project.count, Array(path.prefix(project.count)) == project else { return .failure(.outsideProject) }
        // Through a symbolic link, the file itself must lie in the project's folder too.
        let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().path
        let realProject = URL(fileURLWithPath: root + "/" + project.joined(separator: "/")).resolvingSymlinksInPath().path
        guard real.hasPrefix(realProject + "/") else { return .failure(.outsideProject) }
        guard Int(status.st_size) <= maximumBytes else { return .failure(.tooLarge(bytes: Int(status.st_size))) }
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 12)).map { [UInt8]($0) } ?? []
        guard let mediaType = mediaType(ofHead: head) else { return .failure(.notAnImage) }
        return .success(Image(file: file, mediaType: mediaType))
    }

    /// Every image `markdown` shows (its destinations, `MarkdownLinks`, that `inspect` takes), as
    /// written, with what `inspect` says of it.
    public static func inspectAll(in markdown: String, from base: [String], project: [String], root: String)
        -> [(written: String, image: Result<Image, Problem>)] {
        MarkdownLinks.destinations(in: markdown).compactMap { destination in
            let written = MarkdownLinks.withoutEscapes(destination.text)
            return inspect(written, from: base, project: project, root: root).map { (written, $0) }
        }
    }

    /// The image as a `data:` URL, read whole; nil when the file changed meanwhile into one a
    /// report cannot show.
    public static func dataURL(of image: Image) -> String? {
        guard let bytes = bytes(of: image) else { return nil }
        return "data:\(image.mediaType);base64," + Data(bytes).base64EncodedString()
    }

    /// The image's bytes, checked again: at most `maximumBytes`, of the same media type.
    public static func bytes(of image: Image) -> [UInt8]? {
        guard case .success(let bytes) = FileReader.readAll(image.file), bytes.count <= maximumBytes,
              mediaType(ofHead: Array(bytes.prefix(12))) == image.mediaType else { return nil }
        return bytes
    }

    /// The media type the first bytes of a file show: its signature.
    static func mediaType(ofHead head: [UInt8]) -> String? {
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if head.starts(with: Array("GIF87a".utf8)) || head.starts(with: Array("GIF89a".utf8)) { return "image/gif" }
        if head.count >= 12, head.starts(with: Array("RIFF".utf8)), Array(head[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }
}
