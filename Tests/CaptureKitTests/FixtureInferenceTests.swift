import CaptureKit
import TCPCore
import TCPNotation
import Testing

/// Each real capture ends in the states its scenario must end in, through the states it must pass, and the
/// engine predicts every segment of it.
@Suite struct FixtureInferenceTests {
    static let everyCapture = [
        "a-closes-first.pcap", "a-closes-first-nano.pcap", "b-closes-first.pcap", "half-close.pcap", "refused.pcap",
        "abort.pcap", "unread-data.pcap", "simultaneous-open.pcap", "simultaneous-close.pcap", "ipv6.pcap",
        "keepalive.pcap", "retransmission.pcap", "reordered.pcap", "duplicated.pcap", "port-reuse.pcap",
        "loopback-ethernet.pcap", "loopback-ipv6-sll2.pcap", "loopback-sll.pcap", "midstream.pcap",
        "unanswered-syn.pcap", "lost-fin.pcap", "spurious-retransmission.pcap",
        "a-closes-first.txt", "simultaneous-close.txt", "midstream.txt", "ipv6-verbose.txt",
    ]

    @Test(arguments: everyCapture)
    func theEngineExplainsEverySegment(_ name: String) throws {
        let replay = try Fixtures.replay(name)
        let unexplained = replay.steps.filter { $0.has(.notPredicted) }
        #expect(unexplained.isEmpty, "\(unexplained.map { "\($0.segment.notation()): \($0.notes.last?.en ?? "")" })")
        // The timeline is the lesson shape: a start frame, then one frame per captured segment.
        #expect(replay.timeline.frames.count == replay.steps.count + 1)
        #expect(replay.timeline.frames[0].event == .start)
        for (index, step) in replay.steps.enumerated() {
            let frame = replay.frame(forStep: index)
            #expect(frame.index == index + 1)
            #expect(frame.wire?.segment == step.segment)
            #expect(frame.wire?.from == step.from)
        }
    }

    func expectEnd(_ name: String, stream: Int = 0, _ a: ConnectionState, _ b: ConnectionState) throws -> CaptureReplay
    {
        let replay = try Fixtures.replay(name, stream: stream)
        #expect(replay.finalStates.a == a, "\(name): A ends in \(replay.finalStates.a)")
        #expect(replay.finalStates.b == b, "\(name): B ends in \(replay.finalStates.b)")
        return replay
    }

    @Test(arguments: ["a-closes-first.pcap", "a-closes-first.txt", "ipv6.pcap", "loopback-ethernet.pcap"])
    func activeCloserWaits(_ name: String) throws {
        let replay = try expectEnd(name, .timeWait, .closed)
        #expect(replay.states(of: .a).starts(with: [.closed, .synSent, .established, .finWait1]))
        #expect(replay.states(of: .b).starts(with: [.listen, .synReceived, .established, .closeWait, .lastAck]))
        #expect(replay.steps.prefix(3).allSatisfy { $0.has(.handshake) })
        #expect(replay.steps[0].rule == .activeOpen)
        #expect(replay.steps[1].rule == .listenAnswersSyn)
    }

    @Test func passiveSideClosesFirst() throws {
        let replay = try expectEnd("b-closes-first.pcap", .closed, .timeWait)
        #expect(replay.states(of: .a).suffix(3) == [.closeWait, .lastAck, .closed])
        #expect(replay.connection.closing == .closed(first: .b))
        _ = try expectEnd("loopback-ipv6-sll2.pcap", .closed, .timeWait)
    }

    @Test func halfCloseKeepsDataFlowing() throws {
        let replay = try expectEnd("half-close.pcap", .timeWait, .closed)
        let dataInCloseWait = replay.steps.indices.filter { index in
            let step = replay.steps[index]
            return step.from == .b && step.has(.data) && replay.states(afterStep: index).b == .closeWait
        }
        #expect(dataInCloseWait.count == 3)
        #expect(dataInCloseWait.allSatisfy { replay.states(afterStep: $0).a == .finWait2 })
    }

    @Test func connectionRefused() throws {
        let replay = try expectEnd("refused.pcap", .closed, .closed)
        #expect(replay.steps.count == 2)
        #expect(replay.steps[1].has(.reset))
        #expect(replay.steps[1].rule == .closedResetsNonAckSegment)
        #expect(replay.steps[1].handledBecause == .synSentAcceptsReset)
        #expect(replay.frame(forStep: 1).errors[.a] == [.connectionRefused])
    }

    @Test func abortSendsReset() throws {
        let replay = try expectEnd("abort.pcap", .closed, .closed)
        let reset = try #require(replay.steps.last)
        #expect(reset.from == .a && reset.has(.reset))
        #expect(reset.rule == .abortSendsReset)
        #expect(reset.calls == [.abort])
        #expect(reset.notes.contains { $0.en.contains("also sets ACK") })
    }

    @Test func closingWithUnreadDataResets() throws {
        let replay = try expectEnd("unread-data.pcap", .closed, .closed)
        let reset = try #require(replay.steps.last)
        #expect(reset.from == .b)
        #expect(reset.rule == .closeWithUnreadDataResets)
    }

    @Test func simultaneousOpen() throws {
        let replay = try expectEnd("simultaneous-open.pcap", .timeWait, .closed)
        #expect(replay.connection.opening == .simultaneousOpen)
        for host in HostID.allCases {
            #expect(replay.states(of: host).starts(with: [.closed, .synSent, .synReceived, .established]))
        }
        // SYN, SYN, SYN+ACK, SYN+ACK, ACK, ACK (TEACHING.md rule 7).
        let opening = replay.steps.prefix(6).map(\.segment.flags)
        #expect(opening == [.syn, .syn, [.syn, .ack], [.syn, .ack], .ack, .ack])
        #expect(replay.steps.prefix(6).allSatisfy { $0.has(.handshake) })
        #expect(replay.steps[2].rule == .synSentSimultaneousOpen)
    }

