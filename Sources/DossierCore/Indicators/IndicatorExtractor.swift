/// Finds indicators in free text (notes, vendor blog posts, e-mails, AsciiDoc or Markdown, one-per-line lists).
///
/// The text is refanged first (`Refanger` in `.text` mode, keeping a map back to the original positions), then
/// scanned in three linear passes, each skipping what an earlier one claimed:
/// 1. URLs: `scheme://` and everything up to a space, quote, `<`, `>`, `|`, backtick, a closing bracket
///    that was not opened in the URL, or a `,` or `;` before another `scheme://`; trailing `.,;:!?'"*` are
///    dropped, as is an AsciiDoc `[link text]`;
/// 2. e-mail addresses around each `@`;
/// 3. words of letters, digits, `.`, `-`, `_` and `:`, which may be an IPv4 address (or CIDR block), an IPv6
///    address, a CVE id, an AS number, a domain or a hash.
///
/// It is conservative, so prose does not turn into indicators:
/// - a domain needs a known top-level domain, and one that is also a common file extension (`README.md`,
///   `setup.zip`, `run.sh`) counts only when it was defanged; so do code-like words: `System.Net` (mixed case
///   with an upper-case top-level label), `obj.call(` and `this.name`, `self.`, `window.`, `document.`;
/// - a dotted quad right after "version", "ver", "v" or "build" is a version, after "section" or "§" a
///   section's number, and five or more dotted numbers (`1.3.6.1.4`) are no address;
/// - an IPv6 address with `::` needs a digit and two groups (`Foo::Bar` is code), and times are no addresses;
/// - a hash is a whole word of exactly 32, 40, 64 or 128 hex digits, not all decimal, and not after "commit"
///   or "revision" (a git commit's id);
/// - the host of a URL or e-mail address is not reported again as a domain.
struct IndicatorExtractor {
    struct Found {
        /// Where it is written, in the refanged bytes.
        var start: Int
        var end: Int
        var type: IndicatorType
        var value: String
    }

    /// First labels that make a dotted word code (`this.name`, `window.open`) rather than a domain.
    static let codeReceivers: Set<String> = ["this", "self", "window", "document"]

    let bytes: IndicatorBytes.Bytes
    let refanger: Refanger
    var found: [Found] = []
    /// Byte ranges of the URLs and e-mail addresses found, which the word pass skips.
    var claimed: [Range<Int>] = []
    /// Where the word pass resumes after an indicator that took in the next word (`AS 64500`, `/24`).
    var skipUntil = 0
    /// What a word before it makes no indicator: dotted quads read as versions or sections'
    /// numbers (`version 1.2.3.4`, `section 4.2.1.1`), hex runs as commits' ids (`commit 3f78...`).
    /// An import says it passed them over, since one may be an indicator after all. Not a user
    /// agent's version (`Chrome/120.0.0.0`).
    var versionNumbers: [Found] = []

    init(bytes: IndicatorBytes.Bytes, refanger: Refanger) {
        self.bytes = bytes
        self.refanger = refanger
    }

    /// All indicators in `text`, in order of appearance.
    static func extract(from text: String) -> [ExtractedIndicator] {
        IndicatorBytes.withBytes(text) { original in
            let refanger = Refanger(original, mode: .text)
            return locate(find(in: refanger), in: original, refanger: refanger)
        }
    }

    /// `extract(from:)`'s indicators, and the dotted quads read as versions after a word rather
    /// than as addresses (`version 1.2.3.4`), both in order of appearance, from one reading.
    static func extractNotingVersions(from text: String) -> (indicators: [ExtractedIndicator], versions: [ExtractedIndicator]) {
        IndicatorBytes.withBytes(text) { original in
            let refanger = Refanger(original, mode: .text)
            let (found, versions) = afterPasses(over: refanger) { ($0.found.sorted { $0.start < $1.start }, $0.versionNumbers) }
            return (locate(found, in: original, refanger: refanger), locate(versions, in: original, refanger: refanger))
        }
    }

    /// What the three passes find in `refanger`'s output, in order of appearance.
    private static func find(in refanger: Refanger) -> [Found] {
        afterPasses(over: refanger) { $0.found.sorted { $0.start < $1.start } }
    }

    /// `body` applied to an extractor that made its three passes over `refanger`'s output.
    private static func afterPasses<Result>(over refanger: Refanger, _ body: (IndicatorExtractor) -> Result) -> Result {
        refanger.output.withUnsafeBufferPointer { bytes in
            var extractor = IndicatorExtractor(bytes: bytes, refanger: refanger)
            extractor.findURLs()
            extractor.findEmails()
            extractor.findWords()
            return body(extractor)
        }
    }

