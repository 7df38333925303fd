import DossierCore

/// The values the lookup step asks for: from ten projects spread over the workspace, half of them
/// recorded in several projects and half in one, every other one defanged as an analyst would paste it.
/// Only strict types, which `lookup` detects from a bare value.
enum LookupSample {
    static func values(shape: WorkspaceShape, root: String, count: Int = 100) -> [String] {
        let generator = ProjectGenerator(shape: shape, root: root)
        let projects = Array(Set((0..<10).map { $0 * shape.projects / 10 })).sorted()
        let perProject = max(1, count / projects.count)
        var values: [String] = []
        for index in projects {
            let sharedKeys = (0..<shape.sharedPerProject).map {
                generator.sharedIndicator(shape.sharedNumber(project: index, slot: $0)).key
            }
            let shared = sharedKeys.filter { $0.type.isStrict }
            let known = Set(sharedKeys)
            let unique = generator.make(index).project.indicators
                .filter { $0.type.isStrict && !$0.isPrivate && !known.contains($0.key) }.map(\.key)
            let sharedPart = spread(shared, perProject / 2)
            for key in sharedPart + spread(unique, perProject - sharedPart.count) {
                values.append(values.count % 2 == 0 ? Indicators.defang(key.value, as: key.type) : key.value)
            }
        }
        return Array(values.prefix(count))
    }

    /// Up to `count` elements spread evenly over `items`.
    static func spread<T>(_ items: [T], _ count: Int) -> [T] {
        guard count > 0, !items.isEmpty else { return [] }
        let step = max(1, items.count / count)
        return Array(stride(from: 0, to: items.count, by: step).prefix(count).map { items[$0] })
    }
}
