/// SEGMENT ARRIVES (RFC 9293 §3.10.7), in the RFC's order: CLOSED, LISTEN, SYN-SENT, then the other states'
/// checks, "first: check sequence number" to "eighth: check the FIN bit". Each check returns a `Verdict`, or nil
/// to go on to the next; `receive` carries out the verdict that ends the processing.
///
/// Not modelled, and named where the RFC places them: security and precedence (segments carry no
/// security/compartment), the URG bit and urgent pointer, text on a SYN, and RFC 5961's ACK range check (MAY-12).
extension Endpoint {
    /// Processes a segment that arrived for this endpoint.
    public mutating func receive(_ segment: Segment, at now: UInt64, into reaction: inout Reaction) {
        switch connection {
        case .closed:
            reaction.verdict = carryOut(Self.closedState(segment), into: &reaction)
        case .listen(let tcb):
            reaction.verdict = carryOut(listenState(segment, tcb: tcb, at: now, into: &reaction), into: &reaction)
        case .synSent(let tcb):
            reaction.verdict = carryOut(synSentState(segment, tcb: tcb, at: now, into: &reaction), into: &reaction)
        case .synReceived(let tcb, _, _), .established(let tcb, _), .finWait1(let tcb, _, _), .finWait2(let tcb, _),
            .closeWait(let tcb, _), .closing(let tcb, _, _), .lastAck(let tcb, _, _), .timeWait(let tcb, _):
            reaction.verdict = otherStates(segment, tcb: tcb, at: now, into: &reaction)
        }
        if configuration.keepAlive != nil { noteSegmentReceived(at: now) }
    }

    // MARK: - §3.10.7.1 CLOSED

    /// "If the state is CLOSED (i.e., TCB does not exist) [...] An incoming segment containing a RST is discarded.
    /// An incoming segment not containing a RST causes a RST to be sent in response."
    static func closedState(_ segment: Segment) -> Verdict {
        guard let reset = resetAnswering(segment) else { return .drop(.closedDiscardsReset) }
        return .reply(reset, segment.has(.ack) ? .closedResetsAckSegment : .closedResetsNonAckSegment)
    }

    /// The reset that answers a segment for which no connection exists (RFC 9293 §3.10.7.1, §3.5.2): "If the ACK
    /// bit is off, sequence number zero is used, <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>. If the ACK bit is on,
    /// <SEQ=SEG.ACK><CTL=RST>."
    public static func resetAnswering(_ segment: Segment) -> Segment? {
        if segment.has(.rst) { return nil }
        if let ack = segment.ack { return Segment(flags: .rst, seq: ack, window: 0) }
        return Segment(flags: .rst, seq: SequenceNumber(0), ack: segment.nextSeq, window: 0)
    }

    // MARK: - §3.10.7.2 LISTEN

    mutating func listenState(_ segment: Segment, tcb: TCB, at now: UInt64, into reaction: inout Reaction)
        -> Verdict
    {
        // First, check for a RST: "An incoming RST should be ignored. Return."
        if segment.has(.rst) { return .drop(.listenIgnoresReset) }
        // A listener with a SYN backlog or cookies answered the SYN without leaving LISTEN (RFC 4987): the ACK that
        // completes such a handshake is not "bad" here but the connection.
        if segment.has(.ack), let rule = completeHalfOpen(segment, listening: tcb, at: now, into: &reaction) {
            return .processed(rule)
        }
        // Second, check for an ACK: "Any acknowledgment is bad if it arrives on a connection still in the LISTEN
        // state. An acceptable reset segment should be formed for any arriving ACK-bearing segment."
        if let ack = segment.ack { return .reply(Segment(flags: .rst, seq: ack, window: 0), .listenResetsAck) }
        // Third, check for a SYN. Its security check is not modelled.
        if segment.has(.syn) {
            if configuration.guardsAgainstSynFlood { return queueOrCookie(segment, at: now) }
            return answerSyn(segment, tcb: tcb, at: now, into: &reaction)
        }
        // Fourth, other data or control: "This should not be reached. Drop the segment and return."
        return .drop(.listenDropsOther)
    }

