import LessonKit
import TCPCore
import Testing
import TimelineKit
import TutorSession

@testable import TutorUI

/// The plain quiz's prompts read as Chinese in Chinese: full-width brackets and colon around what a field accepts.
@Suite("Plain quiz prompts in Chinese")
struct PlainPromptPunctuationTests {
    @Test func promptsUseFullWidthMarks() throws {
        let timeline = BuiltInLessons.handshake
        let frame = try #require(timeline.frames.firstIndex { $0.wire != nil })
        let panel = QuizPanel(question: try #require(QuizQuestion(timeline: timeline, frameIndex: frame, fields: [])))
        for field in [QuizField.flags, .seq, .ack] {
            let zh = PlainQuestionText.prompt(field, panel: panel, strings: Strings(.zh))
            #expect(zh.hasPrefix(Strings(.zh).fieldName(field) + "（") && zh.hasSuffix("）："), "\(zh)")
            let en = PlainQuestionText.prompt(field, panel: panel, strings: Strings(.en))
            #expect(en.hasPrefix(Strings(.en).fieldName(field) + " (") && en.hasSuffix("): "), "\(en)")
        }
    }
}
