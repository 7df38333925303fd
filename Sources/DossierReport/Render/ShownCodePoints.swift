/// The characters a report writes out as their code point (`<U+202E>`) wherever it shows text (a
/// title, a comment, a tag, an owner, a note):
///
/// - the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) of
///   "Trojan Source", so that `invoice\u{202E}fdp.exe` cannot read as `invoiceexe.pdf`;
/// - the control characters HTML forbids (C0 but for tab, line feed, form feed and carriage
///   return; DEL; C1) and the noncharacters (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF): a page holding one
///   is no valid HTML, and a NUL makes git and a git host take a Markdown report for binary.
///
/// The marks that only set a direction (U+200E, U+200F), which right-to-left writing needs, are
/// left as they are.
enum ShownCodePoints {
    /// Whether `byte` may lead such a character: two comparisons for the printable ASCII of
    /// nearly every byte (asked of each byte a site writes).
    @inline(__always) private static func mayLead(_ byte: UInt8) -> Bool {
        if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D }
        if byte < 0x7F { return false }
        return byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF || (0xF0...0xF4).contains(byte)
    }

    /// The code point at `i` of `bytes` (UTF-8) a report writes out, and its length in bytes;
    /// nil for any other character.
    @inline(__always) static func at(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: UInt32, length: Int)? {
        let first = bytes[i]
        guard mayLead(first) else { return nil }
        func byte(_ k: Int) -> UInt32 { i + k < bytes.count ? UInt32(bytes[i + k]) : 0 }
        switch first {
        case 0xC2:
            return (0x80...0x9F).contains(byte(1)) ? (byte(1), 2) : nil
        case 0xE2:
            let scalar = 0x2000 | (byte(1) & 0x3F) << 6 | byte(2) & 0x3F
            return byte(1) & 0xC0 == 0x80 && byte(2) & 0xC0 == 0x80 && ((0x202A...0x202E).contains(scalar) || (0x2066...0x2069).contains(scalar))
                ? (scalar, 3) : nil
        case 0xEF:
            let scalar = 0xF000 | (byte(1) & 0x3F) << 6 | byte(2) & 0x3F
            return byte(1) & 0xC0 == 0x80 && byte(2) & 0xC0 == 0x80 && ((0xFDD0...0xFDEF).contains(scalar) || scalar >= 0xFFFE)
                ? (scalar, 3) : nil
        case 0xF0...0xF4:
            guard (1...3).allSatisfy({ byte($0) & 0xC0 == 0x80 }) else { return nil }
            let scalar = (UInt32(first) & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 | byte(3) & 0x3F
            return scalar & 0xFFFE == 0xFFFE ? (scalar, 4) : nil
        default:
            return (UInt32(first), 1)
        }
    }

    /// Appends `scalar` written out: `&lt;U+202E&gt;`, which HTML and Markdown both show as
    /// `<U+202E>`, or that form itself (`html` false), for CommonMark where it is neither a tag
    /// nor a link and reads the same in a code span.
    static func write(_ scalar: UInt32, html: Bool, into output: inout [UInt8]) {
        output += html ? Array("&lt;U+".utf8) : [UInt8(ascii: "<")] + Array("U+".utf8)
        let hex = Array(String(scalar, radix: 16, uppercase: true).utf8)
        output += [UInt8](repeating: UInt8(ascii: "0"), count: max(0, 4 - hex.count)) + hex
        output += html ? Array("&gt;".utf8) : [UInt8(ascii: ">")]
    }

    /// Whether `scalar` is one a report writes out.
    static func isShown(_ scalar: UInt32) -> Bool {
        var bytes = Array(String(Unicode.Scalar(scalar).map(Character.init) ?? " ").utf8)
        return bytes.withUnsafeMutableBufferPointer { at(UnsafeBufferPointer($0), 0) != nil }
    }

    /// The character reference at `i` (`&#7;`, as libcmark's CommonMark writes a control) of one
    /// such character, and its length; nil for any other text.
    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (scalar: UInt32, length: Int)? {
        guard bytes[i] == UInt8(ascii: "&"), i + 3 < bytes.count, bytes[i + 1] == UInt8(ascii: "#") else { return nil }
        var k = i + 2
        var value: UInt32 = 0
        while k < bytes.count, k < i + 9, bytes[k] &- 0x30 < 10 {
            value = value * 10 + UInt32(bytes[k] - 0x30)
            k += 1
        }
        guard k > i + 2, k < bytes.count, bytes[k] == UInt8(ascii: ";"), isShown(value) else { return nil }
        return (value, k + 1 - i)
    }

    /// `text` (rendered HTML, or CommonMark when `html` is false) with each such character
    /// written out, and in CommonMark each reference to one (`&#7;`), which a git host would
    /// read back as the character.
    static func shown(in text: String, html: Bool) -> String {
        // Looked for in place (`’`, `—` and `“` start with 0xE2 too): a copy only for a text
        // holding one.
        var view = text
        let holdsOne = view.withUTF8 { bytes in
            bytes.indices.contains { at(bytes, $0) != nil || !html && reference(bytes, $0) != nil }
        }
        guard holdsOne else { return text }
        var output: [UInt8] = []
        view.withUTF8 { bytes in
            output.reserveCapacity(bytes.count + 16)
            var i = 0
            while i < bytes.count {
                if let shown = at(bytes, i) ?? (html ? nil : reference(bytes, i)) {
                    write(shown.scalar, html: html, into: &output)
                    i += shown.length
                } else {
                    output.append(bytes[i])
                    i += 1
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
