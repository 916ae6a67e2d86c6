import LessonKit
import Testing
import TimelineKit
import TutorSession

@testable import TutorUI

/// Every quiz point of every real lesson with its answer panel at its tallest (a number field focused, so the
/// numbering and ISN line shows, and both hints taken): nothing of it is cut off at the smallest window.
@Suite struct PanelFitsTests {
    @Test(arguments: Language.allCases)
    func theTallestPanelFitsAt80x24(language: Language) throws {
        let size = Size(width: 80, height: 24)
        var checked = 0
        for timeline in try CurriculumScreenTests.timelines() {
            for item in QuizRunItem.items([timeline], everySegment: false) {
                var session = QuizSession(items: [item], language: language, animates: false)
                let panel = try #require(session.panel)
                guard let numberField = panel.fields.firstIndex(where: { $0 == .seq || $0 == .ack }) else { continue }
                for _ in 0..<numberField { _ = session.update(.key(.character("\t"))) }
                for key in [Key.escape, .character("h"), .character("h"), .character("\t")] {
                    _ = session.update(.key(key))
                }
                let shown = try #require(session.panel)
                #expect(shown.hintLines.count >= 2)
                let screen = QuizRenderer.render(session, size: size).text
                let width = size.width - 6
                let strings = Strings(language)
                var expected = shown.hintLines.flatMap { TextWrap.lines($0.text(language), width: width) }
                if let prompt = shown.numberingPrompt(shown.focusedField) {
                    expected += TextWrap.lines(
                        strings.fieldName(shown.focusedField) + strings.say(": ", "：") + prompt.text(language),
                        width: width)
                }
                for line in expected {
                    #expect(
                        screen.contains(line), "\(timeline.lessonID) line \(item.question.line): '\(line)'\n\(screen)")
                }
                checked += 1
            }
        }
        #expect(checked >= 50)
    }
}
