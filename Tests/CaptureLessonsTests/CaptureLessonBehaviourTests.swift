import CaptureKit
import CaptureLessons
import Foundation
import LessonKit
import TCPCore
import Testing
import TimelineKit

/// What a lesson made from a capture infers, and how: the calls, the engine settings the capture asks for, the
/// wire steps for what the network did, the narration and the questions.
@Suite struct CaptureLessonBehaviourTests {
    func calls(_ lesson: Lesson) -> [(HostID, UserCall)] {
        lesson.steps.compactMap { step in
            if case .call(let host, let call) = step.action { return (host, call) }
            return nil
        }
    }

    @Test func retransmissionComesFromTheEnginesTimerAtTheCapturesInterval() throws {
        let (replay, made) = try CaptureFixtures.lesson("retransmission.pcap")
        let resent = try #require(replay.steps.firstIndex { $0.has(.retransmission) })
        let first = try #require(replay.steps.firstIndex { $0.segment.seq == replay.steps[resent].segment.seq })
        let interval =
            (replay.steps[resent].time.nanoseconds - replay.steps[first].time.nanoseconds + 500_000) / 1_000_000
        #expect(made.lesson.configuration.a.retransmissionTimeout == UInt64(interval))
        #expect(made.text.contains("rto: \(interval)ms"))
        let wire = made.timeline.frames.compactMap(\.wire)
        let again = try #require(wire.first { $0.sentBecause == .retransmissionTimeout })
        let original = try #require(wire.first { $0.segment.seq == again.segment.seq && $0.fate == .dropped })
        #expect(again.sentAt - original.sentAt == UInt64(interval))
        #expect(made.lesson.steps.contains { if case .wait = $0.action { true } else { false } })
    }

    @Test func keepAliveProbesComeFromTheKeepAliveTimer() throws {
        let (replay, made) = try CaptureFixtures.lesson("keepalive.pcap")
        let probes = made.timeline.frames.compactMap(\.wire).filter { $0.sentBecause == .keepAliveProbe }
        #expect(probes.count == replay.steps.count { $0.has(.keepAlive) })
        #expect(probes.count == 2)
        #expect(made.lesson.configuration.a.keepAlive != nil)
        #expect(made.lesson.configuration.b.keepAlive == nil)
    }

    @Test func ackRidingOnTheFinMeansADelayedAck() throws {
        let (_, made) = try CaptureFixtures.lesson("a-closes-first.pcap")
        #expect(made.lesson.configuration.b.delayedAck != nil)
        #expect(made.lesson.configuration.a.delayedAck == nil)
        #expect(made.text.contains("delayed-ack: B 40ms"))
        // B listened before the capture; A's SYN is an active OPEN; each side reads before it closes.
        let calls = calls(made.lesson)
        #expect(calls.first.map { $0.0 == .b && $0.1 == .listen } == true)
        #expect(calls.contains { $0.0 == .a && $0.1 == .connect })
        #expect(calls.contains { $0.0 == .a && $0.1 == .close })
        #expect(calls.contains { $0.0 == .b && $0.1 == .read(nil) })
    }

    @Test func questionsAskWhatFollowsFromTheLadder() throws {
        let (_, made) = try CaptureFixtures.lesson("a-closes-first.pcap")
        let asked = made.timeline.frames.filter { $0.quiz != nil }
        // The SYN+ACK and the third segment; the teardown: A's FIN and B's after their closes are announced, and
        // the last ACK. Never the SYN nor data, whose moment only the application knows.
        #expect(asked.map { $0.wire?.segment.flags } == [[.syn, .ack], .ack, [.fin, .ack], [.fin, .ack], .ack])
        #expect(asked.allSatisfy { ![.activeOpen, .sendData].contains($0.wire?.sentBecause) })
        #expect(made.text.contains("  en: Next, A's application calls close()."))
        #expect(made.text.contains("  zh: 接下来，B的应用程序调用close()。"))
        // B's ISN has not been shown when its SYN+ACK is asked: only the flags and the ack are.
        #expect(asked.first?.quiz?.fields == [.flags, .ack])
        #expect(asked.last?.quiz?.fields == [.flags, .seq, .ack])
        // The refused SYN's R. answers the SYN: asked too.
        let (_, refused) = try CaptureFixtures.lesson("refused.pcap")
        #expect(refused.timeline.frames.last?.quiz?.fields == [.flags, .seq, .ack])
    }

