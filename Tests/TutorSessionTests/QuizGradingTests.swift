import LessonKit
import TCPCore
import Testing
import TimelineKit

@testable import TutorSession

@Suite("Quiz grading: seq, ack and flags (TEACHING.md rules 1, 2, 9, 10, 11)")
struct QuizGradingTests {
    let seed = Fixtures.seed()

    @Test("right answers to the seed's handshake and close, with the reasons the engine gave")
    func rightAnswers() throws {
        let (timeline, frames) = seed
        let answers: [(Int, [QuizField: String])] = [
            (frames.syn, [.sender: "A", .flags: "S", .seq: "3626544836", .ack: "none", .state: "SYN_RECEIVED"]),
            (frames.synAck, [.sender: "B", .flags: "S.", .seq: "1739326486", .ack: "3626544836+1", .state: "ESTAB"]),
            (frames.handshakeAck, [.sender: "A", .flags: ".", .seq: "3626544837", .ack: "1739326487"]),
            (frames.data, [.flags: "P.", .seq: "3626544837", .ack: "1739326487", .len: "100"]),
            (frames.dataAck, [.sender: "B", .flags: "ACK", .seq: "1739326487", .ack: "3626544837 + 100"]),
            (frames.finA, [.flags: "FIN,ACK", .seq: "3626544937", .ack: "1739326487", .state: "CLOSE-WAIT"]),
            (frames.ackOfFinA, [.flags: ".", .seq: "1739326487", .ack: "3626544938", .state: "FIN_WAIT2"]),
            (frames.finB, [.flags: "F.", .seq: "1739326487", .ack: "3626544938", .state: "time-wait"]),
            (frames.lastAck, [.flags: ".", .seq: "3626544938", .ack: "1739326488", .state: "CLOSED"]),
        ]
        for (frame, typed) in answers {
            let feedback = try grade(timeline, frame, typed)
            #expect(feedback.isAllCorrect, "frame \(frame): \(feedback.fields.filter { !$0.isCorrect })")
            #expect(feedback.score.points == feedback.score.possible)
            #expect(feedback.fields.allSatisfy { $0.mistake == nil && $0.note == nil })
        }
    }

    @Test("feedback names the engine's rule and its RFC 9293 section, in English and Chinese")
    func reasons() throws {
        let (timeline, frames) = seed
        let feedback = try grade(timeline, frames.synAck, [.flags: "S.", .ack: "3626544837", .state: "ESTABLISHED"])
        let flags = try #require(feedback.feedback(for: .flags))
        #expect(flags.rule == .listenAnswersSyn)
        #expect(flags.section == "§3.10.7.2")
        #expect(flags.why.en.contains("RFC 9293 §3.10.7.2"))
        #expect(flags.why.zh.contains("监听方"))
        let ack = try #require(feedback.feedback(for: .ack))
        #expect(ack.why.en.contains("3626544836 + 1 (SYN) = 3626544837"))
        #expect(ack.why.zh.contains("3626544836 + 1（SYN）= 3626544837"))
        let state = try #require(feedback.feedback(for: .state))
        #expect(state.rule == .synSentCompletesHandshake)
        #expect(state.why.en.contains("A: SYN_SENT → ESTABLISHED"))
        #expect(state.section == "§3.10.7.3")
    }

    @Test("rule 1: SYN and FIN occupy one number; off by one is flagged as such")
    func synAndFinOccupyOne() throws {
        let (timeline, frames) = seed
        try expectMistake(
            timeline, frames.synAck, .ack, "3626544836", .synOccupiesOne, note: "SYN occupies one",
            why: "3626544836 + 1 (SYN) = 3626544837")
        try expectMistake(
            timeline, frames.handshakeAck, .seq, "3626544836", .synOccupiesOne, note: "SYN occupied one",
            why: "3626544836 + 1 (SYN) = 3626544837")
        try expectMistake(timeline, frames.handshakeAck, .ack, "1739326486", .synOccupiesOne, note: "SYN")
        try expectMistake(
            timeline, frames.ackOfFinA, .ack, "3626544937", .finOccupiesOne, note: "FIN occupies one",
            why: "3626544937 + 1 (FIN) = 3626544938")
        try expectMistake(timeline, frames.lastAck, .seq, "3626544937", .finOccupiesOne, note: "FIN occupied one")
        try expectMistake(timeline, frames.lastAck, .ack, "1739326487", .finOccupiesOne)
        try expectMistake(timeline, frames.syn, .seq, "3626544837", .ownSynFinCountedEarly, note: "SYN")
        try expectMistake(timeline, frames.finA, .seq, "3626544938", .ownSynFinCountedEarly, note: "FIN")
    }

