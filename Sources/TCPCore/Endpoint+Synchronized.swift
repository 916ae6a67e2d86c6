/// SEGMENT ARRIVES in SYN_RECEIVED and the synchronised states (RFC 9293 §3.10.7.4), check by check.
extension Endpoint {
    /// The acceptability test of RFC 9293 §3.10.7.4, Table 6.
    static func isAcceptable(_ segment: Segment, rcvNxt: SequenceNumber, rcvWnd: UInt32) -> Bool {
        let length = segment.sequenceLength
        if length == 0 {
            return rcvWnd == 0 ? segment.seq == rcvNxt : segment.seq.isInWindow(start: rcvNxt, size: rcvWnd)
        }
        if rcvWnd == 0 { return false }
        return segment.seq.isInWindow(start: rcvNxt, size: rcvWnd)
            || (segment.seq &+ (length &- 1)).isInWindow(start: rcvNxt, size: rcvWnd)
    }

    mutating func arriveSynchronizing(_ segment: Segment, at now: UInt64, into reaction: inout Reaction) {
        let tcb = self.tcb!
        if state == .synReceived, acceptsCrossingSynAck(segment, tcb: tcb) {
            return acceptCrossingSynAck(segment, at: now, into: &reaction)
        }
        // First, check the sequence number.
        guard Self.isAcceptable(segment, rcvNxt: tcb.rcvNxt, rcvWnd: tcb.rcvWnd) else {
            if segment.has(.rst) {
                reaction.verdict = .unacceptableResetIgnored
            } else if state == .timeWait, segment.has(.fin), segment.nextSeq == tcb.rcvNxt {
                // The peer's FIN again: our last ACK was lost. ACK it and restart 2 MSL (eighth check, TIME-WAIT).
                timeWaitDeadline = now + 2 * configuration.maximumSegmentLifetime
                sendAck(because: .timeWaitFinRetransmission, into: &reaction)
                reaction.verdict = .timeWaitFinRetransmission
            } else {
                sendAck(because: .unacceptableSegmentAcked, into: &reaction)
                reaction.verdict = .unacceptableSegmentAcked
            }
            return
        }
        // Second, check the RST bit (with RFC 5961's exact-match rule).
        if segment.has(.rst) {
            guard segment.seq == tcb.rcvNxt else {
                sendAck(because: .resetChallengeAck, into: &reaction)
                reaction.verdict = .resetChallengeAck
                return
            }
            acceptReset(into: &reaction)
            return
        }
        // Fourth, check the SYN bit.
        if segment.has(.syn) {
            if state == .synReceived, openedPassively {
                reaction.verdict = .resetInSynReceivedFromPassiveOpen
                deleteTCB(becoming: .listen, because: .resetInSynReceivedFromPassiveOpen, into: &reaction)
            } else {
                sendAck(because: .synChallengeAck, into: &reaction)
                reaction.verdict = .synChallengeAck
            }
            return
        }
        // Segments that occupy sequence space beyond RCV.NXT wait for the gap to fill (SHLD-31), and the sender
        // hears where we are. An empty segment occupies nothing: its ACK is processed now, and it is never
        // answered, or two hosts that each miss a segment would ACK each other for ever.
        if segment.sequenceLength > 0, tcb.rcvNxt.precedes(segment.seq) {
            if !heldSegments.contains(segment) { heldSegments.append(segment) }
            sendAck(because: .outOfOrderQueued, into: &reaction)
            reaction.verdict = .outOfOrderQueued
            return
        }
        var ackRule = processInOrder(segment, at: now, into: &reaction)
        // Held segments that now begin at RCV.NXT are processed in turn; one ACK covers them all (MUST-59).
        while let tcb = self.tcb, let next = heldSegments.firstIndex(where: { $0.seq.precedesOrEquals(tcb.rcvNxt) }) {
            let held = heldSegments.remove(at: next)
            ackRule = processInOrder(held, at: now, into: &reaction) ?? ackRule
        }
        if let ackRule, self.tcb != nil { acknowledge(because: ackRule, at: now, into: &reaction) }
    }

