/// One value per line, in canonical order: what a blocklist, a grep or a SIEM lookup table wants.
/// Values are real (never defanged): this is a machine export.
enum TextExporter {
    static func export(_ context: ExportContext) -> [UInt8] {
        var output: [UInt8] = []
        for indicator in context.indicators {
            output.append(contentsOf: indicator.value.utf8)
            output.append(0x0A)
        }
        return output
    }
}
