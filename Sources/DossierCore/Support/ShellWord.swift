import Foundation

/// A value as one word of a shell command a message suggests (`dossier add P 'http://x/?a=1&b=2'`):
/// as it is when it holds nothing a shell reads (most values), else in single quotes, so that a
/// command copied from a message records what it names.
public enum ShellWord {
    public static func quoted(_ value: String) -> String {
        let plain = value.utf8.allSatisfy { byte in
            (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 || "._:/@%+=,-".utf8.contains(byte)
        }
        return plain && !value.isEmpty ? value : "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