    /// "Set RCV.NXT to SEG.SEQ+1, IRS is set to SEG.SEQ [...] a SYN segment sent of the form:
    /// <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>. SND.NXT is set to ISS+1 and SND.UNA to ISS. The connection state should
    /// be changed to SYN-RECEIVED."
    mutating func answerSyn(_ segment: Segment, tcb: TCB, at now: UInt64, into reaction: inout Reaction)
        -> Verdict
    {
        var tcb = tcb
        tcb.synchronize(with: segment)
        tcb.sndUna = tcb.iss
        tcb.sndNxt = tcb.iss &+ 1
        let synAck = Segment(flags: .syn, seq: tcb.iss, ack: tcb.rcvNxt, window: advertisedWindow)
        transmit(synAck, because: .listenAnswersSyn, at: now, into: &reaction)
        become(.synReceived(tcb, opening: .passive, close: nil), because: .listenAnswersSyn, into: &reaction)
        return .processed(.listenAnswersSyn)
    }

    // MARK: - §3.10.7.3 SYN-SENT

    mutating func synSentState(_ segment: Segment, tcb: TCB, at now: UInt64, into reaction: inout Reaction)
        -> Verdict
    {
        // First, check the ACK bit: "If SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a reset (unless the RST bit is
        // set, if so drop the segment and return)".
        var ackAcceptable = false
        if let ack = segment.ack {
            if ack.precedesOrEquals(tcb.iss) || tcb.sndNxt.precedes(ack) {
                if segment.has(.rst) { return .drop(.synSentIgnoresUnacceptableAck) }
                return .reply(Segment(flags: .rst, seq: ack, window: 0), .synSentResetsBadAck)
            }
            // "If SND.UNA < SEG.ACK =< SND.NXT, then the ACK is acceptable."
            ackAcceptable = tcb.sndUna.precedes(ack) && ack.precedesOrEquals(tcb.sndNxt)
        }
        // Second, check the RST bit: "If the ACK was acceptable, then signal to the user "error: connection reset",
        // drop the segment, enter CLOSED state, delete TCB, and return. Otherwise (no ACK), drop the segment and
        // return." The application hears "connection refused", as a socket's connect() reports it (ECONNREFUSED).
        if segment.has(.rst) {
            guard ackAcceptable else { return .drop(.synSentDropsResetWithoutAck) }
            reaction.errors.append(.connectionRefused)
            deleteTCB(because: .synSentAcceptsReset, into: &reaction)
            return .processed(.synSentAcceptsReset)
        }
        // Third, check the security: not modelled (segments carry no security/compartment).
        // Fourth, check the SYN bit.
        if segment.has(.syn) { return synSentReceivesSyn(segment, tcb: tcb, at: now, into: &reaction) }
        // Fifth: "if neither of the SYN or RST bits is set, then drop the segment and return."
        return .drop(.synSentDropsOther)
    }

