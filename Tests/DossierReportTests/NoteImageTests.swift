import DossierCore
import DossierTestSupport
import Foundation
import Testing
@testable import DossierReport

/// Images in notes: an HTML report holds the project's own screenshots in itself (`data:` URLs,
/// so the report stays one file that loads nothing), a Markdown report shows their description,
/// and no report carries another project's image or a file that is no image.
@Suite("Note images")
struct NoteImageTests {
    /// A whole PNG of one pixel.
    static let png = TestImages.png()

    static func report(_ root: String, _ slug: String, _ format: ReportFormat, _ audience: Audience = .internal) throws -> String {
        try ReportBuild.run(root: root, slug: slug, format: format, audience: audience, options: ReportOptions()).text
    }

    @Test("the sample's screenshot is in its HTML report as its own bytes, and its description in the Markdown report")
    func sampleScreenshot() throws {
        let root = SiteBuildTests.sampleRoot
        let bytes = try #require(FileManager.default.contents(atPath: root + "/commodity-loader-c2/notes/images/sinkhole-connections.png"))
        let description = "Connections to the sinkhole per week, September and October"
        let html = try Self.report(root, "commodity-loader-c2", .html, .public)
        #expect(html.contains(#"<img src="data:image/png;base64,\#(bytes.base64EncodedString())" alt="\#(description)" />"#))
        let markdown = try Self.report(root, "commodity-loader-c2", .md, .public)
        #expect(markdown.contains(description) && !markdown.contains("data:") && !markdown.contains("sinkhole-connections.png"))
        #expect(!html.contains("sinkhole-connections.png"), "the file's name is no link in a report")
    }

    @Test("a Markdown report links the images its HTML report holds: the workspace's file from the folder it is written to, its path's segments escaped")
    func markdownLinksImages() throws {
        let root = SiteBuildTests.sampleRoot
        let description = "Connections to the sinkhole per week, September and October"
        let options = ReportOptions(markdownImages: .linked(from: root + "/reports"))
        let markdown = try ReportBuild.run(root: root, slug: "commodity-loader-c2", format: .md, audience: .public, options: options).text
        #expect(markdown.contains("![\(description)](../commodity-loader-c2/notes/images/sinkhole-connections.png)"), "\(markdown)")

        let workspace = try TemporaryWorkspace()
        try workspace.addProject("apt 29 #2", indicators: #"{ "indicators": [] }"#)
        try workspace.writeBytes("apt 29 #2/notes/shot (1).png", Self.png)
        try workspace.write("apt 29 #2/notes/01-shot.md", "# Shot\n\n![the panel](<shot (1).png>)\n")
        let real = try #require(FileReader.realPath(workspace.root))
        let linked = try ReportBuild.run(root: workspace.root, slug: "apt 29 #2", format: .md, audience: .internal,
            options: ReportOptions(markdownImages: .linked(from: real))).text
        let link = "apt%2029%20%232/notes/shot%20%281%29.png"
        #expect(linked.contains("![the panel](\(link))"), "\(linked)")
        #expect(FileManager.default.contents(atPath: real + "/" + (link.removingPercentEncoding ?? "")) == Data(Self.png))
        // With no folder to link from, the description, as before.
        let described = try Self.report(workspace.root, "apt 29 #2", .md)
        #expect(described.contains("the panel") && !described.contains("shot"))
    }

    @Test("an SVG image (or BMP, TIFF, AVIF, HEIC, icon), which no report shows, is a warning of check, as a fake PNG is")
    func otherKindsAreSaid() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("case", indicators: #"{ "indicators": [] }"#)
        try workspace.write("case/notes/chart.svg", #"<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"><rect width="9" height="9"/></svg>"#)
        try workspace.writeBytes("case/notes/scan.TIFF", [0x49, 0x49, 0x2A, 0x00])
        try workspace.write("case/notes/01-charts.md", "# Charts\n\n![svg chart](chart.svg) ![scan](scan.TIFF) [the chart as a file](chart.svg)\n")
        let findings = workspace.check().filter { $0.code == BrokenLinkRule.imageCode }
        #expect(findings.map(\.message) == ["chart.svg", "scan.TIFF"].map {
            "the image \($0) is not shown in reports (HTML or Markdown), only its description: it is not a PNG, JPEG, GIF or WebP image"
        })
        let html = try Self.report(workspace.root, "case", .html)
        #expect(!html.contains("<img") && html.contains("svg chart"))
    }

