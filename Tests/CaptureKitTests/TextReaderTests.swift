import CaptureKit
import TCPCore
import Testing

/// tcpdump text in the forms people paste: old and new, relative and absolute, with and without timestamps.
@Suite struct TextReaderTests {
    func read(_ text: String) throws -> [CapturedSegment] {
        try Fixtures.readAll(CaptureReader(bytes: Array(text.utf8)))
    }

    @Test func relativeNumbersBecomeAbsolute() throws {
        let text = """
            12:00:00.000001 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 4294967200, win 64240, length 0
            12:00:00.000002 IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [S.], seq 7, ack 4294967201, win 65160, length 0
            12:00:00.000003 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [.], ack 1, win 502, length 0
            12:00:00.000004 IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [P.], seq 1:201, ack 1, win 502, length 200: HTTP: GET / HTTP/1.1
            12:00:00.000005 IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [.], ack 201, win 507, length 0
            """
        let segments = try read(text)
        #expect(segments.count == 5)
        #expect(segments[2].segment.seq == SequenceNumber(4_294_967_201))
        #expect(segments[2].segment.ack == SequenceNumber(8))
        // Across 2^32: relative 201 from ISN 4294967200 is 105.
        #expect(segments[3].segment.seq == SequenceNumber(4_294_967_201))
        #expect(segments[3].segment.payloadLength == 200)
        #expect(segments[4].segment.ack == SequenceNumber(105))
        #expect(segments[4].segment.seq == SequenceNumber(8))
        #expect(segments[0].time.nanoseconds == 12 * 3600 * 1_000_000_000 + 1000)
    }

    @Test func absoluteNumbersStayAbsolute() throws {
        let text = """
            IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [S], seq 1000, win 64240, length 0
            IP 10.0.0.2.80 > 10.0.0.1.5000: Flags [S.], seq 5000, ack 1001, win 65160, length 0
            IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [.], ack 5001, win 502, length 0
            IP 10.0.0.1.5000 > 10.0.0.2.80: Flags [F.], seq 1001, ack 5001, win 502, length 0
            """
        let segments = try read(text)
        #expect(segments.map(\.segment.seq.rawValue) == [1000, 5000, 1001, 1001])
        #expect(segments[3].segment.ack == SequenceNumber(5001))
        #expect(segments.allSatisfy { $0.time.nanoseconds == 0 })
    }

    @Test func oldFormWithRelativeNumbersAndIPOptionsNoise() throws {
        let text = """
            10:00:00.000000 192.168.1.116.3337 > 192.168.1.123.7788: S 3626544836:3626544836(0) win 5840 <mss 1460,sackOK,timestamp 1 0,nop,wscale 2> (DF)
            10:00:00.000100 192.168.1.123.7788 > 192.168.1.116.3337: S 1739326486:1739326486(0) ack 3626544837 win 5792 <mss 1460> (DF)
            10:00:00.000200 192.168.1.116.3337 > 192.168.1.123.7788: . ack 1 win 1460 (DF)
            10:00:00.000300 192.168.1.116.3337 > 192.168.1.123.7788: P 1:11(10) ack 1 win 1460 (DF) [tos 0x10]
            10:00:00.000400 192.168.1.116.3337 > 192.168.1.123.7788: F 11:11(0) ack 1 win 1460 (DF)
            """
        let segments = try read(text)
        #expect(segments.count == 5)
        #expect(segments[2].segment.ack == SequenceNumber(1_739_326_487))
        #expect(segments[3].segment.seq == SequenceNumber(3_626_544_837))
        #expect(segments[3].segment.flags == [.psh, .ack])
        #expect(segments[4].segment.flags == [.fin, .ack])
        #expect(segments[4].segment.seq == SequenceNumber(3_626_544_847))
    }

    @Test func ipv6AndOtherProtocolsSkipped() throws {
        let text = """
            1700000000.000001 IP6 ::1.40000 > ::1.7788: Flags [S], seq 10, win 65476, options [mss 65476,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0
            1700000000.000002 IP 10.0.0.1.53 > 10.0.0.2.5353: 12345 1/0/0 A 1.2.3.4 (45)
            1700000000.000003 ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28
            1700000000.000004 IP6 ::1.7788 > ::1.40000: Flags [R.], seq 0, ack 11, win 0, length 0
            """
        let segments = try read(text)
        #expect(segments.count == 2)
        #expect(segments[0].source.description == "[::1]:40000")
        #expect(segments[1].segment.flags == [.rst, .ack])
        #expect(segments[1].segment.ack == SequenceNumber(11))
        #expect(segments[1].number == 4)
        #expect(segments[0].time.nanoseconds == 1_700_000_000_000_001_000)
    }

    @Test func verboseTwoLinePackets() throws {
        let text = """
            12:00:00.000001 IP (tos 0x0, ttl 64, id 1, offset 0, flags [DF], proto TCP (6), length 60)
                10.0.0.1.5000 > 10.0.0.2.80: Flags [S], cksum 0x1c46 (incorrect -> 0x5b0d), seq 99, win 64240, options [mss 1460], length 0
            12:00:00.000002 IP (tos 0x0, ttl 64, id 0, offset 0, flags [DF], proto TCP (6), length 60)
                10.0.0.2.80 > 10.0.0.1.5000: Flags [S.], cksum 0xabcd (correct), seq 500, ack 100, win 65160, length 0
            """
        let segments = try read(text)
        #expect(segments.count == 2)
        #expect(segments[1].segment.seq == SequenceNumber(500))
        #expect(segments[1].time.nanoseconds == 12 * 3600 * 1_000_000_000 + 2000)
    }

    @Test func namesInsteadOfNumbersAreAClearError() throws {
        let text = "12:00:00.000001 IP localhost.40000 > localhost.http: Flags [S], seq 1, win 1, length 0\n"
        #expect {
            _ = try read(text)
        } throws: { error in
            let message = "\(error)"
            return message.contains("line 1") && message.contains("tcpdump -nn")
        }
    }

    @Test func aBrokenTCPLineNamesItsLine() throws {
        let text =
            "IP 10.0.0.1.1 > 10.0.0.2.2: Flags [S], seq 1, win 1, length 0\nIP 10.0.0.1.1 > 10.0.0.2.2: Flags [S, seq\n"
        #expect {
            _ = try read(text)
        } throws: { error in
            "\(error)".contains("line 2")
        }
    }
}
