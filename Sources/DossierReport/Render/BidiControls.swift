/// The characters that reorder the text around them: the bidirectional embeddings, overrides and
/// isolates (U+202A-U+202E, U+2066-U+2069) of "Trojan Source". Wherever a report shows text (a
/// title, a comment, a tag, a note) each is written out as its code point, so that
/// `invoice\u{202E}fdp.exe` cannot read as `invoiceexe.pdf`. The marks that only set a direction
/// (U+200E, U+200F), which right-to-left writing needs, are left as they are.
enum BidiControls {
    /// The visible form of the control whose three UTF-8 bytes these are, as HTML text; nil for
    /// any other bytes.
    @inline(__always) static func entity(_ first: UInt8, _ second: UInt8?, _ third: UInt8?) -> StaticString? {
        guard first == 0xE2, let second, let third else { return nil }
        switch (second, third) {
        case (0x80, 0xAA): return "&lt;U+202A&gt;"
        case (0x80, 0xAB): return "&lt;U+202B&gt;"
        case (0x80, 0xAC): return "&lt;U+202C&gt;"
        case (0x80, 0xAD): return "&lt;U+202D&gt;"
        case (0x80, 0xAE): return "&lt;U+202E&gt;"
        case (0x81, 0xA6): return "&lt;U+2066&gt;"
        case (0x81, 0xA7): return "&lt;U+2067&gt;"
        case (0x81, 0xA8): return "&lt;U+2068&gt;"
        case (0x81, 0xA9): return "&lt;U+2069&gt;"
        default: return nil
        }
    }

    /// `text` (rendered HTML, or Markdown when `html` is false) with each control written out:
    /// `&lt;U+202E&gt;` in HTML, `<U+202E>` in Markdown, where it is neither a tag nor a link and
    /// reads the same in a code span.
    static func shown(in text: String, html: Bool) -> String {
        // `’`, `—` and `“` start with 0xE2 too: looked for in place, a copy only for a text
        // holding a control.
        var view = text
        let holdsControl = view.withUTF8 { b in
            b.indices.contains { b[$0] == 0xE2 && entity(0xE2, $0 + 1 < b.count ? b[$0 + 1] : nil, $0 + 2 < b.count ? b[$0 + 2] : nil) != nil }
        }
        guard holdsControl else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if let entity = entity(bytes[i], i + 1 < bytes.count ? bytes[i + 1] : nil, i + 2 < bytes.count ? bytes[i + 2] : nil) {
                let shown = UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount)
                // `&lt;U+202E&gt;` as it is, or its code point between `<` and `>`.
                output += html ? Array(shown) : [UInt8(ascii: "<")] + shown.dropFirst(4).dropLast(4) + [UInt8(ascii: ">")]
                i += 3
            } else {
                output.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
