extension Indicators {
    /// What a Windows registry key or file path is compared by, or nil for any other value:
    /// Windows ignores the case of both (`HKLM\Software\Run` and `HKLM\SOFTWARE\Run` are one key,
    /// `C:\Users\Public\a.exe` and `c:\users\public\A.EXE` one file), so analysts and tools write
    /// them in either. A registry key's hive counts under its short name (`HKEY_LOCAL_MACHINE` is
    /// `HKLM`, as regedit's `Computer\` prefix is nothing), and a trailing `\` not at all. A path
    /// counts as Windows' when it starts with a drive (`C:\`), a share (`\\host\`) or a variable
    /// (`%APPDATA%\`); others (`/tmp/X`) and bare file names keep their case. Values stay as written.
    public static func windowsNameKey(_ value: String, type: IndicatorType) -> String? {
        switch type {
        case .registryKey:
            var key = value.lowercased()
            if key.hasPrefix("computer\\") { key.removeFirst("computer\\".count) }
            for (long, short) in hiveNames where key.hasPrefix(long) && (key.count == long.count || key.dropFirst(long.count).first == "\\") {
                key = short + key.dropFirst(long.count)
                break
            }
            while key.count > 1, key.hasSuffix("\\") { key.removeLast() }
            return key
        case .filepath:
            return isWindowsPath(value) ? value.lowercased() : nil
        default:
            return nil
        }
    }

    /// The hives' long names, lower-cased, with their short ones.
    private static let hiveNames = [
        ("hkey_local_machine", "hklm"), ("hkey_current_user", "hkcu"), ("hkey_classes_root", "hkcr"),
        ("hkey_users", "hku"), ("hkey_current_config", "hkcc"),
    ]

    /// A path that starts with a drive (`C:\`, `c:/`), a share (`\\host\`) or an environment
    /// variable (`%APPDATA%\`).
    static func isWindowsPath(_ value: String) -> Bool {
        let bytes = Array(value.utf8.prefix(64))
        func isSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") }
        if bytes.count >= 3, IndicatorBytes.isLetter(bytes[0]), bytes[1] == IndicatorBytes.colon, isSeparator(bytes[2]) { return true }
        if bytes.count >= 3, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "\\"), bytes[2] != UInt8(ascii: "\\") { return true }
        guard bytes.first == UInt8(ascii: "%"), let end = bytes.dropFirst().firstIndex(of: UInt8(ascii: "%")), end > 1,
              end + 1 < bytes.count, isSeparator(bytes[end + 1])
        else { return false }
        return bytes[1..<end].allSatisfy { IndicatorBytes.isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }
    }
}
