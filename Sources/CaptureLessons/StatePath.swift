import CaptureKit
import TCPCore
import TimelineKit

/// The states each host passes through, in order: what a lesson written from a capture must share with the
/// replay. The lesson may begin earlier (from CLOSED, through a listen or a handshake the capture missed), so
/// the replay's path must be the end of the lesson's.
enum StatePath {
    static func of(_ timeline: Timeline, host: HostID) -> [ConnectionState] {
        var path = [timeline.frames[0].host(host).state]
        for frame in timeline.frames.dropFirst() {
            for transition in frame.transitions[host] ?? [] where path.last != transition.to {
                path.append(transition.to)
            }
            if path.last != frame.host(host).state { path.append(frame.host(host).state) }
        }
        return path
    }

    static func compare(lesson: Timeline, replay: CaptureReplay) throws(CaptureLessonError) {
        for host in HostID.allCases {
            let lessonPath = of(lesson, host: host)
            let replayPath = of(replay.timeline, host: host)
            guard lessonPath.count >= replayPath.count, Array(lessonPath.suffix(replayPath.count)) == replayPath
            else {
                let words = { (path: [ConnectionState]) in path.map(\.description).joined(separator: " → ") }
                throw CaptureLessonError(
                    "the lesson's \(host) goes \(words(lessonPath)), the capture's \(words(replayPath))")
            }
        }
    }
}