    @Test("rule 1: a bare ACK consumes nothing (ack = seq + 1 used on a bare ACK)")
    func bareAckConsumesNothing() throws {
        let data = Fixtures.dataBothWays()
        try expectMistake(
            data.timeline, data.bData, .ack, "1002", .bareAckConsumesNothing, note: "bare ACK",
            why: "ack = SEG.SEQ + SEG.LEN of A's segment S 1000:1000(0)")
        // "ack = seq + 1" needs a SYN or FIN and no data: a SYN or FIN with data adds its length too.
        let ackNote = try grade(data.timeline, data.bData, [.ack: "1002"]).fields[0].note
        #expect(ackNote?.en.contains("carries SYN or FIN and no data") == true, "\(String(describing: ackNote))")
        #expect(ackNote?.zh.contains("携带 SYN 或 FIN、且不带数据") == true, "\(String(describing: ackNote))")
        try expectMistake(
            data.timeline, data.aData1, .seq, "1002", .bareAckConsumesNothing, note: "same seq")
        let (timeline, frames) = seed
        try expectMistake(timeline, frames.data, .seq, "3626544838", .bareAckConsumesNothing)
        let note = try grade(timeline, frames.data, [.seq: "3626544838"]).fields[0].note
        #expect(note?.zh.contains("纯 ACK，不消耗序列号") == true)
    }

    @Test("rule 1: ack and seq advance by the data length")
    func dataLength() throws {
        let data = Fixtures.dataBothWays()
        let timeline = data.timeline
        try expectMistake(
            timeline, data.aAck, .ack, "5001", .dataLengthNotAdded, why: "5001 + 50 (50 data bytes) = 5051")
        try expectMistake(timeline, data.aAck, .ack, "5002", .plusOneInsteadOfLength, note: "50")
        try expectMistake(timeline, data.aAck, .ack, "5050", .lastByteInsteadOfNext, note: "next byte")
        try expectMistake(timeline, data.aAck, .ack, "5052", .extraOneWithoutSynFin, note: "only SYN and FIN")
        try expectMistake(timeline, data.aData2, .seq, "1001", .dataLengthNotAdded, note: "100")
        try expectMistake(timeline, data.aData2, .seq, "1002", .plusOneInsteadOfLength)
        try expectMistake(timeline, data.aData2, .seq, "1100", .lastByteInsteadOfNext)
        try expectMistake(timeline, data.aData2, .seq, "1102", .extraOneWithoutSynFin)
        try expectMistake(timeline, data.bAck, .ack, "1100", .lastByteInsteadOfNext)
    }

    @Test("seq and ack swapped, or the ack taken from the sender's own numbers")
    func ownNumbers() throws {
        let (timeline, frames) = seed
        try expectMistake(timeline, frames.handshakeAck, .seq, "1739326487", .swappedSeqAndAck)
        try expectMistake(timeline, frames.handshakeAck, .ack, "3626544837", .swappedSeqAndAck)
        try expectMistake(timeline, frames.synAck, .ack, "1739326487", .ackWithOwnSeq, note: "own sequence space")
    }

    @Test("rule 2: the ACK flag and the ack number are different things")
    func ackFlag() throws {
        let (timeline, frames) = seed
        try expectMistake(timeline, frames.finA, .flags, "FIN", .ackFlagForgotten, note: "F. (FIN+ACK)")
        try expectMistake(timeline, frames.finB, .flags, "F", .ackFlagForgotten, note: "synchronised")
        try expectMistake(timeline, frames.data, .flags, "P", .ackFlagForgotten)
        try expectMistake(timeline, frames.synAck, .flags, "SYN", .ackFlagForgotten, note: "SYN-ACK acknowledges")
        try expectMistake(timeline, frames.finA, .ack, "none", .ackNumberMissing)
        try expectMistake(timeline, frames.syn, .ack, "0", .ackWithoutAckFlag, note: "no ACK flag (S)")
        let rightNone = try grade(timeline, frames.syn, [.ack: "-"])
        #expect(rightNone.isAllCorrect)
        #expect(rightNone.fields[0].why.en.contains("no ack number"))
    }

    @Test("rule 9: sequence arithmetic is modulo 2^32")
    func wrapAround() throws {
        let wrapped = Fixtures.seed(isnA: 4_294_967_295, isnB: 4_294_967_000)
        let (timeline, frames) = wrapped
        let right = try grade(timeline, frames.synAck, [.ack: "4294967295+1"])
        #expect(right.isAllCorrect)
        #expect(right.fields[0].expected == "0")
        #expect(right.fields[0].why.en.contains("4294967295 + 1 (SYN) = 0 (modulo 2^32)"))
        #expect(right.fields[0].why.zh.contains("（模 2^32）"))
        #expect(try grade(timeline, frames.handshakeAck, [.seq: "0", .ack: "4294967001"]).isAllCorrect)
        try expectMistake(timeline, frames.synAck, .ack, "4294967295", .synOccupiesOne)

        let (near, nearFrames) = Fixtures.seed(isnA: 4_294_967_290, isnB: 7)
        #expect(try grade(near, nearFrames.data, [.seq: "4294967290+1", .ack: "8"]).isAllCorrect)
        let fin = try grade(near, nearFrames.finA, [.seq: "4294967291 + 100"])
        #expect(fin.isAllCorrect)
        #expect(fin.fields[0].expected == "95")
        #expect(fin.fields[0].why.en.contains("4294967291 + 100 (100 data bytes) = 95 (modulo 2^32)"))
        try expectMistake(near, nearFrames.finA, .seq, "96", .ownSynFinCountedEarly)
        try expectMistake(near, nearFrames.finA, .seq, "94", .lastByteInsteadOfNext)
        try expectMistake(near, nearFrames.finA, .seq, "4294967291", .dataLengthNotAdded)
        try expectMistake(near, nearFrames.ackOfFinA, .ack, "95", .finOccupiesOne, why: "95 + 1 (FIN) = 96")
    }

