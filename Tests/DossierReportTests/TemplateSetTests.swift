import DossierTestSupport
import DossierCore
import Foundation
import Testing
@testable import DossierReport

@Suite("Templates")
struct TemplateSetTests {
    @Test("the built-in templates load without a diagnostic")
    func builtIn() {
        let (templates, diagnostics) = TemplateSet.load(workspaceRoot: nil)
        #expect(diagnostics.isEmpty)
        #expect(templates?.sources.keys.sorted().contains("report.html") == true)
    }

    @Test("a broken override is reported at its file, line and column, and nothing is built")
    func brokenOverride() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.write("templates/report.html.mustache", "<h1>{{title}}</h1>\n<ul>{{#notes}}<li>{{title}}</li>\n</ul>\n")
        let (templates, diagnostics) = TemplateSet.load(workspaceRoot: workspace.root)
        #expect(templates == nil)
        let lines = diagnostics.rendered(relativeTo: workspace.root)
        #expect(lines.count == 1)
        #expect(lines == ["templates/report.html.mustache:2:5: error: template error: the section {{#notes}} opened here is never closed ({{/notes}} missing)"])
        let out = workspace.path("site")
        #expect(throws: BuildFailure.self) { try SiteBuild.run(root: workspace.root, audience: .public, out: out) }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("the section left open is the innermost one still open at the end, whatever is closed around it")
    func unclosedSection() {
        let text = "{{! a remark: {{#fake}} }}\n{{#rows}}\n  {{^empty}}x{{/empty}}\n  {{#tags}}{{name}}\n{{/rows}}\n{{#open}}\n  {{$block}}\n"
        let open = SectionTags.unclosed(in: text)
        #expect(open?.tag == "$block" && open?.position == SourcePosition(line: 7, column: 3))
        // Closing an outer section closes what it holds.
        #expect(SectionTags.unclosed(in: "{{#a}}{{#b}}{{/a}}") == nil)
        #expect(SectionTags.unclosed(in: "{{#a}}\n{{=<% %>=}}\n<%/a%>") == nil)
        // A comment may span lines; what it holds is no tag.
        #expect(SectionTags.unclosed(in: "{{#a}}\n{{! a comment\n {{#b}} in comment }}\n")?.position == SourcePosition(line: 1, column: 1))
        #expect(SectionTags.unclosed(in: "{{#a}}\n{{! {{/a}}\n}}\n{{#c}}{{/c}}")?.tag == "#a")
    }

