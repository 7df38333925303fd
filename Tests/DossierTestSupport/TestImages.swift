import DossierCore

/// Whole images of one pixel, in each kind a report shows, with the metadata a camera or an
/// editor writes when asked: what reports must show, and what they must not publish.
public enum TestImages {
    /// A PNG of one grey pixel of `shade` (its checksums right, its data stored uncompressed),
    /// with a `tEXt` chunk for each of `text` before its data, and a colour profile named
    /// `profile` (its data not a real profile's) when one is given.
    public static func png(shade: UInt8 = 0x80, text: [String] = [], profile: String? = nil) -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + data
            return bigEndian(UInt32(data.count)) + typed + bigEndian(CRC32.checksum(typed))
        }
        let pixels: [UInt8] = [0x00, shade]
        // zlib: a stored block of the filtered row, and its Adler-32.
        let (a, b) = pixels.reduce((UInt32(1), UInt32(0))) { sums, byte in
            let a = (sums.0 + UInt32(byte)) % 65521
            return (a, (sums.1 + a) % 65521)
        }
        let zlib: [UInt8] = [0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF] + pixels + bigEndian(b << 16 | a)
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", bigEndian(1) + bigEndian(1) + [8, 0, 0, 0, 0])
            + (profile.map { chunk("iCCP", Array($0.utf8) + [0, 0] + zlib) } ?? [])
            + text.flatMap { chunk("tEXt", Array("Comment".utf8) + [0] + Array($0.utf8)) }
            + chunk("IDAT", zlib) + chunk("IEND", [])
    }

    /// A JPEG's structure (its segments and a scan; its tables are not a real picture's): a JFIF
    /// header with a thumbnail of `thumbnail`, Exif with `orientation` and `exif` text, XMP and a
    /// comment of `comment`, then bytes after its end.
    public static func jpeg(orientation: UInt16 = 6, exif: String = "", comment: String = "", thumbnail: String = "") -> [UInt8] {
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            [0xFF, marker] + bigEndian16(UInt16(payload.count + 2)) + payload
        }
        let thumb = Array(thumbnail.utf8)
        let jfif = Array("JFIF".utf8) + [0, 1, 2, 0, 0, 1, 0, 1, thumb.isEmpty ? 0 : UInt8(thumb.count), thumb.isEmpty ? 0 : 1] + thumb
        // Exif, big-endian: the orientation, and the text as the image's description (0x010E).
        let text = Array(exif.utf8) + [0]
        let tiff: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A] + bigEndian(8) + bigEndian16(2)
            + [0x01, 0x0E, 0x00, 0x02] + bigEndian(UInt32(text.count)) + bigEndian(8 + 2 + 24 + 4)
            + [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01] + bigEndian16(orientation) + [0, 0]
            + bigEndian(0) + text
        let xmp = Array("http://ns.adobe.com/xap/1.0/\u{0}<x:xmpmeta>\(exif)</x:xmpmeta>".utf8)
        return [0xFF, 0xD8] + segment(0xE0, jfif) + segment(0xE1, Array("Exif\u{0}\u{0}".utf8) + tiff) + segment(0xE1, xmp)
            + segment(0xFE, Array(comment.utf8)) + segment(0xDB, [0] + Array(repeating: 1, count: 64))
            + segment(0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]) + segment(0xC4, [0, 0, 1] + Array(repeating: 0, count: 14) + [0])
            + segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56] + [0xFF, 0xD9]
            + Array("after the end: \(comment)".utf8)
    }

    /// A GIF of one pixel, with a comment of `comment`, an XMP application block of `xmp` and a
    /// plain text extension of `plainText` when they are not empty, and a loop count.
    public static func gif(comment: String = "", xmp: String = "", plainText: String = "") -> [UInt8] {
        func subBlocks(_ bytes: [UInt8]) -> [UInt8] { [UInt8(bytes.count)] + bytes + [0] }
        return Array("GIF89a".utf8) + [1, 0, 1, 0, 0x80, 0, 0] + [0, 0, 0, 0xFF, 0xFF, 0xFF]
            + [0x21, 0xFF, 11] + Array("NETSCAPE2.0".utf8) + [3, 1, 0, 0, 0]
            + (comment.isEmpty ? [] : [0x21, 0xFE] + subBlocks(Array(comment.utf8)))
            + (xmp.isEmpty ? [] : [0x21, 0xFF, 11] + Array("XMP DataXMP".utf8) + subBlocks(Array(xmp.utf8)))
            + (plainText.isEmpty ? [] : [0x21, 0x01, 12] + Array(repeating: 0, count: 12) + subBlocks(Array(plainText.utf8)))
            + [0x21, 0xF9, 4, 0, 0, 0, 0, 0]
            + [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0] + [2, 2, 0x44, 0x01, 0] + [0x3B]
    }

    /// A lossless WebP of one pixel; with `exif` not empty, an extended one (VP8X) with an EXIF
    /// chunk of it and an XMP one.
    public static func webp(exif: String = "") -> [UInt8] {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            Array(type.utf8) + littleEndian(UInt32(data.count)) + data + (data.count % 2 == 1 ? [0] : [])
        }
        let image = chunk("VP8L", [0x2F, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07])
        let body = exif.isEmpty ? image
            : chunk("VP8X", [0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0]) + image + chunk("EXIF", Array(exif.utf8)) + chunk("XMP ", Array("<x>\(exif)</x>".utf8))
        return Array("RIFF".utf8) + littleEndian(UInt32(body.count + 4)) + Array("WEBP".utf8) + body
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    private static func bigEndian16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    private static func littleEndian(_ value: UInt32) -> [UInt8] { bigEndian(value).reversed() }
}
