import CCmark
import DossierCore

/// Keeps the `_` and `*` of web addresses written in a note from being read as emphasis:
/// `http://evil.example/wp/__init__.py` is one address, not "init" in bold (which also cut it in
/// two for defanging). Before parsing they are swapped for characters of Unicode's private use
/// area, which no Markdown rule reads; after parsing, swapped back in every text, code,
/// destination and title of the tree, so code spans, autolinks and raw HTML keep exactly what was
/// written.
enum AddressMarkup {
    static let underscore: Unicode.Scalar = "\u{E000}"
    static let asterisk: Unicode.Scalar = "\u{E001}"

    /// `markdown` with the `_` and `*` inside its addresses swapped, or nil when it has none to
    /// swap. A trailing run stays (`_see http://evil.example/x_` closes its emphasis), and so does
    /// all of a note that holds one of the two characters itself, which could not be told apart.
    static func protected(_ markdown: String) -> String? {
        guard mayHoldMarkedAddress(markdown),
              !markdown.unicodeScalars.contains(where: { $0 == underscore || $0 == asterisk }) else { return nil }
        let bytes = Array(markdown.utf8)
        var out: [UInt8] = []
        var copied = 0
        for span in Indicators.addressSpans(in: markdown) where span.lowerBound >= copied {
            var end = span.upperBound
            while end > span.lowerBound, isMarkup(bytes[end - 1]) { end -= 1 }
            for offset in span.lowerBound..<end where isMarkup(bytes[offset]) {
                out += bytes[copied..<offset]
                out += String(bytes[offset] == UInt8(ascii: "_") ? underscore : asterisk).utf8
                copied = offset + 1
            }
        }
        guard copied > 0 else { return nil }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with the swapped characters back.
    static func restored(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == underscore || $0 == asterisk }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == underscore ? "_" : scalar == asterisk ? "*" : scalar)
        }
        return String(scalars)
    }

    /// Swaps the characters back everywhere in `document` that holds text as written.
    static func restore(_ document: OpaquePointer) {
        CommonMarkTree.forEachNode(in: document) { node, type in
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                restore(node, cmark_node_get_literal, cmark_node_set_literal)
            case CMARK_NODE_CODE_BLOCK:
                restore(node, cmark_node_get_literal, cmark_node_set_literal)
                restore(node, cmark_node_get_fence_info, cmark_node_set_fence_info)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                restore(node, cmark_node_get_url, cmark_node_set_url)
                restore(node, cmark_node_get_title, cmark_node_set_title)
            default:
                break
            }
        }
    }

    private static func restore(_ node: OpaquePointer, _ get: (OpaquePointer) -> UnsafePointer<CChar>?,
        _ set: (OpaquePointer, UnsafePointer<CChar>?) -> Int32) {
        guard let value = get(node).map({ String(cString: $0) }) else { return }
        let restored = restored(value)
        if restored != value { _ = set(node, restored) }
    }

    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || byte == UInt8(ascii: "*")
    }

    /// False when no `_` or `*` follows a slash in its word, as in every address that has one to
    /// swap: most notes stop here, before any search for addresses.
    private static func mayHoldMarkedAddress(_ markdown: String) -> Bool {
        var slashInWord = false
        for byte in markdown.utf8 {
            switch byte {
            case UInt8(ascii: "/"): slashInWord = true
            case UInt8(ascii: "_"), UInt8(ascii: "*"): if slashInWord { return true }
            case 0...0x20: slashInWord = false
            default: break
            }
        }
        return false
    }
}