    /// "RCV.NXT is set to SEG.SEQ+1, IRS is set to SEG.SEQ. SND.UNA should be advanced to equal SEG.ACK (if there
    /// is an ACK), and any segments on the retransmission queue that are thereby acknowledged should be removed."
    /// Text on the SYN is not modelled.
    mutating func synSentReceivesSyn(_ segment: Segment, tcb: TCB, at now: UInt64, into reaction: inout Reaction)
        -> Verdict
    {
        var tcb = tcb
        tcb.synchronize(with: segment)
        if let ack = segment.ack {
            tcb.sndUna = ack
            tcb.sndWl2 = ack
        }
        guard tcb.iss.precedes(tcb.sndUna) else {
            // "Otherwise, enter SYN-RECEIVED, form a SYN,ACK segment <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> and send
            // it": a simultaneous open. The SYN-ACK repeats our ISN and replaces the SYN in the queue.
            unacknowledged.removeAll()
            let synAck = Segment(flags: .syn, seq: tcb.iss, ack: tcb.rcvNxt, window: advertisedWindow)
            transmit(synAck, because: .synSentSimultaneousOpen, at: now, into: &reaction)
            become(
                .synReceived(tcb, opening: .active, close: nil), because: .synSentSimultaneousOpen, into: &reaction)
            return .processed(.synSentSimultaneousOpen)
        }
        // "If SND.UNA > ISS (our SYN has been ACKed), change the connection state to ESTABLISHED, form an ACK
        // segment <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> and send it."
        acknowledgeSent(upTo: tcb.sndUna, at: now)
        become(.established(tcb, close: nil), because: .synSentCompletesHandshake, into: &reaction)
        if queuedBytes > 0 {
            // "Data or controls that were queued for transmission MAY be included": the third segment of the
            // handshake carries the data written while connecting.
            flushQueue(at: now, because: .handshakeAckCarriesData, into: &reaction)
        } else {
            sendAck(because: .synSentCompletesHandshake, into: &reaction)
        }
        return .processed(.synSentCompletesHandshake)
    }

    // MARK: - §3.10.7.4 Other states: SYN-RECEIVED and the synchronised states

    /// The eight checks, in order, for SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1, FIN-WAIT-2, CLOSE-WAIT, CLOSING,
    /// LAST-ACK and TIME-WAIT. Returns the rule that decided the segment's fate.
    mutating func otherStates(_ segment: Segment, tcb: TCB, at now: UInt64, into reaction: inout Reaction) -> Rule {
        // Before the checks, the crossing SYN-ACK of a simultaneous open, when Figure 7 (§3.5) is followed.
        if configuration.simultaneousOpen == .rfcFigure, let verdict = crossingSynAck(segment, at: now, into: &reaction)
        {
            return carryOut(verdict, into: &reaction)
        }
        // First, check sequence number.
        if let verdict = checkSequenceNumber(segment, tcb: tcb, at: now) { return carryOut(verdict, into: &reaction) }
        // Second, check the RST bit.
        if let verdict = checkReset(segment, tcb: tcb, into: &reaction) { return carryOut(verdict, into: &reaction) }
        // Third, check security: not modelled (segments carry no security/compartment).
        // Fourth, check the SYN bit.
        if let verdict = checkSyn(segment, into: &reaction) { return carryOut(verdict, into: &reaction) }
        // "Segments with higher beginning sequence numbers SHOULD be held for later processing (SHLD-31)."
        if let verdict = holdOutOfOrder(segment, tcb: tcb) { return carryOut(verdict, into: &reaction) }
        // Fifth to eighth, for this segment and then each held one that now begins at RCV.NXT: "if the TCP
        // endpoint is processing a series of queued segments, it MUST process them all before sending any ACK
        // segments (MUST-59)".
        var (verdict, ackRule) = processInSequence(segment, tcb: tcb, after: nil, at: now, into: &reaction)
        while !heldSegments.isEmpty, let tcb = connection.tcb,
            let next = heldSegments.firstIndex(where: { $0.seq.precedesOrEquals(tcb.rcvNxt) })
        {
            let held = heldSegments.remove(at: next)
            let outcome = processInSequence(held, tcb: tcb, after: verdict, at: now, into: &reaction)
            verdict = outcome.verdict
            ackRule = outcome.ackRule ?? ackRule
        }
        if let ackRule, connection.state != .closed { acknowledge(because: ackRule, at: now, into: &reaction) }
        return verdict
    }

