import CaptureKit
import CaptureLessons
import Foundation
import LessonKit
import TCPCore
import Testing

/// Random conversations, plausible and not, written as tcpdump's text: each becomes a lesson that checks and
/// follows its replay, or a `CaptureLessonError` that says why; never a crash, a hang or a lesson that differs.
@Suite struct CaptureLessonFuzzTests {
    /// SplitMix64: the same seed gives the same conversations, so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9e37_79b9_7f4a_7c15
            var value = state
            value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
            value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
            return Int((value ^ (value >> 31)) % UInt64(bound))
        }
    }

    /// A conversation that starts with a handshake and goes on with random segments: mostly what each side's
    /// numbers call for, sometimes off by some bytes, with random flags and pauses.
    static func conversation(seed: UInt64) -> [String] {
        var random = Random(state: seed)
        let ends = ["10.0.0.1.40000", "10.0.0.2.80"]
        var next = [UInt32(random.next(1 << 31)), UInt32(random.next(1 << 31))]
        var lines: [String] = []
        var time = 0
        func line(_ from: Int, _ flags: String, _ length: UInt32, ack: Bool = true) {
            time += 1 + random.next(3) * random.next(400_000)
            let stamp = String(format: "12:%02d:%02d.%06d", time / 60_000_000, time / 1_000_000 % 60, time % 1_000_000)
            var text = "\(stamp) IP \(ends[from]) > \(ends[1 - from]): Flags [\(flags)]"
            let seq = next[from]
            if length > 0 {
                text += ", seq \(seq):\(seq &+ length)"
            } else if flags != "." {
                text += ", seq \(seq)"
            }
            if ack { text += ", ack \(next[1 - from])" }
            lines.append(text + ", win 65535, length \(length)")
            next[from] = seq &+ length &+ (flags.contains("S") || flags.contains("F") ? 1 : 0)
        }
        line(0, "S", 0, ack: false)
        if random.next(5) > 0 {
            line(1, "S.", 0)
            line(0, ".", 0)
        }
        for _ in 0..<random.next(12) {
            let from = random.next(2)
            switch random.next(9) {
            case 0...3: line(from, "P.", UInt32(1 + random.next(1400)))
            case 4, 5: line(from, ".", 0)
            case 6: line(from, "F.", 0)
            case 7: random.next(2) == 0 ? line(from, "R", 0, ack: false) : line(from, "R.", 0)
            default: next[from] &+= UInt32(random.next(300))  // bytes the capture missed
            }
        }
        return lines
    }

    @Test(arguments: 0..<300)
    func aConversationBecomesALessonOrARefusal(_ seed: Int) throws {
        let lines = Self.conversation(seed: UInt64(seed))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: path) }
        try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
        let (replay, listing) = try CaptureAnalysis.replay(CaptureReader(path: path.path), stream: 0)
        guard let replay else { return }
        do {
            let made = try CaptureLesson.make(from: replay, file: path.path, streams: listing.connections.count)
            let lesson = try LessonParser.parse(made.text, file: "fuzz.lesson")
            let (_, diagnostics) = LessonLibrary.prove(lesson)
            #expect(!diagnostics.contains { !$0.isWarning }, "\(diagnostics)\n\(lines.joined(separator: "\n"))")
        } catch let error as CaptureLessonError {
            #expect(!error.message.isEmpty)
        }
    }
}
