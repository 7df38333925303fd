import DossierCore

/// The indicator engine on one value (the input as UTF-8 text), and on the input as free text.
///
/// Properties, for every normal value `v` of type `t` the engine produced (from `normalize`,
/// `parse` or `extract`): `normalize(v, t) == v` (idempotent); for strict types
/// `refang(defang(v, t)) == v` and `parse(defang(v, t), as: t) == v`; extracted positions are
/// inside the text.
enum IndicatorTarget {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = Indicators.detect(text)
        _ = Indicators.refang(text)
        for type in IndicatorType.allCases {
            if case .success(let normal) = Indicators.normalize(text, as: type) { checkNormal(normal, type, from: "normalize") }
            _ = Indicators.host(of: text, type: type)
        }
        if case .success(let parsed) = Indicators.parse(text) { checkNormal(parsed.value, parsed.type, from: "parse") }
        if case .success(let parsed) = Indicators.parse(text, as: .url) { checkNormal(parsed.value, parsed.type, from: "parse as url") }
        _ = Indicators.isDomain(text, within: "example.com")
        _ = Indicators.cidr("192.0.2.0/24", contains: text)
        _ = Indicators.cidr(text, contains: "192.0.2.1")

        // At most one line per line feed or carriage return (a CRLF is one line break).
        let lines = text.utf8.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
        for found in Indicators.extract(from: text) {
            checkNormal(found.value, found.type, from: "extract")
            Property.check(found.line >= 1 && found.line <= lines && found.column >= 1,
                "extract gave line \(found.line), column \(found.column) in a text of at most \(lines) lines")
        }
    }

    static func checkNormal(_ value: String, _ type: IndicatorType, from origin: String) {
        let again = Indicators.normalize(value, as: type)
        Property.check(again == .success(value), "normalize is not idempotent on \(type.rawValue) \(debug(value)) (from \(origin)): \(again)")
        guard type.isStrict else { return }
        let defanged = Indicators.defang(value, as: type)
        let refanged = Indicators.refang(defanged)
        Property.check(refanged == value, "refang(defang(v)) != v for \(type.rawValue) \(debug(value)): defanged \(debug(defanged)), refanged \(debug(refanged))")
        let parsed = Indicators.parse(defanged, as: type).map(\.value)
        Property.check(parsed == .success(value), "parse(defang(v)) != v for \(type.rawValue) \(debug(value)): \(parsed)")
    }

    static func debug(_ value: String) -> String {
        "\"" + value.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined() + "\""
    }
}
