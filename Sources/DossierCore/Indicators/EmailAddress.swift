/// Validation and normal form of e-mail addresses: `local@domain`, both parts lower-cased, the local part a
/// dot-atom (RFC 5322 §3.4.1; quoted local parts are not accepted), the domain a valid domain name.
enum EmailAddress {
    /// Characters of an RFC 5322 `atext`, besides letters and digits.
    private static func isAtextSymbol(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"),
             UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"),
             UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    static func normalize(_ value: String) -> Result<String, IndicatorProblem> {
        IndicatorBytes.withBytes(value) { bytes -> Result<String, IndicatorProblem> in
            guard let at = bytes.lastIndex(of: IndicatorBytes.at) else {
                return .failure(IndicatorProblem("'\(value)' is not an e-mail address: it has no '@'"))
            }
            let local = 0..<at
            if local.isEmpty { return .failure(IndicatorProblem("'\(value)' has nothing before the '@'")) }
            if at + 1 == bytes.count { return .failure(IndicatorProblem("'\(value)' has nothing after the '@'")) }
            if bytes[0] == UInt8(ascii: "\"") {
                return .failure(IndicatorProblem("'\(value)' has a quoted local part, which dossier does not accept"))
            }
            if local.count > 64 {
                return .failure(IndicatorProblem("the part before '@' in '\(value)' is \(local.count) characters long; it has at most 64"))
            }
            var changed = false
            var nonASCII = false
            for i in local {
                let b = bytes[i]
                if b == IndicatorBytes.dot {
                    if i == 0 || i == at - 1 || bytes[i - 1] == IndicatorBytes.dot {
                        return .failure(IndicatorProblem("the part before '@' in '\(value)' cannot start or end with a dot or have two in a row"))
                    }
                } else if IndicatorBytes.isUpper(b) {
                    changed = true
                } else if b >= 0x80 {
                    nonASCII = true
                } else if !(IndicatorBytes.isAlphanumeric(b) || isAtextSymbol(b)) {
                    let shown = b == IndicatorBytes.space ? "a space" : "'\(Character(Unicode.Scalar(b)))'"
                    return .failure(IndicatorProblem("the part before '@' in '\(value)' contains \(shown), which an address cannot hold unquoted"))
                }
            }
            let domainText = IndicatorBytes.string(bytes, at + 1..<bytes.count)
            if domainText.hasPrefix("[") {
                return .failure(IndicatorProblem("'\(value)' has an address literal after '@'; dossier accepts only domain names there"))
            }
            let domain: String
            switch DomainName.normalize(domainText) {
            case .failure(let problem): return .failure(problem)
            case .success(let normal): domain = normal
            }
            if !changed && !nonASCII && domain == domainText { return .success(value) }
            let localText = IndicatorBytes.string(bytes, local)
            return .success((nonASCII ? localText.lowercased() : IndicatorBytes.lowercased(bytes, local)) + "@" + domain)
        }
    }
}
