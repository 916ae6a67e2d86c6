/// The eleven connection states of RFC 9293 §3.3.2.
public enum ConnectionState: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case closed
    case listen
    case synSent
    case synReceived
    case established
    case finWait1
    case finWait2
    case closeWait
    case closing
    case lastAck
    case timeWait

    /// The spelling shown on screen and in JSON: `SYN_RECEIVED`, `FIN_WAIT_1`.
    public var description: String {
        switch self {
        case .closed: "CLOSED"
        case .listen: "LISTEN"
        case .synSent: "SYN_SENT"
        case .synReceived: "SYN_RECEIVED"
        case .established: "ESTABLISHED"
        case .finWait1: "FIN_WAIT_1"
        case .finWait2: "FIN_WAIT_2"
        case .closeWait: "CLOSE_WAIT"
        case .closing: "CLOSING"
        case .lastAck: "LAST_ACK"
        case .timeWait: "TIME_WAIT"
        }
    }

    /// The RFC's own spelling, `SYN-RECEIVED`.
    public var rfcName: String {
        String(description.map { $0 == "_" ? "-" : $0 })
    }

    /// Whether the state is synchronised: both ISNs are known (RFC 9293 §3.5.2, "synchronized states").
    public var isSynchronized: Bool {
        switch self {
        case .closed, .listen, .synSent, .synReceived: false
        case .established, .finWait1, .finWait2, .closeWait, .closing, .lastAck, .timeWait: true
        }
    }

    /// Parses any common spelling: ours (`FIN_WAIT_1`), the RFC's (`FIN-WAIT-1`) and netstat's
    /// (`FIN_WAIT1`, `SYN_RECV`, `SYN_SENT`), in any letter case (TEACHING.md rule 11).
    public init?(spelling: String) {
        var key = ""
        for scalar in spelling.unicodeScalars {
            switch scalar {
            case "_", "-", " ": continue
            case "a"..."z": key.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
            default: key.unicodeScalars.append(scalar)
            }
        }
        switch key {
        case "CLOSED": self = .closed
        case "LISTEN": self = .listen
        case "SYNSENT": self = .synSent
        case "SYNRECEIVED", "SYNRECV", "SYNRCVD": self = .synReceived
        case "ESTABLISHED", "ESTAB": self = .established
        case "FINWAIT1": self = .finWait1
        case "FINWAIT2": self = .finWait2
        case "CLOSEWAIT": self = .closeWait
        case "CLOSING": self = .closing
        case "LASTACK": self = .lastAck
        case "TIMEWAIT": self = .timeWait
        default: return nil
        }
    }
}
