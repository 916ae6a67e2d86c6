/// The tunnel of a TCP packet in tcpdump's text, from what tcpdump printed before the inner packet: `vlan 10,`
/// (with `-e`), `(label 100, ...)`, `PPPoE [ses 0x11]`, `GREv0, key=0x2a`, `VXLAN, flags [I] (0x08), vni 5001`,
/// `OTV, ... instance 7` (VXLAN on 8472), `Geneve, Flags [none], vni 0x1771`, and an IP header printed right
/// before another (IP in IP). The words are tcpdump 4.99's (`print-vxlan.c`, `print-gre.c` ...).
enum TextTunnel {
    nonisolated(unsafe) private static let words = try! Regex(
        #"vlan (\d+), |\(label (\d+),|\[ses 0x([0-9a-f]+)\]|GREv0(?:, key=0x([0-9a-f]+))?|(VXLAN|OTV|Geneve)[^:]*?(?:vni|instance) (0x[0-9a-f]+|\d+)|(IP6?) \S+ > \S+: (IP6?) "#
    )

    /// The layers named in `outer`, outermost first.
    static func layers(_ outer: Substring) -> [TunnelLayer] {
        var layers: [TunnelLayer] = []
        for match in outer.matches(of: words) {
            let groups = match.output
            func number(_ index: Int, radix: Int = 10) -> UInt32? {
                guard let text = groups[index].substring else { return nil }
                return text.hasPrefix("0x") ? UInt32(text.dropFirst(2), radix: 16) : UInt32(text, radix: radix)
            }
            if groups[1].substring != nil {
                layers.append(TunnelLayer(.vlan, id: number(1)))
            } else if groups[2].substring != nil {
                layers.append(TunnelLayer(.mpls, id: number(2)))
            } else if groups[3].substring != nil {
                layers.append(TunnelLayer(.pppoe, id: number(3, radix: 16)))
            } else if let kind = groups[5].substring {
                layers.append(TunnelLayer(kind == "Geneve" ? .geneve : .vxlan, id: number(6)))
            } else if let outerIP = groups[7].substring, let innerIP = groups[8].substring {
                let kind: TunnelLayer.Kind =
                    switch (outerIP == "IP6", innerIP == "IP6") {
                    case (false, false): .ip4in4
                    case (false, true): .ip6in4
                    case (true, false): .ip4in6
                    case (true, true): .ip6in6
                    }
                layers.append(TunnelLayer(kind))
            } else {
                layers.append(TunnelLayer(.gre, id: number(4, radix: 16)))
            }
        }
        return layers
    }
}
