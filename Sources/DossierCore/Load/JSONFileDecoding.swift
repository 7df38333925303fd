/// Turns a file's bytes into a JSON object, or into diagnostics: conflict markers (reported
/// instead of the syntax error they cause), syntax errors with their position, or a top-level
/// value that is not an object.
public enum JSONFileDecoding {
    /// What a conflict marker's error adds for a file `fmt --merge` resolves.
    public static let mergeHint = " (`dossier fmt --merge` resolves what needs no decision)"

    static func object(_ bytes: [UInt8], path: String, what: String, into diagnostics: inout [Diagnostic]) -> (JSONObject, SourcePosition)? {
        let markers = ConflictMarkers.find(in: bytes)
        guard markers.isEmpty else {
            let resolvable = what == ProjectFiles.project || what == ProjectFiles.indicators || what == ProjectFiles.workspace
            let hint = resolvable ? mergeHint : ""
            for position in markers {
                diagnostics.append(.error(at: SourceLocation(path: path, position: position),
                    "git conflict marker: resolve the merge conflict in this file" + hint, code: "conflict-marker"))
            }
            return nil
        }
        let node: JSONNode
        var duplicateKeys: [JSONSyntaxError] = []
        do {
            node = try JSONParser.parse(bytes, duplicateKeys: &duplicateKeys)
        } catch {
            diagnostics.append(.error(at: SourceLocation(path: path, position: error.position), error.message, code: "invalid-json"))
            return nil
        }
        // Reported, and the rest of the file read on, so that one check lists every problem.
        for duplicate in duplicateKeys {
            diagnostics.append(.error(at: SourceLocation(path: path, position: duplicate.position), duplicate.message, code: "invalid-json"))
        }
        guard case .object(let object) = node.value else {
            diagnostics.append(.error(at: SourceLocation(path: path, position: node.position),
                "\(what) must hold a JSON object ({ ... }), found \(node.value.kindName)", code: "wrong-type"))
            return nil
        }
        return (object, node.position)
    }
}
