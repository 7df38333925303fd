import Testing
@testable import DossierCore

@Suite("merge")
struct IndicatorMergeTests {
    static func project(_ indicators: [Indicator]) -> Project {
        Project(slug: "p", folder: "/tmp/p", title: "P", indicators: indicators)
    }

    static let recorded = Indicator(
        value: "evil.example", type: .domain, classification: .suspicious, tags: ["Blocked", "Phishing"],
        firstSeen: "2026-10-30", lastSeen: "2026-11-02", source: "mail gateway", comment: "Landing page")

    @Test("dates are sightings: a last sighting before the recorded first one makes both ends of the span, never an inverted one")
    func sightingsSpan() {
        let recorded = Indicator(value: "ord.example", type: .domain, firstSeen: "2026-11-05")
        let (merged, changes, _) = IndicatorMerge.merge(Indicator(value: "ord.example", type: .domain, lastSeen: "2026-11-01"), into: recorded)
        #expect(merged.firstSeen == "2026-11-01" && merged.lastSeen == "2026-11-05")
        #expect(changes == [.firstSeen(from: "2026-11-05", to: "2026-11-01"), .lastSeen(from: nil, to: "2026-11-05")])
        let (widened, _, _) = IndicatorMerge.merge(Indicator(value: "ord.example", type: .domain, lastSeen: "2026-11-09"), into: recorded)
        #expect(widened.firstSeen == "2026-11-05" && widened.lastSeen == "2026-11-09")
        // A span, then a last sighting before it: it was seen then, so the span starts there,
        // as when only a first sighting was recorded.
        let spanned = Indicator(value: "ord.example", type: .domain, firstSeen: "2026-03-01", lastSeen: "2026-03-05")
        let (earlier, _, _) = IndicatorMerge.merge(Indicator(value: "ord.example", type: .domain, lastSeen: "2026-01-01"), into: spanned)
        #expect(earlier.firstSeen == "2026-01-01" && earlier.lastSeen == "2026-03-05")
        // First sightings alone make no last one.
        let (firsts, _, _) = IndicatorMerge.merge(Indicator(value: "ord.example", type: .domain, firstSeen: "2026-12-01"), into: recorded)
        #expect(firsts.firstSeen == "2026-11-05" && firsts.lastSeen == nil)
    }

