import Testing
@testable import DossierCore

/// The cache entries' checksum must change with any damage a disk or a torn write does: a bit
/// flipped anywhere, bytes cut off or added.
@Suite("Checksum64")
struct Checksum64Tests {
    static func checksum(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes(Checksum64.of) }

    @Test("every single-bit flip, at every offset of every lane and the tail, changes it")
    func bitFlips() {
        let bytes = (0..<203).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        let whole = Self.checksum(bytes)
        for offset in bytes.indices {
            for bit in 0..<8 {
                var damaged = bytes
                damaged[offset] ^= 1 << bit
                #expect(Self.checksum(damaged) != whole, "a flip of bit \(bit) at \(offset) went unseen")
            }
        }
    }

    @Test("a truncated or lengthened buffer has another, even when the bytes cut off are zeros")
    func lengths() {
        let zeros = [UInt8](repeating: 0, count: 100)
        let sums = Set((0...zeros.count).map { Self.checksum(Array(zeros.prefix($0))) })
        #expect(sums.count == zeros.count + 1)
        let hex = zeros.withUnsafeBytes(Checksum64.hex)
        #expect(hex.utf8.count == 16 && hex.allSatisfy(\.isHexDigit) && hex == hex.lowercased())
    }
}
