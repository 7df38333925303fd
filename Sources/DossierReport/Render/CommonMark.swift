import CCmark

/// Every call into libcmark. Notes are parsed once into a tree, cleaned of what must never reach a
/// reader (raw HTML, script-capable links and images), then rendered as HTML or CommonMark. cmark's
/// safe defaults stay on as a second guard.
public enum CommonMark {
    /// Note Markdown as an HTML fragment.
    public static func html(_ markdown: String) -> String {
        render(markdown) { cmark_render_html($0, CMARK_OPT_DEFAULT) }
    }

    /// Note Markdown as cleaned CommonMark, for Markdown reports.
    public static func commonMark(_ markdown: String) -> String {
        render(markdown) { cmark_render_commonmark($0, CMARK_OPT_DEFAULT, 0) }
    }

    private static func render(_ markdown: String, _ renderer: (OpaquePointer) -> UnsafeMutablePointer<CChar>?) -> String {
        let bytes = Array(markdown.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, buffer.count, CMARK_OPT_DEFAULT) }
        }) else { return "" }
        defer { cmark_node_free(document) }
        sanitize(document)
        guard let output = renderer(document) else { return "" }
        defer { free(output) }
        return String(cString: output)
    }

    /// Turns raw HTML into literal code, drops the destination of unsafe links, and turns images
    /// into links: a report loads nothing from outside and runs nothing.
    private static func sanitize(_ document: OpaquePointer) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var replacements: [(OpaquePointer, Bool)] = []
        var images: [OpaquePointer] = []
        var emphasisDepth = 0
        var tooDeep: [OpaquePointer] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG {
                if event == CMARK_EVENT_EXIT {
                    emphasisDepth -= 1
                } else {
                    emphasisDepth += 1
                    if emphasisDepth > maximumEmphasisDepth { tooDeep.append(node) }
                }
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_HTML_BLOCK: replacements.append((node, true))
            case CMARK_NODE_HTML_INLINE: replacements.append((node, false))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                if !isSafe(url) { cmark_node_set_url(node, "") }
                if cmark_node_get_type(node) == CMARK_NODE_IMAGE { images.append(node) }
            default: break
            }
        }
        // Emphasis nested past the bound keeps its text, not its markup: libcmark 0.30's
        // CommonMark renderer takes time quadratic in the nesting (57 s for 60,000 levels).
        for node in tooDeep {
            while let child = cmark_node_first_child(node) {
                cmark_node_insert_before(node, child)
            }
            cmark_node_free(node)
        }
        for image in images {
            guard let link = cmark_node_new(CMARK_NODE_LINK) else { continue }
            cmark_node_set_url(link, cmark_node_get_url(image))
            cmark_node_set_title(link, cmark_node_get_title(image))
            while let child = cmark_node_first_child(image) {
                cmark_node_append_child(link, child)
            }
            cmark_node_replace(image, link)
            cmark_node_free(image)
        }
        for (node, isBlock) in replacements {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            guard let replacement = cmark_node_new(isBlock ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_CODE) else { continue }
            cmark_node_set_literal(replacement, literal)
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
    }

    /// Emphasis (and strong emphasis) nested deeper than this is rendered as its text.
    static let maximumEmphasisDepth = 16

    /// Links may go to the web, mail, or a place in the same page; nothing that can run code.
    static func isSafe(_ url: String) -> Bool {
        let lowered = url.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard let colon = lowered.firstIndex(of: ":") else { return true }
        let slash = lowered.firstIndex(of: "/") ?? lowered.endIndex
        let hash = lowered.firstIndex(of: "#") ?? lowered.endIndex
        let query = lowered.firstIndex(of: "?") ?? lowered.endIndex
        // A colon after the first slash, '#' or '?' is not a scheme separator.
        guard colon < slash, colon < hash, colon < query else { return true }
        let scheme = lowered[..<colon]
        return ["http", "https", "mailto"].contains(scheme)
    }
}

import Foundation
