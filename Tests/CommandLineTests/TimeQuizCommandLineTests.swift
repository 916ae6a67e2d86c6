import Foundation
import LessonKit
import TCPTutorTestSupport
import Testing

/// `tcptutor quiz timing-questions --plain`: durations typed as a student types them, graded from the
/// virtual clock, in English and Chinese.
@Suite("Command line: time questions")
struct TimeQuizCommandLineTests {
    @Test("a right duration scores, one doubled too often gets the doubling note, a bad unit is pointed at")
    func plainTimeQuiz() throws {
        let output = try TutorProgram.run(
            ["quiz", "timing-questions", "--plain"], input: "1 s x\n1 s\n4s\n2 min\n"
        ).text
        #expect(output.contains("How long after the segment before it does this one leave?"), "\(output)")
        #expect(output.contains("'s x' is not a unit: use ms, s, min or h"), "\(output)")
        #expect(output.contains("right: time 1 s"), "\(output)")
        #expect(output.contains("wrong: time you: 4 s; right: 2 s"), "\(output)")
        #expect(output.contains("the retransmission timeout doubles"), "\(output)")
        // The third asks when A's TIME_WAIT timer, which sends nothing, takes it to CLOSED: one MSL is half of it.
        #expect(output.contains("How long after the segment before it does A leave TIME_WAIT?"), "\(output)")
        #expect(output.contains("wrong: time you: 2 min; right: 4 min"), "\(output)")
        #expect(output.contains("That is one MSL, half of TIME_WAIT: it lasts 2 × MSL"), "\(output)")
        #expect(output.contains("3 of 3 questions answered, 2 of 6 points"), "\(output)")
    }

    @Test("Chinese units are read and the feedback is in Chinese")
    func plainTimeQuizInChinese() throws {
        let output = try TutorProgram.run(
            ["quiz", "timing-questions", "--plain", "--lang", "zh"], input: "1秒\n2000毫秒\n4分钟\n"
        ).text
        #expect(output.contains("时间（带单位的时长"), "\(output)")
        #expect(output.contains("共 3 题，已答 3 题，得分 6/6"), "\(output)")
    }
}
