import Foundation

/// The tool's version, shown by `--version` and part of build cache keys.
public enum DossierVersion {
    public static let current = "0.1.0"

    /// The build of dossier running: the SHA-256 of its executable. The project cache and the
    /// previous site's pages are reused only by the same build: what they hold follows the code,
    /// which changes between builds of one version (a site built before reports defanged their
    /// notes kept its pages through an upgrade). Nil when the executable cannot be read: nothing
    /// is reused then.
    public static let buildIdentity: String? = {
        for path in ["/proc/self/exe", Bundle.main.executablePath].compactMap({ $0 }) {
            if let bytes = FileManager.default.contents(atPath: path) { return SHA256.hex(bytes) }
        }
        return nil
    }()
}
