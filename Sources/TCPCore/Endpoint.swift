/// One host's side of a connection: the TCB and the event processing of RFC 9293 §3.10.
///
/// A value: `handle` returns what to do (segments to send, transitions, errors) and never prints, reads a clock
/// or draws random numbers. Time comes in with each event as virtual milliseconds.
public struct Endpoint: Sendable {
    /// The connection state (RFC 9293 §3.3.2).
    public internal(set) var state: ConnectionState = .closed
    /// The TCB, or nil while none exists (before OPEN, and after it is deleted).
    public internal(set) var tcb: TCB?
    public let configuration: EndpointConfiguration
    /// The ISS this endpoint uses when it is opened.
    public let initialSequenceNumber: SequenceNumber

    /// Data received in order and not yet read by the application.
    public internal(set) var unreadBytes: UInt32 = 0
    /// Bytes the application asked to SEND that are not yet sent (waiting for the connection to open).
    public internal(set) var queuedBytes: UInt32 = 0
    /// CLOSE was called; the FIN goes out once queued data has been sent (RFC 9293 §3.10.4).
    public internal(set) var closeRequested = false
    /// The application called socket `close()`: it will read nothing more (RFC 9293 §3.6.1, MAY-1).
    public internal(set) var applicationGone = false
    /// The sequence number our FIN occupies, once sent.
    public internal(set) var finSequence: SequenceNumber?
    /// Whether the connection began with a passive OPEN (an RST in SYN_RECEIVED returns it to LISTEN).
    public internal(set) var openedPassively = false

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
        self.tcb = tcb
        self.state = .established
    }

    /// The earliest virtual time at which a timer fires, if any runs.
    public var nextDeadline: UInt64? {
        [
            retransmissionDeadline, timeWaitDeadline, userTimeoutDeadline, delayedAckDeadline, keepAliveDeadline,
            persistDeadline,
        ].compactMap { $0 }.min()
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
        case .shutdown: close(at: now, into: &reaction)
        case .close:
            if unreadBytes > 0, [.synReceived, .established, .finWait1, .finWait2, .closeWait].contains(state) {
                // Closing with data the application never read loses it: say so with a reset (SHLD-3).
                reset(because: .closeWithUnreadDataResets, into: &reaction)
            } else {
                applicationGone = true
                close(at: now, into: &reaction)
            }
        case .abort: abort(into: &reaction)
        }
    }

    /// OPEN, passive: create a TCB and wait in LISTEN (RFC 9293 §3.10.1).
    mutating func passiveOpen(into reaction: inout Reaction) {
        guard state == .closed else { return reaction.errors.append(.connectionExists) }
        tcb = TCB(iss: initialSequenceNumber, receiveWindow: configuration.receiveWindow)
        openedPassively = true
        applicationGone = false
        become(.listen, because: .passiveOpen, into: &reaction)
    }

    /// OPEN, active: send <SEQ=ISS><CTL=SYN>, SND.UNA = ISS, SND.NXT = ISS+1, enter SYN_SENT (RFC 9293 §3.10.1).
    mutating func activeOpen(at now: UInt64, into reaction: inout Reaction) {
        guard state == .closed || state == .listen else { return reaction.errors.append(.connectionExists) }
        if tcb == nil { tcb = TCB(iss: initialSequenceNumber, receiveWindow: configuration.receiveWindow) }
        openedPassively = false
        applicationGone = false
        let syn = Segment(flags: .syn, seq: tcb!.iss, window: advertisedWindow)
        tcb!.sndUna = tcb!.iss
        tcb!.sndNxt = tcb!.iss &+ 1
        transmit(syn, because: .activeOpen, at: now, into: &reaction)
        become(.synSent, because: .activeOpen, into: &reaction)
    }

    /// SEND: queue before the connection is open, otherwise segmentize and send (RFC 9293 §3.10.2); with `more`,
    /// the data waits in the queue for the next call.
    mutating func send(_ count: UInt32, more: Bool = false, at now: UInt64, into reaction: inout Reaction) {
        switch state {
        case .closed: reaction.errors.append(.connectionDoesNotExist)
        case .listen, .synSent, .synReceived:
            guard !closeRequested else { return reaction.errors.append(.connectionClosing) }
            queuedBytes &+= count
        case .established, .closeWait:
            guard !closeRequested else { return reaction.errors.append(.connectionClosing) }
            queuedBytes &+= count
            if !more { flushQueue(at: now, into: &reaction) }
        case .finWait1, .finWait2, .closing, .lastAck, .timeWait:
            reaction.errors.append(.connectionClosing)
        }
    }

    /// RECEIVE: hand buffered data to the application (RFC 9293 §3.10.3). Nothing goes on the wire.
    mutating func read(_ count: UInt32?, into reaction: inout Reaction) {
        if state == .closed { return reaction.errors.append(.connectionDoesNotExist) }
        let taken = min(count ?? unreadBytes, unreadBytes)
        let windowBefore = advertisedWindow
        unreadBytes -= taken
        if configuration.receiveBuffer != nil, tcb != nil { announceWindow(openedFrom: windowBefore, into: &reaction) }
        if taken == 0, [.closeWait, .closing, .lastAck, .timeWait].contains(state) {
            reaction.errors.append(.connectionClosing)
        }
    }

    /// CLOSE (RFC 9293 §3.10.4): no more data from this side; a FIN follows any queued data.
    mutating func close(at now: UInt64, into reaction: inout Reaction) {
        switch state {
        case .closed:
            reaction.errors.append(.connectionDoesNotExist)
        case .listen:
            deleteTCB(becoming: .closed, because: .closeInListen, into: &reaction)
        case .synSent:
            // Nothing was agreed yet: forget the connection without a word on the wire (RFC 9293 §3.10.4).
            deleteTCB(becoming: .closed, because: .closeInSynSent, into: &reaction)
        case .synReceived:
            closeRequested = true
            if queuedBytes == 0 { sendFin(at: now, becoming: .finWait1, into: &reaction) }
        case .established:
            closeRequested = true
            if finFits { sendFin(at: now, becoming: .finWait1, into: &reaction) }
        case .closeWait:
            closeRequested = true
            if finFits { sendFin(at: now, becoming: .lastAck, into: &reaction) }
        case .finWait1, .finWait2, .closing, .lastAck, .timeWait:
            // A second CLOSE: the FIN is already on its way (RFC 9293 §3.10.4 "connection closing").
            if !applicationGone { reaction.errors.append(.connectionClosing) }
        }
    }

    /// ABORT (RFC 9293 §3.10.5): in synchronised states and SYN_RECEIVED send <SEQ=SND.NXT><CTL=RST>.
    mutating func abort(into reaction: inout Reaction) {
        switch state {
        case .closed:
            reaction.errors.append(.connectionDoesNotExist)
        case .listen, .synSent, .closing, .lastAck, .timeWait:
            deleteTCB(becoming: .closed, because: .abortWithoutReset, into: &reaction)
        case .synReceived, .established, .finWait1, .finWait2, .closeWait:
            reset(because: .abortSendsReset, into: &reaction)
        }
    }

    // MARK: - Helpers shared by the event handlers

    /// Sends <SEQ=SND.NXT><CTL=RST>, deletes the TCB and enters CLOSED.
    mutating func reset(because rule: Rule, into reaction: inout Reaction) {
        let rst = Segment(flags: .rst, seq: tcb!.sndNxt, window: 0)
        reaction.sent.append((rst, rule))
        deleteTCB(becoming: .closed, because: rule, into: &reaction)
    }

    /// Sends queued data, one segment per SEND as packetdrill's convention has it (PSH on each).
    mutating func flushQueue(at now: UInt64, because rule: Rule = .sendData, into reaction: inout Reaction) {
        guard queuedBytes > 0 else { return }
        let count = configuration.receiveBuffer == nil ? queuedBytes : min(queuedBytes, usableWindow)
        guard count > 0 else { return armPersistTimer(at: now) }
        let segment = Segment(
            flags: [.psh], seq: tcb!.sndNxt, ack: tcb!.rcvNxt, window: tcb!.rcvWnd, payloadLength: count)
        tcb!.sndNxt = tcb!.sndNxt &+ count
        queuedBytes -= count
        transmit(segment, because: rule, at: now, into: &reaction)
        if queuedBytes > 0 { armPersistTimer(at: now) }
    }

    /// Sends <SEQ=SND.NXT><ACK=RCV.NXT><CTL=FIN,ACK> and moves to `next` (RFC 9293 §3.10.4). Data still in the
    /// send queue goes in the same segment, the FIN after its last byte (`FP.`: ack = seq + len + 1).
    mutating func sendFin(at now: UInt64, becoming next: ConnectionState, into reaction: inout Reaction) {
        let data = queuedBytes
        let rule: Rule = data > 0 ? .finRidesOnData : .closeSendsFin
        let fin = Segment(
            flags: data > 0 ? [.fin, .psh] : .fin, seq: tcb!.sndNxt, ack: tcb!.rcvNxt, window: tcb!.rcvWnd,
            payloadLength: data)
        queuedBytes = 0
        finSequence = tcb!.sndNxt &+ data
        tcb!.sndNxt = tcb!.sndNxt &+ data &+ 1
        transmit(fin, because: rule, at: now, into: &reaction)
        become(next, because: rule, into: &reaction)
    }

    /// Puts a segment on the wire; one that occupies sequence space joins the retransmission queue.
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
    mutating func acknowledge(because rule: Rule, at now: UInt64, into reaction: inout Reaction) {
        if let delay = configuration.delayedAck, state.isSynchronized || state == .synReceived {
            if delayedAckDeadline == nil { delayedAckDeadline = now + delay }
            return
        }
        sendAck(because: rule, into: &reaction)
    }

    mutating func sendAck(because rule: Rule, into reaction: inout Reaction) {
        delayedAckDeadline = nil
        let ack = Segment(flags: .ack, seq: tcb!.sndNxt, ack: tcb!.rcvNxt, window: advertisedWindow)
        reaction.sent.append((ack, rule))
    }

    /// The one place state changes, so every change is recorded with its reason (DESIGN.md convention 4).
    mutating func become(_ next: ConnectionState, because rule: Rule, into reaction: inout Reaction) {
        guard next != state else { return }
        reaction.transitions.append(Transition(from: state, to: next, because: rule))
        state = next
    }

    /// Deletes the TCB and every timer with it.
    mutating func deleteTCB(becoming next: ConnectionState, because rule: Rule, into reaction: inout Reaction) {
        become(next, because: rule, into: &reaction)
        tcb = next == .listen ? TCB(iss: initialSequenceNumber, receiveWindow: configuration.receiveWindow) : nil
        unacknowledged.removeAll()
        heldSegments.removeAll()
        queuedBytes = 0
        closeRequested = false
        finSequence = nil
        duplicateAcks = 0
        retransmissionDeadline = nil
        timeWaitDeadline = nil
        userTimeoutDeadline = nil
        delayedAckDeadline = nil
        keepAliveDeadline = nil
        keepAliveProbesSent = 0
        persistDeadline = nil
        currentRetransmissionTimeout = configuration.retransmissionTimeout
        if next == .closed { unreadBytes = 0 }
    }
}
