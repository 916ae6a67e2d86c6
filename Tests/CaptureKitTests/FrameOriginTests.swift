import CaptureKit
import Testing
import TimelineKit

/// A capture's frame names the packet it shows, never a lesson line: the same number in a lesson is a line.
@Suite("A capture's frames come from packets")
struct FrameOriginTests {
    @Test(
        "each segment's frame has its packet's number in the file, the start frame none",
        arguments: ["a-closes-first.pcap", "port-reuse.pcap", "seed-handshake.txt"])
    func packetOrigins(_ name: String) throws {
        let replay = try Fixtures.replay(name, stream: name == "port-reuse.pcap" ? 1 : 0)
        #expect(replay.timeline.frames[0].origin == .capturePacket(0))
        #expect(!replay.steps.isEmpty)
        for index in replay.steps.indices {
            let origin = replay.frame(forStep: index).origin
            #expect(origin == .capturePacket(replay.steps[index].packet), "step \(index + 1) of \(name)")
            #expect(origin.lessonLine == nil)
        }
    }
}
