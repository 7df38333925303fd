/// A string compared and hashed by its UTF-8 bytes. Swift's `String` deems canonically equivalent
/// texts equal (`é` precomposed, and `e` followed by U+0301); where the bytes are what counts, a
/// dictionary is keyed by this instead: the project cache must give each text back as it was
/// written.
struct ExactText: Hashable, Sendable {
    var text: String

    init(_ text: String) { self.text = text }

    static func == (a: Self, b: Self) -> Bool {
        a.text.utf8.count == b.text.utf8.count && a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        IndicatorBytes.withBytes(text) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
