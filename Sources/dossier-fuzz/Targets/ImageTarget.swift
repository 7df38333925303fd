import DossierCore

/// An image's bytes as a report publishes them. Properties: what comes out is an image of the
/// same kind, no longer than what went in (but for a JPEG's orientation, rewritten alone in 36
/// bytes), and comes out of a second pass the same.
enum ImageTarget {
    static func run(_ bytes: [UInt8]) {
        guard let published = NoteImages.published(bytes) else { return }
        Property.check(published.count <= bytes.count + 36, "published \(published.count) bytes of \(bytes.count)")
        Property.check(NoteImages.mediaType(ofCarried: published) == NoteImages.mediaType(ofCarried: bytes), "the published bytes are of another kind")
        Property.check(NoteImages.published(published) == published, "a second pass changes the published bytes")
    }
}