    /// The acceptability test of RFC 9293 §3.10.7.4, Table 6.
    @inline(__always)
    static func isAcceptable(_ segment: Segment, rcvNxt: SequenceNumber, rcvWnd: UInt32) -> Bool {
        let length = segment.sequenceLength
        if length == 0 {
            return rcvWnd == 0 ? segment.seq == rcvNxt : segment.seq.isInWindow(start: rcvNxt, size: rcvWnd)
        }
        if rcvWnd == 0 { return false }
        return segment.seq.isInWindow(start: rcvNxt, size: rcvWnd)
            || (segment.seq &+ (length &- 1)).isInWindow(start: rcvNxt, size: rcvWnd)
    }

    /// First, check sequence number: "If an incoming segment is not acceptable, an acknowledgment should be sent in
    /// reply (unless the RST bit is set, if so drop the segment and return)".
    @inline(__always)
    mutating func checkSequenceNumber(_ segment: Segment, tcb: TCB, at now: UInt64) -> Verdict? {
        if Self.isAcceptable(segment, rcvNxt: tcb.rcvNxt, rcvWnd: tcb.rcvWnd) { return nil }
        if segment.has(.rst) { return .drop(.unacceptableResetIgnored) }
        if case .timeWait = connection, segment.has(.fin), segment.nextSeq == tcb.rcvNxt {
            // The peer's FIN again: our last ACK was lost. "Acknowledge it, and restart the 2 MSL timeout"
            // (fifth check, TIME-WAIT).
            timeWaitDeadline = now + 2 * configuration.maximumSegmentLifetime
            return .acknowledge(.timeWaitFinRetransmission)
        }
        return .acknowledge(.unacceptableSegmentAcked)
    }

    /// Second, check the RST bit, with RFC 5961's three cases: outside the window it was dropped by the first
    /// check; "If the RST bit is set and the sequence number does not exactly match the next expected sequence
    /// value, yet is within the current receive window, TCP endpoints MUST send an acknowledgment (challenge ACK)";
    /// an exact match resets the connection "according to the connection state".
    @inline(__always)
    mutating func checkReset(_ segment: Segment, tcb: TCB, into reaction: inout Reaction) -> Verdict? {
        guard segment.has(.rst) else { return nil }
        guard segment.seq == tcb.rcvNxt else { return .acknowledge(.resetChallengeAck) }
        switch connection {
        case .synReceived(_, .passive, _):
            // "If this connection was initiated with a passive OPEN (i.e., came from the LISTEN state), then
            // return this connection to LISTEN state and return. The user need not be informed."
            returnToListen(because: .resetInSynReceivedFromPassiveOpen, into: &reaction)
            return .processed(.resetInSynReceivedFromPassiveOpen)
        case .synReceived(_, .active, _):
            // "If this connection was initiated with an active OPEN (i.e., came from SYN-SENT state), then the
            // connection was refused; signal the user "connection refused"."
            reaction.errors.append(.connectionRefused)
        case .established, .finWait1, .finWait2, .closeWait:
            // "Users should also receive an unsolicited general "connection reset" signal."
            reaction.errors.append(.connectionReset)
        case .closing, .lastAck, .timeWait, .closed, .listen, .synSent:
            break  // "enter the CLOSED state, delete the TCB, and return"
        }
        deleteTCB(because: .resetCloses, into: &reaction)
        return .processed(.resetCloses)
    }

    /// Fourth, check the SYN bit: in SYN-RECEIVED from a passive OPEN, "return this connection to the LISTEN
    /// state and return"; in the synchronised states, RFC 5961's "challenge ACK".
    @inline(__always)
    mutating func checkSyn(_ segment: Segment, into reaction: inout Reaction) -> Verdict? {
        guard segment.has(.syn) else { return nil }
        guard case .synReceived(_, .passive, _) = connection else { return .acknowledge(.synChallengeAck) }
        returnToListen(because: .synInSynReceivedFromPassiveOpen, into: &reaction)
        return .processed(.synInSynReceivedFromPassiveOpen)
    }

