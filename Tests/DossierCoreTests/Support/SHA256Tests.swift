import DossierCore
import DossierTestSupport
import Testing

/// The hash that keys incremental builds, against the test vectors of FIPS 180-4 (and sha256sum).
@Suite("SHA-256")
struct SHA256Tests {
    @Test("known digests", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownDigests(_ text: String, _ digest: String) {
        #expect(SHA256.hex(Array(text.utf8)) == digest)
        var portable = SHA256(accelerated: false)
        portable.update(Array(text.utf8))
        #expect(portable.finalize() == digest)
    }

    /// On a processor with the SHA extensions, whole blocks go to them; the portable rounds must
    /// give the same digest for every length around the block and padding boundaries, and for
    /// messages of many blocks fed in pieces. (Without the extensions both sides are the portable
    /// rounds, which the known digests above hold.)
    @Test("the SHA extensions and the portable rounds give the same digests")
    func acceleratedMatchesPortable() {
        var random = SplitMix64(seed: 256)
        let lengths = Array(0...200) + [1_000, 4_095, 4_096, 4_097, 65_536 + 55, 1_000_003]
        for length in lengths {
            let message = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            var fast = SHA256(accelerated: true)
            var slow = SHA256(accelerated: false)
            var offset = 0
            while offset < length {
                let end = min(length, offset + Int.random(in: 1...300, using: &random))
                fast.update(message[offset..<end])
                slow.update(message[offset..<end])
                offset = end
            }
            #expect(fast.finalize() == slow.finalize(), "length \(length)")
        }
    }

    @Test("a million 'a', fed in uneven pieces, gives the digest of the whole")
    func streaming() {
        var hasher = SHA256()
        var fed = 0
        var size = 1
        while fed < 1_000_000 {
            let count = min(size, 1_000_000 - fed)
            hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: count))
            fed += count
            size = size % 127 + 13
        }
        #expect(hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
