/// UDP datagrams that carry tunnels, told apart by their well-known port: VXLAN (4789, RFC 7348 §5; 8472, the
/// Linux kernel's default before that number was assigned), VXLAN-GPE (4790) and Geneve (6081, RFC 8926 §3.3).
/// Either port may be the tunnel's: a reply is sent from it.
extension PacketDecoder {
    mutating func udp(at start: Int, end: Int) -> DecodeResult {
        guard start + 8 <= min(end, frame.count) else { return .other }
        let length = Int(frame.bigEndian16(start + 4))
        // A length below the header's own is offload or a jumbogram: the IP header's end stands.
        let datagramEnd = length >= 8 ? min(start + length, end) : end
        let ports = (frame.bigEndian16(start + 2), frame.bigEndian16(start))
        for port in [ports.0, ports.1] {
            switch port {
            case 4789, 8472: return vxlan(at: start + 8, end: datagramEnd)
            case 4790: return vxlanGPE(at: start + 8, end: datagramEnd)
            case 6081: return geneve(at: start + 8, end: datagramEnd)
            default: continue
            }
        }
        return .other
    }
}
