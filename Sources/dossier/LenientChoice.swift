import ArgumentParser
import DossierCore

/// A choice given in any case, with `_` for `-` (`--type IPv4`, `--format CSV`, `registry_key`,
/// PassiveTotal's `non_malicious`): the values are the lower-case names `--help` lists.
protocol LenientChoice: ExpressibleByArgument, RawRepresentable where RawValue == String {}

extension LenientChoice {
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-"))
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
