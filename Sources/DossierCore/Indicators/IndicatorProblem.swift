/// A reason a value is not a valid indicator, phrased for an analyst, e.g. "999 is not an IPv4 octet (0-255)".
public struct IndicatorProblem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The whole message, without a trailing period, ready to follow `error: `.
    public var message: String

    public init(message: String) {
        self.message = message
    }

    init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
