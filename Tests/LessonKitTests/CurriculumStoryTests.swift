import LessonKit
import TCPCore
import TCPNotation
import TCPTutorTestSupport
import Testing

/// Each lesson reaches the states and sends the segments its narration claims, with the declared ISNs and with
/// fresh ones (index -1 is the lesson's own ISNs; the others index `Curriculum.freshISNs`).
@Suite("Curriculum stories")
struct CurriculumStoryTests {
    static let draws = [-1, 0, 3, 7]

    static func isn(_ draw: Int) -> [HostID: SequenceNumber] { draw < 0 ? [:] : Curriculum.freshISNs[draw] }

    @Test(arguments: draws)
    func flagsAndNumbersOpensAConnection(_ draw: Int) throws {
        let story = try Curriculum.story("flags-and-numbers", isn: Self.isn(draw))
        #expect(story.history(.a) == [.closed, .synSent, .established])
        #expect(story.history(.b) == [.closed, .listen, .synReceived, .established])
        #expect(story.delivered.map(\.segment.flags) == [.syn, [.syn, .ack], .ack])
    }

    @Test(arguments: draws)
    func threeWayHandshakeAcknowledgesEachISNPlusOne(_ draw: Int) throws {
        let story = try Curriculum.story("three-way-handshake", isn: Self.isn(draw))
        let (a, b) = (story.isn(.a), story.isn(.b))
        let segments = story.delivered.map(\.segment)
        #expect(segments.count == 3)
        #expect(segments[0].flags == .syn && segments[0].seq == a && segments[0].ack == nil)
        #expect(segments[1].flags == [.syn, .ack] && segments[1].seq == b && segments[1].ack == a &+ 1)
        #expect(segments[2].flags == .ack && segments[2].seq == a &+ 1 && segments[2].ack == b &+ 1)
        #expect(story.history(.a) == [.closed, .synSent, .established])
        #expect(story.history(.b) == [.closed, .listen, .synReceived, .established])
    }

