import Foundation

/// Finds the workspace the way git finds a repository: the folder given with `--workspace`, else
/// the nearest folder at or above the current one that holds `dossier.json`.
public enum WorkspaceLocator {
    public enum Failure: Error, CustomStringConvertible {
        case notFound(start: String)
        case notAWorkspace(String)
        /// The folder given lies inside this workspace (a project's folder, say).
        case insideWorkspace(String, root: String)
        /// The `dossier.json` file was given rather than its folder.
        case settingsFile(String, folder: String)

        public var description: String {
            switch self {
            case .notFound(let start):
                "no dossier.json in \(start) or any folder above it; run `dossier init` to make a workspace, or pass --workspace DIR"
            case .notAWorkspace(let folder):
                "\(folder) is not a dossier workspace (it has no dossier.json); run `dossier init \(folder)` to make one"
            case .insideWorkspace(let folder, let root):
                "\(folder) is a folder inside the workspace \(root), not a workspace; pass --workspace \(root)"
            case .settingsFile(let file, let folder):
                "--workspace takes the workspace's folder, not its \(ProjectFiles.workspace) (\(file)); pass --workspace \(folder)"
            }
        }
    }

    public static func locate(explicit: String?, from current: String = FileManager.default.currentDirectoryPath) throws(Failure) -> String {
        if let explicit {
            let root = absolute(explicit, from: current)
            guard FileManager.default.fileExists(atPath: root + "/" + ProjectFiles.workspace) else {
                let parent = (root as NSString).deletingLastPathComponent
                if (root as NSString).lastPathComponent == ProjectFiles.workspace, FileManager.default.fileExists(atPath: root) {
                    throw .settingsFile(explicit, folder: parent)
                }
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue,
                   let enclosing = try? locate(explicit: nil, from: parent) {
                    throw .insideWorkspace(explicit, root: enclosing)
                }
                throw .notAWorkspace(explicit)
            }
            return root
        }
        var folder = absolute(current, from: "/")
        while true {
            if FileManager.default.fileExists(atPath: folder + "/" + ProjectFiles.workspace) { return folder }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { throw .notFound(start: current) }
            folder = parent
        }
    }

    /// `path` made absolute against `base`, with `.` and `..` applied.
    public static func absolute(_ path: String, from base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        return "/" + Paths.components(joined).joined(separator: "/")
    }
}
