/// Every change of state the engine makes, with the event that makes it: RFC 9293's state diagram (§3.3.2,
/// Figure 5) made complete by the event rules of §3.10 (resets, aborts, timeouts) and by a listener's SYN backlog
/// (RFC 4987). `Endpoint` records each change as a `Transition` with the same rule, so a change missing here is a
/// change the engine should not make; the property tests hold every run to this table.
extension ConnectionState {
    public static let transitions: [Transition] = openingTransitions + closingTransitions + resetsAndTimeouts

    /// OPEN and the handshake (§3.10.1, §3.10.7.2–§3.10.7.4, Figure 7 of §3.5).
    static let openingTransitions: [Transition] = [
        Transition(from: .closed, to: .listen, because: .passiveOpen),
        Transition(from: .closed, to: .synSent, because: .activeOpen),
        Transition(from: .listen, to: .synSent, because: .activeOpen),
        Transition(from: .listen, to: .synReceived, because: .listenAnswersSyn),
        Transition(from: .listen, to: .established, because: .halfOpenCompleted),
        Transition(from: .listen, to: .established, because: .synCookieAccepted),
        Transition(from: .synSent, to: .synReceived, because: .synSentSimultaneousOpen),
        Transition(from: .synSent, to: .established, because: .synSentCompletesHandshake),
        Transition(from: .synReceived, to: .established, because: .synReceivedAckEstablishes),
        Transition(from: .synReceived, to: .established, because: .simultaneousOpenSynAckEstablishes),
        Transition(from: .synReceived, to: .listen, because: .resetInSynReceivedFromPassiveOpen),
        Transition(from: .synReceived, to: .listen, because: .synInSynReceivedFromPassiveOpen),
    ]

    /// CLOSE and the FINs (§3.10.4, §3.10.7.4 fifth and eighth checks, §3.10.8).
    static let closingTransitions: [Transition] = [
        Transition(from: .listen, to: .closed, because: .closeInListen),
        Transition(from: .synSent, to: .closed, because: .closeInSynSent),
        Transition(from: .synReceived, to: .finWait1, because: .closeSendsFin),
        Transition(from: .established, to: .finWait1, because: .closeSendsFin),
        Transition(from: .established, to: .finWait1, because: .finRidesOnData),
        Transition(from: .established, to: .closeWait, because: .finReceived),
        Transition(from: .finWait1, to: .finWait2, because: .finWait1FinAcked),
        Transition(from: .finWait1, to: .closing, because: .finReceivedInFinWait1),
        Transition(from: .finWait1, to: .timeWait, because: .finAndAckReceivedInFinWait1),
        Transition(from: .finWait2, to: .timeWait, because: .finReceivedInFinWait2),
        Transition(from: .closeWait, to: .lastAck, because: .closeSendsFin),
        Transition(from: .closeWait, to: .lastAck, because: .finRidesOnData),
        Transition(from: .closing, to: .timeWait, because: .closingFinAcked),
        Transition(from: .lastAck, to: .closed, because: .lastAckFinAcked),
        Transition(from: .timeWait, to: .closed, because: .timeWaitExpired),
    ]

    /// Resets received and sent, ABORT, and the timeouts that give up on a connection (§3.10.5, §3.10.7.3,
    /// §3.10.7.4 second and seventh checks, §3.10.8, §3.8.4, §3.6.1).
    static let resetsAndTimeouts: [Transition] = [
        Transition(from: .listen, to: .closed, because: .abortWithoutReset),
        Transition(from: .synSent, to: .closed, because: .abortWithoutReset),
        Transition(from: .synSent, to: .closed, because: .synSentAcceptsReset),
        Transition(from: .synSent, to: .closed, because: .userTimeout),
        Transition(from: .synReceived, to: .closed, because: .abortSendsReset),
        Transition(from: .synReceived, to: .closed, because: .resetCloses),
        Transition(from: .synReceived, to: .closed, because: .userTimeout),
        Transition(from: .established, to: .closed, because: .abortSendsReset),
        Transition(from: .established, to: .closed, because: .resetCloses),
        Transition(from: .established, to: .closed, because: .closeWithUnreadDataResets),
        Transition(from: .established, to: .closed, because: .userTimeout),
        Transition(from: .established, to: .closed, because: .dataAfterCloseResets),
        Transition(from: .established, to: .closed, because: .keepAliveTimeout),
        Transition(from: .finWait1, to: .closed, because: .abortSendsReset),
        Transition(from: .finWait1, to: .closed, because: .resetCloses),
        Transition(from: .finWait1, to: .closed, because: .closeWithUnreadDataResets),
        Transition(from: .finWait1, to: .closed, because: .userTimeout),
        Transition(from: .finWait1, to: .closed, because: .dataAfterCloseResets),
        Transition(from: .finWait2, to: .closed, because: .abortSendsReset),
        Transition(from: .finWait2, to: .closed, because: .resetCloses),
        Transition(from: .finWait2, to: .closed, because: .closeWithUnreadDataResets),
        Transition(from: .finWait2, to: .closed, because: .dataAfterCloseResets),
        Transition(from: .closeWait, to: .closed, because: .abortSendsReset),
        Transition(from: .closeWait, to: .closed, because: .resetCloses),
        Transition(from: .closeWait, to: .closed, because: .closeWithUnreadDataResets),
        Transition(from: .closeWait, to: .closed, because: .userTimeout),
        Transition(from: .closing, to: .closed, because: .abortWithoutReset),
        Transition(from: .closing, to: .closed, because: .resetCloses),
        Transition(from: .closing, to: .closed, because: .userTimeout),
        Transition(from: .lastAck, to: .closed, because: .abortWithoutReset),
        Transition(from: .lastAck, to: .closed, because: .resetCloses),
        Transition(from: .lastAck, to: .closed, because: .userTimeout),
        Transition(from: .timeWait, to: .closed, because: .abortWithoutReset),
        Transition(from: .timeWait, to: .closed, because: .resetCloses),
    ]
}
