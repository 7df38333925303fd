/// A refanged, validated, normalized value with its type.
public struct ParsedIndicator: Equatable, Hashable, Sendable {
    public var type: IndicatorType
    /// The normal form (PRODUCT.md §1): what `indicators.json` stores.
    public var value: String

    public init(type: IndicatorType, value: String) {
        self.type = type
        self.value = value
    }
}
