extension Indicators {
    /// What a Windows registry key or file path is compared by, or nil for any other value:
    /// Windows ignores the case of both (`HKLM\Software\Run` and `HKLM\SOFTWARE\Run` are one key,
    /// `C:\Users\Public\a.exe` and `c:\users\public\A.EXE` one file), so analysts and tools write
    /// them in either. A registry key's hive counts under its short name (`HKEY_LOCAL_MACHINE` is
    /// `HKLM`, as regedit's `Computer\` prefix is nothing), and a trailing `\` not at all. A path
    /// counts as Windows' when it starts with a drive (`C:\`), a share (`\\host\`, not WSL's,
    /// whose files tell case apart) or a variable (`%APPDATA%\`); others (`/tmp/X`) and bare file
    /// names keep their case. Values stay as written.
    ///
    /// Case is folded as Windows folds it, each character to its single upper-case one (`ς` and
    /// `σ` alike, `ß` as it is), of the precomposed form: values Swift deems equal (a Kelvin sign
    /// and `K`) have one key.
    public static func windowsNameKey(_ value: String, type: IndicatorType) -> String? {
        guard type == .registryKey || type == .filepath else { return nil }
        let composed = value.utf8.allSatisfy { $0 < 0x80 } ? value : value.precomposedStringWithCanonicalMapping
        switch type {
        case .registryKey:
            var key = upcased(composed)
            if key.hasPrefix("COMPUTER\\") { key.removeFirst("COMPUTER\\".count) }
            for (long, short) in hiveNames where key.hasPrefix(long) && (key.count == long.count || key.dropFirst(long.count).first == "\\") {
                key = short + key.dropFirst(long.count)
                break
            }
            while key.count > 1, key.hasSuffix("\\") { key.removeLast() }
            return key
        default:
            return isWindowsPath(composed) ? upcased(composed) : nil
        }
    }

    /// The path a `file:` URL names, as its file system writes it (`file:///C:/Users/x/a.dat` is
    /// `C:\Users\x\a.dat`, `file:///home/x/a` is `/home/x/a`, `file://host/share/a` is
    /// `\\host\share\a`), escapes decoded; nil for any other text. A link to a private file path
    /// writes that path.
    public static func path(ofFileURL text: some StringProtocol) -> String? {
        guard text.utf8.count > 5, text.prefix(5).lowercased() == "file:" else { return nil }
        var rest = Substring(text.dropFirst(5))
        var host = ""
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            host = String(rest[..<end])
            rest = rest[end...]
        }
        let path = Array(String(decoding: PercentEncoding.decodedFully(Array(rest.utf8)), as: UTF8.self))
        // A drive after the first slash (`/C:/`, or `/C|/` as old URLs write it): Windows'.
        if path.count >= 3, path[0] == "/", path[1].isASCII, path[1].isLetter, path[2] == ":" || path[2] == "|" {
            return String(path[1]) + ":" + String(path[3...]).replacingOccurrences(of: "/", with: "\\")
        }
        if !host.isEmpty, host.lowercased() != "localhost" {
            return "\\\\" + host + String(path).replacingOccurrences(of: "/", with: "\\")
        }
        return path.isEmpty ? nil : String(path)
    }

    /// The hives' long names, upper-cased, with their short ones.
    private static let hiveNames = [
        ("HKEY_LOCAL_MACHINE", "HKLM"), ("HKEY_CURRENT_USER", "HKCU"), ("HKEY_CLASSES_ROOT", "HKCR"),
        ("HKEY_USERS", "HKU"), ("HKEY_CURRENT_CONFIG", "HKCC"),
    ]

    /// Each character as its single upper-case one where it has one (as Windows' file systems and
    /// registry compare names), else as it is: `ß` stays, `ſ` is `S`. Of a whole text, to look
    /// for a Windows name in it (`windowsNameKey`) whatever its case.
    static func upcased(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.uppercased() }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let upper = scalar.properties.uppercaseMapping.unicodeScalars
            if upper.count == 1, let single = upper.first { out.append(single) } else { out.append(scalar) }
        }
        return String(out)
    }

    /// A path that starts with a drive (`C:\`, `c:/`), a share (`\\host\`, but for the WSL's
    /// `\\wsl$\` and `\\wsl.localhost\`) or an environment variable (`%APPDATA%\`).
    static func isWindowsPath(_ value: String) -> Bool {
        let bytes = Array(value.utf8.prefix(64))
        func isSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") }
        if bytes.count >= 3, IndicatorBytes.isLetter(bytes[0]), bytes[1] == IndicatorBytes.colon, isSeparator(bytes[2]) { return true }
        if bytes.count >= 3, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "\\"), bytes[2] != UInt8(ascii: "\\") {
            let host = bytes[2...].prefix { !isSeparator($0) }.map(IndicatorBytes.lower)
            return !wslHosts.contains(host)
        }
        guard bytes.first == UInt8(ascii: "%"), let end = bytes.dropFirst().firstIndex(of: UInt8(ascii: "%")), end > 1,
              end + 1 < bytes.count, isSeparator(bytes[end + 1])
        else { return false }
        return bytes[1..<end].allSatisfy { IndicatorBytes.isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") }
    }

    /// The shares of the Windows Subsystem for Linux, whose file systems tell case apart.
    private static let wslHosts: Set<[UInt8]> = [Array("wsl$".utf8), Array("wsl.localhost".utf8)]
}

