/// An IPv4 address in dotted-quad form, the only form `dossier` accepts.
///
/// Decision: an octet written with a leading zero (`010.1.1.1`) is rejected, not normalized, because tools
/// disagree on it (`inet_aton` reads it as octal 8, most parsers as decimal 10), so the analyst must say which.
struct IPv4Address: Equatable {
    var value: UInt32

    /// Parses `bytes[range]`; the problem message names the offending part.
    static func parse(_ bytes: IndicatorBytes.Bytes, _ range: Range<Int>) -> Result<IPv4Address, IndicatorProblem> {
        var value: UInt32 = 0
        var parts = 0
        var start = range.lowerBound
        var i = range.lowerBound
        while true {
            let atEnd = i == range.upperBound
            if atEnd || bytes[i] == IndicatorBytes.dot {
                parts += 1
                if parts > 4 { return .failure(partCount(bytes, range)) }
                if start == i {
                    return .failure(IndicatorProblem("'\(IndicatorBytes.string(bytes, range))' has an empty part; an IPv4 address is four numbers 0-255 separated by dots"))
                }
                let digits = start..<i
                if digits.count > 3 {
                    return .failure(IndicatorProblem("\(IndicatorBytes.string(bytes, digits)) is not an IPv4 octet (0-255)"))
                }
                var octet: UInt32 = 0
                for k in digits { octet = octet * 10 + UInt32(bytes[k] &- 0x30) }
                if octet > 255 {
                    return .failure(IndicatorProblem("\(octet) is not an IPv4 octet (0-255)"))
                }
                if digits.count > 1 && bytes[start] == UInt8(ascii: "0") {
                    return .failure(IndicatorProblem("'\(IndicatorBytes.string(bytes, digits))' in '\(IndicatorBytes.string(bytes, range))' has a leading zero, which some tools read as octal; write \(octet) if it is decimal"))
                }
                value = value << 8 | octet
                if atEnd { break }
                start = i + 1
            } else if !IndicatorBytes.isDigit(bytes[i]) {
                return .failure(IndicatorProblem("'\(IndicatorBytes.string(bytes, range))' is not an IPv4 address (four numbers 0-255 separated by dots)"))
            }
            i += 1
        }
        if parts != 4 { return .failure(partCount(bytes, range)) }
        return .success(IPv4Address(value: value))
    }

    static func parse(_ string: String) -> Result<IPv4Address, IndicatorProblem> {
        IndicatorBytes.withBytes(string) { parse($0, 0..<$0.count) }
    }

    private static func partCount(_ bytes: IndicatorBytes.Bytes, _ range: Range<Int>) -> IndicatorProblem {
        var parts = 1
        for i in range where bytes[i] == IndicatorBytes.dot { parts += 1 }
        return IndicatorProblem("an IPv4 address has four parts separated by dots; '\(IndicatorBytes.string(bytes, range))' has \(parts)")
    }

    /// Dotted-quad text, without leading zeros.
    var description: String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }
}
