import Mustache

/// Escaping by UTF-8 byte rather than by `Character`: a special character followed by a combining
/// mark is one `Character` and slipped through an escaper that compares characters; bytes do not
/// combine. Runs of bytes that need nothing are copied whole. The controls that reorder text, and
/// those HTML forbids, are written out by every escaper (`ShownCodePoints`).
enum ByteEscaping {
    /// What replaces the byte at `index` of `bytes` (the whole text, for a replacement that
    /// depends on its neighbours), and how many bytes it consumes (two for CR LF, say); nil to
    /// keep it.
    typealias Replacement = (_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (text: StaticString, consumed: Int)?

    /// Appends the UTF-8 bytes of `text` to `output`, each byte for which `replacement` answers
    /// replaced by its text. True when anything was replaced.
    ///
    /// `plain` tells of eight bytes (a little-endian word) that none needs anything: they are
    /// passed whole (a site escapes gigabytes of text). It may say false of a plain word, never
    /// true of one that holds a byte `replacement` or `ShownCodePoints` would answer for.
    @inline(__always) @discardableResult
    static func escape(_ text: String, into output: inout [UInt8], plain: (UInt64) -> Bool = { _ in false },
        replacement: Replacement) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                if let base = bytes.baseAddress {
                    let raw = UnsafeRawPointer(base)
                    while index + 8 <= bytes.count, plain(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { index += 8 }
                    guard index < bytes.count else { break }
                }
                // Every escaper writes out the controls that reorder text, and those HTML
                // forbids (`ShownCodePoints`).
                if let shown = ShownCodePoints.at(bytes, index) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    ShownCodePoints.write(shown.scalar, html: true, into: &output)
                    index += shown.length
                    start = index
                    continue
                }
                guard let (entity, consumed) = replacement(bytes, index) else {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                index += consumed
                start = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            return start > 0
        }
    }
}

/// Text built as UTF-8 bytes (a row of a report, made a million times per site): appending to an
/// array of bytes costs less than appending to a string, which checks its form at every step.
struct TextBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Markup, written as it is.
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Markup made for its place (`MarkdownCode.span`), written as it is.
    mutating func markup(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A value escaped by `Content`; nothing for nil.
    mutating func text<Content: EscapingContentType>(_ value: String?, _ content: Content.Type) {
        if let value { Content.escape(value, into: &bytes) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// A template content type whose escaping is one function, registered with swift-mustache under
/// `name` (templates select it with `{{% CONTENT_TYPE: name}}`).
protocol EscapingContentType: MustacheContentType {
    static var name: String { get }
    init()
    /// Appends `text`, escaped, to `output`; true when escaping changed anything.
    @discardableResult
    static func escape(_ text: String, into output: inout [UInt8]) -> Bool
}

extension EscapingContentType {
    static func register() {
        MustacheContentTypes.register(Self(), named: name)
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `text` escaped: `text` itself when nothing needs escaping.
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        return escape(text, into: &bytes) ? String(decoding: bytes, as: UTF8.self) : text
    }
}
