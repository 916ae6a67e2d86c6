import CaptureKit
import TCPCore
import Testing

/// Inference on hand-written tcpdump text: what the engine says when a capture disagrees with it, and the
/// gaps a capture can have.
@Suite struct SyntheticInferenceTests {
    func replay(_ text: String, stream: Int = 0) throws -> CaptureReplay {
        let (replay, _) = try CaptureAnalysis.replay(CaptureReader(bytes: Array(text.utf8)), stream: stream)
        return try #require(replay)
    }

    let handshake = """
        IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 100, length 0
        IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [S.], seq 300, ack 101, win 100, length 0
        IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [.], ack 301, win 100, length 0

        """

    @Test func dataAfterFinIsNotPredicted() throws {
        let text =
            handshake + """
                IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [F.], seq 101, ack 301, win 100, length 0
                IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [P.], seq 102:112, ack 301, win 100, length 10
                """
        let replay = try replay(text)
        let step = try #require(replay.steps.last)
        #expect(step.has(.notPredicted))
        #expect(step.expected == nil)
        #expect(step.notes.contains { $0.en.contains("expected nothing from A here — A is in FIN_WAIT_1") })
        #expect(!replay.steps.dropLast().contains { $0.has(.notPredicted) })
    }

    @Test func wrongAcknowledgmentNamesTheRightOne() throws {
        let text = """
            IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 100, length 0
            IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [S.], seq 300, ack 999, win 100, length 0
            IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [R], seq 999, win 0, length 0
            """
        let replay = try replay(text)
        let step = replay.steps[1]
        #expect(step.has(.notPredicted))
        let expected = try #require(step.expected)
        #expect(expected.flags == [.syn, .ack] && expected.seq == SequenceNumber(300))
        #expect(expected.ack == SequenceNumber(101))
        #expect(step.notes.last?.en.contains("S. 300:300(0) ack 101") == true)
        #expect(step.notes.last?.zh.contains("状态机预期B发送") == true)
        // A in SYN_SENT answers the unacceptable ACK with a reset (RFC 9293 §3.10.7.3): the capture shows the
        // SYN+ACK arrived by that answer.
        #expect(step.handledBecause == .synSentResetsBadAck)
        #expect(step.fate == .delivered)
        #expect(replay.steps[2].rule == .synSentResetsBadAck)
        #expect(!replay.steps[2].has(.notPredicted))
    }

    @Test func captureThatMissedTheSyn() throws {
        let text = """
            IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [S.], seq 300, ack 101, win 100, length 0
            IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [.], ack 301, win 100, length 0
            """
        let replay = try replay(text)
        #expect(replay.connection.hostA.description == "10.0.0.1:5000")
        #expect(replay.steps[0].from == .b)
        #expect(replay.steps[0].has(.gap))
        #expect(replay.timeline.frames[0].host(.a).state == .synSent)
        #expect(replay.timeline.frames[0].host(.b).state == .synReceived)
        #expect(replay.finalStates == (a: .established, b: .established))
        #expect(!replay.steps.contains { $0.has(.notPredicted) })
    }

    @Test func bytesMissingFromTheCapture() throws {
        let text =
            handshake + """
                IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [P.], seq 101:111, ack 301, win 100, length 10
                IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [.], ack 111, win 100, length 0
                IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [P.], seq 121:131, ack 301, win 100, length 10
                IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [.], ack 131, win 100, length 0
                """
        let replay = try replay(text)
        #expect(replay.steps[5].has(.gap))
        #expect(replay.steps[5].notes.contains { $0.en.contains("10 bytes from A before this (seq 111:121)") })
        #expect(replay.steps[5].handledBecause == .outOfOrderQueued)
        #expect(!replay.steps.contains { $0.has(.notPredicted) })
        let b = try #require(replay.frame(forStep: 6).host(.b).tcb)
        #expect(b.rcvNxt == SequenceNumber(131))
    }

    @Test func zeroWindowProbe() throws {
        let text =
            handshake + """
                IP 10.0.0.1.5000 > 10.0.0.2.80: P 101:201(100) ack 301 win 100
                IP 10.0.0.2.80 > 10.0.0.1.5000: . 301:301(0) ack 201 win 0
                IP 10.0.0.1.5000 > 10.0.0.2.80: . 200:200(0) ack 301 win 100
                IP 10.0.0.2.80 > 10.0.0.1.5000: . 301:301(0) ack 201 win 0
                IP 10.0.0.2.80 > 10.0.0.1.5000: . 301:301(0) ack 201 win 50
                IP 10.0.0.1.5000 > 10.0.0.2.80: . 200:200(0) ack 301 win 100
                """
        let replay = try replay(text)
        #expect(replay.steps[5].has(.windowProbe))
        #expect(replay.steps[6].rule == .unacceptableSegmentAcked)
        #expect(replay.steps[8].has(.keepAlive))
        #expect(!replay.steps.contains { $0.has(.notPredicted) })
    }

    @Test func retransmittedSynIsNotANewConnection() throws {
        let text = """
            IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 100, length 0
            IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 100, length 0
            IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [S.], seq 300, ack 101, win 100, length 0
            IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [.], ack 301, win 100, length 0
            """
        let replay = try replay(text)
        #expect(replay.connection.packets == 4)
        #expect(replay.steps[1].has(.retransmission))
        #expect(replay.steps[0].fate == .dropped)
        #expect(replay.finalStates == (a: .established, b: .established))
    }

    @Test func jsonNotesAndFramesAgree() throws {
        let replay = try replay(handshake)
        for (index, step) in replay.steps.enumerated() {
            let frame = replay.frame(forStep: index)
            #expect(frame.narration?.en.hasPrefix("handshake") == true)
            #expect(frame.wire?.sentBecause == step.rule)
        }
        #expect(replay.timeline.hosts.b.description == "10.0.0.2:80")
    }
}