    /// RST accepted: what it means depends on the state (RFC 9293 §3.10.7.4, second check).
    mutating func acceptReset(into reaction: inout Reaction) {
        switch state {
        case .synReceived where openedPassively:
            reaction.verdict = .resetInSynReceivedFromPassiveOpen
            deleteTCB(becoming: .listen, because: .resetInSynReceivedFromPassiveOpen, into: &reaction)
        case .synReceived:
            reaction.errors.append(.connectionRefused)
            reaction.verdict = .resetCloses
            deleteTCB(becoming: .closed, because: .resetCloses, into: &reaction)
        case .established, .finWait1, .finWait2, .closeWait:
            reaction.errors.append(.connectionReset)
            reaction.verdict = .resetCloses
            deleteTCB(becoming: .closed, because: .resetCloses, into: &reaction)
        case .closing, .lastAck, .timeWait:
            reaction.verdict = .resetCloses
            deleteTCB(becoming: .closed, because: .resetCloses, into: &reaction)
        case .closed, .listen, .synSent:
            reaction.verdict = .resetCloses  // not reached: these states have their own arrival rules
        }
    }

    /// The fifth to eighth checks for a segment that begins at or before RCV.NXT. Returns the rule for the ACK
    /// the segment calls for, which the caller sends once for all segments processed together.
    mutating func processInOrder(_ segment: Segment, at now: UInt64, into reaction: inout Reaction) -> Rule? {
        // Fifth, check the ACK field.
        guard let ack = segment.ack else {
            reaction.verdict = .noAckDropped
            return nil
        }
        var tcb = self.tcb!
        if state == .synReceived {
            guard tcb.sndUna.precedes(ack), ack.precedesOrEquals(tcb.sndNxt) else {
                reaction.sent.append((Segment(flags: .rst, seq: ack, window: 0), .synReceivedBadAckResets))
                reaction.verdict = .synReceivedBadAckResets
                return nil
            }
            become(.established, because: .synReceivedAckEstablishes, into: &reaction)
            reaction.verdict = .synReceivedAckEstablishes
            tcb.sndWnd = segment.window
            tcb.sndWl1 = segment.seq
            tcb.sndWl2 = ack
        }
        if tcb.sndNxt.precedes(ack) {
            // It acknowledges something not yet sent: ACK, drop, return.
            sendAck(because: .ackOfUnsentDataAcked, into: &reaction)
            reaction.verdict = .ackOfUnsentDataAcked
            return nil
        }
        var verdict: Rule = reaction.verdict ?? .duplicateAckIgnored
        let duplicate = configuration.fastRetransmit && isDuplicateAck(segment, tcb: tcb)
        if tcb.sndUna.precedes(ack) {
            tcb.sndUna = ack
            duplicateAcks = 0
            if reaction.verdict == nil { verdict = .ackAdvancesSendUna }
        }
        if tcb.sndWl1.precedes(segment.seq) || (tcb.sndWl1 == segment.seq && tcb.sndWl2.precedesOrEquals(ack)) {
            tcb.sndWnd = segment.window
            tcb.sndWl1 = segment.seq
            tcb.sndWl2 = ack
        }
        self.tcb = tcb
        acknowledgeSent(upTo: tcb.sndUna, at: now)
        if duplicate { verdict = countDuplicateAck(into: &reaction) }
        if configuration.receiveBuffer != nil { resumeSending(at: now, into: &reaction) }
        let ourFinAcked = finSequence.map { $0.precedes(tcb.sndUna) } ?? false
        let finArrives = segment.has(.fin) && !(segment.seq &+ segment.payloadLength).precedes(tcb.rcvNxt)
        switch state {
        case .finWait1 where ourFinAcked && !finArrives:
            verdict = .finWait1FinAcked
            become(.finWait2, because: .finWait1FinAcked, into: &reaction)
        case .closing where ourFinAcked:
            verdict = .closingFinAcked
            enterTimeWait(at: now, because: .closingFinAcked, into: &reaction)
        case .lastAck where ourFinAcked:
            reaction.verdict = .lastAckFinAcked
            deleteTCB(becoming: .closed, because: .lastAckFinAcked, into: &reaction)
            return nil
        case .timeWait:
            if !segment.has(.fin) {
                reaction.verdict = .acceptableAckOnly
                return nil
            }
        case .synReceived, .established, .finWait1, .finWait2, .closeWait, .closing, .lastAck, .closed, .listen,
            .synSent:
            break
        }
        reaction.verdict = verdict
        if state == .established, queuedBytes > 0 || closeRequested, finSequence == nil {
            // Data and a CLOSE queued in SYN_RECEIVED go out once ESTABLISHED (RFC 9293 §3.10.4).
            flushQueue(at: now, into: &reaction)
            if closeRequested { sendFin(at: now, becoming: .finWait1, into: &reaction) }
        }
        return processText(segment, at: now, into: &reaction)
    }

