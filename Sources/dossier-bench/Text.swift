/// Small formatting helpers shared by the generators.
enum Text {
    /// `n` in base 36, lower case: short unique labels for domains and file names.
    static func base36(_ n: Int) -> String {
        String(n, radix: 36)
    }

    /// `n` with leading zeros to `width` digits.
    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// An ISO 8601 date `days` after 2024-01-01 (proleptic Gregorian, no time zone involved).
    static func date(daysAfter2024 days: Int) -> String {
        // Howard Hinnant's civil-from-days.
        let z = days + 19_723 + 719_468  // 19,723 days from 1970-01-01 to 2024-01-01
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(padded(month, 2))-\(padded(day, 2))"
    }

    static func capitalized(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }
}
