/// Pure path arithmetic on `/`-separated absolute paths (no file system access).
public enum Paths {
    /// `path` relative to `base`, going up with `..` at most three levels; else `path` itself.
    public static func relative(_ path: String, from base: String) -> String {
        let (ups, shared, parts) = way(to: path, from: base)
        // Sharing nothing is only right from the root, which has no levels to go up.
        guard path.hasPrefix("/"), base.hasPrefix("/"), ups <= 3, shared > 0 || ups == 0 else {
            return path
        }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The segments of the way from the folder `base` to `path`, both absolute: `..` for each
    /// level up, then the rest of `path` (`../notes/images/a.png`).
    public static func relativeSegments(_ path: String, from base: String) -> [String] {
        way(to: path, from: base).segments
    }

    /// How many levels `relativeSegments` goes up, how many components the two share, and the
    /// segments.
    private static func way(to path: String, from base: String) -> (ups: Int, shared: Int, segments: [String]) {
        let target = components(path)
        let origin = components(base)
        var shared = 0
        while shared < target.count, shared < origin.count, target[shared] == origin[shared] {
            shared += 1
        }
        let ups = origin.count - shared
        return (ups, shared, Array(repeating: "..", count: ups) + target[shared...])
    }

    /// The non-empty components of a path, with `.` dropped and `..` applied.
    public static func components(_ path: String) -> [String] {
        var result: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !result.isEmpty { result.removeLast() }
            default: result.append(String(part))
            }
        }
        return result
    }

    /// Whether `path` is `folder` or lies inside it (after resolving `.` and `..`).
    public static func isInside(_ path: String, folder: String) -> Bool {
        let inner = components(path)
        let outer = components(folder)
        return inner.count >= outer.count && Array(inner[..<outer.count]) == outer
    }
}
