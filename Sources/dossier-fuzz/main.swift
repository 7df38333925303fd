import Foundation

// dossier-fuzz: fuzz targets for the loaders, the indicator engine and the importers (issue 7).
//
//   dossier-fuzz list                          the targets
//   dossier-fuzz seeds TARGET DIR              writes TARGET's seed corpus into DIR
//   dossier-fuzz dict TARGET                   prints TARGET's dictionary (libFuzzer -dict format)
//   dossier-fuzz TARGET [FILE...]              replays the files (regression inputs), or
//   dossier-fuzz TARGET --runs N --seconds S --seed X
//                                              the built-in seeded mutation engine (no coverage feedback)
//
// Built with `-Xswiftc -sanitize=fuzzer -Xswiftc -DDOSSIER_LIBFUZZER` (scripts/fuzz does it), the
// target runs under libFuzzer instead: `dossier-fuzz TARGET [libFuzzer flags] CORPUS_DIR`.

let arguments = Array(CommandLine.arguments.dropFirst())
guard let first = arguments.first else {
    FileHandle.standardError.write(Data("usage: dossier-fuzz list | seeds TARGET DIR | dict TARGET | TARGET [options] [files]\n".utf8))
    exit(64)
}

switch first {
case "list":
    for target in FuzzTarget.allCases { print(target.rawValue) }
case "seeds":
    guard arguments.count == 3, let target = FuzzTarget(rawValue: arguments[1]) else { Usage.fail("seeds TARGET DIR") }
    let seeds = Seeds.corpus(for: target)
    try FileManager.default.createDirectory(atPath: arguments[2], withIntermediateDirectories: true)
    for (index, seed) in seeds.enumerated() {
        try Data(seed).write(to: URL(fileURLWithPath: arguments[2] + "/seed-\(index)"))
    }
    print("\(seeds.count) seeds for \(target.rawValue) in \(arguments[2])")
case "dict":
    guard arguments.count == 2, let target = FuzzTarget(rawValue: arguments[1]) else { Usage.fail("dict TARGET") }
    for token in Tokens.all(for: target) { print(Tokens.libFuzzerLine(token)) }
default:
    guard let target = FuzzTarget(rawValue: first) else { Usage.fail("unknown target \(first); see `dossier-fuzz list`") }
    FuzzTarget.selected = target
    #if DOSSIER_LIBFUZZER
    exit(LibFuzzer.run(target, arguments: Array(arguments.dropFirst())))
    #else
    exit(MutationEngine.main(target, arguments: Array(arguments.dropFirst())))
    #endif
}

enum Usage {
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("dossier-fuzz: \(message)\n".utf8))
        exit(64)
    }
}
