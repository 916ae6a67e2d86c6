import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing

/// The lessons that take the path past open and close: data on the handshake's edges, loss in the data phase,
/// ports that answer or stay silent, and the two readings of a simultaneous open. Each story is checked with the
/// declared ISNs and with fresh ones.
@Suite("Curriculum stories: the exam syllabus")
struct CurriculumSyllabusTests {
    static let draws = CurriculumStoryTests.draws

    @Test(arguments: draws)
    func theFigureOpensWithFourSegments(_ draw: Int) throws {
        let story = try Curriculum.story("simultaneous-open-figure", isn: CurriculumStoryTests.isn(draw))
        #expect(story.lesson.configuration[.a].simultaneousOpen == .rfcFigure)
        let segments = story.delivered.map(\.segment)
        #expect(segments.map(\.flags) == [.syn, .syn, [.syn, .ack], [.syn, .ack]])
        for host in HostID.allCases {
            #expect(story.history(host) == [.closed, .synSent, .synReceived, .established])
            #expect(story.transitions(host).last?.because == .simultaneousOpenSynAckEstablishes)
        }
        #expect(story.segmentFrames.allSatisfy { $0.quiz != nil }, "every segment is a quiz point")
    }

    @Test func theRulesLessonSaysSoInItsHeader() throws {
        let lesson = try Curriculum.lesson(id: "simultaneous-open")
        #expect(HostID.allCases.allSatisfy { lesson.configuration[$0].simultaneousOpen == .rfcRules })
    }

