import CaptureKit
import Foundation
import TCPCore
import Testing

/// The real captures in `Fixtures/`, made by `Scripts/make-captures`.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Every TCP segment in a fixture.
    static func segments(_ name: String) throws -> [CapturedSegment] {
        try readAll(CaptureReader(path: path(name)))
    }

    static func readAll(_ reader: CaptureReader) throws -> [CapturedSegment] {
        var result: [CapturedSegment] = []
        while let segment = try reader.next() { result.append(segment) }
        return result
    }

    /// Connection `stream` of a fixture, replayed.
    static func replay(_ name: String, stream: Int = 0) throws -> CaptureReplay {
        let (replay, _) = try CaptureAnalysis.replay(CaptureReader(path: path(name)), stream: stream)
        guard let replay else { throw FixtureError.noStream(name, stream) }
        return replay
    }

    enum FixtureError: Error {
        case noStream(String, Int)
    }
}

/// What a segment looks like with the parts every format agrees on.
struct SegmentKey: Hashable, CustomStringConvertible {
    var source: SocketAddress
    var destination: SocketAddress
    var flags: TCPFlags
    var seq: UInt32
    var ack: UInt32?
    var length: UInt32

    init(_ captured: CapturedSegment) {
        source = captured.source
        destination = captured.destination
        flags = captured.segment.flags
        seq = captured.segment.seq.rawValue
        ack = captured.segment.ack?.rawValue
        length = captured.segment.payloadLength
    }

    var description: String { "\(source) > \(destination): \(flags) \(seq) \(ack.map(String.init) ?? "-") \(length)" }
}

extension CaptureReplay {
    /// Every state a host passed through, in order, even several within one step.
    func states(of host: HostID) -> [ConnectionState] {
        var result = [timeline.frames[0].host(host).state]
        for frame in timeline.frames.dropFirst() {
            for transition in frame.transitions[host] ?? [] where result.last != transition.to {
                result.append(transition.to)
            }
            #expect(result.last == frame.host(host).state, "frame \(frame.index): transitions and snapshot disagree")
        }
        return result
    }

    /// Steps carrying a label.
    func steps(labelled label: SegmentLabel) -> [CaptureStep] { steps.filter { $0.has(label) } }
}