    @Test func threeWayHandshakeReproducesTheSourceTextsCapture() throws {
        let story = try Curriculum.story("three-way-handshake")
        #expect(
            story.delivered.map { $0.segment.notation() } == [
                "S 3626544836:3626544836(0)",
                "S. 1739326486:1739326486(0) ack 3626544837",
                ". 3626544837:3626544837(0) ack 1739326487",
            ])
        #expect(story.timeline.hosts.a.description == "192.168.1.116:3337")
        #expect(story.timeline.hosts.b.description == "192.168.1.123:7788")
    }

    @Test func theBSDClockGivesTheCorrectedThirtyEightMinuteISN() throws {
        let story = try Curriculum.story("initial-sequence-numbers")
        let syn = try #require(story.delivered.first)
        #expect(syn.segment.seq == SequenceNumber(1 + 38 * 60 * 2 * 64_000))
        #expect(syn.segment.seq == SequenceNumber(291_840_001))
        #expect(story.segmentFrames.first?.quiz?.fields == [.seq])
    }

    @Test(arguments: draws)
    func fourWayTeardownWalksBothSidesThroughTheirStates(_ draw: Int) throws {
        let story = try Curriculum.story("four-way-teardown", isn: Self.isn(draw))
        #expect(story.passes(.a, through: [.established, .finWait1, .finWait2, .timeWait, .closed]))
        #expect(story.passes(.b, through: [.established, .closeWait, .lastAck, .closed]))
        let teardown = story.delivered.dropFirst(3).map(\.segment)
        #expect(teardown.map(\.flags) == [[.fin, .ack], .ack, [.fin, .ack], .ack])
        #expect(teardown[1].ack == teardown[0].seq &+ 1)
        #expect(teardown[3].ack == teardown[2].seq &+ 1)
        #expect(story.last.time == 240_000)
    }

    @Test(arguments: draws)
    func aFinPlusAckTakesTheActiveCloserStraightToTimeWait(_ draw: Int) throws {
        let story = try Curriculum.story("three-to-open-four-to-close", isn: Self.isn(draw))
        #expect(story.transitions(.a).contains { $0.from == .finWait1 && $0.to == .timeWait })
        #expect(!story.history(.a).contains(.finWait2))
        #expect(story.delivered.count == 6, "three segments to open, three to close")
        #expect(story.dropped.isEmpty)
    }

    @Test(arguments: draws)
    func whenTheServerClosesFirstTimeWaitIsOnTheServer(_ draw: Int) throws {
        let story = try Curriculum.story("server-closes-first", isn: Self.isn(draw))
        #expect(story.passes(.b, through: [.established, .finWait1, .finWait2, .timeWait, .closed]))
        #expect(story.passes(.a, through: [.established, .closeWait, .lastAck, .closed]))
        #expect(!story.history(.a).contains(.timeWait))
        let afterLastAck = try #require(story.segmentFrames.last)
        #expect(afterLastAck.host(.b).state == .timeWait && afterLastAck.host(.a).state == .closed)
    }

    @Test(arguments: draws)
    func relativeNumbersStartAtZero(_ draw: Int) throws {
        let story = try Curriculum.story("relative-numbers", isn: Self.isn(draw))
        #expect(story.timeline.numbering == .relative)
        let written = story.delivered.prefix(3).map { event in
            event.segment.notation(base: story.timeline.numberBase(from: event.from))
        }
        #expect(written == ["S 0:0(0)", "S. 0:0(0) ack 1", ". 1:1(0) ack 1"])
    }

    @Test(arguments: draws)
    func dataAdvancesSeqByItsLengthAndAcksAreCumulative(_ draw: Int) throws {
        let story = try Curriculum.story("data-transfer", isn: Self.isn(draw))
        let data = story.sent(by: .a).filter { $0.payloadLength > 0 }
        for (earlier, later) in zip(data, data.dropFirst()) { #expect(later.seq == earlier.dataEnd) }
        let lost = try #require(story.dropped.first?.segment.ack)
        let lastData = try #require(data.last)
        #expect(story.delivered.contains { $0.from == .b && $0.segment.ack == lastData.dataEnd })
        #expect(lost.precedes(lastData.dataEnd))
    }

    @Test(arguments: draws)
    func simultaneousOpenTakesSixSegments(_ draw: Int) throws {
        let story = try Curriculum.story("simultaneous-open", isn: Self.isn(draw))
        for host in HostID.allCases {
            #expect(story.history(host) == [.closed, .synSent, .synReceived, .established])
        }
        let segments = story.delivered.map(\.segment)
        #expect(segments.map(\.flags) == [.syn, .syn, [.syn, .ack], [.syn, .ack], .ack, .ack])
        for event in story.delivered where event.segment.flags.contains(.syn) {
            #expect(event.segment.seq == story.isn(event.from), "each SYN+ACK repeats its sender's ISN")
        }
    }

    @Test(arguments: draws)
    func simultaneousClosePassesThroughClosingOnBothHosts(_ draw: Int) throws {
        let story = try Curriculum.story("simultaneous-close", isn: Self.isn(draw))
        for host in HostID.allCases {
            #expect(story.passes(host, through: [.established, .finWait1, .closing, .timeWait, .closed]))
        }
    }

    @Test(arguments: draws)
    func halfCloseKeepsDataFlowingAfterTheFirstFin(_ draw: Int) throws {
        let story = try Curriculum.story("half-close", isn: Self.isn(draw))
        let lateData = story.segmentFrames.filter { frame in
            guard let wire = frame.wire else { return false }
            return wire.from == .b && wire.segment.payloadLength > 0 && frame.host(.a).state == .finWait2
                && frame.host(.b).state == .closeWait
        }
        #expect(lateData.count == 2)
        #expect(story.passes(.a, through: [.finWait1, .finWait2, .timeWait]))
        #expect(story.passes(.b, through: [.closeWait, .lastAck, .closed]))
    }

    @Test(arguments: draws)
    func aSynToAClosedPortIsRefusedWithRstAck(_ draw: Int) throws {
        let story = try Curriculum.story("connection-refused", isn: Self.isn(draw))
        #expect(story.history(.b) == [.closed])
        #expect(story.history(.a) == [.closed, .synSent, .closed])
        let resets = story.sent(by: .b)
        #expect(resets.count == 2)
        #expect(resets[0].flags == [.rst, .ack] && resets[0].seq == SequenceNumber(0))
        #expect(resets[0].ack == story.isn(.a) &+ 1)
        #expect(resets[1].flags == .rst && resets[1].ack == nil)
        #expect(story.errors(.a) == [.connectionRefused])
        #expect(story.sent(by: .a).allSatisfy { !$0.flags.contains(.rst) }, "a reset is never answered")
    }

    @Test(arguments: draws)
    func abortSendsOneResetAtSndNxt(_ draw: Int) throws {
        let story = try Curriculum.story("abort", isn: Self.isn(draw))
        let beforeAbort = try #require(story.frames.last { $0.host(.a).state == .established })
        let reset = try #require(story.sent(by: .a).last)
        #expect(reset.flags == .rst && reset.seq == beforeAbort.host(.a).tcb?.sndNxt)
        for host in HostID.allCases { #expect(!story.history(host).contains(.timeWait)) }
        #expect(story.errors(.b) == [.connectionReset])
        #expect(story.last.host(.a).state == .closed && story.last.host(.b).state == .closed)
    }

    @Test(arguments: draws)
    func closingWithUnreadDataResetsInsteadOfFin(_ draw: Int) throws {
        let story = try Curriculum.story("close-with-unread-data", isn: Self.isn(draw))
        #expect(story.sent(by: .b).allSatisfy { !$0.flags.contains(.fin) })
        #expect(story.sent(by: .b).last?.flags == .rst)
        let closing = try #require(story.frames.first { $0.event == .call(.b, .close) })
        #expect(story.frames[closing.index - 1].host(.b).unreadBytes == 100)
        #expect(story.errors(.a) == [.connectionReset])
    }

    @Test(arguments: draws)
    func aHalfOpenConnectionEndsWithAResetFromTheForgetfulSide(_ draw: Int) throws {
        let story = try Curriculum.story("half-open-connection", isn: Self.isn(draw))
        #expect(story.frames.contains { $0.host(.a).state == .closed && $0.host(.b).state == .established })
        let data = try #require(story.sent(by: .b).last { $0.payloadLength > 0 })
        let reset = try #require(story.sent(by: .a).last)
        #expect(reset.flags == .rst && reset.seq == data.ack)
        #expect(story.errors(.b) == [.connectionReset])
    }

    @Test(arguments: draws)
    func timeWaitReacknowledgesARetransmittedFinAndRestartsItsTimer(_ draw: Int) throws {
        let story = try Curriculum.story("time-wait", isn: Self.isn(draw))
        let finsFromB = story.delivered.filter { $0.from == .b && $0.segment.flags.contains(.fin) }
        #expect(finsFromB.count == 2 && finsFromB[0].segment == finsFromB[1].segment)
        let entered = try #require(story.frames.first { $0.host(.a).state == .timeWait })
        #expect(story.frames.contains { $0.host(.a).state == .timeWait && $0.time >= entered.time + 240_000 })
        let closed = try #require(story.frames.first { $0.index > entered.index && $0.host(.a).state == .closed })
        #expect(closed.time == entered.time + 1_000 + 240_000)
    }

    @Test(arguments: draws)
    func handshakeLossesAreRepairedByRetransmission(_ draw: Int) throws {
        let story = try Curriculum.story("lost-handshake-segments", isn: Self.isn(draw))
        #expect(story.dropped.map(\.segment.flags) == [.syn, [.syn, .ack], .ack])
        let syns = story.sent(by: .a).filter { $0.flags == .syn }
        #expect(syns.count == 2 && syns.allSatisfy { $0.seq == story.isn(.a) })
        let synAcks = story.sent(by: .b).filter { $0.flags == [.syn, .ack] }
        #expect(synAcks.count == 3 && Set(synAcks).count == 1)
        #expect(story.last.host(.a).state == .established && story.last.host(.b).state == .established)
    }

    @Test(arguments: draws)
    func anOldDuplicateSynSendsTheListenerBackToListen(_ draw: Int) throws {
        let story = try Curriculum.story("old-duplicate-syn", isn: Self.isn(draw))
        #expect(story.passes(.b, through: [.listen, .synReceived, .listen, .synReceived, .established]))
        #expect(story.history(.a) == [.closed, .synSent, .established])
        let reset = try #require(story.sent(by: .a).first { $0.flags.contains(.rst) })
        let badAck = try #require(story.delivered.first { $0.from == .b }?.segment.ack)
        #expect(reset.seq == badAck)
    }

    @Test func sequenceNumbersWrapAtTwoToTheThirtySecond() throws {
        let story = try Curriculum.story("sequence-wrap")
        let synAck = try #require(story.delivered.first { $0.segment.flags == [.syn, .ack] })
        #expect(synAck.segment.ack == SequenceNumber(0))
        let wrapped = try #require(story.sent(by: .b).first { $0.payloadLength > 0 })
        #expect(wrapped.dataEnd.rawValue < wrapped.seq.rawValue, "B's data crosses 2^32")
        #expect(story.delivered.contains { $0.from == .a && $0.segment.ack == wrapped.dataEnd })
    }

    @Test(arguments: draws)
    func strangeSegmentsGetAcksNotResets(_ draw: Int) throws {
        let story = try Curriculum.story("unacceptable-segments", isn: Self.isn(draw))
        #expect(story.sent(by: .b).allSatisfy { !$0.flags.contains(.rst) })
        let answers = story.sent(by: .b).filter { $0.flags == .ack && $0.payloadLength == 0 }
        #expect(answers.count >= 4)
        #expect(story.history(.a) == [.closed, .synSent, .established])
        #expect(story.last.host(.b).state == .closed)
    }

    @Test(arguments: draws)
    func aPredictedISNLetsAForgedHandshakeComplete(_ draw: Int) throws {
        let story = try Curriculum.story("isn-prediction", isn: Self.isn(draw))
        #expect(story.history(.a) == [.closed])
        #expect(story.passes(.b, through: [.listen, .synReceived, .established]))
        #expect(story.segmentFrames.filter(story.isInjected).count == 3)
        #expect(story.frames.contains { $0.host(.b).state == .established && $0.host(.b).unreadBytes == 30 })
        let reset = try #require(story.sent(by: .a).first)
        #expect(reset.flags == .rst, "the real A only ever answers with a reset")
        #expect(story.last.host(.b).state == .closed)
    }
}
