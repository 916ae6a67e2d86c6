import TCPCore
import TCPNotation
import Testing

@Suite("Segment notation: one text form for lessons, labels, tests and errors")
struct SegmentNotationTests {
    @Test(
        "The three forms parse to the same segment",
        arguments: [
            "S. 1739326486:1739326486(0) ack 3626544837 win 65535",
            "S. 1739326486:1739326486(0) ack 3626544837 win 65535 <mss 1460,nop,wscale 7>",
            "Flags [S.], seq 1739326486, ack 3626544837, win 65535, length 0",
            "Flags [S.], seq 1739326486, ack 3626544837, win 65535, options [mss 1460], length 0",
        ])
    func forms(text: String) throws {
        let segment = try Segment(notation: text)
        #expect(segment == Segment(flags: .syn, seq: SequenceNumber(1_739_326_486), ack: SequenceNumber(3_626_544_837)))
        #expect(segment.notation() == "S. 1739326486:1739326486(0) ack 3626544837")
        #expect(segment.modernNotation() == "Flags [S.], seq 1739326486, ack 3626544837, win 65535, length 0")
    }

    @Test("The seed's bare 'ack 1739326487' is a pattern: ACK flag, ack number, any seq")
    func seedBareAck() throws {
        let pattern = try SegmentPattern(notation: "ack 1739326487")
        #expect(pattern.flags == .ack && pattern.seq == nil && pattern.ack == SequenceNumber(1_739_326_487))
        #expect(pattern.matches(Segment(flags: .ack, seq: SequenceNumber(9), ack: SequenceNumber(1_739_326_487))))
        #expect(!pattern.matches(Segment(flags: .fin, seq: SequenceNumber(9), ack: SequenceNumber(1_739_326_487))))
    }

    @Test("Data: modern tcpdump's seq range and length agree with the packetdrill form")
    func data() throws {
        let modern = try Segment(notation: "Flags [P.], seq 1:1001, ack 1, win 257, length 1000")
        #expect(modern.notation() == "P. 1:1001(1000) ack 1")
        #expect(modern.sequenceLength == 1000)
        let fin = try Segment(notation: "FP. 1001:2001(1000) ack 1")
        #expect(fin.sequenceLength == 1001 && fin.nextSeq == SequenceNumber(2002))
    }

    @Test("Flags print in tcpdump's order and SYN and FIN each occupy one number")
    func flags() {
        #expect(TCPFlags([.ack, .psh, .fin]).tcpdump == "FP.")
        #expect(TCPFlags([.rst, .ack]).tcpdump == "R.")
        #expect(TCPFlags([.syn, .ack, .ece]).tcpdump == "S.E")
        #expect(TCPFlags([.syn, .ack]).spelledOut == "SYN+ACK")
        #expect(Segment(flags: .syn, seq: SequenceNumber(4_294_967_295)).nextSeq == SequenceNumber(0))
        #expect(Segment(flags: .ack, seq: SequenceNumber(5), ack: SequenceNumber(1)).sequenceLength == 0)
    }

    @Test("Relative numbering subtracts each side's ISN, across the wrap")
    func relative() {
        let segment = Segment(flags: .ack, seq: SequenceNumber(0), ack: SequenceNumber(10))
        let base = NumberBase(seqBase: SequenceNumber(4_294_967_295), ackBase: SequenceNumber(4_294_967_290))
        #expect(segment.notation(base: base) == ". 1:1(0) ack 16")
    }

    @Test("Sequence numbers compare modulo 2^32")
    func modular() {
        let max = SequenceNumber(4_294_967_295)
        #expect(max.precedes(SequenceNumber(0)))
        #expect(!SequenceNumber(0).precedes(max))
        #expect(SequenceNumber(3).isInWindow(start: max, size: 5))
        #expect(!SequenceNumber(4).isInWindow(start: max, size: 5))
        #expect(SequenceNumber(1).offset(from: max) == 2)
    }

    @Test("State names in every accepted spelling")
    func stateSpellings() {
        for spelling in ["SYN_RECEIVED", "SYN-RECEIVED", "SYN_RECV", "syn-rcvd"] {
            #expect(ConnectionState(spelling: spelling) == .synReceived)
        }
        #expect(ConnectionState(spelling: "FIN_WAIT1") == .finWait1)
        #expect(ConnectionState(spelling: "fin-wait-2") == .finWait2)
        #expect(ConnectionState.finWait1.rfcName == "FIN-WAIT-1")
        #expect(ConnectionState(spelling: "HALF_OPEN") == nil)
    }
}
