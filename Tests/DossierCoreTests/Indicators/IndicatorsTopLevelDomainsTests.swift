import Testing
@testable import DossierCore

@Suite("Top-level domains")
struct IndicatorsTopLevelDomainsTests {
    @Test func holdsTheICANNNamesAndTheReservedOnes() {
        let names = Indicators.topLevelDomains
        #expect(names.count > 1400)
        for name in ["com", "net", "org", "de", "uk", "ru", "cn", "onion", "xyz", "top", "zip", "example", "test",
                     "xn--p1ai", "xn--fiqs8s"] {
            #expect(names.contains(name), "\(name)")
        }
        for name in ["pdf", "exe", "json", "local", "internal", "corp", "lan", "xn--zckzah"] {
            #expect(!names.contains(name), "\(name)")
        }
        for name in Indicators.topLevelDomains {
            #expect(name == name.lowercased() && name.utf8.allSatisfy { $0 < 0x80 } && !name.contains("."), "\(name)")
        }
    }

    @Test("common file extensions are no top-level domain", arguments: [
        "exe", "dll", "pdf", "doc", "docx", "xls", "xlsx", "json", "html", "htm", "txt", "csv", "js", "jpg", "png",
        "gif", "ps1", "vbs", "bat", "lnk", "hta", "iso", "img", "msi", "rar", "gz", "7z", "jar", "apk", "scr",
        "php", "asp", "jsp", "log", "tmp", "dat", "bin", "ini", "cfg", "xml", "yml", "yaml", "eml", "py3",
    ])
    func fileExtensions(_ name: String) {
        #expect(!Indicators.topLevelDomains.contains(name))
    }

    @Test("the file-extension top-level domains are real ones", arguments: Array(Indicators.fileExtensionTopLevels))
    func fileExtensionTopLevels(_ name: String) {
        #expect(Indicators.topLevelDomains.contains(name))
    }
}
