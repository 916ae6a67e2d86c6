import LessonKit
import TCPCore
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// The presenter on a question that asks when a timer that sends nothing changes a state (lesson 14: both hosts
/// in TIME_WAIT): asked, it shows neither the state reached nor the time; revealed, the engine's interval and rule.
@Suite struct PresenterStateQuestionTests {
    static func stages(_ language: Language) throws -> (asked: PresenterSession, revealed: PresenterSession) {
        let timeline = try #require(PresenterScreenTests.timelines.first { $0.lessonID == "simultaneous-close" })
        let sessions = PresenterScreenTests.stops(timeline, language: language)
        let asked = try #require(
            sessions.first {
                if case .asked(let point) = $0.quizStage { return point.measure != nil }
                return false
            })
        let revealed = try #require(
            sessions.first {
                if case .revealed(let point) = $0.quizStage { return point.measure != nil }
                return false
            })
        return (asked, revealed)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func askedThenRevealed(size: Size) throws {
        let (asked, revealed) = try Self.stages(.en)
        let question = PresenterRenderer.render(asked, size: size).text
        #expect(question.contains("How long after A enters TIME_WAIT does A leave TIME_WAIT?"), "\(question)")
        for answer in ["CLOSED", "4 min", "4 MIN", "240"] {
            #expect(!question.contains(answer), "\(answer) on screen: \(question)")
        }
        // Lines joined, so that a wrapped sentence reads as one.
        let answer = PresenterRenderer.render(revealed, size: size).text
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(answer.contains("Answer") && answer.contains("4 min"), "\(answer)")
        #expect(answer.contains("RFC 9293 §3.10.8"), "\(answer)")
    }

    @Test func askedInChinese() throws {
        let (asked, _) = try Self.stages(.zh)
        let question = PresenterRenderer.render(asked, size: Size(width: 120, height: 40)).text
            .split(whereSeparator: \.isWhitespace).joined()
        #expect(question.contains("从主机A进入TIME_WAIT到主机A离开TIME_WAIT的时间间隔？"), "\(question)")
        #expect(!question.contains("CLOSED"), "\(question)")
    }
}
