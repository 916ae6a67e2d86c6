/// Every reason the engine can give for sending, dropping or answering a segment and for changing state,
/// each tied to the RFC 9293 section that says so. The quiz feedback and the narration of captures are
/// built from these.
public enum Rule: String, Hashable, Sendable, CaseIterable {
    // OPEN, SEND, RECEIVE, CLOSE, ABORT (§3.10.1–§3.10.5)
    case passiveOpen
    case activeOpen
    case sendData
    case closeSendsFin
    case finRidesOnData
    case closeInListen
    case closeInSynSent
    case closeWithUnreadDataResets
    case abortSendsReset
    case abortWithoutReset

    // SEGMENT ARRIVES, CLOSED (§3.10.7.1)
    case closedDiscardsReset
    case closedResetsAckSegment
    case closedResetsNonAckSegment

    // SEGMENT ARRIVES, LISTEN (§3.10.7.2)
    case listenIgnoresReset
    case listenResetsAck
    case listenAnswersSyn
    case listenDropsOther

    // SYN flood defences at a listener (RFC 4987 §2, §3.6): a half-open queue and SYN cookies
    case synQueued
    case synBacklogFullDropsSyn
    case halfOpenCompleted
    case synCookieSent
    case synCookieAccepted

    // SEGMENT ARRIVES, SYN-SENT (§3.10.7.3)
    case synSentResetsBadAck
    case synSentIgnoresUnacceptableAck
    case synSentAcceptsReset
    case synSentDropsResetWithoutAck
    case synSentCompletesHandshake
    case handshakeAckCarriesData
    case synSentSimultaneousOpen
    case synSentDropsOther

    // The crossing SYN-ACK of a simultaneous open, drawn in Figure 7 (§3.5)
    case simultaneousOpenSynAckEstablishes

    // SEGMENT ARRIVES, other states (§3.10.7.4)
    case unacceptableSegmentAcked
    case unacceptableResetIgnored
    case resetInSynReceivedFromPassiveOpen
    case synInSynReceivedFromPassiveOpen
    case resetCloses
    case resetChallengeAck
    case synChallengeAck
    case noAckDropped
    case synReceivedAckEstablishes
    case synReceivedBadAckResets
    case ackAdvancesSendUna
    case duplicateAckIgnored
    case ackOfUnsentDataAcked
    case finWait1FinAcked
    case closingFinAcked
    case lastAckFinAcked
    case timeWaitFinRetransmission
    case dataAcknowledged
    case dataAfterCloseResets
    case finReceived
    case finReceivedInFinWait1
    case finAndAckReceivedInFinWait1
    case finReceivedInFinWait2
    case finAcknowledged
    case outOfOrderQueued
    case acceptableAckOnly

    // Duplicate ACKs and fast retransmit (RFC 5681 §3.2, which RFC 9293 §3.8.2 requires, MUST-19)
    case duplicateAckCounted
    case fastRetransmit

    // Timeouts (§3.10.8, §3.8.1)
    case retransmissionTimeout
    case timeWaitExpired
    case userTimeout
    case delayedAckSent
    case zeroWindowProbe
    case windowUpdate
    case keepAliveProbe
    case keepAliveTimeout

    // Outside the engine
    case fromOutside

    /// The RFC 9293 section that states the rule.
    public var section: String {
        switch self {
        case .passiveOpen, .activeOpen: "§3.10.1"
        case .sendData: "§3.10.2"
        case .closeSendsFin, .finRidesOnData, .closeInListen, .closeInSynSent: "§3.10.4"
        case .closeWithUnreadDataResets, .dataAfterCloseResets: "§3.6.1"
        case .abortSendsReset, .abortWithoutReset: "§3.10.5"
        case .closedDiscardsReset, .closedResetsAckSegment, .closedResetsNonAckSegment: "§3.10.7.1"
        case .listenIgnoresReset, .listenResetsAck, .listenAnswersSyn, .listenDropsOther: "§3.10.7.2"
        case .synSentResetsBadAck, .synSentIgnoresUnacceptableAck, .synSentAcceptsReset, .synSentDropsResetWithoutAck,
            .synSentCompletesHandshake, .handshakeAckCarriesData, .synSentSimultaneousOpen, .synSentDropsOther:
            "§3.10.7.3"
        case .unacceptableSegmentAcked, .unacceptableResetIgnored, .resetInSynReceivedFromPassiveOpen,
            .synInSynReceivedFromPassiveOpen, .resetCloses,
            .resetChallengeAck, .synChallengeAck, .noAckDropped, .synReceivedAckEstablishes,
            .synReceivedBadAckResets, .ackAdvancesSendUna, .duplicateAckIgnored, .ackOfUnsentDataAcked,
            .finWait1FinAcked, .closingFinAcked, .lastAckFinAcked, .timeWaitFinRetransmission, .dataAcknowledged,
            .finReceived, .finReceivedInFinWait1, .finAndAckReceivedInFinWait1, .finReceivedInFinWait2,
            .finAcknowledged, .outOfOrderQueued,
            .acceptableAckOnly:
            "§3.10.7.4"
        case .retransmissionTimeout: "§3.8.1"
        case .timeWaitExpired, .userTimeout: "§3.10.8"
        case .fromOutside, .simultaneousOpenSynAckEstablishes: "§3.5"
        case .duplicateAckCounted, .fastRetransmit: "§3.8.2"  // congestion control: RFC 5681 §3.2
        case .delayedAckSent: "§3.8.6.3"
        case .keepAliveProbe, .keepAliveTimeout: "§3.8.4"
        case .zeroWindowProbe: "§3.8.6.1"
        case .windowUpdate: "§3.8.6.2.2"
        // RFC 4987 describes these; RFC 9293 §3.10.7.2 is the LISTEN processing they extend.
        case .synQueued, .synBacklogFullDropsSyn, .halfOpenCompleted, .synCookieSent, .synCookieAccepted: "§3.10.7.2"
        }
    }
}
