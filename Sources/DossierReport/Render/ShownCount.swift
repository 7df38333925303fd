import Mustache

/// A count as a template shows it to a reader, grouped by thousands ("1,483 indicators"). Still
/// a number to Mustache: a section of it renders whatever it is, as an `Int`'s did, and the
/// number transforms a workspace's template may apply (`equalzero(count)`, `plusone(page)`) are
/// the `Int`'s.
struct ShownCount: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
    var value: Int

    init(_ value: Int) { self.value = value }

    var renderText: String { value.grouped }
    var isNull: Bool { false }
    var description: String { value.grouped }

    func transform(_ name: String) -> Any? { value.transform(name) }
}
