import Foundation

/// Finds an external program, installing its Debian package when it is missing and we may
/// (running as root with apt-get). Nil means "not available": the caller reports that, never fails.
enum ToolInstaller {
    static func locate(_ program: String, package: String, log: String) -> String? {
        if let found = ChildProcess.find(program) { return found }
        guard geteuid() == 0, let aptGet = ChildProcess.find("apt-get") else { return nil }
        Console.note("\(program) is missing: installing the Debian package \(package) (log: \(log))")
        let install = ["install", "-y", "-qq", "--no-install-recommends", package]
        if (try? ChildProcess.run(aptGet, install, stdout: log, stderr: log + ".err"))?.exitCode != 0 {
            _ = try? ChildProcess.run(aptGet, ["update", "-qq"], stdout: log, stderr: log + ".err")
            _ = try? ChildProcess.run(aptGet, install, stdout: log, stderr: log + ".err")
        }
        return ChildProcess.find(program)
    }
}
