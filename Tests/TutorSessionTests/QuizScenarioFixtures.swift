import LessonKit
import TCPCore
import TimelineKit

/// Teardown, simultaneous open and reset scenarios, written segment by segment from RFC 9293 §3.10.
extension Fixtures {
    static let all: [QuizField] = [.sender, .flags, .seq, .ack, .state]

    /// B (the "server") closes first; A goes CLOSE_WAIT → LAST_ACK → CLOSED, B gets TIME_WAIT.
    static func serverClosesFirst() -> (timeline: Timeline, finAtA: Int, finAtB: Int, lastAck: Int) {
        var builder = established(lessonID: "server-closes-first")
        builder.call(.b, .close, state: .finWait1, because: .closeSendsFin)
        builder.segment(
            .b, "F. 2000:2000(0) ack 1000", sent: .closeSendsFin, handled: .finReceived, receiverState: .closeWait,
            quiz: all)
        let finAtA = builder.nextIndex - 1
        builder.segment(
            .a, ". 1000:1000(0) ack 2001", sent: .finReceived, handled: .finWait1FinAcked,
            receiverState: .finWait2, quiz: all)
        builder.call(.a, .close, state: .lastAck, because: .closeSendsFin)
        let finAtB = builder.segment(
            .a, "F. 1000:1000(0) ack 2001", sent: .closeSendsFin, handled: .finReceivedInFinWait2,
            receiverState: .timeWait, quiz: all)
        let lastAck = builder.segment(
            .b, ". 2001:2001(0) ack 1001", sent: .finReceivedInFinWait2, handled: .lastAckFinAcked,
            receiverState: .closed,
            quiz: all)
        return (builder.timeline, finAtA, finAtB, lastAck)
    }

    /// B closes before acknowledging A's FIN: its FIN+ACK takes A from FIN_WAIT_1 straight to TIME_WAIT.
    static func threeSegmentClose() -> (timeline: Timeline, finAck: Int) {
        var builder = established(lessonID: "three-segment-close")
        builder.call(.a, .close, state: .finWait1, because: .closeSendsFin)
        builder.segment(
            .a, "F. 1000:1000(0) ack 2000", sent: .closeSendsFin, handled: .finReceived, receiverState: .closeWait)
        builder.call(.b, .close, state: .lastAck, because: .closeSendsFin)
        let finAck = builder.segment(
            .b, "F. 2000:2000(0) ack 1001", sent: .closeSendsFin, handled: .finAndAckReceivedInFinWait1,
            receiverState: .timeWait, quiz: all)
        builder.segment(
            .a, ". 1001:1001(0) ack 2001", sent: .finAndAckReceivedInFinWait1, handled: .lastAckFinAcked,
            receiverState: .closed,
            quiz: all)
        return (builder.timeline, finAck)
    }

    /// Both close at once: each FIN meets the other side in FIN_WAIT_1, both go CLOSING, then TIME_WAIT.
    static func simultaneousClose() -> (timeline: Timeline, finAtB: Int, finAtA: Int, ackAtB: Int) {
        var builder = established(lessonID: "simultaneous-close")
        builder.call(.a, .close, state: .finWait1, because: .closeSendsFin)
        let bCloses = builder.nextIndex
        builder.call(.b, .close, state: .finWait1, because: .closeSendsFin)
        let finAtB = builder.segment(
            .a, "F. 1000:1000(0) ack 2000", sent: .closeSendsFin, handled: .finReceivedInFinWait1,
            receiverState: .closing, quiz: all)
        let finAtA = builder.segment(
            .b, "F. 2000:2000(0) ack 1000", sent: .closeSendsFin, handled: .finReceivedInFinWait1,
            receiverState: .closing, quiz: all, emittedAt: bCloses)
        let ackAtB = builder.segment(
            .a, ". 1001:1001(0) ack 2001", sent: .finReceivedInFinWait1, handled: .closingFinAcked,
            receiverState: .timeWait, quiz: all)
        builder.segment(
            .b, ". 2001:2001(0) ack 1001", sent: .finReceivedInFinWait1, handled: .closingFinAcked,
            receiverState: .timeWait, quiz: all)
        return (builder.timeline, finAtB, finAtA, ackAtB)
    }

