@testable import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite("Note headings")
struct NoteHeadingsTests {
    static let sampleRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path + "/sample-projects"

    @Test("headings get the ids a git host gives them: lower case, markup and punctuation dropped, spaces as dashes, a repeated one numbered")
    func ids() {
        let markdown = """
            # Overview
            ## The *C2* servers ##
            ### `evil.example` & friends
            Details
            -------
            ## Details
            ## ¿Qué pasó?
            ## !!!
            """
        #expect(NoteHeadings.ids(of: markdown) == ["overview", "the-c2-servers", "evilexample--friends", "details", "details-1", "qué-pasó", ""])
    }

    @Test("the quick look at a note's lines finds headings written with # outside code, and nothing libcmark would not call a heading's id")
    func writtenIDs() throws {
        let markdown = """
            ## Timeline
            ### C2 servers ###
            #hashtag is no heading, nor is #5
                ## indented code
            ```bash
            ## a comment in a fence
            ```
            ~~~~
            ## still fenced
            ~~~
            ## fenced too
            ~~~~
            ## Timeline
            ### C#  ###
            """
        let written = try #require(NoteHeadings.writtenIDs(of: markdown))
        #expect(written == ["timeline", "c2-servers", "timeline-1", "c"])
        #expect(written.isSubset(of: Set(NoteHeadings.ids(of: markdown))))

        // A heading whose text markup may change is left out (libcmark reads `__init__` as
        // strong emphasis: `loader-init-hook`); a note where a line may not be what it looks like
        // is not read at all.
        #expect(NoteHeadings.writtenIDs(of: "## Loader __init__ hook\n## Caf&eacute;\n## [Panel](https://p.example/)\n## ` ls ` output\n## Plain\n") == ["plain"])
        for unread in [
            "<!--\n## Old timeline\n-->\n",
            "<details>\n## IOCs\n</details>\n",
            "```whoami``` ran.\n\n```\n# Persistence\n```\n",
            "- ```sh\n  # Persistence\n  ```\n",
            "> ~~~\n> # in a quote\n> ~~~\n",
            "- Run:\n  ```sh\n  whoami\n```\n\n## Timeline\n```\n",
            "- <!--\n  ## Old timeline\n  -->\n",
            "1. <details>\n## IOCs\n",
            "# Notes\r## Timeline\n",
        ] {
            #expect(NoteHeadings.writtenIDs(of: unread) == nil, "\(unread)")
        }

        // Every id it finds in the sample workspace's notes is one libcmark gives.
        let loaded = WorkspaceLoader.load(root: Self.sampleRoot)
        let notes = loaded.workspace.projects.flatMap(\.notes)
        #expect(notes.count > 10)
        for note in notes {
            let found = NoteHeadings.writtenIDs(of: note.body) ?? []
            #expect(found.isSubset(of: Set(NoteHeadings.ids(of: note.body))), "\(note.path): \(found.subtracting(NoteHeadings.ids(of: note.body)))")
            #expect(!found.isEmpty || !note.body.contains("\n## "), "\(note.path)")
        }
    }

    @Test("a lookup finds a heading the quick look misses (a link in it, a setext heading) through libcmark, and the note's title")
    func lookup() {
        var lookup = NoteHeadings.Lookup(Note(fileName: "02-infra.md", path: "/w/p/notes/02-infra.md", title: "Infrastructure",
            body: "## See [the panel](https://panel.example/)\n\nHosting\n=======\n"))
        let named = ["see-the-panel", "hosting", "infrastructure", "timeline"].map { lookup.names($0) }
        #expect(named == [true, true, true, false])
        let targets = lookup.targets
        #expect(targets == ["see-the-panel", "hosting", "infrastructure"])
    }
}
