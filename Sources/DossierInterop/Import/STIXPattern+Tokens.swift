extension STIXPattern {
    enum Token: Equatable, CustomStringConvertible {
        case symbol(String)
        case word(String)
        case path(String)
        case literal(Literal)

        var description: String {
            switch self {
            case .symbol(let s), .word(let s), .path(let s): "'\(s)'"
            case .literal: "a literal"
            }
        }
    }

    static func tokenize(_ text: String) throws(SyntaxError) -> [Token] {
        let c = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isWordChar(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_" || s == "-"
        }
        func quoted() throws(SyntaxError) -> String {
            var value = String.UnicodeScalarView()
            i += 1
            while i < c.count {
                if c[i] == "\\", i + 1 < c.count {
                    value.append(c[i + 1])
                    i += 2
                    continue
                }
                if c[i] == "'" {
                    i += 1
                    return String(value)
                }
                value.append(c[i])
                i += 1
            }
            throw SyntaxError(message: "a string literal is never closed")
        }
        while i < c.count {
            let s = c[i]
            if s == " " || s == "\t" || s == "\n" || s == "\r" {
                i += 1
            } else if "[]()," .unicodeScalars.contains(s) {
                tokens.append(.symbol(String(s)))
                i += 1
            } else if "=!<>".unicodeScalars.contains(s) {
                var op = String(s)
                if i + 1 < c.count, c[i + 1] == "=" || (s == "<" && c[i + 1] == ">") { op.unicodeScalars.append(c[i + 1]) }
                i += op.unicodeScalars.count
                guard op != "!" else { throw SyntaxError(message: "'!' must be followed by '='") }
                tokens.append(.symbol(op))
            } else if s == "'" {
                tokens.append(.literal(.string(try quoted())))
            } else if ("0"..."9").contains(s) || (s == "-" && i + 1 < c.count && ("0"..."9").contains(c[i + 1])) {
                var number = String(s)
                i += 1
                while i < c.count, ("0"..."9").contains(c[i]) || c[i] == "." {
                    number.unicodeScalars.append(c[i])
                    i += 1
                }
                tokens.append(.literal(.number(number)))
            } else if isWordChar(s) {
                var word = String.UnicodeScalarView()
                while i < c.count, isWordChar(c[i]) {
                    word.append(c[i])
                    i += 1
                }
                // t'...', h'...', b'...': timestamp, hex and binary literals.
                if word.count == 1, i < c.count, c[i] == "'", "thb".unicodeScalars.contains(word.first ?? " ") {
                    tokens.append(.literal(.other(try quoted())))
                    continue
                }
                guard i < c.count, c[i] == ":" else {
                    tokens.append(.word(String(word)))
                    continue
                }
                // An object path: type ':' property ('.' property | '[' index ']')*, where a
                // property may be quoted ('SHA-256'). Kept in one canonical string.
                var path = String(word) + ":"
                i += 1
                var expectProperty = true
                while i < c.count {
                    if expectProperty, c[i] == "'" {
                        path += try quoted()
                        expectProperty = false
                    } else if expectProperty, isWordChar(c[i]) {
                        while i < c.count, isWordChar(c[i]) {
                            path.unicodeScalars.append(c[i])
                            i += 1
                        }
                        expectProperty = false
                    } else if !expectProperty, c[i] == "." {
                        path += "."
                        i += 1
                        expectProperty = true
                    } else if !expectProperty, c[i] == "[" {
                        let close = c[i...].firstIndex(of: "]") ?? c.count
                        guard close < c.count else { throw SyntaxError(message: "an index in an object path is never closed") }
                        path += "[*]"
                        i = close + 1
                    } else {
                        break
                    }
                }
                if expectProperty { throw SyntaxError(message: "object path \(path) ends without a property") }
                tokens.append(.path(path))
            } else {
                throw SyntaxError(message: "unexpected character '\(s)'")
            }
        }
        return tokens
    }
}