    /// A segment that occupies sequence space beyond RCV.NXT waits for the gap to fill (SHLD-31), and the sender
    /// hears where we are. An empty segment occupies nothing: its ACK is processed now, and it is never answered,
    /// or two hosts that each miss a segment would ACK each other for ever.
    @inline(__always)
    mutating func holdOutOfOrder(_ segment: Segment, tcb: TCB) -> Verdict? {
        guard segment.sequenceLength > 0, tcb.rcvNxt.precedes(segment.seq) else { return nil }
        if !heldSegments.contains(segment) { heldSegments.append(segment) }
        return .acknowledge(.outOfOrderQueued)
    }

    /// The fifth to eighth checks for a segment that begins at or before RCV.NXT. `earlier` is the verdict on the
    /// segments processed before it in the same arrival. Returns the verdict and the rule for the ACK the segment
    /// calls for, which the caller sends once for all segments processed together.
    mutating func processInSequence(
        _ segment: Segment, tcb: TCB, after earlier: Rule?, at now: UInt64, into reaction: inout Reaction
    ) -> (verdict: Rule, ackRule: Rule?) {
        // Fifth, check the ACK field: "if the ACK bit is off, drop the segment and return". RFC 5961's ACK range
        // check (MAY-12) is not modelled.
        guard let ack = segment.ack else { return (.noAckDropped, nil) }
        var tcb = tcb
        var earlier = earlier
        if case .synReceived(_, _, let close) = connection {
            // "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED state and continue processing with the
            // variables below set to: SND.WND <- SEG.WND, SND.WL1 <- SEG.SEQ, SND.WL2 <- SEG.ACK. If the segment
            // acknowledgment is not acceptable, form a reset segment <SEQ=SEG.ACK><CTL=RST> and send it."
            guard tcb.sndUna.precedes(ack), ack.precedesOrEquals(tcb.sndNxt) else {
                reaction.sent.append((Segment(flags: .rst, seq: ack, window: 0), .synReceivedBadAckResets))
                return (.synReceivedBadAckResets, nil)
            }
            tcb.sndWnd = segment.window
            tcb.sndWl1 = segment.seq
            tcb.sndWl2 = ack
            become(.established(tcb, close: close), because: .synReceivedAckEstablishes, into: &reaction)
            earlier = .synReceivedAckEstablishes
        }
        // "If the ACK acks something not yet sent (SEG.ACK > SND.NXT), then send an ACK, drop the segment, and
        // return."
        if tcb.sndNxt.precedes(ack) {
            sendAck(because: .ackOfUnsentDataAcked, into: &reaction)
            return (.ackOfUnsentDataAcked, nil)
        }
        // "If the ACK is a duplicate (SEG.ACK =< SND.UNA), it can be ignored", unless it counts towards a fast
        // retransmit (RFC 5681 §3.2).
        var verdict = earlier ?? .duplicateAckIgnored
        let duplicate = configuration.fastRetransmit && isDuplicateAck(segment, tcb: tcb)
        // "If SND.UNA < SEG.ACK =< SND.NXT, then set SND.UNA <- SEG.ACK. Any segments on the retransmission queue
        // that are thereby entirely acknowledged are removed."
        if tcb.sndUna.precedes(ack) {
            tcb.sndUna = ack
            duplicateAcks = 0
            if earlier == nil { verdict = .ackAdvancesSendUna }
        }
        // "If (SND.WL1 < SEG.SEQ or (SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK)), set SND.WND <- SEG.WND, set
        // SND.WL1 <- SEG.SEQ, and set SND.WL2 <- SEG.ACK."
        if tcb.sndWl1.precedes(segment.seq) || (tcb.sndWl1 == segment.seq && tcb.sndWl2.precedesOrEquals(ack)) {
            tcb.sndWnd = segment.window
            tcb.sndWl1 = segment.seq
            tcb.sndWl2 = ack
        }
        connection.tcb = tcb
        acknowledgeSent(upTo: tcb.sndUna, at: now)
        if duplicate { verdict = countDuplicateAck(into: &reaction) }
        if configuration.receiveBuffer != nil { resumeSending(at: now, into: &reaction) }
        let finArrives = segment.has(.fin) && !segment.dataEnd.precedes(tcb.rcvNxt)
        switch connection {
        case .finWait1(let tcb, let fin, let close) where fin.precedes(tcb.sndUna) && !finArrives:
            // "if the FIN segment is now acknowledged, then enter FIN-WAIT-2 and continue processing in that state."
            verdict = .finWait1FinAcked
            become(.finWait2(tcb, close: close), because: .finWait1FinAcked, into: &reaction)
        case .closing(let tcb, let fin, let close) where fin.precedes(tcb.sndUna):
            // "if the ACK acknowledges our FIN, then enter the TIME-WAIT state; otherwise, ignore the segment."
            verdict = .closingFinAcked
            enterTimeWait(tcb, close: close, at: now, because: .closingFinAcked, into: &reaction)
        case .lastAck(let tcb, let fin, _) where fin.precedes(tcb.sndUna):
            // "If our FIN is now acknowledged, delete the TCB, enter the CLOSED state, and return."
            deleteTCB(because: .lastAckFinAcked, into: &reaction)
            return (.lastAckFinAcked, nil)
        case .timeWait where !segment.has(.fin):
            // "The only thing that can arrive in this state is a retransmission of the remote FIN."
            return (.acceptableAckOnly, nil)
        case .established(_, let close) where queuedBytes > 0 || close != nil:
            // Data and a CLOSE queued in SYN-RECEIVED go out once ESTABLISHED (§3.10.4).
            flushQueue(at: now, into: &reaction)
            if close != nil { sendFin(at: now, into: &reaction) }
        default:
            break
        }
        var ackRule: Rule?
        // Sixth, check the URG bit: not modelled (segments carry no urgent pointer).
        // Seventh, process the segment text.
        if let rule = processText(segment, into: &reaction) {
            verdict = rule
            guard rule == .dataAcknowledged else { return (rule, nil) }  // refused with a reset: nothing is left
            ackRule = rule
        }
        // Eighth, check the FIN bit.
        if let rule = checkFin(segment, at: now, into: &reaction) {
            verdict = rule
            ackRule = rule
        }
        return (verdict, ackRule)
    }

