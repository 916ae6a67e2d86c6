import LessonKit
import TCPCore
import Testing

@testable import TutorSession

@Suite("Quiz grading: teardown, simultaneous open, resets (TEACHING.md rules 3, 5, 7, 8)")
struct QuizTeardownAndResetTests {
    @Test("rule 3: TIME_WAIT belongs to the side that closes first, not to the client")
    func timeWaitOwner() throws {
        let seed = Fixtures.seed()
        try expectMistake(
            seed.timeline, seed.frames.lastAck, .state, "TIME_WAIT", .timeWaitOnWrongHost,
            note: "A sent the first FIN; B closed second", why: "B: LAST_ACK → CLOSED")
        try expectMistake(
            seed.timeline, seed.frames.finB, .state, "CLOSED", .timeWaitMissed, note: "2MSL (4 minutes")

        let server = Fixtures.serverClosesFirst()
        try expectMistake(
            server.timeline, server.lastAck, .state, "TIME_WAIT", .timeWaitOnWrongHost,
            note: "B sent the first FIN; A closed second")
        try expectMistake(server.timeline, server.finAtB, .state, "LAST_ACK", .timeWaitMissed, note: "B closed first")
        #expect(try grade(server.timeline, server.finAtB, [.state: "TIME_WAIT"]).isAllCorrect)
        #expect(try grade(server.timeline, server.lastAck, [.state: "CLOSED"]).isAllCorrect)
        let zh = try grade(server.timeline, server.lastAck, [.state: "TIME_WAIT"]).fields[0].note?.zh
        #expect(zh?.contains("TIME_WAIT 属于先关闭的一方") == true)
    }

    @Test("rule 3: the receiver's state, not the sender's")
    func receiverState() throws {
        let seed = Fixtures.seed()
        try expectMistake(
            seed.timeline, seed.frames.finA, .state, "FIN_WAIT_1", .stateOfSender, note: "the receiver, B")
        try expectMistake(seed.timeline, seed.frames.finA, .state, "LAST_ACK", nil, why: "B: ESTABLISHED → CLOSE_WAIT")
    }

