extension Indicators {
    /// A value copied out of a sentence or a list with its punctuation (`evil[.]example,`,
    /// `(198.51.100.7)`, `CVE-2021-44228.`, `hxxp://evil[.]example/gate.php).`): the value without
    /// it, as the note scanner and `--extract` read it, and what was around it; nil when nothing
    /// was, or what is left is no indicator (of `type`, when given). A bracket is dropped only
    /// when the value does not close or open it itself (`https://en.wikipedia.example/wiki/X_(y)`
    /// keeps its own).
    public static func withoutProsePunctuation(_ text: String, as type: IndicatorType? = nil)
        -> (value: ParsedIndicator, leading: Substring, trailing: Substring)? {
        guard let value = punctuationSteps(text).last, case .success(let parsed) = parse(String(value), as: type) else { return nil }
        return (parsed, text[..<value.startIndex], text[value.endIndex...])
    }

    /// Each value `text` is as its punctuation is taken off, one mark or pair at a time, in
    /// order, without `text` itself: a value may end in what prose writes after it too (a URL in
    /// `.` or `)`), which `lookup` tries first.
    public static func prosePunctuationSteps(_ text: String, as type: IndicatorType? = nil) -> [ParsedIndicator] {
        punctuationSteps(text).compactMap { step in
            guard case .success(let parsed) = parse(String(step), as: type) else { return nil }
            return parsed
        }
    }

    /// `text` after each mark or pair taken off, as substrings of it.
    private static func punctuationSteps(_ text: String) -> [Substring] {
        var steps: [Substring] = []
        var value = Substring(text)
        func count(_ c: Character) -> Int { value.count { $0 == c } }
        while let first = value.first, let last = value.last, value.count > 1 {
            if let closer = Self.pairs[first], closer == last {
                value = value.dropFirst().dropLast()
            } else if Self.closingPunctuation.contains(last) {
                value = value.dropLast()
            } else if let opener = Self.brackets.first(where: { $0.value == last })?.key, count(last) > count(opener) {
                value = value.dropLast()
            } else if Self.openingQuotes.contains(first) {
                value = value.dropFirst()
            } else if let closer = Self.brackets[first], count(first) > count(closer) {
                value = value.dropFirst()
            } else {
                break
            }
            if !value.isEmpty { steps.append(value) }
        }
        return steps
    }

    /// Brackets prose puts around a value, by the one that opens them; a value may hold its own.
    private static let brackets: [Character: Character] = ["(": ")", "[": "]", "{": "}", "<": ">"]
    /// Brackets and quotes, by the character that opens them.
    private static let pairs = brackets.merging([
        "\"": "\"", "'": "'", "`": "`", "\u{2018}": "\u{2019}", "\u{201C}": "\u{201D}", "\u{AB}": "\u{BB}", "\u{2039}": "\u{203A}",
    ]) { a, _ in a }
    /// What ends a sentence or a list item after a value, as the extractor drops it after a URL,
    /// and a closing quote.
    private static let closingPunctuation: Set<Character> = [
        ".", ",", ";", ":", "!", "?", "*", "\"", "'", "`", "\u{2019}", "\u{201D}", "\u{BB}", "\u{203A}", "\u{2026}",
    ]
    private static let openingQuotes: Set<Character> = ["\"", "'", "`", "\u{2018}", "\u{201C}", "\u{AB}", "\u{2039}"]
}
