import CaptureKit
import CaptureLessons
import Foundation
import LessonKit
import TCPCore
import Testing
import TimelineKit

/// Every capture fixture, every connection in it, becomes a lesson that `check` passes without a problem or a
/// warning, whose run goes through the states the replay shows, and which puts every captured segment on its wire.
@Suite struct CaptureLessonFixtureTests {
    /// One connection of one fixture.
    struct Stream: CustomStringConvertible, Sendable {
        var file: String
        var stream: Int
        var description: String { "\(file) stream \(stream)" }
    }

    static let everyStream: [Stream] = CaptureFixtures.names.flatMap { name in
        let count = (try? CaptureAnalysis.list(CaptureReader(path: CaptureFixtures.path(name))).connections.count) ?? 0
        return (0..<max(count, 1)).map { Stream(file: name, stream: $0) }
    }

    @Test func everyFixtureIsTried() {
        // The fixtures folder is found and holds the captures the issue names, every format among them.
        #expect(Self.everyStream.count >= 30)
        for suffix in [".pcap", ".pcapng", ".txt"] {
            #expect(Self.everyStream.contains { $0.file.hasSuffix(suffix) })
        }
    }

    @Test(arguments: everyStream)
    func lessonPassesCheckAndReachesTheReplaysStates(_ stream: Stream) throws {
        try Self.check(stream)
    }

    static func check(_ stream: Stream) throws {
        let (replay, made) = try CaptureFixtures.lesson(stream.file, stream: stream.stream)
        // `check` as the command runs it, on the lesson as saved.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "capture-lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("\(stream.file)-\(stream.stream).lesson").path
        try made.text.write(toFile: file, atomically: true, encoding: .utf8)
        let (lessons, diagnostics) = LessonLibrary.check([file])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))\n\(made.text)")
        let lesson = try #require(lessons.first)
        let run = LessonRunner.run(lesson)
        // The states the replay shows, in order, end the lesson's (which may begin earlier: a listen before the
        // capture, a handshake it missed).
        for host in HostID.allCases {
            let lessonPath = StatesSeen.path(run.timeline, host)
            let replayPath = StatesSeen.path(replay.timeline, host)
            #expect(Array(lessonPath.suffix(replayPath.count)) == replayPath, "\(host): \(lessonPath) / \(replayPath)")
            #expect(run.timeline.frames.last?.host(host).state == replay.finalStates(host))
        }
        // Every captured segment that arrived or was lost is on the lesson's wire, from its sender.
        var wire = run.timeline.frames.compactMap(\.wire)
        for step in replay.steps where step.fate != .inFlight {
            let found = wire.firstIndex { $0.from == step.from && CapturedAgreement.agrees($0.segment, step.segment) }
            #expect(found != nil, "packet \(step.packet) \(step.segment) is not on the lesson's wire")
            if let found { wire.remove(at: found) }
        }
        // The only segments it adds are the handshake the capture missed.
        let start = replay.timeline.frames[0]
        let missed = start.host(.a).state == .established ? 3 : start.host(.a).state == .synSent ? 1 : 0
        #expect(wire.count == missed, "\(wire.map { "\($0.from) \($0.segment)" })")
    }
}

/// Where the fixtures are and the lessons made from them.
enum CaptureFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("CaptureKitTests/Fixtures")

    static var names: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // Not captures: the notes, the script that makes the tunnel fixtures, and tshark's readings of them.
        return names.filter { !$0.hasSuffix(".md") && !$0.hasSuffix(".sh") && !$0.hasSuffix(".tshark.txt") }.sorted()
    }

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func replay(_ name: String, stream: Int = 0) throws -> (CaptureReplay, Int) {
        let (replay, listing) = try CaptureAnalysis.replay(CaptureReader(path: path(name)), stream: stream)
        return (try #require(replay), listing.connections.count)
    }

    static func lesson(_ name: String, stream: Int = 0) throws -> (CaptureReplay, CaptureLesson) {
        let (replay, streams) = try replay(name, stream: stream)
        return (replay, try CaptureLesson.make(from: replay, file: path(name), streams: streams))
    }
}

/// The states a host passes through, in order, even several within one frame.
enum StatesSeen {
    static func path(_ timeline: Timeline, _ host: HostID) -> [ConnectionState] {
        var path = [timeline.frames[0].host(host).state]
        for frame in timeline.frames.dropFirst() {
            for transition in frame.transitions[host] ?? [] where path.last != transition.to {
                path.append(transition.to)
            }
        }
        return path
    }
}

/// A lesson's segment is the captured one: same flags but PSH (a pattern does not compare it, nor do stacks agree
/// on it), same seq, ack and length; the engine's RST carries no ACK where a stack's may.
enum CapturedAgreement {
    static func agrees(_ engine: Segment, _ captured: Segment) -> Bool {
        let ignored: TCPFlags = captured.has(.rst) ? [.psh, .ack] : [.psh]
        return engine.flags.subtracting(ignored) == captured.flags.subtracting(ignored) && engine.seq == captured.seq
            && (captured.has(.rst) || engine.ack == captured.ack) && engine.payloadLength == captured.payloadLength
    }
}

extension CaptureReplay {
    func finalStates(_ host: HostID) -> ConnectionState { host == .a ? finalStates.a : finalStates.b }
}