    @Test("rule 10: relative numbering, and an answer in the other numbering")
    func numbering() throws {
        let relative = Fixtures.seed(numbering: .relative)
        let (timeline, frames) = relative
        #expect(try grade(timeline, frames.syn, [.seq: "0"]).isAllCorrect)
        #expect(try grade(timeline, frames.synAck, [.seq: "0", .ack: "1"]).isAllCorrect)
        #expect(try grade(timeline, frames.handshakeAck, [.seq: "1", .ack: "1"]).isAllCorrect)
        #expect(try grade(timeline, frames.finA, [.seq: "101", .ack: "1"]).isAllCorrect)
        #expect(try grade(timeline, frames.lastAck, [.seq: "102", .ack: "2"]).isAllCorrect)
        try expectMistake(timeline, frames.synAck, .ack, "3626544837", .numberingMixUp, note: "relative numbers")
        try expectMistake(timeline, frames.finA, .seq, "3626544937", .numberingMixUp)
        try expectMistake(timeline, frames.synAck, .ack, "0", .synOccupiesOne, why: "0 + 1 (SYN) = 1")
        let absolute = seed
        try expectMistake(absolute.timeline, absolute.frames.synAck, .ack, "1", .numberingMixUp, note: "absolute")
    }

    @Test("rule 10: the numbering the screen asks for, and the conversions")
    func numberingHelper() {
        let isn: [HostID: SequenceNumber] = [.a: SequenceNumber(3_626_544_836), .b: SequenceNumber(1_739_326_486)]
        let relative = QuizNumbering(numbering: .relative, isn: isn)
        #expect(relative.typed(SequenceNumber(3_626_544_937), .seq, sender: .a) == 101)
        #expect(relative.typed(SequenceNumber(3_626_544_937), .ack, sender: .b) == 101)
        #expect(relative.typed(SequenceNumber(1_739_326_487), .ack, sender: .a) == 1)
        #expect(relative.absolute(typed: 1, .ack, sender: .a) == SequenceNumber(1_739_326_487))
        #expect(relative.prompt(.ack, sender: .a).en.contains("B's ISN"))
        #expect(relative.prompt(.seq, sender: .a).zh.contains("主机A的初始序列号"))
        let absolute = relative.other
        #expect(absolute.numbering == .absolute)
        #expect(absolute.typed(SequenceNumber(42), .seq, sender: .a) == 42)
        #expect(absolute.prompt(.seq, sender: .b).en.contains("absolute"))
        let wrapped = QuizNumbering(
            numbering: .relative, isn: [.a: SequenceNumber(4_294_967_295), .b: SequenceNumber(0)])
        #expect(wrapped.typed(SequenceNumber(0), .seq, sender: .a) == 1)
    }

    @Test("rule 11: states in any spelling are graded right")
    func stateSpellings() throws {
        let (timeline, frames) = seed
        for spelling in ["SYN_RECEIVED", "SYN-RECEIVED", "syn_recv", "SYN_RCVD"] {
            #expect(try grade(timeline, frames.syn, [.state: spelling]).isAllCorrect)
        }
    }

    @Test("the sender, by name or address; the wrong one gets the engine's reason")
    func sender() throws {
        let (timeline, frames) = seed
        #expect(try grade(timeline, frames.synAck, [.sender: "192.168.1.123:7788"]).isAllCorrect)
        let wrong = try grade(timeline, frames.synAck, [.sender: "A"])
        #expect(!wrong.isAllCorrect)
        #expect(wrong.fields[0].expected == "B (192.168.1.123:7788)")
        #expect(wrong.fields[0].why.en.hasPrefix("B sends it. LISTEN: a SYN arrives"))
    }

    @Test("len counts data bytes only")
    func length() throws {
        let (timeline, frames) = seed
        try expectMistake(timeline, frames.syn, .len, "1", .lengthCountsDataOnly, note: "not data")
        #expect(try grade(timeline, frames.syn, [.len: "0"]).isAllCorrect)
        try expectMistake(timeline, frames.data, .len, "101", .offByOne)
    }
}
