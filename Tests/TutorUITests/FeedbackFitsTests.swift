import LessonKit
import Testing
import TimelineKit
import TutorSession

@testable import TutorUI

/// Every quiz point of every real lesson, answered wrong, with each field's explanation selected in turn:
/// the feedback is never cut off at the smallest window.
@Suite struct FeedbackFitsTests {
    /// Wrong but readable answers, two sets so that different mistakes (and their notes) are seen.
    static let answerSets: [[QuizField: String]] = [
        [.sender: "A", .flags: "R", .seq: "0", .ack: "0", .len: "0", .state: "CLOSED", .time: "500ms"],
        [.sender: "B", .flags: "F.", .seq: "1", .ack: "1", .len: "5", .state: "TIME_WAIT", .time: "4s"],
    ]

    @Test(arguments: Language.allCases, [Size(width: 80, height: 24), Size(width: 100, height: 30)])
    func everyExplanationFits(language: Language, size: Size) throws {
        var checked = 0
        for timeline in try CurriculumScreenTests.timelines() {
            for answers in Self.answerSets {
                var session = TutorSession(
                    lessons: [LessonEntry(fileName: timeline.lessonID, content: .success(timeline))],
                    language: language, animates: false)
                _ = session.update(.key(.enter))
                for _ in 0..<(timeline.frames.count * 4) {
                    let player = try #require(session.player)
                    if player.isAtEnd { break }
                    if let panel = session.panel, session.panelHasFocus {
                        for field in panel.fields {
                            for character in answers[field] ?? "1" { _ = session.update(.key(.character(character))) }
                            _ = session.update(.key(.enter))
                        }
                        let focus = try #require(session.visibleFeedback, "\(timeline.lessonID): no feedback")
                        for index in focus.feedback.fields.indices {
                            let canvas = ScreenRenderer.render(session, size: size)
                            #expect(
                                !(0..<canvas.height).contains { canvas.line($0).hasSuffix("...") },
                                "\(timeline.lessonID) field \(index) (\(language)) is cut off:\n\(canvas.text)")
                            checked += 1
                            _ = session.update(.key(.down))
                        }
                        _ = session.update(.key(.escape))
                        continue
                    }
                    _ = session.update(.key(.right))
                }
            }
        }
        #expect(checked > 100)
    }
}
