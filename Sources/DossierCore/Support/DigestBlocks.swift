import CDigestKernels

/// What SHA-256 and SHA-1 share: Merkle–Damgård padding, and compressing whole 64-byte blocks,
/// all at once on the processor's SHA extensions (`CDigestKernels`) where it has them, else one
/// at a time by the portable rounds in Swift, which stay the reference (tests hold the two to
/// the same digests on every machine that has the extensions).
enum DigestBlocks {
    /// True when this processor has the SHA extensions.
    static let accelerated = dossier_sha_extensions_available() == 1

    /// A kernel of `CDigestKernels`: state words, blocks, number of blocks.
    typealias Kernel = (UnsafeMutablePointer<UInt32>?, UnsafePointer<UInt8>?, Int) -> Void

    /// Compresses `blocks` (a multiple of 64 bytes) into `state`, a tuple of `UInt32` words.
    @inline(__always)
    static func compress<State>(_ blocks: UnsafeRawBufferPointer, into state: inout State, accelerated: Bool,
        kernel: Kernel, portable: (UnsafeRawBufferPointer, inout State) -> Void) {
        guard !blocks.isEmpty else { return }
        if accelerated && Self.accelerated {
            withUnsafeMutableBytes(of: &state) { words in
                kernel(words.baseAddress!.assumingMemoryBound(to: UInt32.self), blocks.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    blocks.count / 64)
            }
            return
        }
        for offset in stride(from: 0, to: blocks.count, by: 64) {
            portable(UnsafeRawBufferPointer(rebasing: blocks[offset..<offset + 64]), &state)
        }
    }

    /// What follows a message of `length` bytes: `0x80`, zeros up to 56 bytes into a block, and the
    /// length in bits, big-endian.
    static func padding(afterLength length: UInt64) -> [UInt8] {
        var tail: [UInt8] = [0x80]
        while (Int(length % 64) + tail.count) % 64 != 56 { tail.append(0) }
        let bits = length &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        return tail
    }
}
