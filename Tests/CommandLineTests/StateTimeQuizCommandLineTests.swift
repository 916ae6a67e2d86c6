import Foundation
import TCPTutorTestSupport
import Testing

/// The new `time` questions through the command line: `run` shows what they measure (text and JSON Lines),
/// `quiz --plain` asks and grades them from the virtual clock, `check` points at misuse.
@Suite("Command line: time questions on a state change and from connect()")
struct StateTimeQuizCommandLineTests {
    @Test("run --format json shows each new question kind with its moments and the engine's interval")
    func jsonShowsTheMeasure() throws {
        let first = try TutorProgram.run(["run", "first-data-byte", "--format", "json"]).text
        let quizzes = first.split(separator: "\n").filter { $0.contains("\"kind\":\"quiz\"") }
        #expect(quizzes.count == 2, "\(first)")
        #expect(quizzes.first?.contains("\"measure\":{\"until\":\"A ESTABLISHED\",\"since\":\"A connect\"") == true)
        #expect(quizzes.first?.contains("\"ms\":100}") == true, "\(quizzes)")
        #expect(quizzes.last?.contains("\"until\":\"arrival\",\"since\":\"A connect\"") == true)
        #expect(quizzes.last?.contains("\"ms\":150}") == true, "\(quizzes)")
        let timing = try TutorProgram.run(["run", "timing-questions", "--format", "json"]).text
        let lines = timing.split(separator: "\n")
        let index = try #require(lines.firstIndex { $0.contains("\"until\":\"A CLOSED\"") }, "\(timing)")
        #expect(lines[index].contains("\"question\":\"how long after the segment before it does A leave TIME_WAIT\""))
        #expect(lines[index].contains("\"ms\":240000}"))
        // The question comes before the wait it asks about, and A's change to CLOSED follows that wait.
        #expect(lines[index + 1].contains("\"kind\":\"wait\""), "\(lines[index + 1])")
        #expect(lines[index + 2].contains("\"from\":\"TIME_WAIT\",\"to\":\"CLOSED\""), "\(lines[index + 2])")
    }

    @Test("quiz --plain asks from connect() and grades from the clock; the text timeline says it in Chinese")
    func plainQuiz() throws {
        let output = try TutorProgram.run(["quiz", "first-data-byte", "--plain"], input: "100 ms\n100 ms\n").text
        let expected = [
            "How long after A's connect() does A leave SYN_SENT?",
            "A → B: How long after A's connect() does this segment arrive?", "right: time 100 ms",
            "wrong: time you: 100 ms; right: 150 ms", "2 of 2 questions answered, 2 of 4 points",
        ]
        for line in expected { #expect(output.contains(line), "\(output)") }
        let chinese = try TutorProgram.run(["run", "first-data-byte", "--lang", "zh"]).text
        #expect(chinese.contains("测验：时间——从主机A调用connect()到这个报文段到达的时间间隔：150 毫秒"), "\(chinese)")
    }

    @Test("check gives file:line:column for a state question on a wait where no state changes")
    func checkPointsAtMisuse() throws {
        // A's last ACK is on line 18; a minute is not TIME_WAIT's 2MSL.
        let lesson = Curriculum.root.appendingPathComponent(
            "Tests/CommandLineTests/Fixtures/state-question-on-idle-wait.lesson"
        ).path
        let result = try TutorProgram.run(["check", lesson])
        let expected = "\(lesson):19:17: A does not reach CLOSED during this wait: it stays in TIME_WAIT"
        #expect(result.status == 1 && result.errors.contains(expected), "\(result.text)")
    }
}
