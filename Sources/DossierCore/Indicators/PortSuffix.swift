/// An address or host name written with a port, as feeds and MISP write them.
public enum PortSuffix {
    /// `192.0.2.1:443` → `192.0.2.1`, `[2001:db8::1]:443` → `2001:db8::1`, `c2.example:8080` →
    /// `c2.example`, a value with no port as it is, and whether a port was taken off; nil for an
    /// IPv6 address with a port outside brackets (`2001:db8::1:8080` reads as another address),
    /// for an unbracketed IPv6 address, and for a port that is none (not 0 to 65535 in ASCII digits).
    public static func split(_ value: String) -> (host: String, hadPort: Bool)? {
        func isPort(_ text: Substring) -> Bool {
            !text.isEmpty && text.count <= 5 && text.allSatisfy { $0.isASCII && $0.isNumber } && Int(text).map { $0 <= 65_535 } == true
        }
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return nil }
            let rest = value[value.index(after: close)...]
            guard rest.isEmpty || rest.first == ":" && isPort(rest.dropFirst()) else { return nil }
            return (String(value[value.index(after: value.startIndex)..<close]), !rest.isEmpty)
        }
        switch value.count(where: { $0 == ":" }) {
        case 0: return (value, false)
        case 1:
            guard let colon = value.firstIndex(of: ":") else { return nil }
            return isPort(value[value.index(after: colon)...]) ? (String(value[..<colon]), true) : nil
        default: return nil
        }
    }
}
