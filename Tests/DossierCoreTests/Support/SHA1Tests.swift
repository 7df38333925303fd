import DossierCore
import DossierTestSupport
import Testing

/// Export ids are version 5 UUIDs (the RFC example is in `ExporterTests`); their SHA-1 is
/// dossier's own (DossierCore), so it is held to published vectors.
@Suite("SHA-1")
struct SHA1Tests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test("SHA-1 of the FIPS 180-4 examples, and of inputs at the padding boundaries", arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        (String(repeating: "x", count: 64), "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163"),
    ])
    func sha1(_ input: String, _ digest: String) {
        #expect(Self.hex(SHA1.hash(Array(input.utf8))) == digest)
        #expect(Self.hex(SHA1.hash(Array(input.utf8), accelerated: false)) == digest)
    }

    @Test("the SHA extensions and the portable rounds give the same SHA-1 for every length around the block boundaries")
    func acceleratedMatchesPortable() {
        var random = SplitMix64(seed: 160)
        for length in Array(0...200) + [1_000, 4_096, 65_591, 1_000_003] {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(SHA1.hash(message, accelerated: true) == SHA1.hash(message, accelerated: false), "length \(length)")
        }
    }

    @Test("a message hashed in parts, split anywhere around the block boundaries, has the digest of the whole")
    func parts() {
        var random = SplitMix64(seed: 161)
        let message = (0..<300).map { _ in UInt8.random(in: 0...255, using: &random) }
        let whole = SHA1.hash(message)
        message.withUnsafeBytes { bytes in
            for first in [0, 1, 16, 55, 63, 64, 65, 128, 200, 300] {
                for second in Set([first, min(first + 1, 300), min(first + 63, 300), min(first + 64, 300), 300]) {
                    let parts = [bytes[0..<first], bytes[first..<second], bytes[second...]].map { UnsafeRawBufferPointer(rebasing: $0) }
                    #expect(SHA1.hash(parts: parts) == whole, "split at \(first) and \(second)")
                    #expect(SHA1.hash(parts: parts, accelerated: false) == whole, "split at \(first) and \(second), portable")
                }
            }
        }
    }

    @Test("SHA-1 of a million 'a'")
    func sha1Long() {
        #expect(Self.hex(SHA1.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }
}
