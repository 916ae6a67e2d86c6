/// One header a TCP segment was carried in, between the link layer and the IP header that holds the TCP header:
/// a VLAN tag, an MPLS label, a PPPoE session, a tunnel.
public struct TunnelLayer: Hashable, Sendable {
    public enum Kind: UInt8, Hashable, Sendable {
        /// An 802.1Q or 802.1ad (QinQ) tag; the id is the VLAN id.
        case vlan
        /// One MPLS label stack entry (RFC 3032); the id is the label.
        case mpls
        /// A PPPoE session (RFC 2516); the id is the session id.
        case pppoe
        /// VXLAN (RFC 7348) or VXLAN-GPE; the id is the VNI.
        case vxlan
        /// Geneve (RFC 8926); the id is the VNI.
        case geneve
        /// GRE (RFC 2784, RFC 2890); the id is the key when the header has one.
        case gre
        /// ERSPAN type II or III inside GRE: a mirrored frame; the id is the session id.
        case erspan
        /// IP in IP (RFC 2003), IPv6 in IPv4 (RFC 4213), IPv4 or IPv6 in IPv6 (RFC 2473); no id.
        case ip4in4, ip6in4, ip4in6, ip6in6
    }

    public var kind: Kind
    /// VLAN id, label, session id, VNI or key; nil where the header has none.
    public var id: UInt32?

    public init(_ kind: Kind, id: UInt32? = nil) {
        self.kind = kind
        self.id = id
    }

    /// `vxlan vni 5001`, `pppoe session 0x11`, `gre key 7`, `ip6in4`.
    public var description: String {
        switch kind {
        case .vlan: "vlan \(id ?? 0)"
        case .mpls: "mpls \(id ?? 0)"
        case .pppoe: "pppoe session 0x" + String(id ?? 0, radix: 16)
        case .vxlan: "vxlan vni \(id ?? 0)"
        case .geneve: "geneve vni \(id ?? 0)"
        case .gre: id.map { "gre key \($0)" } ?? "gre"
        case .erspan: "erspan session \(id ?? 0)"
        case .ip4in4: "ip4in4"
        case .ip6in4: "ip6in4"
        case .ip4in6: "ip4in6"
        case .ip6in6: "ip6in6"
        }
    }
}

/// Everything a segment was carried in, outermost first; empty for plain TCP over IP.
///
/// Two segments belong to the same connection only if they came through the same tunnel: two tenants may use
/// the same addresses and ports inside different VXLAN networks. What tells tunnels apart is every layer's kind and
/// id, except MPLS labels: a label names the next hop, not the tunnel, and the two directions of one connection
/// usually carry different labels (RFC 3031 §3.1), so labels are shown but never keep segments apart.
public struct Encapsulation: Hashable, Sendable, CustomStringConvertible {
    public var layers: [TunnelLayer]
    /// A mix of the layers that tell tunnels apart (0 when there are none), so the connection table hashes a
    /// number rather than the layers.
    public let identity: UInt64

    public static let none = Encapsulation([])

    public init(_ layers: [TunnelLayer]) {
        self.layers = layers
        var state: UInt64 = 0
        for layer in layers where layer.kind != .mpls {
            let word = UInt64(layer.kind.rawValue + 1) << 40 | UInt64(layer.id ?? 0) | (layer.id == nil ? 1 << 39 : 0)
            let product = (state ^ word) &* 0x94d0_49bb_1331_11eb
            state = product ^ (product >> 29)
        }
        identity = state == 0 && layers.contains { $0.kind != .mpls } ? 1 : state
    }

    public var isEmpty: Bool { layers.isEmpty }

    /// Whether segments in `self` and in `other` can belong to one connection: the same layers apart from MPLS
    /// labels.
    public func sameTunnel(as other: Encapsulation) -> Bool {
        guard identity == other.identity else { return false }
        if identity == 0 { return true }
        // Walks both without building filtered copies: this runs for every tunnelled packet.
        var mine = layers.makeIterator()
        var theirs = other.layers.makeIterator()
        while true {
            var one = mine.next()
            while one?.kind == .mpls { one = mine.next() }
            var two = theirs.next()
            while two?.kind == .mpls { two = theirs.next() }
            guard one == two else { return false }
            if one == nil { return true }
        }
    }

    /// Outermost first; tags and labels that follow each other are written as one stack: `vlan 10/20`,
    /// `mpls 100/200, vxlan vni 5001`.
    public var description: String {
        var parts: [String] = []
        var index = 0
        while index < layers.count {
            let layer = layers[index]
            guard layer.kind == .vlan || layer.kind == .mpls else {
                parts.append(layer.description)
                index += 1
                continue
            }
            var ids: [String] = []
            while index < layers.count, layers[index].kind == layer.kind {
                ids.append(String(layers[index].id ?? 0))
                index += 1
            }
            parts.append((layer.kind == .vlan ? "vlan " : "mpls ") + ids.joined(separator: "/"))
        }
        return parts.joined(separator: ", ")
    }
}
