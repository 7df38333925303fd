/// Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so that an export gives
/// the same ids every time it is made from the same content, and STIX observables get the ids the
/// STIX 2.1 specification derives for them.
enum UUIDv5 {
    /// STIX 2.1 §2.9: the namespace of cyber-observable object ids.
    static let stixObservables: [UInt8] = bytes("00abedb4-aa42-466c-9c01-fed23315a9b7")
    /// dossier's own namespace for the ids of exported objects (a fixed random UUID).
    static let dossier: [UInt8] = bytes("5c2b8e0e-3f4a-4d7c-9b1e-6a0d2f8c4e19")

    /// The lower-case textual form (`8-4-4-4-12`) of the version 5 UUID of `name` in `namespace`.
    static func make(_ name: String, in namespace: [UInt8] = dossier) -> String {
        make(bytes: Array(name.utf8), in: namespace)
    }

    static func make(bytes name: [UInt8], in namespace: [UInt8] = dossier) -> String {
        var digest = SHA1.hash(namespace + name)
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for (i, byte) in digest.prefix(16).enumerated() {
            if [4, 6, 8, 10].contains(i) { text.append(UInt8(ascii: "-")) }
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The 16 bytes of a UUID written `8-4-4-4-12` (the namespaces above are well-formed).
    private static func bytes(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        var high: UInt8?
        for c in text.utf8 {
            let nibble: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = c - UInt8(ascii: "a") + 10
            default: continue
            }
            if let h = high {
                result.append(h << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return result
    }
}

/// SHA-1 (FIPS 180-4), only for version 5 UUIDs: Foundation on Linux has no digest API, and a
/// UUID needs no collision resistance. Whole blocks are read in place (a STIX bundle's id hashes
/// the whole bundle); only the last, padded, is copied.
enum SHA1 {
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        let whole = message.count / 64 * 64
        message.withUnsafeBytes { bytes in
            for offset in stride(from: 0, to: whole, by: 64) {
                compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 64]), into: &h)
            }
        }
        var tail = Array(message[whole...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(message.count) * 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { bytes in
            for offset in stride(from: 0, to: bytes.count, by: 64) {
                compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 64]), into: &h)
            }
        }
        return [h.0, h.1, h.2, h.3, h.4].flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }

    private static func compress(_ block: UnsafeRawBufferPointer, into h: inout (UInt32, UInt32, UInt32, UInt32, UInt32)) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 80) { w in
            for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
            for i in 16..<80 { w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotatedLeft(1) }
            var (a, b, c, d, e) = h
            // Four rounds of twenty steps, each with its own function and constant.
            func step(_ f: UInt32, _ k: UInt32, _ i: Int) {
                let t = a.rotatedLeft(5) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, b.rotatedLeft(30), a, t)
            }
            for i in 0..<20 { step((b & c) | (~b & d), 0x5A82_7999, i) }
            for i in 20..<40 { step(b ^ c ^ d, 0x6ED9_EBA1, i) }
            for i in 40..<60 { step((b & c) | (b & d) | (c & d), 0x8F1B_BCDC, i) }
            for i in 60..<80 { step(b ^ c ^ d, 0xCA62_C1D6, i) }
            h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
        }
    }
}

extension UInt32 {
    fileprivate func rotatedLeft(_ n: UInt32) -> UInt32 { self << n | self >> (32 - n) }
}