    @Test(arguments: draws)
    func threeDuplicateAcksThenTheRetransmission(_ draw: Int) throws {
        let story = try Curriculum.story("lost-data-fast-retransmit", isn: CurriculumStoryTests.isn(draw))
        let lost = try #require(story.dropped.first?.segment)
        #expect(lost.payloadLength == 100)
        let acks = story.delivered.filter { $0.from == .b && $0.segment.payloadLength == 0 }
        let duplicates = acks.filter { $0.segment.ack == lost.seq }
        #expect(duplicates.count == 4, "the ACK of segment 1, then three duplicates")
        #expect(
            duplicates.dropFirst().map(\.handledBecause) == [
                .duplicateAckCounted, .duplicateAckCounted, .fastRetransmit,
            ])
        let resent = try #require(story.delivered.first { $0.sentBecause == .fastRetransmit })
        #expect(resent.segment == lost)
        #expect(acks.last?.segment.ack == lost.seq &+ 400, "one ACK covers the resent segment and the three held")
        #expect(story.delivered.filter { $0.handledBecause == .outOfOrderQueued }.count == 3)
        #expect(!story.frames.contains { frame in frame.emitted.contains { $0.sentBecause == .retransmissionTimeout } })
    }

    @Test(arguments: draws)
    func theFinRidesOnTheLastDataSegment(_ draw: Int) throws {
        let story = try Curriculum.story("fin-on-last-data", isn: CurriculumStoryTests.isn(draw))
        let fin = try #require(story.delivered.first { $0.sentBecause == .finRidesOnData })
        #expect(fin.segment.flags.isSuperset(of: [.fin, .psh, .ack]) && fin.segment.payloadLength == 300)
        let ack = try #require(
            story.delivered.first { $0.from == .a && $0.segment.ack != nil && $0.segment.ack != story.isn(.b) &+ 1 })
        #expect(ack.segment.ack == fin.segment.seq &+ fin.segment.payloadLength &+ 1, "ack = seq + len + 1")
        #expect(story.passes(.b, through: [.established, .finWait1, .finWait2, .timeWait]))
        #expect(story.passes(.a, through: [.established, .closeWait, .lastAck, .closed]))
    }

    @Test(arguments: draws)
    func theThirdSegmentCarriesTheData(_ draw: Int) throws {
        let story = try Curriculum.story("data-on-the-third-segment", isn: CurriculumStoryTests.isn(draw))
        let segments = story.delivered.map(\.segment)
        #expect(segments.count == 4)
        #expect(segments[0].flags == .syn && segments[0].payloadLength == 0)
        #expect(segments[2].seq == story.isn(.a) &+ 1 && segments[2].payloadLength == 100)
        #expect(story.delivered[2].sentBecause == .handshakeAckCarriesData)
        #expect(story.history(.b) == [.closed, .listen, .synReceived, .established])
    }

    @Test(arguments: draws)
    func dataCompletesTheHandshakeAfterTheThirdAckIsLost(_ draw: Int) throws {
        let story = try Curriculum.story("lost-third-ack", isn: CurriculumStoryTests.isn(draw))
        let lost = try #require(story.dropped.first?.segment)
        #expect(lost.flags == .ack && lost.payloadLength == 0)
        let data = try #require(story.segmentFrames.first { $0.wire?.segment.payloadLength ?? 0 > 0 })
        #expect(data.wire?.segment.seq == lost.seq, "a bare ACK consumes no number")
        #expect(data.transitions[.b]?.map(\.to) == [.established])
        #expect(!story.frames.contains { frame in frame.emitted.contains { $0.sentBecause == .retransmissionTimeout } })
    }

    @Test(arguments: draws)
    func aClosedPortResetsAFilteredOneTimesOut(_ draw: Int) throws {
        let story = try Curriculum.story("filtered-port", isn: CurriculumStoryTests.isn(draw))
        #expect(story.delivered.map(\.segment.flags) == [.syn, [.rst, .ack]])
        #expect(story.errors(.a) == [.connectionRefused, .userTimeout])
        let retransmitted = story.frames.filter { frame in
            frame.emitted.contains { $0.sentBecause == .retransmissionTimeout }
        }
        #expect(retransmitted.map(\.time) == [1, 3, 7, 15, 31, 63].map { UInt64($0) * 1_000 })
        let timeout = try #require(story.frames.first { $0.errors[.a] == [.userTimeout] })
        #expect(timeout.time == 127_000)
        #expect(story.last.host(.a).state == .closed)
    }

    @Test(arguments: draws)
    func keepAliveProbesThenGivesUp(_ draw: Int) throws {
        let story = try Curriculum.story("keep-alive", isn: CurriculumStoryTests.isn(draw))
        let probes = story.segmentFrames.filter { $0.wire?.sentBecause == .keepAliveProbe }
        #expect(probes.count == 10, "one answered, nine not")
        for probe in probes {
            let segment = try #require(probe.wire?.segment)
            #expect(segment.seq &+ 1 == probe.host(.a).tcb?.sndNxt, "seq = SND.NXT - 1")
            #expect(segment.payloadLength == 0 && segment.flags == .ack)
        }
        #expect(probes.first?.wire?.fate == .delivered && probes.dropFirst().allSatisfy { $0.wire?.fate == .dropped })
        let unanswered = probes.dropFirst().map(\.time)
        #expect(zip(unanswered, unanswered.dropFirst()).allSatisfy { $1 - $0 == 75_000 })
        #expect(unanswered.first.map { $0 - probes[0].time } == 2 * 3_600_000)
        let error = try #require(story.frames.first { $0.errors[.a] == [.connectionTimedOut] })
        #expect(error.time == (unanswered.last ?? 0) + 75_000)
        #expect(story.last.host(.a).state == .closed)
    }

    @Test(arguments: draws)
    func aZeroWindowIsProbedAndReopened(_ draw: Int) throws {
        let story = try Curriculum.story("flow-control", isn: CurriculumStoryTests.isn(draw))
        let windows = story.delivered.filter { $0.from == .b }.map(\.segment.window)
        #expect(windows == [1000, 400, 0, 0, 1000, 800], "SYN+ACK, shrinking, zero, probe answer, update, reopened")
        let probe = try #require(story.delivered.first { $0.sentBecause == .zeroWindowProbe })
        #expect(probe.segment.payloadLength == 0)
        #expect(story.delivered.contains { $0.sentBecause == .windowUpdate && $0.segment.window == 1000 })
        let lengths = story.sent(by: .a).map(\.payloadLength).filter { $0 > 0 }
        #expect(lengths == [600, 400, 200], "the second write is cut to the window, the rest waits")
        let probeFrame = try #require(story.segmentFrames.first { $0.wire?.sentBecause == .zeroWindowProbe })
        #expect(probeFrame.time == 1_000, "one retransmission timeout after the window closed")
    }

    @Test(arguments: draws)
    func closeWaitLastsUntilTheApplicationCloses(_ draw: Int) throws {
        let story = try Curriculum.story("close-wait-build-up", isn: CurriculumStoryTests.isn(draw))
        let hourLater = try #require(story.frames.first { $0.time >= 3_600_000 })
        #expect(hourLater.host(.b).state == .closeWait && hourLater.host(.a).state == .finWait2)
        #expect(story.passes(.b, through: [.established, .closeWait, .lastAck, .closed]))
        #expect(story.passes(.a, through: [.finWait1, .finWait2, .timeWait, .closed]))
        let closed = try #require(story.frames.last { $0.transitions[.a]?.last?.to == .closed })
        let entered = try #require(story.frames.first { $0.transitions[.a]?.last?.to == .timeWait })
        #expect(closed.time - entered.time == 240_000, "2 MSL")
    }
}
