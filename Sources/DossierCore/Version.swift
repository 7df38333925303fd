/// The tool's version, shown by `--version` and part of build cache keys.
public enum DossierVersion {
    public static let current = "0.1.0"
}
