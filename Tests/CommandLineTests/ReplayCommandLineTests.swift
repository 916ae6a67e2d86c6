import Foundation
import TCPTutorTestSupport
import Testing

/// `tcptutor replay` on files that are not what it needs: one clear message on standard error, exit status 1.
@Suite("Command line: replay refuses bad files clearly")
struct ReplayCommandLineTests {
    static func write(_ bytes: [UInt8], named name: String) throws -> String {
        let folder = try TemporaryFolder.make("replay-cli")
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a text file with no tcpdump line: replay and --list both say so")
    func textWithoutTcpdump() throws {
        let path = try Self.write(Array("hello\nworld\n".utf8), named: "notes.txt")
        for arguments in [["replay", path, "--format", "text"], ["replay", path, "--list"]] {
            let result = try TutorProgram.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.errors.contains("\(path) holds no TCP segments"), "\(arguments)")
            #expect(result.errors.contains("none of its 2 lines looks like tcpdump's output"), "\(arguments)")
        }
    }

    @Test("a pcap header cut short says where")
    func truncatedHeader() throws {
        let path = try Self.write([0xd4, 0xc3, 0xb2, 0xa1, 0x02, 0x00, 0x04, 0x00], named: "short.pcap")
        let result = try TutorProgram.run(["replay", path, "--list"])
        #expect(result.status == 1)
        #expect(result.errors.contains("\(path): byte 0: the pcap file header is cut short: 8 of its 24 bytes"))
        #expect(result.output.isEmpty)
    }

    @Test("binary that is no capture names its first bytes")
    func notACapture() throws {
        let path = try Self.write([0xef, 0x48, 0x32, 0x8e, 0x00, 0x01, 0x02, 0x03], named: "random.bin")
        let result = try TutorProgram.run(["replay", path])
        #expect(result.status == 1)
        #expect(result.errors.contains("not a capture file: it starts with ef 48 32 8e"))
    }

    @Test("a folder is refused with one line")
    func folder() throws {
        let path = FileManager.default.temporaryDirectory.path
        let result = try TutorProgram.run(["replay", path, "--list"])
        #expect(result.status == 1)
        #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
        #expect(result.errors.contains(path))
    }

    @Test("--quiz without a full screen asks in plain lines and never prints the timeline")
    func plainQuiz() throws {
        let capture = Curriculum.root.appendingPathComponent("Tests/CaptureKitTests/Fixtures/a-closes-first.pcap")
        // A's SYN (sender, flags, ack: its ISN cannot be predicted), then B's SYN-ACK answered with the
        // numbers swapped, then q.
        let answers = "A\nS\n\nB\nS.\n4149297254\nq\n"
        let result = try TutorProgram.run(["replay", capture.path, "--quiz", "--plain"], input: answers)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Quiz: 10 questions"))
        #expect(result.output.contains("5 of 5 points"), "the blank ack after flags S is 'no ack'")
        #expect(result.output.contains("wrong: ack you: 4149297254; right: 1094568137"))
        #expect(!result.output.contains("stream 0 of 1"), "the printed timeline would give the answers away")
    }

    static func fixture(_ name: String) -> String {
        Curriculum.root.appendingPathComponent("Tests/CaptureKitTests/Fixtures/\(name)").path
    }

    @Test("a refused connection has no ISN for B: the RST's seq 0 is none")
    func refusedHasNoISNForB() throws {
        let text = try TutorProgram.run(["replay", Self.fixture("refused.pcap"), "--format", "text"])
        #expect(text.status == 0, "\(text.errors)")
        let header = text.output.split(separator: "\n").first { $0.hasPrefix("ISN ") }.map(String.init) ?? ""
        #expect(header.contains("B — (B sent no SYN)"), "\(header)")
        #expect(!header.contains("B 0"), "\(header)")
        let json = try TutorProgram.run(["replay", Self.fixture("refused.pcap"), "--format", "json"])
        #expect(json.output.contains("\"isn\":{\"A\":"), "\(json.output.prefix(400))")
        #expect(json.output.contains(",\"B\":null}"), "\(json.output.prefix(400))")
    }

    @Test("without a full screen, the choice of stream is still printed")
    func streamChoicePrinted() throws {
        for arguments in [["--format", "text"], ["--plain"]] {
            let result = try TutorProgram.run(["replay", Self.fixture("port-reuse.pcap")] + arguments)
            #expect(result.status == 0)
            #expect(result.errors.contains("holds 2 TCP connections; showing stream 0"), "\(arguments)")
        }
    }

    @Test("--explain prints the rule and its RFC section under each segment, the sender's state change beside it")
    func explainCitesTheRFC() throws {
        let result = try TutorProgram.run(["replay", Self.fixture("a-closes-first.pcap"), "--explain"])
        #expect(result.status == 0)
        #expect(
            result.output.contains("    why: an active OPEN sends SYN with the ISN and enters SYN_SENT, RFC 9293 §"))
        #expect(result.output.contains("(A: CLOSED → SYN_SENT)"))
    }
}

extension ReplayCommandLineTests {
    @Test("a copy the sender sent again while its ACK was late reads as a spurious retransmission, in both languages")
    func spuriousRetransmissionText() throws {
        let capture = Self.fixture("spurious-retransmission.pcap")
        let english = try TutorProgram.run(["replay", capture, "--plain", "--explain"])
        #expect(english.status == 0, "\(english.text)")
        let lines = english.output.split(separator: "\n").map(String.init)
        let data = lines.filter { $0.contains("A > B: P. ") }
        #expect(data.count == 2, "\(english.output)")
        #expect(data.first?.hasSuffix("[data]") == true, "the first copy arrived: \(data)")
        #expect(data.last?.hasSuffix("[data; retransmission]") == true, "\(data)")
        #expect(english.output.contains("note: spurious retransmission: seq "), "\(english.output)")
        #expect(!english.output.contains("[data; duplicate]") && !english.output.contains("[data; dropped]"))
        let chinese = try TutorProgram.run(["replay", capture, "--plain", "--explain", "--lang", "zh"])
        #expect(chinese.output.contains("[数据；重传]") || chinese.output.contains("[数据; 重传]"), "\(chinese.output)")
        #expect(chinese.output.contains("伪重传：序列号"), "\(chinese.output)")
    }
}
