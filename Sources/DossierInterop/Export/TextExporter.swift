/// One value per line, in canonical order: what a blocklist, a grep or a SIEM lookup table wants.
/// Values are real (never defanged): this is a machine export. Material marked above TLP:CLEAR
/// (an internal export: an amber project, private indicators) is said on a first comment line,
/// `# TLP:AMBER`, which blocklist readers skip and `dossier import` reads as the list's marking:
/// the file carries no other sign of what it may not go to.
enum TextExporter {
    static func export(_ context: ExportContext) -> [UInt8] {
        var output: [UInt8] = []
        let tlp = context.tlp
        if tlp > .clear { output.append(contentsOf: "# \(tlp.label)\n".utf8) }
        for indicator in context.indicators {
            output.append(contentsOf: indicator.value.utf8)
            output.append(0x0A)
        }
        return output
    }
}
