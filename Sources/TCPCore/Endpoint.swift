/// One host's side of a connection: the state, its TCB and the event processing of RFC 9293 §3.10.
///
/// A value: `call`, `receive` and `advance` report what an event did (segments to send, transitions, errors) in a
/// `Reaction` and never print, read a clock or draw random numbers. Time comes in with each event as virtual
/// milliseconds.
public struct Endpoint: Sendable {
    /// The state and what it carries: the TCB, our FIN once sent, the application's CLOSE (`Connection`).
    var connection: Connection = .closed
    public let configuration: EndpointConfiguration
    /// The ISS this endpoint uses when it is opened.
    public let initialSequenceNumber: SequenceNumber

    /// Data received in order and not yet read by the application.
    public internal(set) var unreadBytes: UInt32 = 0
    /// Bytes the application asked to SEND that are not yet sent (waiting for the connection to open).
    public internal(set) var queuedBytes: UInt32 = 0

    /// Segments sent and not yet fully acknowledged, oldest first (the retransmission queue, RFC 9293 §3.10.7.4).
    public internal(set) var unacknowledged: [Segment] = []
    /// Segments that arrived ahead of RCV.NXT, held for later processing (SHLD-31).
    var heldSegments: [Segment] = []

    /// Duplicate ACKs in a row for the oldest unacknowledged data (RFC 5681 §3.2).
    public internal(set) var duplicateAcks = 0

    /// Virtual time at which the retransmission timer fires.
    public internal(set) var retransmissionDeadline: UInt64?
    var currentRetransmissionTimeout: UInt64
    /// Virtual time at which TIME_WAIT ends.
    public internal(set) var timeWaitDeadline: UInt64?
    /// Virtual time at which unacknowledged data makes the connection give up.
    public internal(set) var userTimeoutDeadline: UInt64?
    /// Virtual time at which a delayed ACK is sent.
    public internal(set) var delayedAckDeadline: UInt64?
    /// Virtual time at which the next keep-alive probe is due (RFC 9293 §3.8.4).
    public internal(set) var keepAliveDeadline: UInt64?
    /// Keep-alive probes sent since anything was last received.
    public internal(set) var keepAliveProbesSent = 0
    /// Virtual time at which the persist timer probes the peer's zero window (RFC 9293 §3.8.6.1).
    public internal(set) var persistDeadline: UInt64?
    var persistTimeout: UInt64 = 0
    /// The half-open queue of a listener with a SYN backlog (RFC 4987 §2): one entry per SYN answered in LISTEN.
    public internal(set) var halfOpen: [HalfOpenEntry] = []

    public init(initialSequenceNumber: SequenceNumber, configuration: EndpointConfiguration = EndpointConfiguration()) {
        self.initialSequenceNumber = initialSequenceNumber
        self.configuration = configuration
        self.currentRetransmissionTimeout = configuration.retransmissionTimeout
    }

    /// Starts in ESTABLISHED with numbers seen on the wire: a capture that begins mid-connection.
    public init(
        establishedWith tcb: TCB, configuration: EndpointConfiguration = EndpointConfiguration()
    ) {
        self.init(initialSequenceNumber: tcb.iss, configuration: configuration)
        self.connection = .established(tcb, close: nil)
    }

    /// The connection state (RFC 9293 §3.3.2).
    public var state: ConnectionState { connection.state }

    /// The TCB, or nil while none exists (before OPEN, and after it is deleted).
    public var tcb: TCB? { connection.tcb }

    /// The earliest virtual time at which a timer fires, if any runs.
    public var nextDeadline: UInt64? {
        [
            retransmissionDeadline, timeWaitDeadline, userTimeoutDeadline, delayedAckDeadline, keepAliveDeadline,
            persistDeadline,
        ].compactMap { $0 }.min()
    }

    /// The TCB a passive or active OPEN creates: our ISS, and the window we advertise (RFC 9293 §3.10.1): with a
    /// receive buffer, the whole buffer, which is what the SYN or SYN-ACK announces, so that RCV.WND and the
    /// window the peer was told agree from the first segment on (§3.8.6).
    var newTCB: TCB {
        TCB(iss: initialSequenceNumber, receiveWindow: configuration.receiveBuffer ?? configuration.receiveWindow)
    }