    /// Where the web addresses written in `text` stand, defanged or not, as UTF-8 offsets into it:
    /// each URL, and each host (domain or IPv4 address) written with a path after it
    /// (`evil[.]example/wp/__init__.py`, as proxy logs write them), to where such a URL would end.
    /// In order of appearance.
    static func addressSpans(in text: String) -> [Range<Int>] {
        IndicatorBytes.withBytes(text) { original in
            let refanger = Refanger(original, mode: .text)
            return afterPasses(over: refanger) { extractor in
                extractor.found.sorted { $0.start < $1.start }.compactMap { item -> Range<Int>? in
                    var end = item.end
                    switch item.type {
                    case .url:
                        break
                    case .domain, .ipv4:
                        guard end < extractor.bytes.count, extractor.bytes[end] == IndicatorBytes.slash else { return nil }
                        end = extractor.trimmedURLEnd(start: item.start, authority: item.start, end: extractor.urlScanEnd(from: end))
                    default:
                        return nil
                    }
                    return refanger.inputOffset(of: item.start)..<refanger.inputOffset(of: end)
                }
            }
        }
    }

    /// The indicators written in `text` that are live, in whole or in part: UTF-8 offsets into
    /// `text`, with the type, the value as it normalizes, and whether the writer defanged part of
    /// it (`hxxp://203.0.113.9/`, its host still live). For showing a text defanged
    /// (`Indicators.defangText`).
    static func liveSpans(in text: String) -> [(range: Range<Int>, type: IndicatorType, value: String, partlyDefanged: Bool)] {
        IndicatorBytes.withBytes(text) { original in
            let refanger = Refanger(original, mode: .text)
            return find(in: refanger).compactMap { item in
                // Of a URL, only the scheme and host count: a defanged name in its query
                // (`?next=evil[.]example`) leaves its own host live.
                let shown = item.type == .url ? item.start..<Self.authorityEnd(refanger.output, item.start..<item.end) : item.start..<item.end
                let written = refanger.inputOffset(of: item.start)..<refanger.inputOffset(of: item.end)
                guard refanger.wasDefanged(shown) else { return (written, item.type, item.value, false) }
                // Defanged in part: a dot between two letters or digits is still live, and so is
                // a full stop a browser reads as one (`evil。example`).
                let host = original[refanger.inputOffset(of: shown.lowerBound)..<refanger.inputOffset(of: shown.upperBound)]
                let live = host.indices.dropFirst().dropLast().contains { i in
                    host[i] == IndicatorBytes.dot && IndicatorBytes.isAlphanumeric(host[i - 1]) && IndicatorBytes.isAlphanumeric(host[i + 1])
                } || Refanger.holdsBrowserDot(UnsafeBufferPointer(rebasing: host))
                return live ? (written, item.type, item.value, true) : nil
            }
        }
    }

    /// Where the scheme and host of the URL at `range` of `bytes` end, as `URLIndicator` splits it.
    static func authorityEnd(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { all in
            URLIndicator.split(UnsafeBufferPointer(rebasing: all[range])).map { range.lowerBound + $0.authorityEnd } ?? range.upperBound
        }
    }

    /// Turns refanged byte offsets into 1-based lines and columns (counting Unicode scalars, as the JSON
    /// reader does) of the original text, walking its UTF-8 bytes once.
    private static func locate(_ found: [Found], in text: IndicatorBytes.Bytes, refanger: Refanger) -> [ExtractedIndicator] {
        var result: [ExtractedIndicator] = []
        result.reserveCapacity(found.count)
        var offset = 0
        var line = 1, column = 1
        for item in found {
            let target = min(refanger.inputOffset(of: item.start), text.count)
            while offset < target {
                let byte = text[offset]
                offset += 1
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            // A block of one address written in text is the address, as `add` records it.
            let single = item.type == .cidr ? Indicators.singleAddress(item.value) : nil
            result.append(ExtractedIndicator(type: single?.type ?? item.type, value: single?.value ?? item.value, line: line, column: column))
        }
        return result
    }
}

extension Indicators {
    /// Indicators written in free text (notes, vendor blog posts, emails, AsciiDoc/Markdown, one-per-line lists),
    /// refanged and normalized, in order of appearance, duplicates kept (caller dedupes). Lines and columns
    /// point at the indicator as written, defanged or not. See `IndicatorExtractor` for what counts.
    public static func extract(from text: String) -> [ExtractedIndicator] {
        IndicatorExtractor.extract(from: text)
    }

    /// `extract(from:)`'s indicators, and what a word before it makes no indicator (dotted quads
    /// read as versions or sections' numbers, `version 1.2.3.4`, `section 4.2.1.1`, not a user
    /// agent's `Chrome/120.0.0.0`; hex runs read as commits' ids, `commit 3f78...`), both in order
    /// of appearance: an import says what it passed over.
    public static func extractNotingVersions(from text: String) -> (indicators: [ExtractedIndicator], versions: [ExtractedIndicator]) {
        IndicatorExtractor.extractNotingVersions(from: text)
    }

    /// Where web addresses stand in `text` (UTF-8 offsets), defanged or not: URLs, and hosts written
    /// with a path after them. See `IndicatorExtractor.addressSpans(in:)`.
    public static func addressSpans(in text: String) -> [Range<Int>] {
        IndicatorExtractor.addressSpans(in: text)
    }
}
