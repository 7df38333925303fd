import DossierTestSupport
import Foundation
import Testing
@testable import DossierCore

@Suite("project edit")
struct ProjectEditTests {
    static let indicators = """
        {
          "x-feed": { "b": 2, "a": 1 },
          "indicators": [
            { "value": "evil.example", "type": "domain", "tags": ["Blocked"], "x-ticket": "INC-1" }
          ]
        }
        """

    /// When the tests' edits are made: 2026-11-30T12:00:00Z.
    static let noon = Date(timeIntervalSince1970: 1_796_040_000)

    func workspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace()
        try workspace.write("acme-payroll-phish/project.json", """
            { "title": "Payroll", "visibility": "private", "tlp": "amber", "updated": "2020-01-01", "x-jira": "SEC-112" }
            """)
        try workspace.write("acme-payroll-phish/indicators.json", Self.indicators)
        try workspace.addProject("typosquat-watch")
        return workspace
    }

    @Test("an unknown project lists the projects and the closest name")
    func unknownProject() throws {
        let workspace = try workspace()
        #expect(throws: ProjectEdit.Failure.unknownProject("acme-payrol-phish", projects: ["acme-payroll-phish", "typosquat-watch"], closest: "acme-payroll-phish")) {
            try ProjectEdit.open(root: workspace.root, slug: "acme-payrol-phish")
        }
        #expect(throws: ProjectEdit.Failure.unknownProject("zzz", projects: ["acme-payroll-phish", "typosquat-watch"], closest: nil)) {
            try ProjectEdit.open(root: workspace.root, slug: "zzz")
        }
        // A path is no project name, even when it leads to one.
        #expect(throws: ProjectEdit.Failure.self) { try ProjectEdit.open(root: workspace.root, slug: "../" + (workspace.root as NSString).lastPathComponent + "/typosquat-watch") }
        let message = ProjectEdit.Failure.unknownProject("typo", projects: ["typosquat-watch"], closest: "typosquat-watch").description
        #expect(message == "no project \"typo\" in this workspace. Did you mean \"typosquat-watch\"? Projects: typosquat-watch")
    }

    @Test("a project whose files have errors is refused with the errors")
    func refusesErrors() throws {
        let workspace = try workspace()
        try workspace.write("acme-payroll-phish/indicators.json", #"{ "indicators": [ { "value": "999.1.1.1", "type": "ipv4" } ] }"#)
        do {
            _ = try ProjectEdit.open(root: workspace.root, slug: "acme-payroll-phish")
            Issue.record("expected a refusal")
        } catch {
            guard case .invalidFiles(let slug, let diagnostics) = error else { Issue.record("wrong error \(error)"); return }
            #expect(slug == "acme-payroll-phish")
            #expect(diagnostics.count == 1 && diagnostics[0].location?.path == workspace.path("acme-payroll-phish/indicators.json"))
            #expect(error.description.contains("dossier check"))
        }
        // Another project stays editable.
        _ = try ProjectEdit.open(root: workspace.root, slug: "typosquat-watch")
    }

    @Test("a project that records an indicator twice is refused: an edit would change one entry and leave the other")
    func refusesDuplicates() throws {
        let workspace = try workspace()
        try workspace.write("acme-payroll-phish/indicators.json", """
            { "indicators": [ { "value": "a.example", "type": "domain", "tags": ["Blocked"] },
                              { "value": "A.example", "type": "domain", "tags": ["Extra"] } ] }
            """)
        let opened: [Result<ProjectEdit, ProjectEdit.Failure>] = [
            Result { () throws(ProjectEdit.Failure) in try ProjectEdit.open(root: workspace.root, slug: "acme-payroll-phish") },
            Result { () throws(ProjectEdit.Failure) in try ProjectEdit(loaded: workspace.load(), slug: "acme-payroll-phish") },
        ]
        for result in opened {
            guard case .failure(.invalidFiles(_, let diagnostics)) = result else {
                Issue.record("expected a refusal, got \(result)")
                continue
            }
            #expect(diagnostics.map(\.code) == ["duplicate-indicator"])
            #expect(diagnostics.first?.message.contains("dossier fmt --merge") == true)
        }
    }

    @Test("save writes canonical files, refreshes updated and keeps unknown fields")
    func save() throws {
        let workspace = try workspace()
        let edit = try ProjectEdit.open(root: workspace.root, slug: "acme-payroll-phish")
        let (changed, _) = IndicatorMerge.merge([Indicator(value: "192.0.2.1", type: .ipv4, tags: ["C2"])], into: edit.project)
        let written = try edit.save(changed, at: Self.noon)
        #expect(written == [workspace.path("acme-payroll-phish/indicators.json"), workspace.path("acme-payroll-phish/project.json")])
        #expect(workspace.read("acme-payroll-phish/indicators.json") == """
            {
              "indicators": [
                {
                  "value": "192.0.2.1",
                  "type": "ipv4",
                  "tags": [
                    "C2"
                  ]
                },
                {
                  "value": "evil.example",
                  "type": "domain",
                  "tags": [
                    "Blocked"
                  ],
                  "x-ticket": "INC-1"
                }
              ],
              "x-feed": {
                "b": 2,
                "a": 1
              }
            }

            """)
        #expect(workspace.read("acme-payroll-phish/project.json") == """
            {
              "title": "Payroll",
              "visibility": "private",
              "tlp": "amber",
              "updated": "2026-11-30",
              "x-jira": "SEC-112"
            }

            """)
        #expect(workspace.check().filter { $0.severity == .error }.isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.path("acme-payroll-phish")).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test("each edit moves updated on: the day's first to today's date, a later one that day to its time; never back in time")
    func updatedMovesOn() throws {
        let workspace = try workspace()
        /// Adds `value` to the project, its `updated` set to `updated` first (when given), at `now`.
        func edit(adding value: String, dated updated: String? = nil, at now: Date = Self.noon) throws -> String? {
            let edit = try ProjectEdit.open(root: workspace.root, slug: "acme-payroll-phish")
            var (changed, _) = IndicatorMerge.merge([Indicator(value: value, type: .ipv4)], into: edit.project)
            if let updated { changed.updated = updated }
            try edit.save(changed, at: now)
            return try ProjectEdit.open(root: workspace.root, slug: "acme-payroll-phish").project.updated
        }
        // An earlier day: today's date, as `new` writes it.
        #expect(try edit(adding: "192.0.2.1", dated: "2026-11-01") == "2026-11-30")
        // Again that day: its time, so that the exports' `modified` and `timestamp` move on too.
        #expect(try edit(adding: "192.0.2.2") == "2026-11-30T12:00:00Z")
        #expect(try edit(adding: "192.0.2.3", at: Self.noon.addingTimeInterval(3_725)) == "2026-11-30T13:02:05Z")
        // Twice in one second, or a clock behind what is recorded: the next second.
        #expect(try edit(adding: "192.0.2.4", at: Self.noon.addingTimeInterval(3_725)) == "2026-11-30T13:02:06Z")
        #expect(try edit(adding: "192.0.2.5", dated: "2026-12-01") == "2026-12-01T00:00:01Z")
        #expect(try edit(adding: "192.0.2.6", dated: "2026-11-30T23:30:00-05:00") == "2026-12-01T04:30:01Z")
        // The next day: its date, later than any time of the day before.
        #expect(try edit(adding: "192.0.2.7", dated: "2026-11-30T18:00:00Z", at: Self.noon.addingTimeInterval(86_400)) == "2026-12-01")
        // Years ahead, a date is mistyped: today's is written.
        #expect(try edit(adding: "192.0.2.8", dated: "2062-11-01") == "2026-11-30")
    }

    @Test("saving an unchanged project writes nothing")
    func noChange() throws {
        let workspace = try workspace()
        let edit = try ProjectEdit.open(root: workspace.root, slug: "acme-payroll-phish")
        let before = workspace.read("acme-payroll-phish/project.json")
        #expect(try edit.save(edit.project, at: Self.noon).isEmpty)
        #expect(workspace.read("acme-payroll-phish/project.json") == before)
    }

    @Test("a file changed on disk since it was read is never overwritten, and nothing is written")
    func concurrentChange() throws {
        for changedFile in ["indicators.json", "project.json"] {
            let workspace = try workspace()
            let edit = try ProjectEdit.open(root: workspace.root, slug: "acme-payroll-phish")
            let (changed, _) = IndicatorMerge.merge([Indicator(value: "192.0.2.1", type: .ipv4)], into: edit.project)
            let projectBefore = workspace.read("acme-payroll-phish/project.json")
            let indicatorsBefore = workspace.read("acme-payroll-phish/indicators.json")
            let theirs = (changedFile == "indicators.json" ? indicatorsBefore : projectBefore) + "\n"
            try workspace.write("acme-payroll-phish/" + changedFile, theirs)
            #expect(throws: WriteError.changedOnDisk(workspace.path("acme-payroll-phish/" + changedFile))) {
                try edit.save(changed, at: Self.noon)
            }
            #expect(workspace.read("acme-payroll-phish/indicators.json") == (changedFile == "indicators.json" ? theirs : indicatorsBefore))
            #expect(workspace.read("acme-payroll-phish/project.json") == (changedFile == "project.json" ? theirs : projectBefore))
        }
    }

    @Test("an edit from a whole loaded workspace has the same refusals and writes")
    func fromLoaded() throws {
        let workspace = try workspace()
        let loaded = workspace.load()
        #expect(throws: ProjectEdit.Failure.self) { try ProjectEdit(loaded: loaded, slug: "nope") }
        let edit = try ProjectEdit(loaded: loaded, slug: "typosquat-watch")
        var project = edit.project
        project.indicators.append(Indicator(value: "typo.example", type: .domain))
        #expect(try edit.save(project, at: Self.noon).count == 2)
        #expect(workspace.read("typosquat-watch/project.json").contains("\"updated\": \"2026-11-30\""))
    }

    @Test("an edit that writes a private value where the public site shows it is refused, unless another public project publishes the value")
    func newErrorsConfirmedByTheWorkspace() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("pub", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "192.0.2.130", "type": "ipv4", "private": true } ] }"#)
        let edit = try ProjectEdit.open(root: workspace.root, slug: "pub")
        var changed = edit.project
        changed.indicators.append(Indicator(value: "198.51.100.97", type: .ipv4, comment: "Talks to 192.0.2.130"))
        #expect(edit.newErrors(in: changed).map(\.message).contains { $0.hasPrefix("ipv4 192.0.2.130 is recorded as private, but the comment of 198.51.100.97 is public") })
        // Published by another public project, the value is no secret: check would pass.
        try workspace.addProject("open", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [ { "value": "192.0.2.130", "type": "ipv4" } ] }"#)
        #expect(edit.newErrors(in: changed).isEmpty)
    }
}
