import ArgumentParser
import DossierCore

/// `--no-cache`, for the commands that load and check the whole workspace.
struct CacheOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Load and check every project from its files, without reading or writing the project cache.",
        discussion: """
            Projects are kept, loaded and checked, in a cache keyed by the SHA-256 of their files, so \
            that after an edit only the changed projects are read again. It lives in \
            $DOSSIER_CACHE_DIR, else $XDG_CACHE_HOME/dossier, else ~/.cache/dossier (never in the \
            workspace); DOSSIER_CACHE=off turns it off everywhere.
            """))
    var noCache = false

    /// The cache for the workspace at `root`, or nil when it is turned off.
    func cache(root: String) -> ProjectCache? {
        noCache ? nil : ProjectCache.standard(root: root)
    }
}
