#if DOSSIER_LIBFUZZER
import Foundation

/// libFuzzer's entry point for programs that keep their own `main` (compiler-rt ≥ 11).
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// libFuzzer links its own `main` unless the program has one; SwiftPM gives every executable one,
/// so this symbol only has to exist (libFuzzer's `main` is never used).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    LibFuzzer.one(data, size)
}

/// The callback handed to libFuzzer.
private let testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { data, size in LibFuzzer.one(data, size) }

/// Runs the selected target under libFuzzer (coverage-guided), with libFuzzer's own flags.
enum LibFuzzer {
    static func run(_ target: FuzzTarget, arguments: [String]) -> Int32 {
        let all = [CommandLine.arguments[0]] + arguments
        var argc = CInt(all.count)
        // libFuzzer keeps and may reorder argv: give it its own copy, never freed.
        let pointers = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: all.count + 1)
        for (index, argument) in all.enumerated() { pointers[index] = strdup(argument) }
        pointers[all.count] = nil
        var argv = pointers
        return LLVMFuzzerRunDriver(&argc, &argv, testOneInput)
    }

    static func one(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        FuzzTarget.selected.run(bytes)
        return 0
    }
}
#endif
