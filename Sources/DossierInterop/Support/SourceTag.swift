import DossierCore
import Foundation

/// How dossier's MISP export writes an indicator's `source`, its provenance, which MISP has no
/// field for: the machine tag `dossier:source="mail gateway"`.
///
/// Every import reads such a tag (`Tag.isSourceTag`: however it is spelled) as the source, in
/// whatever format it comes (a MISP event's or MISP CSV's attribute tags, STIX labels, which
/// MISP's own STIX export writes its tags as): never as a tag, since a tag is published and a
/// source never is. On a file as a whole (a MISP event's tag), it is the source of the file's
/// indicators that state none.
enum SourceTag {
    /// The tag that records `source`.
    static func tag(_ source: String) -> String { Tag.sourceNamespace + "=\"" + source + "\"" }

    /// The source a source tag records: what follows its `=` (or `:`), without the quotes
    /// around it (between the first and the last: `"a "quoted" name"`) and the blanks around
    /// that, as written; nil for another tag, or one that records nothing.
    static func source(of tag: String) -> String? {
        guard Tag.isSourceTag(tag) else { return nil }
        // Read in the form `isSourceTag` compares (a full-width `＝` is `=`), but for its case.
        let tidy = Tag.tidy(tag.precomposedStringWithCompatibilityMapping)
        guard let predicate = tidy.range(of: "source", options: .caseInsensitive) else { return nil }
        var rest = tidy[predicate.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
        guard let separator = rest.first, separator == "=" || separator == ":" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        if let quote = rest.first, "\"'\u{201C}".contains(quote) {
            rest = rest.dropFirst()
            if let last = rest.last, "\"'\u{201D}".contains(last) { rest = rest.dropLast() }
        }
        let source = rest.trimmingSpaces
        return source.isEmpty ? nil : source
    }
}
