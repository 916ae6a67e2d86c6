import Testing

@testable import ClassLink

@Suite("Class link frames: round trips, truncation, garbage")
struct FrameCodingTests {
    @Test("every message decodes to itself, whole and fed one byte at a time")
    func everyMessageRoundTrips() throws {
        var kinds: Set<UInt8> = []
        for message in ClassMessageSamples.all {
            let frame = message.frame()
            kinds.insert(frame[3])
            #expect(try FrameDecoder.decode(frame: frame) == message)
            var decoder = FrameDecoder()
            var decoded: [ClassMessage] = []
            for byte in frame {
                decoder.append([byte])
                if let message = try decoder.next() { decoded.append(message) }
            }
            #expect(decoded == [message])
        }
        // Every message type is among the samples.
        let allTypes: [MessageType] = [
            .hello, .examStarted, .examResumed, .saved, .committed, .refused, .followStep, .classroom,
            .studentAnswer, .classEnding, .saveProgress, .beginExam, .examAnswer, .finishExam, .classAnswer,
            .presenterStep, .bye,
        ]
        #expect(kinds == Set(allTypes.map(\.rawValue)))
    }

    @Test("messages sent back to back come out in order from one buffer")
    func backToBack() throws {
        var decoder = FrameDecoder()
        decoder.append(ClassMessageSamples.all.flatMap { $0.frame() })
        var decoded: [ClassMessage] = []
        while let message = try decoder.next() { decoded.append(message) }
        #expect(decoded == ClassMessageSamples.all)
        #expect(decoder.bufferedCount == 0)
    }

    @Test("a frame cut anywhere waits for the rest; a frame cut for good is named as cut")
    func truncatedFrames() throws {
        for message in ClassMessageSamples.all.prefix(12) {
            let frame = message.frame()
            for length in 0..<frame.count {
                var decoder = FrameDecoder()
                decoder.append(frame.prefix(length))
                #expect(!decoder.holdsWholeFrame, "\(message) cut at \(length)")
                #expect(try decoder.next() == nil, "\(message) cut at \(length)")
                #expect(throws: FrameError.self) { try FrameDecoder.decode(frame: Array(frame.prefix(length))) }
            }
        }
    }

    @Test("a frame whose payload is shorter than its fields is refused, naming the field")
    func payloadShorterThanFields() throws {
        let frame = ClassMessage.examAnswer(request: 9, ClassMessageSamples.answer).frame()
        // Keep the header honest about a shorter payload: cut inside the point's text.
        let payload = Array(frame[8..<(8 + 4 + 4 + 4 + 5)])
        let cut = Array(frame[0..<4]) + bigEndian(UInt32(payload.count)) + payload
        let error = try #require(throws: FrameError.self) { try FrameDecoder.decode(frame: cut) }
        #expect(error.message.contains("'exam answer'"))
        #expect(error.message.contains("point"))
    }

