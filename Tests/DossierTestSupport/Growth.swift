import Foundation

/// How the time of some work grows with its size, for the tests that nothing is quadratic: time(4n)
/// / time(n). Linear work takes about four times as long, quadratic sixteen; a ratio under 8
/// passes. The two sizes are timed in turn, each the best of three, three times over, and the
/// lowest ratio kept: with the other suites running on the same two cores, one busy moment could
/// otherwise double a linear ratio, while quadratic work stays near 16 every time.
public enum Growth {
    /// Seconds `body` takes, the best of three.
    public static func seconds(_ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// time(4n) / time(n), with n doubled from `n` until time(n) is long enough to measure.
    public static func ratio(from n: Int, _ body: (Int) throws -> Void) rethrows -> (ratio: Double, n: Int) {
        var n = n
        var small = try seconds { try body(n) }
        while small < 0.02 && n < 1 << 22 {
            n *= 2
            small = try seconds { try body(n) }
        }
        var ratio = Double.infinity
        for _ in 0..<3 { ratio = min(ratio, try seconds { try body(4 * n) } / max(try seconds { try body(n) }, 1e-6)) }
        return (ratio, n)
    }
}
