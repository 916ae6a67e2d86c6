import LessonKit
import TCPCore
import TCPTutorTestSupport
import Testing
import TimelineKit

@testable import TutorSession

/// A question whose answer is an ISN a clock gives (lesson 3: "booted 38 minutes ago, what is the ISN?") names
/// the clock, never the ISN, and its feedback shows the clock's arithmetic, computed (TEACHING.md rule 12).
@Suite("Questions on a clock's ISN carry the clock, not the number")
struct ClockQuestionTests {
    static let draws: [FreshDraw?] = [nil] + (UInt64(1)...20).map(FreshDraw.seeded)

    static func timeline(_ id: String, _ draw: FreshDraw?) throws -> Timeline {
        let lesson = try #require(Curriculum.folder.lessons[id])
        let run = draw.map { LessonRunner.run(lesson, fresh: $0) } ?? LessonRunner.run(lesson)
        #expect(run.diagnostics.isEmpty, "\(id): \(run.diagnostics)")
        return run.timeline
    }

    @Test("lesson 3: the seq prompt names A's clock and not its ISN; feedback and hint show 1 + ticks × 64000")
    func isnClockQuestion() throws {
        for draw in Self.draws {
            let timeline = try Self.timeline("initial-sequence-numbers", draw)
            let clock = try #require(timeline.clocks[.a])
            let question = try #require(QuizQuestion.quizPoints(in: timeline).first { $0.fields.contains(.seq) })
            #expect(question.segment.has(.syn) && question.sender == .a)
            let panel = QuizPanel(question: question)
            let prompt = try #require(panel.numberingPrompt(.seq))
            for language in Language.allCases {
                #expect(!prompt.text(language).contains(String(clock.value)), "\(prompt.text(language))")
            }
            #expect(prompt.en.contains("A: 4.4BSD clock") && prompt.en.contains("booted \(clock.minutes) minutes ago"))
            #expect(prompt.zh.contains("已开机\(clock.minutes)分钟"))
            let feedback = QuizGrader.grade(question, QuizAnswer(seq: 1))
            let why = try #require(feedback.fields.first?.why)
            let sum = "1 + \(clock.minutes * 120) × 64000 = \(clock.value)"
            #expect(why.en.contains(sum) && why.zh.contains(sum), "\(why.en)")
            let hint = QuizHint.lines(.arithmetic, for: question).map(\.en).joined(separator: "\n")
            #expect(hint.contains("1 + \(clock.minutes * 120) × 64000 = ?") && !hint.contains(String(clock.value)))
            #expect(QuizGrader.grade(question, QuizAnswer(seq: clock.value)).isAllCorrect)
        }
    }

    @Test("every lesson: no prompt names an ISN that a clock gives and no segment has shown")
    func noPromptNamesAClockISN() throws {
        var asked = 0
        for id in Curriculum.folder.lessons.keys.sorted() {
            for draw in Self.draws.prefix(6) {
                let timeline = try Self.timeline(id, draw)
                for question in QuizQuestion.quizPoints(in: timeline) {
                    let panel = QuizPanel(question: question)
                    for field in question.fields {
                        guard let prompt = panel.numberingPrompt(field) else { continue }
                        for (host, clock) in question.clocks {
                            asked += 1
                            #expect(!prompt.en.contains(String(clock.value)), "\(id) line \(question.line) \(host)")
                            #expect(!prompt.zh.contains(String(clock.value)), "\(id) line \(question.line) \(host)")
                            if host == question.sender {
                                #expect(prompt.en.hasPrefix(try #require(question.setting).en))
                            }
                        }
                    }
                }
            }
        }
        #expect(asked >= 20, "lessons 3 and 21 ask about clock ISNs")
    }

    @Test("lesson 21: predicting B's ISN is a quiz on B's real SYN+ACK, graded from the engine")
    func predictionIsAQuizPoint() throws {
        for draw in Self.draws {
            let timeline = try Self.timeline("isn-prediction", draw)
            let clock = try #require(timeline.clocks[.b])
            let question = try #require(QuizQuestion.quizPoints(in: timeline).first)
            #expect(question.sender == .b && question.segment.flags == [.syn, .ack])
            #expect(question.expectedTypedSeq == clock.value && question.fields.contains(.seq))
            #expect(question.expected.sentBecause != .fromOutside)
            #expect(try #require(question.setting).en.contains("\(clock.connections ?? 0) connections opened since"))
            let feedback = QuizGrader.grade(question, QuizAnswer(seq: clock.value &- 64_000))
            let why = try #require(feedback.fields.first { $0.field == .seq }?.why)
            #expect(why.en.contains("1 + \(clock.ticks) × 64000 + \(clock.connections ?? 0) × 64000 = \(clock.value)"))
        }
    }

    @Test("exams draw through the lesson's fresh: header: clocks stay clocks, the wrap lesson stays near 2^32")
    func examsDrawAsTheLessonSays() throws {
        let lessons = ["initial-sequence-numbers", "sequence-wrap", "isn-prediction"]
        let pool = try Curriculum.folder.pool(lessons)
        for student in ["s1", "s2", "s3", "s4"] {
            let blueprint = try ExamBlueprint.derive(
                key: ExamFixtures.key, studentID: student,
                parameters: ExamParameters(lessons: lessons, questionCount: 9, minutes: 30), pool: pool)
            for question in try ExamQuestion.all(blueprint, lessons: Curriculum.folder) {
                let lesson = try #require(Curriculum.folder.lessons[question.plan.point.lessonID])
                let sources = lesson.freshISN(question.plan.draw)
                for host in HostID.allCases {
                    let expected = ISNClock.value(
                        of: sources[host]!, local: lesson.hosts[host], remote: lesson.hosts[host.peer])
                    #expect(question.timeline.isn[host] == expected)
                }
                switch lesson.fresh {
                case .clock:
                    #expect(
                        question.timeline.clocks.values.contains {
                            $0.value == question.timeline.isn.a.rawValue
                                || $0.value == question.timeline.isn.b.rawValue
                        })
                case .nearWrap: #expect(question.timeline.isn.values.allSatisfy { $0.rawValue >= 4_294_966_296 })
                case .random, .no: break
                }
            }
        }
    }
}