    /// A workspace of two empty projects, `case` and `other`.
    static func caseAndOther() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("case", indicators: #"{ "indicators": [] }"#)
        try workspace.addProject("other", indicators: #"{ "indicators": [] }"#)
        return workspace
    }

    @Test("an image at a URL or a path of the writer's computer (from the root, the home folder, a drive, a file: URL) is a warning of check, saying what to write instead; an image written in code is none")
    func imagesOutsideTheWorkspaceAreSaid() throws {
        let workspace = try Self.caseAndOther()
        try workspace.writeBytes("case/notes/images/kit.png", Self.png)
        try workspace.writeBytes("other/notes/theirs.png", Self.png)
        try workspace.write("case/notes/01-shots.md", """
            # Shots

            ![desktop](/tmp/shot.png) ![home](~/Pictures/shot.png) ![drive](C:\\Users\\me\\shot.png) ![url](file:///tmp/shot.png)

            ![remote](https://cdn.example/track.png) ![rooted](/case/notes/images/kit.png) ![shown](images/kit.png) ![](https://cdn.example/bare.png)

            `![in code](https://cdn.example/code.png)`

            ![missing](/case/notes/images/gone.png) ![theirs](/other/notes/theirs.png)

            """)
        let findings = workspace.check().filter { $0.code == BrokenLinkRule.imageCode || $0.code == BrokenLinkRule.code }
        let reasons = findings.map { finding in
            (finding.message.components(separatedBy: " is not shown")[0], finding.message.components(separatedBy: "description: ").last ?? "")
        }
        let computer = NoteImages.Problem.onComputer.reason
        #expect(reasons.map(\.0) == ["desktop", "home", "drive", "url", "remote", "rooted", "bare", "missing", "theirs"].map { name in
            "the image " + ["desktop": "/tmp/shot.png", "home": "~/Pictures/shot.png", "drive": "C:\\Users\\me\\shot.png", "url": "file:///tmp/shot.png",
                            "remote": "https://cdn.example/track.png", "rooted": "/case/notes/images/kit.png", "bare": "https://cdn.example/bare.png",
                            "missing": "/case/notes/images/gone.png", "theirs": "/other/notes/theirs.png"][name]!
        }, "\(findings.map(\.message))")
        #expect(reasons.map(\.1) == [computer, computer, computer, computer, NoteImages.Problem.elsewhere.reason,
                                     "a path from the root is not followed (a git host reads it from the repository's root, which may not be the workspace's); write it from the note's folder: images/kit.png",
                                     NoteImages.Problem.elsewhere.reason,
                                     // The project's own, though missing: the path from the note; another project's, shown by no report of this one.
                                     "a path from the root is not followed (a git host reads it from the repository's root, which may not be the workspace's); write it from the note's folder: images/gone.png",
                                     NoteImages.Problem.outsideProject.reason])
        #expect(findings.allSatisfy { $0.severity == .warning && $0.code == BrokenLinkRule.imageCode })
        #expect(findings.first?.location?.position == SourcePosition(line: 3, column: 12))
        // Only the project's image is shown; a URL's is a link, which loads nothing, or its
        // address (defanged, as an address in text is) when it has no description.
        let html = try Self.report(workspace.root, "case", .html)
        #expect(html.components(separatedBy: "<img ").count - 1 == 1 && !html.contains("src=\"https://cdn"))
        #expect(html.contains(#"<a href="https://cdn.example/track.png">remote</a>"#))
        #expect(html.contains(#"alt="shown" /> hxxps://cdn[.]example/bare.png</p>"#), "\(html)")
    }

    @Test("only the project's own PNG, JPEG, GIF or WebP images of 5 MB at most are shown; check says why another is not")
    func whatIsShown() throws {
        let workspace = try Self.caseAndOther()
        try workspace.writeBytes("case/notes/shots/ok.png", Self.png)
        try workspace.writeBytes("case/notes/shots/photo.JPG", TestImages.jpeg())
        try workspace.writeBytes("case/notes/shots/anim.gif", TestImages.gif())
        try workspace.writeBytes("case/notes/shots/page.webp", TestImages.webp())
        try workspace.writeBytes("case/notes/shots/cut.png", Array(Self.png.dropLast(12)))
        try workspace.write("case/notes/shots/fake.png", "<script>alert(1)</script>")
        try workspace.writeBytes("case/notes/shots/huge.png", Self.png + Array(repeating: 0, count: NoteImages.maximumBytes))
        try workspace.writeBytes("other/notes/secret.png", TestImages.png(shade: 1))
        try FileManager.default.createSymbolicLink(atPath: workspace.path("case/notes/shots/linked.png"), withDestinationPath: workspace.path("other/notes/secret.png"))
        // Links Foundation's resolver gives up on (over 1,026 bytes, or over 20 links) and the
        // system still follows out of the project.
        try FileManager.default.createSymbolicLink(atPath: workspace.path("case/notes/shots/padded.png"),
            withDestinationPath: String(repeating: "./", count: 600) + "../../../other/notes/secret.png")
        try FileManager.default.createSymbolicLink(atPath: workspace.path("case/notes/shots/chain0.png"), withDestinationPath: "../../../other/notes/secret.png")
        for link in 1...25 {
            try FileManager.default.createSymbolicLink(atPath: workspace.path("case/notes/shots/chain\(link).png"), withDestinationPath: "chain\(link - 1).png")
        }
        try workspace.write("case/notes/01-shots.md", """
            # Shots

            ![ok](shots/ok.png) ![photo](shots/photo.JPG) ![anim](<shots/anim.gif>) ![page][webp]

            ![fake](shots/fake.png) ![huge](shots/huge.png) ![theirs](../../other/notes/secret.png) ![linked](shots/linked.png)

            ![padded](shots/padded.png) ![chain](shots/chain25.png) ![cut](shots/cut.png) and a link, not an image: [full size](shots/huge.png)

            [webp]: shots/page.webp

            """)
        let html = try Self.report(workspace.root, "case", .html)
        for (alt, type) in [("ok", "png"), ("photo", "jpeg"), ("anim", "gif"), ("page", "webp")] {
            #expect(html.contains(#"<img src="data:image/\#(type);base64,"#) && html.contains(#"alt="\#(alt)""#), "\(alt)")
        }
        #expect(html.components(separatedBy: "<img ").count - 1 == 4)
        let secret = Data(TestImages.png(shade: 1)).base64EncodedString()
        #expect(!html.contains(secret) && !html.contains("PHNjcmlwdD"), "no other project's image, and no file that is no image")
        for alt in ["fake", "huge", "theirs", "linked", "padded", "chain", "cut"] { #expect(html.contains(alt)) }

        let findings = workspace.check().filter { $0.code == BrokenLinkRule.imageCode }
        #expect(findings.count == 7, "\(findings.map(\.message))")
        let messages = findings.map(\.message).joined(separator: "\n")
        #expect(messages.contains("the image shots/fake.png is not shown in reports (HTML or Markdown), only its description: it is not a PNG, JPEG, GIF or WebP image"))
        #expect(messages.contains("shots/huge.png") && messages.contains("5.1 MB, and a report holds images of 5 MB at most"))
        #expect(messages.contains("../../other/notes/secret.png") && messages.contains("shots/linked.png"))
        #expect(messages.contains("shots/padded.png") && messages.contains("shots/chain25.png"))
        #expect(messages.contains("the image shots/cut.png is not shown in reports (HTML or Markdown), only its description: the image is damaged or cut off"), "\(messages)")
        #expect(messages.components(separatedBy: "not a file of this project").count - 1 == 4)
        #expect(findings.allSatisfy { $0.severity == .warning && $0.location?.path.hasSuffix("01-shots.md") == true })
    }

    @Test("what an image's file says besides its pixels is in no report or site (PNG text and colour profile, a JPEG's Exif but its orientation, XMP, comment, thumbnail and trailing bytes, a GIF's comment and XMP, a WebP's EXIF and XMP); what draws it is kept as it was")
    func metadataIsNotPublished() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("case", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [] }"#)
        let secret = "GPS 48.8566N analyst jdoe at SECRETMARK"
        let images: [(file: String, bytes: [UInt8])] = [
            ("a.png", TestImages.png(text: [secret], profile: secret)), ("b.jpg", TestImages.jpeg(orientation: 6, exif: secret, comment: secret, thumbnail: secret)),
            ("c.gif", TestImages.gif(comment: secret, xmp: secret, plainText: secret)), ("d.webp", TestImages.webp(exif: secret)),
        ]
        for image in images { try workspace.writeBytes("case/notes/" + image.file, image.bytes) }
        try workspace.write("case/notes/01-shots.md", images.map { "![\($0.file)](\($0.file))\n" }.joined(separator: "\n"))
        let html = try Self.report(workspace.root, "case", .html, .public)
        let shown = html.components(separatedBy: "base64,").dropFirst().compactMap { Data(base64Encoded: String($0.prefix(while: { $0 != "\"" }))) }
        #expect(shown.count == 4 && !shown.contains { $0.range(of: Data("SECRETMARK".utf8)) != nil }, "\(shown.count)")
        // The pixels are the same: the PNG as it is without its text, the JPEG's scan, the GIF's
        // frame and loop, the WebP's image.
        #expect(shown.first == Data(TestImages.png()), "the profile dropped: its text is no one's")
        #expect(shown[1].range(of: Data([0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9])) != nil && shown[1].suffix(2) == Data([0xFF, 0xD9]))
        #expect(shown[1].range(of: Data("Exif\u{0}\u{0}MM\u{0}*".utf8)) != nil, "the orientation alone, rewritten")
        #expect(shown[2] == Data(TestImages.gif()))
        #expect(shown.count == 4 && shown[3].count == TestImages.webp().count + 18 && shown[3][20] == 0, "VP8X stays, its EXIF and XMP flags off")
        let out = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: out + "/site")
        let site = SiteFiles(out + "/site")
        #expect(site.files.count { $0.contains("/images/") } == 4)
        #expect(!site.files.contains { site.bytes($0).range(of: Data("SECRETMARK".utf8)) != nil })
        // Check says nothing of it: nothing is wrong.
        #expect(workspace.check().filter { $0.code == BrokenLinkRule.imageCode }.isEmpty)
    }

    @Test("a public site shows the images of public notes and none of a private note's")
    func publicSite() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("case", visibility: "public", tlp: "clear", indicators: #"{ "indicators": [] }"#)
        try workspace.writeBytes("case/notes/public.png", TestImages.png(shade: 0x11))
        try workspace.writeBytes("case/notes/private.png", TestImages.png(shade: 0x22))
        try workspace.write("case/notes/01-public.md", "# Public\n\n![shown](public.png)\n")
        try workspace.write("case/notes/02-private.md", "---\nvisibility: private\n---\n# Private\n\n![kept](private.png)\n")
        let out = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try SiteBuild.run(root: workspace.root, audience: .public, out: out + "/site")
        let site = SiteFiles(out + "/site")
        let all = site.files.map { String(decoding: site.bytes($0), as: UTF8.self) }.joined()
        #expect(all.contains(Data(TestImages.png(shade: 0x11)).base64EncodedString()))
        #expect(!all.contains(Data(TestImages.png(shade: 0x22)).base64EncodedString()))
        // report.md links a copy beside it, named by its content; the private note's is not there.
        let markdown = String(decoding: site.bytes("projects/case/report.md"), as: UTF8.self)
        let copy = "images/" + SHA256.hex(TestImages.png(shade: 0x11)).prefix(32) + ".png"
        #expect(markdown.contains("![shown](\(copy))"), "\(markdown)")
        #expect(site.bytes("projects/case/" + copy) == Data(TestImages.png(shade: 0x11)))
        #expect(site.files.filter { $0.contains("/images/") } == ["projects/case/" + copy])
        #expect(!site.files.contains { site.bytes($0) == Data(TestImages.png(shade: 0x22)) })
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: out + "/internal")
        let internalSite = SiteFiles(out + "/internal")
        let internalText = internalSite.files.map { String(decoding: internalSite.bytes($0), as: UTF8.self) }.joined()
        #expect(internalText.contains(Data(TestImages.png(shade: 0x22)).base64EncodedString()))
        #expect(internalSite.files.filter { $0.contains("/images/") }.count == 2)
        #expect(internalSite.files.contains { internalSite.bytes($0) == Data(TestImages.png(shade: 0x22)) })
    }

    @Test("two files of the same bytes are one copy in a site, which report.md links for both; a rebuild reuses it")
    func oneCopyPerContent() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("case", visibility: "public", tlp: "clear")
        try workspace.writeBytes("case/notes/a.png", Self.png)
        try workspace.writeBytes("case/notes/a-copy.png", Self.png)
        try workspace.write("case/notes/01-shots.md", "# Shots\n\n![first](a.png) ![second](a-copy.png)\n")
        let out = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let first = try SiteBuild.run(root: workspace.root, audience: .public, out: out + "/site")
        let copy = "images/" + SHA256.hex(Self.png).prefix(32) + ".png"
        #expect(first.files.filter { $0.contains("/images/") } == ["projects/case/" + copy])
        let markdown = String(decoding: SiteFiles(out + "/site").bytes("projects/case/report.md"), as: UTF8.self)
        #expect(markdown.contains("![first](\(copy)) ![second](\(copy))"), "\(markdown)")
        let again = try SiteBuild.run(root: workspace.root, audience: .public, out: out + "/site")
        #expect(again.files == first.files && again.reused == again.files.count - 1)
    }

    @Test("an image added after a build that found it missing is shown by the next build, as by a clean one")
    func imageAddedLater() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("case", indicators: #"{ "indicators": [] }"#)
        try workspace.write("case/notes/01-shot.md", "# Shot\n\n![the panel](shot.png)\n")
        let out = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let cache = ProjectCache(base: out + "/cache", root: workspace.root)
        let before = try SiteBuild.run(root: workspace.root, audience: .internal, out: out + "/site", cache: cache)
        #expect(before.warnings.contains { $0.code == BrokenLinkRule.code })
        try workspace.writeBytes("case/notes/shot.png", Self.png)
        let after = try SiteBuild.run(root: workspace.root, audience: .internal, out: out + "/site", cache: cache)
        #expect(after.reused > 0 && after.warnings.isEmpty)
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: out + "/clean", incremental: false)
        let (site, clean) = (SiteFiles(out + "/site"), SiteFiles(out + "/clean"))
        #expect(site.files == clean.files)
        for path in clean.files { #expect(site.bytes(path) == clean.bytes(path), "\(path)") }
        let page = String(decoding: site.bytes("projects/case/index.html"), as: UTF8.self)
        #expect(page.contains(#"<img src="data:image/png;base64,\#(Data(Self.png).base64EncodedString())" alt="the panel" />"#))
        // The note now shows another image: what the cache kept of the note's images is of its
        // old text, and is not taken.
        try workspace.writeBytes("case/notes/other.png", TestImages.png(shade: 9))
        try workspace.write("case/notes/01-shot.md", "# Shot\n\n![the panel](other.png)\n")
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: out + "/site", cache: cache)
        let changed = String(decoding: SiteFiles(out + "/site").bytes("projects/case/index.html"), as: UTF8.self)
        #expect(changed.contains(Data(TestImages.png(shade: 9)).base64EncodedString()))
        // And a rebuild with nothing changed takes the kept images, and reuses the page.
        let again = try SiteBuild.run(root: workspace.root, audience: .internal, out: out + "/site", cache: cache)
        #expect(again.reused == again.files.count - 1, "all but the site's machine-readable index, made each time")
    }

    @Test("a report holds 25 MB of images at most; check names the first image left out")
    func reportBudget() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("case", indicators: #"{ "indicators": [] }"#)
        let size = 4 * 1024 * 1024
        try workspace.writeBytes("case/notes/big.png", Self.png + Array(repeating: 7, count: size - Self.png.count))
        try workspace.write("case/notes/01-many.md", (1...7).map { "![shot \($0)](big.png)\n" }.joined(separator: "\n"))
        let html = try Self.report(workspace.root, "case", .html)
        // Six of four MB fit in 25 MB; the seventh is shown as its description.
        #expect(html.components(separatedBy: "<img ").count - 1 == 6)
        #expect(html.contains("<p>shot 7</p>"))
        let findings = workspace.check().filter { $0.code == BrokenLinkRule.imageCode }
        #expect(findings.map(\.message) == ["the image big.png is not shown in reports (HTML or Markdown), only its description: the report's images before it take 24.0 MB, and a report holds 25 MB of images at most"])
        #expect(findings.first?.location?.position.line == 13)
    }

    @Test("an image written in any form libcmark reads is part of its page's key: a changed file makes the page again")
    func keyCoversEveryForm() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("case", indicators: #"{ "indicators": [] }"#)
        let forms = ["entity": "![a](entity&#46;png)", "spaced": "![b]( spaced.png)", "quoted": "> [q]: quoted.png\n\n![c][q]",
                     "heading": "## Head\n[h]: heading.png\n\n![d][h]", "amp": "![e](R&amp;D.png)"]
        let files = ["entity": "entity.png", "spaced": "spaced.png", "quoted": "quoted.png", "heading": "heading.png", "amp": "R&D.png"]
        for (_, file) in files { try workspace.writeBytes("case/notes/" + file, TestImages.png(shade: 0)) }
        try workspace.write("case/notes/01-forms.md", "# Forms\n\n" + forms.keys.sorted().map { forms[$0]! }.joined(separator: "\n\n") + "\n")
        let out = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: out) }
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: out + "/site")
        let before = String(decoding: SiteFiles(out + "/site").bytes("projects/case/index.html"), as: UTF8.self)
        #expect(before.components(separatedBy: "<img ").count - 1 == forms.count)
        for (_, file) in files { try workspace.writeBytes("case/notes/" + file, TestImages.png(shade: 1)) }
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: out + "/site")
        _ = try SiteBuild.run(root: workspace.root, audience: .internal, out: out + "/clean", incremental: false)
        let after = String(decoding: SiteFiles(out + "/site").bytes("projects/case/index.html"), as: UTF8.self)
        #expect(after == String(decoding: SiteFiles(out + "/clean").bytes("projects/case/index.html"), as: UTF8.self))
        #expect(after.contains(Data(TestImages.png(shade: 1)).base64EncodedString()) && !after.contains(Data(TestImages.png(shade: 0)).base64EncodedString()))
    }

    @Test("in a Markdown report, an image without a description shows its path, defanged as the rest of the text")
    func markdownPathDefanged() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.addProject("case", indicators: #"{ "indicators": [] }"#)
        try workspace.writeBytes("case/notes/captures/login.evil-example.com/landing.png", Self.png)
        try workspace.write("case/notes/01-capture.md", "# Capture\n\n![](captures/login.evil-example.com/landing.png)\n")
        let markdown = try Self.report(workspace.root, "case", .md)
        // As the same path written in prose is (libcmark escapes the brackets).
        #expect(markdown.contains(#"captures/login\[.\]evil-example\[.\]com/landing.png"#), "\(markdown)")
        #expect(!markdown.contains("login.evil-example.com"))
        #expect(try Self.report(workspace.root, "case", .html).contains("<img src=\"data:image/png;base64,"))
    }
}