extension Indicators {
    /// Windows file paths (`C:\Users\Public\evil.exe`, `%APPDATA%\x.dll`) and registry keys
    /// (`HKLM\Software\...\Run\evil`, `HKEY_CURRENT_USER\...`) written in prose, each as far as
    /// its first blank, without the punctuation a sentence puts after it; once each.
    ///
    /// They are free-form values, which extraction does not take from prose (`C:\Program Files\x`
    /// goes on past the blank, a sentence's last `.` may be the file's): this finds them only
    /// so that what extracts from a text can say it passed them over, and how to add them.
    /// One in quotes or backticks on one line (`"C:\Program Files\Evil Corp\svc.exe"`) is taken
    /// whole, blanks and all: the quotes say where it ends.
    public static func windowsNamesInProse(_ text: String) -> [(value: String, type: IndicatorType)] {
        guard text.containsByte(UInt8(ascii: "\\")) else { return [] }
        var found: [(value: String, type: IndicatorType)] = []
        var seen: Set<String> = []
        var rest = ""
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var remaining = Substring(line)
            while let open = remaining.firstIndex(where: { $0 == "\"" || $0 == "`" }),
                  let close = remaining[remaining.index(after: open)...].firstIndex(of: remaining[open]) {
                let quoted = String(remaining[remaining.index(after: open)..<close])
                if let type = windowsNameType(quoted) {
                    if seen.insert(quoted).inserted { found.append((quoted, type)) }
                    rest += remaining[..<open] + " "
                } else {
                    rest += remaining[...close]
                }
                remaining = remaining[remaining.index(after: close)...]
            }
            rest += remaining + "\n"
        }
        for word in rest.split(whereSeparator: { $0.isWhitespace }) {
            var value = Substring(word)
            // Quotes, brackets and a sentence's punctuation around it.
            while let first = value.first, "\"'`([<*_".contains(first) { value = value.dropFirst() }
            while let last = value.last, "\"'`)]>*_,;:.!?".contains(last) { value = value.dropLast() }
            let text = String(value)
            guard let type = windowsNameType(text) else { continue }
            if seen.insert(text).inserted { found.append((text, type)) }
        }
        return found
    }

    /// `filepath` for a Windows path, `registryKey` for a registry key, of more than a root: a
    /// list's line that is one is that value, whose ends the line gives.
    public static func windowsNameType(_ text: String) -> IndicatorType? {
        guard text.contains("\\"), text.count > 3 else { return nil }
        if isWindowsPath(text) { return .filepath }
        let upper = text.uppercased()
        return registryRoots.contains(where: { upper.hasPrefix($0 + "\\") }) ? .registryKey : nil
    }

    /// The roots a registry key is written from, short and long, upper-cased.
    private static let registryRoots = hiveNames.flatMap { [$0.0, $0.1] } + ["COMPUTER\\HKEY_LOCAL_MACHINE", "COMPUTER\\HKEY_CURRENT_USER"]
}
