import Foundation

/// The images a note shows (`![the login page](shots/login.png)`), which an HTML report holds
/// in itself as `data:` URLs: a report is one file that loads nothing from outside, and a
/// stakeholder's copy shows the screenshot all the same.
///
/// An image is shown only when it is a file of the note's own project (a report of a public
/// project must not carry a private project's screenshot, nor a file a symbolic link leads to
/// elsewhere), a PNG, JPEG, GIF or WebP image by its first bytes (the kinds a browser shows from a
/// `data:` URL and libcmark lets through), of `maximumBytes` at most. Any other is shown as its
/// description, as before, and `check` says why (`BrokenLinkRule.imageCode`). A Markdown report
/// links the same images (a git host shows no `data:` image): the site's copies beside it, or the
/// workspace's files from where `dossier report -o` writes it.
public enum NoteImages {
    /// 5 MB: a screenshot, not a video; every copy of the report carries it.
    public static let maximumBytes = 5 * 1024 * 1024

    /// What all the images of one report may take together, each time one is shown: 25 MB. A
    /// note that shows one screenshot a thousand times would make a report of gigabytes.
    public static let reportBudget = 25 * 1024 * 1024

    /// Megabytes with one decimal, rounded up: 5 MB and a byte is "5.1", never "5.0".
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 1_048_575) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The extensions of the kinds of image a report shows.
    static let shownExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp"]

    /// What a path names by its extension: only these are looked at as images. Besides the
    /// kinds a report shows, those it does not (an SVG image can run scripts), so that `check`
    /// says so rather than a report showing the description unexplained.
    static let extensions: Set<String> = shownExtensions.union(["svg", "bmp", "tif", "tiff", "avif", "heic", "ico"])

    /// An image a report can show: its file and its media type.
    public struct Image: Sendable, Equatable {
        /// The file, every symbolic link followed.
        public var file: String
        public var mediaType: String
        public var size: Int
    }

    /// Why a report cannot show an image.
    public enum Problem: Error, Sendable, Equatable {
        case outsideProject
        case tooLarge(bytes: Int)
        case notAnImage
        /// Its structure cannot be read to its end: what it holds besides its pixels cannot be
        /// taken off (`ImageMetadata`).
        case damaged
        /// The images before it in the project's texts fill the report's `reportBudget`.
        case overBudget(before: Int)
        /// A file of the writer's computer: a path from the root (`/tmp/shot.png`), the home
        /// folder (`~/`), a drive (`C:\`), or a `file:` URL.
        case onComputer
        /// A URL (`https://cdn.example/x.png`, `data:`): a report fetches nothing from elsewhere.
        case elsewhere
        /// A file of the workspace written from its root (`/acme/notes/images/x.png`), which a git
        /// host reads from the repository's root: `relative` is the path to write instead.
        case fromRoot(relative: String)

        public var reason: String {
            switch self {
            case .outsideProject: "it is not a file of this project (a report shows only the project's own images)"
            case .tooLarge(let bytes): "it is \(megabytes(bytes)) MB, and a report holds images of 5 MB at most"
            case .overBudget(let before): "the report's images before it take \(megabytes(before)) MB, and a report holds 25 MB of images at most"
            case .notAnImage: "it is not a PNG, JPEG, GIF or WebP image"
            case .damaged: "the image is damaged or cut off (its structure cannot be read to its end), and a report shows only whole images"
            case .onComputer: "it is a path on the writer's computer, which no reader has (nor a git host); copy the image into the project's notes/images/ folder and write its path from the note (images/name.png)"
            case .fromRoot(let relative): "a path from the root is not followed (a git host reads it from the repository's root, which may not be the workspace's); write it from the note's folder: \(relative)"
            case .elsewhere: "a report holds every image it shows and fetches none (a reader's browser would tell the image's server who reads the report, and when); save the image into the project's notes/images/ folder and write its path from the note (images/name.png)"
            }
        }
    }

    /// Why an image written at `destination` (as read) is no file of the workspace, if it is
    /// not: a URL, or a path of the writer's computer. Nil for a relative path, which `inspect`
    /// looks at.
    public static func placedOutsideWorkspace(_ destination: String) -> Problem? {
        let trimmed = destination.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.utf8.first else { return nil }
        // `C:\Users\...`, `c:/shots/x.png`: a drive, not a one-letter scheme.
        let utf8 = Array(trimmed.utf8.prefix(3))
        if utf8.count == 3, (0x41...0x5A).contains(utf8[0] & 0xDF), utf8[1] == UInt8(ascii: ":"), utf8[2] == UInt8(ascii: "\\") || utf8[2] == UInt8(ascii: "/") {
            return .onComputer
        }
        if let scheme = RelativeLink.scheme(of: trimmed) { return scheme == "file" ? .onComputer : .elsewhere }
        // `//cdn.example/x`: the page's own scheme, a URL a browser follows (not `\\server\share`).
        if trimmed.hasPrefix("//"), !trimmed.hasPrefix("///") { return .elsewhere }
        if first == UInt8(ascii: "/") || first == UInt8(ascii: "\\") || trimmed.hasPrefix("~/") { return .onComputer }
        return nil
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

    /// Whether the path (segments) names an image by its extension: one of `extensions`, or of
    /// `shownExtensions` when `shown`.
    public static func namesImage(_ path: [String], shown: Bool = false) -> Bool {
        guard let name = path.last, let dot = name.lastIndex(of: ".") else { return false }
        return (shown ? shownExtensions : extensions).contains(name[name.index(after: dot)...].lowercased())
    }

    /// What `destination` (as libcmark reads it: escapes and character references taken off)
    /// leads to, written in a text read from `base` (path segments from the workspace's root) of
    /// the project whose folder is `project` (segments too): an image a report shows, or why
    /// not. Nil when it is no relative path to an image file that exists (a missing one is
    /// `BrokenLinkRule`'s). Reads the file's first bytes only.
    ///
    /// Whether the path leaves the project is told before the disk is asked: whether a private
    /// project's file exists must change nothing a public build shows, its keys included.
    public static func inspect(_ destination: String, from base: [String], project: [String], root: String) -> Result<Image, Problem>? {
        guard mayNameImage(destination), let (path, _) = RelativeLink.resolve(destination, from: base), namesImage(path) else { return nil }
        guard path.count > project.count, Array(path.prefix(project.count)) == project else { return .failure(.outsideProject) }
        // Where the system leads it, through every symbolic link, must be in the project's folder.
        // A link that leads nowhere is no image of the project, whatever it names: only a path
        // with nothing at all there is a missing file (and whether another project's file
        // exists changes nothing a public build shows).
        let written = root + "/" + path.joined(separator: "/")
        guard let real = FileReader.realPath(written) else {
            // Nothing there, reached through no symbolic link: a missing file. Through one (the
            // file's, or a folder's on the way), it is not shown.
            var reached = root + "/" + project.joined(separator: "/")
            for segment in path.dropFirst(project.count) {
                reached += "/" + segment
                var status = stat()
                guard lstat(reached, &status) == 0 else { return nil }
                if status.st_mode & S_IFMT == S_IFLNK { return .failure(.outsideProject) }
            }
            return .failure(.outsideProject)
        }
        // Both as `realpath` gives them (absolute, no `.` or `..`, no link): inside is a prefix.
        let projectFolder = root + "/" + project.joined(separator: "/")
        guard real.utf8.starts(with: ((FileReader.realPath(projectFolder) ?? projectFolder) + "/").utf8) else { return .failure(.outsideProject) }
        return withOpened(real) { descriptor, status in
            guard status.st_mode & S_IFMT == S_IFREG else { return nil }
            guard Int(status.st_size) <= maximumBytes else { return .failure(.tooLarge(bytes: Int(status.st_size))) }
            let bytes = readBytes(descriptor, upTo: Int(status.st_size))
            guard let mediaType = mediaType(ofHead: Array(bytes.prefix(12))) else { return .failure(.notAnImage) }
            guard ImageMetadata.stripped(bytes, mediaType: mediaType) != nil else { return .failure(.damaged) }
            return .success(Image(file: real, mediaType: mediaType, size: Int(status.st_size)))
        } ?? nil
    }

    /// `bytes` as published if they are an image a report shows (`ImageMetadata`): nil for any
    /// other bytes, or an image whose structure cannot be read to its end.
    public static func published(_ bytes: [UInt8]) -> [UInt8]? {
        mediaType(ofHead: Array(bytes.prefix(12))).flatMap { ImageMetadata.stripped(bytes, mediaType: $0) }
    }

    /// An image's bytes (`bytes(of:)`) as a `data:` URL.
    public static func dataURL(of bytes: [UInt8], mediaType: String) -> String {
        "data:\(mediaType);base64," + Data(bytes).base64EncodedString()
    }

    /// The image's bytes as published, its metadata taken off (`ImageMetadata`), checked again
    /// from the one descriptor they are read through: a regular file of at most `maximumBytes`,
    /// of the same media type, whole. `keepingMetadata`: the file's bytes as they are, for an
    /// internal export whose import writes the file back.
    public static func bytes(of image: Image, keepingMetadata: Bool = false) -> [UInt8]? {
        withOpened(image.file) { descriptor, status in
            guard status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) <= maximumBytes else { return nil }
            // One byte more than it had: a file grown past the limit since is told.
            let bytes = readBytes(descriptor, upTo: min(Int(status.st_size), maximumBytes) + 1)
            guard bytes.count <= min(Int(status.st_size), maximumBytes), mediaType(ofHead: Array(bytes.prefix(12))) == image.mediaType,
                  let stripped = ImageMetadata.stripped(bytes, mediaType: image.mediaType) else { return nil }
            return keepingMetadata ? bytes : stripped
        } ?? nil
    }

    /// An image a project's texts show, as an export carries it: its path from the project's
    /// folder (`notes/images/login.png`) and its bytes.
    public struct Carried: Sendable, Equatable {
        public var path: [String]
        public var mediaType: String
        public var bytes: [UInt8]

        public init(path: [String], mediaType: String, bytes: [UInt8]) {
            self.path = path
            self.mediaType = mediaType
            self.bytes = bytes
        }
    }

    /// The images `project`'s notes show (`inspect`), each file once, in the order first
    /// written; an image written in code is none. For an export of the project, whose import
    /// puts the notes back, and their images beside them (a summary is not imported); their
    /// metadata taken off unless `keepingMetadata` (an internal export).
    public static func carried(by project: Project, root: String, keepingMetadata: Bool = false) -> [Carried] {
        guard let folder = RelativeLink.segments(of: project.folder, under: root) else { return [] }
        var found: [Carried] = []
        var seen: Set<[String]> = []
        let base = folder + [ProjectFiles.notes]
        for note in project.notes {
            for written in imageDestinations(in: note.body) {
                guard case .success(let image)? = inspect(written, from: base, project: folder, root: root),
                      let (path, _) = RelativeLink.resolve(written, from: base), seen.insert(path).inserted,
                      let bytes = bytes(of: image, keepingMetadata: keepingMetadata) else { continue }
                found.append(Carried(path: Array(path.dropFirst(folder.count)), mediaType: image.mediaType, bytes: bytes))
            }
        }
        return found
    }

    /// The images a note's text shows, by their paths from its project's folder
    /// (`notes/images/login.png`): those of its project's own folder, as a report shows them.
    public static func paths(shownByNote text: String) -> Set<[String]> {
        // Resolved from a project's folder of two names: a path that stays in the project stays
        // in either (one that climbs out and names the first, `../../a/notes/x.png`, leaves the
        // second).
        Set(imageDestinations(in: text).compactMap { written in
            let paths = ["a", "b"].map { RelativeLink.resolve(written, from: [$0, ProjectFiles.notes])?.path }
            guard let first = paths[0], let second = paths[1], first.count > 1, first[0] == "a", second.first == "b",
                  Array(first.dropFirst()) == Array(second.dropFirst()) else { return nil }
            return Array(first.dropFirst())
        })
    }

    /// The destinations of the images `text` shows (inline or by reference, not in code), as
    /// libcmark reads them.
    private static func imageDestinations(in text: String) -> [String] {
        let destinations = MarkdownLinks.destinations(in: text).filter(\.isImage)
        guard !destinations.isEmpty else { return [] }
        let code = MarkdownLinks.codeRanges(in: text)
        return destinations.filter { destination in !code.contains { $0.contains(destination.offset) } }
            .map { MarkdownLinks.asRead(MarkdownLinks.withoutEscapes($0.text)) }
    }

    /// Where an image an import carries may be written in a project, as its path from the
    /// project's folder names it (`notes/images/login.png`): nil unless every segment is a plain
    /// name (no `.`, `..`, hidden name, backslash or control character) and the last names a
    /// kind of image a report shows by its extension, so that nothing is written out of the
    /// project, over its own files or into a hidden folder.
    public static func carriedPath(_ written: String) -> [String]? {
        let segments = written.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !segments.isEmpty, segments.count <= 16, namesImage(segments, shown: true) else { return nil }
        for segment in segments {
            guard !segment.isEmpty, !segment.hasPrefix("."), segment.utf8.count <= 255,
                  !segment.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        }
        return segments
    }

    /// The media type of an image's bytes an import carries, when a report would show it: a
    /// PNG, JPEG, GIF or WebP image of `maximumBytes` at most.
    public static func mediaType(ofCarried bytes: [UInt8]) -> String? {
        bytes.count <= maximumBytes ? mediaType(ofHead: Array(bytes.prefix(12))) : nil
    }

    /// `body` given the file at `path` opened for reading and its status; nil when it cannot be
    /// opened. Opened without waiting: a FIFO put in an image's place must not hang a build.
    private static func withOpened<T>(_ path: String, _ body: (Int32, stat) -> T) -> T? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return body(descriptor, status)
    }

    /// Up to `limit` bytes from the start of the open file.
    private static func readBytes(_ descriptor: Int32, upTo limit: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: limit)
        var count = 0
        while count < limit {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, limit - count) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            count += got
        }
        return Array(bytes.prefix(count))
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