    /// Simultaneous open (TEACHING.md rule 7): SYN, SYN, SYN-ACK, SYN-ACK, ACK, ACK.
    static func simultaneousOpen() -> (timeline: Timeline, synAtA: Int, synAckFromB: Int, ackFromA: Int) {
        var builder = TimelineBuilder(
            lessonID: "simultaneous-open", isn: [.a: SequenceNumber(1000), .b: SequenceNumber(2000)])
        builder.call(.a, .connect, state: .synSent, because: .activeOpen)
        builder.call(.b, .connect, state: .synSent, because: .activeOpen)
        builder.segment(
            .a, "S 1000:1000(0)", sent: .activeOpen, handled: .synSentSimultaneousOpen, receiverState: .synReceived)
        let synAtA = builder.segment(
            .b, "S 2000:2000(0)", sent: .activeOpen, handled: .synSentSimultaneousOpen, receiverState: .synReceived,
            quiz: all)
        let synAckFromB = builder.segment(
            .b, "S. 2000:2000(0) ack 1001", sent: .synSentSimultaneousOpen, handled: .unacceptableSegmentAcked,
            quiz: all)
        builder.segment(
            .a, "S. 1000:1000(0) ack 2001", sent: .synSentSimultaneousOpen, handled: .unacceptableSegmentAcked)
        let ackFromA = builder.segment(
            .a, ". 1001:1001(0) ack 2001", sent: .unacceptableSegmentAcked, handled: .synReceivedAckEstablishes,
            receiverState: .established, quiz: all)
        builder.segment(
            .b, ". 2001:2001(0) ack 1001", sent: .unacceptableSegmentAcked, handled: .synReceivedAckEstablishes,
            receiverState: .established, quiz: all)
        return (builder.timeline, synAtA, synAckFromB, ackFromA)
    }

    /// A SYN to a port nobody listens on is answered `R. 0:0(0) ack SEG.SEQ+1` (TEACHING.md rule 8).
    static func connectionRefused() -> (timeline: Timeline, reset: Int) {
        var builder = TimelineBuilder(
            lessonID: "refused", isn: [.a: SequenceNumber(3_626_544_836), .b: SequenceNumber(1_739_326_486)])
        builder.call(.a, .connect, state: .synSent, because: .activeOpen)
        builder.segment(.a, "S 3626544836:3626544836(0)", sent: .activeOpen, handled: .closedResetsNonAckSegment)
        let reset = builder.segment(
            .b, "R. 0:0(0) ack 3626544837", sent: .closedResetsNonAckSegment, handled: .synSentAcceptsReset,
            receiverState: .closed, quiz: all)
        return (builder.timeline, reset)
    }

    /// B aborts and its RST is lost (a half-open connection, §3.5.1); A's next data segment reaches a host with
    /// no connection and is answered `<SEQ=SEG.ACK><CTL=RST>`.
    static func stray() -> (timeline: Timeline, reset: Int) {
        var builder = established(lessonID: "stray-ack")
        builder.call(.b, .abort, state: .closed, because: .abortSendsReset)
        builder.segment(.b, "R 2000:2000(0)", sent: .abortSendsReset, handled: nil, fate: .dropped)
        builder.call(.a, .send(10), state: .established, because: .sendData)
        builder.segment(.a, "P. 1000:1010(10) ack 2000", sent: .sendData, handled: .closedResetsAckSegment)
        let reset = builder.segment(
            .b, "R 2000:2000(0)", sent: .closedResetsAckSegment, handled: .resetCloses, receiverState: .closed,
            quiz: all)
        return (builder.timeline, reset)
    }

    /// A aborts (RST, no FIN) and connects again: the next segment is a new SYN, not an ACK of the RST.
    static func abortThenReconnect() -> (timeline: Timeline, reset: Int, newSyn: Int) {
        var builder = established(lessonID: "abort")
        builder.call(.a, .abort, state: .closed, because: .abortSendsReset)
        let reset = builder.segment(
            .a, "R 1000:1000(0)", sent: .abortSendsReset, handled: .resetCloses, receiverState: .closed, quiz: all)
        builder.call(.b, .listen, state: .listen, because: .passiveOpen)
        builder.call(.a, .connect, state: .synSent, because: .activeOpen)
        let newSyn = builder.segment(
            .a, "S 7000:7000(0)", sent: .activeOpen, handled: .listenAnswersSyn, receiverState: .synReceived,
            quiz: all)
        return (builder.timeline, reset, newSyn)
    }

    /// An old duplicate reaches an established connection: the answer is an empty ACK, not a RST (§3.5.2).
    static func oldDuplicate() -> (timeline: Timeline, ack: Int) {
        var builder = established(lessonID: "old-duplicate")
        builder.call(.a, .send(10), state: .established, because: .sendData)
        builder.segment(.a, "P. 1000:1010(10) ack 2000", sent: .sendData, handled: .dataAcknowledged)
        builder.segment(.b, ". 2000:2000(0) ack 1010", sent: .dataAcknowledged, handled: .ackAdvancesSendUna)
        builder.segment(
            .a, "P. 1000:1010(10) ack 2000", sent: .retransmissionTimeout, handled: .unacceptableSegmentAcked)
        let ack = builder.segment(
            .b, ". 2000:2000(0) ack 1010", sent: .unacceptableSegmentAcked, handled: .duplicateAckIgnored, quiz: all)
        return (builder.timeline, ack)
    }
}
