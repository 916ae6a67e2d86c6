import TCPCore

extension Ink {
    /// The colour of a host's name and state.
    public static func host(_ host: HostID) -> Ink {
        switch host {
        case .a: .hostA
        case .b: .hostB
        }
    }

    /// The colour of a segment: RST, SYN and FIN each their own, in that order of precedence.
    public static func segment(_ segment: Segment) -> Ink {
        if segment.has(.rst) { return .rst }
        if segment.has(.syn) { return .syn }
        if segment.has(.fin) { return .fin }
        return .plainSegment
    }
}
