import CDigestKernels

/// What SHA-256 and SHA-1 share: the padding of the last block, and compressing whole 64-byte
/// blocks, all at once on the processor's SHA extensions (`CDigestKernels`) where it has them,
/// else one at a time by the portable rounds in Swift, which stay the reference (tests hold the
/// two to the same digests on every machine that has the extensions).
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

    /// The last one or two blocks of a message of `length` bytes that ends with `rest` (under 64
    /// bytes): `rest`, `0x80`, zeros up to 56 bytes into a block, and the length in bits,
    /// big-endian. Made on the stack: a UUID hashes a name of a few dozen bytes.
    static func withFinalBlocks(_ rest: UnsafeRawBufferPointer, length: UInt64, _ body: (UnsafeRawBufferPointer) -> Void) {
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { buffer in
            let count = rest.count + 9 <= 64 ? 64 : 128
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            buffer.copyMemory(from: rest)
            buffer[rest.count] = 0x80
            buffer.storeBytes(of: (length &* 8).bigEndian, toByteOffset: count - 8, as: UInt64.self)
            body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
    }
}
