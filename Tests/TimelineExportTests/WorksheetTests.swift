import Foundation
import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineExport
import TimelineKit
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

    @Test func aWorksheetAskingWhoSendsDrawsNoArrowForIt() throws {
        var export = try ExportFixtures.lesson("06-server-closes-first.lesson")
        export.hidesAnswers = true
        let asked = questions(export).filter { $0.fields.contains(.sender) }
        #expect(!asked.isEmpty)
        let svg = SVGLadder(export).document()
        let mermaid = MermaidSequence(export).lines()
        let markdown = MarkdownHandout(export).document()
        for question in asked {
            let step = "| \(question.frameIndex) |"
            let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix(step) })
            // Neither end, nor any field it asks, is in its row of the table.
            #expect(row.hasPrefix(step + "  |  |"), "\(row)")
            #expect(!row.contains(String(describing: question.receiverStateAfter)))
        }
        #expect(mermaid.filter { $0 == "    Note over A,B: ?" }.count == asked.count)
        #expect(
            svg.components(separatedBy: "class=\"state halo\" text-anchor=\"middle\">?</text>").count - 1 == asked.count
        )
    }

    @Test func uptoCutsTheHandoutToo() throws {
        var export = try ExportFixtures.lesson("04-four-way-teardown.lesson")
        let cut = try #require(export.timeline.frames.filter { $0.quiz != nil }.dropFirst().first?.index)
        export.lastFrame = cut
        let markdown = MarkdownHandout(export).document()
        let steps = markdown.split(separator: "\n").filter { $0.first == "|" }.compactMap {
            Int($0.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) ?? "")
        }
        #expect(!steps.isEmpty && steps.allSatisfy { $0 <= cut })
        #expect(
            markdown.components(separatedBy: "### ").count - 1
                == questions(export).filter { $0.frameIndex <= cut }.count)
    }

    @Test func aWorksheetSaysNoAskedNumberThatTheHeaderDoesNotGive() throws {
        for file in ["02-three-way-handshake.lesson", "04-four-way-teardown.lesson", "14-simultaneous-close.lesson"] {
            var export = try ExportFixtures.lesson(file)
            export.hidesAnswers = true
            let markdown = MarkdownHandout(export).document()
            // The ISNs are given (as in `run`'s header); every other asked seq and ack is the learner's to work out.
            let given = Set(export.timeline.isn.values.map { "\($0.offset(from: SequenceNumber(0)))" })
            for question in questions(export) {
                var answers: [String] = []
                if question.fields.contains(.seq) { answers.append("\(question.expectedTypedSeq)") }
                if question.fields.contains(.ack), case .number(let ack) = question.expectedTypedAck {
                    answers.append("\(ack)")
                }
                for answer in answers where !given.contains(answer) && answer.count > 2 {
                    #expect(!markdown.contains(answer), "\(file): step \(question.frameIndex) gives \(answer) away")
                }
            }
        }
    }
}
