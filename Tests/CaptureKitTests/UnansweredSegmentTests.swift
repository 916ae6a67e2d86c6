import CaptureKit
import TCPCore
import Testing

/// Segments the capture never shows answered: a capture shows a segment leave its sender, not arrive, unless
/// its receiver is at the capture point. A copy sent again is then a retransmission, explained by the
/// sender's engine's retransmission timer.
@Suite struct UnansweredSegmentTests {
    func replay(_ text: String) throws -> CaptureReplay {
        let (replay, _) = try CaptureAnalysis.replay(CaptureReader(bytes: Array(text.utf8)), stream: 0)
        return try #require(replay)
    }

    /// A client retrying a filtered port, captured on the client: Linux's SYN schedule, 1 s then doubling.
    let unansweredSyn = """
        10:00:00.000000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 64240, length 0
        10:00:01.000000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 64240, length 0
        10:00:03.000000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 64240, length 0
        10:00:07.000000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 64240, length 0
        """

    /// A handshake captured on A: B's answer takes the 40 ms round trip, A's is at once.
    let handshakeOnA = """
        10:00:00.000000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 100, length 0
        10:00:00.040000 IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [S.], seq 300, ack 101, win 100, length 0
        10:00:00.040100 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [.], ack 301, win 100, length 0

        """

    @Test func repeatedUnansweredSynIsARetransmission() throws {
        let replay = try replay(unansweredSyn)
        for index in 1...3 {
            #expect(replay.steps[index].has(.retransmission))
            #expect(!replay.steps[index].has(.duplicate))
            #expect(replay.steps[index].rule == .retransmissionTimeout)
        }
        // Each copy is lost when the next is sent; the last is still on its way when the capture ends.
        #expect(replay.steps[..<3].allSatisfy { $0.fate == .dropped && $0.handledBecause == nil })
        #expect(replay.steps[3].fate == .inFlight)
        #expect(replay.finalStates == (a: .synSent, b: .closed))
        #expect(!replay.steps.contains { $0.has(.notPredicted) })
        #expect(replay.timeline.frames[0].narration?.en.contains("whether anything listens") == true)
    }

    @Test func engineTimerExplainsTheRetransmittedSyn() throws {
        let replay = try replay(unansweredSyn)
        // The engine's timeout starts at 1 s and doubles after each expiry (RFC 6298 §5.5): 1, 2, 4 s.
        let waits = [1000, 2000, 4000]
        #expect(replay.steps.dropFirst().map { $0.retransmissionTimer?.engineWait } == waits.map { UInt64($0) })
        #expect(replay.steps.dropFirst().allSatisfy { $0.retransmissionTimer?.differs == false })
        for (index, wait) in zip(1...3, waits) {
            let lines = replay.explanation(forStep: index, language: .en)
            #expect(lines.contains { $0.contains("retransmission timer resends it here too: \(wait) ms") })
            #expect(!lines.contains { $0.contains("B handles it") })
        }
    }

    @Test func captureTimingThatDiffersFromTheEngineIsSaid() throws {
        let text = """
            10:00:00.000000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 64240, length 0
            10:00:00.200000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 100, win 64240, length 0
            """
        let replay = try replay(text)
        #expect(replay.steps[1].has(.retransmission))
        let notes = replay.steps[1].notesWithTiming.map(\.en)
        #expect(notes.contains { $0.contains("would resend it 1000 ms after its last copy") })
        #expect(notes.contains { $0.contains("this stack waited 200 ms") })
        #expect(replay.steps[1].notesWithTiming.contains { $0.zh.contains("此协议栈等待了200毫秒") })
    }

    @Test func lostDataAtTheEndIsRetransmittedNotDelivered() throws {
        let text =
            handshakeOnA + """
                10:00:00.100000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [P.], seq 101:111, ack 301, win 100, length 10
                10:00:01.100000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [P.], seq 101:111, ack 301, win 100, length 10
                """
        let replay = try replay(text)
        #expect(replay.steps[4].has(.retransmission))
        #expect(!replay.steps[4].has(.duplicate))
        #expect(replay.steps[3].fate == .dropped)
        #expect(replay.steps[4].fate == .inFlight)
        #expect(replay.steps[4].notesWithTiming.contains { $0.en.contains("resends it here too: 1000 ms") })
        let b = try #require(replay.frame(forStep: 4).host(.b).tcb)
        #expect(b.rcvNxt == SequenceNumber(101))
    }

