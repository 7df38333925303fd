import DossierCore
import Foundation

/// The images a dossier JSON export carries (`ImportResult.imageFiles`), planned as files of the
/// project it is imported into: each where its notes show it from, so that they show it again.
public enum ImportImages {
    /// An image the import cannot write, and why.
    public struct Refused: Sendable, Equatable {
        public var path: String
        public var reason: String
        /// A note the import writes shows it: written without it, the note would show another
        /// file, or none.
        public var isShownByNewNote: Bool
    }

    /// `images` split into those to write (nothing is at their path yet), those the project holds
    /// already (the same bytes at the same path) and those refused: another file at the path, or
    /// something on the way that is no folder of the project (a file, or a symbolic link, which
    /// could lead the write out of it). An image given twice is planned once; given again with
    /// other bytes (by another file), the first is taken and the other refused.
    /// - Parameter shownByNewNotes: the paths of the images the notes the import writes show.
    public static func planned(_ images: [NoteImages.Carried], in project: Project, shownByNewNotes: Set<[String]>)
        -> (write: [NoteImages.Carried], present: Int, refused: [Refused]) {
        var write: [NoteImages.Carried] = []
        var present = 0
        var refused: [Refused] = []
        var seen: [[String]: [UInt8]] = [:]
        for image in images {
            let shown = image.path.joined(separator: "/")
            func refuse(_ reason: String) {
                refused.append(Refused(path: shown, reason: reason, isShownByNewNote: shownByNewNotes.contains(image.path)))
            }
            if let earlier = seen[image.path] {
                // The first file's is taken: a new note may show it for this one's.
                if earlier != image.bytes { refuse("another file imported gives it with other bytes, and the first file's is taken") }
                continue
            }
            var folder = project.folder
            var blocked: String?
            for (index, segment) in image.path.dropLast().enumerated() {
                folder += "/" + segment
                var status = stat()
                guard lstat(folder, &status) == 0 else { break }
                if status.st_mode & S_IFMT != S_IFDIR {
                    blocked = "\(project.slug)/\(image.path.prefix(index + 1).joined(separator: "/")) is no folder"
                    break
                }
            }
            if let blocked {
                refuse("\(blocked) (a file, or a symbolic link); the image is not written")
                continue
            }
            let target = project.folder + "/" + shown
            var status = stat()
            guard lstat(target, &status) == 0 else {
                write.append(image)
                seen[image.path] = image.bytes
                continue
            }
            if status.st_mode & S_IFMT == S_IFREG, FileManager.default.contents(atPath: target).map(Array.init) == image.bytes {
                present += 1
                seen[image.path] = image.bytes
            } else {
                refuse("the project has another file there, which stays as it is; the imported image is not written")
            }
        }
        return (write, present, refused)
    }
}
