/// Bounds that protect dossier, and the machine it runs on, from hostile or broken input without
/// refusing real data. Each one is reported as a clear error naming the file (SECURITY.md lists
/// them with the tests that try them). Nesting is bounded where it is read: JSON by
/// `JSONParser.maximumDepth` (256), YAML front matter by libyaml (1,000 levels).
public enum Limits {
    /// The largest file dossier reads: a workspace file, a note, a file to import. An
    /// `indicators.json` of a million indicators is about 70 MB.
    public static let fileSize = 256 << 20

    /// The longest indicator value, in UTF-8 bytes: longer than any URL browsers and servers accept.
    public static let valueLength = 65_536

    /// "256 MB": a size in whole megabytes (rounded up), for messages.
    public static func megabytes(_ bytes: Int) -> String {
        "\((bytes + (1 << 20) - 1) >> 20) MB"
    }

    /// The message for a file over `fileSize`.
    public static func tooLarge(_ bytes: Int) -> String {
        "file is too large (\(megabytes(bytes))); dossier reads files of up to \(megabytes(fileSize))"
    }
}
