/// The kinds of indicator a workspace records (PRODUCT.md §1), in their canonical sort order.
///
/// The first group is validated strictly and detected from bare values; the free-form group
/// (`filename` and after) is never guessed.
public enum IndicatorType: String, CaseIterable, Sendable, Codable, Hashable {
    case ipv4, ipv6, cidr, domain, url, email
    case md5, sha1, sha256, sha512
    case asn, cve
    case x509Sha1 = "x509-sha1"
    case filename, filepath
    case registryKey = "registry-key"
    case mutex
    case userAgent = "user-agent"
    case other

    /// The type's name after "a" or "an", as it is said: `an md5`, `an ipv4`, `an other`, `a url`.
    public var withArticle: String {
        switch self {
        case .ipv4, .ipv6, .email, .md5, .asn, .x509Sha1, .other: "an \(rawValue)"
        default: "a \(rawValue)"
        }
    }

    /// Types whose values have a strict syntax that `dossier` checks and can detect.
    public var isStrict: Bool {
        switch self {
        case .filename, .filepath, .registryKey, .mutex, .userAgent, .other: false
        default: true
        }
    }

    /// Types shown defanged in reports, because a reader might click or paste them.
    public var isNetwork: Bool {
        switch self {
        case .ipv4, .ipv6, .cidr, .domain, .url, .email: true
        default: false
        }
    }

    /// Types whose values may be written in more than one way for one indicator (`IndicatorKey`):
    /// a URL escaped or not, a registry key or Windows path in any case.
    public var hasSpellings: Bool {
        switch self {
        case .url, .registryKey, .filepath: true
        default: false
        }
    }

    /// The other types whose values are written alike: a 40-hex hash is detected as sha1, and
    /// may be recorded as a certificate's (x509-sha1).
    public var sameShaped: [IndicatorType] {
        switch self {
        case .sha1: [.x509Sha1]
        case .x509Sha1: [.sha1]
        default: []
        }
    }

    /// Position in the canonical order (the declaration order above).
    public var sortRank: Int { Self.ranks[self] ?? Self.ranks.count }

    /// `allCases` is made anew at each use: positions are worked out once.
    private static let ranks = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($0.element, $0.offset) })
}

extension IndicatorType: Comparable {
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.sortRank < rhs.sortRank }
}