    /// Seventh and eighth checks: the segment text, then the FIN bit. Returns the rule for the ACK they call for.
    mutating func processText(_ segment: Segment, at now: UInt64, into reaction: inout Reaction) -> Rule? {
        var tcb = self.tcb!
        var ackRule: Rule?
        // Seventh, process the segment text: only the part at and after RCV.NXT is new.
        let dataEnd = segment.seq &+ segment.payloadLength
        let carriesNewData = segment.payloadLength > 0 && tcb.rcvNxt.precedes(dataEnd)
        let newBytes = carriesNewData ? dataEnd.offset(from: tcb.rcvNxt) : 0
        if newBytes > 0 {
            switch state {
            case .established, .finWait1, .finWait2:
                if applicationGone {
                    // Nobody will read this: tell the sender the data was lost (SHLD-3).
                    reaction.verdict = .dataAfterCloseResets
                    reset(because: .dataAfterCloseResets, into: &reaction)
                    return nil
                }
                tcb.rcvNxt = dataEnd
                unreadBytes &+= newBytes
                if configuration.receiveBuffer != nil { tcb.rcvWnd = advertisedWindow }
                reaction.bytesReceived &+= newBytes
                ackRule = .dataAcknowledged
                reaction.verdict = .dataAcknowledged
            case .closeWait, .closing, .lastAck, .timeWait, .synReceived, .closed, .listen, .synSent:
                break  // a FIN has already come from the other side: the text is ignored
            }
        }
        self.tcb = tcb
        // Eighth, check the FIN bit: it counts only when it is the next thing expected.
        if segment.has(.fin), dataEnd == tcb.rcvNxt {
            self.tcb!.rcvNxt = dataEnd &+ 1
            let ourFinAcked = finSequence.map { $0.precedes(self.tcb!.sndUna) } ?? false
            let rule: Rule
            switch state {
            case .synReceived, .established:
                rule = .finReceived
                become(.closeWait, because: rule, into: &reaction)
            case .finWait1 where ourFinAcked:
                rule = .finAndAckReceivedInFinWait1
                enterTimeWait(at: now, because: rule, into: &reaction)
            case .finWait1:
                rule = .finReceivedInFinWait1
                become(.closing, because: rule, into: &reaction)
            case .finWait2:
                rule = .finReceivedInFinWait2
                enterTimeWait(at: now, because: rule, into: &reaction)
            case .timeWait:
                rule = .timeWaitFinRetransmission
                timeWaitDeadline = now + 2 * configuration.maximumSegmentLifetime
            case .closeWait, .closing, .lastAck, .closed, .listen, .synSent:
                rule = .finAcknowledged
            }
            reaction.verdict = rule
            ackRule = rule
        }
        return ackRule
    }

    /// TIME_WAIT for 2 MSL; every other timer stops (RFC 9293 §3.10.7.4, eighth check).
    mutating func enterTimeWait(at now: UInt64, because rule: Rule, into reaction: inout Reaction) {
        become(.timeWait, because: rule, into: &reaction)
        timeWaitDeadline = now + 2 * configuration.maximumSegmentLifetime
        retransmissionDeadline = nil
        userTimeoutDeadline = nil
        unacknowledged.removeAll()
    }

    /// Removes fully acknowledged segments from the retransmission queue and restarts or stops its timers
    /// (RFC 6298 §5.2–5.3).
    mutating func acknowledgeSent(upTo ack: SequenceNumber, at now: UInt64) {
        let before = unacknowledged.count
        unacknowledged.removeAll { $0.nextSeq.precedesOrEquals(ack) }
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