    @Test("a missing partial is an error at the partial tag")
    func missingPartial() throws {
        let workspace = try TemporaryWorkspace()
        // A partial named in a comment, on one line or across lines, is no partial.
        try workspace.write("templates/index.html.mustache", "<html>\n  {{> head}}\n  {{> sidebar}}\n{{! see {{> gone}} }}{{!\n{{> gone}}\n}}</html>\n")
        let (_, diagnostics) = TemplateSet.load(workspaceRoot: workspace.root)
        #expect(diagnostics.rendered(relativeTo: workspace.root) == [
            #"templates/index.html.mustache:3:3: error: template refers to partial "sidebar", but there is no sidebar.mustache"#
        ])
    }

    @Test("a workspace template that replaces none and is no partial of another, or a file without .mustache, is a warning naming the one meant")
    func unusedTemplates() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("templates/report.mustache", "hi\n")
        try workspace.write("templates/index.html", "x\n")
        try workspace.write("templates/report.html.mustache", "{{> mine}}\n")
        try workspace.write("templates/mine.mustache", "mine\n")
        try workspace.write("templates/README.md", "What these are.\n")
        try workspace.write("templates/head.mustache.orig", "a merge's leftover\n")
        try workspace.write("templates/partials/x.txt", "a folder of the team's own\n")
        let (templates, diagnostics) = TemplateSet.load(workspaceRoot: workspace.root)
        #expect(templates != nil)
        let lines = diagnostics.rendered(relativeTo: workspace.root)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first == "templates/index.html:1:1: warning: not read: a template is named after the one it replaces, with .mustache (index.html.mustache?)")
        #expect(lines.last?.hasPrefix("templates/report.mustache:1:1: warning: this template is not used: it replaces no built-in template (did you mean report.md.mustache?) and no template includes it as a partial ({{> report}})") == true)
        // Under other delimiters what a template includes cannot be told: nothing is said of it.
        try workspace.write("templates/report.html.mustache", "{{=<% %>=}}<%> mine%><%={{ }}=%>\n")
        try workspace.write("templates/report.mustache", "{{> nothing}}\n")
        try workspace.write("templates/nothing.mustache", "x\n")
        let (_, other) = TemplateSet.load(workspaceRoot: workspace.root)
        #expect(!other.contains { $0.code == "unused-template" && $0.message.contains("not used") }, "\(other)")
    }

    @Test("a template copied from an earlier dossier (a row's table by withProject, a listing without groups) is a warning saying what changed; copies of today's built-in ones are not")
    func outdatedTemplates() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("templates/indicator-row.mustache", "<tr><td>{{value}}</td>{{#withProject}}<td>{{#project}}{{title}}{{/project}}</td>{{/withProject}}</tr>")
        try workspace.write("templates/listing.html.mustache", "<h1>{{title}}</h1>\n{{> indicator-table}}\n")
        let (templates, diagnostics) = TemplateSet.load(workspaceRoot: workspace.root)
        #expect(templates != nil, "a warning: the build goes on")
        let lines = diagnostics.rendered(relativeTo: workspace.root)
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix("templates/indicator-row.mustache:1:23: warning: this template reads withProject, which dossier no longer sets") == true, "\(lines)")
        #expect(lines.last?.hasPrefix("templates/listing.html.mustache:1:1: warning: this listing template shows no groups") == true, "\(lines)")
        #expect(diagnostics.allSatisfy { $0.code == "outdated-template" })
        let builtIn = try #require(TemplateSet.builtInFolder)
        for name in ["indicator-row", "indicator-table", "listing.html"] {
            try? FileManager.default.removeItem(atPath: workspace.path("templates/\(name).mustache"))
            try FileManager.default.copyItem(atPath: builtIn + "/\(name).mustache", toPath: workspace.path("templates/\(name).mustache"))
        }
        #expect(TemplateSet.load(workspaceRoot: workspace.root).1.isEmpty)
        // Groups shown by a partial are shown; sections without an id are a warning of their own.
        try workspace.write("templates/listing.html.mustache", "<h1>{{title}}</h1>\n{{> listing-body}}\n")
        try workspace.write("templates/listing-body.mustache", "{{#groups}}<section>{{> indicator-table}}</section>{{/groups}}\n")
        let idless = TemplateSet.load(workspaceRoot: workspace.root).1.rendered(relativeTo: workspace.root)
        #expect(idless.count == 1 && idless[0].hasPrefix("templates/listing.html.mustache:1:1: warning: this listing template gives its project sections no id"), "\(idless)")
        try workspace.write("templates/listing-body.mustache", "{{#groups}}<section id=\"{{anchor}}\">{{> indicator-table}}</section>{{/groups}}\n")
        #expect(TemplateSet.load(workspaceRoot: workspace.root).1.isEmpty)
    }

    @Test("an override replaces the built-in template of the same name")
    func override() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear")
        try workspace.write("p/project.json", #"{ "title": "p", "visibility": "public", "tlp": "clear", "owner": "j|doe" }"#)
        try workspace.write("templates/report.md.mustache", "Custom: {{title}} | {{tlp.label}} | {{owner}}\n")
        let output = try ReportBuild.run(root: workspace.root, slug: "p", format: .md, audience: .public, options: ReportOptions())
        #expect(output.text == "Custom: p | TLP:CLEAR | j\\|doe\n")
    }

    @Test("a workspace template, or the templates folder, linked to a file outside the workspace is refused, not printed on every page")
    func templateLinkedOutside() throws {
        let outside = try TemporaryWorkspace(["secret.txt": "root:x:0:0:SECRET\n"], withSettings: false)
        let workspace = try TemporaryWorkspace()
        try FileManager.default.createDirectory(atPath: workspace.path("templates"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: workspace.path("templates/audience.mustache"), withDestinationPath: outside.path("secret.txt"))
        var (set, diagnostics) = TemplateSet.load(workspaceRoot: workspace.root)
        #expect(set == nil)
        #expect(diagnostics.rendered(relativeTo: workspace.root).contains { $0.hasPrefix("templates/audience.mustache:1:1: error: refused: a symbolic link points outside the workspace") }, "\(diagnostics)")
        try FileManager.default.removeItem(atPath: workspace.path("templates"))
        try FileManager.default.createSymbolicLink(atPath: workspace.path("templates"), withDestinationPath: outside.root)
        try outside.write("audience.mustache", "{{title}} SECRET\n")
        (set, diagnostics) = TemplateSet.load(workspaceRoot: workspace.root)
        #expect(set == nil)
        #expect(diagnostics.rendered(relativeTo: workspace.root).contains { $0.hasPrefix("templates:1:1: error: refused: the templates folder is a symbolic link") }, "\(diagnostics)")
    }

    @Test("a workspace template linked to a project's file is refused: it would print the file as it is, a private project's too")
    func templateLinkedToProjectFile() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("acme-payroll-phish")
        try FileManager.default.createDirectory(atPath: workspace.path("templates"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: workspace.path("templates/pj.mustache"), withDestinationPath: "../acme-payroll-phish/project.json")
        let (set, diagnostics) = TemplateSet.load(workspaceRoot: workspace.root)
        #expect(set == nil)
        #expect(diagnostics.rendered(relativeTo: workspace.root).contains {
            $0.hasPrefix("templates/pj.mustache:1:1: error: refused: the template is a symbolic link to a file of the project acme-payroll-phish")
        }, "\(diagnostics)")
        // A link to another template, or to a shared folder that is no project's, is a template.
        try FileManager.default.removeItem(atPath: workspace.path("templates/pj.mustache"))
        try workspace.write("theme/footer.mustache", "<footer>{{title}}</footer>\n")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("templates/footer.mustache"), withDestinationPath: "../theme/footer.mustache")
        #expect(TemplateSet.load(workspaceRoot: workspace.root).0 != nil)
    }
}

