/// A STIX 2.1 pattern (§9) read into a tree: observation expressions (`[...]`, combined with AND,
/// OR, FOLLOWEDBY, with qualifiers) of comparison expressions (`object:path op literal`, combined
/// with AND and OR). The whole grammar is read, so that what dossier cannot represent is named
/// precisely rather than taken for a syntax error.
indirect enum STIXPattern: Equatable {
    case observation(Comparison)
    /// An observation expression with a qualifier (WITHIN, REPEATS, START/STOP).
    case qualified(STIXPattern)
    case or([STIXPattern])
    case and([STIXPattern])
    case followedBy([STIXPattern])

    indirect enum Comparison: Equatable {
        /// `path op value(s)`; `values` has several elements for `IN (...)`.
        case test(path: String, op: String, negated: Bool, values: [Literal])
        case exists(path: String)
        case or([Comparison])
        case and([Comparison])
    }

    enum Literal: Equatable {
        case string(String)
        case number(String)
        case other(String)
    }

    struct SyntaxError: Error {
        var message: String
    }

    static func parse(_ text: String) throws(SyntaxError) -> STIXPattern {
        var parser = Parser(tokens: try tokenize(text))
        let pattern = try parser.observations()
        guard parser.atEnd else { throw SyntaxError(message: "unexpected \(parser.peek ?? "end") after the pattern") }
        return pattern
    }

    // MARK: Parser

    /// Deeper parentheses than any real pattern has; beyond, the pattern is refused (the parser is
    /// recursive, and 30,000 levels overflowed the stack).
    static let maximumDepth = 100

    struct Parser {
        var tokens: [Token]
        var index = 0
        /// Parentheses open around the current position.
        var depth = 0

        mutating func open() throws(SyntaxError) {
            index += 1
            depth += 1
            guard depth <= STIXPattern.maximumDepth else {
                throw SyntaxError(message: "parentheses nested deeper than \(STIXPattern.maximumDepth) levels")
            }
        }

        var atEnd: Bool { index >= tokens.count }
        var peek: String? { atEnd ? nil : tokens[index].description }

        func isWord(_ word: String) -> Bool {
            guard !atEnd, case .word(let w) = tokens[index] else { return false }
            return w.uppercased() == word
        }

        func isSymbol(_ symbol: String) -> Bool {
            !atEnd && tokens[index] == .symbol(symbol)
        }

        mutating func expect(_ symbol: String) throws(SyntaxError) {
            guard isSymbol(symbol) else { throw SyntaxError(message: "expected '\(symbol)', found \(peek ?? "the end")") }
            index += 1
        }

        mutating func observations() throws(SyntaxError) -> STIXPattern {
            var parts = [try observationOr()]
            while isWord("FOLLOWEDBY") {
                index += 1
                parts.append(try observationOr())
            }
            return parts.count == 1 ? parts[0] : .followedBy(parts)
        }

        mutating func observationOr() throws(SyntaxError) -> STIXPattern {
            var parts = [try observationAnd()]
            while isWord("OR") {
                index += 1
                parts.append(try observationAnd())
            }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func observationAnd() throws(SyntaxError) -> STIXPattern {
            var parts = [try observation()]
            while isWord("AND") {
                index += 1
                parts.append(try observation())
            }
            return parts.count == 1 ? parts[0] : .and(parts)
        }

        mutating func observation() throws(SyntaxError) -> STIXPattern {
            var result: STIXPattern
            if isSymbol("[") {
                index += 1
                let comparison = try comparisonOr()
                try expect("]")
                result = .observation(comparison)
            } else if isSymbol("(") {
                try open()
                result = try observations()
                try expect(")")
                depth -= 1
            } else {
                throw SyntaxError(message: "expected '[' or '(', found \(peek ?? "the end")")
            }
            while try qualifier() {
                result = .qualified(result)
            }
            return result
        }

        /// Skips one qualifier (WITHIN n SECONDS, REPEATS n TIMES, START t STOP t); false when none.
        mutating func qualifier() throws(SyntaxError) -> Bool {
            let words: [(String, String)] = [("WITHIN", "SECONDS"), ("REPEATS", "TIMES"), ("START", "STOP")]
            for (first, second) in words where isWord(first) {
                index += 2
                if first == "START" {
                    guard isWord(second) else { throw SyntaxError(message: "START needs STOP") }
                    index += 2
                } else {
                    guard isWord(second) else { throw SyntaxError(message: "\(first) needs \(second)") }
                    index += 1
                }
                return true
            }
            return false
        }

        mutating func comparisonOr() throws(SyntaxError) -> Comparison {
            var parts = [try comparisonAnd()]
            while isWord("OR") {
                index += 1
                parts.append(try comparisonAnd())
            }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func comparisonAnd() throws(SyntaxError) -> Comparison {
            var parts = [try test()]
            while isWord("AND") {
                index += 1
                parts.append(try test())
            }
            return parts.count == 1 ? parts[0] : .and(parts)
        }

        mutating func test() throws(SyntaxError) -> Comparison {
            if isSymbol("(") {
                try open()
                let inner = try comparisonOr()
                try expect(")")
                depth -= 1
                return inner
            }
            if isWord("EXISTS") {
                index += 1
                guard !atEnd, case .path(let path) = tokens[index] else { throw SyntaxError(message: "EXISTS needs an object path") }
                index += 1
                return .exists(path: path)
            }
            guard !atEnd, case .path(let path) = tokens[index] else {
                throw SyntaxError(message: "expected an object path such as ipv4-addr:value, found \(peek ?? "the end")")
            }
            index += 1
            var negated = false
            if isWord("NOT") {
                negated = true
                index += 1
            }
            guard !atEnd else { throw SyntaxError(message: "\(path) has no comparison") }
            let op: String
            switch tokens[index] {
            case .symbol(let s) where ["=", "!=", "<>", ">", "<", ">=", "<="].contains(s): op = s
            case .word(let w) where ["IN", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET"].contains(w.uppercased()): op = w.uppercased()
            default: throw SyntaxError(message: "expected a comparison operator after \(path), found \(peek ?? "the end")")
            }
            index += 1
            if op == "IN" {
                try expect("(")
                var values = [try literal()]
                while isSymbol(",") {
                    index += 1
                    values.append(try literal())
                }
                try expect(")")
                return .test(path: path, op: op, negated: negated, values: values)
            }
            return .test(path: path, op: op, negated: negated, values: [try literal()])
        }

        mutating func literal() throws(SyntaxError) -> Literal {
            guard !atEnd else { throw SyntaxError(message: "expected a value, found the end") }
            switch tokens[index] {
            case .literal(let value):
                index += 1
                return value
            case .word(let w) where ["TRUE", "FALSE"].contains(w.uppercased()):
                index += 1
                return .other(w)
            default:
                throw SyntaxError(message: "expected a value, found \(peek ?? "the end")")
            }
        }
    }
}
