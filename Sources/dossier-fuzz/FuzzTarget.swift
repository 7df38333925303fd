import DossierCore
import DossierInterop

/// What can be fuzzed: each target takes arbitrary bytes, must never crash or hang, and checks
/// properties of what it got (a broken property aborts, which the engine reports as a crash).
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `JSONParser`, `JSONWriter`, and the loader's decoders (`dossier.json`, `project.json`,
    /// `indicators.json` all hold the input), with `fmt` idempotent and meaning-preserving.
    case json
    /// A note's front matter and body, through the loader and `check`'s note rule.
    case frontMatter = "front-matter"
    /// detect, normalize, parse, refang, defang and extract, with their properties.
    case indicators
    case text
    case csv
    case misp
    case stix
    case passivetotal
    /// An image's metadata taken off (`NoteImages.published`), idempotent and never longer.
    case images

    /// The target the engine runs (set once, before any input).
    nonisolated(unsafe) static var selected = FuzzTarget.json

    func run(_ bytes: [UInt8]) {
        switch self {
        case .json: JSONTarget.run(bytes)
        case .frontMatter: FrontMatterTarget.run(bytes)
        case .indicators: IndicatorTarget.run(bytes)
        case .text: ImportTarget.run(bytes, format: .text)
        case .csv: ImportTarget.run(bytes, format: .csv)
        case .misp: ImportTarget.run(bytes, format: .misp)
        case .stix: ImportTarget.run(bytes, format: .stix)
        case .passivetotal: ImportTarget.run(bytes, format: .passivetotal)
        case .images: ImageTarget.run(bytes)
        }
    }
}
