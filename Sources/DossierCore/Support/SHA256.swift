import CDigestKernels

/// SHA-256 (FIPS 180-4), streaming: the content hash that keys incremental builds. A cryptographic
/// hash, so that no crafted page can take the key of another and be served stale. Foundation has
/// none on Linux, and swift-crypto would double the build for these few lines. Whole blocks go
/// to the processor's SHA extensions where it has them (`CDigestKernels`), else to the rounds below.
public struct SHA256: Sendable {
    /// True when this processor has the SHA extensions.
    public static var accelerated: Bool { DigestBlocks.accelerated }

    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    private var state: State =
        (0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    private let useExtensions: Bool

    public init() { self.init(accelerated: Self.accelerated) }

    /// - Parameter accelerated: use the SHA extensions (tests compare both ways on one machine).
    public init(accelerated: Bool) {
        useExtensions = accelerated
        pending.reserveCapacity(64)
    }

    public mutating func update(_ bytes: some Collection<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            offset = take
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { compress($0) }
            pending.removeAll(keepingCapacity: true)
        }
        let blocks = (bytes.count - offset) / 64
        if blocks > 0 {
            compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + blocks * 64]))
            offset += blocks * 64
        }
        pending.append(contentsOf: bytes[offset...])
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update($0) }
    }

    /// The digest as 64 lower-case hexadecimal digits.
    public mutating func finalize() -> String {
        let rest = pending, total = length
        rest.withUnsafeBytes { rest in DigestBlocks.withFinalBlocks(rest, length: total) { compress($0) } }
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for word in words {
            for shift in stride(from: 28, through: 0, by: -4) { hex.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Compresses whole blocks (a multiple of 64 bytes).
    private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        DigestBlocks.compress(blocks, into: &state, accelerated: useExtensions, kernel: dossier_sha256_blocks) { block, state in
            Self.compressBlock(block, into: &state)
        }
    }

    private static func compressBlock(_ block: UnsafeRawBufferPointer, into state: inout State) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for i in 0..<16 { w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
            for i in 16..<64 {
                let s0 = w[i - 15].rotatedRight(7) ^ w[i - 15].rotatedRight(18) ^ (w[i - 15] >> 3)
                let s1 = w[i - 2].rotatedRight(17) ^ w[i - 2].rotatedRight(19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            withUnsafeBytes(of: dossier_sha256_k) { k in
                rounds(UnsafeBufferPointer(w), k.assumingMemoryBound(to: UInt32.self), into: &state)
            }
        }
    }

    private static func rounds(_ w: UnsafeBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>, into state: inout State) {
        var (a, b, c, d, e, f, g, h) = state
        for i in 0..<64 {
            let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ k[i] &+ w[i]
            let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
    }
}

extension UInt32 {
    fileprivate func rotatedRight(_ count: UInt32) -> UInt32 { (self >> count) | (self << (32 - count)) }
}