    /// Seventh, process the segment text: in ESTABLISHED, FIN-WAIT-1 and FIN-WAIT-2 "it is possible to deliver
    /// segment data to user RECEIVE buffers [...] it must also acknowledge the receipt of the data"; in the other
    /// states "a FIN has been received from the remote side. Ignore the segment text." Only the part at and after
    /// RCV.NXT is new. Returns `dataAcknowledged` when data was taken, `dataAfterCloseResets` when nobody will read
    /// it, nil when there was nothing to take.
    @inline(__always)
    mutating func processText(_ segment: Segment, into reaction: inout Reaction) -> Rule? {
        guard var tcb = connection.tcb, segment.payloadLength > 0, tcb.rcvNxt.precedes(segment.dataEnd) else {
            return nil
        }
        switch connection {
        case .established(_, .close), .finWait1(_, _, .close), .finWait2(_, .close):
            // The application closed its socket: tell the sender the data was lost (SHLD-3).
            reset(because: .dataAfterCloseResets, into: &reaction)
            return .dataAfterCloseResets
        case .established, .finWait1, .finWait2:
            let newBytes = segment.dataEnd.offset(from: tcb.rcvNxt)
            tcb.rcvNxt = segment.dataEnd
            unreadBytes &+= newBytes
            if configuration.receiveBuffer != nil { tcb.rcvWnd = advertisedWindow }
            connection.tcb = tcb
            reaction.bytesReceived &+= newBytes
            return .dataAcknowledged
        case .closeWait, .closing, .lastAck, .timeWait, .synReceived, .closed, .listen, .synSent:
            return nil
        }
    }