@Suite("CommonMark")
struct CommonMarkTests {
    @Test("raw HTML becomes visible text; an unsafe link is no link, its address shown after its text unless it is code, data or a file of the writer's computer")
    func sanitizes() {
        let html = CommonMark.html("Hi <b>there</b>\n\n<div onclick=x>block</div>\n\n[a](javascript:alert(1)) [b](https://example.com/x) [c](#local) [d](vbscript:x) [e](ftp://ftp.example.org/a) ![f](file:///etc/passwd)\n")
        #expect(html.contains("<code>&lt;b&gt;</code>"))
        #expect(html.contains("&lt;div onclick=x&gt;block&lt;/div&gt;"))
        #expect(html.contains("a <a href=\"https://example.com/x\">b</a>"), "\(html)")
        // A file of the writer's computer: only its text (its path says where the writer keeps it).
        #expect(html.contains("e (ftp://ftp.example.org/a) f</p>"), "\(html)")
        #expect(!html.contains("href=\"\""), "\(html)")
        #expect(!html.contains("javascript"))
        #expect(html.contains(#"<a href="https://example.com/x">b</a>"#))
        #expect(html.contains(##"<a href="#local">c</a>"##))
        #expect(!html.contains("vbscript"))
    }

    @Test("HTML comments, where writers leave remarks for each other, are dropped from both formats; a table after one is still a defanged table")
    func dropsComments() {
        let note = """
            A

            <!-- TODO: confirm with Contoso before publishing -->

            | host | ip |
            |---|---|
            | table-evil.example | 198.51.100.200 |

            Inline <!-- hidden remark --> text.

            <!-- two
            lines --> and after

            <!-- left open
            secret to the end
            """
        let (html, markdown) = CommonMark.rendered(note, defanging: CommonMark.Defanging())
        for output in [html, markdown] {
            #expect(!output.contains("Contoso") && !output.contains("hidden remark") && !output.contains("secret"), "\(output)")
            #expect(!output.contains("table-evil.example") && !output.contains("198.51.100.200"), "\(output)")
        }
        #expect(html.contains("<td>table-evil[.]example</td><td>198[.]51[.]100[.]200</td>"))
        #expect(html.contains("<p>Inline  text.</p>"))
        #expect(html.contains("<pre><code> and after\n</code></pre>"), "what follows a comment in its block stays, as code")
        #expect(markdown.components(separatedBy: "| table-evil").count == 2, "the table once: \(markdown)")
    }

