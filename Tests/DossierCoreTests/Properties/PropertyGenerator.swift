import DossierTestSupport
import Foundation
@testable import DossierCore

/// Seeded generator of property-test inputs (SplitMix64): the same seed gives the same inputs on
/// every machine, so a failing case is replayed by its seed.
struct PropertyGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { random.int(range) }
    mutating func chance(_ percent: Int) -> Bool { random.chance(percent) }
    mutating func pick<T>(_ items: [T]) -> T { random.pick(items) }

    mutating func string(from alphabet: String, length: ClosedRange<Int>) -> String {
        let characters = Array(alphabet)
        return String((0..<int(length)).map { _ in pick(characters) })
    }

    mutating func hex(_ count: Int) -> String { random.hex(count) }

    /// Upper-cases some ASCII letters: values are often written in mixed case.
    mutating func mixedCase(_ text: String) -> String {
        guard chance(50) else { return text }
        return String(text.map { $0.isASCII && $0.isLetter && chance(30) ? Character($0.uppercased()) : $0 })
    }

    // MARK: Indicator values, as a user might write them (valid, but rarely in normal form)

    mutating func label() -> String {
        if chance(8) { return pick(["bücher", "пример", "例え", "straße", "café", "xn--bcher-kva"]) }
        let inner = string(from: "abcdefghijklmnopqrstuvwxyz0123456789-", length: 0...14)
        let edge = "abcdefghijklmnopqrstuvwxyz0123456789"
        let trimmed = inner.replacingOccurrences(of: "--", with: "-")
        return string(from: edge, length: 1...1) + trimmed + (trimmed.isEmpty ? "" : string(from: edge, length: 1...1))
    }

    mutating func domain() -> String {
        let labels = (0..<int(1...4)).map { _ in label() }
        let top = pick(["com", "org", "net", "io", "example", "test", "de", "co.uk", "xyz", "info", "рф"])
        return mixedCase(labels.joined(separator: ".") + "." + top) + (chance(10) ? "." : "")
    }

    mutating func ipv4() -> String { (0..<4).map { _ in String(int(0...255)) }.joined(separator: ".") }

    mutating func ipv6() -> String {
        if chance(10) { return "::ffff:" + ipv4() }
        var groups = (0..<8).map { _ in chance(30) ? "0" : String(int(0...0xFFFF), radix: 16) }
        if chance(50) {
            let start = int(0...7)
            for i in start..<min(8, start + int(1...4)) { groups[i] = "0" }
        }
        let text = groups.map { chance(20) ? String(repeating: "0", count: 4 - min(4, $0.count)) + $0 : $0 }.joined(separator: ":")
        return mixedCase(text)
    }

    mutating func indicatorInput(_ type: IndicatorType) -> String {
        switch type {
        case .ipv4: return ipv4()
        case .ipv6: return ipv6()
        case .cidr: return chance(60) ? "\(ipv4())/\(int(0...32))" : "\(ipv6())/\(int(0...128))"
        case .domain: return domain()
        case .url:
            let scheme = pick(["http", "https", "ftp", "HTTPS", "hxxp"])
            let host = chance(70) ? domain() : chance(50) ? ipv4() : "[\(ipv6())]"
            let port = chance(20) ? ":\(int(1...65535))" : ""
            let path = chance(80) ? "/" + (0..<int(0...3)).map { _ in string(from: "abcXYZ019-._~%!$&'()*+,;=:@", length: 0...8) }.joined(separator: "/") : ""
            let query = chance(30) ? "?" + string(from: "abc=&%20+/?.[]", length: 0...12) : ""
            let fragment = chance(10) ? "#" + string(from: "abc.-", length: 0...6) : ""
            return scheme + "://" + host + port + path + query + fragment
        case .email:
            return string(from: "abcdefghijklmnopqrstuvwxyz0123456789", length: 1...1)
                + string(from: "abcdefghijklmnopqrstuvwxyz0123456789._+-", length: 0...10).replacingOccurrences(of: "..", with: ".")
                .trimmingTrailingDots() + "@" + domain()
        case .md5: return mixedCase(hex(32))
        case .sha1, .x509Sha1: return mixedCase(hex(40))
        case .sha256: return mixedCase(hex(64))
        case .sha512: return mixedCase(hex(128))
        case .asn: return pick(["AS", "as", "AS ", "ASN"]) + String(int(0...4_294_967_295))
        case .cve: return pick(["CVE", "cve"]) + "-\(int(1999...2099))-" + String(int(1...9_999_999)).leftPadded(to: 4)
        case .filename: return string(from: "abc XYZ_-.'é😀", length: 1...16) + pick([".exe", ".pdf.js", ".dll", ""])
        case .filepath: return pick(["C:\\Users\\", "/usr/lib/", "%APPDATA%\\", "\\\\server\\share\\"]) + string(from: "abc XYZ_\\/.", length: 1...20)
        case .registryKey: return pick(["HKLM", "HKCU", "HKEY_LOCAL_MACHINE"]) + "\\Software\\" + string(from: "abcXYZ \\_", length: 1...20)
        case .mutex: return pick(["Global\\", "Local\\", ""]) + string(from: "abcXYZ019_-{}", length: 1...20)
        case .userAgent: return "Mozilla/5.0 (" + string(from: "abc XYZ;:/.019", length: 1...30) + ")"
        case .other: return string(from: "abc XYZ:/\\[].@\"'é", length: 1...24)
        }
    }

    /// One of the ways analysts defang a normal value of a network type.
    mutating func defanged(_ value: String, _ type: IndicatorType) -> String {
        guard type.isNetwork else { return value }
        var text = value
        if type == .ipv4 || type == .domain || type == .url || (type == .cidr && !value.contains(":")) {
            let dot = pick(["[.]", "(.)", "{.}", "[dot]", "(dot)", "\\."])
            if type == .url, let range = text.range(of: "://") {
                let rest = text[range.upperBound...]
                let hostEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
                text = String(text[..<range.upperBound]) + rest[..<hostEnd].replacingOccurrences(of: ".", with: dot) + rest[hostEnd...]
            } else {
                text = text.replacingOccurrences(of: ".", with: dot)
            }
        }
        if type == .url {
            text = text.replacingOccurrences(of: "http", with: pick(["hxxp", "hXXp", "http"]), options: .anchored)
            if chance(30) { text = text.replacingOccurrences(of: "://", with: pick(["[://]", "[:]//"])) }
        }
        if type == .email, let at = value.lastIndex(of: "@") {
            // Only the domain's dots are defanged: analysts leave the user part as it is.
            let domain = defanged(String(value[value.index(after: at)...]), .domain)
            text = String(value[..<at]) + pick(["[@]", "(@)", "[at]", "(at)", "@"]) + domain
        }
        return text
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
    func trimmingTrailingDots() -> String {
        var text = self
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
