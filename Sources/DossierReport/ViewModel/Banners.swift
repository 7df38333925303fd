import DossierCore

/// The TLP 2.0 banner: label, colour class and what the marking allows.
public struct TLPBanner: Sendable, Hashable, Encodable {
    public var key: String
    public var label: String
    public var meaning: String
    /// Why the banner is not the project's own TLP, when it is not.
    public var reason: String?
    /// The project's own TLP (`TLP:CLEAR`), when the banner is not it.
    public var ownLabel: String?

    /// - Parameters:
    ///   - raisedFrom: the project's own TLP, when what the output names of other projects, or
    ///     the markings of its indicators, make it more restrictive.
    ///   - byPrivateMaterial: whether private material (`TLP.privateMaterial`) raised it, and
    ///     nothing else as far.
    ///   - cause: what raised it, when known: `its "also seen in" names Tampered release plugin
    ///     (TLP:RED)`, `an indicator is tagged tlp:red`.
    public init(_ tlp: TLP, raisedFrom: TLP? = nil, byPrivateMaterial: Bool = false, cause: String? = nil) {
        reason = raisedFrom.map {
            byPrivateMaterial
                ? "The project is marked \($0.label); this output shows private material (kept out of public output), marked \(tlp.label) at least."
                : "The project is marked \($0.label); this report shows material marked \(tlp.label): "
                    + (cause ?? "indicators tagged so, or other projects it names") + "."
        }
        ownLabel = raisedFrom?.label
        key = tlp.rawValue.replacingOccurrences(of: "+", with: "-")
        label = tlp.label
        meaning = switch tlp {
        case .clear: "Recipients can spread this to the world; there is no limit on disclosure."
        case .green: "Limited disclosure: recipients can spread this within their community, but not via publicly accessible channels."
        case .amber: "Limited disclosure: recipients can only spread this on a need-to-know basis within their organization and its clients."
        case .amberStrict: "Limited disclosure: recipients can only spread this on a need-to-know basis within their organization only."
        case .red: "For the eyes and ears of individual recipients only, no further disclosure."
        }
    }
}

/// Who the output is for, said on its first screen.
public struct AudienceBanner: Sendable, Hashable, Encodable {
    public var key: String
    public var label: String
    public var isInternal: Bool
    public var notice: String

    public init(_ audience: Audience) {
        key = audience.rawValue
        isInternal = audience == .internal
        label = isInternal ? "Internal" : "Public"
        notice = isInternal
            ? "Internal report, made for the team: private projects, indicators, notes, tags and sources are shown where there are any. Share it only as its TLP allows."
            : "Public report: private projects, indicators, notes, tags and sources are left out."
    }
}

import Foundation