    // MARK: - User calls (RFC 9293 §3.10.1–§3.10.5)

    /// Processes an application call.
    public mutating func call(_ call: UserCall, at now: UInt64, into reaction: inout Reaction) {
        switch call {
        case .listen: passiveOpen(into: &reaction)
        case .connect: activeOpen(at: now, into: &reaction)
        case .send(let count): send(count, at: now, into: &reaction)
        case .sendMore(let count): send(count, more: true, at: now, into: &reaction)
        case .read(let count): read(count, into: &reaction)
        case .shutdown: close(.shutdown, at: now, into: &reaction)
        case .close:
            if unreadBytes > 0, [.synReceived, .established, .finWait1, .finWait2, .closeWait].contains(state) {
                // Closing with data the application never read loses it: say so with a reset (SHLD-3).
                reset(because: .closeWithUnreadDataResets, into: &reaction)
            } else {
                close(.close, at: now, into: &reaction)
            }
        case .abort: abort(into: &reaction)
        }
    }

    /// OPEN, passive: create a TCB and wait in LISTEN (RFC 9293 §3.10.1).
    mutating func passiveOpen(into reaction: inout Reaction) {
        guard case .closed = connection else { return reaction.errors.append(.connectionExists) }
        become(.listen(newTCB), because: .passiveOpen, into: &reaction)
    }

    /// OPEN, active: send <SEQ=ISS><CTL=SYN>, SND.UNA = ISS, SND.NXT = ISS+1, enter SYN_SENT (RFC 9293 §3.10.1).
    /// From LISTEN the listener's TCB is used ("change the connection from passive to active").
    mutating func activeOpen(at now: UInt64, into reaction: inout Reaction) {
        var tcb: TCB
        switch connection {
        case .closed: tcb = newTCB
        case .listen(let listening): tcb = listening
        default: return reaction.errors.append(.connectionExists)
        }
        tcb.sndUna = tcb.iss
        tcb.sndNxt = tcb.iss &+ 1
        transmit(
            Segment(flags: .syn, seq: tcb.iss, window: advertisedWindow), because: .activeOpen, at: now, into: &reaction
        )
        become(.synSent(tcb), because: .activeOpen, into: &reaction)
    }

    /// SEND: queue before the connection is open, otherwise segmentize and send (RFC 9293 §3.10.2); with `more`,
    /// the data waits in the queue for the next call. After a CLOSE: "connection closing".
    mutating func send(_ count: UInt32, more: Bool = false, at now: UInt64, into reaction: inout Reaction) {
        switch connection {
        case .closed:
            reaction.errors.append(.connectionDoesNotExist)
        case .listen, .synSent, .synReceived(_, _, nil):
            queuedBytes &+= count
        case .established(_, nil), .closeWait(_, nil):
            queuedBytes &+= count
            if !more { flushQueue(at: now, into: &reaction) }
        case .synReceived, .established, .closeWait, .finWait1, .finWait2, .closing, .lastAck, .timeWait:
            reaction.errors.append(.connectionClosing)
        }
    }

    /// RECEIVE: hand buffered data to the application (RFC 9293 §3.10.3). Nothing goes on the wire.
    mutating func read(_ count: UInt32?, into reaction: inout Reaction) {
        if state == .closed { return reaction.errors.append(.connectionDoesNotExist) }
        let taken = min(count ?? unreadBytes, unreadBytes)
        let windowBefore = advertisedWindow
        unreadBytes -= taken
        if configuration.receiveBuffer != nil { announceWindow(openedFrom: windowBefore, into: &reaction) }
        if taken == 0, [.closeWait, .closing, .lastAck, .timeWait].contains(state) {
            reaction.errors.append(.connectionClosing)
        }
    }

