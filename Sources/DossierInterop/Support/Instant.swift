import DossierCore

/// A point in time read from a workspace date (`2026-11-02`, `2026-11-02T10:15:00+01:00`), for the
/// formats that want UTC timestamps (STIX) or Unix seconds (MISP). Exports never read the clock:
/// a project without dates gets `epoch`, so the same workspace always gives the same bytes.
struct Instant: Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    var seconds: Int
    /// Milliseconds within the second.
    var milliseconds: Int = 0
    /// The digits written past the milliseconds (`456` of `12.123456`), kept for the timestamps
    /// STIX lets be finer (`exactSTIX`) and MISP's microseconds: an export imported back has the
    /// same instant, not one cut to the millisecond.
    var finerDigits = ""

    static let epoch = Instant(seconds: 0)

    /// Parses a date as `ISODate.isValid` accepts it; nil for anything else.
    init?(_ text: String) {
        let b = Array(text.utf8)
        guard ISODate.isValid(text), b.count >= 10 else { return nil }
        func number(_ at: Int, _ count: Int) -> Int { b[at..<(at + count)].reduce(0) { $0 * 10 + Int($1) - 48 } }
        let days = Instant.days(year: number(0, 4), month: number(5, 2), day: number(8, 2))
        var seconds = days * 86_400
        var milliseconds = 0
        var finerDigits = ""
        if b.count > 10 {
            seconds += number(11, 2) * 3_600 + number(14, 2) * 60
            var i = 16
            if i < b.count, b[i] == UInt8(ascii: ":") {
                seconds += number(i + 1, 2)
                i += 3
                if i < b.count, b[i] == UInt8(ascii: ".") {
                    i += 1
                    var digits = 0
                    while i < b.count, (48...57).contains(b[i]) {
                        if digits < 3 { milliseconds = milliseconds * 10 + Int(b[i]) - 48 } else { finerDigits.append(Character(Unicode.Scalar(b[i]))) }
                        digits += 1
                        i += 1
                    }
                    if digits < 3 { for _ in digits..<3 { milliseconds *= 10 } }
                }
            }
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let offset = number(i + 1, 2) * 3_600 + number(i + 4, 2) * 60
                seconds += b[i] == UInt8(ascii: "+") ? -offset : offset
            }
        }
        self.seconds = seconds
        self.milliseconds = milliseconds
        // Zeros past the last digit say nothing: `.120000` is `.120`.
        while finerDigits.last == "0" { finerDigits.removeLast() }
        self.finerDigits = finerDigits
    }

    init(seconds: Int, milliseconds: Int = 0) {
        self.seconds = seconds
        self.milliseconds = milliseconds
    }

    /// `2026-11-02T09:15:00.000Z`: the STIX 2.1 timestamp form (UTC, millisecond precision).
    var stix: String {
        let (y, m, d) = Instant.civil(days: Int(floorDivide(seconds, 86_400)))
        let rest = seconds - floorDivide(seconds, 86_400) * 86_400
        let fields = [(y, 4), (m, 2), (d, 2), (rest / 3_600, 2), (rest / 60 % 60, 2), (rest % 60, 2), (milliseconds, 3)]
        guard (0...9_999).contains(y), (0...999).contains(milliseconds) else {
            let text = fields.map { pad($0, $1) }
            return "\(text[0])-\(text[1])-\(text[2])T\(text[3]):\(text[4]):\(text[5]).\(text[6])Z"
        }
        // Every field fits its width: digits written in place (exports write one per object).
        return String(unsafeUninitializedCapacity: 24) { text in
            var at = 0
            for (position, (value, width)) in fields.enumerated() {
                var rest = value
                for k in stride(from: width - 1, through: 0, by: -1) {
                    text[at + k] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
                at += width
                text[at] = Self.separators[position]
                at += 1
            }
            return at
        }
    }

    /// `stix` with the digits written past the milliseconds (`2026-01-09T10:11:12.123456Z`):
    /// STIX 2.1 wants `created` and `modified` to the millisecond, other timestamps (`valid_from`,
    /// a sighting's `first_seen`) as precise as they are.
    var exactSTIX: String {
        finerDigits.isEmpty ? stix : String(stix.dropLast()) + finerDigits + "Z"
    }

    /// `2026-11-03T14:22:00Z`, or with the fraction it has (`.5`, `.123456`): one spelling of an
    /// instant however a file wrote it (`+00:00`, `.000000`, another zone), as an import stores
    /// it, so that the same moment read from MISP and from STIX makes no change.
    var canonical: String {
        var fraction = String(stix.dropLast().suffix(3)) + finerDigits
        while fraction.last == "0" { fraction.removeLast() }
        return String(stix.prefix(19)) + (fraction.isEmpty ? "" : "." + fraction) + "Z"
    }

    /// What follows each field of `stix`.
    private static let separators = Array("--T::.Z".utf8)

    /// `2026-11-02`: the UTC day.
    var day: String { String(stix.prefix(10)) }

    /// Earlier to the finest digit written (`.1235` after `.123`).
    static func < (a: Instant, b: Instant) -> Bool {
        if (a.seconds, a.milliseconds) != (b.seconds, b.milliseconds) { return (a.seconds, a.milliseconds) < (b.seconds, b.milliseconds) }
        // Digits past the milliseconds, trailing zeros taken off, compare as decimals do: padded.
        let width = max(a.finerDigits.count, b.finerDigits.count)
        func padded(_ digits: String) -> String { digits + String(repeating: "0", count: width - digits.count) }
        return padded(a.finerDigits) < padded(b.finerDigits)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, as ISO 8601)

    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number since 1970-01-01.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

private func floorDivide(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
