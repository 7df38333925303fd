import Foundation

/// A property that must hold for every input: when it does not, the run stops with an abort, which
/// libFuzzer (or the built-in engine's crash handler) records with the input that broke it.
enum Property {
    static func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        guard !condition() else { return }
        FileHandle.standardError.write(Data("property broken (\(FuzzTarget.selected.rawValue)): \(message())\n".utf8))
        abort()
    }
}