    @Test(arguments: ["simultaneous-close.pcap", "simultaneous-close.txt"])
    func simultaneousClose(_ name: String) throws {
        let replay = try expectEnd(name, .timeWait, .timeWait)
        #expect(replay.connection.closing == .simultaneousClose)
        for host in HostID.allCases {
            #expect(replay.states(of: host).suffix(3) == [.finWait1, .closing, .timeWait])
        }
    }

    @Test func keepAlivesAreAnswered() throws {
        let replay = try expectEnd("keepalive.pcap", .timeWait, .closed)
        let probes = replay.steps.indices.filter { replay.steps[$0].has(.keepAlive) }
        #expect(probes.count == 2)
        for probe in probes {
            #expect(replay.steps[probe].handledBecause == .unacceptableSegmentAcked)
            #expect(replay.steps[probe + 1].rule == .unacceptableSegmentAcked)
        }
    }

    @Test func lostSegmentIsRetransmitted() throws {
        let replay = try expectEnd("retransmission.pcap", .timeWait, .closed)
        let retransmissions = replay.steps(labelled: .retransmission)
        #expect(retransmissions.count == 1)
        let original = try #require(
            replay.steps.first { $0.has(.data) && $0.segment.seq == retransmissions[0].segment.seq })
        #expect(original.fate == .dropped)
        #expect(retransmissions[0].fate == .delivered)
    }

    /// Captured at the sender: the data, a copy sent when A's timer fired, then B's ACK of the first and B's ACK of
    /// the copy. The copy is a spurious retransmission (not a duplicate, which only the network makes), and the
    /// first copy was not lost: it arrived, and B answered the copy as an old duplicate.
    @Test func spuriousRetransmissionAtTheSender() throws {
        let replay = try expectEnd("spurious-retransmission.pcap", .timeWait, .closed)
        let copies = replay.steps.filter { $0.has(.data) && $0.from == .a }
        #expect(copies.count == 2)
        #expect(copies[0].segment == copies[1].segment)
        #expect(copies[0].labels == [.data] && copies[0].fate == .delivered)
        #expect(copies[1].labels == [.data, .retransmission], "\(copies[1].labels)")
        #expect(copies[1].rule == .retransmissionTimeout)
        #expect(copies[1].handledBecause == .unacceptableSegmentAcked)
        let note = try #require(copies[1].notes.first)
        #expect(note.en.hasPrefix("spurious retransmission: seq \(copies[1].segment.seq) was sent again"), "\(note.en)")
        #expect(note.zh.hasPrefix("伪重传：序列号\(copies[1].segment.seq)在确认到达之前再次发送"), "\(note.zh)")
        #expect(!replay.steps.contains { $0.has(.data) && $0.has(.duplicate) })
    }

    @Test func reorderedCaptureOnTheReceiver() throws {
        let replay = try expectEnd("reordered.pcap", .timeWait, .closed)
        #expect(replay.steps(labelled: .gap).count == 1)
        #expect(replay.steps(labelled: .outOfOrder).count == 1)
        #expect(replay.steps.contains { $0.has(.duplicate) && $0.has(.data) })
        let heldSegment = try #require(replay.steps.first { $0.has(.gap) })
        #expect(heldSegment.handledBecause == .outOfOrderQueued)
    }

    @Test func networkDuplicate() throws {
        let replay = try expectEnd("duplicated.pcap", .timeWait, .closed)
        let copies = replay.steps.filter { $0.has(.duplicate) && $0.has(.data) }
        #expect(copies.count == 1)
        #expect(copies[0].handledBecause == .unacceptableSegmentAcked)
    }

    @Test func portReuseMakesTwoConnections() throws {
        let listing = try CaptureAnalysis.list(CaptureReader(path: Fixtures.path("port-reuse.pcap")))
        #expect(listing.connections.count == 2)
        #expect(listing.connections[0].hostA == listing.connections[1].hostA)
        for stream in 0..<2 {
            let replay = try expectEnd("port-reuse.pcap", stream: stream, .closed, .timeWait)
            #expect(replay.steps[0].segment.flags == .syn)
        }
    }

    @Test(arguments: ["midstream.pcap", "midstream.txt"])
    func captureStartingMidConnection(_ name: String) throws {
        let replay = try expectEnd(name, .closed, .timeWait)
        #expect(replay.connection.opening == .midstream)
        #expect(replay.timeline.frames[0].host(.a).state == .established)
        #expect(replay.steps[0].has(.gap))
    }

    @Test func theSeedsHandshake() throws {
        let replay = try expectEnd("seed-handshake.txt", .established, .established)
        #expect(replay.timeline.isn[.a] == SequenceNumber(3_626_544_836))
        #expect(replay.timeline.isn[.b] == SequenceNumber(1_739_326_486))
        #expect(replay.steps.allSatisfy { $0.has(.handshake) && !$0.has(.notPredicted) })
    }

    @Test func secondStreamOfTwoInterfaces() throws {
        let replay = try expectEnd("two-interfaces.pcapng", stream: 1, .closed, .timeWait)
        #expect(replay.connection.hostA.address.isIPv6)
        #expect(replay.steps[0].time.seconds(since: replay.captureStart) > 1)
    }
}
