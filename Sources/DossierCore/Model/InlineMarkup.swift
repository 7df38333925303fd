/// What Markdown's inline markup joins on a page: `192.0.2.*130*` shows `192.0.2.130`,
/// `[vpn.acme](x)[.example](y)` and `vpn.acme[](x).example` show `vpn.acme.example`. A value
/// written so is published whole though no word of the file is it.
public enum InlineMarkup {
    /// `text` with emphasis and code markers taken out and each link or image written as its
    /// text, where that joins two words into one; nil when no markup stands between two
    /// characters that are not blank (most texts: `**bold** words` joins nothing).
    public static func joined(_ text: String) -> String? {
        // Asked of every note: most join nothing, which is told without copying them.
        guard text.utf8.contains(where: { markers.contains($0) || $0 == UInt8(ascii: "[") }),
              mayJoin(text) else { return nil }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var joins = false
        var i = 0
        func isBlank(_ byte: UInt8?) -> Bool {
            guard let byte else { return true }
            return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
        /// Whether taking out what stands at `start..<end` joins the characters around it.
        func wouldJoin(_ start: Int, _ end: Int) -> Bool {
            !isBlank(out.last) && !isBlank(end < bytes.count ? bytes[end] : nil)
        }
        while i < bytes.count {
            let byte = bytes[i]
            if markers.contains(byte) {
                var end = i
                while end < bytes.count, bytes[end] == byte { end += 1 }
                // `_` inside a word is a letter of it (`host_name`), not emphasis.
                let isInWord = byte == UInt8(ascii: "_") && out.last.map(IndicatorBytes.isAlphanumeric) == true
                    && end < bytes.count && IndicatorBytes.isAlphanumeric(bytes[end])
                if !isInWord, wouldJoin(i, end) {
                    joins = true
                    i = end
                    continue
                }
                out.append(contentsOf: bytes[i..<end])
                i = end
                continue
            }
            if byte == UInt8(ascii: "["), let link = link(bytes, at: i) {
                // An image (`![alt](src)`) shows its text too; the `!` is already out.
                if out.last == UInt8(ascii: "!") { out.removeLast() }
                let before = out.count
                if !link.text.isEmpty, !isBlank(out.last), !isBlank(bytes[link.text.lowerBound]) { joins = true }
                out.append(contentsOf: bytes[link.text])
                if !isBlank(out.last), !isBlank(link.end < bytes.count ? bytes[link.end] : nil) { joins = true }
                if link.text.isEmpty, before > 0, wouldJoin(i, link.end) { joins = true }
                i = link.end
                continue
            }
            out.append(byte)
            i += 1
        }
        return joins ? String(decoding: out, as: UTF8.self) : nil
    }

    /// Whether some markup of `text` stands between two characters that are not blank, as
    /// `joined` reads it, looked for in place.
    private static func mayJoin(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            /// Whether what ends at `i` could be the start of a value (`192.0.2.`, `vpn.acme`).
            func endsValue(_ i: Int) -> Bool {
                i >= 0 && i < bytes.count && (valueBytes.contains(bytes[i]) || bytes[i] >= 0x80)
            }
            /// Whether what starts at `i` could go on with one: a letter, a digit or what joins
            /// their parts, not a sentence's last stop or colon (`**Note**: text`); markup
            /// standing there is looked through (`[a](x)[.b](y)`, `*.b*`).
            func goesOn(_ i: Int) -> Bool {
                var i = i
                while i < bytes.count, markers.contains(bytes[i]) || bytes[i] == UInt8(ascii: "[") { i += 1 }
                guard endsValue(i) else { return false }
                return !stops.contains(bytes[i]) || endsValue(i + 1) && !stops.contains(bytes[i + 1])
            }
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if markers.contains(byte) {
                    var end = i
                    while end < bytes.count, bytes[end] == byte { end += 1 }
                    let isInWord = byte == UInt8(ascii: "_") && i > 0 && IndicatorBytes.isAlphanumeric(bytes[i - 1])
                        && end < bytes.count && IndicatorBytes.isAlphanumeric(bytes[end])
                    if !isInWord, endsValue(i - 1), goesOn(end) { return true }
                    i = end
                } else if byte == UInt8(ascii: "["), let link = link(bytes, at: i) {
                    // A link's text joined to what stands before or after it (`x[y](z)`,
                    // `[x](y)z`), or an empty link between two words.
                    let previous = i > 0 && bytes[i - 1] == UInt8(ascii: "!") ? i - 2 : i - 1
                    if link.text.isEmpty ? endsValue(previous) && goesOn(link.end)
                        : endsValue(previous) && goesOn(link.text.lowerBound) || endsValue(link.text.upperBound - 1) && goesOn(link.end) {
                        return true
                    }
                    i += 1
                } else {
                    i += 1
                }
            }
            return false
        }
    }

    /// What a value is written with, and the stops among them that may end a sentence.
    private static let valueBytes = ByteSet("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_@/:%".utf8)
    private static let stops = ByteSet(".:".utf8)

    /// Emphasis, strike-through and code span markers.
    private static let markers = ByteSet("*_~`".utf8)

    /// The link `[text](destination)` at `start` on one line: its text and where it ends.
    private static func link<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Int) -> (text: Range<Int>, end: Int)? where Bytes.Index == Int {
        var close = start + 1
        while close < bytes.count, bytes[close] != UInt8(ascii: "]"), bytes[close] != 0x0A { close += 1 }
        guard close + 1 < bytes.count, bytes[close] == UInt8(ascii: "]"), bytes[close + 1] == UInt8(ascii: "(") else { return nil }
        var end = close + 2
        while end < bytes.count, bytes[end] != UInt8(ascii: ")"), bytes[end] != 0x0A { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ")") else { return nil }
        return (start + 1..<close, end + 1)
    }
}