    @Test("raw HTML side by side is one code span, so the Markdown output reads back as the HTML shows it")
    func adjacentRawHTML() {
        let (html, markdown) = CommonMark.rendered("Press <kbd>Ctrl</kbd><kbd>C</kbd> and <b><i>x</i></b>.\n")
        #expect(html == "<p>Press <code>&lt;kbd&gt;</code>Ctrl<code>&lt;/kbd&gt;&lt;kbd&gt;</code>C<code>&lt;/kbd&gt;</code> and <code>&lt;b&gt;&lt;i&gt;</code>x<code>&lt;/i&gt;&lt;/b&gt;</code>.</p>\n")
        #expect(CommonMark.html(markdown) == html, "\(markdown)")
    }

    @Test("a note's headings go under the report's note title (an h3): # is an h4, and the deepest stay h6")
    func headingsGoUnderTheNoteTitle() {
        let (html, markdown) = CommonMark.rendered("# Top\n\n## Second\n\n#### Deep\n\nSetext\n======\n")
        #expect(html == "<h4>Top</h4>\n<h5>Second</h5>\n<h6>Deep</h6>\n<h4>Setext</h4>\n")
        #expect(markdown == "#### Top\n\n##### Second\n\n###### Deep\n\n#### Setext\n")
        // A note whose topmost heading is a `##` (its `#` became its title) leaves no level out.
        #expect(CommonMark.rendered("## Timeline\n\ntext\n\n### Detail\n").html == "<h4>Timeline</h4>\n<p>text</p>\n<h5>Detail</h5>\n")
    }

    @Test("with defanging, indicators in text and code are defanged, and links to threats are no links")
    func defangsNotes() {
        let note = """
            The panel [login page](http://panel.evil.example/login) beaconed to <http://gate.evil.example/g.php>.
            Background: [a public write-up](https://research.example.org/post) on the family.
            Mail came from [the sender](mailto:hr@payroll.evil.example).

            ```
            GET /g.php HTTP/1.1
            Host: gate.evil.example
            ```

            Resolves to `198.51.100.7`; the writer's own hxxp://other[.]example stays.
            """
        let threats: Set<String> = ["http://panel.evil.example/login", "payroll.evil.example"]
        let defanging = CommonMark.Defanging { value, type in
            threats.contains(value) || Indicators.host(of: value, type: type).map(threats.contains) == true
        }
        let html = CommonMark.html(note, defanging: defanging)
        #expect(!html.contains("href=\"http://panel.evil.example"))
        #expect(html.contains("login page (hxxp://panel[.]evil[.]example/login)"))
        #expect(!html.contains("href=\"http://gate.evil.example"))
        #expect(html.contains("hxxp://gate[.]evil[.]example/g.php"))
        #expect(html.contains(#"<a href="https://research.example.org/post">a public write-up</a>"#))
        #expect(!html.contains("mailto:"))
        #expect(html.contains("the sender (hr[@]payroll[.]evil[.]example)"))
        #expect(html.contains("Host: gate[.]evil[.]example"))
        #expect(html.contains("<code>198[.]51[.]100[.]7</code>"))
        #expect(html.contains("hxxp://other[.]example"))

        let markdown = CommonMark.commonMark(note, defanging: defanging)
        #expect(!markdown.contains("](http://panel"))
        #expect(!markdown.contains("<http://gate"))
        #expect(markdown.contains("Host: gate[.]evil[.]example"))
        #expect(markdown.contains("](https://research.example.org/post)"))

        // Without defanging (`--no-defang`), the note is as written.
        let plain = CommonMark.html(note)
        #expect(plain.contains(#"<a href="http://panel.evil.example/login">login page</a>"#))
        #expect(plain.contains("Host: gate.evil.example"))
    }

