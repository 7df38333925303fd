import Foundation

/// Runs the Python checks in Scripts/ with the real validators (OASIS stix2-validator, PyMISP),
/// installing them from PyPI when missing. CI installs them too (the lead's .ci/run); when they
/// cannot be had, the tests that need them fail, they are never skipped.
enum Python {
    struct Run {
        var status: Int32
        var output: String
    }

    /// Whether both validators import, after installing them if needed; the failure says why.
    static let validators: Result<Void, SetupFailure> = {
        if (try? run(["-c", "import stix2validator, pymisp"]))?.status == 0 { return .success(()) }
        let install = try? run(["-m", "pip", "install", "--quiet", "stix2-validator", "pymisp"])
        if (try? run(["-c", "import stix2validator, pymisp"]))?.status == 0 { return .success(()) }
        return .failure(SetupFailure(message: "cannot import stix2validator and pymisp, and `python3 -m pip install stix2-validator pymisp` failed: \(install?.output ?? "python3 did not run")"))
    }()

    struct SetupFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Runs one of the scripts in Scripts/ with `arguments`.
    static func script(_ name: String, _ arguments: [String]) throws -> Run {
        try run([TestFiles.scripts + "/" + name] + arguments)
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