    /// CLOSE (RFC 9293 §3.10.4): no more data from this side; a FIN follows any queued data. `call` says whether
    /// the application still reads (`shutdown`) or has closed the socket (`close`).
    mutating func close(_ call: Connection.CloseCall, at now: UInt64, into reaction: inout Reaction) {
        switch connection {
        case .closed:
            reaction.errors.append(.connectionDoesNotExist)
        case .listen:
            deleteTCB(because: .closeInListen, into: &reaction)
        case .synSent:
            // Nothing was agreed yet: forget the connection without a word on the wire (RFC 9293 §3.10.4).
            deleteTCB(because: .closeInSynSent, into: &reaction)
        case .synReceived:
            // "If no SENDs have been issued and there is no pending data to send, then form a FIN segment and send
            // it, and enter FIN-WAIT-1 state; otherwise, queue for processing after entering ESTABLISHED state."
            connection.close = call.merged(with: connection.close)
            if queuedBytes == 0 { sendFin(at: now, into: &reaction) }
        case .established, .closeWait:
            // The FIN follows the queued data; with flow control it waits until the peer's window admits that data.
            connection.close = call.merged(with: connection.close)
            if finFits { sendFin(at: now, into: &reaction) }
        case .finWait1, .finWait2, .closing, .lastAck, .timeWait:
            // A second CLOSE: the FIN is already on its way (RFC 9293 §3.10.4 "connection closing"); a socket
            // `close()` after a `shutdown` is no error, and from now on the application reads nothing.
            let close = call.merged(with: connection.close)
            if close != .close { reaction.errors.append(.connectionClosing) }
            connection.close = close
        }
    }

    /// ABORT (RFC 9293 §3.10.5): in synchronised states and SYN_RECEIVED send <SEQ=SND.NXT><CTL=RST>.
    mutating func abort(into reaction: inout Reaction) {
        switch state {
        case .closed:
            reaction.errors.append(.connectionDoesNotExist)
        case .listen, .synSent, .closing, .lastAck, .timeWait:
            deleteTCB(because: .abortWithoutReset, into: &reaction)
        case .synReceived, .established, .finWait1, .finWait2, .closeWait:
            reset(because: .abortSendsReset, into: &reaction)
        }
    }

    // MARK: - Helpers shared by the event handlers

    /// Sends <SEQ=SND.NXT><CTL=RST>, deletes the TCB and enters CLOSED.
    mutating func reset(because rule: Rule, into reaction: inout Reaction) {
        guard let tcb = connection.tcb else { return }
        reaction.sent.append((Segment(flags: .rst, seq: tcb.sndNxt, window: 0), rule))
        deleteTCB(because: rule, into: &reaction)
    }

    /// Sends queued data, one segment per SEND as packetdrill's convention has it (PSH on each).
    mutating func flushQueue(at now: UInt64, because rule: Rule = .sendData, into reaction: inout Reaction) {
        guard queuedBytes > 0, var tcb = connection.tcb else { return }
        let count = configuration.receiveBuffer == nil ? queuedBytes : min(queuedBytes, usableWindow)
        guard count > 0 else { return armPersistTimer(at: now) }
        let segment = Segment(
            flags: [.psh], seq: tcb.sndNxt, ack: tcb.rcvNxt, window: tcb.rcvWnd, payloadLength: count)
        tcb.sndNxt = tcb.sndNxt &+ count
        connection.tcb = tcb
        queuedBytes -= count
        transmit(segment, because: rule, at: now, into: &reaction)
        if queuedBytes > 0 { armPersistTimer(at: now) }
    }

