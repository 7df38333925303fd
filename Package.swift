// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libcmark from Debian's libcmark-dev: DossierCore reads notes' headings with it
        // (`NoteHeadings`), DossierReport renders notes with it (`CommonMark`).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The SHA-256 and SHA-1 block functions on the x86 SHA extensions (the Swift ones are the
        // reference and the fallback).
        .target(name: "CDigestKernels"),
        .target(
            name: "DossierCore",
            dependencies: ["CDigestKernels", "CCmark", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "DossierReport",
            dependencies: [
                "DossierCore",
                "DossierInterop",
                "CCmark",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources/templates")]
        ),
        .target(
            name: "DossierInterop",
            dependencies: ["DossierCore"]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "DossierCore",
                "DossierReport",
                "DossierInterop",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "dossier-bench",
            dependencies: ["DossierCore", "DossierTestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Fuzz targets (issue 7): the built-in seeded mutation engine, or libFuzzer when built by
        // scripts/fuzz with -sanitize=fuzzer.
        .executableTarget(name: "dossier-fuzz", dependencies: ["DossierCore", "DossierInterop", "DossierTestSupport"]),
        // Helpers shared by the tests, the benchmark and the fuzzer (temporary workspaces, seeded random).
        .target(name: "DossierTestSupport", dependencies: ["DossierCore"], path: "Tests/DossierTestSupport"),
        .testTarget(name: "DossierCoreTests", dependencies: ["DossierCore", "DossierTestSupport", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "DossierReportTests", dependencies: ["DossierReport", "DossierTestSupport"]),
        .testTarget(name: "DossierInteropTests", dependencies: ["DossierInterop", "DossierTestSupport"], exclude: ["Scripts"]),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCore", "DossierTestSupport"]),
    ]
)
