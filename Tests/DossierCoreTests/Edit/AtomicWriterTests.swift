import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

/// Writing several files is all or nothing when a write fails (issue 7's fault injection runs the
/// same through the binary on a full disk, a read-only workspace and a file size limit).
@Suite("AtomicWriter")
struct AtomicWriterTests {
    @Test("when one file of an edit cannot be written, none is replaced and no temporary file stays")
    func allOrNothing() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/indicators.json", "old indicators")
        try workspace.write("p/project.json", "old project")
        #expect {
            try AtomicWriter.write([
                (path: workspace.path("p/indicators.json"), bytes: Array("new indicators".utf8), expected: nil),
                (path: workspace.path("missing-folder/project.json"), bytes: Array("new project".utf8), expected: nil),
            ])
        } throws: { error in
            (error as? WriteError) == .cannotWrite(workspace.path("missing-folder/project.json"), reason: "No such file or directory")
        }
        #expect(workspace.read("p/indicators.json") == "old indicators")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path("p")).sorted() == ["indicators.json", "project.json"])
    }

    @Test("when a target refuses to be replaced after others were (a rename fails), those are put back: old files as they were, new ones gone")
    func putsBack() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/indicators.json", "old indicators")
        // A folder where a file should go: the rename onto it fails, as onto an immutable file.
        try FileManager.default.createDirectory(atPath: workspace.path("p/project.json"), withIntermediateDirectories: true)
        #expect(throws: WriteError.self) {
            try AtomicWriter.write([
                (path: workspace.path("p/indicators.json"), bytes: Array("new indicators".utf8), expected: nil),
                (path: workspace.path("p/new.json"), bytes: Array("new file".utf8), expected: nil),
                (path: workspace.path("p/project.json"), bytes: Array("new project".utf8), expected: nil),
            ])
        }
        #expect(workspace.read("p/indicators.json") == "old indicators")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path("p")).sorted() == ["indicators.json", "project.json"])
    }

    @Test("a file changed since it was read is refused before anything is replaced")
    func changedOnDisk() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("a.json", "a")
        try workspace.write("b.json", "b")
        let expected = ContentDigest(Array("b".utf8))
        try workspace.write("b.json", "b changed meanwhile")
        #expect {
            // The changed file comes second: the first must not be replaced either.
            try AtomicWriter.write([
                (path: workspace.path("a.json"), bytes: Array("new a".utf8), expected: ContentDigest(Array("a".utf8))),
                (path: workspace.path("b.json"), bytes: Array("new b".utf8), expected: expected),
            ])
        } throws: { error in
            (error as? WriteError) == .changedOnDisk(workspace.path("b.json"))
        }
        #expect(workspace.read("a.json") == "a")
        #expect(workspace.read("b.json") == "b changed meanwhile")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.root).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test("all files written: each replaced, in order")
    func writesAll() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("a.json", "a")
        try AtomicWriter.write([
            (path: workspace.path("a.json"), bytes: Array("new a".utf8), expected: ContentDigest(Array("a".utf8))),
            (path: workspace.path("b.json"), bytes: Array("new b".utf8), expected: nil),
        ])
        #expect(workspace.read("a.json") == "new a")
        #expect(workspace.read("b.json") == "new b")
    }

    @Test("the temporary files an edit killed midway left are removed by the next write of that file; a running process's are left")
    func leftoversOfAKilledEdit() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/indicators.json", "old")
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let alive = ProcessInfo.processInfo.processIdentifier
        let leftovers = [".indicators.json.dossier-\(dead)-12345.tmp", ".indicators.json.dossier-\(dead)-12345-old.tmp"]
        let running = ".indicators.json.dossier-\(alive)-777.tmp"
        let recent = ".indicators.json.dossier-\(dead)-99.tmp"
        for name in leftovers + [running, recent, ".project.json.dossier-\(dead)-1.tmp"] {
            try workspace.write("p/" + name, "partial")
            // An hour old, but the one of a minute ago (another machine's edit, maybe, running yet).
            let age: TimeInterval = name == recent ? -10 : -3600
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: age)], ofItemAtPath: workspace.path("p/" + name))
        }
        try AtomicWriter.write(Array("new".utf8), to: workspace.path("p/indicators.json"))
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.path("p")).sorted()
        #expect(files == [running, recent, ".project.json.dossier-\(dead)-1.tmp", "indicators.json"].sorted(), "\(files)")
    }

    @Test("a file that is a symbolic link is written through it: the link stays a link, its target holds the new bytes")
    func writesThroughLinks() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("p/data/indicators.json", "old")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("p/indicators.json"), withDestinationPath: "data/indicators.json")
        try AtomicWriter.write(Array("new".utf8), to: workspace.path("p/indicators.json"), expected: ContentDigest(Array("old".utf8)))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: workspace.path("p/indicators.json")) == "data/indicators.json")
        #expect(workspace.read("p/data/indicators.json") == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path("p")).sorted() == ["data", "indicators.json"])
    }

    @Test("a file replaced keeps its permissions; a read-only file is not replaced")
    func permissions() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("owner-only.json", "old")
        try workspace.write("read-only.json", "old")
        chmod(workspace.path("owner-only.json"), 0o600)
        chmod(workspace.path("read-only.json"), 0o444)
        try AtomicWriter.write(Array("new".utf8), to: workspace.path("owner-only.json"))
        var status = stat()
        stat(workspace.path("owner-only.json"), &status)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(workspace.read("owner-only.json") == "new")
        #expect {
            try AtomicWriter.write(Array("new".utf8), to: workspace.path("read-only.json"))
        } throws: { error in
            (error as? WriteError) == .cannotWrite(workspace.path("read-only.json"), reason: "it is read-only; make it writable (chmod u+w) to edit it")
        }
        #expect(workspace.read("read-only.json") == "old")
    }
}