    @Test("a URL with a letter outside ASCII and the same URL escaped (as STIX and feeds write it) are one indicator, under the spelling recorded first")
    func urlSpellings() {
        let recorded = [Indicator(value: "http://a.example/\u{FC}ber", type: .url, classification: .malicious),
                        Indicator(value: "http://a.example/%E2%82%AC", type: .url),
                        Indicator(value: "http://a.example/%zz", type: .url)]
        let incoming = [Indicator(value: "http://a.example/%C3%BCber", type: .url, tags: ["C2"]),
                        Indicator(value: "http://a.example/\u{20AC}", type: .url, comment: "euro"),
                        Indicator(value: "http://a.example/%25zz", type: .url),
                        // Different URLs: an escaped `%41` is not `%41` (`A`); a new spelling pair merges in itself.
                        Indicator(value: "http://a.example/%2541", type: .url),
                        Indicator(value: "http://a.example/%41", type: .url),
                        Indicator(value: "http://b.example/caf%C3%A9", type: .url),
                        Indicator(value: "http://b.example/caf\u{E9}", type: .url, tags: ["Blocked"]),
                        // Letters that are one value (ü precomposed or u and U+0308; Å as the angstrom
                        // sign or the letter) are one URL escaped too, whatever the order they come in.
                        Indicator(value: "http://a.example/u%CC%88ber", type: .url),
                        Indicator(value: "http://a.example/%E2%84%AB", type: .url),
                        Indicator(value: "http://a.example/%C3%85", type: .url)]
        let (merged, report) = IndicatorMerge.merge(incoming, into: Self.project(recorded))
        #expect(merged.indicators.map(\.value) == recorded.map(\.value)
            + ["http://a.example/%2541", "http://a.example/%41", "http://b.example/caf%C3%A9",
               "http://a.example/%E2%84%AB"])
        #expect(merged.indicators[0].tags == ["C2"] && merged.indicators[0].classification == .malicious)
        #expect(merged.indicators[1].comment == "euro")
        #expect(merged.indicators[5].tags == ["Blocked"])
        #expect(report.merged.map(\.key.value) == ["http://a.example/\u{FC}ber", "http://a.example/%E2%82%AC"])
        #expect(report.unchanged.map(\.key.value) == ["http://a.example/%zz"])
        #expect(Indicators.urlSpellingKey("http://a.example/plain") == nil)
        // An escape of visible ASCII a URI cannot hold as written is that letter (`%3C` is `<`, as
        // a STIX export writes it and its import reads it back); one a URI holds (`%2F`) is not.
        #expect(Indicators.urlSpellingKey("http://x.example/?x=%3Cy%3e%7C") == "http://x.example/?x=<y>|")
        #expect(Indicators.urlSpellingKey("http://x.example/a%2Fb%20c") == nil || Indicators.urlSpellingKey("http://x.example/a%2Fb%20c") == "http://x.example/a%2Fb%20c")
        let (joined, _) = IndicatorMerge.merge([Indicator(value: "http://x.example/?x=<y>", type: .url)],
            into: Self.project([Indicator(value: "http://x.example/?x=%3Cy%3E", type: .url)]))
        #expect(joined.indicators.map(\.value) == ["http://x.example/?x=%3Cy%3E"])
        // A spelling and a value that are one URL merge in either order.
        let spellings = ["http://x.example/\u{E9}", "http://x.example/e\u{301}", "http://x.example/e%CC%81", "http://x.example/%C3%A9"]
        for order in [[0, 1, 2, 3], [1, 2, 0, 3], [2, 3, 1, 0], [3, 0, 2, 1]] {
            let (one, _) = IndicatorMerge.merge(order.map { Indicator(value: spellings[$0], type: .url) }, into: Self.project([]))
            #expect(one.indicators.count == 1, "\(order)")
        }
    }

    @Test("a new indicator is added, in input order, once")
    func adds() {
        let a = Indicator(value: "192.0.2.1", type: .ipv4)
        let b = Indicator(value: "evil.example", type: .domain, tags: ["C2"])
        let b2 = Indicator(value: "evil.example", type: .domain, tags: ["c2", "Phishing"], firstSeen: "2026-01-01")
        let (merged, report) = IndicatorMerge.merge([a, b, b2], into: Self.project([]))
        #expect(report.added == [a.key, b.key])
        #expect(report.merged.isEmpty && report.unchanged.isEmpty && report.hasChanges)
        #expect(merged.indicators.count == 2)
        #expect(merged.indicators[1].tags == ["C2", "Phishing"])
        #expect(merged.indicators[1].firstSeen == "2026-01-01")
        #expect(report.repeatedInInput == 1 && report.conflicts.isEmpty)
    }

    @Test("an indicator given twice in the input with two comments keeps the first and says the second was not taken")
    func repeatedInInput() {
        let first = Indicator(value: "evil.example", type: .domain, comment: "Phishing kit host")
        let second = Indicator(value: "evil.example", type: .domain, comment: "Seen in the spam run")
        let third = Indicator(value: "evil.example", type: .domain, source: "feed")
        let (merged, report) = IndicatorMerge.merge([first, second, third, first], into: Self.project([]))
        #expect(merged.indicators.map(\.comment) == ["Phishing kit host"] && merged.indicators[0].source == "feed")
        #expect(report.added == [first.key] && report.repeatedInInput == 3)
        #expect(report.conflicts.map(\.key) == [first.key])
        #expect(report.conflicts.map(\.conflict.description) == [#"comment "Seen in the spam run" ignored; kept "Phishing kit host""#])
        // Recorded already, given twice: one unchanged, one repeat.
        let (_, again) = IndicatorMerge.merge([second, second], into: merged)
        #expect(again.unchanged.map(\.key) == [first.key] && again.repeatedInInput == 1)
    }

    @Test("tags are unioned case-insensitively, keeping the recorded spelling")
    func tags() {
        let incoming = Indicator(value: "evil.example", type: .domain, tags: ["blocked", "C2", "c2"])
        let (merged, report) = IndicatorMerge.merge([incoming], into: Self.project([Self.recorded]))
        #expect(merged.indicators[0].tags == ["Blocked", "Phishing", "C2"])
        #expect(report.merged.map(\.changes) == [[.tagsAdded(["C2"])]])
    }

    @Test("the earliest firstSeen and the latest lastSeen are kept")
    func dates() {
        let wider = Indicator(value: "evil.example", type: .domain, firstSeen: "2026-10-01", lastSeen: "2026-12-01T10:00:00Z")
        let narrower = Indicator(value: "evil.example", type: .domain, firstSeen: "2026-10-31", lastSeen: "2026-11-01")
        let (merged, report) = IndicatorMerge.merge([wider], into: Self.project([Self.recorded]))
        #expect(merged.indicators[0].firstSeen == "2026-10-01")
        #expect(merged.indicators[0].lastSeen == "2026-12-01T10:00:00Z")
        #expect(report.merged[0].changes == [
            .firstSeen(from: "2026-10-30", to: "2026-10-01"), .lastSeen(from: "2026-11-02", to: "2026-12-01T10:00:00Z"),
        ])
        let (same, unchanged) = IndicatorMerge.merge([narrower], into: Self.project([Self.recorded]))
        #expect(same.indicators == [Self.recorded])
        #expect(unchanged.unchanged.map(\.key) == [Self.recorded.key] && !unchanged.hasChanges)
    }

    @Test("firstSeen keeps the earlier instant, whatever the offsets")
    func instants() {
        let recorded = Indicator(value: "ts.example", type: .domain, firstSeen: "2026-11-02T23:30:00-05:00")
        let incoming = Indicator(value: "ts.example", type: .domain, firstSeen: "2026-11-03T01:00:00Z")
        let (merged, _) = IndicatorMerge.merge([incoming], into: Self.project([recorded]))
        #expect(merged.indicators[0].firstSeen == "2026-11-03T01:00:00Z")
    }

    @Test("an explicit classification replaces the recorded one and is reported; none leaves it")
    func classification() {
        let explicit = Indicator(value: "evil.example", type: .domain, classification: .malicious)
        let (merged, report) = IndicatorMerge.merge([explicit], into: Self.project([Self.recorded]))
        #expect(merged.indicators[0].classification == .malicious)
        #expect(report.merged[0].changes == [.classification(from: .suspicious, to: .malicious)])
        #expect(report.merged[0].changes[0].description == "classification suspicious → malicious")

        let none = Indicator(value: "evil.example", type: .domain)
        let (kept, _) = IndicatorMerge.merge([none], into: Self.project([Self.recorded]))
        #expect(kept.indicators[0].classification == .suspicious)

        let implied = Indicator(value: "evil.example", type: .domain, tags: ["Blocked"])
        let (written, report2) = IndicatorMerge.merge([explicit], into: Self.project([implied]))
        #expect(written.indicators[0].classification == .malicious)
        #expect(report2.merged[0].changes[0].description == "classification (implied) → malicious")
    }

    @Test("imported data (keepsRecorded) never replaces a recorded or implied classification with unknown; add's unknown does")
    func importedUnknown() {
        let unknown = Indicator(value: "evil.example", type: .domain, classification: .unknown)
        let (kept, report) = IndicatorMerge.merge([unknown], into: Self.project([Self.recorded]), unknown: .keepsRecorded)
        #expect(kept.indicators[0].classification == .suspicious)
        #expect(report.unchanged.map(\.key) == [Self.recorded.key] && !report.hasChanges)
        let implied = Indicator(value: "evil.example", type: .domain, tags: ["Blocked"])
        let (stillImplied, _) = IndicatorMerge.merge([unknown], into: Self.project([implied]), unknown: .keepsRecorded)
        #expect(stillImplied.indicators[0].classification == nil)
        // A real classification from a file still replaces, and a new indicator keeps its unknown.
        let malicious = Indicator(value: "evil.example", type: .domain, classification: .malicious)
        let (replaced, _) = IndicatorMerge.merge([malicious], into: Self.project([Self.recorded]), unknown: .keepsRecorded)
        #expect(replaced.indicators[0].classification == .malicious)
        let (added, _) = IndicatorMerge.merge([unknown], into: Self.project([]), unknown: .keepsRecorded)
        #expect(added.indicators[0].classification == .unknown)
        // The user's own word (add --classify unknown) replaces, as before.
        let (explicit, _) = IndicatorMerge.merge([unknown], into: Self.project([Self.recorded]))
        #expect(explicit.indicators[0].classification == .unknown)
    }

    @Test("comment and source are filled when absent; a different one is kept and reported as a conflict")
    func commentAndSource() {
        let bare = Indicator(value: "evil.example", type: .domain)
        let incoming = Indicator(value: "evil.example", type: .domain, source: "vendor blog", comment: "From the blog")
        let (filled, report) = IndicatorMerge.merge([incoming], into: Self.project([bare]))
        #expect(filled.indicators[0].source == "vendor blog" && filled.indicators[0].comment == "From the blog")
        #expect(report.merged[0].changes == [.source("vendor blog"), .comment("From the blog")])

        let (kept, conflicting) = IndicatorMerge.merge([incoming], into: Self.project([Self.recorded]))
        #expect(kept.indicators[0].source == "mail gateway" && kept.indicators[0].comment == "Landing page")
        #expect(!conflicting.hasChanges)
        #expect(conflicting.unchanged[0].conflicts == [
            .source(kept: "mail gateway", ignored: "vendor blog"), .comment(kept: "Landing page", ignored: "From the blog"),
        ])
        #expect(conflicting.conflicts.count == 2)
    }

    @Test("private is sticky: a merge can make an indicator private, never public")
    func privacy() {
        let secret = Indicator(value: "evil.example", type: .domain, privateFlag: true)
        let open = Indicator(value: "evil.example", type: .domain, privateFlag: false)
        let (made, report) = IndicatorMerge.merge([secret], into: Self.project([Self.recorded]))
        #expect(made.indicators[0].privateFlag == true && report.merged[0].changes == [.madePrivate])
        let (still, report2) = IndicatorMerge.merge([open], into: Self.project([secret]))
        #expect(still.indicators[0].isPrivate && !report2.hasChanges)
    }

    @Test("unknown fields are added when missing and kept when they differ")
    func unknownFields() {
        func member(_ key: String, _ value: String) -> JSONObject.Member {
            JSONObject.Member(key: key, value: JSONNode(.string(value)))
        }
        var recorded = Self.recorded
        recorded.extra = [member("x-ticket", "INC-1")]
        let incoming = Indicator(value: "evil.example", type: .domain, extra: [member("x-ticket", "INC-2"), member("x-feed", "abc")])
        let (merged, report) = IndicatorMerge.merge([incoming], into: Self.project([recorded]))
        #expect(merged.indicators[0].extra.map(\.key) == ["x-ticket", "x-feed"])
        #expect(merged.indicators[0].extra[0].value.value == .string("INC-1"))
        #expect(report.merged[0].changes == [.fieldsAdded(["x-feed"])])
        #expect(report.merged[0].conflicts == [.field("x-ticket")])
    }

    @Test("two incoming records of one recorded indicator make one report entry")
    func repeated() {
        let first = Indicator(value: "evil.example", type: .domain, classification: .malicious, tags: ["C2"])
        let second = Indicator(value: "evil.example", type: .domain, classification: .suspicious, tags: ["Sinkholed"], firstSeen: "2026-01-01")
        let (merged, report) = IndicatorMerge.merge([first, second], into: Self.project([Self.recorded]))
        #expect(merged.indicators.count == 1)
        #expect(report.merged.count == 1)
        #expect(report.merged[0].changes == [
            .tagsAdded(["C2", "Sinkholed"]), .firstSeen(from: "2026-10-30", to: "2026-01-01"),
        ])
        #expect(merged.indicators[0].classification == .suspicious)
    }

    @Test("other indicators and project fields are left as they were")
    func untouched() {
        let other = Indicator(value: "192.0.2.1", type: .ipv4, tags: ["x"])
        var project = Self.project([other, Self.recorded])
        project.extra = [JSONObject.Member(key: "x-jira", value: JSONNode(.string("SEC-1")))]
        let (merged, _) = IndicatorMerge.merge([Indicator(value: "evil.example", type: .domain, tags: ["C2"])], into: project)
        #expect(merged.indicators[0] == other)
        #expect(merged.extra == project.extra && merged.title == project.title)
    }
}
