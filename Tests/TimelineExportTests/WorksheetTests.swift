import Foundation
import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineExport
import TutorSession

/// `--hide-answers`: a worksheet leaves every asked field blank; without it, the handout is the answer key.
@Suite struct WorksheetTests {
    static let lessonFile = "02-three-way-handshake.lesson"

    func questions(_ export: ExportedTimeline) -> [QuizQuestion] { QuizQuestion.quizPoints(in: export.timeline) }

    /// The rows of the question tables: `| field | answer |`.
    func answerRows(_ markdown: String) -> [[String]] {
        // The questions are the handout's last section.
        guard let start = markdown.range(of: "\n## Questions\n")?.upperBound else { return [] }
        let questions = markdown[start...]
        return questions.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Field") }.map {
            $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
    }

    @Test func theAnswerKeyHoldsTheEnginesAnswers() throws {
        let export = try ExportFixtures.lesson(Self.lessonFile)
        let asked = questions(export)
        #expect(!asked.isEmpty)
        let rows = answerRows(MarkdownHandout(export).document())
        #expect(rows.count == asked.map(\.fields.count).reduce(0, +))
        var expected: [String] = []
        for question in asked {
            for field in question.fields {
                switch field {
                case .seq: expected.append("\(question.expectedTypedSeq)")
                case .ack:
                    if case .number(let ack) = question.expectedTypedAck { expected.append("\(ack)") }
                case .flags: expected.append(question.segment.flags.tcpdump)
                default: break
                }
            }
        }
        let answers = rows.map { $0[1] }
        for value in expected {
            #expect(answers.contains { $0 == value || $0.hasPrefix(value + " (") }, "answer \(value) missing")
        }
    }

    @Test func aWorksheetLeavesTheAnswersAndTheAskedFieldsBlank() throws {
        var export = try ExportFixtures.lesson(Self.lessonFile)
        export.hidesAnswers = true
        let markdown = MarkdownHandout(export).document()
        let rows = answerRows(markdown)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.count == 2 && $0[1].isEmpty })
        // No asked segment is shown anywhere: not in the table, the diagram or the narration.
        let svg = SVGLadder(export).document()
        for question in questions(export) where question.fields.contains(.seq) {
            let label = question.segment.notation(base: export.timeline.numberBase(from: question.sender))
            #expect(!markdown.contains(label))
            #expect(!svg.contains(label))
            #expect(!MermaidSequence(export).document().contains(label))
        }
    }
}
