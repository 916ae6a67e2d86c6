import Foundation
import LessonKit
import Testing
import TimelineKit
import TutorSession
import TutorUI

/// A progress save that failed shows under the quiz's header, in the student's language, over nothing else.
@Suite("Quiz screen: the notice of a failed save")
struct QuizNoticeTests {
    static func session(_ language: Language) -> QuizSession {
        let items = QuizRunItem.items([BuiltInLessons.handshake], everySegment: true)
        return QuizSession(items: items, language: language, animates: false)
    }

    @Test(
        "the reason stands on the row under the header; the rest of the screen is as without it",
        arguments: Language.allCases)
    func noticeUnderHeader(language: Language) throws {
        let plain = Self.session(language)
        var failed = plain
        _ = failed.update(.failed(.saveProgress(plain.progress), reason: "cannot create /x: Not a directory"))
        let size = Size(width: 80, height: 24)
        let before = QuizRenderer.render(plain, size: size)
        let after = QuizRenderer.render(failed, size: size)
        let expected = LocalizedText.progressNotSaved("cannot create /x: Not a directory").text(language)
        #expect(after.line(1).trimmingCharacters(in: .whitespaces) == expected)
        #expect(before.line(1).trimmingCharacters(in: .whitespaces).isEmpty)
        for row in 0..<size.height where row != 1 { #expect(after.line(row) == before.line(row), "row \(row)") }
    }
}
