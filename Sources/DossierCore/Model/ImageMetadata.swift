/// An image as it is published: its pixels, without what its file says besides them.
///
/// A screenshot or a photo carries text a reader never sees on the page: a PNG's `tEXt` chunks
/// (the tool, the author, a comment), a JPEG's Exif (the camera, the time, GPS coordinates, a
/// thumbnail of the uncropped picture) and XMP, a GIF's comments, a WebP's EXIF and XMP chunks,
/// and bytes after the image's end. A report or the site copies the image's file, so all of it
/// would be published. What makes the pixels show as they should is kept: a PNG's colour and
/// animation chunks, a JPEG's tables, Adobe's colour transform and orientation (rewritten alone,
/// so that a phone's photo stands as it was taken), a GIF's animation, a WebP's frames. Not a
/// colour profile (PNG `iCCP`, JPEG APP2, WebP `ICCP`): its description, copyright and any tag
/// of its own are free text, and its bytes are not read; the image is then shown as sRGB, as
/// most screenshots are.
///
/// Each format is read by its structure, not searched: a file whose structure cannot be read to
/// its end (damaged, truncated) gives nil, and is not published.
enum ImageMetadata {
    /// `bytes`, of `mediaType` (`NoteImages.mediaType(ofHead:)`), without their metadata; nil when
    /// their structure cannot be read.
    static func stripped(_ bytes: [UInt8], mediaType: String) -> [UInt8]? {
        switch mediaType {
        case "image/png": png(bytes)
        case "image/jpeg": jpeg(bytes)
        case "image/gif": gif(bytes)
        case "image/webp": webp(bytes)
        default: nil
        }
    }

    // MARK: PNG

    /// The chunks that draw the image (and its animation): every other chunk is dropped, the
    /// text ones (`tEXt`, `zTXt`, `iTXt`), `eXIf`, `tIME`, the colour profile (`iCCP`) and the
    /// suggested palettes (`sPLT`, named in free text, drawing nothing) among them, and anything
    /// after `IEND`.
    private static let pngChunks: Set<String> = [
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "bKGD",
        "hIST", "pHYs", "acTL", "fcTL", "fdAT",
    ]

    private static func png(_ bytes: [UInt8]) -> [UInt8]? {
        var out = Array(bytes.prefix(8))
        var i = 8
        while i + 12 <= bytes.count {
            let length = Int(bigEndian(bytes, i, 4))
            let end = i + 12 + length
            guard length <= bytes.count, end <= bytes.count else { return nil }
            let type = String(decoding: bytes[i + 4..<i + 8], as: UTF8.self)
            if pngChunks.contains(type) {
                out += bytes[i..<end]
            }
            if type == "IEND" { return out }
            i = end
        }
        return nil
    }

    // MARK: JPEG

    private static func jpeg(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i + 1 < bytes.count {
            guard bytes[i] == 0xFF else { return nil }
            // Fill bytes before a marker.
            var m = i + 1
            while m < bytes.count, bytes[m] == 0xFF { m += 1 }
            guard m < bytes.count else { return nil }
            let marker = bytes[m]
            if marker == 0xD9 { return out + [0xFF, 0xD9] }
            // Markers that stand alone: restarts, TEM.
            if (0xD0...0xD7).contains(marker) || marker == 0x01 {
                out += [0xFF, marker]
                i = m + 1
                continue
            }
            guard m + 2 < bytes.count else { return nil }
            let length = Int(bigEndian(bytes, m + 1, 2))
            let end = m + 1 + length
            guard length >= 2, end <= bytes.count else { return nil }
            let segment = bytes[m + 1 + 2..<end]
            if marker == 0xDA {
                // A scan: its header, then its entropy-coded data up to the next marker (a
                // stuffed `FF 00` and a restart are data).
                var k = end
                while k + 1 < bytes.count, !(bytes[k] == 0xFF && bytes[k + 1] != 0x00 && !(0xD0...0xD7).contains(bytes[k + 1]) && bytes[k + 1] != 0xFF) {
                    k += 1
                }
                guard k + 1 < bytes.count else { return nil }
                out += [0xFF, marker] + bytes[m + 1..<k]
                i = k
                continue
            }
            if marker == 0xE0, segment.starts(with: "JFIF\u{0}".utf8), segment.count >= 14 {
                // JFIF's header, without the thumbnail it may carry (of the uncropped picture).
                out += [0xFF, 0xE0, 0x00, 0x10] + segment.prefix(12) + [0, 0]
            } else if marker == 0xEE, segment.starts(with: "Adobe".utf8), segment.count >= 12 {
                // Adobe's colour transform, as its 12 bytes alone: what follows them is no one's.
                out += [0xFF, 0xEE, 0x00, 0x0E] + segment.prefix(12)
            } else if keepsJPEGSegment(marker, segment) {
                out += [0xFF, marker] + bytes[m + 1..<end]
            } else if marker == 0xE1, let orientation = exifOrientation(segment), orientation != 1 {
                out += orientationOnlyExif(orientation)
            }
            i = end
        }
        return nil
    }

