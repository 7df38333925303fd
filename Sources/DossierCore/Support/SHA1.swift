import CDigestKernels

/// SHA-1 (FIPS 180-4), only for version 5 UUIDs (STIX ids): Foundation on Linux has no digest
/// API, and a UUID needs no collision resistance. Whole blocks are read in place (a STIX bundle's
/// id hashes the whole bundle) and go to the processor's SHA extensions where it has them
/// (`DigestBlocks`); only the padded tail is copied.
public enum SHA1 {
    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32)

    /// The 20 bytes of the digest of `message`.
    /// - Parameter accelerated: use the SHA extensions (tests compare both ways on one machine).
    public static func hash(_ message: [UInt8], accelerated: Bool = true) -> [UInt8] {
        message.withUnsafeBytes { hash(parts: [$0], accelerated: accelerated) }
    }

    /// The 20 bytes of the digest of `parts` one after another, without joining them first (a
    /// UUID's namespace and name; a STIX bundle's content, megabytes, read where it lies).
    public static func hash(parts: [UnsafeRawBufferPointer], accelerated: Bool = true) -> [UInt8] {
        var h: State = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        func compress(_ blocks: UnsafeRawBufferPointer) {
            DigestBlocks.compress(blocks, into: &h, accelerated: accelerated, kernel: dossier_sha1_blocks) { block, state in
                compressBlock(block, into: &state)
            }
        }
        var length = 0
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 8) { pending in
            // Bytes of a block begun in one part and ended in the next.
            var pendingCount = 0
            for var part in parts {
                length += part.count
                if pendingCount > 0 {
                    let take = min(64 - pendingCount, part.count)
                    UnsafeMutableRawBufferPointer(rebasing: pending[pendingCount..<pendingCount + take])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: part[0..<take]))
                    pendingCount += take
                    part = UnsafeRawBufferPointer(rebasing: part[take...])
                    guard pendingCount == 64 else { continue }
                    compress(UnsafeRawBufferPointer(pending))
                    pendingCount = 0
                }
                let whole = part.count / 64 * 64
                compress(UnsafeRawBufferPointer(rebasing: part[0..<whole]))
                UnsafeMutableRawBufferPointer(rebasing: pending[0..<part.count - whole])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: part[whole...]))
                pendingCount = part.count - whole
            }
            DigestBlocks.withFinalBlocks(UnsafeRawBufferPointer(rebasing: pending[0..<pendingCount]), length: UInt64(length)) { compress($0) }
        }
        return withUnsafeBytes(of: (h.0.bigEndian, h.1.bigEndian, h.2.bigEndian, h.3.bigEndian, h.4.bigEndian)) { Array($0) }
    }

    private static func compressBlock(_ block: UnsafeRawBufferPointer, into h: inout State) {
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
