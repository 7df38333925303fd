import DossierCore

/// The JSON reader and writer, then the loader's three JSON decoders on the same bytes, then `fmt`.
///
/// Properties: a syntax error points inside the file; a value the reader accepts is written by
/// `JSONWriter` to bytes that read back to the same value and that are a fixed point of
/// read-then-write; `fmt` of what loaded is meaning-preserving (the reloaded workspace writes the
/// same canonical bytes, and no file that loaded cleanly gets an error) and idempotent (a second
/// `fmt` changes nothing).
enum JSONTarget {
    static func run(_ bytes: [UInt8]) {
        do {
            let node = try JSONParser.parse(bytes)
            let written = JSONWriter.write(node)
            guard let again = try? JSONParser.parse(written) else {
                Property.check(false, "JSONWriter output is not valid JSON")
                return
            }
            Property.check(JSONCompare.same(node.value, again.value), "JSONWriter output reads back to another value")
            Property.check(JSONWriter.write(again) == written, "JSONWriter is not a fixed point of read-then-write")
        } catch {
            let lines = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            Property.check(error.position.line >= 1 && error.position.line <= lines && error.position.column >= 1,
                "syntax error position \(error.position) outside a file of \(lines) lines")
        }
        Scratch.write(settings: bytes, project: bytes, indicators: bytes)
        FormatCheck.run()
    }
}

/// `fmt` on the scratch workspace: meaning-preserving and idempotent.
enum FormatCheck {
    static func run() {
        let loaded = WorkspaceLoader.load(root: Scratch.root)
        _ = WorkspaceChecker.check(loaded)
        let plan = FormatPlan(loaded)
        guard !plan.changes.isEmpty else { return }
        do {
            _ = try plan.apply()
        } catch {
            Property.check(false, "fmt could not write: \(error)")
        }
        let reloaded = WorkspaceLoader.load(root: Scratch.root)
        let clean = Set(loaded.files).subtracting(loaded.filesWithErrors)
        let broken = reloaded.filesWithErrors.intersection(clean)
        Property.check(broken.isEmpty, "fmt made \(broken.sorted()) invalid: \(reloaded.diagnostics.items.filter { $0.severity == .error })")
        Property.check(canonical(loaded) == canonical(reloaded), "fmt changed the meaning of the workspace")
        Property.check(FormatPlan(reloaded).changes.isEmpty, "fmt is not idempotent: a second run changes \(FormatPlan(reloaded).changes.map(\.path))")
    }

    /// Everything the model holds that a file persists, as canonical bytes.
    static func canonical(_ loaded: LoadedWorkspace) -> [[UInt8]] {
        [CanonicalJSON.workspaceFile(loaded.workspace.settings)]
            + loaded.workspace.projects.flatMap { [CanonicalJSON.projectFile($0), CanonicalJSON.indicatorsFile($0)] }
    }
}

/// JSON values compared without their source positions.
enum JSONCompare {
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0.value, $1.value) }
        case (.object(let x), .object(let y)):
            return x.members.count == y.members.count
                && zip(x.members, y.members).allSatisfy { $0.key == $1.key && same($0.value.value, $1.value.value) }
        default:
            return a == b
        }
    }
}
