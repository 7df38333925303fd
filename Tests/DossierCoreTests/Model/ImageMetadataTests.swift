import DossierTestSupport
import Foundation
import Testing

@testable import DossierCore

/// What each format keeps of an image's file besides its pixels: nothing a reader does not see.
@Suite("Image metadata")
struct ImageMetadataTests {
    static let secret = Array("zqx-canary-dom.example".utf8)

    static func contains(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
        Data(bytes).range(of: Data(part)) != nil
    }

    @Test("a PNG's colour profile and suggested palette, which carry free text, are dropped; its pixels stay")
    func pngProfileAndPalette() throws {
        let plain = TestImages.png()
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + data
            let length = UInt32(data.count)
            let checksum = CRC32.checksum(typed)
            return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + typed
                + [UInt8(checksum >> 24), UInt8(checksum >> 16 & 0xFF), UInt8(checksum >> 8 & 0xFF), UInt8(checksum & 0xFF)]
        }
        // After the signature and IHDR (8 + 25 bytes).
        let marked = Array(plain[..<33]) + chunk("sPLT", Self.secret + [0, 8, 0, 0, 0, 0, 0, 0]) + chunk("iCCP", Array("x".utf8) + [0, 0] + Self.secret)
            + Array(plain[33...])
        let stripped = try #require(ImageMetadata.stripped(marked, mediaType: "image/png"))
        #expect(stripped == plain)
    }

    @Test("a JPEG's colour profile (APP2) is dropped, and Adobe's APP14 keeps its 12 bytes alone")
    func jpegProfileAndAdobe() throws {
        let plain = TestImages.jpeg(orientation: 1)
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
        }
        let adobe = Array("Adobe".utf8) + [0, 100, 0, 0, 0, 0, 1]
        let marked = Array(plain[..<2]) + segment(0xEE, adobe + Self.secret) + segment(0xE2, Array("ICC_PROFILE\u{0}".utf8) + [1, 1] + Self.secret)
            + Array(plain[2...])
        let stripped = try #require(ImageMetadata.stripped(marked, mediaType: "image/jpeg"))
        #expect(!Self.contains(stripped, Self.secret) && !Self.contains(stripped, Array("ICC_PROFILE".utf8)))
        #expect(Self.contains(stripped, segment(0xEE, adobe)), "the colour transform stays")
    }

    @Test("a WebP's colour profile is dropped, and its VP8X no longer says it has one")
    func webpProfile() throws {
        let plain = TestImages.webp(exif: "x")
        // VP8X's flags first, then its profile chunk right after it (12 + 18 bytes in).
        var marked = Array(plain[..<30]) + Array("ICCP".utf8) + [UInt8(Self.secret.count), 0, 0, 0] + Self.secret + Array(plain[30...])
        marked[20] |= 0x20
        let size = UInt32(marked.count - 8)
        marked.replaceSubrange(4..<8, with: [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)])
        let stripped = try #require(ImageMetadata.stripped(marked, mediaType: "image/webp"))
        #expect(!Self.contains(stripped, Self.secret) && stripped[20] & 0x2C == 0)
    }
}
