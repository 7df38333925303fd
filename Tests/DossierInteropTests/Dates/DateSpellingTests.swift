import DossierInterop
import Testing

/// How a date reads on a page (`DateSpelling.shown`) and how an import stores it (`canonical`).
@Suite("Date spelling")
struct DateSpellingTests {
    @Test("a page shows a day as it is, an instant in UTC to the minute or second, a time with no zone as written (either T), and what it cannot show so as written", arguments: [
        ("2026-11-03", "2026-11-03"),
        ("2026-11-03T15:22:00+01:00", "2026-11-03 14:22 UTC"),
        ("2026-11-03T15:22:07.250+01:00", "2026-11-03 14:22:07 UTC"),
        ("2026-12-31T23:30:00-01:00", "2027-01-01 00:30 UTC"),
        ("2026-11-03t10:15:00z", "2026-11-03 10:15 UTC"),
        ("2024-05-01 11:58:04", "2024-05-01 11:58:04"),
        ("2024-05-01t11:58", "2024-05-01 11:58"),
        ("9999-12-31T23:00:00-05:00", "9999-12-31T23:00:00-05:00"),
        ("0001-01-01T00:30:00+01:00", "0001-01-01T00:30:00+01:00"),
        ("last Tuesday", "last Tuesday"),
    ])
    func shown(_ written: String, _ page: String) {
        #expect(DateSpelling.shown(written) == page)
    }

    @Test("an import stores a time with no zone as its day, whichever T separates it")
    func noZoneDay() {
        #expect(DateSpelling.canonical("2024-05-01t11:58") == "2024-05-01")
        #expect(DateSpelling.canonical("2024-05-01T11:58") == "2024-05-01")
    }
}
