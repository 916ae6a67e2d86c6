import TCPCore
import TimelineKit

/// How a connection began, as far as the capture shows.
public enum ConnectionOpening: String, Hashable, Sendable {
    /// SYN, SYN+ACK (the SYN itself may be before the capture).
    case threeWayHandshake
    /// Both sides sent a bare SYN (RFC 9293 §3.5, figure 7).
    case simultaneousOpen
    /// The SYN was answered by RST: nothing listened.
    case refused
    /// A SYN and no answer.
    case unanswered
    /// The capture starts after the connection was set up.
    case midstream

    /// Words for listings.
    public var text: String { text(.en) }

    /// Words for listings, and for a lesson's summary in either language.
    public func text(_ language: Language) -> String {
        let words: LocalizedText =
            switch self {
            case .threeWayHandshake: LocalizedText(en: "three-way handshake", zh: "三次握手")
            case .simultaneousOpen: LocalizedText(en: "simultaneous open", zh: "同时打开")
            case .refused: LocalizedText(en: "refused (RST)", zh: "连接被拒绝（复位）")
            case .unanswered: LocalizedText(en: "SYN not answered", zh: "SYN没有得到应答")
            case .midstream: LocalizedText(en: "already open", zh: "抓包开始时连接已建立")
            }
        return words.text(language)
    }
}

/// How a connection ended, as far as the capture shows.
public enum ConnectionClosing: Hashable, Sendable {
    /// No FIN or RST in the capture.
    case open
    /// Only this host sent a FIN: the other side may still send (half-close, RFC 9293 §3.6.1).
    case halfClosed(by: HostID)
    /// Both sent FIN; this host first.
    case closed(first: HostID)
    /// Both FINs crossed on the wire (RFC 9293 §3.6, figure 13).
    case simultaneousClose
    /// An RST ended it.
    case reset(by: HostID)

    /// Words for listings.
    public var text: String { text(.en) }

    /// Words for listings, and for a lesson's summary in either language.
    public func text(_ language: Language) -> String {
        let words: LocalizedText =
            switch self {
            case .open: LocalizedText(en: "still open", zh: "连接仍未关闭")
            case .halfClosed(let host): LocalizedText(en: "half-closed by \(host)", zh: "\(host)半关闭")
            case .closed(let host): LocalizedText(en: "\(host) closed first", zh: "\(host)先关闭")
            case .simultaneousClose: LocalizedText(en: "simultaneous close", zh: "同时关闭")
            case .reset(let host): LocalizedText(en: "reset by \(host)", zh: "\(host)发送复位")
            }
        return words.text(language)
    }

    /// A stable word for JSON.
    public var key: String {
        switch self {
        case .open: "open"
        case .halfClosed: "halfClosed"
        case .closed: "closed"
        case .simultaneousClose: "simultaneousClose"
        case .reset: "reset"
        }
    }

    /// The host the closing names, if any.
    public var host: HostID? {
        switch self {
        case .open, .simultaneousClose: nil
        case .halfClosed(let host), .closed(let host), .reset(let host): host
        }
    }
}

/// One TCP connection in a capture: its ends, its size and how it opened and closed.
public struct ConnectionSummary: Hashable, Sendable {
    /// 0-based, in order of each connection's first packet (as Wireshark's `tcp.stream`).
    public var stream: Int
    /// The side that sent the first SYN; otherwise the first sender.
    public var hostA: SocketAddress
    public var hostB: SocketAddress
    /// What the connection's segments were carried in (as its first segment shows): part of what makes it this
    /// connection, so two tenants' identical 4-tuples in different tunnels stay apart.
    public var tunnel: Encapsulation = .none
    public var packetsFromA = 0
    public var packetsFromB = 0
    /// Payload bytes each way.
    public var bytesFromA: UInt64 = 0
    public var bytesFromB: UInt64 = 0
    public var firstTime: CaptureTime
    public var lastTime: CaptureTime
    /// Packet numbers in the file.
    public var firstPacket: Int
    public var lastPacket: Int
    public var opening: ConnectionOpening
    public var closing: ConnectionClosing = .open

    public var packets: Int { packetsFromA + packetsFromB }

    public func address(of host: HostID) -> SocketAddress {
        host == .a ? hostA : hostB
    }
}
