import LessonKit
import Testing
import TimelineKit
import TutorSession

@testable import TutorUI

/// A question asked on its own (quiz, exam) shows what it needs: the call just before it (where a length comes
/// from), time passing (why a timer fired), and in plain lines every earlier call, wait and segment.
@Suite struct QuestionContextTests {
    @Test(arguments: Language.allCases)
    func everyQuizPointShowsWhatHappenedSinceTheLastSegment(language: Language) throws {
        let strings = Strings(language)
        var leads = 0
        var lengths = 0
        var stateQuestions = 0
        for timeline in try CurriculumScreenTests.timelines() {
            for item in QuizRunItem.items([timeline], everySegment: false) {
                let question = item.question
                let session = QuizSession(items: [item], language: language, animates: false)
                let player = try #require(session.player)
                let screen = QuizRenderer.render(session, size: Size(width: 80, height: 24)).text
                let context = PlainQuestionText.context(player, strings: strings)
                // A segment to come is question marks; a question on a wait asks about the state on the wire.
                let wire = WireView(player: player, numbering: timeline.numbering, strings: strings, arrowRow: 2)
                if let note = wire.stateQuestionNote {
                    #expect(screen.contains(note) && !screen.contains("? ? ?"), "\(screen)")
                    stateQuestions += 1
                } else {
                    #expect(screen.contains("? ? ?"))
                }
                let labels = QuestionLead.events(player).compactMap(strings.stepEvent)
                for label in labels.suffix(2) {
                    #expect(screen.contains(label), "\(timeline.lessonID) line \(question.line): \(label)\n\(screen)")
                }
                for label in labels {
                    #expect(context.contains { $0.contains(label) }, "\(timeline.lessonID) line \(question.line)")
                }
                leads += labels.isEmpty ? 0 : 1
                // A length asked is a length the screen has shown being written.
                if question.fields.contains(.len), question.expected.segment.payloadLength > 0 {
                    let written = strings.call(question.sender, .send(UInt32(question.expected.segment.payloadLength)))
                    #expect(
                        screen.contains(written), "\(timeline.lessonID) line \(question.line): \(written)\n\(screen)")
                    lengths += 1
                }
            }
        }
        #expect(leads >= 15)
        #expect(lengths >= 5)
        #expect(stateQuestions >= 2, "lessons 14 and 34 ask when A leaves TIME_WAIT")
    }

    @Test func thePlainContextTellsTheStoryInOrder() throws {
        let timeline = try #require(try CurriculumScreenTests.timelines().first { $0.lessonID == "data-transfer" })
        let item = try #require(QuizRunItem.items([timeline], everySegment: false).first)
        let session = QuizSession(items: [item], language: .en, animates: false)
        let context = PlainQuestionText.context(try #require(session.player), strings: Strings(.en))
        let story = context.map { $0.trimmingCharacters(in: .whitespaces) }
        let listen = try #require(story.firstIndex(of: "B: listen()"))
        let syn = try #require(story.firstIndex { $0.hasPrefix("A > B: S ") })
        // The hosts as they are now, then the call that makes the asked segment.
        let now = try #require(story.firstIndex { $0.hasPrefix("Now A: ESTABLISHED") })
        let send = try #require(story.firstIndex(of: "Then: A: send 100 bytes"))
        #expect(listen < syn && syn < now && now < send)
        #expect(story.last == "Then: A: send 100 bytes")
    }

    @Test func segmentsFromOutsideTheConnectionAreMarked() throws {
        let timeline = try #require(try CurriculumScreenTests.timelines().first { $0.lessonID == "isn-prediction" })
        // The last question: by then B's SYN+ACK (itself a question) is on the ladder too.
        let item = try #require(QuizRunItem.items([timeline], everySegment: false).last)
        let session = QuizSession(items: [item], language: .en, animates: false)
        let context = PlainQuestionText.context(try #require(session.player), strings: Strings(.en))
        let spoofed = try #require(context.first { $0.contains("A > B: S 2000000000") })
        #expect(spoofed.hasSuffix("(from outside the connection)"))
        #expect(!context.contains { $0.contains("B > A") && $0.contains("outside") }, "B's own segments are not")
        // On the ladder the spoofed SYN is dashed, B's answer a solid line.
        let screen = QuizRenderer.render(session, size: Size(width: 100, height: 30))
        let lines = (0..<screen.height).map(screen.line)
        let synRow = try #require(lines.first { $0.contains("S 2000000000:2000000000(0)") })
        #expect(synRow.contains("- - -") && !synRow.contains(LineGlyph.horizontal.text))
        let answerRow = try #require(lines.first { $0.contains("S. 922048001") })
        #expect(answerRow.contains(LineGlyph.horizontal.text) && !answerRow.contains("- - -"))
    }
}
