import DossierCore

/// The JSON reader and writer, then the loader's three JSON decoders on the same bytes, then `fmt`.
/// The stream decoder of `indicators.json` must read whatever it takes as the tree reader does.
///
/// Properties: a syntax error points inside the file; a value the reader accepts is written by
/// `JSONWriter` to bytes that read back to the same value and that are a fixed point of
/// read-then-write; `fmt` of what loaded is meaning-preserving (the reloaded workspace writes the
/// same canonical bytes, and no file that loaded cleanly gets an error) and idempotent (a second
/// `fmt` changes nothing).
enum JSONTarget {
    static func run(_ bytes: [UInt8]) {
        do {
            let node = try JSONParser.parse(bytes)
            let written = JSONWriter.write(node)
            guard let again = try? JSONParser.parse(written) else {
                Property.check(false, "JSONWriter output is not valid JSON")
                return
            }
            Property.check(JSONCompare.same(node.value, again.value), "JSONWriter output reads back to another value")
            Property.check(JSONWriter.write(again) == written, "JSONWriter is not a fixed point of read-then-write")
        } catch {
            let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            Property.check(error.position.line >= 1 && error.position.line <= lines && error.position.column >= 1,
                "syntax error position \(error.position) outside a file of \(lines) lines")
        }
        if let difference = IndicatorsDecoder.disagreement(bytes) {
            Property.check(false, "indicators.json decoders disagree: \(difference)")
        }
        Scratch.write(settings: bytes, project: bytes, indicators: bytes)
        FormatCheck.run()
    }
}
