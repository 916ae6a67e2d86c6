/// The connection state together with what that state knows (RFC 9293 §3.3.2), so that nothing can be asked of a
/// state that does not have it: CLOSED has no TCB, only FIN-WAIT-1, CLOSING and LAST-ACK have a FIN of ours in
/// flight, only SYN-RECEIVED remembers how the connection was opened.
enum Connection: Hashable, Sendable {
    /// "No connection state at all": the TCB does not exist (§3.3.2, §3.10.7.1).
    case closed
    /// "Waiting for a connection request from any remote TCP peer": a passive OPEN made the TCB (§3.10.1).
    case listen(TCB)
    /// "Waiting for a matching connection request after having sent a connection request" (active OPEN).
    case synSent(TCB)
    /// "Waiting for a confirming connection request acknowledgment after having both received and sent a
    /// connection request". `opening` says where it came from: an RST or SYN returns a passive open to LISTEN
    /// (§3.10.7.4, second and fourth checks). `close`: a CLOSE that waits for ESTABLISHED (§3.10.4).
    case synReceived(TCB, opening: Opening, close: CloseCall?)
    /// "An open connection". `close`: a CLOSE whose FIN waits behind data the peer's window does not admit yet.
    case established(TCB, close: CloseCall?)
    /// "Waiting for a connection termination request from the remote TCP peer, or an acknowledgment of the
    /// connection termination request previously sent": `fin` is the sequence number our FIN occupies.
    case finWait1(TCB, fin: SequenceNumber, close: CloseCall)
    /// "Waiting for a connection termination request from the remote TCP peer": our FIN is acknowledged.
    case finWait2(TCB, close: CloseCall)
    /// "Waiting for a connection termination request from the local user". `close`: a CLOSE whose FIN waits.
    case closeWait(TCB, close: CloseCall?)
    /// "Waiting for a connection termination request acknowledgment from the remote TCP peer": both FINs crossed.
    case closing(TCB, fin: SequenceNumber, close: CloseCall)
    /// "Waiting for an acknowledgment of the connection termination request previously sent to the remote TCP
    /// peer".
    case lastAck(TCB, fin: SequenceNumber, close: CloseCall)
    /// "Waiting for enough time to pass to be sure the remote TCP peer received the acknowledgment of its
    /// connection termination request".
    case timeWait(TCB, close: CloseCall)

    /// How SYN-RECEIVED was reached (RFC 9293 §3.10.7.4: "If this connection was initiated with a passive OPEN").
    enum Opening: Hashable, Sendable {
        /// From LISTEN: a reset or a SYN returns the connection there.
        case passive
        /// From SYN-SENT, in a simultaneous open: a reset means "connection refused".
        case active
    }

    /// How the application ended its side of the connection (RFC 9293 §3.6.1).
    enum CloseCall: Hashable, Sendable {
        /// CLOSE in the RFC's sense, socket `shutdown(SHUT_WR)`: no more data from this side; reading goes on.
        case shutdown
        /// Socket `close()`: the application reads nothing more (MAY-1), so data that still arrives is answered
        /// with a reset (SHLD-3).
        case close

        /// Both calls together: once the application has closed the socket, it stays closed.
        func merged(with other: CloseCall?) -> CloseCall { other == .close ? .close : self }
    }

    /// The state's name (RFC 9293 §3.3.2).
    var state: ConnectionState {
        @inline(__always) get {
            switch self {
            case .closed: .closed
            case .listen: .listen
            case .synSent: .synSent
            case .synReceived: .synReceived
            case .established: .established
            case .finWait1: .finWait1
            case .finWait2: .finWait2
            case .closeWait: .closeWait
            case .closing: .closing
            case .lastAck: .lastAck
            case .timeWait: .timeWait
            }
        }
    }

    /// The TCB, in every state but CLOSED. Setting it keeps the state and everything else it carries; setting it
    /// in CLOSED, or to nil, changes nothing (only `Endpoint.deleteTCB` deletes a TCB).
    var tcb: TCB? {
        @inline(__always) get {
            switch self {
            case .closed: nil
            case .listen(let tcb), .synSent(let tcb), .synReceived(let tcb, _, _), .established(let tcb, _),
                .finWait1(let tcb, _, _), .finWait2(let tcb, _), .closeWait(let tcb, _), .closing(let tcb, _, _),
                .lastAck(let tcb, _, _), .timeWait(let tcb, _):
                tcb
            }
        }
        @inline(__always) set {
            guard let tcb = newValue else { return }
            switch self {
            case .closed: break
            case .listen: self = .listen(tcb)
            case .synSent: self = .synSent(tcb)
            case .synReceived(_, let opening, let close): self = .synReceived(tcb, opening: opening, close: close)
            case .established(_, let close): self = .established(tcb, close: close)
            case .finWait1(_, let fin, let close): self = .finWait1(tcb, fin: fin, close: close)
            case .finWait2(_, let close): self = .finWait2(tcb, close: close)
            case .closeWait(_, let close): self = .closeWait(tcb, close: close)
            case .closing(_, let fin, let close): self = .closing(tcb, fin: fin, close: close)
            case .lastAck(_, let fin, let close): self = .lastAck(tcb, fin: fin, close: close)
            case .timeWait(_, let close): self = .timeWait(tcb, close: close)
            }
        }
    }

    /// The application's CLOSE, if it made one: pending in SYN-RECEIVED, ESTABLISHED and CLOSE-WAIT, done in the
    /// states a FIN of ours has led to.
    /// Setting it in CLOSED, LISTEN or SYN-SENT changes nothing: there a CLOSE deletes the TCB at once.
    var close: CloseCall? {
        get {
            switch self {
            case .closed, .listen, .synSent: nil
            case .synReceived(_, _, let close), .established(_, let close), .closeWait(_, let close): close
            case .finWait1(_, _, let close), .finWait2(_, let close), .closing(_, _, let close),
                .lastAck(_, _, let close), .timeWait(_, let close):
                close
            }
        }
        set {
            switch self {
            case .closed, .listen, .synSent: break
            case .synReceived(let tcb, let opening, _): self = .synReceived(tcb, opening: opening, close: newValue)
            case .established(let tcb, _): self = .established(tcb, close: newValue)
            case .closeWait(let tcb, _): self = .closeWait(tcb, close: newValue)
            case .finWait1(let tcb, let fin, let close): self = .finWait1(tcb, fin: fin, close: newValue ?? close)
            case .finWait2(let tcb, let close): self = .finWait2(tcb, close: newValue ?? close)
            case .closing(let tcb, let fin, let close): self = .closing(tcb, fin: fin, close: newValue ?? close)
            case .lastAck(let tcb, let fin, let close): self = .lastAck(tcb, fin: fin, close: newValue ?? close)
            case .timeWait(let tcb, let close): self = .timeWait(tcb, close: newValue ?? close)
            }
        }
    }

    /// The sequence number our FIN occupies, in the states that wait for its acknowledgment.
    var fin: SequenceNumber? {
        switch self {
        case .finWait1(_, let fin, _), .closing(_, let fin, _), .lastAck(_, let fin, _): fin
        default: nil
        }
    }

    /// Whether our FIN has been sent and acknowledged: SND.UNA is past it (§3.10.7.4, fifth check).
    func finAcknowledged(by tcb: TCB) -> Bool {
        fin.map { $0.precedes(tcb.sndUna) } ?? false
    }
}
