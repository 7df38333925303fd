/// Hashes, AS numbers, CVE ids and the free-form types.
extension Indicators {
    /// Number of hex digits of each hash type.
    static func hexLength(of type: IndicatorType) -> Int? {
        switch type {
        case .md5: 32
        case .sha1, .x509Sha1: 40
        case .sha256: 64
        case .sha512: 128
        default: nil
        }
    }

    /// The hash type written with `count` hex digits (sha1, never x509-sha1, for 40).
    static func hashType(hexDigits count: Int) -> IndicatorType? {
        switch count {
        case 32: .md5
        case 40: .sha1
        case 64: .sha256
        case 128: .sha512
        default: nil
        }
    }

    /// Lower-case hex of the expected length. An x509-sha1 may also be written as colon-separated byte
    /// pairs (`AB:CD:...`), as `openssl x509 -fingerprint` prints it.
    static func normalizeHash(_ value: String, as type: IndicatorType, length: Int) -> Result<String, IndicatorProblem> {
        IndicatorBytes.withBytes(value) { bytes -> Result<String, IndicatorProblem> in
            if type == .x509Sha1 && bytes.count == 59 && bytes[2] == IndicatorBytes.colon {
                let digits = value.utf8.filter { $0 != IndicatorBytes.colon }
                let joined = String(decoding: digits, as: UTF8.self)
                var pairs = true
                for i in stride(from: 2, to: 59, by: 3) where bytes[i] != IndicatorBytes.colon { pairs = false }
                if pairs && digits.count == 40 { return normalizeHash(joined, as: .sha1, length: 40) }
            }
            var changed = false
            for (i, b) in bytes.enumerated() {
                guard IndicatorBytes.hexValue(b) != nil else {
                    let shown = b < 0x80 ? "'\(Character(Unicode.Scalar(b)))'" : "a non-ASCII character"
                    return .failure(IndicatorProblem("'\(value)' is not \(type.withArticle) hash: \(shown) at position \(i + 1) is not a hex digit"))
                }
                if IndicatorBytes.isUpper(b) { changed = true }
            }
            if bytes.count != length {
                var message = "\(type.withArticle) hash has \(length) hex digits; '\(value)' has \(bytes.count)"
                if let other = hashType(hexDigits: bytes.count) { message += " (\(other.withArticle)?)" }
                return .failure(IndicatorProblem(message))
            }
            return .success(changed ? IndicatorBytes.lowercased(bytes, 0..<bytes.count) : value)
        }
    }

    /// `AS64500`. Accepts `as64500`, `ASN64500`, `AS 64500`, `AS-64500`, a bare number, and the asdot form
    /// `AS1.10` (RFC 5396, = AS65546). Leading zeros are dropped.
    static func normalizeASN(_ value: String) -> Result<String, IndicatorProblem> {
        IndicatorBytes.withBytes(value) { bytes -> Result<String, IndicatorProblem> in
            var i = 0
            if IndicatorBytes.matches(bytes, at: 0, "asn") { i = 3 } else if IndicatorBytes.matches(bytes, at: 0, "as") { i = 2 }
            if i > 0 && i < bytes.count && (bytes[i] == IndicatorBytes.space || bytes[i] == IndicatorBytes.hyphen) { i += 1 }
            let digits = i..<bytes.count
            let invalid = IndicatorProblem("'\(value)' is not an AS number (written like AS64500)")
            guard !digits.isEmpty else { return .failure(invalid) }
            var number: UInt64 = 0
            var high: UInt64? = nil
            for k in digits {
                let b = bytes[k]
                if b == IndicatorBytes.dot && high == nil && k > i && k + 1 < bytes.count {
                    high = number
                    number = 0
                    continue
                }
                guard IndicatorBytes.isDigit(b) else { return .failure(invalid) }
                number = number * 10 + UInt64(b &- 0x30)
                if number > 99_999_999_999 { break }
            }
            if let high {
                guard high <= 65535, number <= 65535 else {
                    return .failure(IndicatorProblem("'\(value)' is not an AS number: each half of the asdot form is at most 65535"))
                }
                number = high << 16 | number
            }
            if number > UInt64(UInt32.max) {
                return .failure(IndicatorProblem("\(IndicatorBytes.string(bytes, digits)) is beyond the largest AS number (4294967295)"))
            }
            let normal = "AS" + String(number)
            return .success(normal == value ? value : normal)
        }
    }

    /// `CVE-YYYY-NNNN`: upper-case, a four-digit year from 1999, a sequence of at least four digits.
    static func normalizeCVE(_ value: String) -> Result<String, IndicatorProblem> {
        IndicatorBytes.withBytes(value) { bytes -> Result<String, IndicatorProblem> in
            let invalid = IndicatorProblem("'\(value)' is not a CVE id (written CVE-YYYY-NNNN, with a four-digit year and four to fifteen digits after it)")
            guard bytes.count >= 13, bytes.count <= 24, IndicatorBytes.matches(bytes, at: 0, "cve-"), bytes[8] == IndicatorBytes.hyphen,
                  IndicatorBytes.all(bytes, 4..<8, IndicatorBytes.isDigit), IndicatorBytes.all(bytes, 9..<bytes.count, IndicatorBytes.isDigit) else {
                return .failure(invalid)
            }
            var year = 0
            for i in 4..<8 { year = year * 10 + Int(bytes[i] &- 0x30) }
            if year < 1999 { return .failure(IndicatorProblem("'\(value)' has the year \(year); CVE ids start in 1999")) }
            // A number is written with four digits at least, and no leading zero past them
            // (`CVE-2024-01234` is CVE-2024-1234): one id, one spelling.
            var number = 9
            while bytes.count - number > 4 && bytes[number] == UInt8(ascii: "0") { number += 1 }
            if number == 9 && bytes[0] == UInt8(ascii: "C") && bytes[1] == UInt8(ascii: "V") && bytes[2] == UInt8(ascii: "E") {
                return .success(value)
            }
            return .success("CVE" + IndicatorBytes.string(bytes, 3..<9) + IndicatorBytes.string(bytes, number..<bytes.count))
        }
    }

    /// File names, paths, registry keys, mutexes, user agents and `other` are kept as written; they only must
    /// not be empty or span lines.
    static func normalizeFreeForm(_ value: String, as type: IndicatorType) -> Result<String, IndicatorProblem> {
        IndicatorBytes.withBytes(value) { bytes -> Result<String, IndicatorProblem> in
            for b in bytes where b == 0x0A || b == 0x0D || b == 0 {
                return .failure(IndicatorProblem("\(type.withArticle) value must fit on one line"))
            }
            return .success(value)
        }
    }
}
