import Testing
@testable import DossierCore

/// Dates and timestamps as the workspace writes them, ordered by the instant they stand for.
@Suite("ISO dates")
struct ISODateTests {
    @Test("dates compare by the instant they stand for, whatever their offsets; one instant spelled twice keeps the first spelling")
    func instants() {
        #expect(ISODate.earlier("2026-11-02T23:30:00-05:00", "2026-11-03T01:00:00Z") == "2026-11-03T01:00:00Z")
        #expect(ISODate.later("2026-11-02T23:30:00-05:00", "2026-11-03T01:00:00Z") == "2026-11-02T23:30:00-05:00")
        #expect(ISODate.earlier("2026-11-03T10:00:00+01:00", "2026-11-03T09:00:00Z") == "2026-11-03T10:00:00+01:00")
        #expect(ISODate.earlier("2026-11-03", "2026-11-03T00:00:00Z") == "2026-11-03T00:00:00Z")
        #expect(ISODate.later("2026-11-03T00:00:00.5Z", "2026-11-03T00:00:00.25Z") == "2026-11-03T00:00:00.5Z")
        #expect(ISODate.earlier("2026-11-02t23:00:00Z", "2026-11-02T22:00:00Z") == "2026-11-02T22:00:00Z")
        #expect(ISODate.earlier("1969-12-31", "2000-02-29") == "1969-12-31")
        #expect(!ISODate.precedes("2026-11-02T20:00:00Z", "2026-11-03T01:00:00+05:00"))
        #expect(ISODate.precedes("2026-11-02", "2026-11-03"))
        #expect(ISODate.precedes("not a date", "one more"))
    }

    @Test("a day of the calendar is valid, and a day it has not is no date: the 30th of February, the 13th month, and year 0, which no calendar has (STIX and MISP refuse it)")
    func validDays() {
        for valid in ["2024-02-29", "0001-01-01", "1969-12-31", "2026-11-02T10:15:00Z", "2026-11-02T10:15:00.250+01:00"] {
            #expect(ISODate.isValid(valid), "\(valid)")
        }
        for day in ["2026-02-30", "2026-13-01", "2025-02-29", "0000-01-01", "0000-06-15T10:00:00Z"] {
            #expect(!ISODate.isValid(day) && ISODate.isNoSuchDay(day), "\(day)")
        }
        #expect(!ISODate.isValid("2026-11-2") && !ISODate.isNoSuchDay("2026-11-2"))
    }

    @Test("a timestamp within the day a date names is kept over the date, as first and as last sighting; outside the day, the instants decide")
    func timestampWithinDay() {
        #expect(ISODate.earlier("2026-11-10T12:00:00Z", "2026-11-10") == "2026-11-10T12:00:00Z")
        #expect(ISODate.earlier("2026-11-10", "2026-11-10T12:00:00Z") == "2026-11-10T12:00:00Z")
        #expect(ISODate.later("2026-11-10", "2026-11-10T23:59:59Z") == "2026-11-10T23:59:59Z")
        #expect(ISODate.earlier("2026-11-09T23:00:00Z", "2026-11-10") == "2026-11-09T23:00:00Z")
        #expect(ISODate.later("2026-11-11T01:00:00Z", "2026-11-10") == "2026-11-11T01:00:00Z")
        #expect(ISODate.earlier("2026-11-11T01:00:00Z", "2026-11-10") == "2026-11-10")
    }
}
