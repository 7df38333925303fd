import ArgumentParser
import DossierCore

/// A choice given in any case, with `_` for `-` (`--type IPv4`, `--format CSV`, `registry_key`,
/// PassiveTotal's `non_malicious`): the values are the lower-case names `--help` lists, and the
/// other names a user may well write for one (`--format markdown`, `txt`), its `aliases`.
protocol LenientChoice: ExpressibleByArgument, RawRepresentable where RawValue == String {
    static var aliases: [String: Self] { get }
}

extension LenientChoice {
    static var aliases: [String: Self] { [:] }

    public init?(argument: String) {
        let name = argument.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        guard let choice = Self(rawValue: name) ?? Self.aliases[name] else { return nil }
        self = choice
    }
}

extension TLP: ExpressibleByArgument {
    /// As a marking is written (`AMBER`, `TLP:AMBER+STRICT`, `white` for TLP 1.0's clear).
    public init?(argument: String) {
        self.init(named: argument)
    }
}
extension Classification: LenientChoice {}
extension IndicatorType: LenientChoice {}