    /// Eighth, check the FIN bit: "advance RCV.NXT over the FIN, and send an acknowledgment for the FIN", then
    /// change state as each state says. A FIN counts only when it is the next thing expected. Returns the rule for
    /// that acknowledgment, nil when there is no such FIN.
    @inline(__always)
    mutating func checkFin(_ segment: Segment, at now: UInt64, into reaction: inout Reaction) -> Rule? {
        guard segment.has(.fin), var tcb = connection.tcb, segment.dataEnd == tcb.rcvNxt else { return nil }
        tcb.rcvNxt = segment.dataEnd &+ 1
        switch connection {
        case .synReceived(_, _, let close), .established(_, let close):
            // "Enter the CLOSE-WAIT state."
            become(.closeWait(tcb, close: close), because: .finReceived, into: &reaction)
            return .finReceived
        case .finWait1(_, let fin, let close) where fin.precedes(tcb.sndUna):
            // "If our FIN has been ACKed (perhaps in this segment), then enter TIME-WAIT, start the time-wait
            // timer, turn off the other timers".
            enterTimeWait(tcb, close: close, at: now, because: .finAndAckReceivedInFinWait1, into: &reaction)
            return .finAndAckReceivedInFinWait1
        case .finWait1(_, let fin, let close):
            // "otherwise, enter the CLOSING state."
            become(.closing(tcb, fin: fin, close: close), because: .finReceivedInFinWait1, into: &reaction)
            return .finReceivedInFinWait1
        case .finWait2(_, let close):
            // "Enter the TIME-WAIT state. Start the time-wait timer, turn off the other timers."
            enterTimeWait(tcb, close: close, at: now, because: .finReceivedInFinWait2, into: &reaction)
            return .finReceivedInFinWait2
        case .timeWait:
            // "Remain in the TIME-WAIT state. Restart the 2 MSL time-wait timeout."
            connection.tcb = tcb
            timeWaitDeadline = now + 2 * configuration.maximumSegmentLifetime
            return .timeWaitFinRetransmission
        case .closeWait, .closing, .lastAck, .closed, .listen, .synSent:
            // "Remain in the CLOSE-WAIT [CLOSING, LAST-ACK] state."
            connection.tcb = tcb
            return .finAcknowledged
        }
    }

    /// TIME-WAIT for 2 MSL; every other timer stops (RFC 9293 §3.10.7.4, eighth check).
    mutating func enterTimeWait(
        _ tcb: TCB, close: Connection.CloseCall, at now: UInt64, because rule: Rule, into reaction: inout Reaction
    ) {
        become(.timeWait(tcb, close: close), because: rule, into: &reaction)
        timeWaitDeadline = now + 2 * configuration.maximumSegmentLifetime
        retransmissionDeadline = nil
        userTimeoutDeadline = nil
        unacknowledged.removeAll()
    }

    /// Removes fully acknowledged segments from the retransmission queue and restarts or stops its timers
    /// (RFC 6298 §5.2–5.3).
    mutating func acknowledgeSent(upTo ack: SequenceNumber, at now: UInt64) {
        if unacknowledged.isEmpty {
            retransmissionDeadline = nil
            userTimeoutDeadline = nil
            currentRetransmissionTimeout = configuration.retransmissionTimeout
            return
        }
        let before = unacknowledged.count
        if unacknowledged.allSatisfy({ $0.nextSeq.precedesOrEquals(ack) }) {
            unacknowledged.emptyKeepingCapacity()  // the common case, and far cheaper than the general one
        } else {
            unacknowledged.removeAll { $0.nextSeq.precedesOrEquals(ack) }
        }
        if unacknowledged.isEmpty {
            retransmissionDeadline = nil
            userTimeoutDeadline = nil
            currentRetransmissionTimeout = configuration.retransmissionTimeout
        } else if unacknowledged.count != before {
            currentRetransmissionTimeout = configuration.retransmissionTimeout
            retransmissionDeadline = now + currentRetransmissionTimeout
            userTimeoutDeadline = now + configuration.userTimeout
        }
    }
}
