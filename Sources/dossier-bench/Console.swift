import Foundation

/// Progress and notes go to standard error, so standard output holds only the results.
enum Console {
    static func note(_ line: String) {
        FileHandle.standardError.write(Data(("dossier-bench: " + line + "\n").utf8))
    }

    static func out(_ line: String) {
        print(line)
    }
}
