/// ISO 8601 dates as the workspace writes them: `2026-11-02`, or a timestamp such as
/// `2026-11-02T10:15:00Z`, `2026-11-02T10:15:00.250+01:00`. Kept as text; compared by the instant
/// they stand for (`earlier`, `later`).
public enum ISODate {
    public static func isValid(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 10, digits(b, 0, 4), b[4] == 0x2D, digits(b, 5, 2), b[7] == 0x2D, digits(b, 8, 2) else {
            return false
        }
        let month = number(b, 5, 2), day = number(b, 8, 2), year = number(b, 0, 4)
        // The calendar has no year 0 (1 BC comes before AD 1), nor STIX's or MISP's timestamps:
        // `0000-01-01` is a typo, which an export would write for its consumers to refuse.
        guard year >= 1, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return false }
        if b.count == 10 { return true }
        // Time part: THH:MM[:SS[.fraction]] then Z or ±HH:MM.
        guard b.count >= 16, b[10] == 0x54 || b[10] == 0x74 || b[10] == 0x20, digits(b, 11, 2), b[13] == 0x3A, digits(b, 14, 2),
            number(b, 11, 2) < 24, number(b, 14, 2) < 60
        else { return false }
        var i = 16
        if i < b.count, b[i] == 0x3A {
            guard digits(b, i + 1, 2), number(b, i + 1, 2) < 61 else { return false }
            i += 3
            if i < b.count, b[i] == 0x2E {
                i += 1
                let start = i
                while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
                guard i > start else { return false }
            }
        }
        if i == b.count { return true }
        if b[i] == 0x5A || b[i] == 0x7A { return i + 1 == b.count }
        guard b[i] == 0x2B || b[i] == 0x2D, b.count == i + 6, digits(b, i + 1, 2), b[i + 3] == 0x3A, digits(b, i + 4, 2) else {
            return false
        }
        return true
    }

    /// True for a time written without its zone (`2024-05-01 11:58`, `2024-05-01T11:58:04`,
    /// `2024-05-01T11:58:04.250`).
    /// Read by bytes: the loader asks it of every sighting, and a day (10 bytes) or an instant
    /// with its zone is told at once, without counting characters or making a string.
    public static func hasNoZone(_ text: String) -> Bool {
        let b = text.utf8
        let n = b.count
        guard n >= 16, case let separator = b[b.index(b.startIndex, offsetBy: 10)], separator == 0x20 || separator == 0x54 || separator == 0x74 else { return false }
        // A fraction of a second after the seconds: digits to the end.
        let fraction = n > 20 && b[b.index(b.startIndex, offsetBy: 19)] == UInt8(ascii: ".") && b.dropFirst(20).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard n == 16 || n == 19 || fraction else { return false }
        return ISODate.isValid(String(text.prefix(10)) + "T" + text.dropFirst(11) + "Z")
    }

    /// True for text written as a date (`YYYY-MM-DD`) of a day the calendar has not
    /// (`2026-11-31`, `2026-13-01`): a message says so rather than ask for the form it has.
    public static func isNoSuchDay(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count >= 10, digits(b, 0, 4), b[4] == 0x2D, digits(b, 5, 2), b[7] == 0x2D, digits(b, 8, 2) else { return false }
        return !isValid(String(decoding: b[0..<10], as: UTF8.self))
    }

    /// Earlier of two dates, by the instant they stand for (`2026-11-02T23:30:00-05:00` is after
    /// `2026-11-03T01:00:00Z`); a date counts as its midnight UTC, before any timestamp of that
    /// instant (`precedes`). Of two spellings of one instant, `a` is kept. Text that is no valid
    /// date compares as text.
    /// A timestamp within the day a date names is kept over the date, either way: the day says
    /// no more than that, the timestamp when in it (a first sighting at 12:00 stays so when the
    /// same day is given again).
    public static func earlier(_ a: String?, _ b: String?) -> String? {
        guard let a, let b else { return a ?? b }
        if let within = timestamp(within: a, b) { return within }
        return precedes(b, a) ? b : a
    }

    /// Later of two dates, as `earlier` orders them.
    public static func later(_ a: String?, _ b: String?) -> String? {
        guard let a, let b else { return a ?? b }
        if let within = timestamp(within: a, b) { return within }
        return precedes(a, b) ? b : a
    }

    /// Of a date and a timestamp in that day (UTC), the timestamp; nil for any other pair.
    static func timestamp(within a: String, _ b: String) -> String? {
        guard (a.utf8.count == 10) != (b.utf8.count == 10), let x = instant(a), let y = instant(b) else { return nil }
        let (day, stamp, text) = x.isTimestamp ? (y, x, a) : (x, y, b)
        guard !day.isTimestamp, stamp.isTimestamp, (day.seconds..<day.seconds + 86_400).contains(stamp.seconds) else { return nil }
        return text
    }

    /// True when `a` stands for an earlier instant than `b` (as `earlier` orders them).
    public static func precedes(_ a: String, _ b: String) -> Bool {
        // Two days, or two UTC timestamps written alike, sort as their text: most dates are one of
        // these, and loading compares the dates of every indicator.
        let (x, y) = (a.utf8, b.utf8)
        if x.count == y.count, x.count == 10 || x.last == 0x5A && y.last == 0x5A && x.dropFirst(10).first == y.dropFirst(10).first {
            return a < b
        }
        guard let x = instant(a), let y = instant(b) else { return a < b }
        if x.seconds != y.seconds { return x.seconds < y.seconds }
        if x.fraction != y.fraction { return x.fraction < y.fraction }
        return !x.isTimestamp && y.isTimestamp
    }

    /// Seconds since 1970-01-01T00:00:00Z and the fraction of a second of a valid date or
    /// timestamp; nil for anything else.
    static func instant(_ text: String) -> (seconds: Int, fraction: Double, isTimestamp: Bool)? {
        guard isValid(text) else { return nil }
        let b = Array(text.utf8)
        let days = daysFromCivil(year: number(b, 0, 4), month: number(b, 5, 2), day: number(b, 8, 2))
        guard b.count > 10 else { return (days * 86_400, 0, false) }
        var seconds = days * 86_400 + number(b, 11, 2) * 3_600 + number(b, 14, 2) * 60
        var fraction = 0.0
        var i = 16
        if i < b.count, b[i] == 0x3A {
            seconds += number(b, i + 1, 2)
            i += 3
            if i < b.count, b[i] == 0x2E {
                let start = i
                i += 1
                while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
                fraction = Double(String(decoding: b[start..<i], as: UTF8.self)) ?? 0
            }
        }
        if i < b.count, b[i] == 0x2B || b[i] == 0x2D {
            let offset = number(b, i + 1, 2) * 3_600 + number(b, i + 4, 2) * 60
            seconds += b[i] == 0x2B ? -offset : offset
        }
        return (seconds, fraction, true)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func digits(_ b: [UInt8], _ at: Int, _ count: Int) -> Bool {
        at + count <= b.count && b[at..<(at + count)].allSatisfy { (0x30...0x39).contains($0) }
    }

    private static func number(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        b[at..<(at + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
