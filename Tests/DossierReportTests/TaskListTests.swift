import Testing
@testable import DossierReport

/// An analyst's checklist in a note, written as GitHub's task list.
@Suite("Task lists")
struct TaskListTests {
    @Test("a list item that starts [ ] or [x] shows a ballot box, in HTML and in Markdown; brackets elsewhere stay as written")
    func ballotBoxes() {
        let note = """
            - [ ] Notify the abuse desk of evil.example
            - [x] Blocked on the proxy
            - [X] Done
            - [ ]not a task
            - plain [ ] item

            1. [x] numbered

            [ ] not in a list
            """
        let (html, markdown) = CommonMark.rendered(note, defanging: CommonMark.Defanging())
        #expect(html.contains("<li>\u{2610} Notify the abuse desk of evil[.]example</li>"), "\(html)")
        #expect(html.contains("<li>\u{2611} Blocked on the proxy</li>") && html.contains("<li>\u{2611} Done</li>"))
        #expect(html.contains("<li>[ ]not a task</li>") && html.contains("<li>plain [ ] item</li>"), "\(html)")
        #expect(html.contains("<li>\u{2611} numbered</li>") && html.contains("<p>[ ] not in a list</p>"))
        #expect(markdown.contains(#"- \#u{2610} Notify the abuse desk of evil\[.\]example"#) && markdown.contains("1.  \u{2611} numbered"), "[\(markdown)]")
    }
}