    @Test("rule 3: a simultaneous close goes through CLOSING")
    func simultaneousClose() throws {
        let close = Fixtures.simultaneousClose()
        try expectMistake(close.timeline, close.finAtB, .state, "TIME_WAIT", .simultaneousClose, note: "CLOSING")
        try expectMistake(close.timeline, close.finAtA, .state, "FIN_WAIT_2", .simultaneousClose)
        #expect(try grade(close.timeline, close.finAtB, [.state: "CLOSING", .ack: "2000"]).isAllCorrect)
        #expect(
            try grade(close.timeline, close.ackAtB, [.state: "TIME_WAIT", .seq: "1001", .ack: "2001"]).isAllCorrect)
        // B's FIN left before A's FIN arrived: it acknowledges the handshake's end, not A's FIN.
        try expectMistake(
            close.timeline, close.finAtA, .ack, "1001", .crossedOnWire, note: "crossed on the wire",
            why: "ack = SEG.SEQ + SEG.LEN of A's segment S 999:999(0): 999 + 1 (SYN) = 1000")
    }

    @Test("rule 5: one FIN+ACK takes FIN_WAIT_1 straight to TIME_WAIT")
    func threeSegmentClose() throws {
        let close = Fixtures.threeSegmentClose()
        try expectMistake(
            close.timeline, close.finAck, .state, "FIN_WAIT_2", .finAckSkipsFinWait2, note: "three segments",
            why: "A: FIN_WAIT_1 → TIME_WAIT")
        #expect(try grade(close.timeline, close.finAck, [.flags: "F.", .seq: "2000", .ack: "1001"]).isAllCorrect)
    }

    @Test("rule 7: simultaneous open: SYN_SENT → SYN_RECEIVED, the SYN-ACK repeats the ISN")
    func simultaneousOpen() throws {
        let open = Fixtures.simultaneousOpen()
        try expectMistake(open.timeline, open.synAtA, .state, "ESTABLISHED", .simultaneousOpen, note: "SYN_RECEIVED")
        let synAck = try grade(open.timeline, open.synAckFromB, [.flags: "S.", .seq: "2000", .ack: "1001"])
        #expect(synAck.isAllCorrect)
        #expect(synAck.fields[1].why.en.contains("the same seq as B's earlier segment, S 2000:2000(0)"))
        try expectMistake(open.timeline, open.synAckFromB, .seq, "2001", .ownSynFinCountedEarly)
        try expectMistake(
            open.timeline, open.ackFromA, .flags, "R", .resetInsteadOfAck, note: "empty ACK",
            why: "A segment outside the receive window")
        #expect(try grade(open.timeline, open.ackFromA, [.flags: ".", .seq: "1001", .ack: "2001"]).isAllCorrect)
    }

    @Test("rule 8: a SYN to a closed port: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>")
    func refused() throws {
        let refused = Fixtures.connectionRefused()
        let right = try grade(
            refused.timeline, refused.reset,
            [.sender: "B", .flags: "RST,ACK", .seq: "0", .ack: "3626544837", .state: "CLOSED"])
        #expect(right.isAllCorrect)
        #expect(right.feedback(for: .flags)?.section == "§3.10.7.1")
        #expect(right.feedback(for: .seq)?.why.en.contains("0: a reset answering a segment without ACK") == true)
        try expectMistake(refused.timeline, refused.reset, .flags, "R", .resetNeedsAck, note: "R. in tcpdump")
        try expectMistake(refused.timeline, refused.reset, .flags, "S.", .ackInsteadOfReset, note: "reset, not an ACK")
        try expectMistake(refused.timeline, refused.reset, .seq, "1739326486", .resetSeqZero, note: "<SEQ=0>")
        try expectMistake(refused.timeline, refused.reset, .ack, "3626544836", .synOccupiesOne)
        try expectMistake(refused.timeline, refused.reset, .ack, "none", .ackNumberMissing)
    }

    @Test("rule 8: a segment with ACK reaching no connection: <SEQ=SEG.ACK><CTL=RST>")
    func strayAck() throws {
        let stray = Fixtures.stray()
        #expect(try grade(stray.timeline, stray.reset, [.flags: "R", .seq: "2000", .ack: "none"]).isAllCorrect)
        try expectMistake(stray.timeline, stray.reset, .flags, "R.", .resetWithAck, note: "<SEQ=SEG.ACK><CTL=RST>")
        try expectMistake(stray.timeline, stray.reset, .seq, "1010", .resetSeqFromAck, note: "ack number")
        try expectMistake(stray.timeline, stray.reset, .ack, "1010", .ackWithoutAckFlag)
    }

    @Test("rule 8: ABORT's reset carries no ACK, and a RST is never acknowledged")
    func abort() throws {
        let abort = Fixtures.abortThenReconnect()
        try expectMistake(abort.timeline, abort.reset, .flags, "R.", .resetWithAck, note: "<SEQ=SND.NXT><CTL=RST>")
        try expectMistake(abort.timeline, abort.reset, .state, "TIME_WAIT", .timeWaitOnWrongHost, note: "Nobody")
        try expectMistake(
            abort.timeline, abort.newSyn, .flags, ".", .resetIsNeverAcknowledged, note: "never acknowledged")
        #expect(try grade(abort.timeline, abort.newSyn, [.flags: "S", .seq: "7000", .ack: "none"]).isAllCorrect)
    }

    @Test("rule 8: an old duplicate gets an empty ACK, not a RST")
    func oldDuplicate() throws {
        let duplicate = Fixtures.oldDuplicate()
        try expectMistake(duplicate.timeline, duplicate.ack, .flags, "R", .resetInsteadOfAck, note: "§3.5.2")
        try expectMistake(duplicate.timeline, duplicate.ack, .flags, "R.", .resetInsteadOfAck)
        #expect(try grade(duplicate.timeline, duplicate.ack, [.flags: ".", .seq: "2000", .ack: "1010"]).isAllCorrect)
    }
}
