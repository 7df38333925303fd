/// What `Lookup` found for one value: every record of it (direct matches) and of related values
/// (indirect matches), with the classification each project decided.
public struct LookupResult: Sendable, Equatable {
    /// The value as typed.
    public var query: String
    /// What it was looked up as; nil when it is not a valid indicator.
    public var key: IndicatorKey?
    /// Why the value is not a valid indicator (and nothing recorded matches it as written).
    public var problem: IndicatorProblem?
    /// Direct matches first, in project order, then indirect ones by project.
    public var matches: [Match] = []
    /// True when the projects recording the value itself classify it differently.
    public var classificationDiffers = false

    public init(query: String) {
        self.query = query
    }

    public var direct: [Match] { matches.filter { $0.relation == .exact } }
    public var indirect: [Match] { matches.filter { $0.relation != .exact } }
    /// True when the value itself is recorded somewhere (indirect matches alone do not count).
    public var isRecorded: Bool { matches.contains { $0.relation == .exact } }

    /// One record that matched.
    public struct Match: Sendable, Hashable {
        public var project: String
        public var projectTitle: String
        public var visibility: Visibility
        public var indicator: Indicator
        /// Effective: explicit, else implied by the vocabulary tags, else unknown.
        public var classification: Classification
        public var relation: Relation

        public var isDirect: Bool { relation == .exact }
    }

    /// How a recorded indicator relates to the value looked up.
    public enum Relation: String, Sendable, Hashable, CaseIterable {
        /// The value itself.
        case exact
        /// The domain or IP address that is the host of the URL or e-mail address looked up.
        case host
        /// A URL or e-mail address whose host is the domain or IP address looked up.
        case onHost = "on-host"
        /// A domain that is a subdomain of the domain looked up.
        case subdomain
        /// A URL or e-mail address on a subdomain of the domain looked up.
        case onSubdomain = "on-subdomain"
        /// A domain that the domain looked up (or the host of the URL or e-mail) lies within.
        case parentDomain = "parent-domain"
        /// A CIDR block that contains the IP address looked up (or the URL's address), or the block.
        case network
        /// An address, a smaller block, or a URL or e-mail address on an address, that lies in the
        /// block looked up.
        case inNetwork = "in-network"

        /// Sort order of indirect matches within a project: the closest relation first.
        var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

        /// For people: "URL or e-mail on this host", "CIDR block containing it".
        public var explanation: String {
            switch self {
            case .exact: "the value itself"
            case .onHost: "on this host"
            case .onSubdomain: "on a subdomain"
            case .subdomain: "a subdomain"
            case .parentDomain: "a parent domain"
            case .host: "its host"
            case .network: "a network containing it"
            case .inNetwork: "in this network"
            }
        }
    }
}
