extension Indicators {
    /// For a CIDR block written with host bits set (`192.0.2.77/24`, as `ip addr` prints an
    /// interface's address): the address as written and the block it is recorded as, its network
    /// (`CIDRBlock`). A command says so: the host is not what is recorded, and `lookup` then finds
    /// every address of the block. Nil for any other value.
    public static func hostBits(of raw: String) -> (address: String, block: String)? {
        guard case .success(let block) = parse(raw, as: .cidr), let slash = block.value.lastIndex(of: "/"),
              let written = raw.lastIndex(of: "/"),
              case .success(let address) = parse(String(raw[..<written]), as: nil),
              address.type == .ipv4 || address.type == .ipv6,
              address.value != block.value[..<slash] else { return nil }
        return (address.value, block.value)
    }

    /// The warning for `hostBits(of:)`: what is recorded, and how to record the host.
    public static func hostBitsWarning(_ address: String, block: String) -> String {
        "\(address)/\(block[block.index(after: block.lastIndex(of: "/")!)...]) has host bits set: recorded as the network it lies in, cidr \(block); to record the host alone, give \(address)"
    }
}
