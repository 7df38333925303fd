import DossierCore

/// The one spelling the workspace keeps a date or an instant in, however it was written: what
/// `import` stores from any file and `add` from its options, so that the same moment read twice
/// changes nothing.
public enum DateSpelling {
    /// `text` (valid as `ISODate.isValid` says) in canonical form: a day as it is; an instant in
    /// UTC (`2026-11-03T15:22:00+01:00` is `2026-11-03T14:22:00Z`), midnight UTC as its day; a
    /// time with no zone (`2024-05-01 11:58:04`, as feeds and spreadsheets write one, UTC or local)
    /// as its day, which no zone moves by more than one. Nil when it is no valid date.
    public static func canonical(_ text: String) -> String? {
        if ISODate.hasNoZone(text) { return String(text.prefix(10)) }
        guard ISODate.isValid(text), let instant = Instant(text) else { return nil }
        guard text.count > 10 else { return text }
        return instant.seconds % 86_400 == 0 && instant.milliseconds == 0 && instant.finerDigits.allSatisfy({ $0 == "0" }) ? instant.day : instant.canonical
    }

    /// `text` as a page shows it, so that a column of dates reads alike however each was written:
    /// a day as it is (`2026-11-03`); an instant in UTC to the minute, with its seconds when it
    /// has any (`2026-11-03T15:22:00+01:00` is `2026-11-03 14:22 UTC`); a time with no zone as
    /// written, to the minute or second, with no zone said. Anything else as it is.
    public static func shown(_ text: String) -> String {
        guard text.utf8.count > 10 else { return text }
        if ISODate.hasNoZone(text) {
            let time = text.dropFirst(11).prefix(8)
            return String(text.prefix(10)) + " " + (time.hasSuffix(":00") ? time.prefix(5) : time)
        }
        // Past year 9999 or before year 1 in UTC (`9999-12-31T23:00:00-05:00`), as written.
        guard let stix = Instant(text)?.stix, stix.utf8.count == 24, !stix.hasPrefix("0000") else { return text }
        let time = stix.dropFirst(11).prefix(8)
        return String(stix.prefix(10)) + " " + (time.hasSuffix(":00") ? time.prefix(5) : time) + " UTC"
    }
}