    @Test func unansweredFinIsRetransmittedAndTheReceiverStaysEstablished() throws {
        let text =
            handshakeOnA + """
                10:00:00.100000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [F.], seq 101, ack 301, win 100, length 0
                10:00:00.300000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [F.], seq 101, ack 301, win 100, length 0
                """
        let replay = try replay(text)
        #expect(replay.steps[4].has(.retransmission))
        #expect(!replay.steps[4].has(.duplicate))
        #expect(replay.steps[3].fate == .dropped)
        #expect(replay.steps[4].fate == .inFlight)
        #expect(replay.finalStates == (a: .finWait1, b: .established))
        #expect(replay.steps[4].notesWithTiming.contains { $0.en.contains("this stack waited 200 ms") })
    }

    @Test func lastSegmentCapturedOnTheReceiversSideArrived() throws {
        // Captured on B: B answers at once, A's answers take the round trip.
        func line(_ time: String, _ from: HostID, _ rest: String) -> String {
            let (a, b) = ("10.0.0.1.5000", "10.0.0.2.80")
            return "10:00:\(time) IP " + (from == .a ? "\(a) > \(b)" : "\(b) > \(a)") + ": Flags " + rest + "\n"
        }
        let text =
            line("00.000000", .a, "[S], seq 100, win 100, length 0")
            + line("00.000100", .b, "[S.], seq 300, ack 101, win 100, length 0")
            + line("00.040100", .a, "[.], ack 301, win 100, length 0")
            + line("00.100000", .a, "[F.], seq 101, ack 301, win 100, length 0")
        let replay = try replay(text)
        #expect(replay.steps[3].fate == .delivered)
        #expect(replay.finalStates == (a: .finWait1, b: .closeWait))
    }

    @Test func unansweredFinCapturedOnTheSendersSideIsOnItsWay() throws {
        let text =
            handshakeOnA + """
                10:00:00.100000 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [F.], seq 101, ack 301, win 100, length 0
                """
        let replay = try replay(text)
        #expect(replay.steps[3].fate == .inFlight)
        #expect(replay.finalStates == (a: .finWait1, b: .established))
    }

    @Test func realCaptureOfAFilteredPort() throws {
        // Captured on A; every SYN was dropped on its way, so B sends nothing.
        let replay = try Fixtures.replay("unanswered-syn.pcap")
        #expect(replay.steps.count > 2)
        #expect(replay.steps.dropFirst().allSatisfy { $0.has(.retransmission) && !$0.has(.duplicate) })
        #expect(replay.steps.dropLast().allSatisfy { $0.fate == .dropped })
        #expect(replay.steps.last?.fate == .inFlight)
        #expect(replay.finalStates == (a: .synSent, b: .closed))
        // Each retransmission is compared with the engine's timer, in both languages.
        for step in replay.steps.dropFirst() {
            #expect(step.notesWithTiming.contains { $0.en.contains("the engine's retransmission timer") })
            #expect(step.notesWithTiming.contains { $0.zh.contains("状态机的重传定时器") })
        }
    }

    @Test func realCaptureOfALostFin() throws {
        // Captured on A; A's FINs were dropped on their way, so B never leaves ESTABLISHED.
        let replay = try Fixtures.replay("lost-fin.pcap")
        let fins = replay.steps.filter { $0.segment.has(.fin) }
        #expect(fins.count > 1)
        #expect(fins.dropFirst().allSatisfy { $0.has(.retransmission) && !$0.has(.duplicate) })
        #expect(fins.last?.fate == .inFlight)
        #expect(replay.finalStates == (a: .finWait1, b: .established))
        #expect(!replay.steps.contains { $0.has(.notPredicted) })
    }
}
