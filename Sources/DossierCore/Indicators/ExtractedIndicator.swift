/// An indicator found in free text, with 1-based line and column (in Characters) of where it starts in that text.
public struct ExtractedIndicator: Equatable, Sendable {
    public var type: IndicatorType
    /// The normal form, refanged.
    public var value: String
    /// 1-based line of the first character of the indicator as written (possibly defanged) in the text.
    public var line: Int
    /// 1-based column, counted in Unicode scalars, of that first character (lines end at line feeds).
    public var column: Int

    public init(type: IndicatorType, value: String, line: Int, column: Int) {
        self.type = type
        self.value = value
        self.line = line
        self.column = column
    }
}
