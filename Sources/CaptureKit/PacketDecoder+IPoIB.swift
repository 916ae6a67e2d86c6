/// Linux IP over InfiniBand (link type 242): 40 bytes of InfiniBand addresses, then an Ethernet type and two
/// reserved bytes (RFC 4391 §6).
extension PacketDecoder {
    mutating func ipOverInfiniBand() -> DecodeResult {
        guard frame.count >= 44 else { return .other }
        return etherType(frame.bigEndian16(40), at: 44, end: frame.count)
    }
}