    @Test func halfCloseIsAShutdown() throws {
        let (_, made) = try CaptureFixtures.lesson("half-close.pcap")
        let calls = calls(made.lesson)
        #expect(calls.contains { $0.0 == .a && $0.1 == .shutdown })
        #expect(calls.contains { $0.0 == .b && $0.1 == .close })
    }

    @Test func resetsAreACloseWithUnreadDataOrAnAbort() throws {
        let (_, unread) = try CaptureFixtures.lesson("unread-data.pcap")
        #expect(calls(unread.lesson).last.map { $0.0 == .b && $0.1 == .close } == true)
        #expect(unread.timeline.frames.compactMap(\.wire).last?.sentBecause == .closeWithUnreadDataResets)
        #expect(unread.text.contains("SHLD-3"))
        let (_, abort) = try CaptureFixtures.lesson("abort.pcap")
        #expect(calls(abort.lesson).last.map { $0.0 == .a && $0.1 == .abort } == true)
    }

    @Test func refusedConnectionHasNoListener() throws {
        let (_, made) = try CaptureFixtures.lesson("refused.pcap")
        #expect(!calls(made.lesson).contains { $0.1 == .listen })
        #expect(made.timeline.frames.compactMap(\.wire).last?.sentBecause == .closedResetsNonAckSegment)
        #expect(made.text.contains("B sends no SYN in the capture"))
    }

    @Test func reorderingAndNetworkCopiesAreWireSteps() throws {
        let (_, reordered) = try CaptureFixtures.lesson("reordered.pcap")
        #expect(reordered.lesson.steps.contains { $0.action == .reorder(.a) })
        #expect(reordered.lesson.steps.contains { if case .inject(.a, _) = $0.action { true } else { false } })
        #expect(reordered.text.contains("made by the network (a duplicate)"))
        let (_, duplicated) = try CaptureFixtures.lesson("duplicated.pcap")
        #expect(duplicated.lesson.steps.count { if case .inject = $0.action { true } else { false } } == 1)
    }

    @Test func aCaptureWithoutItsHandshakeGetsOneSaidSo() throws {
        let (replay, made) = try CaptureFixtures.lesson("midstream.pcap")
        let opening = made.timeline.frames.compactMap(\.wire).prefix(3).map(\.segment.flags)
        #expect(opening == [.syn, [.syn, .ack], .ack])
        #expect(made.text.contains("the capture starts after the handshake"))
        // The connection it opens goes on with the capture's own numbers.
        let first = replay.steps[0].segment
        #expect(made.lesson.declaredISN.a == first.seq &- 1)
    }

    @Test func narrationIsTheReplaysExplanationInBothLanguages() throws {
        let (replay, made) = try CaptureFixtures.lesson("b-closes-first.pcap")
        for step in replay.steps.indices {
            let english = replay.explanation(forStep: step, language: .en, replies: false)
            let chinese = replay.explanation(forStep: step, language: .zh, replies: false)
            // Each line is written as a sentence: its first letter in capitals.
            if let line = english.first.map({ String($0.dropFirst()) }) {
                #expect(made.lesson.steps.contains { $0.narration?.en.contains(line) == true }, "\(line)")
            }
            if let line = chinese.first {
                #expect(made.lesson.steps.contains { $0.narration?.zh.contains(line) == true }, "\(line)")
            }
        }
        let narrated = made.lesson.steps.compactMap(\.narration)
        #expect(narrated.count >= replay.steps.count)
        #expect(narrated.allSatisfy { !$0.en.isEmpty && $0.zh.unicodeScalars.contains { $0.value >= 0x4e00 } })
    }

    /// A text capture written for the test: tcpdump's lines, one per packet.
    func textCapture(_ name: String, _ lines: [String]) throws -> (CaptureReplay, Int, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid()).txt").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let (replay, listing) = try CaptureAnalysis.replay(CaptureReader(path: path), stream: 0)
        return (try #require(replay), listing.connections.count, path)
    }

