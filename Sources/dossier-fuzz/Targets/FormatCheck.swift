import DossierCore

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
