import DossierCore

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
        var name = name
        return name.withUTF8 { make(parts: [UnsafeRawBufferPointer($0)], in: namespace) }
    }

    static func make(bytes name: [UInt8], in namespace: [UInt8] = dossier) -> String {
        name.withUnsafeBytes { make(parts: [$0], in: namespace) }
    }

    /// The UUID of the name made of `parts` one after another, hashed where they lie: an export
    /// makes one per object, and a STIX bundle's is of its whole content.
    static func make(parts name: [UnsafeRawBufferPointer], in namespace: [UInt8] = dossier) -> String {
        var digest = namespace.withUnsafeBytes { SHA1.hash(parts: [$0] + name) }
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        // An export makes one per object (a million for a large workspace): written in place.
        return String(unsafeUninitializedCapacity: 36) { text in
            var at = 0
            for i in 0..<16 {
                if i == 4 || i == 6 || i == 8 || i == 10 {
                    text[at] = UInt8(ascii: "-")
                    at += 1
                }
                text[at] = hexDigit(digest[i] >> 4)
                text[at + 1] = hexDigit(digest[i] & 0x0F)
                at += 2
            }
            return at
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
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
