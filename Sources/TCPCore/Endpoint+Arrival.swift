/// SEGMENT ARRIVES (RFC 9293 §3.10.7), in the RFC's order of checks.
extension Endpoint {
    /// Processes a segment that arrived for this endpoint.
    public mutating func receive(_ segment: Segment, at now: UInt64, into reaction: inout Reaction) {
        switch state {
        case .closed: arriveClosed(segment, into: &reaction)
        case .listen: arriveListen(segment, at: now, into: &reaction)
        case .synSent: arriveSynSent(segment, at: now, into: &reaction)
        case .synReceived, .established, .finWait1, .finWait2, .closeWait, .closing, .lastAck, .timeWait:
            arriveSynchronizing(segment, at: now, into: &reaction)
        }
        if configuration.keepAlive != nil { noteSegmentReceived(at: now) }
    }

    /// The reset that answers a segment for which no connection exists (RFC 9293 §3.10.7.1, §3.5.2).
    public static func resetAnswering(_ segment: Segment) -> Segment? {
        if segment.has(.rst) { return nil }
        if let ack = segment.ack { return Segment(flags: .rst, seq: ack, window: 0) }
        return Segment(flags: .rst, seq: SequenceNumber(0), ack: segment.nextSeq, window: 0)
    }

    /// CLOSED: an incoming RST is discarded; anything else is answered with a reset (RFC 9293 §3.10.7.1).
    mutating func arriveClosed(_ segment: Segment, into reaction: inout Reaction) {
        guard let rst = Self.resetAnswering(segment) else {
            reaction.verdict = .closedDiscardsReset
            return
        }
        let rule: Rule = segment.has(.ack) ? .closedResetsAckSegment : .closedResetsNonAckSegment
        reaction.sent.append((rst, rule))
        reaction.verdict = rule
    }

    /// LISTEN (RFC 9293 §3.10.7.2).
    mutating func arriveListen(_ segment: Segment, at now: UInt64, into reaction: inout Reaction) {
        if segment.has(.rst) {  // first: an RST can only be stale here
            reaction.verdict = .listenIgnoresReset
            return
        }
        if segment.has(.ack), completeHalfOpen(segment, at: now, into: &reaction) { return }
        if let ack = segment.ack {  // second: nothing has been sent that could be acknowledged
            reaction.sent.append((Segment(flags: .rst, seq: ack, window: 0), .listenResetsAck))
            reaction.verdict = .listenResetsAck
            return
        }
        guard segment.has(.syn) else {  // fourth: other text or control
            reaction.verdict = .listenDropsOther
            return
        }
        if configuration.guardsAgainstSynFlood {
            queueOrCookie(segment, at: now, into: &reaction)
            return
        }
        // third: RCV.NXT = SEG.SEQ+1, IRS = SEG.SEQ, send <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>.
        var tcb = self.tcb!
        tcb.irs = segment.seq
        tcb.rcvNxt = segment.seq &+ 1
        tcb.sndWnd = segment.window
        tcb.sndWl1 = segment.seq
        tcb.sndUna = tcb.iss
        tcb.sndNxt = tcb.iss &+ 1
        self.tcb = tcb
        let synAck = Segment(flags: .syn, seq: tcb.iss, ack: tcb.rcvNxt, window: advertisedWindow)
        transmit(synAck, because: .listenAnswersSyn, at: now, into: &reaction)
        reaction.verdict = .listenAnswersSyn
        become(.synReceived, because: .listenAnswersSyn, into: &reaction)
    }

    /// SYN_SENT (RFC 9293 §3.10.7.3).
    mutating func arriveSynSent(_ segment: Segment, at now: UInt64, into reaction: inout Reaction) {
        var tcb = self.tcb!
        var ackAcceptable = false
        if let ack = segment.ack {  // first: check the ACK bit
            if ack.precedesOrEquals(tcb.iss) || tcb.sndNxt.precedes(ack) {
                if segment.has(.rst) {
                    reaction.verdict = .synSentIgnoresUnacceptableAck
                } else {
                    reaction.sent.append((Segment(flags: .rst, seq: ack, window: 0), .synSentResetsBadAck))
                    reaction.verdict = .synSentResetsBadAck
                }
                return
            }
            ackAcceptable = tcb.sndUna.precedes(ack) && ack.precedesOrEquals(tcb.sndNxt)
        }
        if segment.has(.rst) {  // second: an RST counts only if it acknowledges our SYN
            guard ackAcceptable else {
                reaction.verdict = .synSentDropsResetWithoutAck
                return
            }
            reaction.errors.append(.connectionRefused)
            reaction.verdict = .synSentAcceptsReset
            deleteTCB(becoming: .closed, because: .synSentAcceptsReset, into: &reaction)
            return
        }
        guard segment.has(.syn) else {  // fifth: neither SYN nor RST
            reaction.verdict = .synSentDropsOther
            return
        }
        // fourth: the SYN bit.
        tcb.irs = segment.seq
        tcb.rcvNxt = segment.seq &+ 1
        tcb.sndWnd = segment.window
        tcb.sndWl1 = segment.seq
        if let ack = segment.ack {
            tcb.sndUna = ack
            tcb.sndWl2 = ack
        }
        self.tcb = tcb
        if tcb.iss.precedes(tcb.sndUna) {
            // Our SYN has been acknowledged: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, ESTABLISHED.
            acknowledgeSent(upTo: tcb.sndUna, at: now)
            reaction.verdict = .synSentCompletesHandshake
            become(.established, because: .synSentCompletesHandshake, into: &reaction)
            if queuedBytes > 0 {
                // "Data or controls that were queued for transmission MAY be included" in this ACK (§3.10.7.3):
                // the third segment of the handshake carries the data written while connecting.
                flushQueue(at: now, because: .handshakeAckCarriesData, into: &reaction)
            } else {
                sendAck(because: .synSentCompletesHandshake, into: &reaction)
            }
            if closeRequested { sendFin(at: now, becoming: .finWait1, into: &reaction) }
        } else {
            // Simultaneous open: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>, SYN_RECEIVED; the SYN keeps its ISN.
            unacknowledged.removeAll()
            let synAck = Segment(flags: .syn, seq: tcb.iss, ack: tcb.rcvNxt, window: advertisedWindow)
            transmit(synAck, because: .synSentSimultaneousOpen, at: now, into: &reaction)
            reaction.verdict = .synSentSimultaneousOpen
            become(.synReceived, because: .synSentSimultaneousOpen, into: &reaction)
        }
    }
}
