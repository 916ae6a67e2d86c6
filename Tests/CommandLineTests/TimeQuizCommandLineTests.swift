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
            ["quiz", "timing-questions", "--plain"], input: "1 s x\n1 s\n4s\n"
        ).text
        #expect(output.contains("How long after the segment before it does this one leave?"), "\(output)")
        #expect(output.contains("'s x' is not a unit: use ms, s, min or h"), "\(output)")
        #expect(output.contains("right: time 1 s"), "\(output)")
        #expect(output.contains("wrong: time you: 4 s; right: 2 s"), "\(output)")
        #expect(output.contains("the retransmission timeout doubles"), "\(output)")
        #expect(output.contains("2 of 2 questions answered, 2 of 4 points"), "\(output)")
    }

    @Test("Chinese units are read and the feedback is in Chinese")
    func plainTimeQuizInChinese() throws {
        let output = try TutorProgram.run(
            ["quiz", "timing-questions", "--plain", "--lang", "zh"], input: "1秒\n2000毫秒\n"
        ).text
        #expect(output.contains("时间（带单位的时长"), "\(output)")
        #expect(output.contains("共 2 题，已答 2 题，得分 4/4"), "\(output)")
    }
}
