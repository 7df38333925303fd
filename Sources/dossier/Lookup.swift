import ArgumentParser
import DossierCore

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find every project that records a value: have we seen this before, and what did we decide?",
        discussion: """
            Values may be pasted defanged; a host with its port (evil.example:443, \
            [2001:db8::5]:443, as logs write it), an IPv6 address with its zone (fe80::1%eth0) or a site's root (evil.example/, or \
            hxxp://evil[.]example when that URL is not recorded as one) is looked up as the host, and a URL without its scheme (evil.example/gate.php, as a \
            proxy log writes it) as that URL under http and https; - reads them from standard \
            input, one per line. For each \
            value: every project recording it, with the project's visibility, the classification \
            (explicit or implied by tags), tags and first/last seen. A value classified differently \
            across projects is flagged (unknown, not assessed yet, differs from nothing). \
            Lookup is internal output ("audience": "internal" in --json): it names private \
            projects and indicators, marked so, for the team's own use; paste none of it where a \
            public report would go.

            Indirect matches are listed apart, each saying how it relates: a domain also finds URLs and \
            e-mail addresses on it or its subdomains, its recorded subdomains and the recorded domains it \
            lies within; an IP address finds URLs on it and the CIDR blocks that contain it; a CIDR \
            block finds the addresses, smaller blocks and URLs on addresses that lie in it ("in this \
            network") and the larger blocks that contain it; a URL or e-mail address finds its host.

            Exit status: 0 when at least one value is itself recorded, 1 when none is (indirect matches \
            alone do not count), so scripts can ask "have we seen it?". A 1 is no answer when no \
            workspace was found, or when a project's files have errors: they are named on standard \
            error and listed as "unread" in --json, for a script to tell. Errors in dossier.json are \
            named too: the classifications its tags imply are then unknown.

            Examples:
              dossier lookup payroll-acme[.]example 198.51.100.23
              dossier lookup 203.0.113.0/24           # what do we know in this network?
              grep -o '[0-9a-f]\\{64\\}' alert.txt | dossier lookup - --json
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Values to look up; - reads them from standard input, one per line (# lines are comments).", valueName: "value"))
    var values: [String] = []

    @Option(help: ArgumentHelp(
        "Type of every value (default: detected; other values are matched as written against free-form types).",
        valueName: "type"))
    var type: IndicatorType?

    @Flag(help: "Print the results as JSON, for scripts.")
    var json = false

    @OptionGroup var cacheOptions: CacheOptions

    func validate() throws {
        if values.isEmpty { throw ValidationError("give at least one value to look up, or - to read them from standard input") }
    }

    func run() throws {
        let queries = ProjectEditing.values(values)
        if queries.isEmpty {
            Console.error("standard input held no values to look up")
            throw ExitCode(1)
        }
        let root: String
        do {
            root = try global.root()
        } catch {
            // Without a workspace nothing was looked up: an error (said by `root()`), not "not recorded".
            throw ExitCode(1)
        }
        let loaded = WorkspaceLoader.load(root: root, cache: cacheOptions.cache(root: root), fingerprinting: false)
        // The files whose records may be missing from the answer: a "not recorded" is then no answer.
        let unread = loaded.filesWithErrors.filter { $0.hasSuffix("/" + ProjectFiles.indicators) || $0.hasSuffix("/" + ProjectFiles.project) }
            .map { Console.printer.displayPath($0) }.sorted()
        for file in unread {
            Console.note("warning: \(file) has errors, so what it records may be missing from these results (see `dossier check`)")
        }
        if loaded.filesWithErrors.contains(root + "/" + ProjectFiles.workspace) {
            Console.note("warning: \(Console.printer.displayPath(root + "/" + ProjectFiles.workspace)) has errors, so the classifications its tags imply may be wrong in these results (the starter vocabulary stands in for it; see `dossier check`)")
        }
        let lookup = Lookup(IndicatorIndex(loaded.workspace))
        // Freeing a million indicators one by one at the end would cost more than the lookups.
        KeepAlive.untilExit(loaded)
        KeepAlive.untilExit(lookup)
        let results = queries.map { lookup.lookup($0.text, as: type) }
        if json {
            Console.out(LookupOutput.json(results, unread: unread))
        } else {
            for result in results { LookupOutput.text(result).forEach(Console.out) }
        }
        // Not recorded, or not known where files have errors (named above, `unread` in --json):
        // the contract's codes are 0, 1 and 64 alone.
        if !results.contains(where: \.isRecorded) { throw ExitCode(1) }
    }
}

extension LookupCommand: TakesValueList {
    static var valueList: WritableKeyPath<Self, [String]> { \.values }
}