    @Test("with defanging, a web address no parser reads as a URL (a numeric host, an escaped dot, no // after the scheme) is no link, and its scheme is defanged wherever it is written")
    func obscuredAddresses() {
        let note = """
            Downloads <http://3325256770/bot.dll>, <http://0xC6336442/bot.dll>, <https://evil-c2%2Eexample/p.exe>,
            <https:evil-c2.example/x> and [the kit](http://3325256770/kit.zip); in text http://3325256770/a and `HTTP://0300.0063.0144.0102/b`.
            See [the vendor](https://vendor.example/report); [no scheme](//3325256770/c.dll).
            """
        let html = CommonMark.html(note, defanging: CommonMark.Defanging())
        let markdown = CommonMark.commonMark(note, defanging: CommonMark.Defanging())
        for output in [html, markdown] {
            for shown in ["hxxp://3325256770/bot.dll", "hxxp://0xC6336442/bot.dll", "hxxps://evil-c2%2Eexample/p.exe", "hxxps:evil-c2[.]example/x",
                          "the kit (hxxp://3325256770/kit.zip)", "in text hxxp://3325256770/a", "hxxp://0300.0063.0144.0102/b"] {
                // (Markdown escapes the brackets of `[.]`.)
                #expect(output.contains(shown) || output.contains(shown.replacingOccurrences(of: "[.]", with: "\\[.\\]")), "\(shown) in \(output)")
            }
            #expect(!output.lowercased().contains("http://"), "\(output)")
        }
        #expect(html.components(separatedBy: "<a ").count == 2, "only the vendor's link: \(html)")
        #expect(html.contains(#"<a href="https://vendor.example/report">the vendor</a>"#))
    }

    @Test("Markdown output keeps structure and turns HTML into code")
    func commonMarkOutput() {
        let markdown = CommonMark.commonMark("# Title\n\n- one\n- two <script>x</script>\n")
        #expect(markdown.contains("# Title"))
        #expect(markdown.contains("`<script>`"))
    }
}

@Suite("Markdown escaping")
struct MarkdownEscapingTests {
    @Test("table-breaking and markup characters are escaped", arguments: [
        ("a|b", "a\\|b"), ("<script>", "&lt;script&gt;"), ("[x](y)", "\\[x\\](y)"), ("line\nbreak", "line break"),
        ("`tick`", "\\`tick\\`"), ("*em* _u_", "\\*em\\* \\_u\\_"), ("plain-domain.example", "plain-domain.example"),
        // A combining mark makes one character of the pipe; it is escaped all the same.
        ("a|\u{301}b", "a\\|\u{301}b"), ("CR LF\r\nand CR\rend", "CR LF and CR end"), ("Ünïcödé 🛰️ #1!", "Ünïcödé 🛰️ \\#1\\!"),
        // Where they mean nothing, left as they are: a bare URL stays one link where GitHub links it.
        ("http://evil_host.example/login_form.php?id=5&step=2#top", "http://evil_host.example/login_form.php?id=5&step=2#top"),
        ("_lead trail_ a__b", "\\_lead trail\\_ a\\_\\_b"), ("# title", "\\# title"), ("  #x", "  \\#x"),
        ("&amp; &#38; &x=", "&amp;amp; &amp;\\#38; &x="), ("ends &amp", "ends &amp;amp"),
        // What would start a block where a template writes the value at the start of a line,
        // line breaks included (they become spaces).
        ("\n# Injected", " \\# Injected"), ("\r\n## Also", " \\## Also"), ("- item", "\\- item"), ("+ item", "\\+ item"),
        ("---", "\\---"), ("===", "\\==="), ("12. item", "12\\. item"), (" 3) item", " 3\\) item"),
        ("a-b + c = 1. 2)", "a-b + c = 1. 2)"), ("192.0.2.1", "192.0.2.1"), ("-x +y =z", "-x +y =z"), ("-", "\\-"),
    ])
    func escapes(_ input: String, _ expected: String) {
        #expect(MarkdownContentType.escape(input) == expected)
    }
}
