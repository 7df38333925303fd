/// CRC-32 (ISO-HDLC, as PNG and zlib compute it): a PNG chunk's checksum, over its type and
/// data, which the test images' chunks carry (`TestImages.png`).
public enum CRC32 {
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? crc >> 1 ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
