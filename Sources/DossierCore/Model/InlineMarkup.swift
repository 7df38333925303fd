/// What Markdown's inline markup joins on a page: `192.0.2.*130*` shows `192.0.2.130`,
/// `[vpn.acme](x)[.example](y)`, `vpn.acme[.example][ref]` and `vpn.acme[](x).example` show
/// `vpn.acme.example`; so does an inline HTML tag (`secret<wbr>.example`, `192.0.<b>2.1</b>`),
/// which a page shows as it is written, among the words it splits, for a reader to join. A value
/// written so is published whole though no word of the file is it.
public enum InlineMarkup {
    /// `text` with the emphasis and code markers that pair up taken out (as CommonMark pairs
    /// them: `*` on either side of a word, `_` not inside one; a marker escaped, `\\*`, or left
    /// unpaired, `13*0`, shows as it is) and each link or image written as its text, where that
    /// joins two words into one; nil when nothing is joined (most texts: `**bold** words` joins
    /// nothing). Backslash escapes are kept as written.
    public static func joined(_ text: String) -> String? {
        // Asked of every note: most join nothing, which is told without copying them.
        guard text.utf8.contains(where: { markers.contains($0) || breaks.contains($0) }),
              mayJoin(text) else { return nil }
        let bytes = Array(text.utf8)
        // The text as pieces, each kept or dropped once the markers are paired.
        var pieces: [(range: Range<Int>, kept: Bool)] = []
        var openers: [UInt8: [Int]] = [:]
        func byte(_ i: Int) -> UInt8? { i >= 0 && i < bytes.count ? bytes[i] : nil }
        var i = 0
        while i < bytes.count {
            let current = bytes[i]
            if current == UInt8(ascii: "<"), let end = htmlTag(bytes, at: i) {
                pieces.append((i..<end, false))
                i = end
                continue
            }
            // An escaped character is no markup; the escape is left for the caller to take off
            // with the text's others.
            if current == UInt8(ascii: "\\"), let next = byte(i + 1), next < 0x80, next > 0x20, !IndicatorBytes.isAlphanumeric(next) {
                pieces.append((i..<i + 2, true))
                i += 2
                continue
            }
            // A blank line ends a paragraph: no marker pairs across it.
            if current == 0x0A, byte(i + 1) == 0x0A || byte(i + 1) == 0x0D { openers.removeAll() }
            if markers.contains(current) {
                var end = i
                while end < bytes.count, bytes[end] == current { end += 1 }
                let (opens, closes) = flanking(current, before: byte(i - 1), after: byte(end))
                if closes, let opener = openers[current]?.popLast() {
                    pieces[opener].kept = false
                    pieces.append((i..<end, false))
                } else {
                    if opens { openers[current, default: []].append(pieces.count) }
                    pieces.append((i..<end, true))
                }
                i = end
                continue
            }
            if current == UInt8(ascii: "["), let link = link(bytes, at: i) {
                // An image (`![alt](src)`) shows its text too, and its `!` nothing, also right
                // after a word (`secret![](x).example`).
                if let last = pieces.last, last.kept, bytes[last.range.upperBound - 1] == UInt8(ascii: "!") {
                    pieces[pieces.count - 1].range = last.range.lowerBound..<(last.range.upperBound - 1)
                    pieces.append((last.range.upperBound - 1..<last.range.upperBound, false))
                }
                pieces.append((i..<i + 1, false))
                pieces.append((link.text, true))
                pieces.append((link.text.upperBound..<link.end, false))
                i = link.end
                continue
            }
            var end = i + 1
            while end < bytes.count, !markers.contains(bytes[end]), !breaks.contains(bytes[end]), bytes[end] != 0x0A { end += 1 }
            pieces.append((i..<end, true))
            i = end
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var joins = false
        var droppedAfterWord = false
        for piece in pieces where !piece.range.isEmpty {
            guard piece.kept else {
                if let last = out.last, !isBlank(last) { droppedAfterWord = true }
                continue
            }
            if droppedAfterWord, !isBlank(bytes[piece.range.lowerBound]) { joins = true }
            droppedAfterWord = false
            out.append(contentsOf: bytes[piece.range])
        }
        return joins ? String(decoding: out, as: UTF8.self) : nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Whether a run of `marker` between `before` and `after` may open and close emphasis (or
    /// a code span), as CommonMark's flanking rules have it: `*` opens before a word and closes
    /// after one, `_` the same but not inside a word.
    private static func flanking(_ marker: UInt8, before: UInt8?, after: UInt8?) -> (opens: Bool, closes: Bool) {
        func isPunctuation(_ byte: UInt8?) -> Bool {
            guard let byte, byte < 0x80 else { return false }
            return byte > 0x20 && byte < 0x7F && !IndicatorBytes.isAlphanumeric(byte)
        }
        let blankBefore = before.map(isBlank) ?? true
        let blankAfter = after.map(isBlank) ?? true
        let leftFlanking = !blankAfter && (!isPunctuation(after) || blankBefore || isPunctuation(before))
        let rightFlanking = !blankBefore && (!isPunctuation(before) || blankAfter || isPunctuation(after))
        if marker == UInt8(ascii: "_") {
            return (leftFlanking && (!rightFlanking || isPunctuation(before)), rightFlanking && (!leftFlanking || isPunctuation(after)))
        }
        return (leftFlanking, rightFlanking)
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
                } else if byte == UInt8(ascii: "<"), let end = htmlTag(bytes, at: i) {
                    if endsValue(i - 1), goesOn(end) { return true }
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

    /// Emphasis and code span markers (libcmark, as dossier uses it, has no strike-through).
    private static let markers = ByteSet("*_`".utf8)

    /// HTML's elements that stand inside a word as well as between words.
    private static let inlineElements: Set<String> = ["wbr", "span", "b", "i", "em", "strong", "u", "s", "mark", "small", "sub", "sup", "code", "kbd",
        "samp", "var", "tt", "a", "abbr", "font", "ins", "del", "q", "cite", "bdi", "bdo", "data", "time"]

    /// What starts a link, an HTML tag or an escape.
    private static let breaks = ByteSet("[<\\".utf8)

    /// Where the inline HTML tag at `start` ends, on one line (`<wbr>`, `</b>`, `<span class="x">`):
    /// what CommonMark reads as raw HTML. Not a tag that parts what it stands between (`<br>`,
    /// `</td><td>` in a page's source quoted), whose words read apart.
    private static func htmlTag<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Int) -> Int? where Bytes.Index == Int {
        guard bytes[start] == UInt8(ascii: "<") else { return nil }
        var i = start + 1
        if i < bytes.count, bytes[i] == UInt8(ascii: "/") { i += 1 }
        guard i < bytes.count, (bytes[i] | 0x20) >= UInt8(ascii: "a"), (bytes[i] | 0x20) <= UInt8(ascii: "z") else { return nil }
        let nameStart = i
        while i < bytes.count, IndicatorBytes.isAlphanumeric(bytes[i]) || bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, inlineElements.contains(String(decoding: (nameStart..<i).map { IndicatorBytes.lower(bytes[$0]) }, as: UTF8.self)) else { return nil }
        if bytes[i] != UInt8(ascii: ">") {
            // Attributes, or `/>`, after a blank or the slash.
            guard bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == UInt8(ascii: "/") else { return nil }
            let limit = min(bytes.count, i + 256)
            while i < limit, bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "<"), bytes[i] != 0x0A { i += 1 }
            guard i < limit, bytes[i] == UInt8(ascii: ">") else { return nil }
        }
        return i + 1
    }

    /// The link at `start` on one line, inline (`[text](destination)`) or by reference
    /// (`[text][label]`, `[text][]`): its text and where it ends. A reference is taken for a link
    /// whether or not its label is defined: undefined, it shows its brackets, and the words still
    /// read as one.
    private static func link<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at start: Int) -> (text: Range<Int>, end: Int)? where Bytes.Index == Int {
        var close = start + 1
        while close < bytes.count, bytes[close] != UInt8(ascii: "]"), bytes[close] != 0x0A { close += 1 }
        guard close + 1 < bytes.count, bytes[close] == UInt8(ascii: "]") else { return nil }
        let closing: UInt8
        switch bytes[close + 1] {
        case UInt8(ascii: "("): closing = UInt8(ascii: ")")
        case UInt8(ascii: "["): closing = UInt8(ascii: "]")
        default: return nil
        }
        var end = close + 2
        while end < bytes.count, bytes[end] != closing, bytes[end] != 0x0A { end += 1 }
        guard end < bytes.count, bytes[end] == closing else { return nil }
        return (start + 1..<close, end + 1)
    }
}
