import DossierCore

/// Makes valid, normalized indicator values that never collide: each value is built from a number
/// `n` that is unique across the workspace (even for unique values, odd for shared ones), so two
/// indicators get the same value only when the generator means them to.
enum IndicatorValues {
    /// The type mix, in percent: network indicators and hashes dominate, as in real case files.
    static let mix: [(IndicatorType, Int)] = [
        (.ipv4, 20), (.domain, 19), (.url, 14), (.sha256, 10), (.md5, 8), (.sha1, 6), (.email, 6), (.ipv6, 5),
        (.sha512, 2), (.asn, 2), (.cve, 3), (.filename, 3), (.mutex, 2),
    ]

    static func type(_ random: inout SeededRandom) -> IndicatorType {
        var roll = random.below(100)
        for (type, share) in mix {
            if roll < share { return type }
            roll -= share
        }
        return .ipv4
    }

    /// The value of type `type` for number `n`, in normal form (checked with the core's engine, so the
    /// files hold exactly what `dossier fmt` would write).
    static func value(_ type: IndicatorType, number n: Int, random: inout SeededRandom) -> String {
        let raw = rawValue(type, number: n, random: &random)
        switch Indicators.normalize(raw, as: type) {
        case .success(let normal): return normal
        case .failure(let problem): fatalError("generator bug: \(raw) is not a valid \(type.rawValue): \(problem)")
        }
    }

    private static func rawValue(_ type: IndicatorType, number n: Int, random: inout SeededRandom) -> String {
        switch type {
        case .ipv4: return ipv4(n)
        case .ipv6:
            return "2001:db8:\(String(n >> 16, radix: 16)):\(String(n & 0xFFFF, radix: 16))::\(String(1 + n % 250, radix: 16))"
        case .domain: return domain(n, random: &random)
        case .url:
            let host = domain(n, random: &random)
            let path = random.pick(Words.paths) + "/" + random.pick(Words.scripts) + ".php"
            return "https://\(host)/\(path)?id=\(random.between(1, 9999))"
        case .email:
            let name = random.pick(Words.firstNames) + "." + random.pick(Words.lastNames)
            return name + "@" + domain(n, random: &random, prefix: false)
        case .md5: return random.hex(32)
        case .sha1: return random.hex(40)
        case .sha256: return random.hex(64)
        case .sha512: return random.hex(128)
        case .asn: return "AS\(4_200_000_000 + n)"
        case .cve: return "CVE-\(2014 + n % 12)-\(10_000 + n / 12)"
        case .filename: return random.pick(Words.nouns) + "_" + Text.base36(n) + "." + random.pick(Words.fileExtensions)
        case .mutex: return "Global\\" + Text.capitalized(random.pick(Words.adjectives)) + "Mutex" + Text.base36(n)
        default: return "value-\(n)"
        }
    }

    /// Documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24) for the first numbers,
    /// then 10.0.0.0/8, then 100.64.0.0/10: a different address for every `n`.
    static func ipv4(_ n: Int) -> String {
        let documentation = ["192.0.2", "198.51.100", "203.0.113"]
        if n < 768 { return "\(documentation[n / 256]).\(n % 256)" }
        var m = n - 768
        if m < 1 << 24 { return "10.\(m >> 16).\(m >> 8 & 255).\(m & 255)" }
        m -= 1 << 24
        return "100.\(64 + (m >> 16 & 63)).\(m >> 8 & 255).\(m & 255)"
    }

    /// `[prefix.]word-<n in base 36>.example|test`: the number makes it unique whatever the words.
    static func domain(_ n: Int, random: inout SeededRandom, prefix: Bool = true) -> String {
        let label = random.pick(Words.adjectives) + random.pick(Words.nouns) + "-" + Text.base36(n)
        let top = random.percent(70) ? "example" : "test"
        let host = prefix && random.percent(40) ? random.pick(Words.hostPrefixes) + "." : ""
        return host + label + "." + top
    }
}
