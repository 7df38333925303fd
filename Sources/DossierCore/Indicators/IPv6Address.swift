/// An IPv6 address as 128 bits (two words, so that it builds for macOS 14, which lacks `UInt128`).
struct IPv6Address: Equatable {
    var hi: UInt64 = 0
    var lo: UInt64 = 0

    /// The 16-bit group at `index` (0 is the leftmost).
    func group(_ index: Int) -> UInt16 {
        let word = index < 4 ? hi : lo
        return UInt16(truncatingIfNeeded: word >> (48 - 16 * (index & 3)))
    }

    /// Shifts in one group at the right.
    mutating func push(_ group: UInt16) {
        hi = hi << 16 | lo >> 48
        lo = lo << 16 | UInt64(group)
    }

    /// The address with only the first `prefix` bits kept (0...128).
    func masked(prefix: Int) -> IPv6Address {
        func mask(_ bits: Int) -> UInt64 { bits <= 0 ? 0 : bits >= 64 ? ~0 : ~0 << (64 - bits) }
        return IPv6Address(hi: hi & mask(prefix), lo: lo & mask(prefix - 64))
    }

    /// An IPv4-mapped address (`::ffff:0:0/96`), which RFC 5952 §5 writes with a dotted IPv4 tail.
    var mappedIPv4: IPv4Address? {
        hi == 0 && lo >> 32 == 0xFFFF ? IPv4Address(value: UInt32(truncatingIfNeeded: lo)) : nil
    }

    /// Parses the text form of RFC 4291 §2.2: hex groups, at most one `::`, optionally a dotted IPv4 tail.
    static func parse(_ bytes: IndicatorBytes.Bytes, _ range: Range<Int>) -> Result<IPv6Address, IndicatorProblem> {
        func problem(_ reason: String) -> Result<IPv6Address, IndicatorProblem> {
            .failure(IndicatorProblem("'\(IndicatorBytes.string(bytes, range))' is not an IPv6 address: \(reason)"))
        }
        let end = range.upperBound
        var i = range.lowerBound
        var address = IPv6Address()
        var groups = 0
        var compressedAt: Int? = nil
        if i < end && bytes[i] == IndicatorBytes.colon {
            guard i + 1 < end && bytes[i + 1] == IndicatorBytes.colon else { return problem("it starts with a single ':'") }
            compressedAt = 0
            i += 2
        }
        while i < end {
            let start = i
            var group: UInt32 = 0
            while i < end, let digit = IndicatorBytes.hexValue(bytes[i]) {
                group = group << 4 | UInt32(digit)
                i += 1
                if i - start > 4 { break }
            }
            if i < end && bytes[i] == IndicatorBytes.dot {
                // Dotted IPv4 tail: it takes two groups and must end the address.
                guard groups <= 6 else { return problem("too many groups before the IPv4 part") }
                switch IPv4Address.parse(bytes, start..<end) {
                case .failure(let failure): return .failure(failure)
                case .success(let v4):
                    address.push(UInt16(truncatingIfNeeded: v4.value >> 16))
                    address.push(UInt16(truncatingIfNeeded: v4.value))
                    groups += 2
                    i = end
                }
                break
            }
            if i - start > 4 { return problem("a group has more than four hex digits") }
            if i == start {
                if i < end && bytes[i] == UInt8(ascii: "%") {
                    return problem("a zone index ('\(IndicatorBytes.string(bytes, i..<end))') is not part of an address; drop it")
                }
                if i < end && bytes[i] != IndicatorBytes.colon {
                    return problem("'\(Character(Unicode.Scalar(bytes[i])))' is not a hex digit")
                }
                return problem("a group is empty")
            }
            groups += 1
            if groups > 8 { return problem("it has more than eight groups") }
            address.push(UInt16(group))
            if i == end { break }
            if bytes[i] == UInt8(ascii: "%") {
                return problem("a zone index ('\(IndicatorBytes.string(bytes, i..<end))') is not part of an address; drop it")
            }
            guard bytes[i] == IndicatorBytes.colon else {
                if bytes[i] < 0x80 { return problem("'\(Character(Unicode.Scalar(bytes[i])))' is not a hex digit") }
                return problem("it holds a character that is not a hex digit")
            }
            i += 1
            if i < end && bytes[i] == IndicatorBytes.colon {
                if compressedAt != nil { return problem("'::' appears more than once") }
                compressedAt = groups
                i += 1
            } else if i == end {
                return problem("it ends with a single ':'")
            }
        }
        if let compressedAt {
            if groups > 7 { return problem("'::' stands for no group in an address that already has eight") }
            // Move the groups after `::` to the right end, leaving zeros in between.
            let tail = groups - compressedAt
            let gap = 8 - groups
            let tailBits = 16 * tail
            let head = IPv6Address(hi: address.hi, lo: address.lo).shiftedRight(tailBits)
            let tailPart = IPv6Address(hi: address.hi, lo: address.lo).masked(low: tailBits)
            address = head.shiftedLeft(16 * (gap + tail)).or(tailPart)
        } else if groups != 8 {
            return problem("it has \(groups) groups instead of eight (or '::' for a run of zeros)")
        }
        return .success(address)
    }

    static func parse(_ string: String) -> Result<IPv6Address, IndicatorProblem> {
        IndicatorBytes.withBytes(string) { parse($0, 0..<$0.count) }
    }

    /// RFC 5952 text: lower-case hex without leading zeros, the longest run of two or more zero groups
    /// (the first one on a tie) written `::`, and IPv4-mapped addresses as `::ffff:192.0.2.1`.
    var description: String {
        if let v4 = mappedIPv4 { return "::ffff:" + v4.description }
        var bestStart = -1, bestLength = 1
        var runStart = -1
        for index in 0...8 {
            if index < 8 && group(index) == 0 {
                if runStart < 0 { runStart = index }
            } else if runStart >= 0 {
                if index - runStart > bestLength { bestStart = runStart; bestLength = index - runStart }
                runStart = -1
            }
        }
        var text = ""
        text.reserveCapacity(39)
        var index = 0
        while index < 8 {
            if index == bestStart {
                text += "::"
                index += bestLength
                continue
            }
            if !text.isEmpty && !text.hasSuffix(":") { text += ":" }
            text += String(group(index), radix: 16)
            index += 1
        }
        return text
    }

    // MARK: 128-bit helpers

    func shiftedLeft(_ bits: Int) -> IPv6Address {
        if bits <= 0 { return self }
        if bits >= 128 { return IPv6Address() }
        if bits >= 64 { return IPv6Address(hi: lo << (bits - 64), lo: 0) }
        return IPv6Address(hi: hi << bits | lo >> (64 - bits), lo: lo << bits)
    }

    func shiftedRight(_ bits: Int) -> IPv6Address {
        if bits <= 0 { return self }
        if bits >= 128 { return IPv6Address() }
        if bits >= 64 { return IPv6Address(hi: 0, lo: hi >> (bits - 64)) }
        return IPv6Address(hi: hi >> bits, lo: lo >> bits | hi << (64 - bits))
    }

    /// Only the lowest `bits` bits kept.
    func masked(low bits: Int) -> IPv6Address {
        shiftedLeft(128 - bits).shiftedRight(128 - bits)
    }

    func or(_ other: IPv6Address) -> IPv6Address {
        IPv6Address(hi: hi | other.hi, lo: lo | other.lo)
    }
}
