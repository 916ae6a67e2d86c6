import LessonKit
import TCPTutorTestSupport
import Testing
import TimelineKit
import TutorSession

@testable import TutorUI

/// Every step of every real lesson, drawn at the smallest window: nothing is cut off.
@Suite struct CurriculumScreenTests {
    static func timelines() throws -> [Timeline] {
        Curriculum.timelines
    }

    @Test(arguments: Language.allCases, [false, true])
    func everyStepFitsAt80x24(language: Language, showsTCB: Bool) throws {
        let timelines = try Self.timelines()
        #expect(timelines.count >= 10)
        for timeline in timelines {
            var session = TutorSession(
                lessons: [LessonEntry(fileName: timeline.lessonID, content: .success(timeline))], language: language,
                animates: false)
            _ = session.update(.key(.enter))
            if showsTCB { _ = session.update(.key(.character("t"))) }
            // PageDown steps everywhere, past a quiz point's answer panel too; the bound keeps a stuck step from
            // looping forever.
            var reachedEnd = false
            for _ in 0..<(timeline.frames.count * 4) {
                let canvas = ScreenRenderer.render(session, size: Size(width: 80, height: 24))
                let text = canvas.text
                let player = try #require(session.player)
                #expect(
                    !(0..<canvas.height).contains { canvas.line($0).hasSuffix("...") },
                    "\(timeline.lessonID) step \(player.stepNumber) (\(language), TCB \(showsTCB)) is cut off:\n\(text)"
                )
                if player.isAtEnd {
                    reachedEnd = true
                    break
                }
                _ = session.update(.key(.pageDown))
            }
            #expect(reachedEnd, "\(timeline.lessonID): PageDown did not reach the end")
        }
    }
}