    @Test("garbage is refused with a message that says what is wrong")
    func garbageRefused() throws {
        let good = ClassMessage.saved(request: 2).frame()
        let cases: [([UInt8], String)] = [
            (Array("SSH-2.0-OpenSSH_9.2\r\n".utf8), "not a class link frame"),
            ([0x43, 0x4C, 9] + good.dropFirst(3), "version 9; this program speaks version 1"),
            (Array(good[0..<3]) + [0x55] + good.dropFirst(4), "unknown message type 85"),
            (Array(good[0..<4]) + [0x7F, 0xFF, 0xFF, 0xFF], "larger than the 1048576"),
            (Array(good[0..<4]) + bigEndian(6) + [0, 0, 0, 2, 0, 0], "2 bytes after its last field"),
            (frameOf(type: 0x13, [0, 0, 0, 1, 2]), "has 2 for its time-up flag, not 0 or 1"),
            (frameOf(type: 0x08, bigEndian(2) + [0xC3, 0x28]), "reason is not UTF-8"),
            (frameOf(type: 0x01, bigEndian(1) + [0x61, 9] + bigEndian(0) + bigEndian(0)), "unknown mode 9"),
            (frameOf(type: 0x08, bigEndian(1000) + [0x61]), "says its reason has 1000 bytes; 1 are left"),
            (
                frameOf(
                    type: 0x12,
                    bigEndian(1) + bigEndian(1) + bigEndian(1) + [0x70] + bigEndian(0x4000_0000)
                        + Array(repeating: 0, count: 16)),
                "says it has 1073741824 fields"
            ),
            (
                frameOf(
                    type: 0x12,
                    bigEndian(1) + bigEndian(1) + bigEndian(1) + [0x70] + bigEndian(2) + field("seq", "1")
                        + field("seq", "2") + [0]),
                "names the field 'seq' twice"
            ),
            (frameOf(type: 0x12, bigEndian(1) + bigEndian(0)), "question 0"),
            (frameOf(type: 0x07, bigEndian(1) + [0x61] + bigEndian(3) + [2]), "has 2 for its revealed flag"),
            (
                frameOf(type: 0x15, bigEndian(1) + [0x61] + bigEndian(3)),
                "'presenter step' frame ends inside its revealed"
            ),
            (frameOf(type: 0x09, [0, 0, 1]), "'classroom' frame ends inside its number of students"),
            (
                frameOf(type: 0x14, bigEndian(3) + bigEndian(2) + field("ack", "1") + field("ack", "-")),
                "'class answer' frame names the field 'ack' twice"
            ),
            (
                frameOf(type: 0x0A, bigEndian(2) + [0xC3, 0x28] + bigEndian(0) + bigEndian(0)),
                "'student answer' frame's student id is not UTF-8"
            ),
        ]
        for (bytes, expected) in cases {
            let error = try #require(throws: FrameError.self) { try FrameDecoder.decode(frame: bytes) }
            #expect(error.message.contains(expected), "\(error.message) should say \(expected)")
            #expect(error.description.hasPrefix("class link: "))
        }
    }

    @Test("after a bad frame the decoder keeps refusing: what follows garbage cannot be trusted")
    func refusesAfterGarbage() throws {
        var decoder = FrameDecoder()
        decoder.append([0x00, 0x01] + ClassMessage.saved(request: 1).frame())
        #expect(throws: FrameError.self) { try decoder.next() }
        #expect(throws: FrameError.self) { try decoder.next() }
    }

    @Test("random bytes and mutated frames never crash the decoder; what it accepts encodes back the same")
    func fuzz() throws {
        var random = SystemRandomNumberGenerator()
        var accepted = 0
        var refused = 0
        let frames = ClassMessageSamples.all.map { $0.frame() }.filter { $0.count < 4096 }
        for round in 0..<30_000 {
            var bytes: [UInt8]
            switch round % 3 {
            case 0:
                bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
            case 1:
                // A valid header over random payload bytes reaches the payload decoding of every type.
                let payload = (0..<Int.random(in: 0...48, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
                let type = [0x01, 0x02, 0x03, 0x06, 0x07, 0x09, 0x0A, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x7F]
                    .randomElement(using: &random)!
                bytes = frameOf(type: UInt8(type), payload)
            default:
                bytes = frames.randomElement(using: &random)!
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let index = Int.random(in: 0..<bytes.count, using: &random)
                    bytes[index] = UInt8.random(in: 0...255, using: &random)
                }
            }
            do {
                let message = try FrameDecoder.decode(frame: bytes)
                #expect(try FrameDecoder.decode(frame: message.frame()) == message)
                accepted += 1
            } catch {
                #expect(!error.message.isEmpty)
                refused += 1
            }
        }
        #expect(accepted > 0 && refused > 0)
    }

    private func bigEndian(_ value: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
    }

    private func field(_ name: String, _ text: String) -> [UInt8] {
        bigEndian(UInt32(name.utf8.count)) + Array(name.utf8) + bigEndian(UInt32(text.utf8.count)) + Array(text.utf8)
    }

    private func frameOf(type: UInt8, _ payload: [UInt8]) -> [UInt8] {
        [0x43, 0x4C, 1, type] + bigEndian(UInt32(payload.count)) + payload
    }
}