    func syn(at time: String) -> String {
        "12:00:\(time) IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [S], seq 100, win 65535, length 0"
    }

    @Test func anUnansweredSynIsLostAndSentAgainByTheTimer() throws {
        // A filtered port: RFC 6298's 1 s, doubled after each timeout, as Linux resends a SYN.
        let (replay, streams, path) = try textCapture(
            "filtered", [syn(at: "00.000000"), syn(at: "01.000000"), syn(at: "03.000000"), syn(at: "07.000000")])
        let made = try CaptureLesson.make(from: replay, file: path, streams: streams)
        // Each copy is lost when the next is sent; the last is on its way when the capture ends, as the replay says.
        let wire = made.timeline.frames.compactMap(\.wire)
        #expect(wire.count == 3)
        #expect(wire.allSatisfy { $0.fate == .dropped })
        #expect(wire.map(\.sentAt) == [0, 1000, 3000])
        #expect(!made.text.contains("rto:"))
        #expect(made.text.contains("wait 4000ms"))
        #expect(made.text.contains("packet 4 (A > B: S 100:100(0)) is still on its way when the capture ends"))
        #expect(made.timeline.frames.last?.inFlight.count == 1)
    }

    @Test func aRetransmissionTheEngineTimesOtherwiseIsSaid() throws {
        // Resent after 1 s twice: the engine's timer doubles, and the lesson says when it fires instead.
        let (replay, streams, path) = try textCapture(
            "not-doubled", [syn(at: "00.000000"), syn(at: "01.000000"), syn(at: "02.000000")])
        let made = try CaptureLesson.make(from: replay, file: path, streams: streams)
        // The third copy, sent by the engine at 3000 ms, is still on its way when the capture ends.
        #expect(made.timeline.frames.compactMap(\.wire).map(\.sentAt) == [0, 1000])
        #expect(made.timeline.frames.last?.inFlight.map(\.sentAt) == [3000])
        #expect(
            made.text.contains("the capture's A sent seq 100 again 1000 ms after its last copy; the engine's timer"))
        #expect(made.text.contains("fires after 2000 ms"))
    }

    @Test func aLessonWithTheCapturesTimeoutLeavesOutTheReplaysTiming() throws {
        // Resent after 300 ms: the lesson's engine runs with that timeout, so the replay's 1000 ms is not said.
        let (replay, streams, path) = try textCapture(
            "short-timeout", [syn(at: "00.000000"), syn(at: "00.300000"), syn(at: "00.900000")])
        #expect(replay.steps[1].notesWithTiming.contains { $0.en.contains("would resend it 1000 ms") })
        let made = try CaptureLesson.make(from: replay, file: path, streams: streams)
        #expect(made.text.contains("rto: 300ms"), "\(made.text)")
        #expect(!made.text.contains("retransmission timer would resend it"))
        #expect(!made.text.contains("状态机的重传定时器"))
    }

    @Test func aSegmentTheEngineCannotSendIsRefusedWithItsPacket() throws {
        // B acknowledges bytes A never sent: no call and no timer makes the engine send that.
        let text = """
            12:00:00.000000 IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [S], seq 100, win 65535, length 0
            12:00:00.010000 IP 10.0.0.2.80 > 10.0.0.1.1000: Flags [S.], seq 300, ack 101, win 65535, length 0
            12:00:00.020000 IP 10.0.0.1.1000 > 10.0.0.2.80: Flags [.], ack 301, win 65535, length 0
            12:00:00.030000 IP 10.0.0.2.80 > 10.0.0.1.1000: Flags [F.], seq 301, ack 151, win 65535, length 0

            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("unexplained-\(getpid()).txt").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let (replay, listing) = try CaptureAnalysis.replay(CaptureReader(path: path), stream: 0)
        let error = #expect(throws: CaptureLessonError.self) {
            try CaptureLesson.make(from: try #require(replay), file: path, streams: listing.connections.count)
        }
        #expect(error?.message.contains("packet 4") == true, "\(String(describing: error))")
        #expect(error?.message.contains("cannot be reproduced") == true)
    }
}
