import DossierCore

/// The peer: Hugo building the same content as Markdown pages (see `HugoSite`), timed as
/// `hugo --quiet`. The site is written before timing; only Hugo's own run is measured.
enum HugoStep {
    /// Writes the site, or says why Hugo is not available.
    static func prepare(_ workspace: Workspace, scratch: String) -> Result<String, BenchError> {
        guard let hugo = ToolInstaller.locate("hugo", package: "hugo", log: scratch + "/apt-hugo.log") else {
            return .failure(BenchError("hugo is not installed and could not be installed"))
        }
        let site = scratch + "/hugo-site"
        do {
            try HugoSite(workspace: workspace, folder: site).write()
        } catch {
            return .failure(error)
        }
        return .success(hugo)
    }

    static func run(hugo: String, scratch: String, timeout: Double) -> (StepOutcome, String) {
        let site = scratch + "/hugo-site"
        let arguments = ["--quiet", "--source", site, "--destination", site + "/public", "--cacheDir", site + "/.cache"]
        do {
            let measured = try ChildProcess.run(hugo, arguments, stderr: scratch + "/hugo.err", timeout: timeout)
            return (.measured(measured), "\(FileOutput.countFiles(in: site + "/public", suffix: ".html")) pages")
        } catch {
            return (.notAvailable(error.description), "")
        }
    }
}