    /// The FIN a CLOSE asked for: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK>, then FIN-WAIT-1, or LAST-ACK from
    /// CLOSE-WAIT (RFC 9293 §3.10.4). Data still in the send queue goes in the same segment, the FIN after its
    /// last byte (`FP.`: ack = seq + len + 1).
    mutating func sendFin(at now: UInt64, into reaction: inout Reaction) {
        var tcb: TCB
        let close: Connection.CloseCall
        let fromCloseWait: Bool
        switch connection {
        case .synReceived(let current, _, let call?), .established(let current, let call?):
            (tcb, close, fromCloseWait) = (current, call, false)
        case .closeWait(let current, let call?):
            (tcb, close, fromCloseWait) = (current, call, true)
        default:
            return  // no CLOSE waits for its FIN
        }
        let data = queuedBytes
        let rule: Rule = data > 0 ? .finRidesOnData : .closeSendsFin
        let fin = Segment(
            flags: data > 0 ? [.fin, .psh] : .fin, seq: tcb.sndNxt, ack: tcb.rcvNxt, window: tcb.rcvWnd,
            payloadLength: data)
        queuedBytes = 0
        let finSequence = tcb.sndNxt &+ data
        tcb.sndNxt = tcb.sndNxt &+ data &+ 1
        transmit(fin, because: rule, at: now, into: &reaction)
        let next: Connection =
            fromCloseWait
            ? .lastAck(tcb, fin: finSequence, close: close) : .finWait1(tcb, fin: finSequence, close: close)
        become(next, because: rule, into: &reaction)
    }

    /// Puts a segment on the wire with the window this host advertises now. One that occupies sequence space joins
    /// the retransmission queue as it was built: a retransmission repeats the window it was built with (RCV.WND
    /// for data and FIN), not the one advertised when it is resent.
    mutating func transmit(_ segment: Segment, because rule: Rule, at now: UInt64, into reaction: inout Reaction) {
        var segment = segment
        if segment.has(.ack) { delayedAckDeadline = nil }  // the ACK rides along
        if segment.sequenceLength > 0 {
            if unacknowledged.isEmpty {
                retransmissionDeadline = now + currentRetransmissionTimeout
                userTimeoutDeadline = now + configuration.userTimeout
            }
            unacknowledged.append(segment)
        }
        segment.window = segment.has(.rst) ? 0 : advertisedWindow
        reaction.sent.append((segment, rule))
    }

    /// Sends <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, or schedules it when ACKs are delayed.
    @inline(__always)
    mutating func acknowledge(because rule: Rule, at now: UInt64, into reaction: inout Reaction) {
        if let delay = configuration.delayedAck, state.isSynchronized || state == .synReceived {
            if delayedAckDeadline == nil { delayedAckDeadline = now + delay }
            return
        }
        sendAck(because: rule, into: &reaction)
    }

    /// Sends <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> now.
    @inline(__always)
    mutating func sendAck(because rule: Rule, into reaction: inout Reaction) {
        guard let tcb = connection.tcb else { return }
        delayedAckDeadline = nil
        let ack = Segment(flags: .ack, seq: tcb.sndNxt, ack: tcb.rcvNxt, window: advertisedWindow)
        reaction.sent.append((ack, rule))
    }

    /// The one place the state changes, so every change is recorded with its reason (DESIGN.md convention 4).
    mutating func become(_ next: Connection, because rule: Rule, into reaction: inout Reaction) {
        let from = connection.state
        connection = next
        if next.state != from { reaction.transitions.append(Transition(from: from, to: next.state, because: rule)) }
    }

    /// Deletes the TCB and every timer and queue with it, and enters CLOSED.
    mutating func deleteTCB(because rule: Rule, into reaction: inout Reaction) {
        become(.closed, because: rule, into: &reaction)
        forgetConnection()
        unreadBytes = 0
    }

    /// A passive open reset or hit by a SYN in SYN-RECEIVED goes back to LISTEN with a fresh TCB, "the
    /// retransmission queue flushed" (RFC 9293 §3.10.7.4, second and fourth checks).
    mutating func returnToListen(because rule: Rule, into reaction: inout Reaction) {
        become(.listen(newTCB), because: rule, into: &reaction)
        forgetConnection()
    }

    /// Empties the queues and stops every timer of a connection that is gone.
    private mutating func forgetConnection() {
        unacknowledged.removeAll()
        heldSegments.removeAll()
        queuedBytes = 0
        duplicateAcks = 0
        retransmissionDeadline = nil
        timeWaitDeadline = nil
        userTimeoutDeadline = nil
        delayedAckDeadline = nil
        keepAliveDeadline = nil
        keepAliveProbesSent = 0
        persistDeadline = nil
        currentRetransmissionTimeout = configuration.retransmissionTimeout
    }
}
