/// How dossier's MISP export writes an indicator's `source`, its provenance, which MISP has no
/// field for: the machine tag `dossier:source="mail gateway"`.
///
/// Every import reads such a tag as the source, in whatever format it comes (a MISP event's or
/// MISP CSV's attribute tags, STIX labels, which MISP's own STIX export writes its tags as) and
/// however it is written (`DOSSIER:SOURCE=x`, unquoted, empty): never as a tag, since a tag is
/// published and a source never is. On a file as a whole (a MISP event's tag), it is the
/// source of the file's indicators that state none.
public enum SourceTag {
    static let prefix = "dossier:source"

    /// The tag that records `source`.
    static func tag(_ source: String) -> String { prefix + "=\"" + source + "\"" }

    /// Whether `tag` is one, well written or not: `dossier:source` in any case, then nothing, `=`
    /// or a blank (not `dossier:sources`).
    public static func isSourceTag(_ tag: String) -> Bool {
        // Asked of every tag of every indicator imported: most start with another letter.
        guard let first = tag.utf8.first, first | 0x20 == UInt8(ascii: "d"), tag.utf8.count >= prefix.utf8.count,
              tag.utf8.prefix(prefix.utf8.count).elementsEqual(prefix.utf8, by: { $0 | 0x20 == $1 | 0x20 }) else { return false }
        guard let next = tag.utf8.dropFirst(prefix.utf8.count).first else { return true }
        return next == UInt8(ascii: "=") || next == UInt8(ascii: " ") || next == 0x09
    }

    /// The source a source tag records: what follows its `=`, without the quotes around it
    /// (between the first and the last: `"a "quoted" name"`) and the blanks around that; nil for
    /// another tag, or one that records nothing.
    static func source(of tag: String) -> String? {
        guard isSourceTag(tag) else { return nil }
        var rest = Substring(tag.dropFirst(prefix.count)).drop { $0 == " " || $0 == "\t" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        if rest.first == "\"" {
            rest = rest.dropFirst()
            if rest.last == "\"" { rest = rest.dropLast() }
        }
        let source = rest.trimmingSpaces
        return source.isEmpty ? nil : source
    }
}