    /// Tables, frames and restarts. Dropped: APP1 (Exif, XMP), APP2 (the colour profile,
    /// FlashPix, MPF's second pictures), JFIF's thumbnails (JFXX), the other APPn (APP14 is
    /// rewritten), comments.
    private static func keepsJPEGSegment(_ marker: UInt8, _ segment: ArraySlice<UInt8>) -> Bool {
        switch marker {
        case 0xC0...0xCF, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF: true
        default: false
        }
    }

    /// The orientation (1-8) an Exif segment's first directory gives; nil for none.
    private static func exifOrientation(_ segment: ArraySlice<UInt8>) -> Int? {
        guard segment.starts(with: "Exif\u{0}\u{0}".utf8) else { return nil }
        let tiff = Array(segment.dropFirst(6))
        guard tiff.count >= 8 else { return nil }
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func read(_ at: Int, _ count: Int) -> Int? {
            guard at >= 0, at + count <= tiff.count else { return nil }
            return Int(little ? littleEndian(tiff, at, count) : bigEndian(tiff, at, count))
        }
        guard let directory = read(4, 4), let entries = read(directory, 2) else { return nil }
        for entry in 0..<entries {
            let at = directory + 2 + entry * 12
            guard let tag = read(at, 2) else { return nil }
            if tag == 0x0112 {
                guard read(at + 2, 2) == 3, let value = read(at + 8, 2), (1...8).contains(value) else { return nil }
                return value
            }
        }
        return nil
    }

    /// An APP1 segment of Exif that holds the orientation alone (big-endian, one directory of
    /// one entry).
    private static func orientationOnlyExif(_ orientation: Int) -> [UInt8] {
        let payload: [UInt8] = Array("Exif\u{0}\u{0}".utf8) + [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08]
            + [0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, UInt8(orientation), 0x00, 0x00]
            + [0x00, 0x00, 0x00, 0x00]
        let length = payload.count + 2
        return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    // MARK: GIF

    private static func gif(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 13 else { return nil }
        var i = 13
        if bytes[10] & 0x80 != 0 { i += 3 << (Int(bytes[10] & 0x07) + 1) }
        guard i <= bytes.count else { return nil }
        var out = Array(bytes[..<i])
        // The sub-blocks from `at`, up to and with their empty end: where they end.
        func subBlocksEnd(_ at: Int) -> Int? {
            var k = at
            while k < bytes.count {
                let size = Int(bytes[k])
                k += 1 + size
                if size == 0 { return k <= bytes.count ? k : nil }
            }
            return nil
        }
        while i < bytes.count {
            switch bytes[i] {
            case 0x3B:
                return out + [0x3B]
            case 0x2C:
                guard i + 10 < bytes.count else { return nil }
                var data = i + 10
                if bytes[i + 9] & 0x80 != 0 { data += 3 << (Int(bytes[i + 9] & 0x07) + 1) }
                // The LZW code size, then the image's data.
                guard data < bytes.count, let end = subBlocksEnd(data + 1) else { return nil }
                out += bytes[i..<end]
                i = end
            case 0x21:
                guard i + 2 < bytes.count, let end = subBlocksEnd(i + 2) else { return nil }
                let label = bytes[i + 1]
                // Graphic control (timing, transparency); of the applications, the loop count
                // alone (NETSCAPE2.0, ANIMEXTS1.0). Comments, plain text (which browsers do not
                // draw) and other applications (XMP) are dropped.
                let application = label == 0xFF && bytes[i + 2] == 11 && i + 14 <= bytes.count
                    ? String(decoding: bytes[i + 3..<i + 14], as: UTF8.self) : nil
                if label == 0xF9 || application == "NETSCAPE2.0" || application == "ANIMEXTS1.0" {
                    out += bytes[i..<end]
                }
                i = end
            default:
                return nil
            }
        }
        return nil
    }

    // MARK: WebP

    /// The chunks that draw the image: `EXIF`, `XMP `, the colour profile (`ICCP`) and any other
    /// are dropped.
    private static let webpChunks: Set<String> = ["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF"]

    private static func webp(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 12 else { return nil }
        let riffEnd = 8 + Int(littleEndian(bytes, 4, 4))
        guard riffEnd <= bytes.count else { return nil }
        var out = Array(bytes[0..<12])
        var i = 12
        while i < riffEnd {
            guard i + 8 <= riffEnd else { return nil }
            let size = Int(littleEndian(bytes, i + 4, 4))
            let end = i + 8 + size + (size & 1)
            guard size <= riffEnd, end <= riffEnd || i + 8 + size == riffEnd else { return nil }
            let type = String(decoding: bytes[i..<i + 4], as: UTF8.self)
            if webpChunks.contains(type) {
                // (The last chunk's padding may be missing: it stays so.)
                var chunk = Array(bytes[i..<min(end, riffEnd)])
                // VP8X's flags say whether a profile, EXIF and XMP follow: no longer.
                if type == "VP8X", chunk.count > 8 { chunk[8] &= ~0x2C }
                out += chunk
            }
            i = end
        }
        let size = UInt32(out.count - 8)
        out.replaceSubrange(4..<8, with: [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)])
        return out
    }

    // MARK: Numbers

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> UInt32 {
        bytes[at..<at + count].reduce(0) { $0 << 8 | UInt32($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> UInt32 {
        bytes[at..<at + count].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}
