import CDigestKernels
import Foundation

/// The tool's version, shown by `--version` and part of build cache keys.
public enum DossierVersion {
    public static let current = "0.1.0"

    /// The build of dossier running. The project cache and the previous site's pages are reused
    /// only by the same build: what they hold follows the code, which changes between builds of
    /// one version (a site built before reports defanged their notes kept its pages through an
    /// upgrade). Nil when the build cannot be told: nothing is reused then.
    ///
    /// The linker's build ID when the executable has one of 16 bytes or more (a digest of the
    /// linked file, which the linker writes into it), read from memory. Else the SHA-256 of the
    /// executable's file, which every command paid for before anything else (22 MB, 25 ms).
    public static let buildIdentity: String? = {
        if let id = linkerBuildID { return "build-id " + id }
        for path in ["/proc/self/exe", Bundle.main.executablePath].compactMap({ $0 }) {
            if let bytes = FileManager.default.contents(atPath: path) { return SHA256.hex(bytes) }
        }
        return nil
    }()

    /// The running executable's GNU build ID in lowercase hexadecimal; nil without one, or with
    /// one shorter than 16 bytes (too short to tell builds apart).
    static var linkerBuildID: String? {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = dossier_build_id(&bytes, bytes.count)
        guard count >= 16 else { return nil }
        return bytes.prefix(count).map { String(format: "%02x", $0) }.joined()
    }
}
