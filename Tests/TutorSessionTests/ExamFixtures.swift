import Foundation
import LessonKit
import TCPCore
import TCPTutorTestSupport
import TimelineKit
import TutorSession

/// Two lessons built by hand that can be run with any ISNs, standing in for the lesson runner.
struct FixtureLessons: ExamLessonSource {
    /// "handshake": a quiz on every segment of the seed lesson; "close": quizzes on its last four segments only.
    func timeline(lessonID: String, draw: FreshDraw) throws -> Timeline {
        let a = UInt32(truncatingIfNeeded: draw.a)
        let b = UInt32(truncatingIfNeeded: draw.b)
        switch lessonID {
        case "handshake":
            return Fixtures.seed(isnA: a, isnB: b, lessonID: lessonID).timeline
        case "close":
            let (timeline, frames) = Fixtures.seed(isnA: a, isnB: b, lessonID: lessonID, quiz: [.flags, .seq, .ack])
            var closing = timeline
            for index in closing.frames.indices where index < frames.finA { closing.frames[index].quiz = nil }
            return closing
        default:
            throw FixtureError(text: "no lesson '\(lessonID)'")
        }
    }

    func quizLines(lessonID: String) throws -> [Int] {
        try timeline(lessonID: lessonID, draw: FreshDraw(a: 3_626_544_836, b: 1_739_326_486)).frames.compactMap {
            $0.quiz?.line
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        var text: String
        var description: String { text }
    }
}

enum ExamFixtures {
    static let key = try! ExamKey(bytes: Array("correct horse battery staple, 2026".utf8))
    static let otherKey = try! ExamKey(bytes: Array("another instructor's secret key!".utf8))
    static let parameters = ExamLogFixtures.parameters

    /// A fresh empty directory under the temporary folder.
    static func directory() -> URL {
        try! TemporaryFolder.make("tcptutor-exam")
    }

    /// The engine's answer to a question, typed as a careful student would.
    static func rightAnswer(_ question: QuizQuestion) -> [QuizField: String] {
        RightAnswer.typed(question)
    }

    /// A clock the test moves by hand (milliseconds since 1970).
    final class ManualClock: @unchecked Sendable {
        private let lock = NSLock()
        private var now: Int64

        init(_ start: Int64 = 1_790_000_000_000) { now = start }

        func advance(minutes: Double) { lock.withLock { now += Int64(minutes * 60_000) } }
        var read: @Sendable () -> Int64 { { [self] in lock.withLock { now } } }
    }
}
