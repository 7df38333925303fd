/// How two values of one type sort, in canonical files, reports and listings alike: addresses and
/// networks by their numbers (`192.0.2.9` before `192.0.2.10`, as every network tool lists them),
/// AS numbers and CVE ids by their numbers (`AS9` before `AS10`, `CVE-2024-9999` before
/// `CVE-2024-10000`), everything else by its UTF-8 bytes. A value that does not read as its type
/// (one `check` refuses) sorts after those that do, by its bytes, so the order stays total.
enum ValueOrder {
    static func precedes(_ a: String, _ b: String, type: IndicatorType) -> Bool {
        guard type.sortsByNumber else { return utf8Precedes(a, b) }
        return precedes(a, numbers(of: a, type: type), b, numbers(of: b, type: type))
    }

    /// The same, given the numbers of both (`numbers(of:type:)`), for a sort that reads each
    /// value's once rather than at each comparison.
    static func precedes(_ a: String, _ x: Numbers?, _ b: String, _ y: Numbers?) -> Bool {
        switch (x, y) {
        case let (x?, y?): x != y ? x < y : utf8Precedes(a, b)
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): utf8Precedes(a, b)
        }
    }

    /// A value as the numbers it sorts by, most significant first.
    struct Numbers: Comparable {
        var first: UInt64 = 0, second: UInt64 = 0, third: UInt64 = 0, fourth: UInt64 = 0
        static func < (x: Self, y: Self) -> Bool { (x.first, x.second, x.third, x.fourth) < (y.first, y.second, y.third, y.fourth) }
    }

    /// The numbers `value` sorts by, nil when its type sorts by bytes or it does not read as one.
    static func numbers(of value: String, type: IndicatorType) -> Numbers? {
        switch type {
        case .ipv4:
            guard case .success(let address) = IPv4Address.parse(value) else { return nil }
            return Numbers(first: UInt64(address.value))
        case .ipv6:
            guard case .success(let address) = IPv6Address.parse(value) else { return nil }
            return Numbers(first: address.hi, second: address.lo)
        case .cidr:
            // IPv4 networks first, each by its address, then its prefix (a wider block first).
            switch CIDRBlock.parse(value) {
            case .success(.v4(let network, let prefix)): return Numbers(first: 0, second: 0, third: UInt64(network.value), fourth: UInt64(prefix))
            case .success(.v6(let network, let prefix)): return Numbers(first: 1, second: network.hi, third: network.lo, fourth: UInt64(prefix))
            case .failure: return nil
            }
        case .asn:
            // `AS64500`.
            guard value.utf8.starts(with: "as".utf8, by: { $0 | 0x20 == $1 }), let number = decimal(value.utf8.dropFirst(2)) else { return nil }
            return Numbers(first: number)
        case .cve:
            // `CVE-YYYY-NNNN...`: the year, then the number.
            let parts = value.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].elementsEqual("cve".utf8, by: { $0 | 0x20 == $1 }),
                  let year = decimal(parts[1]), let number = decimal(parts[2]) else { return nil }
            return Numbers(first: year, second: number)
        default:
            return nil
        }
    }

    /// The number `digits` write in decimal, or nil if they are not all digits or overflow.
    private static func decimal(_ digits: Substring.UTF8View) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var number: UInt64 = 0
        for digit in digits {
            guard IndicatorBytes.isDigit(digit) else { return nil }
            number = number * 10 + UInt64(digit &- 0x30)
        }
        return number
    }
}

extension IndicatorType {
    /// Types whose values sort by the numbers they write (`ValueOrder`).
    var sortsByNumber: Bool {
        switch self {
        case .ipv4, .ipv6, .cidr, .asn, .cve: true
        default: false
        }
    }
}
