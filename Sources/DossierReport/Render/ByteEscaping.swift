import Mustache

/// Escaping by UTF-8 byte rather than by `Character`: a special character followed by a combining
/// mark is one `Character` and slipped through an escaper that compares characters; bytes do not
/// combine. Runs of bytes that need nothing are copied whole.
enum ByteEscaping {
    /// Appends `text` to `output`, each byte for which `replacement` answers replaced by its text;
    /// `replacement` also says how many bytes it consumed (two for CR LF, say).
    @inline(__always)
    static func escape(_ text: String, into output: inout String,
                       replacement: (_ byte: UInt8, _ next: UInt8?) -> (text: StaticString, consumed: Int)?) {
        var text = text
        let unchanged = text.withUTF8 { bytes -> Bool in
            var start = 0
            var index = 0
            while index < bytes.count {
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                guard let (entity, consumed) = replacement(bytes[index], next) else {
                    index += 1
                    continue
                }
                if start < index { output.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                output.append(entity.description)
                index += consumed
                start = index
            }
            // Nothing replaced: the text itself is appended below, without being read again.
            guard start > 0 else { return true }
            if start < bytes.count { output.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
            return false
        }
        if unchanged { output.append(text) }
    }
}

/// A template content type whose escaping is one function, registered with swift-mustache under
/// `name` (templates select it with `{{% CONTENT_TYPE: name}}`).
protocol EscapingContentType: MustacheContentType {
    static var name: String { get }
    init()
    static func escape(_ text: String) -> String
}

extension EscapingContentType {
    static func register() {
        MustacheContentTypes.register(Self(), named: name)
    }

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }
}
