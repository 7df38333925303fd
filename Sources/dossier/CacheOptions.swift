import ArgumentParser
import DossierCore

/// `--no-cache`, for the commands that load the whole workspace (check, build, report, lookup).
struct CacheOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Read every project from its files, without the project cache.",
        discussion: """
            check, build and report keep each project, loaded and checked, in a cache keyed by the \
            SHA-256 of its files, so that after an edit only the changed projects are read again; \
            lookup takes what they kept. It lives in $DOSSIER_CACHE_DIR, else \
            $XDG_CACHE_HOME/dossier, else ~/.cache/dossier (never in the workspace); \
            DOSSIER_CACHE=off turns it off everywhere.
            """))
    var noCache = false

    /// The cache for the workspace at `root`, or nil when it is turned off.
    func cache(root: String) -> ProjectCache? {
        noCache ? nil : ProjectCache.standard(root: root)
    }
}
