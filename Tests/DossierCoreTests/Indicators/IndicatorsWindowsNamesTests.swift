import Testing
@testable import DossierCore

@Suite("Windows names: registry keys and paths compared without case")
struct IndicatorsWindowsNamesTests {
    @Test("one registry key, however its case, hive name or trailing backslash is written", arguments: [
        (#"HKLM\Software\Microsoft\Windows\CurrentVersion\Run"#, #"hklm\SOFTWARE\microsoft\windows\currentversion\run"#),
        (#"HKEY_LOCAL_MACHINE\Software\Classes"#, #"HKLM\Software\Classes\"#),
        (#"Computer\HKEY_CURRENT_USER\Environment"#, #"HKCU\Environment"#),
        (#"HKEY_USERS\.DEFAULT"#, #"hku\.default"#),
    ])
    func sameRegistryKey(_ a: String, _ b: String) {
        #expect(IndicatorKey(type: .registryKey, value: a) == IndicatorKey(type: .registryKey, value: b))
        #expect(KeyTable.hash(of: .registryKey, a) == KeyTable.hash(of: .registryKey, b))
    }

    @Test("other keys, paths that are not Windows', file names and mutexes keep their case", arguments: [
        (IndicatorType.registryKey, #"HKLM\Software\Run"#, #"HKLM\Software\RunOnce"#),
        (.registryKey, #"HKEY_USERSX\a"#, #"HKU\a"#),
        (.filepath, "/tmp/Payload", "/tmp/payload"),
        (.filename, "Invoice.EXE", "invoice.exe"),
        (.mutex, "Global\\MsWinZonesCacheCounterMutexA", "global\\mswinzonescachecountermutexa"),
        // Windows keeps `ß` and `ẞ` apart; the WSL's shares tell case apart.
        (.filepath, #"C:\Temp\ß.txt"#, #"C:\Temp\ẞ.txt"#), (.filepath, #"\\wsl$\Ubuntu\home\Bob"#, #"\\wsl$\ubuntu\home\bob"#),
    ])
    func differentValues(_ type: IndicatorType, _ a: String, _ b: String) {
        #expect(IndicatorKey(type: type, value: a) != IndicatorKey(type: type, value: b))
    }

    @Test("a path on a drive, a share or under a variable is Windows'", arguments: [
        (#"C:\Users\Public\a.exe"#, #"c:\users\public\A.EXE"#),
        ("c:/ProgramData/x.dll", "C:/programdata/X.DLL"),
        (#"\\FileSrv\Share\drop.lnk"#, #"\\filesrv\share\DROP.LNK"#),
        (#"%AppData%\Microsoft\upd.exe"#, #"%APPDATA%\microsoft\upd.exe"#),
        (#"%ProgramFiles(x86)%\App\a.dll"#, #"%programfiles(X86)%\app\A.dll"#),
        // A Kelvin sign is `K` to Swift, so to the key; Greek final sigma is sigma to Windows.
        ("\u{212A}:\\Tools\\evil.exe", #"k:\tools\EVIL.exe"#), (#"C:\Temp\ς.txt"#, #"c:\temp\σ.TXT"#),
        ("C:\\Temp\\e\u{301}.txt", "c:\\temp\\\u{C9}.TXT"),
    ])
    func sameWindowsPath(_ a: String, _ b: String) {
        #expect(IndicatorKey(type: .filepath, value: a) == IndicatorKey(type: .filepath, value: b))
        #expect(Set([IndicatorKey(type: .filepath, value: a), IndicatorKey(type: .filepath, value: b)]).count == 1)
        #expect(KeyTable.hash(of: .filepath, a) == KeyTable.hash(of: .filepath, b))
    }
}
